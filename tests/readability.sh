#!/bin/sh
# TAP wrapper around the Readability test pages' checker; see
# readability-tap.py.
exec python3 "$TOP_SRCDIR/tests/readability-tap.py" "$TIDINGS" \
    "$SHARED_DIR" "$TOP_SRCDIR/tests/readability-figure.txt"
