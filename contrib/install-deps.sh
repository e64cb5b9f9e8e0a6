#!/bin/sh
# Installs every Debian package that building, testing and benchmarking
# tidings needs. Run as root (CI does). Safe to run again.
set -e
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
PKGS="build-essential autoconf automake autopoint gettext pkg-config
libncurses-dev libcurl4-openssl-dev libexpat1-dev libsqlite3-dev
libgumbo-dev libcmocka-dev zlib1g-dev libisal-dev python3 tmux sqlite3 locales
clang libclang-rt-14-dev valgrind"
PKGS="$PKGS libjansson-dev"
# --import-newsboat is tested against a cache written by the real newsboat.
PKGS="$PKGS newsboat"
# https, HTTP/2 and a private CA are tested against nginx (tests/e2e/net-tls.py).
PKGS="$PKGS nginx openssl"
# Skip apt entirely when everything is already there (fast CI reruns).
missing=
for p in $PKGS; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -q --no-install-recommends $missing
fi
# The translation tests run the reader under these locales; generate them
# when the system lacks them (needs the locales package, installed above).
for loc in de_DE pt_BR; do
	if ! locale -a 2>/dev/null | grep -qix "$loc.utf-\{0,1\}8"; then
		$SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8" ||
		    echo "install-deps: cannot generate $loc.UTF-8" >&2
	fi
done
