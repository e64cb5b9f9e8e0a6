#!/bin/sh
# The key hints and the help (?) of each view, in tmux: they offer only
# what works there. Every key a view's hint line shows is pressed in that
# view, and none answers "not available here"; the help of the URL view
# and of the tag list leaves out the feed and article actions.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
# Links point nowhere: no full-text fetches. The browser does nothing.
printf '%s\n' 'fulltext no' "browser true" >"$dir/config"
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"

# The hint line (row 29 of 30) of the screen in $LAST_SCREEN.
hints() {
	printf '%s\n' "$LAST_SCREEN" | sed -n 29p
}

# tmux's name for a key of the hint line.
tmux_key() {
	case $1 in
	ENTER) echo Enter ;; SPACE) echo Space ;; ESC) echo Escape ;;
	UP) echo Up ;; DOWN) echo Down ;; LEFT) echo Left ;; RIGHT) echo Right ;;
	^?) echo "C-$(printf '%s' "${1#^}" | tr 'A-Z' 'a-z')" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

# try_hints TITLE [LABEL...]: press every key of the hint line of the
# view titled TITLE except those that leave it (Quit, Help, Search and the
# LABELs), and come back to TITLE after each; fails when one answers "not
# available here". A hint is KEY:Label, the label perhaps of two words.
try_hints() {
	title=$1
	shift
	wait_for "$title" 5 || return 1
	[ -n "$(hints)" ] || return 1
	for h in $(hints); do
		case $h in
		*:*) ;;
		*) continue ;;	# the second word of a label
		esac
		k=${h%%:*}
		skip=
		for l in Quit Help Search "$@"; do
			[ "${h#*:}" = "$l" ] && skip=1
		done
		[ -n "$skip" ] && continue
		echo "# $title: $k"
		keys "$(tmux_key "$k")"
		sleep 0.3
		LAST_SCREEN=$(screen)
		case $LAST_SCREEN in
		*"not available here"*)
			echo "# $k: not available here"; return 1 ;;
		esac
		# A key that opened a view: back to the one tried.
		case $LAST_SCREEN in
		*"$title"*) ;;
		*) keys q; wait_for "$title" 5 || return 1 ;;
		esac
	done
	return 0
}

echo "1..12"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Alpha News" 10
check "feed list: every hinted key works" try_hints "Your feeds"

# The URL view of an article.
keys g j j Enter
wait_for "Alpha News (3 articles)" 5
check "headlines: every hinted key works" try_hints "Alpha News (3 articles)"
keys g Enter
wait_for "The aardvark council met" 5
check "article: every hinted key works" try_hints "Article - Aardvarks"
keys u
wait_for "URLs" 5
check "URL view: no feed or article keys in the hints" sh -c '
	printf "%s\n" "$1" | sed -n 29p | grep -q "ENTER:Open" &&
	! printf "%s\n" "$1" | sed -n 29p |
	    grep -Eq "r:Reload |N:Read|A:Mark"' _ "$LAST_SCREEN"
check "URL view: every hinted key works" try_hints "tidings 0.1.0 - URLs"
keys '?'
check "URL view help" wait_for "Help - urlview keys" 5
check "URL view help: only what works there" sh -c '
	printf "%s\n" "$1" | grep -Eq "open-in-browser" &&
	! printf "%s\n" "$1" | grep -Eq \
	    "toggle-article-read|mark-feed-read|set-tag|show-error|^r +reload "' \
    _ "$LAST_SCREEN"
keys q q q q
wait_for "Your feeds" 5

# The tag list.
keys t
wait_for "Select a tag" 5
check "tag list: no feed or article keys in the hints" sh -c '
	! printf "%s\n" "$1" | sed -n 29p |
	    grep -Eq "r:Reload |N:Read|A:Mark|o:Browser"' _ "$LAST_SCREEN"
check "tag list: every hinted key works" try_hints "Select a tag" Open
keys '?'
check "tag list help" wait_for "Help - tagselection keys" 5
check "tag list help: only what works there" sh -c '
	printf "%s\n" "$1" | grep -Eq "^ENTER.* open " &&
	! printf "%s\n" "$1" | grep -Eq \
	    "toggle-article-read|mark-feed-read|open-in-browser|^r +reload "' \
    _ "$LAST_SCREEN"
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
