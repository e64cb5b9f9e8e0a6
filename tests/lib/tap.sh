# Minimal TAP helpers for the shell end-to-end tests.
# Usage: . "$TOP_SRCDIR/tests/lib/tap.sh"; plan N; ok COND "name"; ...
tap_n=0
tap_failed=0
plan() { echo "1..$1"; }
# ok NAME CMD...: runs CMD; passes when it exits 0.
ok() {
	name=$1; shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $name"
	else
		echo "not ok $tap_n - $name"
		tap_failed=$((tap_failed + 1))
	fi
}
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
# contains FILE TEXT: FILE contains TEXT (fixed string).
contains() { grep -qF -- "$2" "$1"; }
