#!/bin/sh
# highlight-article EXPR FG BG [ATTR...], in tmux: the rows of matching
# articles take the colours, the focused row keeps listfocus's, the other
# rows their own; a bad expression is a config error with its column.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
cat >"$dir/config" <<'CONF'
fulltext no
highlight-article "author = \"Bob\"" red default bold
highlight-article "title =~ \"zebra\"" green default
CONF
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' >"$dir/urls"

# row TEXT: the screen line (with its escape sequences) showing TEXT.
row() { screen_e | grep -F -- "$1" | head -n 1; }
# red / green LINE: the line is drawn in that foreground.
red() { printf '%s' "$1" | grep -Eq '\[([0-9;]*;)?31[;m]'; }
green() { printf '%s' "$1" | grep -Eq '\[([0-9;]*;)?32[;m]'; }

echo "1..5"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_match "^ +2 N  \(1/2\) Custom Beta" 5
keys Down Enter
wait_for "Custom Beta (2 articles)" 5
settle "Beta second post"
check "a matching row that is not focused takes the colours" \
    red "$(row 'Beta second post')"
check "the focused row keeps listfocus's" \
    sh -c '! printf "%s" "$1" | grep -Eq "\[([0-9;]*;)?31[;m]"' _ \
    "$(row 'Beta first post')"
keys q
wait_for "Your feeds" 5
keys Up Enter
wait_for "Alpha News (3 articles)" 5
settle "Zebras cross"
check "the first rule that matches gives the colours" \
    green "$(row 'Zebras cross')"
check "rows that match no rule keep their own" \
    sh -c '! printf "%s" "$1" | grep -Eq "\[([0-9;]*;)?3[12][;m]"' _ \
    "$(row 'An old story')"
keys Q
wait_exit 10
tmux_stop

printf '%s\n' 'highlight-article "titel = \"x\"" red default' >>"$dir/config"
out=$("$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && [ "$out" = "tidings: $dir/config:4: highlight-article: column 1: unknown attribute 'titel'" ]; then
	ok "a bad expression: FILE:LINE, column and token, exit 2"
else
	not_ok "a bad expression: FILE:LINE, column and token, exit 2"
	echo "# rc=$rc $out"
fi
exit $((TAP_FAILED > 0))
