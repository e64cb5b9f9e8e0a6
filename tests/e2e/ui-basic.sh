#!/bin/sh
# The reader end to end, in tmux: feed list, headlines, article, marks,
# search, browser, resize, quit with the terminal given back.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
# Links point nowhere: no full-text fetches (tests/e2e/fulltext.sh).
echo "fulltext no" >"$dir/config"
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"
# The browser: records its arguments, one per file, byte for byte.
cat >"$dir/browser" <<'EOS'
#!/bin/sh
printf '%s' "$#" >"$BROWSER_LOG.argc"
printf '%s' "$1" >"$BROWSER_LOG.tmp" && mv "$BROWSER_LOG.tmp" "$BROWSER_LOG"
EOS
chmod +x "$dir/browser"

echo "1..28"
tmux_start 100 30 env BROWSER="$dir/browser" BROWSER_LOG="$dir/opened" \
    "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"

check "feed list on screen" wait_for "Alpha News" 10
check "custom title shown instead of the feed's own" \
    sh -c 'case "$1" in *"Custom Beta"*"Beta own title"*|*"Beta own title"*) exit 1;; *"Custom Beta"*) exit 0;; esac; exit 1' _ "$LAST_SCREEN"
check "unread/total counts and tags" \
    sh -c 'printf "%s\n" "$1" | grep -q "N  (2/3) Alpha News.*\[news tech\]"' _ "$LAST_SCREEN"
check "feed with an error is marked" \
    sh -c 'printf "%s\n" "$1" | grep -q "! (0/0) Gone Feed"' _ "$LAST_SCREEN"

# The error is one key away.
keys j j
keys e
check "the feed's error on the status line" wait_for "HTTP 404 Not Found" 5
keys g j j

# Open the first feed: newest first.
keys Enter
check "headlines of the feed" wait_for "Zebras cross the road" 5
check "newest first" sh -c 'printf "%s\n" "$1" | grep -n "" |
    awk "/Aardvarks/ { a = NR } /Zebras/ { z = NR } END { exit !(a && z && a < z) }"' _ "$LAST_SCREEN"

# Read an article: rendered body, numbered links, then marked read.
keys Enter
check "article body rendered" wait_for "The aardvark council met on Tuesday." 5
check "links numbered and listed" sh -c 'printf "%s\n" "$1" |
    grep -q "more here\[1\]" && printf "%s\n" "$1" | grep -q "https://example.org/rel"' _ "$LAST_SCREEN"

# Open in the browser: the URL arrives as one argument, byte for byte.
keys o
if wait_file "$dir/opened" 5 && [ "$(cat "$dir/opened.argc")" = 1 ] &&
    [ "$(cat "$dir/opened")" = "https://example.org/news?a=1&b=\$(touch /tmp/x);\`id\` 'q' \"d\"" ]; then
	ok "browser got the URL as one argument"
else
	not_ok "browser got the URL as one argument"
	od -c "$dir/opened" 2>/dev/null | sed 's/^/# /'
fi
check "screen back after the browser" wait_for "The aardvark council" 5

# Find in the article: the match is highlighted (reverse video here).
keys /
wait_for "Find in article:" 5
type_text "council"
keys Enter
check "find in article highlights the match" sh -c '
	. "$TOP_SRCDIR/tests/lib/tmux.sh"; TMUX_SOCK=$1
	deadline=$(( $(now_ms) + 5000 ))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		screen_e | grep -q "aardvark.*\[[0-9;]*mcouncil.*m met" &&
		    exit 0
		sleep 0.05
	done; exit 1' _ "$TMUX_SOCK"

# The URL view lists the links, row n being [n] of the text, then the
# enclosure and the article's link; choosing one opens it.
rm -f "$dir/opened"
keys u
check "URL view lists the article's links" wait_for "https://example.org/more" 5
check "URL view: rows 1 and 2 are [1] and [2] of the text" sh -c '
	printf "%s\n" "$1" | grep -q "^ *1  https://example.org/more *\$" &&
	printf "%s\n" "$1" | grep -q "^ *2  https://example.org/rel *\$"' _ "$LAST_SCREEN"
check "URL view: the enclosure by its URL, its type beside it" sh -c '
	printf "%s\n" "$1" | grep -q "^ *3  https://example.org/a.mp3  (enclosure, audio/mpeg)"' _ "$LAST_SCREEN"
keys j Enter
chosen() {
	wait_file "$dir/opened" 5 &&
	    [ "$(cat "$dir/opened")" = "$1" ]
}
check "choosing a link opens it, byte for byte" chosen "https://example.org/rel"
rm -f "$dir/opened"
keys 3
wait_for "Go to link: 3" 5
keys Enter
check "digit 3 in the URL view opens the enclosure's exact URL" chosen \
    "https://example.org/a.mp3"
keys q
# In the article, the digit is the [n] of the text.
rm -f "$dir/opened"
keys 1
check "a digit in the article asks for the link, the digit typed" \
    wait_for "Go to link: 1" 5
keys Enter
check "digit 1 opens [1]" chosen "https://example.org/more"
rm -f "$dir/opened"
keys "#"
wait_for "Go to link: " 5
type_text "9"
keys Enter
check "a number past the last link says so" \
    wait_for "No link 9: there are 4 links." 5
check "the enclosure's header line shows its number" \
    wait_match "^Enclosure: \[3\] https://example.org/a.mp3 \(audio/mpeg\)" 5

keys q
check "opened article shown read in the list" \
    wait_match "^ +1    2025-11-24 .*Aardvarks" 5

# Toggle read with N on the article under the cursor.
keys N
check "N marks it unread again" wait_match "^ +1 N  2025-11-24 .*Aardvarks" 5

# Search over every article.
keys q /
wait_for "Search for:" 5
type_text "quokka"
keys Enter
check "search results as a headline list" wait_for "Search results for \"quokka\" (1 article)" 5

# Resize: redrawn at the new size, wide characters cut with an ellipsis.
tm resize-window -t t -x 40 -y 12
check "resized: rows cut with an ellipsis at 40 columns" \
    wait_match "^ +1 .*Zebras cross the ro…$" 5
check "resized: status rows at the new bottom" sh -c '
	[ "$(printf "%s\n" "$1" | sed -n 11p | cut -c1-6)" = "q:Quit" ]' _ "$LAST_SCREEN"

# Quit: exit 0, terminal back in cooked mode and off the alternate screen.
keys Q
if wait_exit 5; then
	check "exit status 0" [ "$EXIT_STATUS" = 0 ]
	check "terminal restored (icanon echo)" sh -c 'printf "%s\n" "$1" |
	    grep -q "[^-]icanon" && printf "%s\n" "$1" | grep -q "[^-]echo "' _ "$STTY_AFTER"
else
	not_ok "exit status 0"
	not_ok "terminal restored (icanon echo)"
fi
exit $((TAP_FAILED > 0))
