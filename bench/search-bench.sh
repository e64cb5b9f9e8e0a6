#!/bin/sh
# Search over a big cache, through the reader's own prompt: N items
# (bench/gen-search-cache.py) indexed by `tidings --refresh` (its wall and
# CPU time printed: the index build), then, in tmux, `/` and a query,
# timed from Enter until the results' title is on screen (wall) and by
# the reader's CPU time over the same span (/proc/PID/schedstat). Whole words,
# parts of words and CJK text.
#
#	bench/search-bench.sh [TIDINGS] [N]
#
# Defaults: build-plain/tidings, 1,000,000 items. WORK=DIR keeps the
# cache there between runs (reused when its item count matches).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=$(cd "$(dirname "${1:-$top/build-plain/tidings}")" && pwd)/$(basename "${1:-tidings}")
n=${2:-1000000}
work=${WORK:-/tmp/tidings-search-bench}
sock="tidings-sbench-$$"
mkdir -p "$work"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; }
trap cleanup EXIT INT TERM
tm() { tmux -L "$sock" -f /dev/null "$@"; }
now_ms() { date +%s%3N; }

cache="$work/cache-$n.db"
echo "http://127.0.0.1:9/search-bench.xml" >"$work/urls"
: >"$work/config"
if [ ! -f "$cache.done" ]; then
	rm -f "$cache" "$cache-wal" "$cache-shm"
	"$tidings" -C "$work/config" -u "$work/urls" -c "$cache" --refresh \
	    >/dev/null 2>&1
	echo "generating $n items ..."
	python3 "$top/bench/gen-search-cache.py" "$cache" "$n" || exit 1
	# The first refresh after: the feed fails (nothing listens on port
	# 9), the index catches up with every item.
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$tidings" \
	    -C "$work/config" -u "$work/urls" -c "$cache" --refresh \
	    >/dev/null 2>&1
	tail -1 "$work/time" | { read -r e u s m
	printf 'index build, %s items: %s s wall, %.2f s CPU, %.1f MB peak\n' \
	    "$n" "$e" "$(echo "$u + $s" | bc)" "$(echo "$m / 1024" | bc -l)"; }
	touch "$cache.done"
fi
printf 'cache %s: %s MB, %s terms in the vocabulary\n' "$cache" \
    "$(( $(stat -c %s "$cache") / 1048576 ))" \
    "$(sqlite3 "$cache" 'SELECT count(*) FROM search_terms' 2>/dev/null)"

tm new-session -d -s b -x 120 -y 40 "sleep 100000"
tm set-option -g remain-on-exit on >/dev/null
tm respawn-pane -k -t b "exec env TERM=tmux-256color LANG=C.UTF-8 \
    '$tidings' -C '$work/config' -u '$work/urls' -c '$cache'"
until_shown() {
	end=$(( $(now_ms) + $2 * 1000 ))
	while ! tm capture-pane -p -t b | grep -qF -- "$1"; do
		[ "$(now_ms)" -gt "$end" ] && return 1
	done
	return 0
}
# Until the results' title with its count is on screen.
until_counted() {
	end=$(( $(now_ms) + $1 * 1000 ))
	while ! tm capture-pane -p -t b |
	    grep -qE -- '^tidings .*Search results.*\([0-9]+ articles?\)'; do
		[ "$(now_ms)" -gt "$end" ] && return 1
	done
	return 0
}
# The reader's CPU time in ns (the scheduler's own count).
cpu_ticks() {
	cut -d" " -f1 "/proc/$pid/schedstat"
}
until_shown "search-bench.xml" 60 || until_shown "Search" 1 || {
	echo "the reader did not start"; exit 1; }
pid=$(tm display-message -p -t b '#{pane_pid}')

search() {	# label query
	tm send-keys -t b /
	until_shown "Search for:" 10 || { echo "no prompt"; return; }
	tm send-keys -t b -l "$2"
	c0=$(cpu_ticks)
	t0=$(now_ms)
	tm send-keys -t b Enter
	if until_counted 60; then
		t1=$(now_ms)
		c1=$(cpu_ticks)
		got=$(tm capture-pane -p -t b | sed -n 's/.*(\([0-9]*\) articles*).*/\1/p' | head -1)
		printf '%-34s %6s ms wall %6s ms CPU  %s articles\n' "$1 \"$2\":" \
		    "$(( t1 - t0 ))" "$(( (c1 - c0) / 1000000 ))" "$got"
	else
		echo "$1 \"$2\": timeout"
	fi
	tm send-keys -t b q
	sleep 0.3
}

# The first search reads the index and the vocabulary from the page
# cache into SQLite's: "first" is that one, the others are warm.
search "first search" "ri"
search "whole word, frequent" "ka"
search "whole word, rare" "episode"
search "part of a word" "piso"
search "part of words, many terms" "dorvek"
search "one letter" "q"
search "CJK inside a term" "東京"
search "two words, one a part" "episode 12"
search "a quoted phrase" '"episode 12"'
search "a phrase of two frequent words" '"ka ri"'
tm send-keys -t b Q
