#!/bin/sh
# Refresh benchmark: tidings --refresh against newsboat -x reload
# (reload-threads 8) on the same N feeds x M items, served by a local nginx
# with ETag/Last-Modified and gzip. Prints, for a cold refresh (empty
# cache), a warm one (nothing changed) and one after 10% of the feeds
# changed: wall time, CPU time, peak RSS, cache size, requests made and how
# many were answered 304. tidings' fetch+store and search-index phases are
# timed apart, next to FTS5's own speed on the same text.
#
# usage: bench/refresh-bench.sh [TIDINGS] [N] [M]
#   NEWSBOAT=0 skips newsboat; WORK=DIR keeps the data there (reused).
# Needs bench/install-deps.sh (nginx, newsboat, GNU time).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-$top/build-plain/tidings}
n=${2:-1000}
m=${3:-50}
run_newsboat=${NEWSBOAT:-1}
work=${WORK:-/tmp/tidings-refresh-bench}
mkdir -p "$work"
feeds="$work/feeds-${n}x$m"

if [ ! -f "$feeds/done" ]; then
	echo "generating $n feeds x $m items in $feeds ..."
	rm -rf "$feeds"
	python3 "$top/bench/gen-feeds.py" "$feeds" "$n" "$m"
	touch "$feeds/done"
elif [ -f "$feeds/generation" ]; then
	# An earlier run changed some feeds: start from the same data again.
	echo "regenerating the changed feeds ..."
	rm -rf "$feeds"
	python3 "$top/bench/gen-feeds.py" "$feeds" "$n" "$m"
	touch "$feeds/done"
fi
xml_bytes=$(cat "$feeds"/*.xml | wc -c)
# Freshly written feeds are still being flushed to disk: let that finish
# first, or the writeback competes with the cold refresh's own writes.
sync

# nginx on a free port of 127.0.0.1, as a child of this script.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ng="$work/nginx"
rm -rf "$ng"
mkdir -p "$ng/logs"
cat >"$ng/nginx.conf" <<EOF
user root;
worker_processes 1;
daemon off;
pid $ng/nginx.pid;
error_log $ng/logs/error.log;
events { worker_connections 4096; }
http {
	log_format bench '\$status \$request_uri';
	access_log $ng/logs/access.log bench;
	types { application/rss+xml xml; }
	default_type application/octet-stream;
	sendfile on;
	etag on;
	gzip_static on;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$port;
		root $feeds;
	}
}
EOF
nginx -p "$ng" -c "$ng/nginx.conf" &
ngpid=$!
trap 'kill "$ngpid" 2>/dev/null; wait "$ngpid" 2>/dev/null || true' EXIT INT TERM
i=0
until curl -sf -o /dev/null "http://127.0.0.1:$port/f0000.xml"; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "nginx did not start" >&2; exit 1; }
	sleep 0.1
done

urls="$work/urls"
: >"$urls"
f=0
while [ $f -lt "$n" ]; do
	printf 'http://127.0.0.1:%s/f%04d.xml\n' "$port" "$f" >>"$urls"
	f=$((f + 1))
done

td="$work/tidings"
rm -rf "$td"
mkdir -p "$td"
printf 'max-connections 8\nmax-connections-per-host 8\n' >"$td/config"
nb="$work/newsboat"
rm -rf "$nb"
mkdir -p "$nb/home"
printf 'reload-threads 8\nmax-items 0\n' >"$nb/config"

cache_size() {
	cat "$@" 2>/dev/null | wc -c
}

# run TOOL PHASE CMD...: time CMD with GNU time; print one row.
run() {
	tool=$1 phase=$2; shift 2
	: >"$ng/logs/access.log"
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" \
	    >"$work/out" 2>"$work/err" || true
	read -r wall user sys rss <"$work/time"
	reqs=$(wc -l <"$ng/logs/access.log")
	n304=$(grep -c '^304 ' "$ng/logs/access.log" || true)
	if [ "$tool" = tidings ]; then
		size=$(cache_size "$td/cache.db" "$td/cache.db-wal")
	else
		size=$(cache_size "$nb/cache.db" "$nb/cache.db-wal")
	fi
	awk -v t="$tool" -v p="$phase" -v w="$wall" -v u="$user" -v s="$sys" \
	    -v r="$rss" -v c="$size" -v q="$reqs" -v z="$n304" 'BEGIN {
		printf "%-9s %-11s %8.2f s %8.2f s %7.1f MB %8.1f MB %6d %6d\n",
		    t, p, w, u + s, r / 1024, c / 1e6, q, z }'
	if [ "$tool" = tidings ]; then
		sed -n 's/^stats: .*fetch_secs \([0-9.]*\) index_secs \([0-9.]*\).*/\1 \2/p' \
		    "$work/err" >"$work/phases"
		if read -r fs is <"$work/phases"; then
			printf '%-9s %-11s fetch+parse+store %.2f s, search index %.2f s\n' \
			    "" "" "$fs" "$is"
		fi
		grep -v '^stats: ' "$work/err" | head -n 3 || true
	fi
}

