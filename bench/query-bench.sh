#!/bin/sh
# Query feeds over a big cache: opening one (the list's count and first
# screenful) and its row of the feed list (unread/total), measured in one
# process by bench/query-open.c with the reader's own queries, wall and
# CPU, on 1,000,000 articles in 100 feeds (bench/gen-cache.py); then the
# same in the reader in tmux (Enter until the list is on screen), and
# Newsboat on 100,000 articles with the same query feed where it is
# installed (bench/install-deps.sh).
#
#	bench/query-bench.sh [BUILD-DIR] [NEWSBOAT=yes|no]
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build-plain}" && pwd)
with_newsboat=${2:-yes}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-query-bench.XXXXXX")
sock="tidings-qbench-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

cc -O2 -std=c11 -I"$top/src" -I"$build" -include "$build/config.h" \
    -o "$work/query-open" "$top/bench/query-open.c" \
    "$build/src/db/libdb.a" "$build/src/filter/libfilter.a" \
    "$build/src/util/libutil.a" $(pkg-config --libs sqlite3) -lpthread ||
    exit 1

python3 "$top/bench/gen-cache.py" "$work/1m.db" --items 1000000 --feeds 100
# The first open migrates the generated cache (once); not measured.
"$build/tidings" -C /dev/null -u /dev/null -c "$work/1m.db" -e >/dev/null

echo "1,000,000 articles in 100 feeds (10 tagged news), a third unread:"
for e in 'unread = "yes" and tags # "news"' 'tags # "news"' \
    'unread = "yes"' 'age < 700' 'flags # "s"' 'author = "Author 3"' \
    'title =~ "of feed 42$"'; do
	echo "  $e"
	"$work/query-open" "$work/1m.db" "$e" 3 | sed 's/^/    /'
done

tm() { tmux -L "$sock" -f /dev/null "$@"; }
now_ms() { date +%s%3N; }
tm new-session -d -s b -x 120 -y 40 "sleep 100000"
tm set-option -g remain-on-exit on >/dev/null
launch() {
	cmd="exec env TERM=tmux-256color LANG=C.UTF-8"
	for a in "$@"; do cmd="$cmd '$a'"; done
	tm respawn-pane -k -t b "$cmd"
}
until_shown() {
	end=$(( $(now_ms) + $2 * 1000 ))
	while ! tm capture-pane -p -t b | grep -qF -- "$1"; do
		if [ "$(now_ms)" -gt "$end" ]; then echo "timeout"; return 1; fi
	done
	echo "$(( $(now_ms) - t0 )) ms"
}
t0=$(now_ms)
launch sh -c 'echo Baseline-ready; exec sleep 100'
echo "baseline (tmux respawn + screen polling): $(until_shown Baseline-ready 10)"

# reader LABEL URLS CACHE CONFIG CMD...: start, then Enter on the query
# feed (first row), until its first article shows.
reader() {
	label=$1
	shift
	t0=$(now_ms)
	launch "$@"
	first=$(until_shown "Unread news" 300)
	sleep 1
	t0=$(now_ms)
	tm send-keys -t b Enter
	open=$(until_shown "Item " 300)
	tm send-keys -t b q Q
	sleep 1
	tm send-keys -t b q Q
	printf '  %-26s feed list shown %-10s query feed opened %s\n' \
	    "$label:" "$first" "$open"
}
: >"$work/config"
printf '%s\n' '"query:Unread news:unread = \"yes\" and tags # \"news\""' \
    >"$work/urls-1m"
i=0
while [ $i -lt 100 ]; do
	tag=misc
	[ $((i % 10)) -eq 0 ] && tag=news
	echo "http://127.0.0.1:9/feed$i.xml $tag" >>"$work/urls-1m"
	i=$((i + 1))
done
echo "In the reader (tmux, wall):"
reader "tidings, 1,000,000" "$build/tidings" -C "$work/config" \
    -u "$work/urls-1m" -c "$work/1m.db"

if [ "$with_newsboat" = yes ] && command -v newsboat >/dev/null 2>&1; then
	python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(work + "/urls-nb", "w") as urls:
    urls.write('"query:Unread news:unread = \\"yes\\" and tags # \\"news\\""\n')
    for f in range(10):
        path = "%s/feed%d.xml" % (work, f)
        urls.write("file://%s%s\n" % (path, " news" if f == 0 else " misc"))
        with open(path, "w") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?><rss version='
                      '"2.0"><channel><title>Bench feed %d</title>'
                      '<link>https://bench.example/%d</link>\n' % (f, f))
            for i in range(10000):
                out.write('<item><title>Item %d of feed %d</title><link>'
                          'https://bench.example/%d/%d</link><guid>%d-%d'
                          '</guid><pubDate>%s</pubDate><description>&lt;p&gt;'
                          'Body words alpha beta gamma delta.&lt;/p&gt;'
                          '</description></item>\n' % (i, f, f, i, f, i,
                          "Mon, 01 Jan 2024 %02d:%02d:%02d GMT" % (
                              (i // 3600) % 24, (i // 60) % 60, i % 60)))
            out.write('</channel></rss>\n')
PY
	mkdir -p "$work/nb"
	printf '%s\n' 'prepopulate-query-feeds yes' >"$work/nb/config"
	newsboat -u "$work/urls-nb" -c "$work/nb/cache.db" \
	    -C "$work/nb/config" -x reload >/dev/null 2>&1
	# A third unread, as in tidings' cache.
	sqlite3 "$work/nb/cache.db" "UPDATE rss_item SET unread = \
	    (rowid % 3 = 0)" 2>/dev/null ||
	    python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("UPDATE rss_item SET unread = (rowid % 3 = 0)"); d.commit()' "$work/nb/cache.db"
	reader "newsboat, 100,000" newsboat -u "$work/urls-nb" \
	    -c "$work/nb/cache.db" -C "$work/nb/config"
fi
