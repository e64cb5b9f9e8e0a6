#!/bin/sh
# Quick start: install what the build needs, build tidings in build-plain/,
# and run it on the bundled demo feeds in contrib/demo/.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
./contrib/install-deps.sh
[ -x configure ] || ./bootstrap
mkdir -p build-plain
cd build-plain
[ -f Makefile ] || ../configure -q
make -s -j2 >/dev/null
demo="$top/contrib/demo"
for f in "$demo"/*.xml "$demo"/*.atom; do
	echo "== $f"
	./tidings --parse="$f"
done
