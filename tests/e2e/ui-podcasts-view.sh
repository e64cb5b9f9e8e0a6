#!/bin/sh
# The podcasts view in tmux, against a throttled server on 127.0.0.1
# (tests/lib/media-httpd.py): P opens the queue from the reader and
# tidings --podcasts starts in it; d downloads one with live progress
# (sha256 checked), a all, c cancels (the part stays), p plays through
# `player` with the path as one argument and no shell, D deletes the
# file, x takes the entry out of the queue.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-pbv.XXXXXX")
srv_pid=
cleanup() {
	tmux_stop
	[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

mkdir "$dir/feeds" "$dir/dl"
python3 "$TOP_SRCDIR/tests/lib/media-httpd.py" "$dir/feeds" "$dir/log" \
    >"$dir/port" &
srv_pid=$!
i=0
while [ ! -s "$dir/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$dir/port")
base="http://127.0.0.1:$port"
# 2 MiB at 1 MiB/s: progress can be seen; 8 MiB at 256 KiB/s: time to
# cancel it.
one="$base/media/v/one.mp3?size=2097152&amp;rate=1048576"
long="$base/media/v/long.mp3?size=8388608&amp;rate=262144"
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel>'
	echo '<title>View Feed</title><link>http://example.org/</link>'
	echo '<item><title>Episode one</title><guid>1</guid>'
	echo '<pubDate>Tue, 03 Jan 2023 10:00:00 GMT</pubDate>'
	echo "<enclosure url=\"$one\" type=\"audio/mpeg\"/>"
	echo '<description>One.</description></item>'
	echo '<item><title>Episode long</title><guid>2</guid>'
	echo '<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>'
	echo "<enclosure url=\"$long\" type=\"audio/mpeg\"/>"
	echo '<description>Long.</description></item>'
	echo '</channel></rss>'
} >"$dir/feeds/view.xml"
echo "$base/feed/view.xml" >"$dir/urls"
# The player logs its arguments, one a line; a name with blanks and a $
# must come as one argument, never through a shell.
cat >"$dir/player" <<'EOS'
#!/bin/sh
printf '%s\n' "$#" "$@" >"$PLAYER_LOG.tmp" && mv "$PLAYER_LOG.tmp" "$PLAYER_LOG"
EOS
chmod +x "$dir/player"
printf '%s\n' 'fulltext no' "download-path $dir/dl" \
    'download-filename-format "%t $(x) %e.%e"' "player \"$dir/player\"" \
    'podcast-auto-enqueue yes' >"$dir/config"
T() { "$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" "$@"; }
T --refresh >/dev/null || { echo "Bail out! refresh failed"; exit 1; }
f1="$dir/dl/Episode one \$(x) mp3.mp3"
f2="$dir/dl/Episode long \$(x) mp3.mp3"
sha() { python3 -c 'import hashlib, sys
print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"; }
want1=$(python3 -c 'import importlib.util, hashlib, sys
s = importlib.util.spec_from_file_location("m", sys.argv[1])
m = importlib.util.module_from_spec(s); s.loader.exec_module(m)
print(hashlib.sha256(m.media_bytes("v/one.mp3", 2097152)).hexdigest())' \
    "$TOP_SRCDIR/tests/lib/media-httpd.py")

echo "1..12"
tmux_start 120 30 env PLAYER_LOG="$dir/played" "$TIDINGS" \
    -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db"
wait_for "View Feed" 10
keys P
if wait_for "Podcasts (2 files)" 5 && wait_match "queued .*Episode one" 2
then
	ok "P opens the queue, with each file's state"
else
	not_ok "P opens the queue, with each file's state"
fi
# The queue is in the order articles came: the older one first.
keys Down d
if wait_match "downloading +[0-9.]+[KM]/2\.0M +[0-9]+% +Episode one" 10; then
	ok "d downloads it, with live progress"
else
	not_ok "d downloads it, with live progress"
fi
if wait_match "done +2\.0M/2\.0M +100% +Episode one" 20; then
	ok "and shows it done"
else
	not_ok "and shows it done"
fi
check "the file is whole (sha256), under its own name" \
    [ "$(sha "$f1" 2>/dev/null)" = "$want1" ]
keys p
if wait_file "$dir/played" 10 &&
    [ "$(cat "$dir/played")" = "$(printf '1\n%s' "$f1")" ]; then
	ok "p plays it: the path as one argument, no shell"
else
	not_ok "p plays it: the path as one argument, no shell"
fi
keys Up a
wait_match "downloading .*Episode long" 10
keys c
if wait_match "cancelled .*Episode long" 10 && [ -s "$f2.part" ] &&
    [ ! -e "$f2" ]; then
	ok "c cancels a running download; its part stays, no final file"
else
	not_ok "c cancels a running download; its part stays, no final file"
fi
keys Down D
if wait_match "deleted .*Episode one" 5 && [ ! -e "$f1" ]; then
	ok "D deletes the file; the entry stays"
else
	not_ok "D deletes the file; the entry stays"
fi
keys x
if wait_for "Podcasts (1 file)" 5; then
	ok "x takes the entry out of the queue"
else
	not_ok "x takes the entry out of the queue"
fi
keys '?'
if wait_for "download the selected file" 5 &&
    wait_for "play the selected file" 1; then
	ok "? there lists the queue's keys"
else
	not_ok "? there lists the queue's keys"
fi
keys q
keys q
wait_for "View Feed" 5
keys Q
check "the reader exits 0" exited_ok 10
tmux_stop

# tidings --podcasts starts in the queue; q quits.
tmux_start 120 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db" --podcasts
if wait_match "cancelled .*Episode long" 10; then
	ok "tidings --podcasts starts in the queue"
else
	not_ok "tidings --podcasts starts in the queue"
fi
keys q
check "q there quits" exited_ok 10
exit $((TAP_FAILED > 0))
