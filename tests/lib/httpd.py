#!/usr/bin/env python3
"""A small HTTP server on 127.0.0.1 for the end-to-end tests of tidings.

Serves feed files from a directory and a set of misbehaving endpoints, and
logs every request (one JSON object a line) so that tests can check what
tidings sent.

  /feed/NAME        DIR/NAME with ETag and Last-Modified, 304 on a match;
                    gzip when the client accepts it and ?gzip=1;
                    ?enc=gzip|deflate|rawdeflate (zlib-wrapped or raw
                    deflate) when accepted; ?enc=cut: gzip cut in half;
                    ?enc=br: says br, sends it plain; ?enc=bogus: says
                    "utf-8", sends it plain;
                    ?maxage=N adds Cache-Control: max-age=N
  /status/CODE      that status with a short body
  /slow             headers, then nothing for 30 s
  /loop             redirects to itself via /loop2, forever
  /moved/NAME       301 to /feed/NAME
  /busy             429 with Retry-After: 3600
  /big?size=N       a well-formed feed of N bytes (default 4 MiB)
  /bomb             a gzip body of 50 MB of spaces (tiny on the wire)
  /page/NAME        DIR/NAME as a web page: text/html (or application/json
                    for .json), with ?charset=CS in the Content-Type
  /NAME             DIR/root/NAME as a feed when that file exists (a
                    site's /rss.xml, /feed, ...)

Run as a program: prints the port on its first line, runs until killed.
    httpd.py DIR LOGFILE
Import: start(dir, log) -> (server, port); server.shutdown() to stop.
"""
import email.utils
import gzip
import hashlib
import json
import os
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

_bomb = None
_lock = threading.Lock()


def _bomb_body():
    """50 MB of spaces gzipped to about 50 kB, made once."""
    global _bomb
    if _bomb is None:
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        chunk = b" " * (1024 * 1024)
        parts = [z.compress(b"<rss>")]
        parts += [z.compress(chunk) for _ in range(50)]
        parts.append(z.flush())
        _bomb = b"".join(parts)
    return _bomb


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def _log(self, status, **extra):
        rec = {"path": self.path, "status": status,
               "inm": self.headers.get("If-None-Match"),
               "ims": self.headers.get("If-Modified-Since"),
               "ua": self.headers.get("User-Agent"),
               "ae": self.headers.get("Accept-Encoding"),
               "auth": self.headers.get("Authorization"),
               "t": time.time()}
        rec.update(extra)
        with _lock:
            with open(self.server.logfile, "a") as f:
                f.write(json.dumps(rec) + "\n")

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        parts = u.path.strip("/").split("/")
        name = parts[0]
        if name == "feed" and len(parts) == 2:
            return self._feed(parts[1], q)
        if name == "page" and len(parts) == 2:
            return self._page(parts[1], q)
        if name == "status" and len(parts) == 2:
            code = int(parts[1])
            self._log(code)
            return self._send(code, b"nope\n",
                              [("Content-Type", "text/plain")])
        if name == "slow":
            self._log(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<rss>")
            self.wfile.flush()
            time.sleep(30)
            return
        if name in ("loop", "loop2"):
            self._log(302)
            other = "/loop2" if name == "loop" else "/loop"
            return self._send(302, b"", [("Location", other)])
        if name == "moved" and len(parts) == 2:
            self._log(301)
            return self._send(301, b"", [("Location", "/feed/" + parts[1])])
        if name == "busy":
            self._log(429)
            return self._send(429, b"slow down\n", [("Retry-After", "3600")])
        if name == "big":
            size = int(q.get("size", [str(4 << 20)])[0])
            head = b'<?xml version="1.0"?><rss version="2.0"><channel>' \
                b"<title>big</title><description>"
            tail = b"</description></channel></rss>"
            body = head + b"x" * max(0, size - len(head) - len(tail)) + tail
            self._log(200)
            return self._send(200, body,
                              [("Content-Type", "application/rss+xml")])
        if name == "bomb":
            self._log(200, encoded="gzip")
            return self._send(200, _bomb_body(),
                              [("Content-Type", "application/rss+xml"),
                               ("Content-Encoding", "gzip")])
        # A site's usual feed places (/rss.xml ...): DIR/root/NAME.
        if len(parts) == 1 and name and os.path.isfile(
                os.path.join(self.server.root, "root", name)):
            return self._feed(os.path.join("root", name), q)
        self._log(404)
        self._send(404, b"no such thing\n")

    def _page(self, fname, q):
        try:
            with open(os.path.join(self.server.root, fname), "rb") as f:
                body = f.read()
        except OSError:
            self._log(404)
            return self._send(404, b"no such page\n")
        ctype = "application/json" if fname.endswith(".json") \
            else "text/html"
        if "charset" in q:
            ctype += "; charset=" + q["charset"][0]
        self._log(200)
        self._send(200, body, [("Content-Type", ctype)])

    def _feed(self, fname, q):
        path = os.path.join(self.server.root, fname)
        try:
            with open(path, "rb") as f:
                body = f.read()
            mtime = os.stat(path).st_mtime
        except OSError:
            self._log(404)
            return self._send(404, b"no such feed\n")
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        lm = email.utils.formatdate(mtime, usegmt=True)
        headers = [("ETag", etag), ("Last-Modified", lm),
                   ("Content-Type", "application/rss+xml; charset=utf-8")]
        if "maxage" in q:
            headers.append(("Cache-Control", "max-age=" + q["maxage"][0]))
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = etag in [t.strip() for t in inm.split(",")]
        elif ims is not None:
            try:
                fresh = email.utils.parsedate_to_datetime(ims).timestamp() \
                    >= int(mtime)
            except (TypeError, ValueError):
                fresh = False
        if fresh:
            self._log(304)
            return self._send(304, b"", headers)
        encoded = None
        ae = self.headers.get("Accept-Encoding") or ""
        enc = q.get("enc", ["gzip" if q.get("gzip") == ["1"] else ""])[0]
        if enc == "gzip" and "gzip" in ae:
            body = gzip.compress(body)
            encoded = "gzip"
        elif enc == "deflate" and "deflate" in ae:
            body = zlib.compress(body)
            encoded = "deflate"
        elif enc == "rawdeflate" and "deflate" in ae:
            c = zlib.compressobj(wbits=-15)
            body = c.compress(body) + c.flush()
            encoded = "deflate"
        elif enc == "cut":
            body = gzip.compress(body)
            body = body[:len(body) // 2]
            encoded = "gzip"
        elif enc in ("br", "bogus"):
            # br never asked for; "bogus" (an unknown word) is no coding
            encoded = {"br": "br", "bogus": "utf-8"}[enc]
        if encoded is not None:
            headers.append(("Content-Encoding", encoded))
        self._log(200, encoded=encoded)
        self._send(200, body, headers)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients that give up (timeouts, size caps) are expected here.
        if not isinstance(sys.exc_info()[1], (ConnectionError, OSError)):
            super().handle_error(request, client_address)


def start(root, logfile):
    # Compress the bomb before serving: doing it on the first request takes
    # longer than the tests' download timeout on a loaded machine.
    _bomb_body()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.root = root
    srv.logfile = logfile
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return srv, srv.server_address[1]


if __name__ == "__main__":
    srv, port = start(sys.argv[1], sys.argv[2])
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
