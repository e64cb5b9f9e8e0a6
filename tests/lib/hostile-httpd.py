#!/usr/bin/env python3
"""A misbehaving HTTP server on 127.0.0.1 for the hardening tests of
tidings (python3 stdlib, one thread per connection).

  /feed/NAME          a good RSS feed (5 items named after NAME)
  /gen/N              good feed N of the current generation K (set
                      hostile_httpd.generation): items 0..2K+1, so each
                      generation adds items and drops none; 1 KiB of
                      text per item (crash safety: refreshes that take
                      time)
  /next-generation    adds one to the generation (for the program form)
  /trickle            a feed, one byte a second
  /endless            200, no length, body bytes forever (fast)
  /huge-length        Content-Length: 1 TiB, a few bytes, then a stall
  /stall              headers, then nothing
  /loop?n=N           302 to /loop?n=N+1, forever
  /bomb               gzip: 512 MiB of spaces decompressed (~0.5 MiB sent)
  /badgzip            Content-Encoding: gzip with a body that is not gzip
  /status/CODE        that status; 429 and 503 carry Retry-After: 3600
  /endless-headers    200, then header lines forever (fast)
  /not-http           bytes that are not an HTTP response at all
  /cut                a feed cut off in the middle (Content-Length lies)

Stalls last at most STALL seconds (default 30) so that the server can
always be shut down; a client that hangs up ends its handler.

Run as a program: prints the port on its first line, runs until killed.
    hostile-httpd.py
Import: start() -> (server, port); stop(server) to stop.
Also: refused_port() gives a port on 127.0.0.1 where nothing listens.
"""
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

STALL = 30
generation = 0
_stop = threading.Event()
_bomb = None
_bomb_lock = threading.Lock()


def feed(name, n, pad=0):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0"><channel><title>%s</title>' % name,
           "<link>http://example.org/%s</link>"
           "<description>d</description>" % name]
    for i in range(n):
        out.append("<item><guid>%s-%d</guid><title>%s item %d</title>"
                   "<link>http://example.org/%s/%d</link>"
                   "<pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate>"
                   "<description>text of %s %d%s</description></item>"
                   % (name, i, name, i, name, i, name, i, " pad" * pad))
    out.append("</channel></rss>\n")
    return "\n".join(out).encode()


def bomb_body():
    """A gzip member of 512 MiB of spaces, built without compressing
    512 MiB: one full-flushed deflate block of 1 MiB repeated (a full
    flush makes each copy independent of the ones before)."""
    global _bomb
    with _bomb_lock:
        if _bomb is not None:
            return _bomb
        mib = b" " * (1 << 20)
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        block = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
        copies = 512
        crc = 0
        for _ in range(copies):
            crc = zlib.crc32(mib, crc)
        end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        trailer = (crc & 0xffffffff).to_bytes(4, "little") + \
            ((copies << 20) & 0xffffffff).to_bytes(4, "little")
        _bomb = header + block * copies + end + trailer
        return _bomb


def stall(seconds=None):
    _stop.wait(STALL if seconds is None else seconds)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def _send(self, code, body, ctype="application/rss+xml", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    def _route(self):
        global generation
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        parts = u.path.strip("/").split("/")
        if parts[0] == "feed" and len(parts) == 2:
            self._send(200, feed(parts[1], 5))
        elif parts[0] == "gen" and len(parts) == 2:
            self._send(200, feed("f" + parts[1], 2 * generation + 2, 250))
        elif parts[0] == "next-generation":
            generation += 1
            self._send(200, b"%d\n" % generation, "text/plain")
        elif parts[0] == "trickle":
            body = feed("trickle", 3)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(min(len(body), STALL)):
                if _stop.is_set():
                    break
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                stall(1)
            self.close_connection = True
        elif parts[0] == "endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b'<?xml version="1.0"?><rss><channel>')
            chunk = b"<!-- " + b"x" * 65536 + b" -->"
            t0 = time.time()
            while not _stop.is_set() and time.time() - t0 < STALL:
                self.wfile.write(chunk)
            self.close_connection = True
        elif parts[0] == "huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(1 << 40))
            self.end_headers()
            self.wfile.write(b'<?xml version="1.0"?><rss>')
            self.wfile.flush()
            stall()
            self.close_connection = True
        elif parts[0] == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            stall()
            self.close_connection = True
        elif parts[0] == "loop":
            n = int(q.get("n", ["0"])[0])
            self.send_response(302)
            self.send_header("Location", "/loop?n=%d" % (n + 1))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts[0] == "bomb":
            self._send(200, bomb_body(),
                       extra=[("Content-Encoding", "gzip")])
        elif parts[0] == "badgzip":
            body = b"\x1f\x8b\x08\x00" + b"this is not deflate data" * 64
            self._send(200, body, extra=[("Content-Encoding", "gzip")])
        elif parts[0] == "endless-headers":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.flush_headers()
            t0 = time.time()
            i = 0
            while not _stop.is_set() and time.time() - t0 < STALL:
                self.wfile.write(b"X-Filler-%d: %s\r\n" % (i, b"y" * 1000))
                i += 1
            self.close_connection = True
        elif parts[0] == "not-http":
            self.wfile.write(b"\x00\x1b[2J\x1b]0;pwned\x07garbage\r\n" * 64)
            self.close_connection = True
        elif parts[0] == "cut":
            body = feed("cut", 50)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.close_connection = True
        elif parts[0] == "status" and len(parts) == 2:
            code = int(parts[1])
            extra = []
            if code in (429, 503):
                extra.append(("Retry-After", "3600"))
            self._send(code, b"status %d\n" % code, "text/plain", extra)
        else:
            self._send(404, b"no such endpoint\n", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        # Clients that hang up are what this server is for; say nothing.
        if not isinstance(sys.exc_info()[1], (ConnectionError,
                                              TimeoutError)):
            super().handle_error(request, client_address)


def start():
    _stop.clear()
    srv = Server(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return srv, srv.server_address[1]


def stop(srv):
    _stop.set()
    srv.shutdown()
    srv.server_close()


def refused_port():
    """A port of 127.0.0.1 that was free a moment ago: connecting to it is
    refused (nothing listens)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


if __name__ == "__main__":
    srv, port = start()
    print(port, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    stop(srv)
    sys.exit(0)
