"""The dashboard: a plain Starlette app over one dyadwatch database, read-only.

    from dyadwatch.web import make_app
    app = make_app("news.db")          # any ASGI server can run it; `dyadwatch serve` uses uvicorn

``dyadwatch serve`` runs one worker process per CPU core (``--workers N``); each builds its own
app through ``app_from_environment`` with its own read-only connections and page caches.

Pages are rendered by Jinja2 with autoescaping on; every script and style sheet is served from
``static/`` (nothing is loaded from another server, and the Content-Security-Policy says so to
the browser); bad parameters get a 400 page that says what was wrong, unknown ids a 404 page.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError
from dyadwatch.web import params as P
from dyadwatch.web.data import NotFound, document_label, figure_text
from dyadwatch.web.db import ReadPool, Warmer

logger = logging.getLogger("dyadwatch.web")

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

#: the page may load scripts, styles, images and data from this server only
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def make_templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,  # every {{ value }} is HTML-escaped; article text is untrusted
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: "–" if v is None else f"{v:,}" if isinstance(v, int) else f"{v:,.2f}"
    env.filters["signed"] = lambda v: "–" if v is None else f"{v:+.2f}"
    env.filters["short"] = lambda v: (v or "")[:8]
    env.filters["pct"] = lambda v: "–" if v is None else f"{v * 100:.0f}%"
    env.filters["figure"] = figure_text
    env.globals["doc_label"] = document_label
    env.globals["version"] = __version__
    env.globals["static"] = _static_url
    return env


_STATIC_HASHES: dict[tuple[str, int], str] = {}


def _static_url(path: str) -> str:
    """``/static/app.css?v=<first 10 hex digits of its sha256>``: a changed file gets a new URL, so
    the browser may keep every static file without asking again (see ``Guard``)."""
    file = STATIC_DIR / path
    mtime = file.stat().st_mtime_ns
    digest = _STATIC_HASHES.get((path, mtime))
    if digest is None:
        digest = _STATIC_HASHES[(path, mtime)] = hashlib.sha256(file.read_bytes()).hexdigest()[:10]
    return f"/static/{path}?v={digest}"


class Guard:
    """Adds the security headers to every response and refuses oversized query strings."""

    def __init__(self, app: ASGIApp, render_error: Any) -> None:
        self.app = app
        self.render_error = render_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        extra = list(SECURITY_HEADERS)
        if scope.get("path", "").startswith("/static/"):
            # a URL with ?v=<hash> names one version of the file (templates link them so): kept a
            # year without revalidation; a plain /static/ URL is checked each time
            versioned = b"v=" in scope.get("query_string", b"")
            extra.append((b"cache-control", b"public, max-age=31536000, immutable" if versioned else b"no-cache"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            P.check_query_string(scope.get("query_string", b""))
        except P.BadRequest as exc:
            response = self.render_error(400, "Bad request", exc.message)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


#: the environment variable through which ``dyadwatch serve --workers N`` names the database to
#: the worker processes (``app_from_environment``)
DB_ENV = "_DYADWATCH_SERVE_DB"


def app_from_environment() -> Starlette:
    """The dashboard over the database named by ``$_DYADWATCH_SERVE_DB``: the app factory each
    worker process of ``dyadwatch serve --workers N`` calls (uvicorn starts workers from an
    import string, not from an app object)."""
    import os

    path = os.environ.get(DB_ENV)
    if not path:
        raise RuntimeError(f"{DB_ENV} is not set: it names the database the dashboard serves. Start the "
                           "dashboard with `dyadwatch serve --db PATH`.")
    return make_app(path)


def make_app(db_path: str | Path, *, pool_size: int = 4, warm: bool = True) -> Starlette:
    """The dashboard over the database at ``db_path`` (which must exist; it is never written).

    warm: while the app runs (between the ASGI lifespan's startup and shutdown), build the
    largest dyads' pages in a background thread when it starts and after the database has
    changed (``db.Warmer``), so they are served from memory.

    Raises StoreError when the file cannot be opened as a dyadwatch database.
    """
    from dyadwatch.web import routes

    pool = ReadPool(db_path, size=pool_size)
    env = make_templates()
    def compile_templates() -> None:  # so that the first visit to each kind of page does not wait for it
        for name in env.list_templates():
            env.get_template(name)

    warmer = Warmer(pool, lambda: [compile_templates, *routes.warm_jobs(pool)]) if warm else None
    if warmer is not None:
        warmer.log = lambda message: logger.warning(message)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warmer is not None:
            warmer.start()
        try:
            yield
        finally:
            if warmer is not None:
                warmer.stop()

    def render_error(status: int, title: str, message: str) -> HTMLResponse:
        html = env.get_template("error.html").render(status=status, title=title, message=message, nav=None,
                                                     nav_items=routes.NAV)
        return HTMLResponse(html, status_code=status)

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, P.BadRequest)
        return render_error(400, "Bad request", exc.message)

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NotFound)
        return render_error(404, "Not found", exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return render_error(404, "Not found", f"There is no page at {request.url.path}.")
        if exc.status_code == 405:
            return render_error(405, "Method not allowed", "The dashboard is read-only: it answers GET requests.")
        return render_error(exc.status_code, "Error", str(exc.detail))

    async def store_error(request: Request, exc: Exception) -> Response:
        return render_error(503, "Database unavailable", str(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        return render_error(500, "Internal error", "Something went wrong while building this page. "
                                                   "The error has been logged by the server.")

    app = Starlette(
        routes=[
            Route("/", routes.overview, name="overview"),
            Route("/dyads", routes.dyads, name="dyads"),
            Route("/dyads/{a}/{b}", routes.dyad, name="dyad"),
            Route("/documents/{doc_id}", routes.document, name="document"),
            *[Route(f"/{kind}", routes.list_page(kind), name=kind)
              for kind in ("events", "quotes", "figures", "documents")],
            *[Route(f"/{kind}.{fmt}", routes.download(kind, fmt), name=f"{kind}_{fmt}")
              for kind in ("events", "quotes", "figures", "documents") for fmt in ("csv", "json")],
            Mount("/static", app=StaticFiles(directory=str(STATIC_DIR)), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={
            P.BadRequest: bad_request,
            NotFound: not_found,
            HTTPException: http_error,
            DyadwatchError: store_error,
            Exception: server_error,
        },
    )
    app.state.pool = pool
    app.state.warmer = warmer
    app.state.templates = env
    app.state.db_path = str(db_path)
    app.add_middleware(Guard, render_error=render_error)
    return app
