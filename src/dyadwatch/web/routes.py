"""Page handlers: check the parameters, read one snapshot of the store, render a template.

Handlers are plain functions (Starlette runs them in a thread pool), because SQLite calls
block.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from dyadwatch.errors import ConfigError
from dyadwatch.store.queries import has_search_tables
from dyadwatch.store.queries.pages import document_texts
from dyadwatch.web import data, listing
from dyadwatch.web import params as P
from dyadwatch.web.db import DOWNLOAD_KEEP_BYTES
from dyadwatch.web.highlight import highlight_words

NAV = (("overview", "/", "Overview"), ("events", "/events", "Events"), ("quotes", "/quotes", "Quotes"),
       ("figures", "/figures", "Figures"), ("documents", "/documents", "Documents"))


def _render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(request=request, nav_items=NAV, **context)
    return HTMLResponse(html, status_code=status, headers={"Vary": "HX-Request, HX-Target"})


def _cached_page(request: Request, build: Callable[[], HTMLResponse]) -> Response:
    """The page ``build`` renders, or the same bytes from memory while the database is unchanged:
    a page depends only on its URL, the htmx headers that choose a partial page, and the store
    (``ReadPool.fingerprint`` changes with every commit). Only pages that rendered (status 200)
    are kept; a bad parameter or unknown id raises before anything is stored."""
    pool = request.app.state.pool
    key = ("page", request.url.path, request.url.query,
           *(request.headers.get(h) for h in ("HX-Request", "HX-History-Restore-Request", "HX-Target")))
    stamp = pool.fingerprint()  # before the page's snapshot is opened: a later commit makes it stale
    body = pool.cached(key, lambda: bytes(build().body), stamp=stamp)
    return HTMLResponse(body, headers={"Vary": "HX-Request, HX-Target"})


def _params(request: Request, allowed: tuple[str, ...] = (), multi: tuple[str, ...] = ()) -> P.Params:
    return P.Params(request.query_params.multi_items(), allowed=allowed, multi=multi)


def overview(request: Request) -> Response:
    _params(request)

    def build() -> HTMLResponse:
        with request.app.state.pool.snapshot() as store:
            page = data.overview(store)
        return _render(request, "overview.html", nav="overview", **page)

    return _cached_page(request, build)


def dyads(request: Request) -> Response:
    """``/dyads?a=CHN&b=RUS`` goes to that dyad's page; ``/dyads`` lists every pair with events."""
    p = _params(request, ("a", "b"))
    a, b = p.get("a"), p.get("b")
    if a or b:
        if not (a and b):
            raise P.BadRequest("Give both actors: /dyads?a=CHN&b=RUS.")
        a, b = P.code(a, "a"), P.code(b, "b")
        return RedirectResponse(f"/dyads/{a}/{b}", status_code=303)

    def build() -> HTMLResponse:
        with request.app.state.pool.snapshot() as store:
            names = store.actor_names()
            rows = data.dyads(store, 500)
        for r in rows:
            r["a_name"], r["b_name"] = names.get(r["a"], r["a"]), names.get(r["b"], r["b"])
        return _render(request, "dyads.html", nav="overview", dyads=rows)

    return _cached_page(request, build)


def dyad(request: Request) -> Response:
    a = P.code(request.path_params["a"], "first actor")
    b = P.code(request.path_params["b"], "second actor")
    if a == b:
        raise P.BadRequest(f"The dyad page needs two different actors; got {a} twice.")
    p = _params(request, ("since", "until"))
    since = P.date(s, "since") if (s := p.get("since")) else None
    until = P.date(u, "until") if (u := p.get("until")) else None
    if since and until and since[:len(until)] > until:
        raise P.BadRequest(f"Parameter 'since' ({since}) is after 'until' ({until}).")
    return _cached_page(request, lambda: _render(
        request, "dyad.html", nav="overview", page=dyad_report(request.app.state.pool, a, b, since=since, until=until),
        a=a, b=b, since=since, until=until))


