#!/bin/sh
# highlight VIEW REGEX FG [BG [ATTR...]] and highlight-feed EXPR, in tmux:
# only the text a rule matches (any case) takes its colours, in the views
# it names (the feed list, the article list, the article's lines); a
# feed's row takes highlight-feed's (a feed with no articles too, when
# the expression reads only the feed's attributes, such as its counts);
# the focused row keeps listfocus's.
# A bad line is FILE:LINE: at load, exit 2, for the reader and --refresh.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
cat >"$dir/config" <<'CONF'
fulltext no
highlight articlelist "ZEBRAS" red default bold
highlight feedlist "beta" magenta
highlight article "aardvark|quokka" yellow
highlight all "mayor" cyan default
highlight-feed "tags # \"tech\"" green default
highlight-feed "unread_count = 0 and total_count = 0" blue default
CONF
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"

# row TEXT: the screen line (with its escape sequences) showing TEXT
# (found in the plain screen: colours may split the text).
row() {
	n=$(screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1)
	[ -n "$n" ] && screen_e | sed -n "${n}p"
}
# colour_of FG TEXT: the runs of TEXT's line drawn in colour FG, joined by |.
colour_of() { row "$2" | python3 "$TOP_SRCDIR/tests/lib/sgr-text.py" "$1"; }
# is FG TEXT WANT: exactly WANT of TEXT's line is in FG.
is() {
	got=$(colour_of "$1" "$2")
	[ "$got" = "$3" ] || { echo "# in colour $1: '$got', not '$3'"; return 1; }
}
# has FG TEXT PART: PART of TEXT's line is in FG (with more, maybe).
has() { colour_of "$1" "$2" | grep -qF -- "$3"; }

echo "1..15"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_match "^ +2 N  \(1/2\) Custom Beta" 5
settle "Custom Beta"
check "feed list: only the word a rule matches takes its colour" \
    is 5 "Custom Beta" "Beta"
check "feed list: the focused feed keeps listfocus (no highlight-feed)" \
    is 2 "Alpha News" ""
keys Down
sleep 0.3
settle "Custom Beta"
check "feed list: a feed highlight-feed matches takes it on its whole row" \
    has 2 "Alpha News" "(2/3) Alpha News"
check "feed list: the focused row keeps listfocus (no match coloured)" \
    is 5 "Custom Beta" ""
check "feed list: a feed with no articles matches highlight-feed on its counts" \
    has 4 "Gone Feed" "(0/0) Gone Feed"
keys Up Enter
wait_for "Alpha News (3 articles)" 5
settle "Zebras cross"
check "article list: only the match, in any case" \
    is 1 "Zebras cross" "Zebras"
keys Down
sleep 0.3
settle "Zebras cross"
check "article list: the focused row keeps listfocus" \
    is 1 "Zebras cross" ""
check "article list: an 'all' rule colours the match of another row" \
    is 6 "Aardvarks elect" "mayor"
check "article list: an article rule is not applied to the list" \
    is 3 "Aardvarks elect" ""
title_both() { is 6 "Title:" "mayor" && is 3 "Title:" "Aardvark"; }
keys Up Enter
wait_for "The aardvark council" 5
settle "The aardvark council"
check "article: the matched word in the rendered line" \
    is 3 "The aardvark council" "aardvark"
check "article: an 'all' rule on the title line, the article rule too" \
    title_both
keys Q
wait_exit 10
tmux_stop

# bad LINE MESSAGE: the config's line 2 stops the reader and --refresh
# alike with "FILE:2: MESSAGE" (a prefix of it, when MESSAGE ends in *).
bad() {
	printf 'fulltext no\n%s\n' "$1" >"$dir/bad"
	r=$("$TIDINGS" -C "$dir/bad" -u "$dir/urls" -c "$dir/cache.db" 2>&1 </dev/null)
	rc1=$?
	f=$("$TIDINGS" --refresh -C "$dir/bad" -u "$dir/urls" -c "$dir/cache.db" 2>&1 </dev/null)
	rc2=$?
	if [ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && [ "$r" = "$f" ]; then
		case $r in
		"tidings: $dir/bad:2: "$2) return 0 ;;
		esac
	fi
	echo "# reader $rc1 '$r', --refresh $rc2 '$f'"
	return 1
}
check "a bad regular expression: FILE:LINE:, exit 2, reader and --refresh" \
    bad 'highlight all "(x" red' "highlight: bad regular expression '(x': ?*"
check "an unknown view: FILE:LINE:, exit 2" \
    bad 'highlight articles "x" red' "highlight: unknown view 'articles' (feedlist, articlelist, article or all)"
check "an unknown colour: FILE:LINE:, exit 2" \
    bad 'highlight all "x" redd' "unknown color: redd"
check "highlight-feed with a bad expression: FILE:LINE:, exit 2" \
    bad 'highlight-feed "titel = \"x\"" red default' "highlight-feed: column 1: unknown attribute 'titel'"
exit $((TAP_FAILED > 0))
