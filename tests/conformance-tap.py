#!/usr/bin/env python3
"""Run ../shared/conformance/check.py and report each assertion as TAP.

An assertion listed in tests/conformance-known-failures.txt that fails is
reported as "not ok ... # TODO known failure" (automake counts it as XFAIL,
tests/run.sh reports it apart); any other failure is a plain "not ok", a
regression that fails the suite. A known failure that passes is "ok" with a
note asking to take it off the list, so the count only ratchets up.
"""
import json
import os
import subprocess
import sys


def key(case):
    return "%s :: %s %s" % (case["file"], case["path"], case["op"])


def main():
    tidings, shared, known_path = sys.argv[1:4]
    conf = os.path.join(shared, "conformance")
    check = os.path.join(conf, "check.py")
    if not os.path.exists(check):
        print("1..0 # SKIP no conformance suite at %s" % conf)
        return 0
    cases = [json.loads(l) for l in open(os.path.join(conf, "cases.jsonl"))
             if l.strip()]
    known = set()
    for line in open(known_path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            known.add(line)
    jobs = os.environ.get("CONFORMANCE_JOBS", "2")
    timeout = os.environ.get("CONFORMANCE_TIMEOUT", "20")
    out = subprocess.run([sys.executable, check, "--report-only", "-j", jobs,
                          "--timeout", timeout, tidings],
                         capture_output=True, text=True).stdout
    failures = {}
    for line in out.splitlines():
        if line.startswith("FAIL "):
            body = line[5:]
            file, _, rest = body.partition(" :: ")
            path_op = rest.split(" ")
            k = "%s :: %s %s" % (file, path_op[0], path_op[1])
            failures[k] = body
    print("1..%d" % len(cases))
    npass = 0
    for i, c in enumerate(cases, 1):
        k = key(c)
        if k not in failures:
            npass += 1
            note = " # known failure now passes: remove it from the list" \
                if k in known else ""
            print("ok %d - %s%s" % (i, k, note))
        elif k in known:
            print("not ok %d - %s # TODO known failure" % (i, failures[k]))
        else:
            print("not ok %d - %s" % (i, failures[k]))
    print("# conformance: %d of %d assertions pass (%.1f%%)"
          % (npass, len(cases), 100.0 * npass / max(1, len(cases))))
    summary = [l for l in out.splitlines() if l.startswith("area ")]
    for l in summary:
        print("# " + l)
    return 0


if __name__ == "__main__":
    sys.exit(main())
