#!/bin/sh
# The download queue from the reader, in tmux: e (enqueue) in the article
# list and in the article queues an article's enclosures, once, into
# download-path, with a message; an article without one says so.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-pod.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Pod Feed</title><link>http://example.org/</link>'
	echo '<item><title>Episode one</title><guid>1</guid>'
	echo '<pubDate>Tue, 03 Jan 2023 10:00:00 GMT</pubDate>'
	echo '<enclosure url="http://127.0.0.1:9/show/one.mp3" type="audio/mpeg" length="123"/>'
	echo '<description>One.</description></item>'
	echo '<item><title>Plain post</title><guid>2</guid>'
	echo '<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>'
	echo '<description>No enclosure.</description></item>'
	echo '<item><title>Episode two</title><guid>3</guid>'
	echo '<pubDate>Sun, 01 Jan 2023 10:00:00 GMT</pubDate>'
	echo '<enclosure url="http://127.0.0.1:9/other/one.mp3" type="audio/mpeg"/>'
	echo '<description>Two.</description></item>'
	echo '</channel></rss>'
} >"$dir/feed.xml"
echo "file://$dir/feed.xml" >"$dir/urls"
mkdir "$dir/dl"
printf '%s\n' 'fulltext no' "download-path $dir/dl" \
    'download-filename-format "%n - %u"' >"$dir/config"
T() { "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" "$@"; }
T --refresh >/dev/null || exit 1
queue() {
	python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(
    "SELECT url, file, state FROM downloads ORDER BY id"):
    print("\t".join(map(str, r)))' "$dir/cache.db"
}

echo "1..7"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Pod Feed" 10
keys Enter
wait_for "Episode one" 5
keys e
if wait_for "Queued 1 enclosure for download" 5; then
	ok "e in the article list queues the enclosure, with a message"
else
	not_ok "e in the article list queues the enclosure, with a message"
fi
check "the queue has it, named by download-filename-format in download-path" \
    [ "$(queue)" = "$(printf 'http://127.0.0.1:9/show/one.mp3\t%s\t0' \
    "$dir/dl/Pod Feed - one.mp3")" ]
keys e
if wait_for "Already in the download queue" 5; then
	ok "e again: already queued, not twice"
else
	not_ok "e again: already queued, not twice"
fi
keys Down e
if wait_for "This article has no enclosure" 5; then
	ok "an article without an enclosure says so"
else
	not_ok "an article without an enclosure says so"
fi
keys Down Enter
wait_for "Two." 5
keys e
if wait_for "Queued 1 enclosure for download" 5; then
	ok "e in the article queues its enclosure"
else
	not_ok "e in the article queues its enclosure"
fi
q=$(queue)
check "two enclosures of one name get two files" \
    sh -c '[ "$(printf "%s\n" "$1" | cut -f2 | sort -u | wc -l)" = 2 ] &&
    printf "%s\n" "$1" | grep -qF "/dl/Pod Feed - one (2).mp3"' _ "$q"
keys Q
check "the reader exits 0" exited_ok 10
exit $((TAP_FAILED > 0))
