#!/bin/sh
# A config copied from Newsboat with options tidings ignores: the reader
# starts, says the first warning on its message line (the stderr lines
# before it are under the screen), and prints them all again on quitting.
. "$TOP_SRCDIR/tests/lib/tmux.sh"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux missing"; exit 0; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tidings-warn.XXXXXX")
cleanup() { tmux_stop; rm -rf "$dir"; }
trap cleanup EXIT
: >"$dir/urls"
printf '%s\n' 'max-browser-tabs 4' 'fulltext no' 'notify-beep yes' \
    >"$dir/config"

echo "1..3"
tmux_start 120 30 "$TIDINGS" -C "$dir/config" -u "$dir/urls" \
    -c "$dir/cache.db"
check "the reader shows the first warning and how many more" \
    wait_for "config:1: max-browser-tabs: not supported, ignored (and 1 more warning, shown after quitting)" 10
keys q
check "quit" exited_ok 10
check "on quitting every warning is printed" sh -c '
    printf "%s\n" "$1" | grep -q "tidings: .*config:3: notify-beep: not supported, ignored" &&
    [ "$(printf "%s\n" "$1" | grep -c "config:1: max-browser-tabs")" -ge 1 ]' \
    _ "$(screen)"
