#!/bin/sh
# Config and urls files with errors: the message names the file and the
# line, the exit status is 2, and the user's files are byte for byte what
# they were (also after -i import errors, and after an import into a urls
# file that is a symlink, which must stay one). Nothing here touches the
# network: every URL is 127.0.0.1:9 or never fetched.
set -u
: "${TIDINGS:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tidings-badconf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=1
	echo "not ok $n - $1"
	[ -f diag ] && sed 's/^/# /' diag | head -n 20
}

printf 'http://127.0.0.1:9/a.xml news\nhttp://127.0.0.1:9/b.xml\n' >urls.good
: >config.good

# expect NAME PATTERN CMD...: exit 2, stderr matching the ERE PATTERN
# (anchored "^tidings: FILE:LINE: "), and every file in the directory
# unchanged (compared with a copy taken before).
expect() {
	name=$1 pat=$2
	shift 2
	rm -rf before diag
	mkdir before
	cp -p -- * before/ 2>/dev/null
	"$@" >out 2>err
	rc=$?
	changed=
	for f in before/*; do
		b=${f#before/}
		case $b in out|err) continue ;; esac
		cmp -s "$f" "$b" || changed="$changed $b"
	done
	extra=$(ls | grep -v -e '^before$' -e '^out$' -e '^err$' -e '^diag$' |
	    while read -r f; do [ -e "before/$f" ] || echo "$f"; done)
	if [ "$rc" -eq 2 ] && grep -Eq "^tidings: $pat" err &&
	    [ -z "$changed" ] && [ -z "$extra" ]; then
		ok "$name: $(head -n 1 err)"
	else
		{ echo "exit $rc, changed:$changed, new files: $extra"
		  cat err; } >diag
		not_ok "$name"
	fi
}

refresh() { "$TIDINGS" --refresh -C "$1" -u "$2" -c cache.db; }

echo "1..19"

printf 'max-connections 4\n# a comment\nfrobnicate yes\n' >c.unknown
expect "unknown option" "c\.unknown:3: unknown option 'frobnicate'" \
    refresh c.unknown urls.good

printf 'max-connections 4\n\nmax-connections 99999\n' >c.range
expect "value out of range" "c\.range:3: max-connections: .*range" \
    refresh c.range urls.good

printf 'download-max-size 12Q\n' >c.suffix
expect "bad size suffix" "c\.suffix:1: " refresh c.suffix urls.good

printf 'proxy-type carrier-pigeon\n' >c.choice
expect "not one of the choices" "c\.choice:1: " refresh c.choice urls.good

printf '\n\n\nproxy "abc\n' >c.quote
expect "unterminated quote" "c\.quote:4: unterminated quote" \
    refresh c.quote urls.good

printf 'max-connections\n' >c.noval
expect "option without a value" "c\.noval:1: " refresh c.noval urls.good

python3 -c 'print("# long"); print("proxy " + "a" * 70000)' >c.long
expect "line too long" "c\.long:2: line too long" refresh c.long urls.good

printf 'max-connections 4\nx\0y 3\n' >c.nul
expect "NUL byte in a line" "c\.nul:2: " refresh c.nul urls.good

# Key and colour lines are checked by every mode alike, the reader and
# --refresh, and every bad line is named, not only the first.
printf 'max-connections 4\nbind-key j no-such-action\n' >c.bind
expect "--refresh: bind-key with an unknown action" \
    "c\.bind:2: unknown action: no-such-action" refresh c.bind urls.good
expect "reader: the same line, the same message" \
    "c\.bind:2: unknown action: no-such-action" \
    "$TIDINGS" -C c.bind -u urls.good -c cache.db </dev/null
printf 'color info red blue sparkly\n' >c.color
expect "--refresh: color with an unknown attribute" \
    "c\.color:1: unknown attribute: sparkly" refresh c.color urls.good
printf 'unbind-key j nowhere\n' >c.unbind
expect "--refresh: unbind-key with an unknown context" \
    "c\.unbind:1: unknown key context: nowhere" refresh c.unbind urls.good
printf 'frobnicate 1\nbind-key x fly\nmax-connections 0\n' >c.many
expect "every bad line is reported (1 of 3)" "c\.many:1: unknown option" \
    refresh c.many urls.good
if grep -q "^tidings: c\.many:2: unknown action: fly" err &&
    grep -q "^tidings: c\.many:3: max-connections: " err; then
	ok "every bad line is reported (2 and 3 of 3)"
else
	cp err diag; not_ok "every bad line is reported (2 and 3 of 3)"
fi

printf 'http://127.0.0.1:9/a.xml\n# c\nhttp://127.0.0.1:9/b.xml "tag\n' >u.quote
expect "urls file: unterminated quote (--refresh)" "u\.quote:3: unterminated quote" \
    refresh config.good u.quote
expect "urls file: unterminated quote (-e)" "u\.quote:3: unterminated quote" \
    "$TIDINGS" -e -C config.good -u u.quote -c cache.db

# -i: an OPML file with an error, then a good one into a bad urls file.
printf '<opml><body>\n<outline xmlUrl="http://127.0.0.1:9/x"/>\n<outline>\n</body></opml>\n' >bad.opml
expect "-i: broken OPML names the OPML file and line" "bad\.opml:4: " \
    "$TIDINGS" -i bad.opml -C config.good -u urls.good -c cache.db
printf '<opml><body>\n<outline xmlUrl="http://127.0.0.1:9/x"/>\n</body></opml>\n' >good.opml
expect "-i: a urls file with an error is left alone" "u\.quote:3: " \
    "$TIDINGS" -i good.opml -C config.good -u u.quote -c cache.db

# -i into a symlinked urls file (dotfile managers): the link stays a link
# and the file it points to gets the new feed.
mkdir dot
cp urls.good dot/urls
ln -s dot/urls u.link
rm -f diag
"$TIDINGS" -i good.opml -C config.good -u u.link -c cache.db >out 2>err
rc=$?
if [ "$rc" -eq 0 ] && [ -L u.link ] && [ "$(readlink u.link)" = dot/urls ] &&
    grep -q '^http://127.0.0.1:9/x$' dot/urls &&
    [ "$(head -n 2 dot/urls)" = "$(cat urls.good)" ] &&
    [ -z "$(ls dot | grep -v '^urls$')" ]; then
	ok "-i into a symlinked urls file keeps the link, updates its target"
else
	{ echo "exit $rc"; cat err; ls -la u.link dot; cat dot/urls; } >diag
	not_ok "-i into a symlinked urls file keeps the link, updates its target"
fi
exit $failed
