#!/usr/bin/env python3
"""End-to-end tests of the download queue: podcast-auto-enqueue at
--refresh, tidings --download against a throttled server on 127.0.0.1
that honours Range and logs it (tests/lib/media-httpd.py), with the
sha256 of every file, kill -9 and resume, a server that ignores Range,
a 404, a stalled transfer, hostile URLs and titles, a missing and a
read-only download-path, and the progress line on a terminal. Prints
TAP."""
import hashlib
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TOP = os.environ.get("TOP_SRCDIR", os.path.join(os.path.dirname(__file__),
                                                "..", ".."))
spec = importlib.util.spec_from_file_location(
    "media_httpd", os.path.join(TOP, "tests", "lib", "media-httpd.py"))
media = importlib.util.module_from_spec(spec)
spec.loader.exec_module(media)

TIDINGS = os.environ.get("TIDINGS", "tidings")
results = []
MiB = 1 << 20


def ok(cond, name, diag=None):
    results.append(bool(cond))
    n = len(results)
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, name))
    if not cond and diag:
        for line in str(diag).splitlines():
            print("# " + line)
    sys.stdout.flush()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def rss(title, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0"><channel><title>%s</title>' % title,
           "<link>http://example.org/</link><description>d</description>"]
    for guid, t, enc, typ in items:
        out.append("<item><guid>%s</guid><title>%s</title>"
                   "<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>"
                   '<enclosure url="%s" type="%s" length="0"/>'
                   "<description>d</description></item>"
                   % (guid, t, enc.replace("&", "&amp;"), typ))
    out.append("</channel></rss>\n")
    return "\n".join(out)


def sha(data):
    return hashlib.sha256(data).hexdigest()


def file_sha(path):
    with open(path, "rb") as f:
        return sha(f.read())


class Env:
    def __init__(self, base, name, feeds, url, extra=""):
        self.dir = os.path.join(base, name)
        os.makedirs(self.dir)
        self.dl = os.path.join(self.dir, "dl")
        os.makedirs(self.dl)
        self.urls = os.path.join(self.dir, "urls")
        self.cache = os.path.join(self.dir, "cache.db")
        self.config = os.path.join(self.dir, "config")
        write(os.path.join(feeds, name + ".xml"), "")
        self.feed = os.path.join(feeds, name + ".xml")
        write(self.urls, "%s/feed/%s.xml\n" % (url, name))
        write(self.config, "download-timeout 30\nlow-speed-time 5\n"
              "connect-timeout 10\npodcast-auto-enqueue yes\n"
              "download-path %s\n%s" % (self.dl, extra))

    def env(self):
        env = dict(os.environ)
        env["HOME"] = self.dir
        for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "http_proxy",
                  "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                  "all_proxy"):
            env.pop(k, None)
        return env

    def argv(self, *args):
        return [TIDINGS, "-u", self.urls, "-c", self.cache,
                "-C", self.config] + list(args)

    def run(self, *args, wrap=None):
        argv = self.argv(*args)
        if wrap:
            argv = wrap + argv
        return subprocess.run(argv, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True,
                              env=self.env(), timeout=120)

    def q(self, sql, *args):
        c = sqlite3.connect(self.cache, timeout=10)
        try:
            return c.execute(sql, args).fetchall()
        finally:
            c.close()


def log_for(log, prefix):
    out = []
    if os.path.exists(log):
        with open(log) as f:
            for line in f:
                r = json.loads(line)
                if r["path"].startswith(prefix):
                    out.append(r)
    return out


