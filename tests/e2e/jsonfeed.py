#!/usr/bin/env python3
"""JSON Feed end to end: tidings --parse of a JSON Feed file, and a
--refresh of one served over HTTP by tests/lib/httpd.py (pushed to the
parser in chunks as it arrives), stored like any other feed. Prints TAP."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
import httpd  # noqa: E402

TIDINGS = os.environ.get("TIDINGS", "tidings")
DATA = os.path.join(TOP, "tests", "data", "jsonfeed")
from tap import ok, results  # noqa: E402,F401


def parse_tests(base):
    r = subprocess.run([TIDINGS, "--parse=" + os.path.join(DATA,
                        "feed11.json")], capture_output=True, text=True)
    ok(r.returncode == 0, "--parse: exit 0", r.stderr)
    d = json.loads(r.stdout)
    ok(d["format"] == "json1.1", "--parse: format json1.1", r.stdout)
    ok(d["feed"]["title"] == "JSON News" and
       d["feed"]["link"] == "https://example.org/" and
       d["feed"]["author"] == "Ann Author", "--parse: feed fields", r.stdout)
    i0, i1 = d["items"]
    ok(i0["guid"] == "1" and i0["link"] == "https://example.org/1" and
       i0["content"] == "<p>Hi</p>" and i0["content_type"] == "html" and
       i0["published"] == "2024-01-02T02:04:05Z" and
       i0["categories"] == ["a", "b"] and i0["author"] == "Ann Author" and
       i0["enclosures"] == [{"url": "https://example.org/a.mp3",
                             "type": "audio/mpeg", "length": 1234}],
       "--parse: first item's fields", r.stdout)
    ok(i1["link"] == "https://elsewhere.example/2" and
       i1["content"] == "x &lt; y &amp; z" and i1["author"] == "Bob",
       "--parse: external_url, content_text escaped", r.stdout)
    bad = os.path.join(base, "bad.json")
    with open(bad, "w") as f:
        f.write('{\n "version": "https://jsonfeed.org/version/1.1",\n'
                ' "items": [\n    oops\n]}')
    r = subprocess.run([TIDINGS, "--parse=" + bad], capture_output=True,
                       text=True)
    ok(r.returncode == 1 and "line 4, column" in r.stdout,
       "--parse: broken JSON, exit 1, line and column", r.stdout)


def refresh_tests(base, feeds, url):
    shutil.copy(os.path.join(DATA, "feed11.json"),
                os.path.join(feeds, "f.json"))
    d = os.path.join(base, "home")
    os.makedirs(d)
    urls = os.path.join(d, "urls")
    cache = os.path.join(d, "cache.db")
    config = os.path.join(d, "config")
    with open(urls, "w") as f:
        f.write(url + "/feed/f.json\n")
    with open(config, "w") as f:
        f.write("download-timeout 30\nconnect-timeout 10\n")
    env = dict(os.environ)
    env["HOME"] = d
    for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "http_proxy",
              "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
              "all_proxy"):
        env.pop(k, None)
    r = subprocess.run([TIDINGS, "-u", urls, "-c", cache, "-C", config,
                        "--refresh"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, env=env, timeout=60)
    ok(r.returncode == 0, "--refresh of a JSON Feed: exit 0", r.stderr)
    c = sqlite3.connect(cache, timeout=10)
    try:
        feed = c.execute("SELECT title, site_link, last_error FROM feeds"
                         ).fetchall()
        items = c.execute("SELECT guid, title, link, author, content "
                          "FROM items ORDER BY guid").fetchall()
    finally:
        c.close()
    ok(feed == [("JSON News", "https://example.org/", None)],
       "--refresh: feed title and site link stored", feed)
    ok(len(items) == 2 and items[0][:4] == ("1", "First",
       "https://example.org/1", "Ann Author") and
       items[1][2] == "https://elsewhere.example/2",
       "--refresh: items stored", items)


def main():
    base = tempfile.mkdtemp(prefix="tidings-e2e-")
    feeds = os.path.join(base, "feeds")
    os.makedirs(feeds)
    srv, port = httpd.start(feeds, os.path.join(base, "requests.log"))
    try:
        parse_tests(base)
        refresh_tests(base, feeds, "http://127.0.0.1:%d" % port)
    finally:
        srv.shutdown()
        shutil.rmtree(base, ignore_errors=True)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
