#!/usr/bin/env python3
"""One `tidings --refresh` against misbehaving servers (tests/lib/
hostile-httpd.py on 127.0.0.1) and good feeds in the same urls file: every
bad feed fails with "tidings: URL: reason" on stderr in bounded time, the
peak RSS of the refresh stays under a stated bound, the good feeds are
stored, the exit status is 1 and the cache passes PRAGMA integrity_check.
The limits come from the real config options (timeouts of a few seconds,
download-max-size 256K), so the run takes seconds. Prints TAP and the
figures as "# hostile-servers: ..." lines."""
import importlib.util
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
TIDINGS = os.environ.get("TIDINGS", "tidings")
spec = importlib.util.spec_from_file_location(
    "hostile_httpd", os.path.join(TOP, "tests", "lib", "hostile-httpd.py"))
hh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hh)

# The limits the config below sets, and the bounds checked against them.
DOWNLOAD_TIMEOUT = 4
LOW_SPEED_TIME = 2
CONNECT_TIMEOUT = 2
MAX_SIZE_K = 256
# Every bad feed must have failed this many seconds after the start: the
# longest limit plus slack for a loaded CI machine.
FAIL_BOUND = DOWNLOAD_TIMEOUT + 6
# Peak RSS of the whole refresh. The bomb alone is 512 MiB decompressed
# and the endless body unlimited; tidings keeps at most download-max-size
# of either. ASan's shadow memory and quarantine need more.
RSS_BOUND_MB = 64
RSS_BOUND_ASAN_MB = 128

sys.path.insert(0, os.path.join(os.environ.get("TOP_SRCDIR", os.path.join(
    os.path.dirname(__file__), "..", "..")), "tests", "lib"))
from tap import ok, results  # noqa: E402,F401


def is_asan(path):
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


def main():
    srv, port = hh.start()
    base = "http://127.0.0.1:%d" % port
    refused = "http://127.0.0.1:%d/feed.xml" % hh.refused_port()
    # URL -> a pattern its error must match (the "clear reason").
    bad = {
        base + "/trickle": r"(?i)timeout|timed out|too slow|speed",
        base + "/endless": r"larger than download-max-size",
        base + "/huge-length": r"larger than download-max-size",
        base + "/stall": r"(?i)timeout|timed out|too slow|speed",
        base + "/loop": r"(?i)redirect",
        base + "/bomb": r"larger than download-max-size",
        base + "/badgzip": r"(?i)encod|decod|gzip|deflate",
        base + "/status/404": r"HTTP status 404",
        base + "/status/410": r"HTTP status 410",
        base + "/status/429": r"HTTP status 429",
        base + "/status/503": r"HTTP status 503",
        base + "/status/500": r"HTTP status 500",
        base + "/endless-headers": r"(?i)header|too large",
        base + "/not-http": r"(?i)http|response|header",
        base + "/cut": r"(?i)partial|transfer closed|bytes remaining",
        refused: r"(?i)connect|refused",
    }
    good = [base + "/feed/good%d" % i for i in range(4)]
    tmp = tempfile.mkdtemp(prefix="tidings-hostile-")
    urls = os.path.join(tmp, "urls")
    cache = os.path.join(tmp, "cache.db")
    config = os.path.join(tmp, "config")
    with open(urls, "w") as f:
        # Good feeds first and last, the bad ones between.
        f.write("\n".join(good[:2] + list(bad) + good[2:]) + "\n")
    with open(config, "w") as f:
        f.write("download-timeout %d\nlow-speed-time %d\n"
                "connect-timeout %d\ndownload-max-size %dK\n"
                "max-redirects 3\nmax-connections 32\n"
                "max-connections-per-host 0\n"
                % (DOWNLOAD_TIMEOUT, LOW_SPEED_TIME, CONNECT_TIMEOUT,
                   MAX_SIZE_K))
    env = dict(os.environ, HOME=tmp)
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "http_proxy",
              "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
              "all_proxy"):
        env.pop(k, None)
    asan = is_asan(TIDINGS)
    if asan:
        # Keep freed memory from counting as use for long.
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + \
            ":quarantine_size_mb=16"
    bound = RSS_BOUND_ASAN_MB if asan else RSS_BOUND_MB

    # Build the bomb before the clock starts.
    hh.bomb_body()
    print("1..%d" % (len(bad) + 8))
    t0 = time.monotonic()
    p = subprocess.Popen([TIDINGS, "--refresh", "-u", urls, "-c", cache,
                          "-C", config], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    lines = []      # (seconds since start, line)

    def reader():
        for raw in p.stderr:
            lines.append((time.monotonic() - t0,
                          raw.decode("utf-8", "replace").rstrip("\n")))

    rt = threading.Thread(target=reader)
    rt.start()
    try:
        p.wait(timeout=60)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    rt.join()
    out = p.stdout.read().decode("utf-8", "replace")
    p.stdout.close()
    p.stderr.close()
    elapsed = time.monotonic() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    hh.stop(srv)

    errtext = "\n".join(l for _, l in lines)
    worst = 0.0
    for url, pat in bad.items():
        prefix = "tidings: %s: " % url
        hit = [(t, l) for t, l in lines if l.startswith(prefix)]
        if hit:
            t, l = hit[0]
            worst = max(worst, t)
            reason = l[len(prefix):]
            ok(len(hit) == 1 and re.search(pat, reason) and t < FAIL_BOUND,
               "%s fails in %.1fs (< %ds): %s"
               % (url[len(base):] if url.startswith(base) else
                  "refused port", t, FAIL_BOUND, reason),
               "lines: %r\nwanted /%s/" % (hit, pat))
        else:
            ok(False, "%s fails with 'tidings: URL: reason'" % url, errtext)
    ok(p.returncode == 1, "exit status 1 (some feeds failed)",
       "exit %s\n%s" % (p.returncode, errtext))
    ok(elapsed < FAIL_BOUND + 5, "the whole refresh took %.1fs" % elapsed)
    ok(not any("tidings: %s:" % g in errtext for g in good),
       "no error for the good feeds", errtext)
    ok(rss_mb < bound, "peak RSS %.1f MiB < %d MiB%s"
       % (rss_mb, bound, " (ASan build)" if asan else ""))
    ok(out == "", "nothing on stdout (not a terminal)", out)

    db = sqlite3.connect(cache)
    try:
        ic = db.execute("PRAGMA integrity_check").fetchall()
        ok(ic == [("ok",)], "cache passes PRAGMA integrity_check", ic)
        stored = {}
        for url, n in db.execute(
                "SELECT f.url, count(i.id) FROM feeds f "
                "LEFT JOIN items i ON i.feed_id = f.id GROUP BY f.id"):
            stored[url] = n
        ok(all(stored.get(g) == 5 for g in good),
           "the %d good feeds are stored with their 5 items each"
           % len(good), stored)
        nbad = sum(stored.get(u, 0) for u in bad)
        # 429 and 503 said Retry-After: 3600; the next fetch waits.
        now = time.time()
        nf = dict(db.execute("SELECT url, next_fetch FROM feeds"))
        late = all(nf.get(base + "/status/%d" % c, 0) >= now + 3000
                   for c in (429, 503))
        ok(nbad == 0 and late,
           "no items from bad feeds; 429/503 wait for Retry-After",
           "items %d, next_fetch %r" % (nbad, nf))
    finally:
        db.close()
    print("# hostile-servers: %d bad feeds failed, slowest after %.1fs, "
          "refresh %.1fs, peak RSS %.1f MiB (bound %d MiB%s)"
          % (len(bad), worst, elapsed, rss_mb, bound,
             ", ASan" if asan else ""))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
