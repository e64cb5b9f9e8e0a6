#!/bin/sh
# Concurrency: the reader in tmux marks feeds read (A) while `tidings
# --refresh` runs again and again from another process against 200 growing
# feeds on 127.0.0.1 (tests/lib/hostile-httpd.py). Both must succeed, no
# read mark may be lost, and no "locked" or "busy" error may show on the
# screen or on either program's stderr.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

FEEDS=200
MARKS=20
dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-conc.XXXXXX")
srv=
loop=
cleanup() {
	[ -n "$loop" ] && kill "$loop" 2>/dev/null
	[ -n "$srv" ] && kill "$srv" 2>/dev/null
	tmux_stop
	rm -rf "$dir"
}
trap cleanup EXIT

python3 "$TOP_SRCDIR/tests/lib/hostile-httpd.py" >"$dir/port" 2>/dev/null &
srv=$!
wait_file "$dir/port" 20 || { echo "1..0 # SKIP test server did not start"; exit 0; }
port=$(head -n 1 "$dir/port")
i=0
while [ $i -lt $FEEDS ]; do
	echo "http://127.0.0.1:$port/gen/$i"
	i=$((i + 1))
done >"$dir/urls"
printf 'max-connections 16\nmax-connections-per-host 0\nfulltext no\n' >"$dir/config"
T() { "$TIDINGS" -u "$dir/urls" -c "$dir/cache.db" -C "$dir/config" "$@"; }
next_gen() {
	python3 -c 'import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/next-generation" % sys.argv[1]).read()' "$port"
}

echo "1..8"
if T --refresh 2>"$dir/first.err"; then
	ok "first refresh"
else
	LAST_SCREEN=$(cat "$dir/first.err") not_ok "first refresh"
fi

tmux_start 100 30 sh -c '"$@" 2>"$0"' "$dir/ui.err" "$TIDINGS" \
    -u "$dir/urls" -c "$dir/cache.db" -C "$dir/config"
trap cleanup EXIT	# tmux_start set its own; ours stops tmux too
wait_match "^ +1 N  \(2/2\) f0" 10 || not_ok "reader shows the feeds"

# Refreshes from another process, one after the other, each one with new
# articles in every feed, until the reader is done.
(
	n=0
	while [ ! -e "$dir/stop" ] || [ $n -lt 2 ]; do
		next_gen
		T --refresh 2>>"$dir/refresh.err"
		echo "$?" >>"$dir/refresh.rc"
		n=$((n + 1))
	done
) &
loop=$!
# Start marking once a refresh is under way.
wait_file "$dir/refresh.err" 10 >/dev/null 2>&1 || true

# marked K: the two first articles of feed K-1 are read in the cache. The
# screen is not the judge: it shows another refresh's new articles of that
# feed (unread again) within a second, live.
marked() {
	[ "$(sqlite3 "$dir/cache.db" "SELECT count(*) FROM items i JOIN feeds f
	    ON f.id = i.feed_id WHERE f.title = 'f$(($1 - 1))' AND i.read = 1
	    AND (i.ident LIKE '%-0' OR i.ident LIKE '%-1')" 2>/dev/null)" = 2 ]
}
locked=
k=1
while [ $k -le $MARKS ]; do
	keys A
	deadline=$(( $(now_ms) + 10000 ))
	until marked $k; do
		[ "$(now_ms)" -ge "$deadline" ] && break 2
		sleep 0.1
	done
	LAST_SCREEN=$(screen)
	case $LAST_SCREEN in
	*[Ll]ocked*|*[Bb]usy*) locked=$LAST_SCREEN ;;
	esac
	keys Down
	k=$((k + 1))
done
if [ $k -gt $MARKS ]; then
	ok "the reader marked $MARKS feeds read during the refreshes"
else
	not_ok "the reader marked $MARKS feeds read during the refreshes (stuck at $k)"
fi
touch "$dir/stop"
wait "$loop"
loop=
nref=$(wc -l <"$dir/refresh.rc")

if [ -z "$locked" ]; then
	ok "no locked or busy error on the screen"
else
	LAST_SCREEN=$locked not_ok "no locked or busy error on the screen"
fi
if [ "$(sort -u "$dir/refresh.rc")" = 0 ]; then
	ok "all $nref refreshes succeeded"
else
	LAST_SCREEN=$(head -n 20 "$dir/refresh.err") not_ok "all $nref refreshes succeeded"
fi
if ! grep -qi -e locked -e busy "$dir/refresh.err"; then
	ok "no locked or busy error from the refreshes"
else
	LAST_SCREEN=$(grep -i -e locked -e busy "$dir/refresh.err" | head -n 5) \
	    not_ok "no locked or busy error from the refreshes"
fi

keys q
if exited_ok 10 && ! grep -qi -e locked -e busy "$dir/ui.err"; then
	ok "the reader quits with status 0, nothing on stderr about locks"
else
	LAST_SCREEN="exit ${EXIT_STATUS:-?}; $(cat "$dir/ui.err")" \
	    not_ok "the reader quits with status 0, nothing on stderr about locks"
fi

# Every article the reader marked (the two of each feed's first
# generation, there before the marks) is still read after all the
# refreshes; and every article of the last generation is there.
read_kept=$(sqlite3 "$dir/cache.db" "SELECT count(*) FROM items i JOIN feeds f
    ON f.id = i.feed_id WHERE i.read = 1 AND f.title IN ($(
	k=0; sep=
	while [ $k -lt $MARKS ]; do printf "%s'f%d'" "$sep" $k; sep=,; k=$((k + 1)); done
    )) AND (i.ident LIKE '%-0' OR i.ident LIKE '%-1')")
if [ "$read_kept" = $((MARKS * 2)) ]; then
	ok "all $((MARKS * 2)) read marks kept"
else
	LAST_SCREEN="read: $read_kept" not_ok "all $((MARKS * 2)) read marks kept"
fi
total=$(sqlite3 "$dir/cache.db" "SELECT count(*) FROM items")
gen=$nref	# each refresh of the loop came after one more generation
if [ "$total" = $((FEEDS * (2 * gen + 2))) ] &&
    [ "$(sqlite3 "$dir/cache.db" 'PRAGMA integrity_check')" = ok ]; then
	ok "every refresh stored its articles ($total), integrity_check ok"
else
	LAST_SCREEN="items $total, generation $gen" \
	    not_ok "every refresh stored its articles, integrity_check ok"
fi
echo "# concurrent-ui: $MARKS feeds marked read in the reader during $nref refreshes of $FEEDS feeds, $read_kept marks checked"
[ $TAP_FAILED -eq 0 ]
