#!/usr/bin/env python3
"""Disk full: the cache lives on a small tmpfs (mounted here; needs root,
else SKIP). After a first refresh and some read marks, the filesystem is
filled up to its last 256 KiB and a refresh of 50 more feeds (about 1 MiB)
runs: it must fail with a clear message naming the cache ("disk is full"),
leave the cache passing integrity_check with every item and read mark it
had, and, once space is freed, the next refresh must store everything.
Prints TAP."""
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
TIDINGS = os.environ.get("TIDINGS", "tidings")
spec = importlib.util.spec_from_file_location(
    "hostile_httpd", os.path.join(TOP, "tests", "lib", "hostile-httpd.py"))
hh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hh)

sys.path.insert(0, os.path.join(os.environ.get("TOP_SRCDIR", os.path.join(
    os.path.dirname(__file__), "..", "..")), "tests", "lib"))
from tap import ok, results  # noqa: E402,F401


def state(cache):
    db = sqlite3.connect(cache, timeout=10)
    try:
        ic = db.execute("PRAGMA integrity_check").fetchall()
        items = dict(db.execute("SELECT ident, read FROM items"))
        return ic, items
    finally:
        db.close()


def main():
    tmp = tempfile.mkdtemp(prefix="tidings-diskfull-")
    mnt = os.path.join(tmp, "mnt")
    os.mkdir(mnt)
    if os.geteuid() != 0:
        print("1..0 # SKIP not root: cannot mount a small tmpfs")
        shutil.rmtree(tmp)
        return 0
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4M", "tmpfs",
                        mnt], capture_output=True, text=True)
    if r.returncode != 0:
        print("1..0 # SKIP cannot mount a tmpfs: %s" % r.stderr.strip())
        shutil.rmtree(tmp)
        return 0
    srv = None
    try:
        srv, port = hh.start()
        urls = os.path.join(tmp, "urls")
        cache = os.path.join(mnt, "cache.db")
        config = os.path.join(tmp, "config")
        with open(config, "w") as f:
            f.write("max-connections 16\nmax-connections-per-host 0\n")
        with open(urls, "w") as f:
            for i in range(3):
                f.write("http://127.0.0.1:%d/feed/good%d\n" % (port, i))
        env = dict(os.environ, HOME=tmp)
        for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "http_proxy",
                  "HTTP_PROXY", "ALL_PROXY", "all_proxy"):
            env.pop(k, None)

        def refresh():
            t0 = time.monotonic()
            p = subprocess.run([TIDINGS, "--refresh", "-u", urls, "-c",
                                cache, "-C", config],
                               stdin=subprocess.DEVNULL, capture_output=True,
                               text=True, env=env, timeout=60)
            return p.returncode, p.stderr, time.monotonic() - t0

        print("1..6")
        rc, err, _ = refresh()
        db = sqlite3.connect(cache)
        db.execute("UPDATE items SET read = 1 WHERE ident LIKE '%-1' "
                   "OR ident LIKE '%-3'")
        db.commit()
        db.close()
        ic, before = state(cache)
        nread = sum(before.values())
        ok(rc == 0 and len(before) == 15 and nread == 6,
           "first refresh: 15 items, 6 marked read", err)

        # Fill the filesystem up to its last 256 KiB.
        st = os.statvfs(mnt)
        free = st.f_bavail * st.f_frsize
        with open(os.path.join(mnt, "filler"), "wb") as f:
            f.write(b"\0" * max(0, free - 256 * 1024))
        hh.generation = 10
        with open(urls, "a") as f:
            for i in range(50):
                f.write("http://127.0.0.1:%d/gen/%d\n" % (port, i))
        rc, err, secs = refresh()
        ok(rc != 0 and "disk is full" in err and cache in err,
           "refresh on a full disk fails (exit %d, %.1fs) with a message "
           "naming the cache: %s" % (rc, secs,
                                     [l for l in err.splitlines()
                                      if "full" in l][:1]),
           "exit %d\n%s" % (rc, err))
        ok(secs < 30, "it fails in bounded time (%.1fs)" % secs)
        try:
            ic, after = state(cache)
        except sqlite3.Error as e:
            ic, after = [str(e)], {}
        ok(ic == [("ok",)], "the cache passes integrity_check", ic)
        ok(all(k in after and after[k] >= v for k, v in before.items()),
           "every item and read mark is still there",
           "before %d, after %d" % (len(before), len(after)))

        # Space again (and more of it): the next refresh stores everything.
        os.unlink(os.path.join(mnt, "filler"))
        subprocess.run(["mount", "-o", "remount,size=64M", mnt], check=True)
        rc, err, _ = refresh()
        ic, after = state(cache)
        want = 15 + 50 * 22
        ok(rc == 0 and ic == [("ok",)] and len(after) == want and
           sum(after.values()) == nread,
           "with space freed the next refresh stores all %d items" % want,
           "exit %d, %d items\n%s" % (rc, len(after), err))
    finally:
        if srv is not None:
            hh.stop(srv)
        subprocess.run(["umount", mnt])
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
