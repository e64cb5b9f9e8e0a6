#!/bin/sh
# Editing a prompt, in tmux: the cursor keys, Home/End, ^A ^E, ^W ^K ^U,
# Backspace and Delete, the history on Up/Down (one for each prompt),
# ^G and ESC to cancel, in the search prompt and in the article's; wide
# characters move the cursor by character and by their width on screen.
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

# line TEXT: the status row reads TEXT exactly (trailing blanks aside).
line() {
	deadline=$(( $(now_ms) + 5000 ))
	while :; do
		LAST_SCREEN=$(screen)
		got=$(tm capture-pane -p -t "$TMUX_TARGET" -S 29 -E 29 |
		    sed 's/ *$//')
		[ "$got" = "$1" ] && return 0
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}
# cursor_at X: the terminal's cursor is in column X of the status row.
cursor_at() {
	[ "$(tm display-message -p -t "$TMUX_TARGET" '#{cursor_x},#{cursor_y}')" = "$1,29" ]
}

echo "1..22"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10

keys /
check "search prompt" line "Search for:"
type_text "ebra"
keys Home
type_text "z"
check "Home, then typing inserts at the start" line "Search for: zebra"
check "the cursor after the inserted character" cursor_at 13
keys End BSpace
check "End and Backspace" line "Search for: zebr"
keys C-a Delete
check "^A and Delete" line "Search for: ebr"
keys Right Right Right
type_text "a"
keys Left Left Left Left
type_text "z"
check "Left and Right move through the line" line "Search for: zebra"
keys C-e
type_text " two three"
keys C-w
check "^W deletes the word before the cursor" line "Search for: zebra two"
keys C-w C-w
check "and again, down to the first word" line "Search for:"
type_text "zebra xyz"
keys Left Left Left Left C-k
check "^K kills to the end" line "Search for: zebra"
keys Enter
check "the edited line is searched" wait_for 'Search results for "zebra"' 5
keys q

# History: Up brings back the last line, Down the one being typed.
keys /
type_text "draft"
keys Up
check "Up: the previous search" line "Search for: zebra"
keys Down
check "Down: back to the line being typed" line "Search for: draft"
keys C-a C-k
# Wide characters: the cursor moves a character, two cells for each.
type_text "日本語"
keys Left
check "a wide character is two cells" cursor_at 16
keys BSpace
check "Backspace takes one whole wide character" line "Search for: 日語"
check "and the cursor stays after the first" cursor_at 14
keys C-g
check "^G cancels the prompt" line ""

# The article's prompt has a history of its own; ESC cancels it.
keys Enter Enter
wait_for "The aardvark council met" 5
keys /
wait_for "Find in article:" 5
keys Up
check "the article's prompt: no search history of the other prompt" \
    line "Find in article:"
type_text "counsil"
keys Left Left BSpace
type_text "c"
check "the article's prompt edits too" line "Find in article: council"
keys Enter
wait_for "Alpha News" 5
keys /
keys Up
check "its own history" line "Find in article: council"
keys Escape
check "ESC cancels" line ""
# The help lists the prompt's keys (a page or two down).
keys '?'
wait_for "Help - article keys" 5
prompt_help() {
	for i in 1 2 3 4 5 6; do
		wait_match "^\^W +delete the word before the cursor" 1 &&
		    return 0
		keys NPage
	done
	return 1
}
check "help: the prompt's keys" prompt_help
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