def test_queue_and_download(base, feeds, log, url):
    e = Env(base, "basic", feeds, url)
    a = "%s/media/a/ep.mp3?size=%d&rate=%d" % (url, 3 * MiB, 4 * MiB)
    b = "%s/media/b/ep.mp3?size=%d" % (url, 2 * MiB)
    gone = "%s/nope/ep3.mp3" % url
    write(e.feed, rss("Show", [("1", "One", a, "audio/mpeg"),
                               ("2", "Two", b, "audio/mpeg"),
                               ("3", "Three", gone, "audio/mpeg"),
                               ("4", "Cover", url + "/media/c.jpg",
                                "image/jpeg")]))
    r = e.run("--refresh")
    ok(r.returncode == 0, "refresh with podcast-auto-enqueue", r.stderr)
    rows = e.q("SELECT url, file, state FROM downloads")
    ok(sorted(x[0] for x in rows) == sorted([a, b, gone]),
       "the audio enclosures are queued, the image is not", rows)
    by_url = {x[0]: x[1] for x in rows}
    files = [by_url.get(a), by_url.get(b), by_url.get(gone)]
    ok(len(set(files)) == 3 and all(os.path.dirname(f) == e.dl
                                    for f in files),
       "three distinct files, all inside download-path", files)
    ok(sorted(os.path.basename(f) for f in files[:2]) ==
       ["ep (2).mp3", "ep.mp3"],
       "two enclosures of one name get two names", files)

    r = e.run("--download")
    ok(r.returncode == 1, "--download: exit 1 when one failed",
       "rc %d\n%s" % (r.returncode, r.stderr))
    ok(r.stdout == "", "nothing on stdout when not on a terminal", r.stdout)
    ok("tidings: %s: HTTP status 404" % gone in r.stderr,
       "the 404 is named on stderr as tidings: URL: reason", r.stderr)
    ok(r.stderr.count("\n") == 1, "and nothing else on stderr", r.stderr)
    ok(os.path.exists(files[0]) and
       file_sha(files[0]) == sha(media.media_bytes("a/ep.mp3", 3 * MiB)),
       "the first file is whole (sha256)")
    ok(os.path.exists(files[1]) and
       file_sha(files[1]) == sha(media.media_bytes("b/ep.mp3", 2 * MiB)),
       "the second file is whole (sha256)")
    ok(not os.path.exists(files[0] + ".part") and
       not os.path.exists(files[1] + ".part"), "no .part left behind")
    ok(not os.path.exists(files[2]) and
       not os.path.exists(files[2] + ".part"),
       "nothing under the 404's name, not even an empty .part")
    st = e.q("SELECT url, state, bytes, size, error FROM downloads")
    st = sorted(st, key=lambda x: [a, b, gone].index(x[0]))
    ok(st[0][1:4] == (2, 3 * MiB, 3 * MiB) and st[1][1] == 2,
       "done, with bytes and size, in the queue", st)
    ok(st[2][1] == 3 and st[2][4] == "HTTP status 404",
       "the 404 stays queued with its error", st)
    reqs = log_for(log, "/media/a/")
    ok(reqs and all(x["encoding"] is None for x in reqs),
       "media are asked for without Accept-Encoding", reqs)
    n404 = len(log_for(log, "/nope/"))
    r = e.run("--download")
    ok(r.returncode == 1 and len(log_for(log, "/nope/")) == n404 + 1,
       "the next --download retries the 404 only",
       "%d %s" % (r.returncode, r.stderr))
    ok(len(log_for(log, "/media/a/")) == len(reqs),
       "and leaves the finished files alone")


