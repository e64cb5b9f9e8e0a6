#!/bin/sh
# tidings --add=URL [TAG...] against a server on 127.0.0.1: a feed's URL,
# a page with one feed link, one with several, one with none (the site's
# /rss.xml then), a site with nothing, a feed already there.
. "$TOP_SRCDIR/tests/lib/tap.sh"
dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-add.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/www/root" "$dir/empty"
feed='<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>'
echo "$feed" >"$dir/www/a.xml"
echo "$feed" >"$dir/www/root/rss.xml"
cat >"$dir/www/one.html" <<'HTML'
<!DOCTYPE html><html><head><title>Blog</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Posts" href="/feed/a.xml">
</head><body><p>Hello</p></body></html>
HTML
cat >"$dir/www/many.html" <<'HTML'
<!DOCTYPE html><html><head><base href="/feed/">
<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/atom+xml" href="atom.xml">
<link rel="Alternate Home" type="application/feed+json" href="b.json">
<link rel="alternate" type="text/html" href="/other.html">
</head><body></body></html>
HTML
echo '<html><body>no links</body></html>' >"$dir/www/none.html"

wait_port() {
	n=0
	while [ ! -s "$1" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
	test -s "$1"
}
python3 "$TOP_SRCDIR/tests/lib/httpd.py" "$dir/www" "$dir/log" \
    >"$dir/port" 2>/dev/null &
pid=$!
wait_port "$dir/port" || { echo "1..0 # SKIP no test server"; exit 0; }
base="http://127.0.0.1:$(head -n 1 "$dir/port")"
echo "fulltext no" >"$dir/config"
add() { "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" "$@"; }

plan 16

add --add="$base/feed/a.xml" news "tech news" >"$dir/out" 2>&1
ok "a feed's URL: exit 0" test $? -eq 0
ok "a feed's URL: added with its tags" grep -qxF \
    "$base/feed/a.xml news \"tech news\"" "$dir/urls"

add --add="$base/feed/a.xml" >"$dir/out" 2>&1
ok "already there: exit 0, says so" sh -c "test $? -eq 0 && grep -q 'Already subscribed' '$dir/out'"
ok "already there: nothing added" test "$(grep -c a.xml "$dir/urls")" -eq 1

rm -f "$dir/urls"
add --add="$base/page/one.html" blog >"$dir/out" 2>&1
ok "a page with one feed link: exit 0" test $? -eq 0
ok "a page with one feed link: that feed added" grep -qxF \
    "$base/feed/a.xml blog" "$dir/urls"
ok "and which one is said" contains "$dir/out" "Added $base/feed/a.xml"

add --add="$base/page/many.html" >"$dir/out" 2>&1
ok "several feed links: the first added, resolved against <base>" grep -qxF \
    "$base/feed/atom.xml" "$dir/urls"
ok "several feed links: the others listed" sh -c "grep -q 'other feed' '$dir/out' &&
    grep -qF '  $base/feed/b.json' '$dir/out' && ! grep -q other.html '$dir/out'"

ok "a web page's file: and javascript: links are never taken" sh -c "! grep -Eq 'passwd|javascript' '$dir/urls' '$dir/out'"

add --add="$base/page/none.html" >"$dir/out" 2>&1
ok "no feed link: the site's /rss.xml" grep -qxF "$base/rss.xml" "$dir/urls"

# A site with nothing at all.
python3 "$TOP_SRCDIR/tests/lib/httpd.py" "$dir/empty" "$dir/log2" \
    >"$dir/port2" 2>/dev/null &
pid2=$!
wait_port "$dir/port2"
cp "$dir/www/none.html" "$dir/empty/none.html"
base2="http://127.0.0.1:$(head -n 1 "$dir/port2")"
cp "$dir/urls" "$dir/urls.before"
add --add="$base2/page/none.html" >"$dir/out" 2>&1
rc=$?
kill "$pid2" 2>/dev/null
ok "nothing found: exit 1" test $rc -eq 1
ok "nothing found: the message names the URL" contains "$dir/out" \
    "tidings: $base2/page/none.html: no feed found"
ok "nothing found: the urls file unchanged" cmp -s "$dir/urls" "$dir/urls.before"

# With the feeds from a sync server, the urls file is not theirs to grow.
printf 'urls-source "ttrss"\n' >"$dir/config.sync"
"$TIDINGS" -C "$dir/config.sync" -u "$dir/urls" -c "$dir/cache.db" \
    --add="$base/feed.xml" >"$dir/out" 2>&1
rc=$?
ok "urls-source ttrss: --add refused (exit 2, says why)" sh -c '
    test "$1" -eq 2 && grep -q "^tidings: --add: the feeds come from the sync server" "$2"' \
    _ $rc "$dir/out"
ok "urls-source ttrss: the urls file unchanged" cmp -s "$dir/urls" "$dir/urls.before"
