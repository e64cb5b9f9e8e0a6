#!/bin/sh
# --import-newsboat against a real Newsboat: Debian's newsboat fetches two
# file:// feeds into its own cache under a private HOME, an article is
# read in Newsboat's own reader (in tmux) and one is flagged "s"; then
# tidings imports urls, config and cache, and a refresh of the same feeds
# neither duplicates the articles nor loses the marks.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v newsboat >/dev/null 2>&1 || { echo "1..0 # SKIP newsboat missing"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 missing"; exit 0; }
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-nb.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
HOME=$dir/home XDG_CONFIG_HOME=$dir/xdg-config XDG_DATA_HOME=$dir/xdg-data
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME/.newsboat" "$dir/feeds"

# rss FILE TITLE N: a feed of N items with guids.
rss() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>' "$2"
		printf '<link>https://example.org/%s</link>' "$2"
		i=1
		while [ "$i" -le "$3" ]; do
			printf '<item><title>%s item %d</title><guid>%s-%d</guid>' \
			    "$2" "$i" "$2" "$i"
			printf '<link>https://example.org/%s/%d</link>' "$2" "$i"
			printf '<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>' "$i"
			printf '<description>Body of %s %d</description></item>' \
			    "$2" "$i"
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} >"$1"
}
rss "$dir/feeds/alpha.xml" Alpha 3
rss "$dir/feeds/beta.xml" Beta 2
printf '%s\n' "file://$dir/feeds/alpha.xml news \"~Alpha Custom\"" \
    "file://$dir/feeds/beta.xml" '"query:Unread:unread = \"yes\""' \
    >"$HOME/.newsboat/urls"
cat >"$HOME/.newsboat/config" <<'EOC'
# A Newsboat user's config.
reload-threads 3
auto-reload yes
max-items 100
bind-key J next-unread
bind-key ^D pagedown article
macro v set browser "mpv %u"
color listfocus black yellow bold
ttrss-flag-star s
EOC
nbcache=$HOME/.newsboat/cache.db

echo "1..14"
newsboat -x reload >"$dir/nb.out" 2>&1
check "newsboat wrote its cache (5 articles)" \
    test "$(sqlite3 "$nbcache" 'SELECT count(*) FROM rss_item')" = 5

# Read "Alpha item 3" (the newest, first in the list) in Newsboat itself.
tmux_start 100 30 env HOME="$HOME" newsboat
if wait_for "Alpha Custom" 15; then
	keys Enter
	wait_for "Alpha item 1" 10
	keys Enter
	wait_for "Body of Alpha" 10
	keys q
	wait_for "Alpha item 1" 10
	keys q
	keys q
	wait_exit 10
fi
tmux_stop
read_nb=$(sqlite3 "$nbcache" "SELECT title FROM rss_item WHERE unread = 0")
check "newsboat marked the article read in its cache" \
    test "$read_nb" = "Alpha item 3"
# Newsboat's flags are typed at a prompt; set the "s" flag as it stores it.
sqlite3 "$nbcache" "UPDATE rss_item SET flags = 's' WHERE guid = 'Beta-1'"

"$TIDINGS" --import-newsboat >"$dir/out" 2>"$dir/err"
rc=$?
LAST_SCREEN=$(cat "$dir/out" "$dir/err")
check "import exits 0" test "$rc" = 0
urls=$XDG_CONFIG_HOME/tidings/urls conf=$XDG_CONFIG_HOME/tidings/config
cache=$XDG_DATA_HOME/tidings/cache.db
check "urls file: both feeds, tags and title kept, query line too" sh -c '
    grep -qx "file://$1/feeds/alpha.xml news \"~Alpha Custom\"" "$2" &&
    grep -qx "file://$1/feeds/beta.xml" "$2" && grep -q "query:Unread" "$2"' \
    _ "$dir" "$urls"
check "config: shared options and bindings imported" sh -c '
    grep -qx "max-connections 3" "$1" && grep -qx "max-items 100" "$1" &&
    grep -qx "auto-reload yes" "$1" &&
    grep -qx "bind-key J next-unread" "$1" &&
    grep -qx "bind-key ^D pagedown article" "$1" &&
    grep -qx "color listfocus black yellow bold" "$1" &&
    grep -qx "macro v set browser \"mpv %u\"" "$1"' _ "$conf"
check "the skipped lines are listed with their reason" sh -c '
    grep -q "config:9: ttrss-flag-star s (ttrss-flag-star: not supported yet" "$1" &&
    grep -q ", 1 skipped" "$1"' \
    _ "$dir/out"
q() { sqlite3 "$cache" "$1"; }
check "cache: 5 articles, 2 feeds" test "$(q 'SELECT count(*) FROM items')/$(q \
    'SELECT count(DISTINCT feed_id) FROM items')" = 5/2
check "cache: the article read in Newsboat is read, the others not" \
    test "$(q 'SELECT title FROM items WHERE read = 1')" = "Alpha item 3"
check "cache: the 's' flag became a star" \
    test "$(q 'SELECT title FROM items WHERE starred = 1')" = "Beta item 1"
check "cache: feed titles from Newsboat's cache" \
    test "$(q "SELECT title FROM feeds WHERE url LIKE '%beta.xml'")" = Beta
check "search index holds the imported articles" test "$(q \
    "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'Body'")" = 5

"$TIDINGS" --refresh >"$dir/r.out" 2>&1
check "a refresh of the same feeds: no duplicates, marks kept" test \
    "$(q 'SELECT count(*), sum(read), sum(starred) FROM items')" = "5|1|1"

"$TIDINGS" --import-newsboat="$HOME/.newsboat" >"$dir/out2" 2>&1
check "importing again adds nothing" sh -c '
    test "$(grep -c . "$1")" = 3 && test "$(grep -c "^max-items" "$2")" = 1 &&
    test "$(sqlite3 "$3" "SELECT count(*) FROM items")" = 5' \
    _ "$urls" "$conf" "$cache"

"$TIDINGS" --import-newsboat="$dir/nothing" >/dev/null 2>"$dir/err3"
rc=$?
check "no Newsboat files there: exit 2 with the path" sh -c '
    test "$1" = 2 && grep -q "nothing/urls" "$2"' _ "$rc" "$dir/err3"
