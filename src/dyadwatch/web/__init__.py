"""The dyadwatch dashboard (``pip install 'dyadwatch[web]'``): ``make_app(db_path)`` returns an
ASGI app that reads the store only; ``dyadwatch serve`` runs it with uvicorn."""

from __future__ import annotations

from typing import Any

__all__ = ["make_app"]


def make_app(db_path: Any, **kwargs: Any) -> Any:
    from dyadwatch.web.app import make_app as _make_app

    return _make_app(db_path, **kwargs)
