# Helpers for end-to-end tests that drive the real TUI in tmux: a private
# server per test script, a fixed size, and polling of the screen until a
# deadline instead of sleeping. Source it, call tmux_start, and call
# tmux_stop when done (from the script's EXIT trap too).
#
#	. "$TOP_SRCDIR/tests/lib/tmux.sh"
#	trap 'tmux_stop; rm -rf "$dir"' EXIT
#	tmux_start 100 30 "$TIDINGS" -C "$dir/config" ...
#	wait_for "Your feeds" 10 || fail ...
#	keys j Enter

TMUX_SOCK="tidings-test-$$"
TMUX_TARGET="t:0"

tm() {
	tmux -L "$TMUX_SOCK" -f /dev/null "$@"
}

# tmux_start COLS ROWS CMD [ARG...]: run CMD in a new detached session.
# The command's exit status is kept in $TMUX_STATUS_FILE when it ends.
tmux_start() {
	cols=$1 rows=$2
	shift 2
	TMUX_STATUS_FILE=$(mktemp "${TMPDIR:-/tmp}/tidings-tmux-status.XXXXXX")
	rm -f "$TMUX_STATUS_FILE"
	cmd=""
	for a in "$@"; do
		cmd="$cmd '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
	done
	tm new-session -d -s t -x "$cols" -y "$rows" \
	    "env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $cmd; s=\$?; stty -a >'$TMUX_STATUS_FILE.stty' 2>&1; echo \$s >'$TMUX_STATUS_FILE'; echo SHELL-IS-BACK; sleep 600"
}

# The next session gets a server of its own: a new one on the old socket
# could race with the old one still shutting down.
TMUX_SERIAL=0
tmux_stop() {
	tm kill-server >/dev/null 2>&1 || true
	rm -f "$TMUX_STATUS_FILE" "$TMUX_STATUS_FILE.stty"
	TMUX_SERIAL=$((TMUX_SERIAL + 1))
	TMUX_SOCK="tidings-test-$$-$TMUX_SERIAL"
}

# The screen as text.
screen() {
	tm capture-pane -p -t "$TMUX_TARGET"
}

# The screen with attributes as escape sequences.
screen_e() {
	tm capture-pane -p -e -t "$TMUX_TARGET"
}

# keys K...: tmux key names (j, Enter, C-z, PageDown...).
keys() {
	tm send-keys -t "$TMUX_TARGET" "$@"
}

# type_text TEXT: literal text.
type_text() {
	tm send-keys -t "$TMUX_TARGET" -l "$1"
}

# now_ms: a clock in milliseconds.
now_ms() {
	date +%s%3N
}

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT (a fixed
# string); 1 after the deadline, with the screen saved in $LAST_SCREEN.
wait_for() {
	deadline=$(( $(now_ms) + ${2:-10} * 1000 ))
	while :; do
		LAST_SCREEN=$(screen 2>/dev/null)
		case $LAST_SCREEN in
		*"$1"*) settle "$1"; return 0 ;;
		esac
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

# settle TEXT: tmux may show a screen half redrawn (TEXT is there, the
# rest of the update not yet): capture until two captures 50 ms apart
# agree, for at most a second, into $LAST_SCREEN; a capture without TEXT
# (it was transient) ends it, keeping the last one with TEXT.
settle() {
	settle_end=$(( $(now_ms) + 1000 ))
	while [ "$(now_ms)" -lt "$settle_end" ]; do
		sleep 0.05
		settle_next=$(screen 2>/dev/null)
		[ "$settle_next" = "$LAST_SCREEN" ] && return 0
		case $settle_next in
		*"$1"*) LAST_SCREEN=$settle_next ;;
		*) return 0 ;;
		esac
	done
}

# wait_match ERE [SECONDS]: poll until a line of the screen matches ERE.
wait_match() {
	deadline=$(( $(now_ms) + ${2:-10} * 1000 ))
	while :; do
		LAST_SCREEN=$(screen 2>/dev/null)
		printf '%s\n' "$LAST_SCREEN" | grep -Eq -- "$1" && return 0
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

# wait_gone TEXT [SECONDS]: poll until the screen no longer shows TEXT.
wait_gone() {
	deadline=$(( $(now_ms) + ${2:-10} * 1000 ))
	while :; do
		LAST_SCREEN=$(screen 2>/dev/null)
		case $LAST_SCREEN in
		*"$1"*) ;;
		*) return 0 ;;
		esac
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
}

# wait_exit [SECONDS]: poll until the program ended; its status in
# $EXIT_STATUS.
wait_exit() {
	deadline=$(( $(now_ms) + ${1:-10} * 1000 ))
	while [ ! -s "$TMUX_STATUS_FILE" ]; do
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
	EXIT_STATUS=$(cat "$TMUX_STATUS_FILE")
	STTY_AFTER=$(cat "$TMUX_STATUS_FILE.stty")
	return 0
}

# wait_file FILE [SECONDS]: poll until FILE exists and is not empty.
wait_file() {
	deadline=$(( $(now_ms) + ${2:-10} * 1000 ))
	while [ ! -s "$1" ]; do
		[ "$(now_ms)" -ge "$deadline" ] && return 1
		sleep 0.05
	done
	return 0
}

# TAP.
TAP_N=0
TAP_FAILED=0
ok() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1"
}
not_ok() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	if [ -n "${LAST_SCREEN:-}" ]; then
		printf '%s\n' "$LAST_SCREEN" | sed 's/^/# | /'
	fi
}
# check NAME COMMAND...: ok when the command succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# mouse X Y EVENT...: xterm (X10) mouse reports at column X, row Y (from
# 0); EVENT is press, release or wheeldown/wheelup. Sent as bytes, as a
# terminal would.
mouse() {
	x=$1 y=$2
	shift 2
	seq=$(python3 -c '
import sys
x, y = int(sys.argv[1]), int(sys.argv[2])
codes = {"press": 0, "release": 3, "wheelup": 64, "wheeldown": 65}
print("".join("\x1b[M" + chr(32 + codes[e]) + chr(33 + x) + chr(33 + y)
    for e in sys.argv[3:]), end="")' "$x" "$y" "$@")
	tm send-keys -t "$TMUX_TARGET" -l "$seq"
}

# exited_ok [SECONDS]: the program ended with status 0.
exited_ok() {
	wait_exit "${1:-10}" && [ "$EXIT_STATUS" = 0 ]
}
