#!/bin/sh
# Build the libFuzzer harnesses with clang (-fsanitize=fuzzer,address,
# undefined) and run each for FUZZ_SECONDS (default 60) on its seed corpus,
# FUZZ_JOBS (default 2) at a time.
# Prints "1..N" TAP, one line per harness: a crash, leak or timeout fails
# it, and the input that did it is kept in tests/fuzz/crashes/ to become a
# regression input. Needs a configured build dir for config.h ($1).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build-plain}
secs=${FUZZ_SECONDS:-60}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
CC=${FUZZ_CC:-clang}
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -std=c11 -I$top/src -I$build -include $build/config.h"

# name: sources, pkg-config modules, seed directories
harnesses=${FUZZ_HARNESSES:-"feed jsonfeed date render extract config urls opml decode podname ttrss filter tok"}
feed_src="src/feed/feed-doc.c src/feed/feed-elements.c src/feed/feed-encoding.c src/feed/feed-entities.c src/feed/feed-html.c src/feed/feed-json.c src/feed/feed-parser.c src/feed/feed-xmlmem.c src/feed/feed-jsonfeed.c src/feed/feed-date.c src/html/html-escape.c src/html/html-serialise.c src/html/html-tags.c src/util/buf.c src/util/sanitize.c src/util/url.c src/util/xmalloc.c"
feed_pkgs="expat gumbo jansson"
feed_seeds="tests/data ../shared/conformance/feedparser/wellformed/rss ../shared/conformance/feedparser/wellformed/atom10 ../shared/conformance/feedparser/illformed ../shared/conformance/feedparser/encoding"
jsonfeed_src="$feed_src"
jsonfeed_pkgs="$feed_pkgs"
jsonfeed_seeds="tests/data/jsonfeed"
date_src="src/feed/feed-date.c"
date_pkgs=""
date_seeds="tests/data/dates"
render_src="src/render/render-charset.c src/render/extract-meta.c src/render/extract-out.c src/render/extract-tree.c src/render/extract.c src/render/render-doc.c src/render/render-wrap.c src/html/html-escape.c src/html/html-serialise.c src/html/html-tags.c src/util/buf.c src/util/sanitize.c src/util/url.c src/util/xmalloc.c"
render_pkgs="gumbo jansson"
render_seeds="tests/data/extract tests/data/fuzz/render ../shared/examples"
extract_src="$render_src"
extract_pkgs="$render_pkgs"
extract_seeds="tests/data/extract tests/data/fuzz/extract ../shared/examples"
# Every file of the module, so that a new one cannot break the link.
conf_src="$(cd "$top" && echo src/conf/*.c src/filter/*.c) src/html/html-escape.c src/util/buf.c src/util/sanitize.c src/util/tags.c src/util/url.c src/util/xmalloc.c"
config_src="$conf_src"
config_pkgs="expat"
config_seeds="tests/data/conf tests/data/fuzz/config"
urls_src="$conf_src"
urls_pkgs="expat"
urls_seeds="tests/data/urls tests/data/fuzz/urls"
opml_src="$conf_src"
opml_pkgs="expat"
opml_seeds="tests/data/opml tests/data/fuzz/opml"
filter_src="src/filter/filter-parse.c src/filter/filter-regex.c src/filter/filter-sql.c src/util/buf.c src/util/xmalloc.c"
filter_pkgs="sqlite3"
filter_seeds="tests/data/fuzz/filter"
tok_src="src/db/db-tok.c src/util/xmalloc.c"
tok_pkgs="sqlite3"
tok_seeds="tests/data/fuzz/tok tests/data/jsonfeed"

decode_src="src/net/net-decode.c src/util/xmalloc.c"
# ISA-L when this build has it (config.h says), zlib always.
decode_pkgs="zlib"
grep -q '^#define HAVE_ISAL 1' "$build/config.h" 2>/dev/null &&
    decode_pkgs="zlib libisal"
decode_seeds="tests/data/fuzz/decode"
ttrss_src="src/sync/sync-ttrss.c src/util/buf.c src/util/sanitize.c src/util/xmalloc.c"
ttrss_pkgs="jansson"
ttrss_seeds="tests/data/fuzz/ttrss"

podname_src="src/podcast/podcast-name.c src/util/buf.c src/util/sanitize.c src/util/xmalloc.c"
podname_pkgs="libcurl"
podname_seeds="tests/data/fuzz/podname"

set -- $harnesses
echo "1..$#"

# build NAME: the harness binary, or a note in $work/result-NAME.
build() {
	h=$1
	eval src=\$${h}_src pkgs=\$${h}_pkgs
	srcs=
	for s in $src; do srcs="$srcs $top/$s"; done
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$work/fuzz-$h" "$top/tests/fuzz/fuzz-$h.c" $srcs \
	    ${pkgs:+$(pkg-config --cflags --libs $pkgs)} >"$work/cc-$h.log" 2>&1
}

# run N NAME: fuzz one harness, its TAP line and figures into
# $work/result-NAME (harnesses run side by side, one a core).
run() {
	n=$1 h=$2 out="$work/result-$2"
	if ! build "$h"; then
		{ echo "not ok $n - fuzz-$h: build failed"
		  sed 's/^/# /' "$work/cc-$h.log" | head -n 20; } >"$out"
		return
	fi
	eval seeds=\$${h}_seeds
	corpus="$work/corpus-$h"
	mkdir -p "$corpus"
	for d in $seeds; do
		[ -d "$top/$d" ] && find "$top/$d" -type f -size -64k \
		    -exec cp {} "$corpus/" \; 2>/dev/null
	done
	"$work/fuzz-$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
	    -max_len=65536 -artifact_prefix="$top/tests/fuzz/crashes/$h-" \
	    "$corpus" >"$work/run-$h.log" 2>&1
	rc=$?
	runs=$(sed -n "s/^Done \([0-9]*\) runs.*/\1/p" "$work/run-$h.log")
	[ -z "$runs" ] && runs=$(grep -o '#[0-9]*' "$work/run-$h.log" | tail -n 1 | tr -d '#')
	{
	if [ $rc -eq 0 ]; then
		echo "ok $n - fuzz-$h: ${runs:-?} inputs in ${secs}s, no crash"
	else
		echo "not ok $n - fuzz-$h: crash, leak or hang (exit $rc)"
		grep -A 15 'ERROR\|runtime error\|timeout' "$work/run-$h.log" | head -n 30 | sed 's/^/# /'
	fi
	echo "# fuzz: $h ${runs:-?} inputs in ${secs}s, exit $rc"
	} >"$out"
}

mkdir -p "$top/tests/fuzz/crashes"
jobs=${FUZZ_JOBS:-2}
n=0
pids=
for h in "$@"; do
	n=$((n + 1))
	run "$n" "$h" &
	pids="$pids $!"
	# At most $jobs at once: wait for the oldest.
	set -- $pids
	if [ $# -ge "$jobs" ]; then
		wait "$1"
		shift
		pids="$*"
	fi
done
wait
for h in $harnesses; do
	cat "$work/result-$h"
done
