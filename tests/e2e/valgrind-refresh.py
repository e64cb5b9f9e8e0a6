#!/usr/bin/env python3
"""The refresh path under valgrind (memcheck, --leak-check=full): two
`tidings --refresh` runs (a first one storing, a second one updating)
over a small set of feeds on 127.0.0.1 (tests/lib/hostile-httpd.py),
among them failing ones (404, a redirect loop, a gzip bomb, broken gzip)
so that the error paths run too. No memcheck error and no leak (definite,
indirect or possible) is allowed. SKIPs without valgrind, and for the
sanitizer build (ASan and valgrind do not mix). Prints TAP."""
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
TIDINGS = os.environ.get("TIDINGS", "tidings")
ERR = 99

sys.path.insert(0, os.path.join(os.environ.get("TOP_SRCDIR", os.path.join(
    os.path.dirname(__file__), "..", "..")), "tests", "lib"))
from tap import ok, results  # noqa: E402,F401


def main():
    vg = shutil.which("valgrind")
    if vg is None:
        print("1..0 # SKIP valgrind missing")
        return 0
    with open(TIDINGS, "rb") as f:
        if b"__asan_init" in f.read():
            print("1..0 # SKIP sanitizer build (valgrind cannot run it)")
            return 0
    spec = importlib.util.spec_from_file_location(
        "hostile_httpd",
        os.path.join(TOP, "tests", "lib", "hostile-httpd.py"))
    hh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hh)
    srv, port = hh.start()
    tmp = tempfile.mkdtemp(prefix="tidings-valgrind-")
    urls = os.path.join(tmp, "urls")
    cache = os.path.join(tmp, "cache.db")
    config = os.path.join(tmp, "config")
    base = "http://127.0.0.1:%d" % port
    good = ["/feed/one", "/feed/two", "/gen/1", "/gen/2"]
    bad = ["/status/404", "/loop", "/bomb", "/badgzip"]
    with open(urls, "w") as f:
        for p in good + bad:
            f.write(base + p + " tag\n")
    with open(config, "w") as f:
        f.write("download-max-size 256K\nmax-redirects 3\n"
                "download-timeout 20\n")
    env = dict(os.environ, HOME=tmp)
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "http_proxy",
              "HTTP_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(k, None)
    argv = [vg, "--tool=memcheck", "--error-exitcode=%d" % ERR,
            "--leak-check=full", "--show-leak-kinds=definite,indirect,"
            "possible", "--errors-for-leak-kinds=definite,indirect,possible",
            "--track-origins=yes", "--num-callers=30", "-q",
            TIDINGS, "--refresh", "-u", urls, "-c", cache, "-C", config]
    print("1..4")
    try:
        for n, what in ((1, "first refresh (new articles)"),
                        (2, "second refresh (known and new articles)")):
            hh.generation = n
            p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, env=env,
                               timeout=300)
            report = [l for l in p.stderr.splitlines()
                      if l.startswith("==")]
            ok(p.returncode == 1 and not report,
               "%s: no memcheck error, no leak (exit %d: the %d bad feeds "
               "failed)" % (what, p.returncode, len(bad)),
               "\n".join(report) or p.stderr)
        db = sqlite3.connect(cache)
        try:
            ic = db.execute("PRAGMA integrity_check").fetchall()
            nitems = db.execute("SELECT count(*) FROM items").fetchone()[0]
        finally:
            db.close()
        want = 5 + 5 + 2 * (2 * 2 + 2)
        ok(ic == [("ok",)], "cache passes integrity_check", ic)
        ok(nitems == want, "the good feeds are stored (%d items)" % want,
           nitems)
        print("# valgrind-refresh: 2 refreshes of %d feeds (%d failing), "
              "%s" % (len(good) + len(bad), len(bad),
                      "no memcheck error, no leak" if all(results[:2])
                      else "memcheck errors or leaks (see above)"))
    finally:
        hh.stop(srv)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
