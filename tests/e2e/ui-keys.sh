#!/bin/sh
# Newsboat's keys in the reader, in tmux: ENTER in an article does nothing
# (o opens the link), and the defaults Newsboat users expect: ^N/^P and
# j/k between feeds from the headlines, J/K between articles (also inside
# one), O opens and marks read, S stars, ^K a random unread article, ^T
# clears the tag, ^R reads the urls file again.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-keys.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
# A browser that records its arguments, one file a run.
cat >"$dir/browser" <<EOS
#!/bin/sh
n=\$(ls "$dir" | grep -c '^argv\.')
printf '%s\n' "\$@" >"$dir/argv.\$n"
EOS
chmod +x "$dir/browser"
printf '%s\n' 'fulltext no' "browser \"$dir/browser %u\"" >"$dir/config"
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"
start() {
	tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
	    -c "$dir/cache.db"
	wait_for "Alpha News" 10
}
runs() { ls "$dir" | grep -c '^argv\.'; }

echo "1..24"
start
keys Enter
wait_for "Aardvarks elect" 5
keys Enter
wait_for "The aardvark council" 5
# ENTER twice more: no browser, and the article stays.
keys Enter Enter
sleep 1
check "ENTER in the article starts no browser" sh -c '[ "$(ls "$1" |
    grep -c "^argv\.")" -eq 0 ]' _ "$dir"
check "and the article stays on screen" wait_for "The aardvark council" 1
keys o
check "o opens the article's link" wait_file "$dir/argv.0" 5
check "with the exact URL" sh -c '[ "$(cat "$1")" = "$2" ]' _ \
    "$dir/argv.0" 'https://example.org/news?a=1&b=$(touch /tmp/x);`id` '"'q'"' "d"'
keys q
wait_for "Alpha News (3 articles)" 5

# Between feeds from the headlines: ^N, ^P (unread ones), j, k (any).
keys C-n
check "^N: the next feed with unread articles" \
    wait_for "Custom Beta (2 articles)" 5
keys C-n
check "^N with none left: the headlines stay, with a message" \
    wait_for "No more feeds with unread articles." 5
check "... on the same feed" wait_for "Custom Beta (2 articles)" 1
keys C-p
check "^P: the previous one" wait_for "Alpha News (3 articles)" 5
keys j
check "j in the headlines: the next feed" wait_for "Custom Beta (2 articles)" 5
keys k
check "k: the previous feed" wait_for "Alpha News (3 articles)" 5

# J and K inside an article: the next and previous article, read or not.
keys Enter
wait_for "The aardvark council" 5
keys J
check "J in an article: the next article" wait_for "Stripes everywhere" 5
keys J
check "J again: the next, although it was read" wait_for "Old news." 5
keys J
check "J at the end: the article stays, with a message" \
    wait_for "This is the last article." 5
check "... still the same article" wait_for "Old news." 1
keys K
check "K: the previous article" wait_for "Stripes everywhere" 5

# O in the headlines: the browser, and the article marked read.
keys q C-n
wait_for "Custom Beta (2 articles)" 5
keys O
check "O runs the browser with the article's link" wait_file "$dir/argv.1" 5
check "... its link" sh -c '[ "$(cat "$1")" = https://beta.example/1 ]' _ \
    "$dir/argv.1"
keys q
check "... and marks it read (nothing unread left)" \
    wait_for "(0) All unread articles" 5

# S stars (s is Newsboat's save: it asks for a file, and stars nothing).
keys Enter
wait_for "Custom Beta (2 articles)" 5
keys s
check "s asks where to save, and stars nothing" sh -c '
	printf "%s\n" "$1" | grep -q "Save article to:" &&
	! printf "%s\n" "$1" | grep -q "Starred\."' _ \
    "$(wait_for "Save article to:" 5; echo "$LAST_SCREEN")"
keys Escape
wait_gone "Save article to:" 5
keys S
check "S stars the article" wait_for "Starred." 5
keys N
wait_for "Marked unread." 5
keys q

# ^K: a random unread article (one is left: the one marked unread).
keys C-k
check "^K opens the one unread article" wait_for "Hello from beta." 5
keys q q
wait_for "Alpha News" 5

# ^T clears the tag, as in Newsboat.
keys t
wait_match "^ +1  blog$" 5
keys Enter
wait_for "tag: blog" 5
keys C-t
check "^T clears the tag" wait_for "Alpha News" 5

# ^R: the urls file read again.
printf '%s\n' 'http://127.0.0.1:9/delta.xml' >>"$dir/urls"
keys C-r
check "^R reads the urls file again: the new feed is listed" \
    wait_for "127.0.0.1:9/delta.xml" 5
check "... with a message" wait_for "The urls file has 4 feeds." 5
keys Q
exit $TAP_FAILED
