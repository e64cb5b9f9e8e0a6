#!/usr/bin/env python3
"""A cache of N articles in F feeds for the query-feed benchmark, written
in SQL (recursive CTE) following tests/lib/seed-cache.py's schema, which
tidings migrates on first open.

  gen-cache.py CACHE [--items N] [--feeds F]

Every tenth feed is tagged "news", the others "misc"; a third of the
articles are unread; dates are a minute apart, newest first, from a
fixed time; titles "Item I of feed F"; bodies about 400 bytes of HTML.
"""
import argparse
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests",
                                "lib"))
seed = __import__("seed-cache")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cache")
    ap.add_argument("--items", type=int, default=1000000)
    ap.add_argument("--feeds", type=int, default=100)
    a = ap.parse_args()
    db = sqlite3.connect(a.cache)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(seed.SCHEMA)
    db.execute("PRAGMA user_version=1")
    for f in range(a.feeds):
        db.execute("INSERT INTO feeds(id, url, position, tags, title)"
                   " VALUES(?, ?, ?, ?, ?)",
                   (f + 1, "http://127.0.0.1:9/feed%d.xml" % f, f,
                    "news" if f % 10 == 0 else "misc", "Bench feed %d" % f))
    body = "<p>" + "Body words alpha beta gamma delta. " * 11 + "</p>"
    db.execute(
        "WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c"
        " WHERE x < ?) INSERT INTO items(feed_id, ident, guid, title,"
        " link, author, published, date, summary, read, first_seen,"
        " hash, indexed) SELECT x % ?1 + 1, 'g:' || x, x, 'Item ' || x ||"
        " ' of feed ' || (x % ?1), 'https://bench.example/' || x,"
        " 'Author ' || (x % 7), ? - x * 60, ? - x * 60, ?, x % 3 <> 0, ?,"
        " 0, 1 FROM c".replace("?1", "?2"),
        (a.items - 1, a.feeds, seed.NOW, seed.NOW, body, seed.NOW))
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
