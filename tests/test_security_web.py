"""Security of the dashboard over real HTTP (issue 8, part 5): no file outside its static folder,
oversized and malformed requests refused cleanly, bound to 127.0.0.1 unless told otherwise.

Requests are written byte for byte on a socket to a real ``dyadwatch serve`` process, because
HTTP clients (httpx, browsers) normalise "../" and percent-escapes before sending them.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_reliability_crash import env, write_corpus

pytestmark = pytest.mark.slow
pytest.importorskip("uvicorn")

WEB = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "web"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def raw_request(port: int, target: bytes, *, headers: bytes = b"", method: bytes = b"GET") -> tuple[int, bytes]:
    """Send one request exactly as given; return (status, body). Status 0: the server closed
    the connection without an answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers +
                  b"\r\n")
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except ConnectionResetError:  # the server refused to read further (a huge header, say)
            pass
    if not data:
        return 0, b""
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.fixture(scope="module")
def served(tmp_path_factory, nlp):
    from dyadwatch import Store, ingest_sources

    folder = tmp_path_factory.mktemp("secweb")
    corpus = write_corpus(folder / "corpus", 2, seed=41)
    db = folder / "sec.db"
    with Store(db) as store:
        ingest_sources(store, [str(corpus)], nlp=nlp, compare=False)
    port = _free_port()
    log = (folder / "serve.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env())
    deadline = time.monotonic() + 60
    while True:
        try:
            if raw_request(port, b"/")[0] == 200:
                break
        except OSError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "dyadwatch serve did not start"
        time.sleep(0.1)
    yield port, proc, log
    proc.terminate()
    proc.wait(timeout=30)


SECRET_MARKERS = [b"root:x:0:0", b"def make_app", b"{% block", b"{% extends", b"PATH=", b"import ", b"[core]"]
TRAVERSALS = [
    b"/static/../app.py", b"/static/../../dyadwatch/web/app.py", b"/static/../templates/base.html",
    b"/static/..%2fapp.py", b"/static/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", b"/static/%2e%2e/app.py",
    b"/static/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd", b"/static/%252e%252e/%252e%252e/etc/passwd",
    b"/static/..%252fapp.py", b"/static/....//....//etc/passwd", b"/static/..\\app.py", b"/static/..%5capp.py",
    b"/static/%5c..%5c..%5capp.py", b"/static//etc/passwd", b"/static/%2fetc%2fpasswd", b"/static/%2Fetc/passwd",
    b"/static/vendor/../../app.py", b"/static/vendor/%2e%2e/%2e%2e/app.py", b"/static/%c0%ae%c0%ae/app.py",
    b"/static/%e0%80%ae%e0%80%ae/app.py", b"/static/..%00/app.py", b"/static/app.css%00.html",
    b"/static/../../../../../../../../proc/self/environ", b"/static/../../../../../../../../etc/passwd",
    b"/../../../../../../etc/passwd", b"//etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd", b"/static/.git/config",
    b"http://127.0.0.1/static/../app.py", b"/static/~/.bashrc", b"/static/%7e/app.py", b"/static/.%2e/app.py",
    b"/static/..;/app.py", b"/static/app.py", b"/static/__init__.py",
]


@pytest.mark.parametrize("target", TRAVERSALS, ids=[t.decode("latin-1") for t in TRAVERSALS])
def test_security_static_serves_nothing_outside_its_folder(served, target: bytes) -> None:
    port, proc, _log = served
    status, body = raw_request(port, target)
    assert status in (0, 400, 404, 405), (target, status, body[:200])
    for marker in SECRET_MARKERS:
        assert marker not in body, (target, marker)
    assert proc.poll() is None


def test_security_static_serves_its_own_files(served) -> None:
    port, _proc, _log = served
    status, body = raw_request(port, b"/static/app.css")
    assert status == 200 and body == (WEB / "static" / "app.css").read_bytes()
    # a path that only looks odd but stays inside the folder is still that file
    assert raw_request(port, b"/static/vendor/../app.css") in ((200, body), (404, raw_request(port, b"/x")[1]))


MALFORMED = [
    (b"/events?" + b"q=a&" * 1100, (400, 414, 431)),              # query string over 4,096 bytes
    (b"/events?q=" + b"x" * 300, (400,)),                          # a search over 200 characters
    (b"/events?" + b"type=AGREE&" * 300, (200, 400)),          # repeatable, under the size limit
    (b"/events?page=" + b"9" * 50, (400,)),
    (b"/events?page=-1", (400,)), (b"/events?page=1.5", (400,)), (b"/events?per_page=100000", (400,)),
    (b"/events?since=2024-02-30", (400,)), (b"/events?since=%00", (400,)), (b"/events?actor=%ff%fe", (400,)),
    (b"/events?q=%ed%a0%80", (200, 400)), (b"/events?q=%", (200, 400)), (b"/events?%zz=1", (400,)),
    (b"/documents/" + b"a" * 5000, (400, 404)), (b"/documents/%00", (400, 404)),
    (b"/dyads/" + b"C" * 3000 + b"/RUS", (400,)), (b"/dyads/CHN/%3Cscript%3E", (400,)),
    (b"/" + b"x" * 20000, (400, 404, 414)),
    (b"/documents/0?hl=1-99999999999", (400, 404)), (b"/events?q=" + "中国".encode() * 10, (200, 400)),
]


@pytest.mark.parametrize("target,statuses", MALFORMED,
                         ids=[t.decode("latin-1")[:60] + (f"…({len(t)})" if len(t) > 60 else "") for t, _ in MALFORMED])
def test_security_oversized_and_malformed_parameters(served, target: bytes, statuses: tuple[int, ...]) -> None:
    port, proc, _log = served
    status, body = raw_request(port, target)
    assert status in statuses, (target[:80], status, body[:300])
    assert b"Traceback" not in body and b"Internal error" not in body
    if status == 400:
        # the dashboard names what was wrong; the HTTP server itself refuses bytes HTTP forbids
        assert b"Parameter" in body or b"parameter" in body or b"document id" in body or b"query string" in body \
            or body == b"Invalid HTTP request received.", body[:500]
    assert proc.poll() is None


def test_security_oversized_headers_and_methods(served) -> None:
    port, proc, log = served
    status, _ = raw_request(port, b"/", headers=b"X-Big: " + b"a" * 200_000 + b"\r\n")
    assert status in (0, 400, 413, 431)
    for method in (b"POST", b"PUT", b"DELETE", b"PATCH"):
        assert raw_request(port, b"/events", method=method)[0] == 405
    assert raw_request(port, b"/", headers=b"Host: evil.example\r\n")[0] in (200, 400)
    assert proc.poll() is None
    log.seek(0)
    assert "Traceback" not in log.read()


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port``, from /proc/net/tcp{,6}."""
    found = set()
    for name, width in (("tcp", 8), ("tcp6", 32)):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if int(port_hex, 16) == port and fields[3] == "0A":  # TCP_LISTEN
                found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]) if width == 8
                          else address)
    return found


def test_security_serve_binds_to_loopback_by_default(tmp_path: Path, nlp) -> None:
    if not Path("/proc/net/tcp").exists():
        pytest.skip("needs Linux /proc/net/tcp to see where the server listens")
    from dyadwatch import Store, ingest_sources

    corpus = write_corpus(tmp_path / "c", 1, seed=42)
    db = tmp_path / "bind.db"
    with Store(db) as store:
        ingest_sources(store, [str(corpus)], nlp=nlp, compare=False)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env(), text=True)
    try:
        deadline = time.monotonic() + 60
        while not _listening(port):
            assert proc.poll() is None and time.monotonic() < deadline, "dyadwatch serve did not start"
            time.sleep(0.1)
        assert _listening(port) == {"127.0.0.1"}
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert f"at http://127.0.0.1:{port}/" in out and "warning" not in out, out


def test_security_serve_warns_when_not_local(tmp_path: Path, nlp) -> None:
    """Any other --host is announced as reachable from other machines. 192.0.2.1 (TEST-NET-1,
    never assigned here) cannot be bound, so nothing listens and no packet is sent: the warning
    comes first, then a one-line error, no traceback."""
    from dyadwatch import Store, ingest_sources

    corpus = write_corpus(tmp_path / "c", 1, seed=43)
    db = tmp_path / "bind.db"
    with Store(db) as store:
        ingest_sources(store, [str(corpus)], nlp=nlp, compare=False)
    result = subprocess.run([sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--host", "192.0.2.1",
                             "--port", str(_free_port())], capture_output=True, text=True, env=env(), timeout=60)
    out = result.stdout + result.stderr
    assert "warning: listening on 192.0.2.1: the dashboard is reachable from other machines" in out, out
    assert result.returncode != 0 and "Traceback" not in out, out
