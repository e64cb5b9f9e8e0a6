#!/usr/bin/env python3
"""Run ../shared/readability/check.py on tidings --extract, as TAP.

The checker scores the extractor on Mozilla Readability's 130 test pages
(mean per-page F1, pages at 0.9 or better). The figures must not drop
below those recorded in tests/readability-figure.txt; when they rise the
test says so, and the recorded figure is raised with the change, so that
the figure only ratchets up.
"""
import os
import re
import subprocess
import sys


def main():
    tidings, shared, recorded_path = sys.argv[1:4]
    check = os.path.join(shared, "readability", "check.py")
    if not os.path.exists(check):
        print("1..0 # SKIP no readability pages at %s" % os.path.dirname(check))
        return 0
    rec = {}
    for line in open(recorded_path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition(" ")
            rec[k] = float(v)
    jobs = os.environ.get("READABILITY_JOBS", "2")
    out = subprocess.run([sys.executable, check, "-j", jobs, tidings],
                         capture_output=True, text=True).stdout
    m = re.search(r"^pages: mean F1 ([0-9.]+), ([0-9]+) of ([0-9]+) >= 0\.9, "
                  r"([0-9]+) declined, ([0-9]+) failed", out, re.M)
    print("1..3")
    if m is None:
        print("not ok 1 - the checker prints its figure")
        print("not ok 2 - mean F1 not below the recorded one")
        print("not ok 3 - pages >= 0.9 not fewer than recorded")
        for l in out.splitlines()[-5:]:
            print("# " + l)
        return 0
    mean, good, n, dec, fail = (float(m.group(1)), int(m.group(2)),
                                int(m.group(3)), int(m.group(4)),
                                int(m.group(5)))
    print("ok 1 - the checker ran on %d pages, %d failed" % (n, fail)
          if fail == 0 else
          "not ok 1 - the checker ran on %d pages, %d failed" % (n, fail))
    for i, (name, now, was, fmt) in enumerate((
            ("mean F1", mean, rec.get("mean", 0.0), "%.3f"),
            ("pages >= 0.9", good, rec.get("good", 0), "%d")), 2):
        what = "%s %s (recorded %s)" % (name, fmt % now, fmt % was)
        if now + 1e-9 < was:
            print("not ok %d - %s: dropped" % (i, what))
        elif now > was + 1e-9:
            print("ok %d - %s # raise it in tests/readability-figure.txt"
                  % (i, what))
        else:
            print("ok %d - %s" % (i, what))
    print("# readability: mean F1 %.3f, %d of %d pages >= 0.9, %d declined"
          % (mean, good, n, dec))
    return 0


if __name__ == "__main__":
    sys.exit(main())
