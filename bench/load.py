"""Load test of the dashboard: concurrent clients against a real ``dyadwatch serve`` on 127.0.0.1.

Starts ``dyadwatch serve`` (uvicorn, one worker process per core unless ``--workers N``) over the
synthetic store of ``bench/web_pages.py`` and runs CLIENTS concurrent HTTP clients (one keep-alive
HTTP/1.1 connection each, plain asyncio streams in this process: see ``Connection``) for SECONDS,
each requesting pages one after another from a fixed mix: the overview, dyad pages, documents,
lists with search, facets and deep pages, and CSV downloads. Reports
requests per second, latency percentiles and every error (any status but 200, any failed
request). The loop is bounded in time and in requests and talks only to 127.0.0.1.

    .venv/bin/python bench/load.py                      # 50 clients, 60 s, 100,000-event store
    .venv/bin/python bench/load.py --short              # 8 clients, 5 s, 5,000 events (tests, CI)
    .venv/bin/python bench/load.py --clients 20 --seconds 30
    .venv/bin/python bench/load.py --workers 1          # one server process

Exit code 1 when any request failed. Results go to bench/results/load.json (or --json).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import web_pages  # noqa: E402  (the synthetic store and its page list)

from dyadwatch.store import Store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def url_mix(path: Path, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, url) pairs the clients draw from: web_pages' pages plus documents and deep pages."""
    mix = [(name.split(" (")[0], url) for name, url in web_pages.pages(path)]
    store = Store(path, readonly=True)
    try:
        doc_ids = [r[0] for r in store.execute("SELECT id FROM documents ORDER BY random() LIMIT 40")]
        events = store.execute("SELECT count(*) FROM events")[0][0]
    finally:
        store.close()
    mix += [("document", f"/documents/{d}") for d in doc_ids[:20]]
    mix += [("events deep page", f"/events?page={rng.randint(1, max(1, events // 50))}") for _ in range(5)]
    mix += [("document search", f"/documents?q={w}") for w in ("pipeline", "grain", "tariffs", "energy")]
    return mix


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) used so far by process ``pid`` and its live children (the
    uvicorn workers), from /proc; None where there is no /proc."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ticks = 0
        for p in [pid, *map(int, children)]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(round(q * (len(sorted_values) - 1))))]


class HTTPError(Exception):
    """A request that got no complete HTTP/1.1 response (connection refused, closed, cut, timed out)."""


