#!/usr/bin/env python3
"""Hostile feed documents through `tidings --parse`: no crash, no hang, no
expansion, no local file read, nothing dangerous in the output, bounded
memory. Prints TAP, and the worst peak RSS for CI's log."""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

TIDINGS = os.environ["TIDINGS"]
DATA = os.path.join(os.environ["TESTS_DATA"], "hostile")
results = []
worst_rss = 0


def run(path, timeout=20):
    """Parse one file; returns (exit code, JSON or None, seconds)."""
    global worst_rss
    t0 = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run([TIDINGS, "--parse=" + path], capture_output=True,
                       timeout=timeout)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    worst_rss = max(worst_rss, rss, before)
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        doc = None
    return p.returncode, doc, time.monotonic() - t0, p.stdout


def ok(cond, name):
    results.append((bool(cond), name))


def texts(doc):
    """Every string in the document, recursively."""
    out = []
    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)
    return out


def clean(doc):
    for s in texts(doc):
        for ch in s:
            c = ord(ch)
            if (c < 0x20 and ch not in "\n\t") or 0x7f <= c < 0xa0:
                return False
    return True


tmp = tempfile.mkdtemp()
gen = {
    "deep-nesting.xml": "<rss version=\"2.0\"><channel><title>deep</title>"
                        + "<x>" * 100000 + "</x>" * 100000
                        + "</channel></rss>",
    "huge-title.xml": "<rss version=\"2.0\"><channel><title>" + "A" * (3 << 20)
                      + "</title><item><title>small</title></item></channel></rss>",
}
for name, text in gen.items():
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)

files = sorted(os.path.join(DATA, f) for f in os.listdir(DATA))
files += [os.path.join(tmp, f) for f in sorted(gen)]
docs = {}
for path in files:
    name = os.path.basename(path)
    try:
        rc, doc, secs, raw = run(path)
    except subprocess.TimeoutExpired:
        ok(False, "%s: finished in time" % name)
        continue
    ok(rc in (0, 1) and doc is not None,
       "%s: exit 0/1 with JSON (got %d, %.1fs)" % (name, rc, secs))
    ok(doc is None or clean(doc), "%s: no control characters in output" % name)
    docs[name] = (doc or {"feed": {}, "items": [], "errors": []}, raw)

d, raw = docs["billion-laughs.xml"]
ok(len(raw) < 100000 and d["errors"], "billion laughs: refused, not expanded")
d, raw = docs["quadratic-blowup.xml"]
ok(len(raw) < 4 << 20 and d["errors"], "quadratic blowup: bounded, reported")
d, raw = docs["xxe-file.xml"]
ok(b"root:" not in raw, "external entity: /etc/passwd not read")
d, raw = docs["xxe-parameter.xml"]
with open("/etc/hostname", "rb") as f:
    host = f.read().strip()
ok(not host or host not in raw, "external parameter entity: not read")
ok(d["feed"].get("title") == "param", "external parameter entity: rest read")
d, raw = docs["deep-nesting.xml"]
ok(d["feed"].get("title") == "deep" and any("nested" in e for e in d["errors"]),
   "extreme nesting: stops at the depth limit, says so")
d, raw = docs["huge-title.xml"]
ok(len(d["feed"].get("title") or "") <= 1 << 20 and d["errors"],
   "huge text field: cut at the limit, reported")
ok(d["items"] and d["items"][0]["title"] == "small", "huge text field: rest read")
d, raw = docs["invalid-utf8-nul.xml"]
ok(d["errors"], "invalid UTF-8 and NUL: reported")
d, raw = docs["wrong-encoding.xml"]
ok(d["errors"] and d["items"] and d["items"][0]["title"] == "ok",
   "declared-but-wrong encoding: reported, items kept")
d, raw = docs["bogus-encoding.xml"]
ok(d["errors"] and d["feed"].get("title") == "bogus", "unknown encoding: reported, read")
for n in ("html-page.xml", "empty.xml"):
    d, raw = docs[n]
    ok(d["format"] == "unknown" and d["errors"], "%s: not a feed, said why" % n)
d, raw = docs["json.xml"]
ok(d["format"] == "json1.0" and not d["items"] and not d["errors"],
   "json.xml: a JSON Feed whatever its name, read as one")
d, raw = docs["truncated.xml"]
ok(d["items"] and d["items"][0]["title"] == "whole" and d["errors"],
   "truncated: items before the cut kept, error reported")
d, raw = docs["escapes-everywhere.xml"]
ok(b"\x1b" not in raw and b"\\u001b" not in raw and b"\xc2\x9b" not in raw,
   "escape sequences and C1 removed from every field")
ok(d["feed"]["title"] == "title" and d["items"][0]["title"] == "item",
   "escape sequences removed whole, text kept")
d, raw = docs["shell-metachars.xml"]
ok(d["items"][0]["link"] == "http://e.example/a;touch /tmp/tidings-pwned;$(id)`id`|x&y",
   "shell metacharacters in a link are kept verbatim (as data)")

print("1..%d" % len(results))
for i, (good, name) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if good else "not ok", i, name))
print("# hostile-feeds: %d documents, worst peak RSS %d KiB"
      % (len(files), worst_rss))