def dyad_report(pool: Any, a: str, b: str, *, since: str | None = None, until: str | None = None) -> data.DyadPage:
    """The dyad page's data, from memory while the database is unchanged (it reads every event
    of the pair, so building it is the costliest thing the dashboard does)."""

    def build() -> data.DyadPage:
        with pool.snapshot() as store:
            try:
                return data.dyad_page(store, a, b, since=since, until=until)
            except ConfigError as exc:
                raise P.BadRequest(str(exc)) from exc

    return pool.cached(("dyad", a, b, since, until), build)


#: dyads with at least this many events are built in the background (smaller ones take < 0.1 s)
WARM_MIN_EVENTS = 1000
#: at most this many of the largest dyads are built in the background
WARM_TOP = 8


def warm_jobs(pool: Any) -> list[Callable[..., Any]]:
    """What the background warmer (``db.Warmer``) rebuilds after the database changes: the
    largest dyads (as the overview links them) and every dyad page visited since the app
    started that is still in the cache, most recent first."""
    with pool.snapshot() as store:
        top = [(r["a"], r["b"], None, None) for r in data.dyads(store, WARM_TOP) if r["n"] >= WARM_MIN_EVENTS]
    visited = [key[1:] for key in reversed(pool.cached_keys("dyad"))]
    keys = list(dict.fromkeys(top + visited))
    return [lambda k=k: dyad_report(pool, k[0], k[1], since=k[2], until=k[3]) for k in keys]


def document(request: Request) -> Response:
    doc_id = P.doc_id(request.path_params["doc_id"])
    p = _params(request, ("hl",))
    hl = P.span(h) if (h := p.get("hl")) else None

    def build() -> HTMLResponse:
        with request.app.state.pool.snapshot() as store:
            page = data.document_page(store, doc_id, hl=hl)
        return _render(request, "document.html", nav="documents", **page)

    return _cached_page(request, build)


def _search_ready(request: Request, store: Any, query: listing.Query) -> None:
    if query.search is not None and not has_search_tables(store):
        raise P.BadRequest("This database has no full-text index yet (it was made by an older dyadwatch). "
                           "Run `dyadwatch serve` or any `dyadwatch ingest` once to add it, then search again.")


def list_page(kind_name: str) -> Callable[[Request], Response]:
    kind = listing.KINDS[kind_name]

    def handler(request: Request) -> Response:
        query = listing.parse_query(kind, request.query_params.multi_items())
        return _cached_page(request, lambda: build(request, query))

    def build(request: Request, query: listing.Query) -> HTMLResponse:
        pool = request.app.state.pool
        stamp = pool.fingerprint()  # before the snapshot's first read, for the facet cache
        with pool.snapshot() as store:
            _search_ready(request, store, query)
            page = listing.run_list(store, query, with_facets=False)
            # facet counts do not depend on the page: kept while the database is unchanged
            # (their links keep every parameter but the page, so every other parameter is in the key)
            key = ("facets", kind.name, tuple(sorted((k, tuple(v)) for k, v in query.raw.items() if k != "page")))
            page.facets = pool.cached(key, lambda: listing.facet_counts(store, query), stamp=stamp)
        words = query.search.words() if query.search else []
        for row in page.rows:
            for key in ("sentence", "text"):
                if row.get(key) is not None:
                    row[key + "_html"] = highlight_words(row[key], words, limit=600)
            if kind.name == "documents":
                row["title_html"] = highlight_words(data.document_label(row["title"], row["source"], row["id"]), words)
        if page.rows and kind.name == "documents" and words:
            _document_snippets(request, page.rows, words)
        partial = (request.headers.get("HX-Request") == "true"
                   and request.headers.get("HX-History-Restore-Request") != "true"
                   and request.headers.get("HX-Target") == "list")
        return _render(request, "_list.html" if partial else "list.html", nav=kind.name, kind=kind, query=query,
                       page=page, per_page_choices=P.PER_PAGE_CHOICES, search_help=kind.search_help,
                       pager=_pager(query, page.pages))

    handler.__name__ = f"{kind_name}_list"
    return handler


