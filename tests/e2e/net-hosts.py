#!/usr/bin/env python3
"""End-to-end tests of the fetcher's concurrency: many hosts at once, each
kept under its cap, and slow hosts that hold back no one. The hosts are
test servers on several loopback addresses (127.0.0.2 ...), each logging
when its connections open and close and when each request starts and
ends; the real binary refreshes a real cache. Prints TAP."""
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIDINGS = os.environ.get("TIDINGS", "tidings")
sys.path.insert(0, os.path.join(os.environ.get("TOP_SRCDIR", os.path.join(
    os.path.dirname(__file__), "..", "..")), "tests", "lib"))
from tap import ok, results  # noqa: E402,F401


def rss(title, n):
    items = "".join(
        "<item><guid>%s-%d</guid><title>%s item %d</title>"
        "<link>http://example.org/%d</link>"
        "<description>text %d</description></item>" % (title, i, title, i,
                                                      i, i)
        for i in range(n))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            "<channel><title>%s</title><link>http://example.org/</link>"
            "<description>d</description>%s</channel></rss>\n"
            % (title, items)).encode()


class Log:
    """Events from every host: (kind, host, conn, t)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.events = []
        self.reqs = []      # (host, conn, start, end, status)

    def event(self, kind, host, conn):
        with self.lock:
            self.events.append((kind, host, conn, time.monotonic()))

    def req(self, host, conn, start, end, status):
        with self.lock:
            self.reqs.append((host, conn, start, end, status))


def make_handler(log, host, delay, trickle=0):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            pass

        def setup(self):
            super().setup()
            self.conn_id = id(self)
            log.event("open", host, self.conn_id)

        def finish(self):
            try:
                super().finish()
            finally:
                log.event("close", host, self.conn_id)

        def do_GET(self):
            start = time.monotonic()
            name = self.path.strip("/").replace("/", "-")
            body = rss("%s %s" % (host, name), 3)
            etag = '"%s-%d"' % (name, len(body))
            if delay:
                time.sleep(delay)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                status = 304
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if trickle:
                    # The body in twelve pieces over trickle seconds.
                    step = len(body) // 12 + 1
                    for i in range(0, len(body), step):
                        self.wfile.write(body[i:i + step])
                        self.wfile.flush()
                        time.sleep(trickle / 12)
                else:
                    self.wfile.write(body)
                status = 200
            self.wfile.flush()
            log.req(host, self.conn_id, start, time.monotonic(), status)

    return Handler


class Hosts:
    """One server a loopback address, all on the same port."""

    def __init__(self, log, spec):
        self.servers = []
        self.port = None
        for attempt in range(20):
            port = self.port or free_port()
            try:
                for host, delay, *trickle in spec:
                    srv = ThreadingHTTPServer(
                        (host, port), make_handler(log, host, delay,
                                                   *trickle))
                    srv.daemon_threads = True
                    self.servers.append(srv)
                self.port = port
                break
            except OSError:
                self.stop()
                self.servers = []
        for srv in self.servers:
            threading.Thread(target=srv.serve_forever, daemon=True).start()

    def stop(self):
        # Each shutdown waits for its loop's next turn: all at once.
        ts = [threading.Thread(target=srv.shutdown) for srv in self.servers]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        for srv in self.servers:
            srv.server_close()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def loopback_ok(addr):
    s = socket.socket()
    try:
        s.bind((addr, 0))
        return True
    except OSError:
        return False
    finally:
        s.close()


def peak(intervals):
    """Most intervals (start, end) open at one instant."""
    pts = sorted([(a, 1) for a, b in intervals] +
                 [(b, -1) for a, b in intervals], key=lambda p: (p[0], p[1]))
    cur = best = 0
    for _, d in pts:
        cur += d
        best = max(best, cur)
    return best


def conn_intervals(events, host):
    opened, out = {}, []
    for kind, h, conn, t in events:
        if h != host:
            continue
        if kind == "open":
            opened[conn] = t
        elif conn in opened:
            out.append((opened.pop(conn), t))
    out += [(t, float("inf")) for t in opened.values()]
    return out


def hosts_at_once(reqs):
    """Most distinct hosts with a request under way at one instant."""
    best = 0
    for _, _, start, _, _ in reqs:
        hs = {h for h, _, a, b, _ in reqs if a <= start < b}
        best = max(best, len(hs))
    return best


class Env:
    def __init__(self, base, name, config):
        self.dir = os.path.join(base, name)
        os.makedirs(self.dir)
        self.urls = os.path.join(self.dir, "urls")
        self.cache = os.path.join(self.dir, "cache.db")
        self.config = os.path.join(self.dir, "config")
        with open(self.config, "w") as f:
            f.write("fulltext no\ndownload-timeout 60\n" + config)

    def cmd(self):
        return [TIDINGS, "-r", "-u", self.urls, "-c", self.cache,
                "-C", self.config]

    def env(self):
        env = dict(os.environ)
        env["HOME"] = self.dir
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                  "ALL_PROXY", "all_proxy", "no_proxy", "NO_PROXY"):
            env.pop(k, None)
        return env

    def run(self):
        return subprocess.run(self.cmd(), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True,
                              env=self.env(), timeout=120)

    def stored(self):
        """URLs of the feeds that have items in the cache."""
        if not os.path.exists(self.cache):
            return set()
        try:
            c = sqlite3.connect("file:%s?mode=ro" % self.cache, uri=True,
                                timeout=5)
            try:
                rows = c.execute("SELECT f.url FROM feeds f WHERE EXISTS "
                                 "(SELECT 1 FROM items i WHERE "
                                 "i.feed_id = f.id)").fetchall()
            finally:
                c.close()
        except sqlite3.Error:
            return set()
        return {r[0] for r in rows}

    def indexed(self):
        """Items the search index finds by the word "item", or -1 while
        some stored items wait for it."""
        try:
            c = sqlite3.connect("file:%s?mode=ro" % self.cache, uri=True,
                                timeout=5)
            try:
                if c.execute("SELECT count(*) FROM fts_pending"
                             ).fetchone()[0] > 0:
                    return -1
                return c.execute("SELECT count(*) FROM items_fts WHERE "
                                 "items_fts MATCH 'item'").fetchone()[0]
            finally:
                c.close()
        except sqlite3.Error:
            return -1


def many_hosts(base):
    """Six hosts, eight feeds each, every response 0.25 s late, a cap of
    two a host and the default total."""
    log = Log()
    addrs = ["127.0.0.%d" % i for i in range(2, 8)]
    hosts = Hosts(log, [(a, 0.25) for a in addrs])
    env = Env(base, "many", "max-connections-per-host 2\n")
    urls = ["http://%s:%d/f/%d" % (a, hosts.port, i)
            for a in addrs for i in range(8)]
    with open(env.urls, "w") as f:
        f.write("\n".join(urls) + "\n")
    try:
        r = env.run()
        ok(r.returncode == 0, "many hosts: the refresh succeeds",
           r.stdout + r.stderr)
        got = env.stored()
        ok(got == set(urls), "many hosts: all 48 feeds are stored",
           "missing: %s" % sorted(set(urls) - got))
        reqs = list(log.reqs)
        ok(len(reqs) == 48, "many hosts: one request a feed",
           "%d requests" % len(reqs))
        over = {}
        for a in addrs:
            p = peak([(s, e) for h, _, s, e, _ in reqs if h == a])
            if p > 2:
                over[a] = p
        ok(not over, "many hosts: at most 2 requests at once on any host",
           over)
        over = {}
        for a in addrs:
            p = peak(conn_intervals(log.events, a))
            if p > 2:
                over[a] = p
        ok(not over, "many hosts: at most 2 connections at once on any "
           "host", over)
        total = peak([(s, e) for _, _, s, e, _ in reqs])
        ok(total >= 10, "many hosts: transfers to different hosts overlap "
           "(%d at once, of 12 the caps allow)" % total)
        spread = hosts_at_once(reqs)
        ok(spread >= 5, "many hosts: %d of 6 hosts served at one instant"
           % spread)
        reused = [a for a in addrs
                  if len({c for h, c, _, _, _ in reqs if h == a}) <
                  len([1 for h, _, _, _, _ in reqs if h == a])]
        ok(len(reused) == len(addrs), "many hosts: each host's feeds reuse "
           "its connections", "reused on %s" % reused)
        # Nothing changed: every feed asks conditionally.
        del log.reqs[:]
        r = env.run()
        n304 = len([1 for q in log.reqs if q[4] == 304])
        ok(r.returncode == 0 and n304 == 48,
           "many hosts: the second refresh gets 48 304s", "%d" % n304)
    finally:
        hosts.stop()


def slow_hosts(base):
    """Two hosts answer after 3 s, four at once; the slow ones' feeds
    come first in the urls file. With the default limits the fast feeds
    are stored while the slow ones still wait."""
    log = Log()
    slow = ["127.0.0.8", "127.0.0.9"]
    fast = ["127.0.0.%d" % i for i in range(10, 14)]
    hosts = Hosts(log, [(a, 3.0) for a in slow] + [(a, 0) for a in fast])
    env = Env(base, "slow", "")
    slow_urls = ["http://%s:%d/s/%d" % (a, hosts.port, i)
                 for a in slow for i in range(4)]
    fast_urls = ["http://%s:%d/f/%d" % (a, hosts.port, i)
                 for a in fast for i in range(4)]
    with open(env.urls, "w") as f:
        f.write("\n".join(slow_urls + fast_urls) + "\n")
    try:
        t0 = time.monotonic()
        p = subprocess.Popen(env.cmd(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env.env())
        fast_done = fast_indexed = None
        while time.monotonic() - t0 < 30 and p.poll() is None:
            if fast_done is None and set(fast_urls) <= env.stored():
                fast_done = time.monotonic()
            if fast_done is not None and env.indexed() >= 48:
                fast_indexed = time.monotonic()
                break
            time.sleep(0.05)
        out, err = p.communicate(timeout=120)
        slow_ends = [e for h, _, _, e, _ in log.reqs if h in slow]
        first_slow = min(slow_ends) if slow_ends else float("inf")
        ok(fast_done is not None and fast_done < first_slow,
           "slow hosts: the fast hosts' 16 feeds are in the cache before "
           "any slow response ends",
           "fast stored at %s s, first slow response at %.2f s" % (
               "never" if fast_done is None else
               "%.2f" % (fast_done - t0), first_slow - t0))
        ok(fast_indexed is not None and fast_indexed < first_slow,
           "slow hosts: their 48 items are in the search index while the "
           "slow hosts are still awaited",
           "indexed at %s s, first slow response at %.2f s" % (
               "never" if fast_indexed is None else
               "%.2f" % (fast_indexed - t0), first_slow - t0))
        ok(p.returncode == 0 and env.stored() == set(slow_urls + fast_urls),
           "slow hosts: the slow feeds are stored too", out + err)
        # A slow http host's feeds wait for each other's answers only
        # beyond its cap (4): all eight are asked at once.
        starts = [a for h, _, a, _, _ in log.reqs if h in slow]
        ok(len(starts) == 8 and max(starts) < first_slow,
           "slow hosts: their 8 requests all start before the first "
           "answer", ["%.2f" % (a - t0) for a in sorted(starts)])
    finally:
        hosts.stop()


def trickling_hosts(base):
    """Three hosts send their bodies in a trickle over 3 s, twelve bodies
    in all, more than stream at once; four hosts answer at once. The
    trickles hold back none of the others."""
    log = Log()
    slow = ["127.0.0.14", "127.0.0.15", "127.0.0.16"]
    fast = ["127.0.0.%d" % i for i in range(17, 21)]
    hosts = Hosts(log, [(a, 0, 3.0) for a in slow] +
                  [(a, 0.3) for a in fast])
    env = Env(base, "trickle", "")
    slow_urls = ["http://%s:%d/t/%d" % (a, hosts.port, i)
                 for a in slow for i in range(4)]
    fast_urls = ["http://%s:%d/f/%d" % (a, hosts.port, i)
                 for a in fast for i in range(4)]
    with open(env.urls, "w") as f:
        f.write("\n".join(slow_urls + fast_urls) + "\n")
    try:
        t0 = time.monotonic()
        p = subprocess.Popen(env.cmd(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env.env())
        fast_done = None
        while time.monotonic() - t0 < 30 and p.poll() is None:
            if set(fast_urls) <= env.stored():
                fast_done = time.monotonic()
                break
            time.sleep(0.05)
        out, err = p.communicate(timeout=120)
        slow_ends = [e for h, _, _, e, _ in log.reqs if h in slow]
        first_slow = min(slow_ends) if slow_ends else float("inf")
        ok(fast_done is not None and fast_done < first_slow,
           "trickling bodies: the other hosts' 16 feeds are in the cache "
           "before any trickle ends",
           "stored at %s s, first trickle ended at %.2f s" % (
               "never" if fast_done is None else
               "%.2f" % (fast_done - t0), first_slow - t0))
        ok(p.returncode == 0 and env.stored() == set(slow_urls + fast_urls),
           "trickling bodies: the trickled feeds are stored too", out + err)
    finally:
        hosts.stop()


def main():
    if not all(loopback_ok("127.0.0.%d" % i) for i in (2, 20)):
        print("1..0 # SKIP no loopback addresses beyond 127.0.0.1")
        return 0
    print("1..15")
    base = tempfile.mkdtemp(prefix="tidings-net-")
    try:
        many_hosts(base)
        slow_hosts(base)
        trickling_hosts(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
