#!/bin/sh
# The reader with its poller thread and its configuration, in tmux:
# refresh on start-up, R with the cursor kept on its article, key and
# colour lines (and their errors), NO_COLOR.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

# feed N...: an RSS document with items numbered N..., newest first.
feed() {
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Poll Feed</title><link>http://example.org/</link>'
	for n in "$@"; do
		printf '<item><title>Story %s</title><link>http://example.org/%s</link>' "$n" "$n"
		printf '<guid>story-%s</guid><pubDate>Mon, 0%s Jan 2024 10:00:00 GMT</pubDate>' "$n" "$n"
		printf '<description>Text of story %s.</description></item>\n' "$n"
	done
	echo '</channel></rss>'
}
feed 2 1 >"$dir/feed.xml"
echo "file://$dir/feed.xml" >"$dir/urls"
printf '%s\n' 'refresh-on-startup yes' 'fulltext no' 'bind-key x help' \
    'color listfocus_unread color208 default bold' >"$dir/config"

echo "1..14"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
check "refresh on start-up, in the background" \
    wait_for "Refreshed 1 feed: 2 new articles." 15
check "the feed list updated in place" wait_for "(2/2) Poll Feed" 5
check "256-colour focus from a color line" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	screen_e | grep -q "38;5;208"' _ "$TMUX_SOCK"

keys Enter
wait_for "Story 1" 5
keys Down
# A new, newer story arrives; R fetches it while the cursor stays put.
feed 3 2 1 >"$dir/feed.xml"
keys R
check "R: the new story appears" wait_for "Story 3" 15
check "R: the list grew in place" wait_for "Poll Feed (3 articles)" 5
keys Enter
check "the cursor stayed on its article" wait_for "Title: Story 1" 5
keys q

# Keys from the config file.
keys x
check "bind-key from the config" wait_for "Help - articlelist keys" 5
check "help shows the rebinding" wait_match "^\? x +help" 5
keys q Q
check "quit" exited_ok 10
tmux_stop

# Errors in key and colour lines name the file and line, exit 2.
printf '%s\n' '# keys' 'bind-key x fly' 'color nothing red blue' \
    >"$dir/bad"
"$TIDINGS" -C "$dir/bad" -u "$dir/urls" -c "$dir/cache.db" \
    </dev/null >"$dir/out" 2>"$dir/err"
check "bad key line: exit 2" [ $? = 2 ]
check "bad lines: file:line: message" sh -c '
	grep -qF "$1:2: unknown action: fly" "$2" &&
	grep -qF "$1:3: unknown color element: nothing" "$2"' _ "$dir/bad" \
    "$dir/err"

# NO_COLOR: attributes, no colours.
tmux_start 100 30 env NO_COLOR=1 "$TIDINGS" -C "$dir/config" \
    -u "$dir/urls" -c "$dir/cache.db"
wait_for "Poll Feed" 10
check "NO_COLOR: no colour, focus in reverse video" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	s=$(screen_e)
	! printf "%s" "$s" | grep -q "38;5;\|\[3[0-7]m\|\[4[0-7]m" &&
	printf "%s" "$s" | grep -q "\[[0-9;]*7m"' _ "$TMUX_SOCK"
# SIGTERM: a clean exit, the terminal given back.
# The pane runs a shell whose child is tidings: signal that one pid.
shell_pid=$(tm display-message -p -t t '#{pane_pid}')
kill -TERM $(ps -o pid= --ppid "$shell_pid")
check "SIGTERM: exit 0" exited_ok 10
check "SIGTERM: terminal restored" sh -c 'printf "%s\n" "$1" |
    grep -q "[^-]icanon" && printf "%s\n" "$1" | grep -q "[^-]echo "' _ \
    "${STTY_AFTER:-}"
exit $((TAP_FAILED > 0))
