#!/bin/sh
# Saving and piping an article, in tmux: s proposes save-path and a name
# from the title, writes the article as text (read back here), refuses
# to overwrite without a yes; | runs the typed command with the article
# on its standard input, and nothing from the feed (a title or link
# with $(...) and backquotes) ever runs through a shell.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
mark=$dir/pwned
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
# A hostile title: were it ever given to a shell, $mark would appear.
sqlite3 "$dir/cache.db" "UPDATE items SET title = 'Evil \$(touch $mark) \`touch $mark\`; touch $mark' WHERE title = 'Beta first post'" ||
    exit 1
mkdir "$dir/saved"
printf '%s\n' "fulltext no" "save-path $dir/saved" >"$dir/config"
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' >"$dir/urls"

# status TEXT: the status row reads TEXT exactly (trailing blanks aside).
status() {
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

echo "1..15"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10
keys Enter
wait_for "Aardvarks elect" 5
keys s
check "s in the article list proposes save-path and the title" \
    status "Save article to: $dir/saved/Aardvarks_elect_a_new_mayor.txt"
keys Enter
f=$dir/saved/Aardvarks_elect_a_new_mayor.txt
check "saved, and said so" wait_for "Saved to $f." 5
check "the file holds the header and the body as text" sh -c '
	grep -qx "Title: Aardvarks elect a new mayor" "$1" &&
	grep -qx "Feed: Alpha News" "$1" &&
	grep -q "^Link: https://example.org/news" "$1" &&
	grep -q "The aardvark council met on Tuesday." "$1" &&
	! grep -q "<b>" "$1"' _ "$f"

# Again: the file exists; n keeps it, y replaces it.
echo "old" >"$f"
keys s
wait_for "Save article to:" 5
keys Enter
check "an existing file: asked before it is replaced" \
    wait_for "exists. Overwrite? (y/n)" 5
keys n
wait_for "Not saved:" 5
check "n: not saved, the file as it was" [ "$(cat "$f")" = old ]
keys s
wait_for "Save article to:" 5
keys Enter
wait_for "Overwrite?" 5
keys y
wait_for "Saved to" 5
check "y: replaced" grep -q "aardvark council" "$f"

# A name typed at the prompt (edited), from the article view.
keys Enter
wait_for "The aardvark council" 5
keys s
wait_for "Save article to:" 5
keys C-u
type_text "$dir/saved/typed.txt"
keys Enter
wait_for "Saved to" 5
check "s in the article view saves to the name typed" \
    grep -q "aardvark council" "$dir/saved/typed.txt"

# | with a command: it gets the article on its standard input.
keys '|'
check "| asks for a command" status "Pipe article to command:"
type_text "cat >$dir/piped.txt"
keys Enter
wait_file "$dir/piped.txt" 5
check "the command got the article on stdin" sh -c '
	grep -q "The aardvark council met" "$1" &&
	grep -qx "Title: Aardvarks elect a new mayor" "$1"' _ "$dir/piped.txt"
check "and the reader is back" wait_for "Piped to cat" 5
keys '|'
wait_for "Pipe article to command:" 5
type_text "exit 3"
keys Enter
check "a failing command: its status shown" wait_for "exit 3 failed (status 3)" 5

# The hostile article: saved and piped, its title never runs.
keys q
wait_for "Aardvarks elect" 5
keys q
wait_for "Custom Beta" 5
keys Down Enter
wait_for "Evil" 5
keys s
wait_for "Save article to:" 5
check "the proposed name keeps no shell characters" \
    wait_match "Save article to: .*Evil_touch_[A-Za-z0-9_-]*\.txt$" 5
keys Enter
wait_for "Saved to" 5
keys '|'
wait_for "Pipe article to command:" 5
type_text "cat >$dir/evil.txt"
keys Enter
wait_file "$dir/evil.txt" 5
check "the hostile article piped as text" sh -c '
	grep -qF "Title: Evil \$(touch" "$1"' _ \
    "$dir/evil.txt"
check "nothing from the feed ran through a shell" test ! -e "$mark"
keys Q
check "Q quits with 0" exited_ok 10
exit $((TAP_FAILED > 0))
