#!/bin/sh
# add-feed (a) in the reader, in tmux, against a server on 127.0.0.1: a
# web page's feed is found and appended to the urls file with its tags,
# listed at once and fetched with r; a page with several feeds names the
# others; a feed already there, a page with none, an address that is not
# a URL and a server that is not there each say why nothing was added.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-uiadd.XXXXXX")
pid=
cleanup() {
	tmux_stop
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/www"
cat >"$dir/www/a.xml" <<'XML'
<?xml version="1.0"?><rss version="2.0"><channel><title>Found Feed</title>
<item><title>Found story</title><guid>f1</guid></item></channel></rss>
XML
cp "$dir/www/a.xml" "$dir/www/atom.xml"
cat >"$dir/www/one.html" <<'HTML'
<!DOCTYPE html><html><head><title>Blog</title>
<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed/a.xml">
</head><body><p>Hello</p></body></html>
HTML
cat >"$dir/www/many.html" <<'HTML'
<!DOCTYPE html><html><head><base href="/feed/">
<link rel="alternate" type="application/rss+xml" href="a.xml&#10;exec:touch pwned">
<link rel="alternate" type="application/atom+xml" href="atom.xml">
<link rel="alternate" type="application/feed+json" href="b.json">
</head><body></body></html>
HTML
echo '<html><body>no links</body></html>' >"$dir/www/none.html"

python3 "$TOP_SRCDIR/tests/lib/httpd.py" "$dir/www" "$dir/log" \
    >"$dir/port" 2>/dev/null &
pid=$!
wait_file "$dir/port" 10 || { echo "1..0 # SKIP no test server"; exit 0; }
base="http://127.0.0.1:$(head -n 1 "$dir/port")"
: >"$dir/urls"
echo "fulltext no" >"$dir/config"

# ask LINE: a, the line, Enter.
ask() {
	keys a
	wait_for "Subscribe to (URL [tag ...]):" 5
	type_text "$1"
	keys Enter
}

echo "1..12"
tmux_start 200 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Your feeds" 10

ask "$base/page/one.html blog \"tech news\""
check "a page: its feed is added, and the message says which" \
    wait_for "Added $base/feed/a.xml: r fetches it." 10
check "a page: the feed is in the urls file with the tags" grep -qxF \
    "$base/feed/a.xml blog \"tech news\"" "$dir/urls"
check "a page: the feed is listed at once" wait_for "$base/feed/a.xml" 5
keys Down Down Down r
check "r fetches the new feed" wait_for "(1/1) Found Feed" 10

ask "$base/page/one.html"
check "already subscribed: says so" \
    wait_for "Already subscribed: $base/feed/a.xml" 10
check "already subscribed: nothing added" \
    test "$(grep -c a.xml "$dir/urls")" -eq 1

ask "$base/page/many.html"
check "several feeds: the first usable one added, the others named" \
    wait_for "Added $base/feed/atom.xml; the page names 1 other feed: $base/feed/b.json" 10
check "a link with a line break in it is never taken" \
    sh -c "! grep -q pwned '$dir/urls'"

cp "$dir/urls" "$dir/urls.before"
ask "$base/page/none.html"
check "no feed: the message names the URL and why" \
    wait_for "$base/page/none.html: no feed found" 10
ask "gopher://example.org/"
check "not a URL: says so" \
    wait_for "gopher://example.org/: not an http, https or file URL" 5
ask "http://127.0.0.1:9/feed.xml"
check "no server: the message names the URL" \
    wait_match "http://127.0.0.1:9/feed.xml: .+" 15
check "the urls file unchanged by what failed" \
    cmp -s "$dir/urls" "$dir/urls.before"
keys Q