def _document_snippets(request: Request, rows: list[dict[str, Any]], words: list[tuple[str, bool]]) -> None:
    """A piece of each found document's text around the first searched word."""
    ids = [r["id"] for r in rows]
    with request.app.state.pool.snapshot() as store:
        texts = document_texts(store, ids)
    for r in rows:
        r["snippet_html"] = highlight_words(texts.get(r["id"], ""), words, limit=280)


def _pager(query: listing.Query, pages: int) -> list[dict[str, Any]]:
    current = query.page
    shown = sorted({1, pages, *range(max(1, current - 2), min(pages, current + 2) + 1)})
    out: list[dict[str, Any]] = []
    last = 0
    for n in shown:
        if n - last > 1:
            out.append({"gap": True})
        out.append({"n": n, "href": query.link(page=n), "current": n == current})
        last = n
    return out


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    # a cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet: article text is
    # untrusted, so such cells get a leading apostrophe (the JSON download keeps text as it is)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def download(kind_name: str, fmt: str) -> Callable[[Request], Response]:
    kind = listing.KINDS[kind_name]

    def handler(request: Request) -> Response:
        query = listing.parse_query(kind, request.query_params.multi_items(), paged=False)
        pool = request.app.state.pool
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
        headers = {"Content-Disposition": f'attachment; filename="dyadwatch-{kind.name}.{fmt}"'}
        # a download depends only on its URL and the store, like a page: the same bytes from
        # memory while the database is unchanged (see DOWNLOAD_KEEP_BYTES)
        key = ("download", request.url.path, request.url.query)
        stamp = pool.fingerprint()  # before the download's snapshot is opened: a later commit makes it stale
        kept = pool.lookup(key, stamp)
        if kept is not None:
            return Response(kept[0], media_type=media, headers=headers)
        with pool.snapshot() as store:
            _search_ready(request, store, query)

        def rows() -> Iterator[dict[str, Any]]:
            with pool.snapshot() as store:
                yield from listing.iter_rows(store, query)

        body = _csv_stream(kind.columns, rows()) if fmt == "csv" else _json_stream(kind, query, rows())
        return StreamingResponse(_keep_download(pool, key, stamp, body), media_type=media, headers=headers)

    handler.__name__ = f"{kind_name}_{fmt}"
    return handler


def _keep_download(pool: Any, key: tuple[Any, ...], stamp: tuple[int, ...], chunks: Iterator[str]) -> Iterator[bytes]:
    """``chunks`` encoded as they come; once they have all been sent, the whole body is kept in
    ``pool`` under ``key`` unless it grew past ``DOWNLOAD_KEEP_BYTES`` (then it is only streamed)
    or the client went away before the end (the generator is closed unfinished: nothing is kept)."""
    parts: list[bytes] | None = []
    size = 0
    for chunk in chunks:
        encoded = chunk.encode("utf-8")
        if parts is not None:
            size += len(encoded)
            parts = parts if size <= DOWNLOAD_KEEP_BYTES else None
            if parts is not None:
                parts.append(encoded)
        yield encoded
    if parts is not None:
        pool.keep(key, b"".join(parts), stamp)


def _csv_stream(columns: tuple[str, ...], rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
        n += 1
        if n % 200 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _json_stream(kind: listing.ListKind, query: listing.Query, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    filters = {k: v for k, v in query.raw.items()}
    yield '{"list": ' + json.dumps(kind.name) + ', "filters": ' + json.dumps(filters, ensure_ascii=False) + \
        ', "rows": ['
    n = 0
    for row in rows:
        yield ("\n" if n == 0 else ",\n") + json.dumps({c: row.get(c) for c in kind.columns}, ensure_ascii=False)
        n += 1
    yield f'\n], "count": {n}}}\n'
