#!/usr/bin/env python3
"""Generate N feeds of M items each for bench/refresh-bench.sh: two thirds
RSS 2.0, one third Atom 1.0, HTML bodies of about 6 KB an item, so that
1,000 x 50 is about 300 MB of XML. Each file also gets a .gz twin for
nginx's gzip_static. Deterministic.

usage: gen-feeds.py DIR N M              write all feeds
       gen-feeds.py DIR N M --change PCT  give PCT % of the feeds a new item
"""
import gzip
import os
import random
import sys

words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do "
         "eiusmod tempor incididunt ut labore et dolore magna aliqua café "
         "naïve Zürich 東京 日本語 Ελληνικά über straße news report today "
         "government market science climate election football").split()


def text(rnd, n):
    return " ".join(rnd.choice(words) for _ in range(n))


def body(rnd, f, i):
    return "".join(
        "<p>%s <a href=\"https://site%d.example/%d/%d\">%s</a> &amp; %s</p>\n"
        % (text(rnd, 45), f, i, j, text(rnd, 3), text(rnd, 55))
        for j in range(7))


def feed(f, m, gen):
    """Feed f at generation gen: items gen .. gen+m-1, newest first."""
    atom = f % 3 == 2
    out = []
    if atom:
        out.append('<?xml version="1.0" encoding="utf-8"?>\n'
                   '<feed xmlns="http://www.w3.org/2005/Atom">\n'
                   "<title>Site %d</title><id>urn:site:%d</id>"
                   '<link href="https://site%d.example/"/>'
                   "<updated>2026-11-%02dT10:00:00Z</updated>\n"
                   % (f, f, f, 1 + gen % 28))
    else:
        out.append('<?xml version="1.0" encoding="utf-8"?>\n'
                   '<rss version="2.0" xmlns:content='
                   '"http://purl.org/rss/1.0/modules/content/" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>\n'
                   "<title>Site %d</title><link>https://site%d.example/"
                   "</link><description>Feed %d</description>\n" % (f, f, f))
    for i in range(gen + m - 1, gen - 1, -1):
        rnd = random.Random(f * 100003 + i)
        day, hour = 1 + (i // 24) % 28, i % 24
        if atom:
            out.append(
                "<entry><title>%s %d</title><id>urn:site:%d:%d</id>"
                '<link href="https://site%d.example/item/%d"/>'
                "<updated>2026-10-%02dT%02d:00:00Z</updated>"
                "<author><name>Author %d</name></author>"
                "<summary>%s</summary>"
                '<content type="html"><![CDATA[%s]]></content></entry>\n'
                % (text(rnd, 8), i, f, i, f, i, day, hour, i % 50,
                   text(rnd, 30), body(rnd, f, i)))
        else:
            out.append(
                "<item><title>%s %d</title>"
                "<link>https://site%d.example/item/%d</link>"
                "<guid>https://site%d.example/item/%d</guid>"
                "<pubDate>Mon, %02d Oct 2026 %02d:00:00 +0000</pubDate>"
                "<dc:creator>Author %d</dc:creator>"
                "<description>%s</description>"
                "<content:encoded><![CDATA[%s]]></content:encoded></item>\n"
                % (text(rnd, 8), i, f, i, f, i, day, hour, i % 50,
                   text(rnd, 30), body(rnd, f, i)))
    out.append("</feed>\n" if atom else "</channel></rss>\n")
    return "".join(out).encode("utf-8")


def write(d, f, data):
    path = os.path.join(d, "f%04d.xml" % f)
    with open(path + ".tmp", "wb") as fh:
        fh.write(data)
    os.replace(path + ".tmp", path)
    with open(path + ".gz.tmp", "wb") as fh:
        fh.write(gzip.compress(data, compresslevel=6))
    os.replace(path + ".gz.tmp", path + ".gz")


def main():
    d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(d, exist_ok=True)
    if len(sys.argv) > 5 and sys.argv[4] == "--change":
        pct = float(sys.argv[5])
        genfile = os.path.join(d, "generation")
        gen = int(open(genfile).read()) + 1 if os.path.exists(genfile) else 1
        step = max(1, int(round(100 / pct)))
        for f in range(0, n, step):
            write(d, f, feed(f, m, gen))
        with open(genfile, "w") as fh:
            fh.write(str(gen))
        return
    for f in range(n):
        write(d, f, feed(f, m, 0))


if __name__ == "__main__":
    main()
