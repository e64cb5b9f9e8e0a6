#!/bin/sh
# Full text end to end (TAP): a feed of teasers served on 127.0.0.1 whose
# items link to the shared example's news page, a missing page, a JSON
# document, a section front and a local file. --refresh with
# `fulltext yes` stores the article and the failures; the reader, with the
# default `fulltext auto`, fetches the article when it is opened and shows
# its text whole and in order, says in one line why another has none, and
# fetches again on r.
set -u
: "${TIDINGS:?}" "${TESTS_DATA:?}" "${SHARED_DIR:?}" "${TOP_SRCDIR:?}"
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 missing"; exit 0; }

examples=$SHARED_DIR/examples
# A release tarball has no ../shared: use the copy in tests/data.
[ -f "$examples/article-un-report.html" ] || examples=$TESTS_DATA/extract
expected=$examples/article-un-report.expected.txt

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-fulltext.XXXXXX")
pid=
cleanup() {
	tmux_stop
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
mkdir "$dir/www"
cp "$examples/article-un-report.html" "$dir/www/article.html"
cp "$TESTS_DATA/extract/section-front.html" "$dir/www/front.html"
echo '{"not": "a page"}' >"$dir/www/data.json"

python3 "$TOP_SRCDIR/tests/lib/httpd.py" "$dir/www" "$dir/log" \
    >"$dir/port" 2>/dev/null &
pid=$!
wait_file "$dir/port" 10 || { echo "1..0 # SKIP no test server"; exit 0; }
port=$(head -n 1 "$dir/port")
base="http://127.0.0.1:$port"

# item N TITLE LINK TEASER: newest first by day of the month.
item() {
	printf '<item><title>%s</title><link>%s</link><guid>ft-%s</guid>' \
	    "$2" "$3" "$1"
	printf '<pubDate>%s Jan 2024 10:00:00 GMT</pubDate>' "$((30 - $1))"
	printf '<description>%s</description></item>\n' "$4"
}
{
	echo '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
	echo '<title>Teasers</title><link>http://teasers.example/</link>'
	item 1 "UN report" "$base/page/article.html" \
	    "China&#8217;s ambassador said on Friday that..."
	item 2 "Gone story" "$base/status/404" "Teaser of a gone story."
	item 3 "Data story" "$base/page/data.json" "Teaser of a data story."
	item 4 "Front page" "$base/page/front.html" "Teaser of a front page."
	item 5 "Local file" "file:///etc/passwd" "Teaser of a local file."
	item 6 "Busy story" "$base/status/503" "Teaser of a busy server."
	echo '</channel></rss>'
} >"$dir/www/teasers.xml"
echo "$base/feed/teasers.xml" >"$dir/urls"

# requests PATH: how many times the server was asked for PATH.
requests() {
	grep -c "\"path\": \"$1\"" "$dir/log" 2>/dev/null || true
}
sql() {
	sqlite3 "$dir/$1" "$2"
}
# wait_requests PATH N: until the server was asked N times for PATH (10 s).
wait_requests() {
	wr_end=$(( $(now_ms) + 10000 ))
	until [ "$(requests "$1")" = "$2" ]; do
		[ "$(now_ms)" -ge "$wr_end" ] && return 1
		sleep 0.05
	done
}

echo "1..27"

# --refresh with fulltext yes: every page fetched once, after the feed.
printf 'fulltext yes\n' >"$dir/config-yes"
TIDINGS_REFRESH_STATS=1 "$TIDINGS" -u "$dir/urls" -C "$dir/config-yes" \
    -c "$dir/yes.db" --refresh </dev/null >"$dir/out" 2>"$dir/err"
check "refresh, fulltext yes: exit 0 (a page that fails is not a feed that fails)" \
    [ $? = 0 ]
check "refresh, fulltext yes: one article, five pages without" \
    grep -q "fulltext 1 fulltext_failed 5$" "$dir/err"
check "refresh, fulltext yes: the article is stored" [ "$(sql yes.db \
    "SELECT count(*) FROM fulltext t JOIN items i ON i.id = t.id WHERE
     i.title = 'UN report' AND t.html LIKE '%Ambassador Chen Xu told%'
     AND t.error IS NULL")" = 1 ]
check "refresh, fulltext yes: a 404 is recorded as the reason" [ "$(sql \
    yes.db "SELECT t.error LIKE '%404%' FROM fulltext t JOIN items i ON
    i.id = t.id WHERE i.title = 'Gone story' AND t.html IS NULL")" = 1 ]
check "refresh, fulltext yes: JSON is not a page" [ "$(sql yes.db \
    "SELECT t.error FROM fulltext t JOIN items i ON i.id = t.id WHERE
     i.title = 'Data story'")" = "not an HTML page" ]
check "refresh, fulltext yes: a section front is no article" [ "$(sql \
    yes.db "SELECT t.html IS NULL AND t.error IS NOT NULL FROM fulltext t
    JOIN items i ON i.id = t.id WHERE i.title = 'Front page'")" = 1 ]
check "refresh, fulltext yes: a feed from the network cannot read local files" \
    sh -c '[ "$(sqlite3 "$1" "SELECT t.error FROM fulltext t JOIN items i
	ON i.id = t.id WHERE i.title = '"'Local file'"'")" = \
	"the link is not a web page" ] &&
	! sqlite3 "$1" ".dump" | grep -q "root:"' _ "$dir/yes.db"
