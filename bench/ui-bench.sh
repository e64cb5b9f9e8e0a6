#!/bin/sh
# The reader with a big cache: time from launch (in tmux) until the feed
# list is on screen, resident memory then and after opening the biggest
# feed, the time to open it, and a search; beside it Newsboat on the same
# feeds where it is installed (bench/install-deps.sh).
#
#	bench/ui-bench.sh [TIDINGS] [NEWSBOAT=yes|no]
#
# 100,000 items: ten generated RSS files of 10,000 items, stored by
# `tidings --refresh` (and by `newsboat -x reload` for the comparison).
# 1,000,000 items: one feed written with tests/lib/seed-cache.py (rows
# copied in SQL). Figures are wall-clock, polled every few milliseconds.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=$(cd "$(dirname "${1:-$top/build-plain/tidings}")" && pwd)/$(basename "${1:-tidings}")
with_newsboat=${2:-yes}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui-bench.XXXXXX")
sock="tidings-bench-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

tm() { tmux -L "$sock" -f /dev/null "$@"; }
now_ms() { date +%s%3N; }
tm new-session -d -s b -x 120 -y 40 "sleep 100000"
tm set-option -g remain-on-exit on >/dev/null

# launch CMD...: run it in the pane (exec'd, so the pane's pid is its).
launch() {
	cmd="exec env TERM=tmux-256color LANG=C.UTF-8"
	for a in "$@"; do cmd="$cmd '$a'"; done
	tm respawn-pane -k -t b "$cmd"
}
# until_shown TEXT SECONDS: poll the screen; prints elapsed ms since $t0.
until_shown() {
	end=$(( $(now_ms) + $2 * 1000 ))
	while ! tm capture-pane -p -t b | grep -qF -- "$1"; do
		if [ "$(now_ms)" -gt "$end" ]; then echo "timeout"; return 1; fi
	done
	echo "$(( $(now_ms) - t0 )) ms"
}
rss() {
	pid=$(tm display-message -p -t b '#{pane_pid}')
	awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$pid/status"
}

bench_tidings() {	# label urls cache biggest-feed-title search-word
	: >"$work/config"
	t0=$(now_ms)
	launch "$tidings" -C "$work/config" -u "$2" -c "$3"
	first=$(until_shown "$4" 60)
	rss1=$(rss)
	tm send-keys -t b g
	# Put the cursor on the biggest feed: it is the last line.
	tm send-keys -t b G
	t0=$(now_ms)
	tm send-keys -t b Enter
	open=$(until_shown "$4 (" 60)
	rss2=$(rss)
	tm send-keys -t b q /
	until_shown "Search for:" 10 >/dev/null
	tm send-keys -t b -l "$5"
	t0=$(now_ms)
	tm send-keys -t b Enter
	search=$(until_shown "Search results" 60)
	tm send-keys -t b Q
	printf '%-28s first screen %-9s RSS %-9s open biggest %-9s RSS %-9s search %s\n' \
	    "tidings, $1:" "$first" "$rss1" "$open" "$rss2" "$search"
}

# What tmux and the polling alone cost: a program that prints at once.
t0=$(now_ms)
launch sh -c 'echo Baseline-ready; exec sleep 100'
echo "baseline (tmux respawn + screen polling): $(until_shown Baseline-ready 10)"

# 100,000 items in ten feeds of 10,000.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(work + "/urls", "w") as urls:
    for f in range(10):
        path = "%s/feed%d.xml" % (work, f)
        urls.write("file://%s\n" % path)
        with open(path, "w") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?><rss version='
                      '"2.0"><channel><title>Bench feed %d</title>'
                      '<link>https://bench.example/%d</link>\n' % (f, f))
            for i in range(10000):
                out.write('<item><title>Item %d of feed %d</title><link>'
                          'https://bench.example/%d/%d</link><guid>%d-%d'
                          '</guid><pubDate>%s</pubDate><description>&lt;p&gt;'
                          'Body %d, words alpha beta gamma.&lt;/p&gt;'
                          '</description></item>\n' % (i, f, f, i, f, i,
                          "Mon, 01 Jan 2024 %02d:%02d:%02d GMT" % (
                              (i // 3600) % 24, (i // 60) % 60, i % 60), i))
            out.write('</channel></rss>\n')
PY
t=$(now_ms)
"$tidings" -C /dev/null -u "$work/urls" -c "$work/100k.db" --refresh >/dev/null
echo "tidings --refresh of 100,000 items: $(( $(now_ms) - t )) ms"
bench_tidings "100,000 items" "$work/urls" "$work/100k.db" "Bench feed 9" gamma

# 1,000,000 items in one feed.
python3 "$top/tests/lib/seed-cache.py" "$work/1m.db" --no-small \
    --big 1000000
echo "http://127.0.0.1:9/big.xml" >"$work/urls-1m"
# The first open migrates the seeded cache (once), and the articles
# wait for the search index, which the reader would build on a thread
# of its own while being measured: a refresh (its feed fails, nothing
# listens on port 9) builds it first, so what is measured is the reader
# of an up-to-date cache, as every day.
"$tidings" -C /dev/null -u "$work/urls-1m" -c "$work/1m.db" </dev/null \
    >/dev/null 2>&1
t=$(now_ms)
"$tidings" -C /dev/null -u "$work/urls-1m" -c "$work/1m.db" --refresh \
    >/dev/null 2>&1
echo "search index of 1,000,000 items (tidings --refresh): $(( $(now_ms) - t )) ms"
bench_tidings "1,000,000 items" "$work/urls-1m" "$work/1m.db" "Big Feed" bulk

if [ "$with_newsboat" = yes ] && command -v newsboat >/dev/null 2>&1; then
	mkdir -p "$work/nb"
	: >"$work/nb/config"
	t=$(now_ms)
	newsboat -u "$work/urls" -c "$work/nb/cache.db" -C "$work/nb/config" \
	    -x reload >/dev/null 2>&1
	echo "newsboat -x reload of 100,000 items: $(( $(now_ms) - t )) ms"
	t0=$(now_ms)
	launch newsboat -u "$work/urls" -c "$work/nb/cache.db" \
	    -C "$work/nb/config"
	first=$(until_shown "Bench feed 9" 300)
	printf '%-28s first screen %-9s RSS %s\n' "newsboat, 100,000 items:" \
	    "$first" "$(rss)"
	tm send-keys -t b Q
fi
