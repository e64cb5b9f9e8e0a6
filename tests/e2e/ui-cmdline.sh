#!/bin/sh
# The command line, in tmux: `:` opens a prompt on the bottom row; set
# (applied at once, or shown), tag, goto, a row number, actions by name,
# save, source, dumpconfig; Tab completes names; Up brings back the last
# command; an unknown command only says so; quit leaves from any view
# with exit 0.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
printf '%s\n' 'fulltext no' 'macro m open -- "Open it"' >"$dir/config"
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"

# status TEXT: the bottom row reads TEXT exactly (trailing blanks aside).
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
# run LINE: type a command at the prompt and take it.
run() {
	keys :
	status ":" || return 1
	type_text "$1"
	keys Enter
}
# opens TEXT: ENTER on the row the cursor is on opens TEXT's list.
opens() {
	keys Enter
	wait_for "tidings 0.1.0 - $1" 5 || return 1
	keys q
	wait_for "Your feeds" 5
}

echo "1..30"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Gone Feed" 10

keys :
check ": opens the prompt on the bottom row" status ":"
keys Escape
wait_gone "Gone Feed" 1 >/dev/null
run "set show-read-feeds no"
check "set: applied at once (the feed with nothing unread leaves)" \
    wait_gone "Gone Feed" 5
check "and the value is said" status 'show-read-feeds = "no"'
run "set show-read-feeds"
check "set OPTION shows its value" status 'show-read-feeds = "no"'
run "set max-items lots"
check "a bad value: the reason, nothing set" \
    status "max-items: 'lots' is not a number"
run "set show-read-feeds!"
check "set OPTION!: a yes/no option flipped" wait_for "Gone Feed" 5
run "set show-read-feeds!"
wait_gone "Gone Feed" 5
run "set show-read-feeds&"
check "set OPTION&: back to the default" wait_for "Gone Feed" 5
run "set max-items!"
check "! on another kind of option: refused" \
    status "max-items is not a yes/no option."
before=$(screen | sed '$d')
run "frobnicate now"
check "an unknown command: a message" status "Unknown command: frobnicate"
check "and nothing else changed" [ "$(screen | sed '$d')" = "$before" ]

run "tag blog"
check "tag TAG: only the feeds of that tag" sh -c '
	printf "%s\n" "$1" | grep -q "Custom Beta" &&
	! printf "%s\n" "$1" | grep -q "Alpha News"' _ \
    "$(wait_gone "Alpha News" 5; echo "$LAST_SCREEN")"
run "tag"
wait_for "Alpha News" 5
run "goto gOnE"
check "goto TEXT: the next feed whose title holds it, any case" \
    opens "Gone Feed"
run "goto beta"
check "goto goes round to the top" opens "Custom Beta"
run "1"
check "a number: that row" opens "Alpha News"
run "exec open"
check "exec ACTION, as in Newsboat" wait_for "Alpha News (3 articles)" 5
keys q
wait_for "Your feeds" 5
run "open"
check "an action by its name" wait_for "Alpha News (3 articles)" 5
run "save $dir/cmd-saved.txt"
wait_file "$dir/cmd-saved.txt" 5
check "save FILE: the article under the cursor" sh -c '
	[ -s "$1" ] && grep -q "aardvark council" "$1"' _ "$dir/cmd-saved.txt"

printf '%s\n' 'browser "echo sourced"' 'max-items 7' \
    'color info white red' 'proxy-auth "me:s3cret"' >"$dir/extra"
run "source $dir/extra"
check "source FILE: read" status "Read $dir/extra."
check "its colours at once (the title bar white on red)" sh -c '
	deadline=$(( $(date +%s) + 5 ))
	while [ "$(date +%s)" -le "$deadline" ]; do
		tmux -L "$1" capture-pane -p -e -t t:0 | head -n 1 |
		    grep -q "41m" && exit 0
		sleep 0.1
	done; exit 1' _ "$TMUX_SOCK"
run "set browser"
check "its settings in force" status 'browser = "echo sourced"'
printf '%s\n' 'max-items 9' 'max-items many' >"$dir/bad"
run "source $dir/bad"
check "source of a bad file: FILE:LINE: and why" \
    status "$dir/bad:2: max-items: 'many' is not a number"
run "dumpconfig"
check "dumpconfig: the current settings, the proxy password masked" sh -c '
	printf "%s\n" "$1" | grep -qx "max-items 9 *" &&
	printf "%s\n" "$1" | grep -q "^browser \"echo sourced\"" &&
	printf "%s\n" "$1" | grep -q "^proxy-auth \*\*\*\*\*\*\*\*" &&
	! printf "%s\n" "$1" | grep -q "s3cret"' _ \
    "$(wait_for "The current settings" 5; echo "$LAST_SCREEN")"
keys q
wait_for "Alpha News (3 articles)" 5
run "dumpconfig $dir/dump"
wait_for "Saved to" 5
check "dumpconfig FILE: a config that reads back" sh -c '
	grep -qx "max-items 9" "$1" && grep -q "^macro m open -- " "$1" &&
	grep -qx "proxy-auth me:s3cret" "$1" &&
	[ "$(stat -c %a "$1")" = 600 ] &&
	"$2" -C "$1" -u /dev/null -c "$3" --refresh' _ "$dir/dump" \
    "$TIDINGS" "$dir/other.db"

# Tab completes.
keys :
type_text "dumpc"
keys Tab
check "Tab: a command" status ":dumpconfig"
keys C-u
type_text "set show-r"
keys Tab
check "Tab after set: an option" status ":set show-read-feeds"
keys C-u
type_text "next-unread-f"
keys Tab
check "Tab: an action" status ":next-unread-feed"
keys C-u
type_text "reload"
keys Tab
check "several: listed above the prompt" \
    wait_match "reload reload-all reload-urls" 5
keys Escape
keys :
keys Up
check "Up: the last command" status ":dumpconfig $dir/dump"
keys Escape

keys '?'
check "? lists the commands" sh -c '
	printf "%s\n" "$1" | grep -q "Commands (after :, Tab completes names):" &&
	printf "%s\n" "$1" | grep -Eq "^goto TEXT +the next feed whose title"' _ \
    "$(wait_for "Help - articlelist" 5; for p in 1 2 3 4 5 6; do screen;
	keys NPage; sleep 0.2; done)"
keys q
wait_for "Alpha News (3 articles)" 5
keys Enter
wait_for "Article - " 5
run "quit"
check "quit from the article view: exit 0" exited_ok 10
exit $((TAP_FAILED > 0))
