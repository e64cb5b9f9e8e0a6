#!/usr/bin/env python3
"""End-to-end test of urls-source "ttrss": the real tidings against a real
Tiny Tiny RSS server on 127.0.0.1 (PostgreSQL, PHP), installed and started
by tests/lib/ttrss-setup.sh, through a small counting proxy of our own
(it counts the API requests, and can delay, refuse or garble answers).
Skips when the server cannot be set up (not root, no packages). TAP."""
import http.server
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
TIDINGS = os.environ.get("TIDINGS", "tidings")
SETUP = os.path.join(TOP, "tests", "lib", "ttrss-setup.sh")
results = []


def ok(cond, name, diag=None):
    results.append(bool(cond))
    print(("ok %d - %s" if cond else "not ok %d - %s") % (len(results), name))
    if not cond and diag:
        for line in str(diag).splitlines():
            print("# " + line)
    sys.stdout.flush()


def skip_all(why):
    print("1..0 # SKIP " + why)
    sys.exit(0)


# ------------------------------------------------------------ the server
if os.geteuid() != 0:
    skip_all("the tt-rss server needs root to install and start")
if shutil.which("apt-get") is None and not os.path.exists(
        "/usr/share/tt-rss/www"):
    skip_all("no apt-get and no tt-rss installed")
setup = subprocess.run(["bash", SETUP], capture_output=True, text=True,
                       timeout=900)
if setup.returncode != 0:
    tail = setup.stderr.strip().splitlines()[-1:] or ["?"]
    skip_all("cannot set up tt-rss (packages not installable?): " + tail[0])
ENV = dict(l.split("=", 1) for l in setup.stdout.splitlines()
           if "=" in l and not l.startswith("#"))
API = ENV["TTRSS_API_URL"]
USER, PASS = ENV["TTRSS_USER"], ENV["TTRSS_PASS"]
FEED_FILE = ENV["TTRSS_TEST_FEED_FILE"]
FEED_ID = int(ENV["TTRSS_TEST_FEED_ID"])


