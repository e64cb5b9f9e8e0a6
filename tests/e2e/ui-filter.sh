#!/bin/sh
# Filters in the reader, in tmux: F asks for an expression and narrows
# the feed list (feeds with a matching article, or matching themselves on
# feed attributes such as their counts) or the article list, the
# title line saying so; f picks one of the config's define-filter lines;
# ^F shows the whole list again; a bad expression leaves the list as it
# was, with the column and token at fault.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
python3 "$TOP_SRCDIR/tests/lib/seed-cache.py" "$dir/cache.db" || exit 1
cat >"$dir/config" <<'CONF'
fulltext no
define-filter "Bob's posts" "author = \"Bob\""
define-filter "Animals" "title =~ \"aardvark|zebra\""
CONF
printf '%s\n' 'http://127.0.0.1:9/alpha.xml news tech' \
    'http://127.0.0.1:9/beta.xml blog "~Custom Beta"' \
    'http://127.0.0.1:9/gone.xml' >"$dir/urls"

# has ERE / lacks TEXT: about the screen last waited for.
has() { printf '%s\n' "$LAST_SCREEN" | grep -Eq -- "$1"; }
lacks() { ! printf '%s\n' "$LAST_SCREEN" | grep -qF -- "$1"; }
t_feeds_bob() { wait_match "^ +1 N  \(1/2\) Custom Beta" 5 && lacks "Alpha News"; }
t_feeds_empty() { wait_match "^ +1 .*\(0/0\) Gone Feed" 5 &&
    lacks "Alpha News" && lacks "Custom Beta"; }
t_bad() { wait_for "column 1: unknown attribute 'titel'" 5 &&
    has "^ +1 N  \(2/3\) Alpha News"; }
t_pick() { wait_for "Select a filter" 5 && has "Animals"; }
t_chosen() { wait_for "filter: Animals" 5 &&
    has "^ +1 N  \(2/3\) Alpha News" && lacks "Custom Beta"; }

echo "1..11"
tmux_start 100 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_match "^ +1 N  \(2/3\) Alpha News" 5
keys F
wait_for "Filter:" 5
type_text 'author = "Bob"'
keys Enter
check "F in the feed list: only feeds with a matching article" t_feeds_bob
check "the title line says a filter is on" \
    wait_for 'filter: author = "Bob"' 5
keys C-f
check "^F: every feed again" wait_match "^ +1 N  \(2/3\) Alpha News" 5
# Of feed attributes only: a feed without articles is one too.
keys F
wait_for "Filter:" 5
type_text 'total_count = 0'
keys Enter
check "F on a feed's counts: the feed with no articles" t_feeds_empty
keys C-f
wait_match "^ +1 N  \(2/3\) Alpha News" 5
keys F
wait_for "Filter:" 5
type_text 'titel = "x"'
keys Enter
check "a bad expression: the column and token, the list unchanged" t_bad

# The article list of Alpha News.
keys Enter
wait_for "Alpha News (3 articles)" 5
keys F
wait_for "Filter:" 5
type_text 'title =~ "zebra"'
keys Enter
check "F in the article list narrows it" \
    wait_for 'Alpha News (1 article) - filter: title =~ "zebra"' 5
check "to the matching article" wait_match "^ +1 N .*Zebras cross" 5
keys C-f
check "^F: the whole list again" wait_for "Alpha News (3 articles)" 5

# f: the config's filters, by name.
keys q
wait_for "Your feeds" 5
keys f
check "f lists the config's filters" t_pick
keys Down Enter
check "a chosen filter narrows the feed list, named in the title" t_chosen
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
