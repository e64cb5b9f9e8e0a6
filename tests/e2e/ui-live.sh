#!/bin/sh
# Another process's refresh shows in an open reader, in tmux: `tidings
# --refresh` run beside it against a server on 127.0.0.1 stores new
# articles, and the reader's headlines, feed list and counts show them
# within seconds without a key, the cursor staying on its article.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-live.XXXXXX")
pid=
cleanup() {
	tmux_stop
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
mkdir "$dir/www"

# feed N...: an RSS document with items numbered N..., newest first.
feed() {
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Live Feed</title><link>http://example.org/</link>'
	for n in "$@"; do
		printf '<item><title>Story %s</title><link>http://example.org/%s</link>' "$n" "$n"
		printf '<guid>story-%s</guid><pubDate>Mon, 0%s Jan 2024 10:00:00 GMT</pubDate>' "$n" "$n"
		printf '<description>Text of story %s.</description></item>\n' "$n"
	done
	echo '</channel></rss>'
}
feed 2 1 >"$dir/www/live.xml"

python3 "$TOP_SRCDIR/tests/lib/httpd.py" "$dir/www" "$dir/log" \
    >"$dir/port" 2>/dev/null &
pid=$!
wait_file "$dir/port" 10 || { echo "1..0 # SKIP no test server"; exit 0; }
port=$(head -n 1 "$dir/port")
echo "http://127.0.0.1:$port/feed/live.xml" >"$dir/urls"
echo "fulltext no" >"$dir/config"
T() { "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" "$@"; }

echo "1..9"
T --refresh >"$dir/out" 2>&1
check "first refresh from the command line" [ $? = 0 ]
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
check "the reader shows the feed" wait_match "^ +1 N  \(2/2\) Live Feed" 10

# In the headlines, cursor on Story 1; a refresh from another process.
keys Enter
wait_for "Live Feed (2 articles)" 5
keys Down
feed 3 2 1 >"$dir/www/live.xml"
T --refresh >"$dir/out" 2>&1
check "second refresh, from another process" [ $? = 0 ]
check "the headlines show the new article, no key pressed" \
    wait_for "Story 3" 6
check "and count it" wait_for "Live Feed (3 articles)" 6
keys Enter
check "the cursor stayed on its article" wait_for "Title: Story 1" 5
keys q q
# At the feed list: one more refresh, the counts follow.
wait_match "^ +1 N  \(2/3\) Live Feed" 5
feed 4 3 2 1 >"$dir/www/live.xml"
T --refresh >"$dir/out" 2>&1
check "the feed list counts the new article, no key pressed" \
    sh -c '. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	wait_match "^ +1 N  \(3/4\) Live Feed" 6 &&
	printf "%s\n" "$LAST_SCREEN" | grep -q "Your feeds (3 unread)"' _ \
    "$TMUX_SOCK"
keys Enter
check "opening the feed then lists it" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	wait_for "Live Feed (4 articles)" 5 &&
	printf "%s\n" "$LAST_SCREEN" | grep -q "Story 4"' _ "$TMUX_SOCK"
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
