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
have_sfeed=no
command -v sfeed >/dev/null 2>&1 && have_sfeed=yes

# run NAME CMD...: one run under GNU time; keeps the run with the best
# wall time (its user and system time and peak RSS) in $work/best-NAME.
run() {
	name=$1; shift
	[ -e "$work/failed-$name" ] && return 0
	if ! /usr/bin/time -f '%e %U %S %M' -o "$work/t" \
	    taskset -c 0 "$@" <"$feed" >/dev/null 2>"$work/err"; then
		echo "$name: failed:" >&2
		head -n 5 "$work/err" >&2
		: >"$work/failed-$name"
		return 0
	fi
	read -r wall user sys rss <"$work/t"
	if [ ! -e "$work/best-$name" ] ||
	    awk -v w="$wall" -v b="$(cut -d' ' -f1 "$work/best-$name")" \
	    'BEGIN{exit !(w < b)}'; then
		echo "$wall $user $sys $rss" >"$work/best-$name"
	fi
}

# report NAME LABEL: MB/s per wall second and per CPU second (user +
# sys): on a shared machine the second is the steadier figure.
report() {
	[ -e "$work/best-$1" ] || return 0
	read -r wall user sys rss <"$work/best-$1"
	awk -v n="$2" -v w="$wall" -v u="$user" -v s="$sys" \
	    -v r="$rss" -v b="$bytes" 'BEGIN {
		c = u + s
		printf "%-28s %7.1f %7.1f %7.2f %7.2f %7.2f %9d\n", n,
		    (w > 0 ? b / 1e6 / w : 0), (c > 0 ? b / 1e6 / c : 0),
		    w, u, s, r }'
}

# The programs take turns, run by run, so that both see the same share
# of a machine whose load changes.
for _ in $(seq "$runs"); do
	run tidings "$tidings" --parse=-
	[ "$have_sfeed" = yes ] && run sfeed sfeed
done

echo "parse benchmark: $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}'), $items items, best of $runs, one core"
printf "%-28s %7s %7s %7s %7s %7s %9s\n" "" "MB/s" "MB/s" "wall" "user" "sys" "peak RSS"
printf "%-28s %7s %7s %7s %7s %7s %9s\n" "program" "wall" "CPU" "s" "s" "s" "KiB"
report tidings "tidings --parse (JSON out)"
if [ "$have_sfeed" = yes ]; then
	report sfeed "sfeed (TSV out)"
else
	echo "sfeed: not installed (bench/install-deps.sh)"
fi
