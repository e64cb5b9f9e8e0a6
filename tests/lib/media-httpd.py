#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 serving enclosures for the podcast tests.

  /media/NAME?size=N&rate=BPS   N bytes (default 3 MiB) that depend only on
                                NAME and N (media_bytes()), sent at BPS
                                bytes a second (default: as fast as it
                                can), as audio/mpeg; "Range: bytes=K-" is
                                honoured (206) unless ?norange=1
  /stall                        1000 of 1000000 bytes, then 30 s of nothing
  /feed/NAME                    DIR/NAME as application/rss+xml
  anything else                 404

Every request is logged to LOGFILE, one JSON object a line: path, range
(the Range header or null) and status.

Run as a program (media-httpd.py DIR LOGFILE): prints the port, runs
until killed. Import: start(dir, log) -> (server, port); server.shutdown()
to stop.
"""
import hashlib
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

_lock = threading.Lock()
_cache = {}


def media_bytes(name, size):
    """The content of /media/NAME?size=SIZE: a SHA-256 chain."""
    key = (name, size)
    with _lock:
        if key in _cache:
            return _cache[key]
    out = bytearray()
    block = hashlib.sha256(name.encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    data = bytes(out[:size])
    with _lock:
        _cache[key] = data
    return data


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        with _lock:
            with open(self.server.logfile, "a") as f:
                f.write(json.dumps({"path": self.path,
                                    "range": self.headers.get("Range"),
                                    "encoding": self.headers.get(
                                        "Accept-Encoding"),
                                    "status": status}) + "\n")

    def plain(self, status, body, ctype="text/plain"):
        self.log(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        u = urlsplit(self.path)
        q = parse_qs(u.query)
        if u.path.startswith("/feed/"):
            p = os.path.join(self.server.dir, os.path.basename(u.path))
            if os.path.exists(p):
                with open(p, "rb") as f:
                    return self.plain(200, f.read(), "application/rss+xml")
        if u.path == "/stall":
            # Headers and a little of the body, then nothing for 30 s.
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                self.wfile.write(b"x" * 1000)
                self.wfile.flush()
                time.sleep(30)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if not u.path.startswith("/media/"):
            return self.plain(404, b"not here\n")
        name = u.path[len("/media/"):]
        size = int(q.get("size", [3 << 20])[0])
        rate = int(q.get("rate", [0])[0])
        data = media_bytes(name, size)
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and "norange" not in q:
            start = int(rng[6:].split("-")[0])
            if start >= size:
                self.log(416)
                self.send_response(416)
                self.send_header("Content-Range", "bytes */%d" % size)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.log(206)
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d"
                             % (start, size - 1, size))
        else:
            self.log(200)
            self.send_response(200)
            self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "audio/mpeg")
        self.send_header("Content-Length", str(size - start))
        self.end_headers()
        chunk = 16384
        pos = start
        t0 = time.monotonic()
        try:
            while pos < size:
                self.wfile.write(data[pos:pos + chunk])
                pos += chunk
                if rate > 0:
                    wait = t0 + (pos - start) / rate - time.monotonic()
                    if wait > 0:
                        time.sleep(wait)
        except (BrokenPipeError, ConnectionResetError):
            pass


def start(dir, log):
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.dir = dir
    srv.logfile = log
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, srv.server_address[1]


if __name__ == "__main__":
    import sys
    srv, port = start(sys.argv[1], sys.argv[2])
    print(port, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