def api(op, **kw):
    """The server's state, asked directly (not through the proxy)."""
    global SID
    kw["op"] = op
    if op != "login":
        kw["sid"] = SID
    req = urllib.request.Request(API, json.dumps(kw).encode(),
                                 {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)["content"]


SID = None
SID = api("login", user=USER, password=PASS)["session_id"]


def server_articles(feed=-4):
    return {h["id"]: h for h in api("getHeadlines", feed_id=feed,
                                    view_mode="all_articles", limit=200)}


def psql(sql):
    env = dict(os.environ, PGPASSWORD="ttrss-ci-db")
    return subprocess.run(["psql", "-X", "-qtA", "-h", "127.0.0.1", "-p",
                           "5433", "-U", "ttrss", "-d", "ttrss", "-c", sql],
                          capture_output=True, text=True, env=env).stdout


# A known state: every article unread and not starred; the test feed in a
# category (the API cannot make one), a second feed beside it.
feed_dir = os.path.dirname(FEED_FILE)
with open(os.path.join(feed_dir, "tidings-second.xml"), "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel>'
            "<title>second feed</title><link>http://127.0.0.1/</link>"
            "<description>d</description><item><title>Second one</title>"
            "<guid>second-1</guid><link>http://127.0.0.1/s1.html</link>"
            "<description>s</description></item></channel></rss>\n")
sub = api("subscribeToFeed", feed_url="http://127.0.0.1/tidings-second.xml")
FEED2 = sub["status"].get("feed_id")
if FEED2:
    api("updateFeed", feed_id=FEED2)
psql("INSERT INTO ttrss_feed_categories (owner_uid, title) SELECT id, "
     "'Testing' FROM ttrss_users WHERE login = 'admin' AND NOT EXISTS "
     "(SELECT 1 FROM ttrss_feed_categories WHERE title = 'Testing');"
     "UPDATE ttrss_feeds SET cat_id = (SELECT id FROM ttrss_feed_categories"
     " WHERE title = 'Testing' LIMIT 1) WHERE id = %d;" % FEED_ID)
ids = sorted(server_articles())
api("updateArticle", article_ids=",".join(map(str, ids)), mode=1, field=2)
api("updateArticle", article_ids=",".join(map(str, ids)), mode=0, field=0)


# ------------------------------------------------------------ the proxy
class Proxy(http.server.BaseHTTPRequestHandler):
    ops = []            # every op asked for
    mode = None         # None, "html", "garbage", "huge", "down"
    delay_op = None     # sleep before forwarding this op
    delay = 0
    seen = threading.Event()

    def log_message(self, *a):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            op = json.loads(body).get("op")
        except ValueError:
            op = "?"
        Proxy.ops.append(op)
        m = Proxy.mode
        if m == "html":
            return self.answer(b"<!DOCTYPE html><html><body>Login"
                               b"</body></html>", "text/html")
        if m == "garbage":
            return self.answer(b'{"seq":0,"status":0,"content":[{"id":',
                               "text/json")
        if m == "huge":
            return self.answer(b'{"seq":0,"status":0,"content":"' +
                               b"x" * (300 * 1024) + b'"}', "text/json")
        if op == Proxy.delay_op:
            Proxy.seen.set()
            time.sleep(Proxy.delay)
        req = urllib.request.Request(API, body, {
            "Content-Type": self.headers.get("Content-Type", ""),
            "User-Agent": self.headers.get("User-Agent", "")})
        with urllib.request.urlopen(req, timeout=60) as r:
            data = r.read()
        self.answer(data, "text/json")

    def answer(self, data, ctype):
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
PORT = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()

tmp = tempfile.mkdtemp(prefix="tidings-sync-")
CACHE = os.path.join(tmp, "cache.db")
URLS = os.path.join(tmp, "urls")        # never written: absent
PWFILE = os.path.join(tmp, "pw")


def config(name, port=PORT, password=PASS, extra=""):
    path = os.path.join(tmp, name)
    with open(PWFILE + name, "w") as f:
        f.write(password + "\n")
    with open(path, "w") as f:
        f.write('urls-source "ttrss"\nttrss-url "http://127.0.0.1:%d/"\n'
                'ttrss-login "%s"\nttrss-passwordeval "cat %s"\n'
                "connect-timeout 5\ndownload-timeout 30\nfulltext no\n%s"
                % (port, USER, PWFILE + name, extra))
    return path


CONF = config("config")


def refresh(conf=CONF, timeout=120):
    return subprocess.run([TIDINGS, "-C", conf, "-u", URLS, "-c", CACHE,
                           "--refresh"], capture_output=True, text=True,
                          timeout=timeout)


def q(sql):
    con = sqlite3.connect(CACHE)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def local(remote):
    r = q("SELECT i.read, i.starred FROM items i JOIN sync_items s ON "
          "s.item_id = i.id WHERE s.remote_id = %d" % remote)
    return r[0] if r else None


def dump():
    con = sqlite3.connect(CACHE)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


print("1..22")

# 1-4: first sync, without a urls file.
r = refresh()
ok(r.returncode == 0, "first sync: exit 0", r.stderr)
arts = server_articles()
ok(q("SELECT count(*) FROM sync_items")[0][0] == len(arts) and len(arts) >= 4,
   "every article of the server is in the cache (%d)" % len(arts),
   q("SELECT remote_id FROM sync_items"))
feeds = q("SELECT title, tags FROM feeds WHERE position >= 0 ORDER BY "
          "position")
ok(("tidings test feed", "Testing") in feeds and
   ("second feed", "") in feeds,
   "the server's feed titles; its category is the feed's tag", feeds)
e = subprocess.run([TIDINGS, "-C", CONF, "-u", URLS, "-c", CACHE, "-e"],
                   capture_output=True, text=True)
ok("Testing" in e.stdout and "tidings test feed" in e.stdout,
   "-e exports the synced feeds with their category", e.stdout + e.stderr)

# 5-6: warm sync, nothing changed: a handful of requests for two feeds.
Proxy.ops = []
r = refresh()
n = len(Proxy.ops)
ok(r.returncode == 0 and n <= 6,
   "warm sync with nothing changed: %d requests (%s)" % (n,
                                                         ",".join(Proxy.ops)),
   r.stderr)
ok("login" not in Proxy.ops, "the saved session is reused (no login)",
   Proxy.ops)

# 7-8: marks made on another device arrive, stars too.
a, b = ids[0], ids[1]
api("updateArticle", article_ids=str(a), mode=0, field=2)
api("updateArticle", article_ids=str(b), mode=1, field=0)
r = refresh()
ok(r.returncode == 0 and local(a)[0] == 1, "read on the server: read here",
   (r.stderr, local(a)))
ok(local(b)[1] == 1, "starred on the server: starred here", local(b))


# 9-11: marks made in the reader are queued at once and sent.
def tmux(*args):
    return subprocess.run(["tmux", "-L", "tidings-sync-%d" % os.getpid(),
                           "-f", "/dev/null"] + list(args),
                          capture_output=True, text=True)


def wait_screen(text, secs=15):
    end = time.time() + secs
    while time.time() < end:
        s = tmux("capture-pane", "-p", "-t", "t:0").stdout
        if text in s:
            return s
        time.sleep(0.1)
    return None


def wait_sql(sql, want, secs=10):
    end = time.time() + secs
    while time.time() < end:
        if q(sql) == want:
            return True
        time.sleep(0.1)
    return False


have_tmux = shutil.which("tmux") is not None
if have_tmux:
    tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30",
         "env TERM=tmux-256color LANG=C.UTF-8 %s -C %s -u %s -c %s" %
         (TIDINGS, CONF, URLS, CACHE))
    shown = wait_screen("second feed")
    ok(shown is not None, "the reader lists the synced feeds at once")
    # The second feed: its one article toggled read with N, starred with S.
    s2 = [i for i, h in server_articles().items()
          if h["feed_id"] in (FEED2, str(FEED2))]
    # Below the two virtual rows, the feeds in the server's order.
    def row(title):
        pos = q("SELECT position FROM feeds WHERE title = '%s'" % title)
        return ["g"] + ["Down"] * (2 + pos[0][0])
    tmux("send-keys", "-t", "t:0", *(row("second feed") + ["Enter"]))
    wait_screen("Second one")
    tmux("send-keys", "-t", "t:0", "N", "S")
    queued = wait_sql("SELECT field, value FROM sync_queue WHERE "
                      "remote_id = %d ORDER BY field" % s2[0],
                      [(0, 1), (1, 1)])
    ok(queued, "N and S in the reader: both marks queued at once",
       q("SELECT * FROM sync_queue"))
    # A on the test feed: the whole feed read, one change.
    tmux("send-keys", "-t", "t:0", *(["q"] + row("tidings test feed") +
                                     ["A"]))
    ok(wait_sql("SELECT field, remote_id FROM sync_queue WHERE field = 2",
                [(2, FEED_ID)]), "A (mark feed read): queued as one change",
       q("SELECT * FROM sync_queue"))
    tmux("send-keys", "-t", "t:0", "Q")
    time.sleep(0.5)
    tmux("kill-server")
