#!/usr/bin/env python3
"""A TCP proxy on loopback that adds network latency, for the benchmarks
(the kernel here has no netem).

Listens on PORT at each of the addresses FIRST..LAST (127.0.0.x: distinct
hosts to a client) and forwards every connection to UPSTREAM (host:port),
byte for byte, so TLS passes through end to end. Each new connection pays
one round trip before anything moves (the TCP handshake), and every chunk
is held for half a round trip in each direction; chunks are delayed, not
serialised, so a stream keeps its throughput and pays the latency once.

usage: latency-proxy.py RTT_MS PORT UPSTREAM FIRST LAST
  e.g. latency-proxy.py 100 8080 127.0.0.1:8443 127.0.0.2 127.0.0.101
Prints "ready" once every address listens; runs until killed.
"""
import asyncio
import ipaddress
import sys
import time


async def pump(reader, writer, delay):
    """Copy reader to writer, each chunk delay seconds late."""
    q = asyncio.Queue()

    async def read():
        try:
            while True:
                b = await reader.read(65536)
                await q.put((time.monotonic() + delay, b))
                if not b:
                    return
        except (ConnectionError, OSError):
            await q.put((0, b""))

    async def write():
        try:
            while True:
                due, b = await q.get()
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not b:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(b)
                await writer.drain()
        except (ConnectionError, OSError):
            return

    await asyncio.gather(read(), write())


async def handle(rtt, upstream, creader, cwriter):
    host, port = upstream
    # The handshake: SYN, SYN-ACK before the client's first byte counts.
    await asyncio.sleep(rtt)
    try:
        ureader, uwriter = await asyncio.open_connection(host, port)
    except OSError:
        cwriter.close()
        return
    try:
        await asyncio.gather(pump(creader, uwriter, rtt / 2),
                             pump(ureader, cwriter, rtt / 2))
    finally:
        for w in (uwriter, cwriter):
            try:
                w.close()
            except OSError:
                pass


async def main():
    rtt = float(sys.argv[1]) / 1000.0
    port = int(sys.argv[2])
    uhost, uport = sys.argv[3].rsplit(":", 1)
    first = ipaddress.IPv4Address(sys.argv[4])
    last = ipaddress.IPv4Address(sys.argv[5])
    servers = []
    a = first
    while a <= last:
        servers.append(await asyncio.start_server(
            lambda r, w: handle(rtt, (uhost, int(uport)), r, w),
            str(a), port, backlog=1024, reuse_address=True))
        a += 1
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
