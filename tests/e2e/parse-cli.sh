#!/bin/sh
# tidings --parse from the command line: exit statuses, messages naming
# the file, stdin, relative links made absolute, hostile text scrubbed,
# Atom authors inherited, RSS 0.90, text constructs and base64.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
plan 17

"$TIDINGS" --parse="$tmp/missing.xml" >"$tmp/out" 2>"$tmp/err"
ok "missing file: exit 2" test $? -eq 2
ok "missing file: message names it" contains "$tmp/err" "tidings: $tmp/missing.xml:"

printf '<html><body>not a feed</body></html>' >"$tmp/page.html"
"$TIDINGS" --parse="$tmp/page.html" >"$tmp/out" 2>&1
ok "web page: exit 1 (not a feed)" test $? -eq 1
ok "web page: format unknown" contains "$tmp/out" '"format": "unknown"'

printf '<rss version="2.0"><channel><title>T</title><item><title>one</title><link>a/b.html</link></item><item><title>tw' >"$tmp/cut.xml"
"$TIDINGS" --parse="$tmp/cut.xml" >"$tmp/out" 2>&1
ok "truncated feed: exit 0" test $? -eq 0
ok "truncated feed: first item kept" contains "$tmp/out" '"title": "one"'
ok "truncated feed: error with line" contains "$tmp/out" '"errors": ["line 1:'
ok "relative link made absolute" contains "$tmp/out" "\"link\": \"file://$(cd "$tmp" && pwd -P)/a/b.html\""

printf '<rss version="2.0"><channel><title>x&amp;#27;[2J&amp;#x1b;]0;t&amp;#7;y&lt;/b&gt;</title></channel></rss>' |
    "$TIDINGS" --parse=- >"$tmp/out" 2>&1
ok "stdin: parsed" contains "$tmp/out" '"title": "xy"'
ok "no escape character in the output" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"

# An Atom entry without an author has the feed's (RFC 4287 4.2.1).
printf '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><author><name>Feed Writer</name></author><entry><id>1</id><title>e</title></entry></feed>' >"$tmp/atom.xml"
"$TIDINGS" --parse="$tmp/atom.xml" >"$tmp/out" 2>&1
ok "Atom entry: the feed's author" sh -c "grep -q '\"guid\": \"1\", \"title\": \"e\", \"link\": null, \"author\": \"Feed Writer\"' '$tmp/out'"

# RSS 0.90 under Netscape's channel.netscape.com namespace.
printf '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://channel.netscape.com/rdf/simple/0.9/"><channel><title>Old times</title></channel><item><title>Old item</title></item></rdf:RDF>' >"$tmp/090.xml"
"$TIDINGS" --parse="$tmp/090.xml" >"$tmp/out" 2>&1
ok "RSS 0.90: format" contains "$tmp/out" '"format": "rss0.9x"'
ok "RSS 0.90: title and item" sh -c "grep -q '\"title\": \"Old times\"' '$tmp/out' && grep -q '\"title\": \"Old item\"' '$tmp/out'"

# rdf:RDF in no RSS namespace is not a feed.
sed 's|http://channel.netscape.com/rdf/simple/0.9/|http://example.com/not-rss/|' "$tmp/090.xml" >"$tmp/rdf.xml"
"$TIDINGS" --parse="$tmp/rdf.xml" >"$tmp/out" 2>&1
ok "RDF in an unknown namespace: exit 1" test $? -eq 1
ok "RDF in an unknown namespace: format unknown" contains "$tmp/out" '"format": "unknown"'

# Only atom:content is base64; a title of another type is text, reported.
printf '<feed xmlns="http://www.w3.org/2005/Atom"><title type="application/x-custom">SGVsbG8=</title><entry><id>1</id><content type="application/x-bin">!!!</content></entry></feed>' >"$tmp/b64.xml"
"$TIDINGS" --parse="$tmp/b64.xml" >"$tmp/out" 2>&1
ok "title of an unknown type: not decoded" contains "$tmp/out" '"title": "SGVsbG8="'
ok "invalid base64 content: reported" contains "$tmp/out" '<content> is not valid base64'
