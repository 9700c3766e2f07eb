"""dyadwatch: an evidence-backed picture of how two states relate, from news and analysis articles.

    >>> import dyadwatch
    >>> store = dyadwatch.Store("news.db")
    >>> summary = dyadwatch.ingest_sources(store, ["examples/"])
    >>> records = list(dyadwatch.analysis_records(store))

Public names are imported on first use, so ``import dyadwatch`` (and ``dyadwatch --help``)
stays fast and does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "IngestSummary": "dyadwatch.jobs",
    "ingest_sources": "dyadwatch.jobs",
    "store_documents": "dyadwatch.jobs",
    "watch_feeds": "dyadwatch.jobs",
    "Settings": "dyadwatch.settings",
    "load_settings": "dyadwatch.settings",
    "Store": "dyadwatch.store",
    "open_store": "dyadwatch.store",
    "analysis_records": "dyadwatch.export",
    "relation_records": "dyadwatch.export",
    "write_export": "dyadwatch.export",
    "write_parquet": "dyadwatch.export",
    "load_pipeline": "dyadwatch.analyze",
    "analyze_documents": "dyadwatch.analyze",
    "build_document": "dyadwatch.ingest",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dyadwatch' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
