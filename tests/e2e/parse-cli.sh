#!/bin/sh
# tidings --parse from the command line: exit statuses, messages naming
# the file, stdin, relative links made absolute, hostile text scrubbed.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
plan 10

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