def test_resume(base, feeds, log, url):
    e = Env(base, "resume", feeds, url)
    size = 4 * MiB
    u = "%s/media/r/long.mp3?size=%d&rate=%d" % (url, size, MiB)
    write(e.feed, rss("Long", [("1", "Long", u, "audio/mpeg")]))
    e.run("--refresh")
    (final,), = e.q("SELECT file FROM downloads")
    part = final + ".part"
    p = subprocess.Popen(e.argv("--download"), stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=e.env())
    seen_final = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        seen_final |= os.path.exists(final)
        if os.path.exists(part) and os.path.getsize(part) >= MiB:
            break
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    have = os.path.getsize(part) if os.path.exists(part) else 0
    ok(MiB <= have < size, "kill -9 mid-download leaves NAME.part (%d "
       "bytes)" % have)
    ok(not seen_final and not os.path.exists(final),
       "and no file under its final name")
    r = e.run("--download")
    ok(r.returncode == 0, "the next --download finishes it", r.stderr)
    rng = [x for x in log_for(log, "/media/r/") if x["range"]]
    ok(rng and rng[-1]["status"] == 206 and
       int(rng[-1]["range"][6:].rstrip("-")) >= MiB,
       "with a Range request from where it stopped", rng)
    ok(os.path.exists(final) and
       file_sha(final) == sha(media.media_bytes("r/long.mp3", size)),
       "the resumed file is whole (sha256)")
    ok(not os.path.exists(part), "its .part is gone")

    # A server that ignores Range: the file starts over, cleanly.
    e2 = Env(base, "norange", feeds, url)
    u = "%s/media/n/x.mp3?size=%d&norange=1" % (url, MiB)
    write(e2.feed, rss("NoRange", [("1", "X", u, "audio/mpeg")]))
    e2.run("--refresh")
    (final,), = e2.q("SELECT file FROM downloads")
    with open(final + ".part", "wb") as f:
        f.write(b"garbage!" * 1000)
    r = e2.run("--download")
    rq = log_for(log, "/media/n/")
    ok(r.returncode == 0 and rq and rq[-1]["range"] == "bytes=8000-" and
       rq[-1]["status"] == 200, "a Range answered with 200", rq)
    ok(os.path.exists(final) and
       file_sha(final) == sha(media.media_bytes("n/x.mp3", MiB)),
       "restarts the file cleanly (sha256)")


def test_bad_path(base, feeds, log, url):
    e = Env(base, "missing", feeds, url)
    u = "%s/media/m/x.mp3?size=1000" % url
    write(e.feed, rss("M", [("1", "X", u, "audio/mpeg")]))
    e.run("--refresh")
    shutil.rmtree(e.dl)
    r = e.run("--download")
    ok(r.returncode == 1 and e.dl in r.stderr and
       "No such file" in r.stderr,
       "a missing download-path: exit 1, named", r.stderr)
    ok(e.q("SELECT state FROM downloads") == [(0,)],
       "the queue is left as it was")

    e = Env(base, "readonly", feeds, url)
    write(e.feed, rss("R", [("1", "X", u, "audio/mpeg")]))
    e.run("--refresh")
    if os.geteuid() == 0:
        # Root writes through modes: a read-only mount, in a mount
        # namespace of the test's own.
        wrap = ["unshare", "-m", "sh", "-c",
                'mount -t tmpfs -o ro none "$0" && exec "$@"', e.dl]
        probe = subprocess.run(wrap + ["true"], capture_output=True)
        if probe.returncode != 0:
            print("ok %d - # SKIP no mount namespace" % (len(results) + 1))
            results.append(True)
            return
    else:
        os.chmod(e.dl, 0o555)
        wrap = None
    r = e.run("--download", wrap=wrap)
    ok(r.returncode == 1 and e.dl in r.stderr and
       ("Read-only" in r.stderr or "Permission denied" in r.stderr),
       "a read-only download-path: exit 1, named", r.stderr)
    ok(e.q("SELECT state, error FROM downloads") == [(0, None)],
       "the queue is left as it was")
    os.chmod(e.dl, 0o755)


