#!/bin/sh
# n and p with no unread article left, in tmux: the reader stays in the
# article (or the headlines) it was in and says so, instead of leaving
# it for a list; in the list of unread articles n skips none.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
# Links point nowhere: no full-text fetches.
echo "fulltext no" >"$dir/config"
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"

# still_in TITLE: the article TITLE is on screen, with the message.
still_in() {
	wait_for "No more unread articles." 5 &&
	    printf '%s\n' "$LAST_SCREEN" | grep -q "Article - $1" &&
	    printf '%s\n' "$LAST_SCREEN" | grep -q "^Title: *$1"
}

echo "1..12"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10
keys n
check "n opens the first unread article" wait_for "Title: Aardvarks" 5
keys n
check "n: the next one" wait_for "Title: Zebras" 5
keys n
check "n: the next feed's" wait_for "Title: Beta first post" 5
keys n
check "n with nothing left: still in the article, with a message" \
    still_in "Beta first post"
keys p
check "p with nothing left: the same" still_in "Beta first post"
# The article is still the one in front: its keys work on it.
keys N
check "N marks that article unread" wait_for "Marked unread." 5
keys q
check "q goes back to its headlines" wait_for "Custom Beta (2 articles)" 5
# In the headlines, with the cursor past the last unread one.
keys G n
check "n in the headlines, nothing after: stays there" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	wait_for "No more unread articles." 5 &&
	printf "%s\n" "$LAST_SCREEN" | grep -q "Custom Beta (2 articles)"' _ \
    "$TMUX_SOCK"
keys Q
check "quit" exited_ok 10
tmux_stop

# In the list of every unread article, an opened article leaves it; n
# goes on from that article, skipping none.
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/fresh.db" || exit 1
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/fresh.db"
wait_for "Alpha News" 10
keys g Enter
wait_for "All unread articles (3 articles)" 5
keys Enter
check "the unread list's first article" wait_for "Title: Beta first post" 5
keys n
check "n: the one right after it, none skipped" \
    wait_for "Title: Aardvarks" 5
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