else:
    for _ in range(3):
        ok(True, "# SKIP no tmux")
    s2 = []
r = refresh()
srv_now = server_articles()
ok(r.returncode == 0 and q("SELECT count(*) FROM sync_queue")[0][0] == 0 and
   (not s2 or (not srv_now[s2[0]]["unread"] and srv_now[s2[0]]["marked"])),
   "the reader's read and star reach the server; the queue is empty",
   (r.stderr, s2 and srv_now[s2[0]], q("SELECT * FROM sync_queue")))
unread1 = [i for i, h in srv_now.items()
           if h["feed_id"] in (FEED_ID, str(FEED_ID)) and h["unread"]]
ok(have_tmux and not unread1, "the feed marked read is read on the server",
   unread1)

# 14-15: offline: marks kept, the server named, exit 1; sent later.
dead = config("dead", port=1)
con = sqlite3.connect(CACHE)
con.execute("UPDATE items SET read = 0, starred = 1 WHERE id IN (SELECT "
            "item_id FROM sync_items WHERE remote_id = %d)" % a)
con.commit()
con.close()
before = dump()
r = refresh(dead)
ok(r.returncode == 1 and "127.0.0.1:1" in r.stderr and dump() == before,
   "server down: exit 1, host and port named, cache and queue kept",
   (r.returncode, r.stderr))