check "refresh, fulltext yes: the full text is in the search index" [ "$(sql \
    yes.db "SELECT count(*) FROM items_fts WHERE items_fts MATCH
    'Uighurs'")" = 1 ]
"$TIDINGS" -u "$dir/urls" -C "$dir/config-yes" -c "$dir/yes.db" --refresh \
    </dev/null >/dev/null 2>&1
retry=$(sql yes.db "SELECT i.title,
    CAST(round((t.retry_at - t.fetched_at) / 3600.0) AS INTEGER) FROM fulltext t
    JOIN items i ON i.id = t.id WHERE t.error LIKE '%HTTP status%'
    ORDER BY i.title")
check "a server error is tried again in six hours, a 404 never" \
    [ "$(echo $retry)" = "Busy story|6 Gone story|" ]
[ "$(echo $retry)" = "Busy story|6 Gone story|" ] || echo "# $retry"
check "a second refresh fetches no page again" [ "$(requests \
    /page/article.html) $(requests /status/404) $(requests /status/503)" = \
    "1 1 1" ]
# Six hours on: the refresh tries the busy server's page again, only it.
sql yes.db "UPDATE fulltext SET retry_at = 1 WHERE retry_at IS NOT NULL"
"$TIDINGS" -u "$dir/urls" -C "$dir/config-yes" -c "$dir/yes.db" --refresh \
    </dev/null >/dev/null 2>&1
check "once its time has come, a refresh tries that page again" [ "$(requests \
    /page/article.html) $(requests /status/404) $(requests /status/503)" = \
    "1 1 2" ]

# The reader, fulltext auto (the default): nothing fetched at refresh.
: >"$dir/log"
: >"$dir/config"
"$TIDINGS" -u "$dir/urls" -C "$dir/config" -c "$dir/auto.db" --refresh \
    </dev/null >/dev/null 2>&1
check "refresh, fulltext auto: no page fetched" [ "$(requests \
    /page/article.html)" = 0 ]

# A tall pane: the whole article on one screen.
tmux_start 160 90 "$TIDINGS" -u "$dir/urls" -C "$dir/config" \
    -c "$dir/auto.db"
wait_for "Teasers" 10
keys Enter
wait_for "UN report" 5
keys Enter
check "opening a teaser fetches its article" \
    wait_for "Ambassador Chen Xu told the press" 15
# Every paragraph of the expected text, whole and in order (the screen's
# lines joined again), and none of the page's surroundings.
check "the article's paragraphs, whole and in order" python3 -c '
import sys
screen, expected = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = " ".join(screen.split())
at = 0
for para in [p for p in expected.split("\n\n")[1:] if p.strip()]:
    p = " ".join(para.split())
    i = text.find(p, at)
    if i < 0:
        print("# missing or out of order: " + p[:70])
        sys.exit(1)
    at = i + len(p)
for junk in ("Breaking", "Most read", "Newsletter", "Leave a Reply",
             "Related"):
    if junk in text:
        print("# page surroundings shown: " + junk)
        sys.exit(1)
' "$LAST_SCREEN" "$expected"
keys q
keys Down Enter
check "a page that fails: one short line, not curl's words" \
    wait_match "^No full text from the article's page \(w: why\); the feed's text follows\.$" 15
check "... and the feed's summary is shown" \
    wait_for "Teaser of a gone story." 5
keys w
check "... the fetcher's reason one key away" \
    wait_match "^Full text: .*404" 5
keys r
check "r fetches the page again" wait_requests /status/404 2
check "... and says again that there is none" \
    wait_for "No full text for this article." 10
keys q Up Enter
check "the stored article opens without fetching it again" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	wait_for "Ambassador Chen Xu told the press" 5 &&
	[ "$(grep -c "\"path\": \"/page/article.html\"" "$2")" = 1 ]' _ \
    "$TMUX_SOCK" "$dir/log"
# A link that is no web page is not fetched on opening, and no line
# about it is shown; r says why in words of one line.
keys q Down Down Down Down Enter
check "a link that is no web page: the teaser, no full-text line" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	wait_for "Teaser of a local file." 5 && sleep 1 && screen >"$2.s" &&
	! grep -q "full text" "$2.s"' _ "$TMUX_SOCK" "$dir/screen"
keys r
check "... r says it is not a web page" \
    wait_for "No full text: the link is not a web page." 5
# The reader too: a server error is shown, then tried again on opening
# once its time has come.
keys q Down Enter
check "a server error: one line says so" \
    wait_match "^No full text from the article's page \(w: why\); the feed's text follows\.$" 15
sql auto.db "UPDATE fulltext SET retry_at = 1 WHERE retry_at IS NOT NULL"
keys q Enter
check "opened again once its time has come, the page is fetched again" \
    wait_requests /status/503 2
# (The screen says so after the fetch, then again after reopening.)
if wait_match "^No full text from the article" 10 && keys q Enter &&
    wait_match "^No full text from the article" 10 && sleep 1 &&
    [ "$(requests /status/503)" = 2 ]; then
	ok "... and not when opened before its time"
else
	not_ok "... and not when opened before its time"
fi
keys q q
wait_for "Your feeds" 5
keys /
wait_for "Search for:" 5
type_text "Uighurs"
keys Enter
check "search finds the article by a word of its full text" \
    wait_for 'Search results for "Uighurs" (1 article)' 10
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
