#!/usr/bin/env python3
"""A feed taken out of the urls file, through the real binary and a real
SQLite cache: hidden but kept with its marks, so that adding it back
restores them; deleted with its articles and their search entries once it
has been out of the file for 30 days. Prints TAP."""
import os
import shutil
import sqlite3
import subprocess
import tempfile

TIDINGS = os.environ.get("TIDINGS", "tidings")
results = []


def ok(cond, name, diag=None):
    results.append(bool(cond))
    print(("ok %d - %s" if cond else "not ok %d - %s") % (len(results), name))
    if not cond and diag is not None:
        for line in str(diag).splitlines():
            print("# " + line)


tmp = tempfile.mkdtemp(prefix="tidings-removed.")
urls, cache = os.path.join(tmp, "urls"), os.path.join(tmp, "cache.db")
for name in ("Alpha", "Beta"):
    with open(os.path.join(tmp, name + ".xml"), "w") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel>'
                '<title>%s</title>' % name)
        for n in (1, 2):
            f.write("<item><guid>%s%d</guid><title>%s zebracorn %d</title>"
                    "</item>" % (name, n, name, n))
        f.write("</channel></rss>")
A, B = ("file://%s/%s.xml" % (tmp, n) for n in ("Alpha", "Beta"))


def refresh(*feeds):
    with open(urls, "w") as f:
        f.write("".join(u + "\n" for u in feeds))
    subprocess.run([TIDINGS, "-C", "/dev/null", "-u", urls, "-c", cache,
                    "--refresh"], stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=60, check=True)


def q(sql, *args):
    db = sqlite3.connect(cache)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.commit()
        db.close()


def beta():
    return q("SELECT position, removed_at FROM feeds WHERE url = ?", B)


try:
    refresh(A, B)
    q("UPDATE items SET read = 1 WHERE guid = 'Beta1'")
    refresh(A)
    ok(beta() and beta()[0][0] == -1 and beta()[0][1],
       "out of the file: hidden, with the time it left", beta())
    ok(len(q("SELECT id FROM items WHERE guid LIKE 'Beta%'")) == 2,
       "its articles are kept")
    refresh(A, B)
    ok(beta()[0][0] >= 0 and beta()[0][1] is None,
       "back in the file: subscribed again", beta())
    ok(q("SELECT read FROM items WHERE guid = 'Beta1'") == [(1,)],
       "with its read mark")

    refresh(A)
    q("UPDATE feeds SET removed_at = removed_at - 29 * 86400 WHERE url = ?",
      B)
    refresh(A)
    ok(len(beta()) == 1, "29 days out: still kept")
    q("UPDATE feeds SET removed_at = removed_at - 2 * 86400 WHERE url = ?",
      B)
    refresh(A)
    ok(beta() == [], "31 days out: the feed is deleted", beta())
    ok(q("SELECT count(*) FROM items WHERE guid LIKE 'Beta%'") == [(0,)],
       "with its articles")
    hits = q("SELECT rowid FROM items_fts WHERE items_fts MATCH 'zebracorn'")
    alive = q("SELECT id FROM items")
    ok(sorted(hits) == sorted(alive) and len(alive) == 2,
       "and their search entries", (hits, alive))
    ok(len(q("SELECT id FROM items WHERE guid LIKE 'Alpha%'")) == 2,
       "the subscribed feed is untouched")
    refresh(A, B)
    ok(q("SELECT read FROM items WHERE guid LIKE 'Beta%'") == [(0,), (0,)],
       "added after that: it comes back as new")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print("1..%d" % len(results))
raise SystemExit(0 if all(results) else 1)
