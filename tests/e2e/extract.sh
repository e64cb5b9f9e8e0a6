#!/bin/sh
# tidings --extract end to end (TAP): the shared example page, our own site
# shapes in tests/data/extract (each NAME.html with NAME.expected.txt, or
# declined with exit 1), and pages fetched over HTTP from a python3
# http.server on 127.0.0.1 started here.
set -u
: "${TIDINGS:?}" "${TESTS_DATA:?}" "${SHARED_DIR:?}"
data=$TESTS_DATA/extract
examples=$SHARED_DIR/examples
# A release tarball has no ../shared: use the copy in tests/data.
[ -f "$examples/article-un-report.html" ] || examples=$data
tmp=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
# No configuration of the user's: the fetcher's limits are the defaults.
XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_CONFIG_HOME XDG_DATA_HOME

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=1
	echo "not ok $n - $1"
	[ -f "$tmp/diag" ] && sed 's/^/# /' "$tmp/diag" | head -n 40
}

# extract_same NAME ARG EXPECTED: exit 0 and stdout equal to EXPECTED.
extract_same() {
	rm -f "$tmp/diag"
	"$TIDINGS" --extract="$2" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		{ echo "exit $rc"; cat "$tmp/err"; } >"$tmp/diag"
		not_ok "$1"
	elif ! diff -u "$3" "$tmp/out" >"$tmp/diag"; then
		not_ok "$1"
	else
		ok "$1"
	fi
}

# extract_declines NAME ARG: exit 1, a message naming ARG, nothing on stdout.
extract_declines() {
	rm -f "$tmp/diag"
	"$TIDINGS" --extract="$2" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ ! -s "$tmp/out" ] &&
	    grep -q "^tidings: .*: " "$tmp/err"; then
		ok "$1"
	else
		{ echo "exit $rc"; cat "$tmp/out" "$tmp/err"; } >"$tmp/diag"
		not_ok "$1"
	fi
}

echo "1..18"

extract_same "shared example: exactly the article's text" \
    "$examples/article-un-report.html" \
    "$examples/article-un-report.expected.txt"
# The README's list of surroundings, checked by name as well.
rm -f "$tmp/diag"
if [ ! -s "$tmp/out" ]; then
	echo "no output" >"$tmp/diag"
	not_ok "shared example: none of the page's surroundings"
elif grep -q -e "Breaking" -e "Most read" -e "Newsletter" -e "Leave a Reply" \
    -e "About Abhishek" -e "Food maven" -e "Check Also" -e "Globo" \
    -e "All rights reserved" -e "Advertisement" "$tmp/out"; then
	grep -n -e "Breaking" -e "Most read" -e "Newsletter" -e "Leave a Reply" \
	    -e "About Abhishek" -e "Food maven" -e "Check Also" -e "Globo" \
	    -e "All rights reserved" -e "Advertisement" "$tmp/out" >"$tmp/diag"
	not_ok "shared example: none of the page's surroundings"
else
	ok "shared example: none of the page's surroundings"
fi

extract_same "blog post: comments, author box and post navigation left out" \
    "$data/blog-comments.html" "$data/blog-comments.expected.txt"
extract_same "article in <main>: long footer, sign-up box, ad label left out" \
    "$data/main-footer.html" "$data/main-footer.expected.txt"
extract_same "many short paragraphs, Read also and a link list kept, promos not" \
    "$data/short-paras.html" "$data/short-paras.expected.txt"
extract_same "paragraphs straight in <main>: promos and teasers after them left out" \
    "$data/promos-in-main.html" "$data/promos-in-main.expected.txt"
extract_same "anchored headings kept, related box and comments left out" \
    "$data/anchors-related.html" "$data/anchors-related.expected.txt"
# The closing "Posted by" line shares the post's <div>; it is cut too.
extract_same "old-style blog: <br><br> paragraphs, no sidebar, no closing line" \
    "$data/old-blog.html" "$data/old-blog.expected.txt"
extract_same "post wrapper with WordPress term classes (tag-x, category-y)" \
    "$data/wp-classes.html" "$data/wp-classes.expected.txt"
extract_declines "section front of teasers is declined" \
    "$data/section-front.html"
extract_declines "blog index of long excerpts is declined" \
    "$data/blog-index.html"
extract_declines "video page with one caption is declined" \
    "$data/too-short.html"

rm -f "$tmp/diag"
"$TIDINGS" --extract="$tmp/no-such-file.html" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "no-such-file.html" "$tmp/err"; then
	ok "missing file: exit 2 naming the file"
else
	echo "exit $rc" >"$tmp/diag"; not_ok "missing file: exit 2 naming the file"
fi

# A real HTTP server on a free port of 127.0.0.1.
mkdir "$tmp/www"
cp "$data/blog-comments.html" "$data/short-paras.html" \
    "$data/section-front.html" "$tmp/www/"
cp "$data/blog-comments.expected.txt" "$tmp/www/notes.txt"
python3 -c '
import http.server, os, sys
os.chdir(sys.argv[1])
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/blog-comments.html")
            self.end_headers()
            return
        return super().do_GET()
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(s.server_port))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
s.serve_forever()
' "$tmp/www" "$tmp/port" 2>"$tmp/server.err" &
pid=$!
deadline=$(($(date +%s) + 10))
while [ ! -s "$tmp/port" ] && [ "$(date +%s)" -lt "$deadline" ]; do
	sleep 0.05
done
port=$(cat "$tmp/port" 2>/dev/null || echo 9)
url=http://127.0.0.1:$port

extract_same "over HTTP: the blog post" "$url/blog-comments.html" \
    "$data/blog-comments.expected.txt"
extract_same "over HTTP: a redirect is followed" "$url/moved" \
    "$data/blog-comments.expected.txt"
extract_same "over HTTP: ISO-8859-1 page converted" "$url/short-paras.html" \
    "$data/short-paras.expected.txt"
extract_declines "over HTTP: 404 is an error with exit 1" "$url/nothing.html"
extract_declines "over HTTP: a text/plain page is not HTML" "$url/notes.txt"

exit "$failed"
