#!/bin/sh
# The urls file read live, in tmux: a line appended while the reader runs
# shows after R, a line removed hides its feed (its marks kept for when it
# comes back), a broken file keeps the feeds as they were, E edits the
# file in $EDITOR and reads it after, ^R reads it again.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-urls.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

# feed NAME: an RSS document titled "Feed NAME" with two stories.
feed() {
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo "<title>Feed $1</title><link>http://example.org/</link>"
	for n in 1 2; do
		printf '<item><title>%s story %s</title><guid>%s-%s</guid>' "$1" "$n" "$1" "$n"
		printf '<pubDate>Mon, 0%s Jan 2024 10:00:00 GMT</pubDate></item>\n' "$n"
	done
	echo '</channel></rss>'
}
for f in Alpha Beta Gamma; do feed $f >"$dir/$f.xml"; done
printf '%s\n' 'refresh-on-startup yes' 'fulltext no' 'show-read-feeds yes' \
    >"$dir/config"

echo "1..17"
# The first start: no urls file; one written meanwhile is read by R, as
# the welcome page says.
tmux_start 200 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
wait_for "Welcome to tidings!" 10
echo "file://$dir/Alpha.xml" >"$dir/urls"
keys R
check "first start: R on the welcome page reads the new urls file" \
    wait_for "Refreshed 1 feed:" 15
keys q
check "first start: and its feed is listed" wait_for "(2/2) Feed Alpha" 5
keys Q
wait_exit 10
tmux_stop

# The editor E runs: adds Gamma to the file it is given.
cat >"$dir/editor" <<EOS
#!/bin/sh
echo "\$@" >"$dir/editor-args"
echo "file://$dir/Gamma.xml" >>"\$1"
EOS
chmod +x "$dir/editor"

tmux_start 200 30 env EDITOR="$dir/editor" VISUAL= "$TIDINGS" \
    -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"
wait_for "(2/2) Feed Alpha" 15

# Appended by hand while it runs: R reads the file, then fetches.
echo "file://$dir/Beta.xml news" >>"$dir/urls"
keys R
check "R: an appended feed appears" wait_for "(2/2) Feed Beta" 15
check "R: and the others are still there" wait_for "Feed Alpha" 2

# Read one of Beta's articles, then remove Beta from the file.
keys Down Enter
wait_for "Beta story 2" 5
keys Enter
wait_for "Title: Beta story 2" 5
keys q q
wait_for "(1/2) Feed Beta" 5
echo "file://$dir/Alpha.xml" >"$dir/urls"
keys R
check "R: a removed feed disappears" wait_gone "Feed Beta" 15
check "R: the one left stays" wait_for "Feed Alpha" 2

# Back in the file: its read mark was kept.
echo "file://$dir/Beta.xml" >>"$dir/urls"
keys R
check "R: a feed added back keeps its marks" wait_for "(1/2) Feed Beta" 15

# A broken file: a message, the feeds as they were.
echo "gopher://example.org/feed" >>"$dir/urls"
keys C-r
check "^R: a broken file says where" wait_for \
    "urls:3: not a feed URL: 'gopher://example.org/feed'" 5
check "^R: and keeps the feeds" wait_for "Feed Beta" 2
keys R
check "R: a broken file says so after the refresh" wait_for \
    "the feeds are kept as they were. Refreshed 2 feeds" 15
check "R: the feeds as they were" wait_for "(1/2) Feed Beta" 2
printf '%s\n' "file://$dir/Alpha.xml" "file://$dir/Beta.xml" >"$dir/urls"
keys C-r
wait_for "The urls file has 2 feeds." 5
# A file that is gone (an editor between unlink and rename) drops nothing.
mv "$dir/urls" "$dir/urls.away"
keys C-r
check "^R: a missing file is an error" wait_for \
    "urls: No such file or directory; the feeds are kept as they were." 5
check "^R: and keeps the feeds" wait_for "(1/2) Feed Beta" 2
mv "$dir/urls.away" "$dir/urls"

# E: the editor gets the file; what it wrote is read when it returns.
keys E
check "E: the file is read after the editor" \
    wait_for "The urls file has 3 feeds." 10
check "E: the editor was given the urls file" \
    grep -qxF "$dir/urls" "$dir/editor-args"
keys R
check "E: the new feed is fetched" wait_for "(2/2) Feed Gamma" 15
keys Q
check "quit" exited_ok 10
