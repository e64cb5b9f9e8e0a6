#!/bin/sh
# Tags with a blank read as one tag wherever the reader shows tags: the
# feed list, the tag list and the title line of a list filtered by tag.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui-tags.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
# Links point nowhere: no full-text fetches.
echo "fulltext no" >"$dir/config"

echo "1..4"

python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'http://127.0.0.1:9/alpha.xml "tech news" linux' \
    'http://127.0.0.1:9/beta.xml "a,b" "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"
tmux_start 120 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10

check "feed list: a tag with a blank is one quoted tag" \
    sh -c 'printf "%s\n" "$1" | grep -q "Alpha News.*\[\"tech news\" linux\]"' \
    _ "$LAST_SCREEN"
keys t
check "tag list: the tag with a blank on one row, quoted" \
    wait_match '^ +[0-9]+  "tech news"$' 5
# The tags are listed sorted: "a,b", linux, tech news.
keys G Enter
check "title line: the chosen tag, quoted" wait_for 'tag: "tech news"' 5
check "only that tag's feeds" sh -c 'printf "%s\n" "$1" |
    grep -q "Alpha News" && ! printf "%s\n" "$1" | grep -q "Custom Beta"' \
    _ "$LAST_SCREEN"
keys Q
wait_exit 5
