#!/usr/bin/env python3
"""Add N items to feed 1 of a tidings cache (made by tidings, so at its
schema), waiting for the search index (fts_pending), for
bench/search-bench.sh. The text is drawn from a vocabulary of 300,000
made-up words with Zipf frequencies, each title ends with its own number
(a million distinct terms, as real feeds' numbers, names and links give),
and one item in 1,000 carries Japanese text. Deterministic.

usage: gen-search-cache.py CACHE N
"""
import itertools
import random
import sqlite3
import sys

path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(12)
syl = ("ka ri to mo ne sa lu vi pe dra sto gen mar tel pol fin quo zer "
       "bri cha ion ment ing ous ber lan dor vek").split()
vocab, seen = [], set()
while len(vocab) < 300000:
    w = "".join(rnd.choice(syl) for _ in range(rnd.randint(1, 4)))
    if w not in seen:
        seen.add(w)
        vocab.append(w)
cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(vocab))))
cjk = ["東京タワーの夜景", "日本語の記事です", "大阪府の天気", "京都大学の研究"]


def words(k):
    return " ".join(rnd.choices(vocab, cum_weights=cum, k=k))


db = sqlite3.connect(path)
db.execute("PRAGMA synchronous = OFF")
fid = db.execute("SELECT min(id) FROM feeds").fetchone()[0]
base = db.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0]
rows = []
for i in range(1, n + 1):
    title = words(6) + " %d" % i
    if i % 1000 == 0:
        title += " " + cjk[(i // 1000) % len(cjk)]
    if i % 5000 == 0:
        title = "Episode %d: " % (i // 5000) + title
    body = "<p>%s</p><p>%s</p>" % (words(30), words(30))
    rows.append((base + i, fid, "g:%d" % i, title, "Author %d" % (i % 50),
                 1700000000 + i, body))
    if len(rows) == 20000 or i == n:
        db.executemany("INSERT INTO items(id, feed_id, ident, title, author,"
                       " date, first_seen, hash, summary) VALUES"
                       " (?, ?, ?, ?, ?, ?, 0, 0, ?)", rows)
        db.executemany("INSERT INTO fts_pending(id) VALUES (?)",
                       [(r[0],) for r in rows])
        rows = []
db.commit()
