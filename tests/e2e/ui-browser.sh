#!/bin/sh
# The browser option as Newsboat users write it, in tmux: quotes are
# quoting (a program path with a blank, '%u'), a trailing & runs the
# browser detached so that the reader goes on at once, and what only a
# shell could do (a pipe) is refused with the config's file and line, by
# the reader, by --refresh and by --import-newsboat, which prints the
# whole line it skips.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-br.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>Browser Feed</title><link>http://example.org/</link>'
	echo '<item><title>Slow page</title><link>http://example.org/a?x=1&amp;y=2</link>'
	echo '<guid>a</guid><description>Body.</description></item>'
	echo '</channel></rss>'
} >"$dir/feed.xml"
echo "file://$dir/feed.xml" >"$dir/urls"
mkdir "$dir/My Apps"
# A GUI browser: it stays up (5 s here) and writes on its terminal.
cat >"$dir/My Apps/browser" <<'EOS'
#!/bin/sh
printf '%s\n' "$#" "$@" >"$BROWSER_LOG.tmp" && mv "$BROWSER_LOG.tmp" "$BROWSER_LOG"
echo "BROWSER WROTE THIS"
sleep 5
touch "$BROWSER_LOG.done"
EOS
chmod +x "$dir/My Apps/browser"
printf '%s\n' 'fulltext no' \
    "browser \"'$dir/My Apps/browser' --new-tab '%u' &\"" >"$dir/config"
T() { "$TIDINGS" -u "$dir/urls" -c "$dir/cache.db" "$@"; }
T -C "$dir/config" --refresh >/dev/null || exit 1

echo "1..10"
tmux_start 100 30 env BROWSER_LOG="$dir/opened" \
    "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"
wait_for "Browser Feed" 10
keys Enter
wait_for "Slow page" 5
keys o
check "the quoted program path with a blank is run, with the URL as one word" \
    sh -c 'wait() { i=0; while [ ! -s "$1" ] && [ $i -lt 100 ]; do
	sleep 0.05; i=$((i + 1)); done; }; wait "$1"
    [ "$(cat "$1")" = "$(printf "2\n--new-tab\nhttp://example.org/a?x=1&y=2")" ]' \
    _ "$dir/opened"
# The browser is still up for seconds: the reader answers meanwhile.
keys q
if wait_match '^ +1 .*\([01]/1\) +Browser Feed' 3 &&
    [ ! -e "$dir/opened.done" ]; then
	ok "with a trailing & the reader goes on while the browser runs"
else
	not_ok "with a trailing & the reader goes on while the browser runs"
fi
check "the detached browser's output does not reach the screen" \
    sh -c 'case $1 in *"BROWSER WROTE"*) exit 1;; esac' _ "$LAST_SCREEN"
keys q
check "quit" exited_ok 10

# A pipe needs a shell: refused at load, with file and line, everywhere.
printf '%s\n' 'fulltext no' 'browser "lynx -dump %u | less"' >"$dir/bad"
T -C "$dir/bad" --refresh >/dev/null 2>"$dir/err"
rc=$?
LAST_SCREEN=$(cat "$dir/err")
check "--refresh: a browser with a pipe is a config error (exit 2, file:line)" \
    sh -c '[ "$1" = 2 ] && grep -q "bad:2: browser: the shell.s | is not supported" "$2"' \
    _ "$rc" "$dir/err"
T -C "$dir/bad" >/dev/null 2>"$dir/err2" </dev/null
rc=$?
LAST_SCREEN=$(cat "$dir/err2")
check "the reader says the same (exit 2)" \
    sh -c '[ "$1" = 2 ] && grep -q "bad:2: browser:" "$2"' _ "$rc" "$dir/err2"

# --import-newsboat keeps a detaching browser line, skips the pipe and
# prints every skipped line whole.
mkdir -p "$dir/nb" "$dir/home"
echo "file://$dir/feed.xml" >"$dir/nb/urls"
long='bind-key x no-such-action-with-a-very-long-name-that-goes-on-and-on feedlist'
printf '%s\n' 'browser "firefox '"'"'%u'"'"' &"' \
    'browser "lynx %u | tee /tmp/seen; echo done"' "$long" >"$dir/nb/config"
HOME=$dir/home XDG_CONFIG_HOME=$dir/home/cfg XDG_DATA_HOME=$dir/home/data \
    "$TIDINGS" --import-newsboat="$dir/nb" >"$dir/imp" 2>&1
LAST_SCREEN=$(cat "$dir/imp")
check "import: the detaching browser line is kept as it was" \
    grep -qxF 'browser "firefox '"'"'%u'"'"' &"' "$dir/home/cfg/tidings/config"
check "import: the pipe is named as the reason the line is skipped" \
    grep -qF "config:2: browser \"lynx %u | tee /tmp/seen; echo done\" (browser: the shell's | is not supported" "$dir/imp"
check "import: a long skipped line is printed whole" \
    grep -qF "config:3: $long (" "$dir/imp"
check "import: one of each is said in the singular" sh -c '
    grep -q "^Feeds: 1 added to .* (0 were there already)\.$" "$1" &&
    grep -q "^Config: 1 line added to .*, 2 skipped (listed above)\.$" "$1"' \
    _ "$dir/imp"
