#!/usr/bin/env python3
"""End-to-end tests of tidings --refresh, -i and -e: the real binary, a real
SQLite cache in a temporary directory and a real HTTP server on 127.0.0.1
(tests/lib/httpd.py). Prints TAP."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "lib"))
import httpd  # noqa: E402

TIDINGS = os.environ.get("TIDINGS", "tidings")
from tap import ok, results  # noqa: E402,F401


def rss(title, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0"><channel><title>%s</title>' % title,
           "<link>http://example.org/</link><description>d</description>"]
    for guid, t, body in items:
        out.append("<item><guid>%s</guid><title>%s</title>"
                   "<link>http://example.org/%s</link>"
                   "<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>"
                   "<description><![CDATA[<p>%s</p>]]></description></item>"
                   % (guid, t, guid, body))
    out.append("</channel></rss>\n")
    return "\n".join(out)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


class Env:
    def __init__(self, base, name):
        self.dir = os.path.join(base, name)
        os.makedirs(self.dir)
        self.urls = os.path.join(self.dir, "urls")
        self.cache = os.path.join(self.dir, "cache.db")
        self.config = os.path.join(self.dir, "config")
        # A stalled transfer is given up after 1 s below 10 bytes/s; the
        # total timeout stays long enough for a loaded CI machine.
        write(self.config, "download-timeout 30\nlow-speed-time 1\n"
              "connect-timeout 10\ndownload-max-size 1M\nmax-redirects 4\n")

    def run(self, *args, extra_env=None):
        env = dict(os.environ)
        env["HOME"] = self.dir
        env.pop("XDG_CONFIG_HOME", None)
        env.pop("XDG_DATA_HOME", None)
        env["TIDINGS_REFRESH_STATS"] = "1"
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                  "ALL_PROXY", "all_proxy"):
            env.pop(k, None)
        if extra_env:
            env.update(extra_env)
        return subprocess.run([TIDINGS, "-u", self.urls, "-c", self.cache,
                               "-C", self.config] + list(args),
                              stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, env=env,
                              timeout=60)

    def db(self):
        return sqlite3.connect(self.cache, timeout=10)

    def q(self, sql, *args):
        c = self.db()
        try:
            return c.execute(sql, args).fetchall()
        finally:
            c.close()


def requests(log, path_prefix):
    out = []
    if not os.path.exists(log):
        return out
    with open(log) as f:
        for line in f:
            r = json.loads(line)
            if r["path"].startswith(path_prefix):
                out.append(r)
    return out


def stats(stderr):
    for line in stderr.splitlines():
        if line.startswith("stats: "):
            w = line.split()[1:]
            return {w[i]: float(w[i + 1]) for i in range(0, len(w), 2)}
    return {}


def main():
    base = tempfile.mkdtemp(prefix="tidings-e2e-")
    feeds = os.path.join(base, "feeds")
    os.makedirs(feeds)
    log = os.path.join(base, "requests.log")
    srv, port = httpd.start(feeds, log)
    url = "http://127.0.0.1:%d" % port
    try:
        run_tests(base, feeds, log, url)
        run_encoding_tests(base, feeds, log, url)
    finally:
        srv.shutdown()
        shutil.rmtree(base, ignore_errors=True)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


def run_encoding_tests(base, feeds, log, url):
    """Content-Encoding: what we ask for, what we undo, what we refuse."""
    write(os.path.join(feeds, "enc.xml"),
          rss("Encoded", [("e-%d" % j, "Encoded %d" % j,
                           "encoded body %d " % j + "word " * 2000)
                          for j in range(8)]))
    good = {e: "%s/feed/enc.xml?enc=%s" % (url, e)
            for e in ("gzip", "deflate", "rawdeflate", "bogus")}
    bad = {"cut": "cut short", "br": "not asked for"}
    e = Env(base, "encodings")
    write(e.urls, "".join(u + "\n" for u in good.values()) +
          "".join("%s/feed/enc.xml?enc=%s\n" % (url, k) for k in bad))
    r = e.run("--refresh")
    ok(r.returncode == 1, "encodings: the broken ones fail, exit 1",
       r.stderr)
    for k, u in sorted(good.items()):
        n = e.q("SELECT count(*), sum(length(i.summary)) FROM items i "
                "JOIN feeds f ON f.id = i.feed_id WHERE f.url = ?", u)
        ok(n and n[0][0] == 8 and n[0][1] > 8 * 10000,
           "Content-Encoding %s: every item stored whole" % k,
           "%s\n%s" % (n, r.stderr))
    for k, why in sorted(bad.items()):
        u = "%s/feed/enc.xml?enc=%s" % (url, k)
        lines = [ln for ln in r.stderr.splitlines()
                 if ln.startswith("tidings: %s: " % u)]
        ok(len(lines) == 1 and why in lines[0] and "Content-Encoding" in
           lines[0], "Content-Encoding %s: fails with '%s'" % (k, why),
           r.stderr)
        n = e.q("SELECT count(*) FROM items i JOIN feeds f ON "
                "f.id = i.feed_id WHERE f.url = ?", u)
        ok(n == [(0,)], "Content-Encoding %s: nothing half stored" % k, n)
    sent = {x["ae"] for x in requests(log, "/feed/enc.xml")}
    ok(sent == {"gzip, deflate"}, "asks for gzip and deflate only", sent)


def run_tests(base, feeds, log, url):
    for i in range(3):
        write(os.path.join(feeds, "f%d.xml" % i),
              rss("Feed %d" % i, [("f%d-%d" % (i, j), "Item %d.%d" % (i, j),
                                   "body text %d %d" % (i, j))
                                  for j in range(5)]))
    good = ["%s/feed/f0.xml" % url, "%s/feed/f1.xml?gzip=1" % url,
            "%s/moved/f2.xml" % url]
    bad = {"%s/status/404" % url: "404", "%s/status/500" % url: "500",
           "%s/slow" % url: "too slow", "%s/loop" % url: "edirect",
           "%s/busy" % url: "429", "%s/big" % url: "download-max-size",
           "%s/bomb" % url: "download-max-size"}
    e = Env(base, "main")
    write(e.urls, "# test feeds\n" + "".join(u + " tag\n" for u in good)
          + "".join(u + "\n" for u in bad))

    # Cold refresh.
    t0 = time.time()
    r = e.run("--refresh")
    ok(r.returncode == 1, "some feeds fail: exit 1",
       "rc=%d\n%s" % (r.returncode, r.stderr))
    ok(r.stdout == "", "silent on stdout when not a terminal", r.stdout)
    ok(time.time() - t0 < 20, "cold refresh with a timeout is quick")
    for u, why in sorted(bad.items()):
        lines = [ln for ln in r.stderr.splitlines()
                 if ln.startswith("tidings: %s: " % u)]
        ok(len(lines) == 1 and why in lines[0],
           "failure reported as 'tidings: URL: reason' for %s" %
           u.rsplit("/", 1)[1], r.stderr)
    n = e.q("SELECT f.url, count(i.id) FROM feeds f LEFT JOIN items i ON "
            "i.feed_id = f.id GROUP BY f.id ORDER BY f.position")
    ok([c for _, c in n[:3]] == [5, 5, 5], "good feeds stored", n)
    ok(e.q("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'body'")
       == [(15,)], "search index caught up before exit")
    gz = requests(log, "/feed/f1.xml")
    ok(len(gz) == 1 and gz[0]["encoded"] == "gzip" and
       "gzip" in (gz[0]["ae"] or ""), "gzip transfer", gz)
    ok(all((x["ua"] or "").startswith("tidings/")
           for x in requests(log, "/")), "User-Agent tidings/VERSION")
    loc = e.q("SELECT location FROM feeds WHERE url LIKE '%/moved/f2.xml'")
    ok(loc == [("%s/feed/f2.xml" % url,)], "301 updates the stored URL", loc)
    nxt = e.q("SELECT next_fetch FROM feeds WHERE url LIKE '%/busy'")
    ok(nxt and nxt[0][0] >= time.time() + 3000,
       "429 Retry-After sets the next fetch", nxt)
    err = e.q("SELECT last_error FROM feeds WHERE url LIKE '%/status/404'")
    ok(err and "404" in (err[0][0] or ""), "error stored with the feed", err)

    # Warm refresh: conditional requests, 304s, nothing rewritten.
    before = e.q("SELECT id, title, hash, read FROM items ORDER BY id")
    nbusy = len(requests(log, "/busy"))
    nmoved = len(requests(log, "/moved/"))
    r = e.run("--refresh")
    st = stats(r.stderr)
    cond = [x for x in requests(log, "/feed/")][-3:]
    ok(len(cond) == 3 and all(x["inm"] and x["ims"] for x in cond),
       "second refresh sends If-None-Match and If-Modified-Since", cond)
    ok(all(x["status"] == 304 for x in cond), "and gets 304s", cond)
    ok(st.get("new") == 0 and st.get("updated") == 0 and
       st.get("not_modified") == 3, "304s store nothing", r.stderr)
    ok(e.q("SELECT id, title, hash, read FROM items ORDER BY id") == before,
       "items untouched by a warm refresh")
    ok(len(requests(log, "/busy")) == nbusy,
       "Retry-After honoured: no request before the time")
    ok(len(requests(log, "/moved/")) == nmoved,
       "moved feed fetched at its new URL")

    # An item read here and changed upstream keeps its read mark.
    c = e.db()
    c.execute("UPDATE items SET read = 1 WHERE guid = 'f0-1'")
    c.commit()
    c.close()
    write(os.path.join(feeds, "f0.xml"),
          rss("Feed 0", [("f0-%d" % j, "Item 0.%d%s" %
                          (j, " (corrected)" if j == 1 else ""),
                          "body text 0 %d" % j) for j in range(5)] +
              [("f0-new", "Brand new", "fresh")]))
    r = e.run("--refresh")
    row = e.q("SELECT title, read FROM items WHERE guid = 'f0-1'")
    ok(row == [("Item 0.1 (corrected)", 1)],
       "read mark survives an upstream change", row)
    ok(e.q("SELECT count(*) FROM items WHERE guid = 'f0-new' AND read = 0")
       == [(1,)], "new item stored unread")
    ok(e.q("SELECT count(*) FROM items_fts WHERE items_fts MATCH "
           "'corrected'") == [(1,)], "changed item re-indexed")

    # Two refreshes at once on one cache.
    names = []
    for i in range(40):
        nm = "c%d.xml" % i
        write(os.path.join(feeds, nm),
              rss("C%d" % i, [("c%d-%d" % (i, j), "C %d %d" % (i, j),
                               "x " * 200) for j in range(20)]))
        names.append("%s/feed/%s" % (url, nm))
    # Each round starts on a new cache: both processes create it at once
    # (the race that once gave one of them "database is locked" when both
    # switched the new file to WAL).
    failed, locked, counts = [], [], []
    for rnd in range(6):
        e2 = Env(base, "concurrent%d" % rnd)
        write(e2.urls, "".join(u + "\n" for u in names))
        procs = []
        for _ in range(2):
            env = dict(os.environ, HOME=e2.dir)
            procs.append(subprocess.Popen(
                [TIDINGS, "-r", "-u", e2.urls, "-c", e2.cache, "-C",
                 e2.config], stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=env))
        outs = [p.communicate(timeout=60) for p in procs]
        failed += [(rnd, p.returncode, o[1]) for p, o in zip(procs, outs)
                   if p.returncode != 0]
        locked += [(rnd, o[1]) for o in outs if "locked" in o[1]]
        counts.append(e2.q("SELECT count(*), count(DISTINCT feed_id || "
                           "ident) FROM items")[0])
    ok(not failed, "two concurrent --refresh both succeed (6 new caches)",
       failed)
    ok(not locked, "no 'database is locked'", locked)
    ok(all(c == (800, 800) for c in counts), "nothing lost, nothing doubled",
       counts)

    # Politeness: Cache-Control max-age and <ttl> delay the next fetch;
    # a password in a URL is sent but never printed.
    write(os.path.join(feeds, "ttl.xml"), rss("TTL", [("t1", "T", "b")])
          .replace("<description>d</description>",
                   "<description>d</description><ttl>120</ttl>"))
    e6 = Env(base, "polite")
    secret = "%s/status/404" % url.replace("http://", "http://bob:s3cret@")
    write(e6.urls, "%s/feed/f1.xml?maxage=3600\n%s/feed/ttl.xml\n%s\n" %
          (url, url, secret))
    r = e6.run("--refresh")
    nxt = dict(e6.q("SELECT url, next_fetch - last_fetch FROM feeds"))
    ok(nxt.get("%s/feed/f1.xml?maxage=3600" % url, 0) >= 3600,
       "Cache-Control max-age sets the next fetch", nxt)
    ok(nxt.get("%s/feed/ttl.xml" % url, 0) >= 7200,
       "<ttl> sets the next fetch", nxt)
    ok("s3cret" not in r.stderr and "bob:***@" in r.stderr,
       "password hidden in messages", r.stderr)
    auth = requests(log, "/status/404")[-1]["auth"] or ""
    ok(auth.startswith("Basic "), "user:password from the URL sent", auth)
    n = len(requests(log, "/feed/ttl.xml"))
    r = e6.run("--refresh")
    ok(len(requests(log, "/feed/ttl.xml")) == n,
       "no fetch before the feed's time")

    # The proxy option: requests go through it (the test server answers
    # absolute-form requests as a proxy would).
    e7 = Env(base, "proxy")
    with open(e7.config, "a") as f:
        f.write("proxy 127.0.0.1:%d\n" % int(url.rsplit(":", 1)[1]))
    write(e7.urls, "http://feeds.invalid/feed/f0.xml\n")
    r = e7.run("--refresh")
    via = requests(log, "http://feeds.invalid/")
    ok(r.returncode == 0 and len(via) == 1 and
       e7.q("SELECT count(*) FROM items") == [(6,)],
       "proxy from the config", r.stderr)

    # On a terminal: one progress line.
    import pty
    mfd, sfd = pty.openpty()
    env = dict(os.environ, HOME=e6.dir)
    p = subprocess.Popen([TIDINGS, "-r", "-u", e2.urls, "-c", e2.cache,
                          "-C", e2.config], stdin=subprocess.DEVNULL,
                         stdout=sfd, stderr=subprocess.PIPE, env=env)
    os.close(sfd)
    out = b""
    while True:
        try:
            chunk = os.read(mfd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=60)
    os.close(mfd)
    text = out.decode("utf-8", "replace")
    ok(p.returncode == 0 and "40/40 feeds" in text and
       text.count("\n") == 1, "progress line on a terminal", repr(text))

    # Killed mid-refresh: the cache stays consistent, marks stay, and the
    # next refresh completes.
    e8 = Env(base, "killed")
    write(e8.urls, "".join(u + "\n" for u in names))
    r = e8.run("--refresh")
    c = e8.db()
    c.execute("UPDATE items SET read = 1 WHERE ident LIKE 'g:c1-%'")
    c.commit()
    c.close()
    for i in range(40):
        nm = "c%d.xml" % i
        write(os.path.join(feeds, nm),
              rss("C%d" % i, [("c%d-%d" % (i, j), "C %d %d v2" % (i, j),
                               "y " * 200) for j in range(20)]))
    env = dict(os.environ, HOME=e8.dir)
    p = subprocess.Popen([TIDINGS, "-r", "-u", e8.urls, "-c", e8.cache,
                          "-C", e8.config], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=env)
    deadline = time.time() + 20
    while time.time() < deadline and p.poll() is None:
        if e8.q("SELECT count(*) FROM items WHERE title LIKE '%v2'")[0][0]:
            break
        time.sleep(0.005)
    p.kill()
    p.wait()
    ok(e8.q("PRAGMA integrity_check") == [("ok",)],
       "killed mid-refresh: cache consistent")
    r = e8.run("--refresh")
    ok(r.returncode == 0 and
       e8.q("SELECT count(*), sum(read) FROM items WHERE title LIKE "
            "'%v2'") == [(800, 20)],
       "next refresh completes, read marks kept",
       r.stderr + str(e8.q("SELECT count(*), sum(read) FROM items")))

    # Configuration and cache errors.
    e3 = Env(base, "errors")
    write(e3.urls, names[0] + "\n")
    write(e3.config, "max-connections 4\nfrobnicate yes\n")
    r = e3.run("--refresh")
    ok(r.returncode == 2 and
       "tidings: %s:2: unknown option 'frobnicate'" % e3.config in r.stderr,
       "unknown option: FILE:LINE message, exit 2", r.stderr)
    write(e3.config, "")
    c = sqlite3.connect(e3.cache)
    c.execute("PRAGMA user_version = 999")
    c.close()
    with open(e3.cache, "rb") as f:
        old = f.read()
    r = e3.run("--refresh")
    with open(e3.cache, "rb") as f:
        new = f.read()
    ok(r.returncode == 3 and "newer" in r.stderr and old == new,
       "newer cache schema: exit 3, file untouched", r.stderr)

    # OPML: import, export, import again: nothing lost.
    opml = os.path.join(base, "in.opml")
    write(opml, '<?xml version="1.0"?><opml version="1.0"><head/><body>'
          '<outline text="News"><outline text="Sub &amp; Co">'
          '<outline type="rss" text="First" xmlUrl="http://a.example/1"/>'
          '</outline>'
          '<outline text="http://b.example/2" xmlUrl="http://b.example/2" '
          'category="x,y z"/></outline>'
          '<outline text="Cmd" xmlUrl="exec:touch /tmp/pwned"/>'
          '</body></opml>')
    e4 = Env(base, "opml")
    write(e4.urls, "http://mine.example/feed keep # my own\n")
    r = e4.run("-i", opml)
    ok(r.returncode == 0 and "2" in r.stdout, "import: 2 new feeds",
       r.stdout + r.stderr)
    with open(e4.urls) as f:
        u1 = f.read()
    ok(u1.startswith("http://mine.example/feed keep # my own\n"),
       "import keeps the user's lines as they were", u1)
    ok("exec:" not in u1, "import never takes a command", u1)
    r = e4.run("-e")
    ok(r.returncode == 0 and 'category="News/Sub &amp; Co"' in r.stdout and
       'version="2.0"' in r.stdout, "export: OPML 2.0 with tags", r.stdout)
    exp = os.path.join(base, "out.opml")
    write(exp, r.stdout)
    e5 = Env(base, "opml2")
    r = e5.run("-i", exp)
    with open(e5.urls) as f:
        u2 = f.read()
    ok(r.returncode == 0 and u2 == u1.split("\n", 1)[0].replace(
        " # my own", "") + "\n" + u1.split("\n", 1)[1],
       "import -> export -> import gives the same feeds", u1 + "----\n" + u2)


if __name__ == "__main__":
    sys.exit(main())
