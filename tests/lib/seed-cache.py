#!/usr/bin/env python3
"""Write a tidings cache for the UI tests and benchmarks, following the
schema of src/db (db.h documents it; version 1), so that the TUI can be
driven without the network.

  seed-cache.py CACHE [--feeds N] [--items N] [--big N]

Without options: three small feeds (one with tags and a ~custom title, one
with an error) whose articles exercise links, enclosures, shell
metacharacters in URLs and wide characters. --big N adds one feed of N
items (rows copied in SQL, so a million takes seconds).
"""
import argparse
import sqlite3
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, location TEXT,
  position INTEGER NOT NULL DEFAULT -1, tags TEXT NOT NULL DEFAULT '',
  custom_title TEXT, title TEXT, site_link TEXT, etag TEXT,
  last_modified TEXT, last_fetch INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  next_fetch INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY,
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  ident TEXT NOT NULL, guid TEXT, title TEXT, link TEXT, author TEXT,
  published INTEGER, updated INTEGER, date INTEGER NOT NULL,
  summary TEXT, content TEXT, categories TEXT, enclosures TEXT,
  comments TEXT, read INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL,
  hash INTEGER NOT NULL, indexed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (feed_id, ident));
CREATE INDEX IF NOT EXISTS items_feed_date ON items(feed_id, date);
CREATE INDEX IF NOT EXISTS items_date ON items(date);
CREATE INDEX IF NOT EXISTS items_unread ON items(feed_id) WHERE read = 0;
CREATE INDEX IF NOT EXISTS items_unindexed ON items(id) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS items_gone (
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  ident TEXT NOT NULL, gone_at INTEGER NOT NULL,
  PRIMARY KEY (feed_id, ident)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
  title, author, text, content='',
  tokenize='unicode61 remove_diacritics 2');
"""

NOW = 1764000000  # fixed, so dates on screen are stable


def add_item(db, fid, n, title, link, body, author="Ann Author",
             read=0, starred=0, enclosures=None, date=None):
    date = date if date is not None else NOW - n * 3600
    cur = db.execute(
        "INSERT INTO items(feed_id, ident, guid, title, link, author,"
        " published, date, summary, content, enclosures, read, starred,"
        " first_seen, hash, indexed) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
        "0,1)",
        (fid, "g:%d-%d" % (fid, n), "%d-%d" % (fid, n), title, link,
         author, date, date, body, None, enclosures, read, starred, NOW))
    db.execute("INSERT INTO items_fts(rowid, title, author, text)"
               " VALUES(?,?,?,?)", (cur.lastrowid, title, author, body))


def small(db):
    db.execute("INSERT INTO feeds(id, url, position, tags, custom_title,"
               " title, last_fetch) VALUES(1, 'http://127.0.0.1:9/alpha.xml',"
               " 0, 'news\ttech', NULL, 'Alpha News', ?)", (NOW,))
    db.execute("INSERT INTO feeds(id, url, position, tags, custom_title,"
               " title, last_fetch) VALUES(2, 'http://127.0.0.1:9/beta.xml',"
               " 1, 'blog', 'Custom Beta', 'Beta own title', ?)", (NOW,))
    db.execute("INSERT INTO feeds(id, url, position, tags, title,"
               " last_error) VALUES(3, 'http://127.0.0.1:9/gone.xml', 2,"
               " '', 'Gone Feed', 'HTTP 404 Not Found')")
    add_item(db, 1, 1, "Aardvarks elect a new mayor",
             "https://example.org/news?a=1&b=$(touch /tmp/x);`id` 'q' \"d\"",
             "<p>The <b>aardvark</b> council met on Tuesday.</p>"
             "<p>Read <a href=\"https://example.org/more\">more here</a>"
             " and <a href=\"/rel\">there</a>.</p>"
             "<ul><li>one</li><li>two</li></ul>",
             enclosures="https://example.org/a.mp3\taudio/mpeg\t1234")
    add_item(db, 1, 2, "Zebras cross the road \u65e5\u672c\u8a9e \U0001F600",
             "https://example.org/zebra",
             "<p>Stripes everywhere: a quokka watched.</p>")
    add_item(db, 1, 3, "An old story already read",
             "https://example.org/old", "<p>Old news.</p>", read=1)
    add_item(db, 2, 1, "Beta first post", "https://beta.example/1",
             "<p>Hello from beta.</p><p>This paragraph is long enough"
             " to need wrapping on a narrow screen, and it ends with"
             " one word to look for: wrapfinish.</p>", author="Bob")
    add_item(db, 2, 2, "Beta second post", "https://beta.example/2",
             "<p>More from beta.</p>", author="Bob", starred=1, read=1)


def big(db, n):
    """One feed of n items: a seed batch, then rows copied in SQL."""
    db.execute("INSERT INTO feeds(id, url, position, title) VALUES(100,"
               " 'http://127.0.0.1:9/big.xml', 100, 'Big Feed')")
    db.execute("INSERT INTO items(feed_id, ident, title, link, author,"
               " date, summary, read, first_seen, hash, indexed)"
               " VALUES(100, 'g:0', 'Big item 0', 'https://big.example/0',"
               " 'Bulk', ?, '<p>bulk body</p>', 0, ?, 0, 1)", (NOW, NOW))
    have = 1
    while have < n:
        take = min(have, n - have)
        db.execute("INSERT INTO items(feed_id, ident, title, link, author,"
                   " date, summary, read, first_seen, hash, indexed)"
                   " SELECT 100, 'g:' || (id + ?), 'Big item ' || (id + ?),"
                   " link, author, date - (id + ?) * 60, summary,"
                   " (id % 3 = 0), first_seen, 0, 1 FROM items"
                   " WHERE feed_id = 100 ORDER BY id LIMIT ?",
                   (have, have, have, take))
        have += take
    db.execute("INSERT INTO items_fts(rowid, title, author, text)"
               " SELECT id, title, author, summary FROM items"
               " WHERE feed_id = 100")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cache")
    ap.add_argument("--big", type=int, default=0)
    ap.add_argument("--no-small", action="store_true")
    a = ap.parse_args()
    db = sqlite3.connect(a.cache)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA)
    db.execute("PRAGMA user_version=1")
    if not a.no_small:
        small(db)
    if a.big:
        big(db, a.big)
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