echo "refresh benchmark: $n feeds x $m items, $(awk -v b="$xml_bytes" \
    'BEGIN { printf "%.0f MB", b / 1e6 }') of XML, nginx with ETag and gzip_static, $(nproc) cores"
printf '%-9s %-11s %10s %10s %10s %11s %6s %6s\n' tool phase wall cpu \
    "peak RSS" cache reqs 304s
run tidings cold env TIDINGS_REFRESH_STATS=1 "$tidings" -r -u "$urls" \
    -c "$td/cache.db" -C "$td/config"
run tidings warm env TIDINGS_REFRESH_STATS=1 "$tidings" -r -u "$urls" \
    -c "$td/cache.db" -C "$td/config"
if [ "$run_newsboat" = 1 ]; then
	run newsboat cold env HOME="$nb/home" newsboat -x reload -u "$urls" \
	    -c "$nb/cache.db" -C "$nb/config"
	run newsboat warm env HOME="$nb/home" newsboat -x reload -u "$urls" \
	    -c "$nb/cache.db" -C "$nb/config"
fi
python3 "$top/bench/gen-feeds.py" "$feeds" "$n" "$m" --change 10
run tidings 10%-changed env TIDINGS_REFRESH_STATS=1 "$tidings" -r \
    -u "$urls" -c "$td/cache.db" -C "$td/config"
if [ "$run_newsboat" = 1 ]; then
	run newsboat 10%-changed env HOME="$nb/home" newsboat -x reload \
	    -u "$urls" -c "$nb/cache.db" -C "$nb/config"
fi

# FTS5's own indexing speed on the same text, as the bound for tidings'
# index phase: every stored item's title, author and text into a fresh
# contentless FTS5 table made as tidings makes its own (detail=column),
# in one transaction.
python3 - "$td/cache.db" "$work/fts.db" <<'EOF'
import os, sqlite3, sys, time
src, dst = sys.argv[1], sys.argv[2]
for p in (dst, dst + "-wal", dst + "-shm"):
    if os.path.exists(p):
        os.remove(p)
rows = sqlite3.connect(src).execute(
    "SELECT title, author, coalesce(summary, '') || ' ' || "
    "coalesce(content, '') FROM items").fetchall()
mb = sum(len((a or "").encode()) + len((b or "").encode()) +
         len(c.encode()) for a, b, c in rows) / 1e6
db = sqlite3.connect(dst)
db.execute("PRAGMA journal_mode = WAL")
db.execute("CREATE VIRTUAL TABLE t USING fts5(title, author, text, "
           "content='', detail=column, "
           "tokenize='unicode61 remove_diacritics 2')")
t0 = time.monotonic()
with db:
    db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
dt = time.monotonic() - t0
print("FTS5 alone on the same %d items (%.0f MB with HTML): %.2f s, "
      "%.1f MB/s" % (len(rows), mb, dt, mb / dt))
EOF
