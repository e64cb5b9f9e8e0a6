#!/bin/sh
# Query feeds, in tmux: "query:TITLE:EXPR" lines of the urls file are
# rows of the feed list in their place with live (unread/total) counts,
# open like a feed with each matching article of every feed once, marks
# made in them are the articles' own, and counts follow marks made
# anywhere, by another process too. A bad expression stops the reader
# and --refresh alike with FILE:LINE and the token at fault, exit 2.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'fulltext no' 'prepopulate-query-feeds yes' >"$dir/config"
cat >"$dir/urls" <<'URLS'
http://127.0.0.1:9/alpha.xml news tech
"query:Unread Bob:unread = \"yes\" and author = \"Bob\""
http://127.0.0.1:9/beta.xml blog "~Custom Beta"
"query:Animals:title =~ \"aardvark|ZEBRA\" or (tags # \"blog\" and flags # \"s\")" zoo
http://127.0.0.1:9/gone.xml
URLS

# wait_all SECONDS ERE...: poll until every ERE matches a line.
wait_all() {
	deadline=$(( $(now_ms) + $1 * 1000 ))
	shift
	while :; do
		LAST_SCREEN=$(screen 2>/dev/null)
		all=1
		for re in "$@"; do
			printf '%s\n' "$LAST_SCREEN" | grep -Eq -- "$re" ||
			    { all=0; break; }
		done
		[ $all = 1 ] && return 0
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

echo "1..12"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
check "query feeds are rows in their place, with counts" \
    wait_all 5 "^ +1 N  \(2/3\) Alpha News" "^ +2 N  \(1/1\) Unread Bob" \
    "^ +3 N  \(1/2\) Custom Beta" "^ +4 N  \(2/3\) Animals +\[zoo\]" \
    "^ +5  ! \(0/0\) Gone Feed"

keys Down Down Down Enter
check "opened: every matching article of every feed, once" \
    wait_all 5 "Animals \(3 articles\)" "^ +1 N  .*Aardvarks elect" \
    "^ +2  \*.*Beta second post" "^ +3 N  .*Zebras cross"
keys Enter
wait_for "The aardvark council met" 5
keys q
check "an article read in the query feed loses its N there" \
    wait_match "^ +1    [0-9-]+  Ann Author +Aardvarks" 5
keys q
check "and is read in its own feed: both counts follow" \
    wait_all 5 "^ +1 N  \(1/3\) Alpha News" "^ +4 N  \(1/3\) Animals"

# A mark made in the feed itself shows in the query feed.
keys Up Up Up Enter
wait_for "Alpha News (3 articles)" 5
keys N
wait_for "Marked unread." 5
keys q
check "a mark in the feed moves the query feed's count" \
    wait_match "4 N  \(2/3\) Animals" 5

# Another process marks Bob's unread post read.
python3 - "$dir/cache.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE items SET read = 1 WHERE title = 'Beta first post'")
db.commit()
PY
check "another process's mark: the query feed follows" \
    wait_match "2    \(0/0\) Unread Bob" 5

# A on a query feed marks its articles read, and only those.
keys Down Down Down A
check "A on a query feed marks its articles read" \
    wait_all 5 "^ +1    \(0/3\) Alpha News" "^ +4    \(0/3\) Animals"
check "and no other article" wait_match "Your feeds \(0 unread\)" 5

# The tag picker finds query feeds by their tags.
keys t
wait_match "^ +4 +zoo" 5
keys Down Down Down Enter
check "a tag selects the query feed too" \
    wait_all 5 "tag: zoo" "^ +1    \(0/3\) Animals"
keys Q
check "quit" exited_ok 10
tmux_stop

# A bad expression: the line, the column, the token; exit 2 both ways.
printf '%s\n' '"query:Bad:unread = \"yes\" and titel =~ \"x\""' >>"$dir/urls"
out=$("$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" 2>&1 </dev/null)
rc=$?
want="tidings: $dir/urls:6: query feed 'Bad': column 20: unknown attribute 'titel'"
if [ $rc -eq 2 ] && [ "$out" = "$want" ]; then
	ok "the reader refuses a bad expression with FILE:LINE and token"
else
	not_ok "the reader refuses a bad expression with FILE:LINE and token"
	echo "# rc=$rc out=$out"
fi
out=$("$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" -r 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && [ "$out" = "$want" ]; then
	ok "--refresh refuses it the same way"
else
	not_ok "--refresh refuses it the same way"
	echo "# rc=$rc out=$out"
fi
exit $((TAP_FAILED > 0))