class Connection:
    """One keep-alive HTTP/1.1 connection to the server, as a browser tab holds one: GET requests
    one after another, each response read whole (Content-Length or chunked). A plain asyncio
    stream client rather than httpx, whose per-request work (request and response models, header
    objects, pools) cost the load generator twice the server's CPU per request on the same cores,
    so that the figures measured the generator as much as the dashboard."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str) -> tuple[int, bytes]:
        """(status, body) of GET ``url``; reconnects when the server closed the connection."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.reader, self.writer
        assert reader is not None
        writer.write(f"GET {url} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("latin-1"))
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            status = int(lines[0].split(b" ", 2)[1])
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip().lower()
            if b"content-length" in headers:
                body = await reader.readexactly(int(headers[b"content-length"]))
            elif headers.get(b"transfer-encoding") == b"chunked":
                parts = []
                while True:
                    size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
                    if size == 0:
                        while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers, then the blank line
                            pass
                        break
                    parts.append((await reader.readexactly(size + 2))[:-2])
                body = b"".join(parts)
            else:
                raise HTTPError(f"response without Content-Length or chunked body: {head[:200]!r}")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as exc:
            self.close()
            raise HTTPError(f"{type(exc).__name__}: {exc}") from exc
        except BaseException:
            self.close()
            raise
        if headers.get(b"connection") == b"close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run_clients(base: str, mix: list[tuple[str, str]], *, clients: int, seconds: float, seed: int,
                      max_requests: int, timeout: float) -> dict[str, Any]:
    host, port = base.removeprefix("http://").rsplit(":", 1)
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    count = 0

    async def client(i: int) -> None:
        nonlocal count
        rng = random.Random(seed * 1000 + i)
        conn = Connection(host, int(port))
        try:
            while time.monotonic() < deadline and count < max_requests:
                kind, url = rng.choice(mix)
                count += 1
                t0 = time.perf_counter()
                try:
                    async with asyncio.timeout(timeout):
                        status, body = await conn.get(url)
                    ok = status == 200
                    if not ok:
                        errors.append(f"{url}: HTTP {status} {body[:120]!r}")
                except (HTTPError, OSError, TimeoutError) as exc:
                    conn.close()
                    cause = exc.__cause__ or exc.__context__
                    errors.append(f"{url}: {type(exc).__name__}: {exc}" + (f" ({cause!r})" if cause else "") +
                                  f" after {time.perf_counter() - t0:.2f} s")
                    ok = False
                took = (time.perf_counter() - t0) * 1000
                if ok:
                    latencies.append(took)
                    by_kind.setdefault(kind, []).append(took)
        finally:
            conn.close()

    started = time.monotonic()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies) + len(errors),
        "ok": len(latencies), "errors": len(errors), "error_samples": errors[:20],
        "rps": round((len(latencies) + len(errors)) / elapsed, 1),
        "latency_ms": {"p50": round(percentile(latencies, 0.50), 1), "p90": round(percentile(latencies, 0.90), 1),
                       "p95": round(percentile(latencies, 0.95), 1), "p99": round(percentile(latencies, 0.99), 1),
                       "max": round(latencies[-1], 1) if latencies else 0.0,
                       "mean": round(statistics.fmean(latencies), 1) if latencies else 0.0},
        "by_page": {k: {"n": len(v), "p50": round(statistics.median(v), 1),
                        "p95": round(percentile(sorted(v), 0.95), 1)} for k, v in sorted(by_kind.items())},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short", action="store_true", help="8 clients, 5 s, a 5,000-event store (for tests and CI)")
    ap.add_argument("--db", default=None, help="store to serve (built by bench/web_pages.py when missing)")
    ap.add_argument("--events", type=int, default=None)
    ap.add_argument("--documents", type=int, default=None)
    ap.add_argument("--clients", type=int, default=None)
    ap.add_argument("--seconds", type=float, default=None)
    ap.add_argument("--max-requests", type=int, default=1_000_000, help="stop after this many requests")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before one request counts as failed")
    ap.add_argument("--workers", type=int, default=None, help="server processes (default: serve's, one per core)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--json", default=str(ROOT / "bench" / "results" / "load.json"))
    args = ap.parse_args()
    short = args.short
    events = args.events or (5_000 if short else 100_000)
    documents = args.documents or (100 if short else 2_000)
    clients = args.clients or (8 if short else 50)
    seconds = args.seconds or (5.0 if short else 60.0)
    db = Path(args.db or ROOT / "out" / ("bench-load-short.db" if short else "bench-web.db"))
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        t0 = time.perf_counter()
        web_pages.build(db, n_events=events, n_docs=documents)
        print(f"built {db} ({events:,} events, {documents:,} documents) in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    store = Store(db, readonly=True)
    counts = {t: store.execute(f"SELECT count(*) FROM {t}")[0][0] for t in ("documents", "events")}
    store.close()
    mix = url_mix(db, random.Random(args.seed))

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DYADWATCH_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    workers = ["--workers", str(args.workers)] if args.workers else []
    server = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port),
                               *workers], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=5, trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                print("dyadwatch serve did not start:\n" + (server.stdout.read() if server.stdout else ""),
                      file=sys.stderr)
                return 1
            time.sleep(0.1)
        for _kind, url in mix:  # warm: first visits build the caches a long-running dashboard has
            httpx.get(base + url, timeout=args.timeout, trust_env=False)
        server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
        result = asyncio.run(run_clients(base, mix, clients=clients, seconds=seconds, seed=args.seed,
                                         max_requests=args.max_requests, timeout=args.timeout))
        # CPU per request, of the server (all its workers) and of this load generator: unlike the
        # latencies, not inflated when other processes share the cores
        after = cpu_seconds(server.pid)
        result["server_cpu_ms_per_request"] = (round((after - server_cpu) * 1000 / max(1, result["requests"]), 2)
                                               if after is not None and server_cpu is not None else None)
        result["client_cpu_ms_per_request"] = round((time.process_time() - client_cpu) * 1000
                                                    / max(1, result["requests"]), 2)
        try:
            result["load_average"] = [round(x, 1) for x in os.getloadavg()]
        except OSError:
            pass
    finally:
        server.terminate()
        try:
            out, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            out, _ = server.communicate()
    result.update({"store": counts, "db": str(db), "short": short, "server_log_tracebacks": out.count("Traceback"),
                   "workers": args.workers or "default (one per core)",
                   "machine": {"cpus": os.cpu_count()}})
    lat = result["latency_ms"]
    print(f"store: {counts['events']:,} events, {counts['documents']:,} documents; {clients} clients for "
          f"{result['seconds']} s")
    print(f"{result['requests']:,} requests, {result['rps']} requests/s, errors {result['errors']}; latency ms "
          f"p50 {lat['p50']}, p90 {lat['p90']}, p95 {lat['p95']}, p99 {lat['p99']}, max {lat['max']}")
    print(f"CPU per request: server {result['server_cpu_ms_per_request']} ms, load generator "
          f"{result['client_cpu_ms_per_request']} ms; load average {result.get('load_average')}")
    for sample in result["error_samples"]:
        print("  error: " + sample)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2))
    return 1 if result["errors"] or result["server_log_tracebacks"] else 0


if __name__ == "__main__":
    sys.exit(main())
