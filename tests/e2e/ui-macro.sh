#!/bin/sh
# Macros, in tmux: `macro KEY STEP ; STEP -- "text"` lines run with the
# prefix (",", or macro-prefix) and the key, their steps in order (set
# among them); ? lists them with their descriptions; a key with no macro
# says so; a bad step is a FILE:LINE: error when the config is read, for
# the reader and --refresh alike.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s/opened"\n' "$dir" \
    >"$dir/browser.sh"
chmod +x "$dir/browser.sh"
cat >"$dir/config" <<EOF
fulltext no
browser false
macro b set browser "$dir/browser.sh" ; open-in-browser ; set browser false -- "Open in the test browser"
macro m open; toggle-star -- "Open and star"
macro e set browser "" ; set browser "a b"
macro k open ; reload ; quit
EOF
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' >"$dir/urls"

# pages: the help, page by page, as one text.
pages() {
	for p in 1 2 3 4 5 6; do
		screen
		keys NPage
		sleep 0.2
	done
}

echo "1..13"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10
keys Enter
wait_for "Aardvarks elect" 5
keys , b
wait_file "$dir/opened" 5
check ",b: set, then open-in-browser with the browser it set" \
    grep -q "^https://example.org/news" "$dir/opened"
keys o
check "and its last step set the browser back" \
    wait_for "false failed (status 1)" 5
keys , m
check ",m: the article opened and starred, in that order" sh -c '
	printf "%s\n" "$1" | grep -q "Article - Aardvarks" &&
	printf "%s\n" "$1" | grep -q "Starred\."' _ \
    "$(wait_for "Starred." 5; echo "$LAST_SCREEN")"
check "the star is in the cache" test "$(sqlite3 "$dir/cache.db" \
    "SELECT starred FROM items WHERE title LIKE 'Aardvarks%'")" = 1
keys q
wait_for "Aardvarks elect" 5
keys , z
check "a key with no macro: a message" wait_for "No macro on z." 5
keys '?'
check "? lists the macros with their descriptions" sh -c '
	printf "%s\n" "$1" | grep -q "Macros (the prefix \",\", then the key):" &&
	printf "%s\n" "$1" | grep -Eq "^,b +Open in the test browser +set browser $2/browser.sh" &&
	printf "%s\n" "$1" | grep -Eq "^,m +Open and star +open ; toggle-star" &&
	printf "%s\n" "$1" | grep -Eq "^,e +set browser \"\" ; set browser \"a b\""' _ \
    "$(wait_for "Help - articlelist" 5; pages)" "$dir"
keys q
wait_for "Aardvarks elect" 5
keys Q
check "quit" exited_ok 10
tmux_stop

# macro-prefix: another key starts them.
printf '%s\n' 'macro-prefix "!"' >>"$dir/config"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10
keys Enter
wait_for "Aardvarks elect" 5
keys , m
sleep 0.5
check "with macro-prefix !, , runs nothing" sh -c '
	! printf "%s\n" "$1" | grep -q "Article -"' _ "$(screen)"
keys '!' m
check "and ! runs the macro" wait_for "Article - Aardvarks" 5
keys Q
check "quit" exited_ok 10
tmux_stop

# A bad step: FILE:LINE:, exit 2, in --refresh and the reader.
printf '%s\n' 'fulltext no' 'macro q opne' 'macro w open ; set no-such x' \
    'macro e open -- "two" "words"' >"$dir/bad"
"$TIDINGS" -C "$dir/bad" -u "$dir/urls" -c "$dir/cache.db" --refresh \
    >"$dir/out" 2>"$dir/err"
rc=$?
check "--refresh: exit 2" test "$rc" = 2
check "each bad line named with its line and why" sh -c '
	grep -qx "tidings: $1:2: macro q: unknown action: opne" "$2" &&
	grep -qx "tidings: $1:3: macro w: unknown option '"'no-such'"'" "$2" &&
	grep -q "^tidings: $1:4: macro: -- takes one" "$2"' _ "$dir/bad" \
    "$dir/err"
"$TIDINGS" -C "$dir/bad" -u "$dir/urls" -c "$dir/cache.db" \
    >"$dir/out" 2>"$dir/err" </dev/null
rc=$?
check "the reader: exit 2 with the same message" sh -c '
	[ "$1" = 2 ] && grep -q "bad:2: macro q: unknown action: opne" "$2"' _ \
    "$rc" "$dir/err"
exit $((TAP_FAILED > 0))
