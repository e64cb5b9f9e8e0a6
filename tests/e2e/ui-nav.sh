#!/bin/sh
# The reader end to end, in tmux: first start, help from the key tables,
# tags, hiding read feeds, next unread across feeds, marking feeds read,
# the mouse, and Ctrl-Z suspend and resume from a job-control shell.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
# Links point nowhere: no full-text fetches (tests/e2e/fulltext.sh).
echo "fulltext no" >"$dir/config"

echo "1..26"

# First start: no urls file, a welcome that says how to add feeds.
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/none/urls" \
    -c "$dir/empty.db"
check "first start: welcome screen" wait_for "Welcome to tidings!" 10
check "welcome says how to add feeds" sh -c 'printf "%s\n" "$1" |
    grep -q "tidings -i subscriptions.opml" && printf "%s\n" "$1" |
    grep -q "$2"' _ "$LAST_SCREEN" "$dir/none/urls"
keys q
check "then an empty feed list that says the same" wait_for "No feeds yet" 5
keys Q
wait_exit 5
tmux_stop

python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10

# Help, made from the key tables.
keys '?'
check "help view" wait_for "Help - feedlist keys" 5
check "help lists keys with actions" sh -c 'printf "%s\n" "$1" |
    grep -Eq "^n +next-unread +next unread article" && printf "%s\n" "$1" |
    grep -Eq "^t +set-tag"' _ "$LAST_SCREEN"
keys G
check "help lists the config options from their table" \
    wait_match "^refresh-on-startup +\[no\] refresh all feeds" 5
keys q

# Tags: pick one, the list shows only its feeds.
keys t
check "tag list" wait_match "^ +1  blog$" 5
keys Enter
check "feed list filtered by tag" wait_for "tag: blog" 5
check "only the tag's feeds" sh -c 'printf "%s\n" "$1" | grep -q "Custom Beta" &&
    ! printf "%s\n" "$1" | grep -q "Alpha News"' _ "$LAST_SCREEN"
keys T
check "clear-tag shows them all" wait_for "Alpha News" 5

# Hide feeds with nothing unread.
keys l
check "read feeds hidden" wait_gone "Gone Feed" 5
keys l
check "and shown again" wait_for "Gone Feed" 5

# n: the next unread article, across feeds.
keys g n
check "n opens the first unread article" wait_for "The aardvark council" 5
keys n
check "n: the next one in the feed" wait_for "Stripes everywhere" 5
keys n
check "n: then the next feed's" wait_for "Hello from beta." 5
# Resizing re-wraps the article: its last word stays whole.
tm resize-window -t t -x 40 -y 20
check "article re-wrapped at 40 columns" wait_match "^wrapfinish\.$" 5
tm resize-window -t t -x 100 -y 30
check "and again at 100" wait_match "narrow screen, and it ends with" 5
keys q q

# A marks the feed under the cursor read; C marks everything read.
keys g j j j
keys A
check "A: feed marked read" wait_match "^ +2    \(0/2\) Custom Beta" 5
keys C
check "C: everything read" wait_for "(0) All unread articles" 5

# Mouse: a click selects, a double click opens.
mouse 5 5 press release
# The click is known once the double-click interval has passed: ask for
# the selected feed's error until it is the clicked one.
clicked() {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		keys e
		wait_for "HTTP 404 Not Found" 1 && return 0
	done
	return 1
}
check "click selects the row" clicked
mouse 5 3 press release press release
check "double click opens" wait_for "Alpha News (3 articles)" 5
keys Q
check "quit: exit status 0 (no leak under ASan)" exited_ok 10
tmux_stop

# Ctrl-Z and fg from an interactive shell (job control).
TMUX_STATUS_FILE=$(mktemp "${TMPDIR:-/tmp}/tidings-tmux-status.XXXXXX")
tm new-session -d -s t -x 80 -y 24 "env PS1='PROMPT\$ ' TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile -i"
check "an interactive shell in tmux" wait_for 'PROMPT$' 10
type_text "'$TIDINGS' -C '$dir/config' -u '$dir/urls' -c '$dir/cache.db'"
keys Enter
wait_for "Alpha News" 10
keys C-z
check "Ctrl-Z: back at the shell" wait_for "Stopped" 5
type_text "fg"
keys Enter
check "fg: the reader is redrawn" wait_for "Alpha News" 5
keys Q
check "quit back to the prompt" wait_match '^PROMPT\$ ?$' 5
exit $((TAP_FAILED > 0))
