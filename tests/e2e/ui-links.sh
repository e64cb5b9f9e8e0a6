#!/bin/sh
# Links from a feed on their way to the browser, in tmux: only the schemes
# of open-url-schemes are opened, and no control character gets through.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

# Oldest first in the list: item 1 is at the top.
item() {
	printf '<item><title>%s</title><link>%s</link><guid>%s</guid>' \
	    "$1" "$2" "$1"
	printf '<pubDate>Mon, 0%s Jan 2024 10:00:00 GMT</pubDate>' "$3"
	printf '<description>Body of %s.</description></item>\n' "$1"
}
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Link Feed</title><link>http://example.org/</link>'
	item "Gemini capsule" "gemini://example.org/capsule" 5
	item "Split link" "http://example.org/split
/path" 4
	item "File link" "file:///etc/passwd" 3
	item "Script link" "javascript:alert(document.cookie)" 2
	# U+009B is CSI, a C1 control XML allows.
	item "Escape link" "http://example.org/&#x9b;2J" 1
	echo '</channel></rss>'
} >"$dir/feed.xml"
echo "file://$dir/feed.xml" >"$dir/urls"
# gemini added by the user; file and javascript are not in the list.
printf '%s\n' 'fulltext no' 'open-url-schemes "http https gemini"' \
    >"$dir/config"
cat >"$dir/browser" <<'EOS'
#!/bin/sh
printf '%s' "$#" >"$BROWSER_LOG.argc"
printf '%s' "$1" >"$BROWSER_LOG.tmp" && mv "$BROWSER_LOG.tmp" "$BROWSER_LOG"
EOS
chmod +x "$dir/browser"
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" --refresh \
    >/dev/null || exit 1

opened() {
	wait_file "$dir/opened" 5 && [ "$(cat "$dir/opened.argc")" = 1 ] &&
	    [ "$(cat "$dir/opened")" = "$1" ]
}
not_opened() {
	sleep 1
	[ ! -e "$dir/opened" ]
}

echo "1..8"
tmux_start 100 30 env BROWSER="$dir/browser" BROWSER_LOG="$dir/opened" \
    "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"
wait_for "Link Feed" 10
keys Enter
wait_for "Script link" 5
# The list is newest first: Gemini, Split, File, Script, Escape.
keys Down Down Down
keys o
check "javascript: is not opened, with a message naming the scheme" \
    wait_for "Not opened: javascript: links are not opened" 5
check "the browser did not run for javascript:" not_opened
keys Up o
check "file: is not opened" wait_for "Not opened: file: links are not opened" 5
check "the browser did not run for file:" not_opened
keys Up o
check "a newline inside a link is taken out, not passed as a blank" \
    opened "http://example.org/split/path"
rm -f "$dir/opened" "$dir/opened.argc"
keys Up o
check "a scheme the user added to open-url-schemes is opened" \
    opened "gemini://example.org/capsule"
rm -f "$dir/opened" "$dir/opened.argc"
# From inside the article too, and escape sequences never get through.
keys G Enter
wait_for "Body of Escape link" 5
keys o
# The parser shows a C1 control as a visible sign; the browser gets
# that, never the control (url_clean in tests/unit/test-url.c covers
# controls that reach the cache some other way).
check "no control character reaches the browser" \
    opened "$(printf 'http://example.org/\342\200\2722J')"
keys q q q
check "quit" exited_ok 10
