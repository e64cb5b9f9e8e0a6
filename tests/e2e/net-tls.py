#!/usr/bin/env python3
"""End-to-end tests of https feeds from a private certificate authority
(tls-ca-file), HTTP/2 multiplexing and TLS session reuse: a real nginx on
127.0.0.1 with a certificate from a CA the test makes with openssl, the
real binary, a real cache. Skips, saying so, where nginx or openssl is
missing. Prints TAP."""
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

TIDINGS = os.environ.get("TIDINGS", "tidings")
sys.path.insert(0, os.path.join(os.environ.get("TOP_SRCDIR", os.path.join(
    os.path.dirname(__file__), "..", "..")), "tests", "lib"))
from tap import ok, results  # noqa: E402,F401


def rss(title, n):
    items = "".join(
        "<item><guid>%s-%d</guid><title>%s item %d</title>"
        "<description>text %d</description></item>" % (title, i, title, i, i)
        for i in range(n))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            "<channel><title>%s</title><link>http://example.org/</link>"
            "<description>d</description>%s</channel></rss>\n" % (title,
                                                                 items))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def openssl(*args):
    subprocess.run(["openssl"] + list(args), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_pki(d):
    """A CA and a certificate for 127.0.0.1 that it signed."""
    ca, key = os.path.join(d, "ca.pem"), os.path.join(d, "ca.key")
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj",
            "/CN=tidings test CA", "-keyout", key, "-out", ca)
    skey, csr = os.path.join(d, "server.key"), os.path.join(d, "server.csr")
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
            "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", skey, "-out", csr)
    ext = os.path.join(d, "ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    cert = os.path.join(d, "server.pem")
    openssl("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", key,
            "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", cert)
    return ca, cert, skey


def start_nginx(d, root, cert, key):
    """One nginx: HTTP/2 on one port; on another HTTP/1.1 that closes
    every connection after one request. Returns (proc, h2port, h1port)."""
    h2, h1 = free_port(), free_port()
    for sub in ("logs", "tmp"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    conf = os.path.join(d, "nginx.conf")
    tmp = os.path.join(d, "tmp")
    with open(conf, "w") as f:
        f.write("""
worker_processes 1;
daemon off;
pid %(d)s/nginx.pid;
error_log %(d)s/logs/error.log;
events { worker_connections 256; }
http {
    client_body_temp_path %(tmp)s/body;
    proxy_temp_path %(tmp)s/proxy;
    fastcgi_temp_path %(tmp)s/fastcgi;
    uwsgi_temp_path %(tmp)s/uwsgi;
    scgi_temp_path %(tmp)s/scgi;
    log_format t '$server_port $server_protocol $connection $status '
                 '$ssl_session_reused $request_uri';
    access_log %(d)s/logs/access.log t;
    types { application/rss+xml xml; }
    etag on;
    ssl_certificate %(cert)s;
    ssl_certificate_key %(key)s;
    ssl_session_cache shared:t:1m;
    server {
        listen 127.0.0.1:%(h2)d ssl http2;
        root %(root)s;
    }
    server {
        listen 127.0.0.1:%(h1)d ssl;
        keepalive_requests 1;
        root %(root)s;
    }
}
""" % {"d": d, "tmp": tmp, "cert": cert, "key": key, "h2": h2, "h1": h1,
       "root": root})
    proc = subprocess.Popen(["nginx", "-p", d, "-c", conf],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", h1), 0.2).close()
            socket.create_connection(("127.0.0.1", h2), 0.2).close()
            return proc, h2, h1
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    proc.kill()
    return None, h2, h1


class Env:
    def __init__(self, base, name, config):
        self.dir = os.path.join(base, name)
        os.makedirs(self.dir)
        self.urls = os.path.join(self.dir, "urls")
        self.cache = os.path.join(self.dir, "cache.db")
        self.config = os.path.join(self.dir, "config")
        with open(self.config, "w") as f:
            f.write("fulltext no\ndownload-timeout 30\n" + config)

    def run(self, urls):
        with open(self.urls, "w") as f:
            f.write("\n".join(urls) + "\n")
        env = dict(os.environ)
        env["HOME"] = self.dir
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                  "ALL_PROXY", "all_proxy", "SSL_CERT_FILE",
                  "CURL_CA_BUNDLE"):
            env.pop(k, None)
        return subprocess.run([TIDINGS, "-r", "-u", self.urls, "-c",
                               self.cache, "-C", self.config],
                              stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, env=env, timeout=60)

    def stored(self):
        c = sqlite3.connect(self.cache)
        try:
            return {r[0] for r in c.execute(
                "SELECT f.url FROM feeds f WHERE EXISTS (SELECT 1 FROM "
                "items i WHERE i.feed_id = f.id)")}
        finally:
            c.close()


def log_lines(d, port):
    """(protocol, connection, status, reused) of the requests on port."""
    out = []
    with open(os.path.join(d, "logs", "access.log")) as f:
        for ln in f:
            w = ln.split()
            if len(w) >= 6 and w[0] == str(port):
                out.append((w[1], w[2], w[3], w[4]))
    return out


def main():
    missing = [t for t in ("nginx", "openssl") if shutil.which(t) is None]
    if missing:
        print("1..0 # SKIP %s not installed (contrib/install-deps.sh)"
              % " and ".join(missing))
        return 0
    base = tempfile.mkdtemp(prefix="tidings-tls-")
    # nginx's worker, run by root, is another user: it reads the files.
    os.chmod(base, 0o755)
    proc = None
    try:
        pki = os.path.join(base, "pki")
        os.makedirs(pki)
        ca, cert, key = make_pki(pki)
        root = os.path.join(base, "www")
        os.makedirs(root)
        for i in range(6):
            with open(os.path.join(root, "f%d.xml" % i), "w") as f:
                f.write(rss("Feed %d" % i, 3))
        # Larger ones, more than stream at once: some wait paused.
        for i in range(24):
            with open(os.path.join(root, "b%d.xml" % i), "w") as f:
                f.write(rss("Big %d %s" % (i, "x" * 2000), 400))
        ng = os.path.join(base, "nginx")
        proc, h2, h1 = start_nginx(ng, root, cert, key)
        if proc is None:
            print("1..0 # SKIP nginx did not start")
            return 0
        print("1..9")
        urls2 = ["https://127.0.0.1:%d/f%d.xml" % (h2, i) for i in range(6)]
        urls1 = ["https://127.0.0.1:%d/f%d.xml" % (h1, i) for i in range(6)]

        # The system's store does not know the test's CA.
        plain = Env(base, "plain", "")
        r = plain.run(urls2[:1])
        ok(r.returncode == 1 and urls2[0] in r.stderr and
           "certificate" in r.stderr.lower(),
           "without tls-ca-file the private CA's server is refused, with "
           "the URL and why", r.stderr)

        e = Env(base, "h2", "tls-ca-file %s\n" % ca)
        r = e.run(urls2)
        ok(r.returncode == 0 and e.stored() == set(urls2),
           "tls-ca-file: the six https feeds are stored", r.stderr)
        lines = log_lines(ng, h2)
        ok(len(lines) == 6 and all(p == "HTTP/2.0" for p, _, _, _ in lines),
           "HTTP/2: every request went over HTTP/2", lines)
        conns = {c for _, c, _, _ in lines}
        ok(len(conns) == 1, "HTTP/2: the six transfers shared one "
           "connection (%d)" % len(conns), lines)
        r = e.run(urls2)
        lines = log_lines(ng, h2)[6:]
        ok(r.returncode == 0 and len(lines) == 6 and
           all(s == "304" for _, _, s, _ in lines),
           "HTTP/2: the second refresh asks conditionally, six 304s", lines)

        # 24 streams on one connection, most of them paused at first
        # while eight bodies stream: all arrive, whole.
        big = ["https://127.0.0.1:%d/b%d.xml" % (h2, i) for i in range(24)]
        e5 = Env(base, "h2big", "tls-ca-file %s\n"
                 "max-connections-per-host 24\n" % ca)
        r = e5.run(big)
        c = sqlite3.connect(e5.cache)
        counts = [n for n, in c.execute(
            "SELECT count(*) FROM items GROUP BY feed_id")]
        c.close()
        lines = log_lines(ng, h2)[12:]
        ok(r.returncode == 0 and e5.stored() == set(big) and
           counts == [400] * 24 and len({x[1] for x in lines}) == 1,
           "HTTP/2: 24 large feeds on one connection, paused and resumed "
           "streams among them, all stored whole", r.stderr + str(counts))

        # A ~/ path is the home directory's.
        shutil.copy(ca, os.path.join(base, "home-ca.pem"))
        e3 = Env(base, "tilde", "tls-ca-file ~/ca.pem\n")
        shutil.copy(ca, os.path.join(e3.dir, "ca.pem"))
        r = e3.run(urls2[:2])
        ok(r.returncode == 0 and e3.stored() == set(urls2[:2]),
           "tls-ca-file ~/ca.pem is read from the home directory", r.stderr)

        # One request a connection: the later connections resume the TLS
        # session of the first instead of a full handshake.
        e4 = Env(base, "h1", "tls-ca-file %s\nmax-connections-per-host 1\n"
                 % ca)
        r = e4.run(urls1)
        lines = log_lines(ng, h1)
        ok(r.returncode == 0 and e4.stored() == set(urls1) and
           len({c for _, c, _, _ in lines}) == 6,
           "HTTP/1.1, one request a connection: six connections", lines)
        reused = [x for _, _, _, x in lines if x == "r"]
        ok(len(reused) >= 4, "TLS sessions are resumed across transfers "
           "(%d of 6 connections)" % len(reused), lines)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(base, ignore_errors=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
