#!/bin/sh
# Counts after marks, in tmux: opening an article, N, S, A and n change
# the unread and starred counts of every view (feed list, its title line,
# the headlines) as soon as the user goes back, with no other key.
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

# counts UNREAD ALPHA BETA STARRED: the feed list says so, title included.
counts() {
	wait_match "^ +1 [N ]  \($2/3\) Alpha News" 5 &&
	    printf '%s\n' "$LAST_SCREEN" | grep -q "Your feeds ($1 unread)" &&
	    printf '%s\n' "$LAST_SCREEN" | grep -Eq "^ +\($1\) All unread articles" &&
	    printf '%s\n' "$LAST_SCREEN" | grep -Eq "^ +2 [N ]  \($3/2\) Custom Beta" &&
	    printf '%s\n' "$LAST_SCREEN" | grep -Eq "^ +\($4\) Starred articles"
}

echo "1..9"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
check "feed list: 3 unread, 1 starred" counts 3 2 1 1

# Open the newest article of Alpha News, then back to the feed list.
keys Enter
wait_for "Alpha News (3 articles)" 5
keys Enter
wait_for "The aardvark council met" 5
keys q
check "headlines: the opened article lost its N" \
    wait_match "^ +1    [0-9-]+  Ann Author +Aardvarks" 5
keys q
check "open: feed list and title line count it read" counts 2 1 1 1

# N inside the article marks it unread again.
keys Enter
wait_for "Alpha News (3 articles)" 5
keys Enter
wait_for "The aardvark council met" 5
keys N
wait_for "Marked unread." 5
keys q q
check "N in the article: counted unread again" counts 3 2 1 1

# The list of every unread article: open its first one (Beta's, newest
# with Aardvarks, a larger id), go back.
keys g Enter
wait_for "All unread articles (3 articles)" 5
keys Enter
wait_for "The aardvark council met" 5
keys q
check "unread list: its title counts one fewer" \
    wait_for "All unread articles (2 articles)" 5
keys q
check "unread list: feed list counts it read" counts 2 2 0 1

# S in an article stars it; n opens the next unread one and marks it.
keys j j Enter
wait_for "Alpha News (3 articles)" 5
keys Down Enter
wait_for "Stripes everywhere" 5
keys S
wait_for "Starred." 5
keys q q
check "open and S: read and starred counts" counts 1 1 0 2
keys Enter
wait_for "Alpha News (3 articles)" 5
keys A
wait_for "All marked read." 5
keys q
check "A in the headlines: feed list counts the feed read" counts 0 0 0 2
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
