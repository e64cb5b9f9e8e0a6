#!/bin/sh
# Newsboat's keys in the reader, in tmux: ENTER in an article does nothing
# (o opens the link), and the defaults Newsboat users expect.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-keys.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
# A browser that records its arguments, one file a run.
cat >"$dir/browser" <<EOS
#!/bin/sh
n=\$(ls "$dir" | grep -c '^argv\.')
printf '%s\n' "\$@" >"$dir/argv.\$n"
EOS
chmod +x "$dir/browser"
printf '%s\n' 'fulltext no' "browser \"$dir/browser %u\"" >"$dir/config"
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"
start() {
	tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
	    -c "$dir/cache.db"
	wait_for "Alpha News" 10
}
runs() { ls "$dir" | grep -c '^argv\.'; }

echo "1..4"
start
keys Enter
wait_for "Aardvarks elect" 5
keys Enter
wait_for "The aardvark council" 5
# ENTER twice more: no browser, and the article stays.
keys Enter Enter
sleep 1
check "ENTER in the article starts no browser" sh -c '[ "$(ls "$1" |
    grep -c "^argv\.")" -eq 0 ]' _ "$dir"
check "and the article stays on screen" wait_for "The aardvark council" 1
keys o
check "o opens the article's link" wait_file "$dir/argv.0" 5
check "with the exact URL" sh -c '[ "$(cat "$1")" = "$2" ]' _ \
    "$dir/argv.0" 'https://example.org/news?a=1&b=$(touch /tmp/x);`id` '"'q'"' "d"'
keys Q
exit $TAP_FAILED
