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

# measure NAME CMD...: best wall time over $runs runs, its user time and
# the peak RSS, from GNU time.
measure() {
	name=$1; shift
	best=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %M' -o "$work/t" taskset -c 0 "$@" \
		    <"$feed" >/dev/null 2>"$work/err" || true
		set -- "$@"
		read -r wall user rss <"$work/t"
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then
			best=$wall buser=$user brss=$rss
		fi
	done
	awk -v n="$name" -v w="$best" -v u="$buser" -v r="$brss" -v b="$bytes" \
	    'BEGIN { printf "%-28s %8.1f MB/s %8.2f s wall %7.2f s user %8d KiB peak RSS\n",
	        n, (w > 0 ? b / 1e6 / w : 0), w, u, r }'
}

echo "parse benchmark: $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}'), $items items, best of $runs, one core"
measure "tidings --parse (JSON out)" "$tidings" --parse=-
if command -v sfeed >/dev/null 2>&1; then
	measure "sfeed (TSV out)" sfeed
else
	echo "sfeed: not installed (bench/install-deps.sh)"
fi
