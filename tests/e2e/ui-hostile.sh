#!/bin/sh
# Hostile text in the reader (TAP): a feed whose every field carries
# terminal escape sequences (a window-title change, screen clear, colours,
# blink) and C1 controls, as character references and raw bytes. In tmux,
# through the feed list, the headlines and the article: the terminal's
# title never changes, no colour or blink of the feed's reaches the
# screen (NO_COLOR, so any colour would be the feed's), and the payloads of
# the sequences are not shown as text either.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-hostile-ui.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT

cp "$TESTS_DATA/hostile/escapes-everywhere.xml" "$dir/a.xml"
# Raw bytes too: ESC and C1 inside CDATA and attributes (not well-formed
# XML, read by the lenient pass), and OSC 2 as references.
python3 - "$dir/b.xml" <<'PY'
import sys
osc = "&amp;#27;]2;PWNED-TITLE&amp;#7;"
doc = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
       '<title>Feed' + osc + ' B</title><link>http://b.example/</link>'
       '<item><title>Raw \x1b]2;PWNED-RAW\x07story</title>'
       '<author>x\x1b[31mred\x1b[0m@b.example (Au\x9b31mthor)</author>'
       '<link>http://b.example/\x1b]2;PWNED-LINK\x07p</link>'
       '<enclosure url="http://b.example/e\x1b[5m.mp3" type="audio/mpeg" '
       'length="1"/>'
       '<description><![CDATA[<p>Body \x1b]0;PWNED-BODY\x07text '
       '\x1b[5mblink\x1b[25m \x9b2J end</p>]]></description>'
       '<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>'
       '</channel></rss>\n')
open(sys.argv[1], "wb").write(doc.encode("utf-8", "surrogateescape"))
PY
printf 'file://%s\nfile://%s\n' "$dir/a.xml" "$dir/b.xml" >"$dir/urls"
# Links point nowhere: no full-text fetches.
echo "fulltext no" >"$dir/config"
"$TIDINGS" -C "$dir/config" -u "$dir/urls" -c "$dir/cache.db" --refresh \
    </dev/null >/dev/null 2>&1

echo "1..10"
tmux_start 100 30 env NO_COLOR=1 "$TIDINGS" -C "$dir/config" \
    -u "$dir/urls" -c "$dir/cache.db"
title0=$(tm display-message -p -t "$TMUX_TARGET" '#{pane_title}')

# clean: the title unchanged, no colour or blink on screen, no payload.
clean() {
	[ "$(tm display-message -p -t "$TMUX_TARGET" '#{pane_title}')" = \
	    "$title0" ] || { echo "# title is now: $(tm display-message -p \
	    -t "$TMUX_TARGET" '#{pane_title}')"; return 1; }
	# SGR sequences (ESC [ ... m) that colour or blink; the text "[5m"
	# left of a sequence whose ESC was dropped is harmless.
	s=$(screen_e)
	e=$(printf '\033')
	if printf '%s' "$s" | grep -q "$e\[\([0-9;]*;\)\{0,1\}\(3[0-7]\|4[0-7]\|5\)\(;[0-9;]*\)\{0,1\}m"; then
		echo "# colour or blink on screen"; return 1
	fi
	case $(screen) in
	*PWNED*|*owned*) echo "# a sequence's payload is shown"; return 1 ;;
	esac
	return 0
}

check "feed list shown" wait_for "Feed B" 10
check "feed list: title unchanged, nothing of the sequences" clean
keys Enter
check "headlines of the escaped feed" wait_for "item" 5
check "headlines: title unchanged, nothing of the sequences" clean
keys Enter
check "its article" wait_for "Title:" 5
check "article: title unchanged, nothing of the sequences" clean
keys q q j Enter
check "headlines with raw escape bytes" wait_for "story" 5
keys Enter
check "article with raw escape bytes" wait_for "Body" 5
# Raw control bytes make the document ill-formed; the lenient pass drops
# them, and raw escape sequences whole, before expat sees them.
check "raw bytes: title unchanged, nothing of the sequences" clean
keys Q
check "quit" exited_ok 10
exit $((TAP_FAILED > 0))
