#!/bin/sh
# TAP wrapper around the feedparser conformance suite; see conformance-tap.py.
exec python3 "$TOP_SRCDIR/tests/conformance-tap.py" "$TIDINGS" \
    "$SHARED_DIR" "$TOP_SRCDIR/tests/conformance-known-failures.txt"
