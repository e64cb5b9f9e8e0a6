#!/bin/sh
# A config copied from Newsboat 2.21 starts: every option its documentation
# lists (tests/data/conf/newsboat-2.21-options.conf, the manual's examples)
# is accepted by --refresh and the reader's check alike, those tidings
# lacks with one warning each naming file, line and option; a word that
# is no Newsboat option either (a typo) still fails with exit 2.
set -u
: "${TIDINGS:?}" "${TESTS_DATA:?}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tidings-nbconf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
n=0
failed=0
check() {
	name=$1
	shift
	n=$((n + 1))
	if "$@" >diag 2>&1; then
		echo "ok $n - $name"
	else
		failed=1
		echo "not ok $n - $name"
		sed 's/^/# /' diag | head -n 20
	fi
}
: >urls
nb=$TESTS_DATA/conf/newsboat-2.21-options.conf
refresh() { "$TIDINGS" --refresh -C "$1" -u urls -c cache.db; }

echo "1..12"
refresh "$nb" >out 2>err
check "every Newsboat 2.21 option: --refresh exits 0" [ $? -eq 0 ]
check "one warning for each option tidings lacks, with file and line" \
    sh -c '
	for o in always-display-description datetime-format feedlist-format \
	    confirm-exit user-agent use-proxy include opml-url notify-program \
	    ssl-verifypeer text-width goto-next-feed run-on-startup; do
		l=$(grep -n "^$o " "$1" | cut -d: -f1)
		grep -qx "tidings: $1:$l: $o: not supported, ignored" "$2" ||
		    { echo "no warning for $o (line $l)"; exit 1; }
	done' _ "$nb" err
check "features still to come: 'not supported yet'" sh -c '
	for o in ttrss-mode ttrss-flag-star; do
		l=$(grep -n "^$o " "$1" | cut -d: -f1)
		grep -qx "tidings: $1:$l: $o: not supported yet, ignored" "$2" ||
		    { echo "no warning for $o (line $l)"; exit 1; }
	done' _ "$nb" err
check "options tidings has (and reload-threads) warn of nothing" sh -c '
	! grep -E ": (reload-threads|auto-reload|browser|max-items|proxy|reload-time|show-read-feeds|bind-key|unbind-key|player|download-path|download-filename-format|max-downloads|podcast-auto-enqueue|ignore-article|ignore-mode|define-filter|prepopulate-query-feeds|highlight-article|highlight):" "$1"' \
    _ err
check "a colour element of Newsboat's only: a warning" \
    grep -q "^tidings: .*: background: not supported, ignored" err
check "as many warnings as lines tidings ignores (119), nothing else" \
    sh -c '[ "$(grep -c ": not supported" "$1")" -eq 119 ] &&
	[ "$(grep -vc ": not supported" "$1")" -eq 0 ]' _ err

printf '%s\n' 'auto-reload yes' 'reload-threads 4' \
    'bind-key ^B bookmark articlelist' 'bind-key ^R reload-urls all' >c.short
"$TIDINGS" -C c.short -u urls -c cache.db --refresh >out 2>err
check "auto-reload, reload-threads, Newsboat-only actions: exit 0" sh -c '
	[ $1 -eq 0 ] && grep -q "c.short:3: bookmark: not supported" "$2" &&
	! grep -q "c.short:[12]" "$2"' _ $? err

printf 'max-connections 2\nauto-relaod yes\n' >c.typo
refresh c.typo >out 2>err
check "a typo is no Newsboat option: exit 2 with file:line" sh -c '
	[ $1 -eq 2 ] && grep -qx "tidings: c.typo:2: unknown option '"'auto-relaod'"'" "$2"' \
    _ $? err
"$TIDINGS" -C c.typo -u urls -c cache.db </dev/null >out 2>err
check "the reader: the same exit and message" sh -c '
	[ $1 -eq 2 ] && grep -qx "tidings: c.typo:2: unknown option '"'auto-relaod'"'" "$2"' \
    _ $? err
# Cron lines copied from Newsboat: -x reload is --refresh.
printf '%s\n' 'max-connections 2' >c.ok
"$TIDINGS" -x reload -C c.ok -u urls -c cache.db >out 2>err
check "-x reload: a refresh, exit 0" sh -c '[ $1 -eq 0 ] && [ ! -s "$2" ]' \
    _ $? err
printf 'http://127.0.0.1:9/none.xml\n' >urls.one
"$TIDINGS" -x reload -C c.ok -u urls.one -c cache.db >out 2>err
check "-x reload fetches as --refresh does (a dead feed: exit 1, named)" \
    sh -c '[ $1 -eq 1 ] && grep -q "^tidings: http://127.0.0.1:9/none.xml: " "$2"' \
    _ $? err
"$TIDINGS" -x print-unread -C c.ok -u urls -c cache.db >out 2>err
check "-x with another Newsboat command: exit 2, said" sh -c '[ $1 -eq 2 ] &&
	grep -q "only .reload. is supported" "$2"' _ $? err
exit $failed
