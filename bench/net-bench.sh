#!/bin/sh
# Network benchmark: tidings --refresh beside newsboat -x reload and
# sfeed_update on the same N feeds x M items, spread over HOSTS host
# addresses (127.0.0.2 ...) behind a proxy that adds RTT ms of round-trip
# time to every connection and every chunk (bench/latency-proxy.py), and
# again on plain loopback (one nginx, no proxy). Each program runs cold
# (empty cache), with nothing changed, and after 10% of the feeds changed;
# each row gives wall time, CPU time (user + sys), peak RSS, and the
# requests nginx saw and how many it answered 304.
#
# usage: bench/net-bench.sh [TIDINGS] [N] [M] [RTT] [HOSTS]
#   defaults: build-plain/tidings 300 50 100 100
#   PEERS="newsboat sfeed" chooses the peers ("" for tidings alone);
#   SCENARIOS="net loopback" (net: through the proxy); TLS=1 serves
#   HTTPS (nginx with HTTP/2 and a certificate from a CA the bench makes,
#   given to tidings by tls-ca-file); TIDINGS_CONFIG=FILE adds lines to
#   tidings' config; TIDINGS_WRAP="CMD ARGS" runs tidings under CMD
#   (MALLOC_ARENA_MAX=1, valgrind ...); WORK=DIR keeps the generated feeds (default
#   /tmp/tidings-net-bench).
# Needs bench/install-deps.sh (nginx, newsboat, sfeed, GNU time, openssl).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-$top/build-plain/tidings}
n=${2:-300}
m=${3:-50}
rtt=${4:-100}
hosts=${5:-100}
peers=${PEERS-newsboat sfeed}
scenarios=${SCENARIOS:-net loopback}
tls=${TLS:-0}
work=${WORK:-/tmp/tidings-net-bench}
case $tidings in /*) ;; *) tidings=$PWD/$tidings ;; esac
[ -x "$tidings" ] || { echo "no tidings at $tidings" >&2; exit 1; }
[ "$hosts" -ge 1 ] && [ "$hosts" -le 250 ] || {
	echo "HOSTS must be 1 to 250" >&2; exit 1; }
for t in nginx python3 /usr/bin/time curl; do
	command -v "$t" >/dev/null || {
		echo "missing $t: run bench/install-deps.sh" >&2; exit 1; }
done
mkdir -p "$work"
base="$work/feeds-${n}x$m"
serve="$work/serve"

if [ ! -f "$base/done" ]; then
	echo "generating $n feeds x $m items in $base ..."
	rm -rf "$base"
	python3 "$top/bench/gen-feeds.py" "$base" "$n" "$m"
	touch "$base/done"
fi
sync

freeport() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

scheme=http
if [ "$tls" = 1 ]; then
	scheme=https
	command -v openssl >/dev/null || {
		echo "missing openssl: run bench/install-deps.sh" >&2; exit 1; }
fi

# A private CA and one server certificate for every host address.
pki="$work/pki"
if [ "$tls" = 1 ] && [ ! -f "$pki/done-$hosts" ]; then
	rm -rf "$pki"
	mkdir -p "$pki"
	sans="IP:127.0.0.1"
	h=0
	while [ $h -lt "$hosts" ]; do
		sans="$sans,IP:127.0.0.$((h + 2))"
		h=$((h + 1))
	done
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
	    -nodes -days 30 -subj "/CN=tidings bench CA" \
	    -keyout "$pki/ca.key" -out "$pki/ca.pem" 2>/dev/null
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -subj "/CN=127.0.0.1" -keyout "$pki/server.key" \
	    -out "$pki/server.csr" 2>/dev/null
	printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\n' "$sans" \
	    >"$pki/ext"
	openssl x509 -req -in "$pki/server.csr" -CA "$pki/ca.pem" \
	    -CAkey "$pki/ca.key" -CAcreateserial -days 30 \
	    -extfile "$pki/ext" -out "$pki/server.pem" 2>/dev/null
	touch "$pki/done-$hosts"
fi

# nginx on a free port of 127.0.0.1, as a child of this script.
port=$(freeport)
ng="$work/nginx"
rm -rf "$ng"
mkdir -p "$ng/logs"
if [ "$tls" = 1 ]; then
	listen="listen 127.0.0.1:$port ssl http2;
		ssl_certificate $pki/server.pem;
		ssl_certificate_key $pki/server.key;
		ssl_session_cache shared:bench:10m;"
else
	listen="listen 127.0.0.1:$port;"
fi
cat >"$ng/nginx.conf" <<EOF
user root;
worker_processes 1;
daemon off;
pid $ng/nginx.pid;
error_log $ng/logs/error.log;
worker_rlimit_nofile 8192;
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
		$listen
		root $serve;
	}
}
EOF
rm -rf "$serve"
cp -a "$base" "$serve"
nginx -p "$ng" -c "$ng/nginx.conf" &
ngpid=$!
pxpid=
cleanup() {
	[ -z "$pxpid" ] || kill "$pxpid" 2>/dev/null || true
	kill "$ngpid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM
cacert=
[ "$tls" = 1 ] && cacert="--cacert $pki/ca.pem"
i=0
# shellcheck disable=SC2086
until curl -sf $cacert -o /dev/null "$scheme://127.0.0.1:$port/f0000.xml"; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "nginx did not start" >&2; exit 1; }
	sleep 0.1
done

# The proxy: one port on every host address.
pport=$(freeport)
case " $scenarios " in
*" net "*)
	python3 "$top/bench/latency-proxy.py" "$rtt" "$pport" \
	    "127.0.0.1:$port" 127.0.0.2 "127.0.0.$((hosts + 1))" \
	    >"$work/proxy.out" 2>&1 &
	pxpid=$!
	i=0
	until grep -q ready "$work/proxy.out" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "the proxy did not start" >&2; exit 1; }
		sleep 0.1
	done
	;;
esac

have() {
	case $1 in
	newsboat) command -v newsboat >/dev/null ;;
	sfeed) command -v sfeed_update >/dev/null ;;
	esac
}
tools=tidings
for p in $peers; do
	if have "$p"; then
		tools="$tools $p"
	else
		echo "skipping $p: not installed (bench/install-deps.sh)"
	fi
done

# urls SCENARIO: the feeds' URLs, one a line, into $work/urls.
urls() {
	: >"$work/urls"
	f=0
	while [ $f -lt "$n" ]; do
		if [ "$1" = net ]; then
			printf '%s://127.0.0.%d:%s/f%04d.xml\n' "$scheme" \
			    $((2 + f % hosts)) "$pport" "$f"
		else
			printf '%s://127.0.0.1:%s/f%04d.xml\n' "$scheme" \
			    "$port" "$f"
		fi
		f=$((f + 1))
	done >"$work/urls"
}

# setup TOOL: a fresh state directory for TOOL in $work/TOOL.
setup() {
	d="$work/$1"
	rm -rf "$d"
	mkdir -p "$d/home"
	case $1 in
	tidings)
		: >"$d/config"
		[ "$tls" = 1 ] && echo "tls-ca-file $pki/ca.pem" >>"$d/config"
		[ -z "${TIDINGS_CONFIG:-}" ] || cat "$TIDINGS_CONFIG" >>"$d/config"
		;;
	newsboat)
		printf 'reload-threads 8\nmax-items 0\n' >"$d/config"
		;;
	sfeed)
		{
			echo "sfeedpath=\"$d/feeds\""
			echo "maxjobs=8"
			if [ "$tls" = 1 ]; then
				echo "fetch() {"
				echo "	curl -L --max-redirs 0 -H \"User-Agent:\" -f -s -m 15 --cacert \"$pki/ca.pem\" \"\$2\" 2>/dev/null"
				echo "}"
			fi
			echo "feeds() {"
			awk '{ printf "\tfeed \"f%04d\" \"%s\"\n", NR - 1, $0 }' \
			    "$work/urls"
			echo "}"
		} >"$d/sfeedrc"
		;;
	esac
}

# run TOOL PHASE: one timed run of TOOL; prints one row.
run() {
	tool=$1 phase=$2
	d="$work/$tool"
	: >"$ng/logs/access.log"
	case $tool in
	tidings)
		# shellcheck disable=SC2086
		set -- env HOME="$d/home" ${TIDINGS_WRAP:-} "$tidings" -r \
		    -u "$work/urls" -c "$d/cache.db" -C "$d/config" ;;
	newsboat)
		if [ "$tls" = 1 ]; then
			# newsboat has no option for a private CA; OpenSSL's
			# environment reaches it through libcurl.
			set -- env HOME="$d/home" SSL_CERT_FILE="$pki/ca.pem" \
			    CURL_CA_BUNDLE="$pki/ca.pem" newsboat -x reload \
			    -u "$work/urls" -c "$d/cache.db" -C "$d/config"
		else
			set -- env HOME="$d/home" newsboat -x reload \
			    -u "$work/urls" -c "$d/cache.db" -C "$d/config"
		fi ;;
	sfeed)
		set -- env HOME="$d/home" sfeed_update "$d/sfeedrc" ;;
	esac
	/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" \
	    >"$work/out" 2>"$work/err" || true
	read -r wall user sys rss <"$work/time" || {
		echo "$tool $phase: no timing"; cat "$work/err"; return; }
	reqs=$(wc -l <"$ng/logs/access.log")
	n304=$(grep -c '^304 ' "$ng/logs/access.log" || true)
	n200=$(grep -c '^200 ' "$ng/logs/access.log" || true)
	awk -v t="$tool" -v p="$phase" -v w="$wall" -v u="$user" -v s="$sys" \
	    -v r="$rss" -v q="$reqs" -v z="$n304" -v o="$n200" 'BEGIN {
		printf "%-9s %-12s %8.2f s %8.2f s %7.1f MB %6d %6d %6d\n",
		    t, p, w, u + s, r / 1024, q, o, z }'
	grep -v '^stats: ' "$work/err" | head -n 3 || true
}

echo "network benchmark: $n feeds x $m items, $scheme, $(nproc) cores," \
    "$(cat /proc/loadavg | cut -d' ' -f1-3) load"
for sc in $scenarios; do
	rm -rf "$serve"
	cp -a "$base" "$serve"
	sync
	urls "$sc"
	if [ "$sc" = net ]; then
		echo "== $rtt ms RTT, $hosts hosts (127.0.0.2-$((hosts + 1)))"
	else
		echo "== plain loopback, one host"
	fi
	printf '%-9s %-12s %10s %10s %10s %6s %6s %6s\n' tool phase wall cpu \
	    "peak RSS" reqs 200s 304s
	for t in $tools; do
		setup "$t"
	done
	for t in $tools; do
		run "$t" cold
	done
	for t in $tools; do
		run "$t" unchanged
	done
	python3 "$top/bench/gen-feeds.py" "$serve" "$n" "$m" --change 10
	for t in $tools; do
		run "$t" 10%-changed
	done
done
