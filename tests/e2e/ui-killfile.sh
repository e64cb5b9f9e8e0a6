#!/bin/sh
# The killfile: ignore-article FEEDURL|* EXPR. In download mode (the
# default) such articles are never stored, at any refresh, and a rule for
# one feed leaves the others alone; in display mode they are stored but
# the reader never shows or counts them (feed list, title line, "All
# unread articles", the feed's list, query feeds). A bad expression is a
# config error with its line and token, exit 2.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

# feed NAME TITLE:AUTHOR...: an RSS file of those items.
feed() {
	name=$1
	shift
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel>'
		echo "<title>Feed $name</title><link>https://$name.example/</link>"
		n=0
		for it in "$@"; do
			n=$((n + 1))
			echo "<item><title>${it%%:*}</title><author>${it#*:}</author>"
			echo "<guid>$name-$n</guid><link>https://$name.example/$n</link>"
			echo "<pubDate>Mon, 0$n Jan 2024 10:00:00 GMT</pubDate></item>"
		done
		echo '</channel></rss>'
	} >"$dir/$name.xml"
}
feed a "Sponsored, buy this:Ads" "Real news from A:Spammer" "More from A:Ann"
feed b "Real news from B:Bob" "Spam from B:Spammer"
printf '%s\n' "file://$dir/a.xml" "file://$dir/b.xml" \
    '"query:Everything:title =~ \".\""' >"$dir/urls"
cat >"$dir/config" <<EOF2
fulltext no
ignore-article * "title =~ \"^sponsored\""
ignore-article "file://$dir/b.xml" "author = \"Spammer\""
EOF2

# titles CACHE: the stored titles, sorted, on one line.
titles() {
	python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("|".join(sorted(r[0] for r in db.execute("SELECT title FROM items"))))
PY
}
want="More from A|Real news from A|Real news from B"

echo "1..9"
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/dl.db" -r </dev/null
got=$(titles "$dir/dl.db")
if [ "$got" = "$want" ]; then ok "download mode: killed articles are not stored"
else not_ok "download mode: killed articles are not stored"; echo "# $got"; fi
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/dl.db" -r </dev/null
got=$(titles "$dir/dl.db")
if [ "$got" = "$want" ]; then ok "nor at the next refresh"
else not_ok "nor at the next refresh"; echo "# $got"; fi

# Display mode: stored, but not shown nor counted.
printf '%s\n' 'ignore-mode display' >>"$dir/config"
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/disp.db" -r </dev/null
got=$(titles "$dir/disp.db")
if [ "$got" = "More from A|Real news from A|Real news from B|Spam from B|Sponsored, buy this" ]; then
	ok "display mode: every article is stored"
else
	not_ok "display mode: every article is stored"; echo "# $got"
fi
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/disp.db"
check "display mode: the feed list counts only what is shown" \
    wait_match "^ +1 N  \(2/2\) Feed a" 5
check "and the other feed, by its own rule" \
    wait_match "^ +2 N  \(1/1\) Feed b" 5
check "title line, all unread and the query feed agree" \
    sh -c 'printf "%s\n" "$0" | grep -q "Your feeds (3 unread)" &&
        printf "%s\n" "$0" | grep -Eq "^ +\(3\) All unread articles" &&
        printf "%s\n" "$0" | grep -Eq "^ +3 N  \(3/3\) Everything"' \
    "$LAST_SCREEN"
keys Enter
check "the feed's list leaves the killed article out" \
    wait_match "Feed a \(2 articles\)" 5
if printf '%s\n' "$LAST_SCREEN" | grep -q Sponsored; then
	not_ok "no killed title on screen"
else
	ok "no killed title on screen"
fi
keys q
wait_for "Your feeds" 5
keys Q
wait_exit 10
tmux_stop

printf '%s\n' 'ignore-article * "title =~ \"x\" and"' >>"$dir/config"
out=$("$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/disp.db" -r 2>&1 </dev/null)
rc=$?
case "$out" in
"tidings: $dir/config:5: ignore-article: column 17: expected an attribute at the end")
	[ $rc -eq 2 ] && ok "a bad expression: FILE:LINE, column, exit 2" ||
	    { not_ok "a bad expression: FILE:LINE, column, exit 2"; echo "# rc=$rc"; } ;;
*)	not_ok "a bad expression: FILE:LINE, column, exit 2"; echo "# rc=$rc $out" ;;
esac
exit $((TAP_FAILED > 0))
