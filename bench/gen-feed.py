#!/usr/bin/env python3
"""Generate a large, realistic RSS 2.0 feed for the parse benchmark:
HTML descriptions and content:encoded, dc:creator, categories, enclosures,
entities, non-ASCII text. Deterministic for a given size.

usage: gen-feed.py OUT.xml [MEGABYTES]"""
import random
import sys

out_path = sys.argv[1]
target = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 80_000_000
rnd = random.Random(42)
words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do "
         "eiusmod tempor incididunt ut labore et dolore magna aliqua café "
         "naïve Zürich 東京 日本語 Ελληνικά über straße").split()


def text(n):
    return " ".join(rnd.choice(words) for _ in range(n))


with open(out_path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
            '<title>Benchmark feed</title><link>https://bench.example/</link>\n'
            '<description>Generated for tidings bench/parse-bench.sh</description>\n'
            '<atom:link rel="self" href="https://bench.example/feed.xml"/>\n')
    size, i = 0, 0
    while size < target:
        paras = "".join(
            "<p>%s <a href=\"https://bench.example/%d/%d\">%s</a> &amp; %s</p>\n"
            % (text(35), i, j, text(3), text(10)) for j in range(5))
        item = (
            "<item>\n<title>%s &amp; %d</title>\n"
            "<link>https://bench.example/item/%d</link>\n"
            "<guid isPermaLink=\"true\">https://bench.example/item/%d</guid>\n"
            "<pubDate>Mon, %02d Nov 2026 %02d:%02d:00 +0000</pubDate>\n"
            "<dc:creator>Author %d</dc:creator>\n"
            "<category>topic%d</category><category>section%d</category>\n"
            "<description>%s &lt;b&gt;%s&lt;/b&gt;</description>\n"
            "<content:encoded><![CDATA[%s]]></content:encoded>\n"
            "<enclosure url=\"https://bench.example/a%d.mp3\" type=\"audio/mpeg\" length=\"%d\"/>\n"
            "</item>\n"
            % (text(8), i, i, i, 1 + i % 28, i % 24, i % 60, i % 97, i % 20,
               i % 7, text(25), text(3), paras, i, 1000 + i))
        f.write(item)
        size += len(item.encode("utf-8"))
        i += 1
    f.write("</channel>\n</rss>\n")
