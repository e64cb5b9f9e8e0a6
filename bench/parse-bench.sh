#!/bin/sh
# Parse throughput: tidings --parse against sfeed on the same large feed,
# single core. Prints MB/s (best of N wall-clock runs), user CPU and peak
# RSS. usage: bench/parse-bench.sh [TIDINGS] [MEGABYTES] [RUNS]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-$top/build-plain/tidings}
mb=${2:-80}
runs=${3:-3}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
feed="$work/feed.xml"
python3 "$top/bench/gen-feed.py" "$feed" "$mb"
bytes=$(wc -c <"$feed")
items=$(grep -c '<item>' "$feed")

# measure NAME CMD...: best wall time over $runs runs, its user and system
# time and the peak RSS, from GNU time. MB/s is given per wall second and
# per CPU second (user + sys): on a shared machine the second is the
# steadier figure.
measure() {
	name=$1; shift
	best=
	for _ in $(seq "$runs"); do
		if ! /usr/bin/time -f '%e %U %S %M' -o "$work/t" \
		    taskset -c 0 "$@" <"$feed" >/dev/null 2>"$work/err"; then
			echo "$name: failed:" >&2
			head -n 5 "$work/err" >&2
			return 0
		fi
		read -r wall user sys rss <"$work/t"
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall buser=$user bsys=$sys brss=$rss
		fi
	done
	awk -v n="$name" -v w="$best" -v u="$buser" -v s="$bsys" \
	    -v r="$brss" -v b="$bytes" 'BEGIN {
		c = u + s
		printf "%-28s %7.1f %7.1f %7.2f %7.2f %7.2f %9d\n", n,
		    (w > 0 ? b / 1e6 / w : 0), (c > 0 ? b / 1e6 / c : 0),
		    w, u, s, r }'
}

echo "parse benchmark: $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}'), $items items, best of $runs, one core"
printf "%-28s %7s %7s %7s %7s %7s %9s\n" "" "MB/s" "MB/s" "wall" "user" "sys" "peak RSS"
printf "%-28s %7s %7s %7s %7s %7s %9s\n" "program" "wall" "CPU" "s" "s" "s" "KiB"
measure "tidings --parse (JSON out)" "$tidings" --parse=-
if command -v sfeed >/dev/null 2>&1; then
	measure "sfeed (TSV out)" sfeed
else
	echo "sfeed: not installed (bench/install-deps.sh)"
fi
