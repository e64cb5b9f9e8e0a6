#!/usr/bin/env python3
"""exec: and filter: lines of the urls file, through the real binary, a real
SQLite cache and a real HTTP server on 127.0.0.1 (tests/lib/httpd.py):
exec:'s output is the feed, filter: gets the downloaded body on stdin; a
failing command's stderr is the feed's error; a command past
download-timeout is killed with what it started, one whose output passes
download-max-size is stopped; a filter that stops reading does no harm;
nothing from a feed reaches a shell; OPML import never takes a command.
Prints TAP."""
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
results = []


def ok(cond, name, diag=None):
    results.append(bool(cond))
    n = len(results)
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond and diag:
        for line in str(diag).splitlines():
            print("# " + line)
    sys.stdout.flush()


def rss(title, items):
    out = ['<?xml version="1.0"?><rss version="2.0"><channel>',
           "<title>%s</title><link>http://example.org/</link>" % title]
    for guid, t in items:
        out.append("<item><guid>%s</guid><title>%s</title>"
                   "<link>http://example.org/%s</link></item>"
                   % (guid, t, guid))
    out.append("</channel></rss>\n")
    return "\n".join(out)


def write(path, text, mode=None):
    with open(path, "w") as f:
        f.write(text)
    if mode:
        os.chmod(path, mode)


tmp = tempfile.mkdtemp(prefix="tidings-cmd.")
www = os.path.join(tmp, "www")
os.makedirs(www)
write(os.path.join(www, "orig.xml"),
      rss("Original Feed", [("o1", "Original story"),
                            ("o2", "$(touch %s/pwned) `touch %s/pwned2`"
                             % (tmp, tmp))]))
write(os.path.join(tmp, "feed.xml"), rss("Exec Feed", [("e1", "Exec story")]))
# The filter: rewrites titles, as a user's script would.
write(os.path.join(tmp, "rename"),
      "#!/bin/sh\nsed 's/Original/Filtered/g'\n", 0o755)
server, port = httpd.start(www, os.path.join(tmp, "log"))
base = "http://127.0.0.1:%d" % port


def refresh(name, urls, config=""):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    write(os.path.join(d, "urls"), urls)
    write(os.path.join(d, "config"), "fulltext no\n" + config)
    t0 = time.monotonic()
    p = subprocess.run([TIDINGS, "-C", os.path.join(d, "config"),
                        "-u", os.path.join(d, "urls"),
                        "-c", os.path.join(d, "cache.db"), "--refresh"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=120)
    p.secs = time.monotonic() - t0
    db = sqlite3.connect(os.path.join(d, "cache.db"))
    p.feeds = {u: (t, e) for u, t, e in db.execute(
        "SELECT url, title, last_error FROM feeds")}
    p.titles = sorted(t for (t,) in db.execute("SELECT title FROM items"))
    db.close()
    return p


try:
    exec_url = 'exec:cat "%s/feed.xml" | sed "s/Exec story/Piped story/"' \
        % tmp
    filt = "filter:%s/rename:%s/feed/orig.xml" % (tmp, base)
    p = refresh("ok", '"%s" news\n%s\n' % (exec_url.replace('"', '\\"'),
                                           filt))
    ok(p.returncode == 0, "exec: and filter: feeds refresh: exit 0",
       p.stderr)
    ok(p.feeds.get(exec_url, (None,))[0] == "Exec Feed",
       "exec: the command's output is the feed (through sh -c)", p.feeds)
    ok("Piped story" in p.titles, "exec: with the shell's pipes", p.titles)
    ok(p.feeds.get(filt, (None,))[0] == "Filtered Feed",
       "filter: the downloaded body went through the command", p.feeds)
    ok("Filtered story" in p.titles, "filter: its items stored", p.titles)
    ok(not os.path.exists(os.path.join(tmp, "pwned")) and
       not os.path.exists(os.path.join(tmp, "pwned2")),
       "nothing from a feed reaches a shell")

    fail = 'exec:echo "no such place" >&2; exit 3'
    p = refresh("fail", '"%s"\n' % fail.replace('"', '\\"'))
    err = p.feeds.get(fail, (None, None))[1] or ""
    ok(p.returncode == 1, "a failing command: exit 1", p.stderr)
    ok("the command exited with status 3: no such place" in err,
       "its stderr is the feed's error", err)
    ok("no such place" in p.stderr, "and is said on stderr", p.stderr)

    pidfile = os.path.join(tmp, "slow.pid")
    slow = "exec:sleep 30 & echo $! >%s; wait" % pidfile
    p = refresh("slow", '"%s"\n' % slow, "download-timeout 1\n")
    err = p.feeds.get(slow, (None, None))[1] or ""
    ok("took longer than 1 seconds" in err,
       "a command past download-timeout is stopped", err)
    ok(p.secs < 15, "... at the timeout (%.1f s)" % p.secs)
    alive = True
    try:
        pid = int(open(pidfile).read())
        time.sleep(0.2)
        # A zombie no one reaps (PID 1 of a container) is dead too.
        with open("/proc/%d/stat" % pid) as f:
            alive = f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, ValueError):
        alive = False
    ok(not alive, "... with what it started")

    big = "exec:yes '<item>'"
    p = refresh("big", '"%s"\n' % big, "download-max-size 64K\n")
    err = p.feeds.get(big, (None, None))[1] or ""
    ok("larger than 65536 bytes" in err,
       "output past download-max-size is stopped", err)

    # A filter that reads nothing of a body larger than a pipe holds.
    deaf = "filter:echo ignored; exit 0:%s/big?size=2000000" % base
    p = refresh("deaf", '"%s"\n' % deaf)
    ok(p.returncode in (0, 1) and p.feeds.get(deaf) is not None,
       "a filter that stops reading its stdin does no harm", p.stderr)

    p = refresh("limit", "filter:%s/rename:%s/big?size=200000\n"
                % (tmp, base), "download-max-size 64K\n")
    ok(p.returncode == 1 and list(p.feeds.values())[0][1],
       "filter: the download keeps its size limit",
       list(p.feeds.values()))

    # OPML: an outline that is a command is never taken.
    d = os.path.join(tmp, "opml")
    os.makedirs(d)
    write(os.path.join(d, "in.opml"), '<?xml version="1.0"?>'
          '<opml version="2.0"><body>'
          '<outline text="Runs" xmlUrl="exec:touch %s/ran"/>'
          '<outline text="Filters" xmlUrl="filter:touch %s/ran:%s/feed/'
          'orig.xml"/><outline text="Plain" xmlUrl="%s/feed/orig.xml"/>'
          '</body></opml>' % (tmp, tmp, base, base))
    p = subprocess.run([TIDINGS, "-C", "/dev/null", "-u",
                        os.path.join(d, "urls"), "-c",
                        os.path.join(d, "cache.db"), "-i",
                        os.path.join(d, "in.opml")],
                       capture_output=True, text=True, timeout=60)
    urls = open(os.path.join(d, "urls")).read()
    ok("exec:" not in urls and "filter:" not in urls and "orig.xml" in urls,
       "OPML import takes the feed, never a command", urls)
    ok("never run from OPML" in p.stderr, "and says so", p.stderr)
    subprocess.run([TIDINGS, "-C", "/dev/null", "-u",
                    os.path.join(d, "urls"), "-c",
                    os.path.join(d, "cache.db"), "--refresh"],
                   capture_output=True, timeout=60)
    ok(not os.path.exists(os.path.join(tmp, "ran")), "nothing imported ran")
finally:
    server.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)

print("1..%d" % len(results))
sys.exit(0 if all(results) else 1)
