#!/bin/sh
# Search in the reader, end to end: a feed stored and indexed by a real
# `tidings --refresh`, then `/` in tmux finds parts of words, Japanese
# text inside a title, any case and without the diacritics.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-search.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
cat >"$dir/feed.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Search Feed</title>
<link>http://127.0.0.1:9/</link>
<item><title>Episode 1</title><guid>e1</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The pilot.&lt;/p&gt;</description></item>
<item><title>東京タワーの夜景</title><guid>j1</guid>
<pubDate>Mon, 01 Jan 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;写真です。&lt;/p&gt;</description></item>
<item><title>Crème brûlée in Zürich</title><guid>c1</guid>
<pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Dessert.&lt;/p&gt;</description></item>
<item><title>Forty words</title><guid>w1</guid>
<pubDate>Mon, 01 Jan 2024 06:00:00 GMT</pubDate>
<description>zqa01 zqa02 zqa03 zqa04 zqa05 zqa06 zqa07 zqa08 zqa09 zqa10 zqa11 zqa12 zqa13 zqa14 zqa15 zqa16 zqa17 zqa18 zqa19 zqa20 zqa21 zqa22 zqa23 zqa24 zqa25 zqa26 zqa27 zqa28 zqa29 zqa30 zqa31 zqa32 zqa33 zqa34 zqa35 zqa36 zqa37 zqa38 zqa39 zqa40</description></item>
<item><title>Nothing to see</title><guid>n1</guid>
<pubDate>Mon, 01 Jan 2024 07:00:00 GMT</pubDate>
<description>&lt;p&gt;Plain words.&lt;/p&gt;</description></item>
</channel></rss>
XML
echo "fulltext no" >"$dir/config"
echo "file://$dir/feed.xml" >"$dir/urls"

echo "1..12"
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" --refresh \
    >/dev/null 2>&1
rc=$?
check "tidings --refresh stores the feed" [ "$rc" = 0 ]
# As a cache from before the column-only index is left: the index empty,
# every article waiting for it. The reader indexes them from start-up.
python3 - "$dir/cache.db" <<'EOF2'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO items_fts(items_fts) VALUES ('delete-all')")
db.execute("INSERT OR IGNORE INTO fts_pending SELECT id FROM items")
db.commit()
EOF2
tmux_start 100 20 "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"
wait_for "Search Feed" 10 || true

# search QUERY: the results' list of that query.
search() {
	keys /
	wait_for "Search for:" 5 || true
	type_text "$1"
	keys Enter
}
search episo
check "/episo finds Episode 1 (indexed by the reader, no refresh)" wait_for "Search results for \"episo\" (1 article)" 5
check "  and lists it" wait_match "^ +1 N .*Episode 1" 5
keys q
search 東京
check "/東京 finds the Japanese title" wait_for "(1 article)" 5
check "  and lists it" wait_match "^ +1 N .*東京タワーの夜景" 5
keys q
search ZURICH
check "/ZURICH finds Zürich" wait_match "^ +1 N .*Crème brûlée in Zürich" 5
keys q
search "rème brul"
check "/rème brul finds Crème brûlée" wait_match "^ +1 N .*Crème brûlée" 5
keys q
search episo
wait_for "(1 article)" 5 || true
no_limit_note() { ! screen | grep -q "only the"; }
check "a word inside few others says nothing of a limit" no_limit_note
keys q
# Inside 40 words: the 32 shortest are searched, and the user is told.
search zqa
check "/zqa finds the article with forty such words" \
    wait_match "^ +1 N .*Forty words" 5
check "  and says only the 32 shortest of them were searched" \
    wait_for '"zqa" is part of more than 32 words: only the 32 shortest' 5
keys q
search nothere
check "/nothere finds nothing" wait_for "Nothing matches." 5
keys q
search '"AND (NEAR'
check "FTS syntax typed by the user is no error" wait_for "Nothing matches." 5
keys Q
wait_exit 5 || true
exit $((TAP_FAILED > 0))
