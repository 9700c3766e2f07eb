"""Batch: analyse large corpora on a Dask cluster, into Parquet files a store can load.

    >>> from dyadwatch.batch import run_batch, load_results
    >>> summary = run_batch(["corpus/", "more.jsonl.gz"], "out/")   # a LocalCluster, one worker per core
    >>> load_results(dyadwatch.Store("news.db"), "out/")             # then compare, as ingest does

Workers map ``analyze_partition`` (the same analysis as local ingest) over partitions of the
input and never open the SQLite store; the client writes their Parquet output and ``load``
is the one writer to SQLite. Needs the optional 'batch' dependencies
(``pip install 'dyadwatch[batch]'``); names are imported on first use, so this package imports
without them and says how to install them when they are missing.
"""

from __future__ import annotations

import importlib
from typing import Any

from dyadwatch.errors import BatchError, Errors

_EXPORTS = {
    "BatchSummary": "dyadwatch.batch.run",
    "PartitionReport": "dyadwatch.batch.run",
    "run_batch": "dyadwatch.batch.run",
    "LoadSummary": "dyadwatch.batch.load",
    "load_results": "dyadwatch.batch.load",
    "analyze_partition": "dyadwatch.batch.worker",
    "count_items": "dyadwatch.batch.inputs",
}

__all__ = sorted([*_EXPORTS, "require_batch_dependencies"])


def require_batch_dependencies(command: str = "batch") -> None:
    """Raise ``BatchError`` [DW501] with the install command when the 'batch' extra is missing.

    ``batch`` needs dask, distributed and pyarrow; ``load`` only pyarrow.
    """
    for module in ("dask", "distributed", "pyarrow") if command == "batch" else ("pyarrow",):
        try:
            importlib.import_module(module)
        except ImportError:
            raise BatchError(Errors.DW501.format(command=command, package=module)) from None


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dyadwatch.batch' has no attribute '{name}'")
    require_batch_dependencies("load" if module.endswith((".load", ".inputs")) else "batch")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