r = refresh()
h = server_articles()[a]
ok(r.returncode == 0 and h["unread"] and h["marked"],
   "the offline marks are sent by the next sync", (r.stderr, h))

# 16: wrong password.
con = sqlite3.connect(CACHE)
con.execute("UPDATE items SET starred = 0 WHERE id IN (SELECT item_id FROM "
            "sync_items WHERE remote_id = %d)" % a)
con.execute("DELETE FROM sync_state WHERE key = 'ttrss.session'")
con.commit()
con.close()
before = dump()
bad = config("bad", password="not-the-Secret-42")
r = refresh(bad)
ok(r.returncode == 1 and "login" in r.stderr and
   "not-the-Secret-42" not in r.stderr + r.stdout and dump() == before,
   "wrong password: exit 1, says login, no password shown, cache and "
   "queue untouched", (r.returncode, r.stderr))

# 17-19: answers that are not the API's: a clear message, nothing touched.
for mode, word in (("html", "HTML"), ("garbage", "not a Tiny Tiny RSS"),
                   ("huge", "larger than")):
    Proxy.mode = mode
    r = refresh(config("small", extra="download-max-size 64K\n"))
    Proxy.mode = None
    ok(r.returncode == 1 and word in r.stderr and dump() == before,
       "%s answer: exit 1, '%s', cache and queue untouched" % (mode, word),
       (r.returncode, r.stderr))

# 20: kill -9 during a push: nothing queued is lost, then all is sent.
con = sqlite3.connect(CACHE)
con.execute("UPDATE items SET read = 1, starred = 1 WHERE id IN (SELECT "
            "item_id FROM sync_items)")
con.commit()
con.close()
nq = q("SELECT count(*) FROM sync_queue")[0][0]
Proxy.delay_op, Proxy.delay = "updateArticle", 3
Proxy.seen.clear()
p = subprocess.Popen([TIDINGS, "-C", CONF, "-u", URLS, "-c", CACHE,
                      "--refresh"], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
Proxy.seen.wait(30)
os.kill(p.pid, signal.SIGKILL)
p.wait()
Proxy.delay_op = None
kept = q("SELECT count(*) FROM sync_queue")[0][0]
integ = q("PRAGMA integrity_check")[0][0]
r = refresh()
srv_now = server_articles()
counts = q("SELECT sum(unread), sum(starred) FROM feed_counts")[0]
ok(kept >= nq - 1 and integ == "ok" and r.returncode == 0 and
   q("SELECT count(*) FROM sync_queue")[0][0] == 0 and
   all(not h["unread"] and h["marked"] for h in srv_now.values()) and
   counts == (0, len(srv_now)),
   "kill -9 during a push: queue kept (%d of %d), consistent, sent "
   "afterwards" % (kept, nq), (r.stderr, integ, counts))

# 21: a session the server no longer knows: a new login, and an empty
# urls file removes nothing.
open(URLS, "w").close()
con = sqlite3.connect(CACHE)
con.execute("UPDATE sync_state SET value = 'no-such-session' WHERE key = "
            "'ttrss.session'")
con.commit()
con.close()
Proxy.ops = []
r = refresh()
ok(r.returncode == 0 and Proxy.ops.count("login") == 1 and
   q("SELECT count(*) FROM feeds WHERE position >= 0")[0][0] == 2,
   "a rejected session: one new login; an empty urls file removes nothing",
   (r.stderr, Proxy.ops))

# 22: the reader with the server down shows the cache at once, and says
# why its refresh failed.
if have_tmux:
    tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30",
         "env TERM=tmux-256color LANG=C.UTF-8 %s -C %s -u %s -c %s" %
         (TIDINGS, config("offline", port=1,
                          extra="refresh-on-startup yes\n"), URLS, CACHE))
    t0 = time.time()
    shown = wait_screen("second feed", 5)
    took = time.time() - t0
    said = wait_screen("127.0.0.1:1", 10)
    tmux("kill-server")
    ok(shown is not None and took < 3 and said is not None,
       "server down: the reader shows the cache at once (%.1f s) and "
       "names the server" % took, said or shown)
else:
    ok(True, "# SKIP no tmux")

srv.shutdown()
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(0 if all(results) else 1)