def test_timeout_and_hostile(base, feeds, log, url):
    e = Env(base, "hostile", feeds, url, "low-speed-time 1\n")
    stall = url + "/stall"
    # Shell syntax and an escape attempt, in the URL and the title.
    odd = (url + "/media/a;b$(touch%20pwned)`id`/..%2F..%2Fescape.mp3"
           "?size=5000")
    write(e.feed, rss("Odd", [("1", "Stalls", stall, "audio/mpeg"),
                              ("2", "$(touch pwned2); ../../x", odd,
                               "audio/mpeg")]))
    write(e.config, open(e.config).read() +
          'download-filename-format "%t - %u"\n')
    r = e.run("--refresh")
    t0 = time.monotonic()
    r = e.run("--download")
    took = time.monotonic() - t0
    rows = dict(e.q("SELECT url, state FROM downloads"))
    ok(r.returncode == 1 and "tidings: %s: " % stall in r.stderr and
       rows.get(stall) == 3 and took < 25,
       "a stalled transfer fails that file only (low-speed-time), "
       "in %.1f s" % took, r.stderr + str(rows))
    ok(rows.get(odd) == 2, "the other one is done", rows)
    (f,), = e.q("SELECT file FROM downloads WHERE url = ?", odd)
    ok(os.path.dirname(f) == e.dl and os.path.exists(f) and
       "/" not in os.path.basename(f),
       "a hostile URL and title give a file inside download-path", f)
    outside = [p for p in os.listdir(e.dir) if p not in
               ("dl", "urls", "cache.db", "cache.db-wal", "cache.db-shm",
                "config")]
    ok(outside == [] and not os.path.exists(os.path.join(base, "pwned")) and
       not os.path.exists("pwned") and not os.path.exists("pwned2"),
       "nothing is run, nothing written outside it", outside)
    ok(os.path.exists(os.path.join(e.dl, "Stalls - stall.part")),
       "the stalled file keeps its part for the next run",
       os.listdir(e.dl))


def test_per_feed(base, feeds, log, url):
    e = Env(base, "perfeed", feeds, url,
            "podcast-auto-enqueue no\nfeed-podcast-auto-enqueue yes pods\n")
    other = os.path.join(feeds, "perfeed-other.xml")
    write(e.urls, "%s/feed/perfeed.xml pods\n%s/feed/perfeed-other.xml\n"
          % (url, url))
    write(e.feed, rss("Tagged", [("1", "X", url + "/media/p/a.mp3",
                                  "audio/mpeg")]))
    write(other, rss("Other", [("1", "Y", url + "/media/p/b.mp3",
                                "audio/mpeg")]))
    r = e.run("--refresh")
    ok(r.returncode == 0 and
       e.q("SELECT url FROM downloads") == [(url + "/media/p/a.mp3",)],
       "feed-podcast-auto-enqueue: only the feeds it names (by tag)",
       r.stderr + str(e.q("SELECT url FROM downloads")))


def test_terminal(base, feeds, log, url):
    e = Env(base, "tty", feeds, url)
    u = "%s/media/t/show.mp3?size=%d&rate=%d" % (url, 2 * MiB, 2 * MiB)
    write(e.feed, rss("T", [("1", "X", u, "audio/mpeg")]))
    e.run("--refresh")
    cmd = " ".join("'%s'" % a for a in e.argv("--download"))
    r = subprocess.run(["script", "-qefc", cmd, "/dev/null"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, env=e.env(), timeout=60)
    ok(r.returncode == 0 and "Downloading: 0/1 file" in r.stdout and
       "show.mp3 " in r.stdout and "%" in r.stdout,
       "on a terminal: the file's progress and the total", r.stdout)
    ok("show.mp3: done" in r.stdout, "and a line when it is done", r.stdout)


def main():
    base = tempfile.mkdtemp(prefix="tidings-podcast-")
    feeds = os.path.join(base, "feeds")
    os.makedirs(feeds)
    log = os.path.join(base, "requests.log")
    srv, port = media.start(feeds, log)
    url = "http://127.0.0.1:%d" % port
    try:
        test_queue_and_download(base, feeds, log, url)
        test_resume(base, feeds, log, url)
        test_bad_path(base, feeds, log, url)
        test_per_feed(base, feeds, log, url)
        test_timeout_and_hostile(base, feeds, log, url)
        test_terminal(base, feeds, log, url)
    finally:
        srv.shutdown()
        shutil.rmtree(base, ignore_errors=True)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
