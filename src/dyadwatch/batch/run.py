"""The batch driver: stream partitions to a Dask cluster, write what comes back as Parquet.

The client reads the inputs one partition at a time and keeps only a few partitions in flight
(twice the workers' threads), so its memory does not grow with the corpus. Workers run
``analyze_partition`` and send back Parquet bytes; the client writes them under ``DIR/<table>/``
(each file under a temporary name, renamed when complete; the ``documents`` file last, so a
partition whose documents file exists is complete). A partition that fails is retried, then
reported and recorded in ``DIR/_failed/``; the run goes on. Running the same batch again into
the same directory skips the partitions already written and retries the rest.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dyadwatch import __version__
from dyadwatch.batch import require_batch_dependencies
from dyadwatch.batch.inputs import Partition, pack_items, partitions
from dyadwatch.batch.tables import TABLES
from dyadwatch.batch.worker import analyze_partition, run_packed, worker_info
from dyadwatch.errors import BatchError, Errors, Warnings
from dyadwatch.ingest import Failure
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store.migrations import now

MANIFEST = "_dyadwatch_batch.json"
FORMAT = "dyadwatch.batch.v1"
FAILED_DIR = "_failed"
DEFAULT_PARTITION_SIZE = 250
#: seconds to wait for the first worker of a cluster
WORKER_WAIT = 120.0
#: one thread per numerical library in each worker: a worker is one core (also Dask's nanny default)
THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
#: Dask configuration of the client and the ``LocalCluster`` dyadwatch starts (whose scheduler and
#: nannies run in this process; the nannies copy it into every worker they start). Both settings
#: only feed Dask's debugging and dashboard, and both grew memory with the length of a run:
#: - the statistical profiler samples each worker's stack every 10 ms and keeps a profile tree per
#:   second for 1,000 seconds; over spaCy's deep stacks that grew a worker by about 0.2 MB a second
#:   (3 MB a partition of 250 articles) for the first 17 minutes;
#: - every comm between client, scheduler and workers keeps its last 1,000 messages, and with them
#:   the partitions it sent (``inputs.pack_items``).
DASK_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False,
                               "distributed.admin.low-level-log-length": 20}


@dataclass
class PartitionReport:
    """One partition finished: analysed and written, already written by an earlier run, or failed."""

    index: int
    label: str
    items: int
    status: Literal["done", "skipped", "failed"]
    documents: int = 0
    failed_items: int = 0
    attempts: int = 0
    seconds: float = 0.0
    worker: str = ""


@dataclass
class BatchSummary:
    """What a batch run did. ``messages`` are one-line warnings and errors, in order."""

    out_dir: str
    scheduler: str = ""
    workers: int = 0
    analyzer: str = ""
    partitions: int = 0
    done: int = 0
    #: partitions already written by an earlier run into the same directory
    skipped: int = 0
    failed_partitions: list[int] = field(default_factory=list)
    #: input records analysed in this run, and the distinct documents among them (per partition)
    items: int = 0
    documents: int = 0
    #: records that could not be ingested (a malformed line, a missing file …)
    failed: int = 0
    #: the whole run, and the part of it spent analysing (from the first partition sent to the last
    #: one written: without starting the cluster and loading the workers' pipelines)
    seconds: float = 0.0
    analysis_seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    #: what the cross-document step did on the cluster (``batch.cross.CrossSummary``), when it ran
    cross: Any = None

    @property
    def ok(self) -> bool:
        """False only when there was input and nothing of it could be analysed."""
        return self.done + self.skipped > 0 or (self.failed == 0 and not self.failed_partitions)


def run_batch(
    sources: Sequence[str],
    out_dir: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    client: Any = None,
    n_workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    retries: int = 2,
    connect_timeout: float = 15.0,
    settings: Settings | None = None,
    partition_function: Callable[..., dict[str, Any]] = analyze_partition,
    on_partition: Callable[[PartitionReport], None] | None = None,
    on_message: Callable[[str], None] | None = None,
    cross: bool = True,
) -> BatchSummary:
    """Analyse ``sources`` on a Dask cluster and write partitioned Parquet files into ``out_dir``.

    scheduler: address of a running Dask scheduler (``tcp://host:8786``); default a
        ``LocalCluster`` of ``n_workers`` single-threaded worker processes (one per core).
    client: an existing ``distributed.Client`` to use instead (notebooks, tests).
    partition_size: records per partition (per task); large enough to amortise the scheduling.
    retries: how many times a failed partition is tried again before it is reported.
    connect_timeout: seconds to wait for ``scheduler`` before giving up [DW502].
    partition_function: what runs on the workers (``analyze_partition``).
    on_partition: called with a ``PartitionReport`` as each partition finishes (progress).
    on_message: called with each warning or error line as it happens.
    cross: then run the cross-document step on the cluster too (``dyadwatch.batch.cross``:
        copies and relations, which ``load`` brings in instead of comparing in-process).

    Example: ``run_batch(["corpus/"], "out/")`` writes ``out/documents/part-000000.parquet``,
    ``out/events/part-000000.parquet`` …; ``load_results(store, "out/")`` stores them.
    """
    require_batch_dependencies("batch")
    import dask

    settings = settings or load_settings()
    assert partition_size >= 1 and retries >= 0, "partition_size must be at least 1, retries at least 0"
    started = time.perf_counter()
    out = Path(out_dir)
    summary = BatchSummary(out_dir=str(out))

    def say(message: str) -> None:
        summary.messages.append(message)
        if on_message:
            on_message(message)

    key = {"format": FORMAT, "inputs": [_input_name(s) for s in sources], "partition_size": partition_size,
           "model": settings.model}
    _check_out_dir(out, key)
    own_client = client is None
    with dask.config.set(DASK_CONFIG) if own_client else contextlib.nullcontext():
        own_cluster, client = _connect(client, scheduler, n_workers, connect_timeout)
        try:
            summary.scheduler = str(client.scheduler.address)
            infos = _check_workers(client, scheduler or summary.scheduler, settings.model)
            summary.workers = len(infos)
            growing = _growing_settings(client, infos)
            if growing:
                say(Warnings.W503.format(address=scheduler or summary.scheduler, settings="; ".join(growing),
                                         log_length=DASK_CONFIG["distributed.admin.low-level-log-length"]))
            summary.analyzer = next(iter(infos.values()))["analyzer"]
            manifest = read_manifest(out)
            if manifest and manifest.get("analyzer") not in (None, summary.analyzer):
                raise BatchError(Errors.DW504.format(
                    path=out, reason=f"its partitions were analysed by '{manifest['analyzer']}', the workers "
                                     f"now run '{summary.analyzer}'"))
            _write_manifest(out, {**key, "dyadwatch": __version__, "analyzer": summary.analyzer,
                                  "started": (manifest or {}).get("started", now()), "complete": False})
            _drive(client, sources, out, settings, summary, say, partition_size=partition_size, retries=retries,
                   partition_function=partition_function, on_partition=on_partition)
            if cross:
                _cross(client, out, summary, say)
        finally:
            if own_client:
                client.close()
            if own_cluster is not None:
                own_cluster.close()
    summary.seconds = time.perf_counter() - started
    _write_manifest(out, {**(read_manifest(out) or {}), "finished": now(), "partitions": summary.partitions,
                          "failed_partitions": summary.failed_partitions,
                          "complete": not summary.failed_partitions})
    return summary


def _drive(client: Any, sources: Sequence[str], out: Path, settings: Settings, summary: BatchSummary,
           say: Callable[[str], None], *, partition_size: int, retries: int,
           partition_function: Callable[..., dict[str, Any]],
           on_partition: Callable[[PartitionReport], None] | None) -> None:
    from distributed import as_completed

    window = 2 * max(1, sum(client.nthreads().values()))
    pending: dict[Any, tuple[Partition, int]] = {}
    completed = as_completed(loop=client.loop)

    def report(r: PartitionReport) -> None:
        if on_partition:
            on_partition(r)

    def submit(part: Partition, attempt: int) -> None:
        # packed: Dask's message log keeps what was sent to a worker long after the task (pack_items)
        future = client.submit(run_packed, partition_function, pack_items(part.items), first=part.first,
                               model=settings.model, batch_size=settings.batch_size, pure=False,
                               key=f"dyadwatch-partition-{part.index}-{attempt}-{os.urandom(4).hex()}")
        pending[future] = (part, attempt)
        completed.add(future)

    def finished(future: Any) -> None:
        part, attempt = pending.pop(future)
        if future.status == "finished":
            result = future.result()
            _write_partition(out, part.index, result["tables"])
            summary.done += 1
            summary.items += result["items"]
            summary.documents += result["documents"]
            summary.failed += result["failed"]
            for message in result["messages"]:
                say(message)
            report(PartitionReport(part.index, part.label, len(part.items), "done", result["documents"],
                                   result["failed"], attempt, result["seconds"], result["worker"]))
            return
        error = _describe(future.exception())
        attempts = retries + 1
        if attempt < attempts:
            say(Warnings.W501.format(index=part.index, label=part.label, attempt=attempt, attempts=attempts,
                                     error=error))
            submit(part, attempt + 1)
            return
        summary.failed_partitions.append(part.index)
        say(Errors.DW505.format(index=part.index, label=part.label, attempts=attempts, error=error,
                                items=len(part.items)))
        (out / FAILED_DIR).mkdir(exist_ok=True)
        (out / FAILED_DIR / f"part-{part.index:06d}.json").write_text(json.dumps(
            {"index": part.index, "label": part.label, "items": len(part.items), "attempts": attempts,
             "error": error, "at": now()}, indent=2) + "\n")
        report(PartitionReport(part.index, part.label, len(part.items), "failed", attempts=attempts))

    def wait_below(limit: int) -> None:
        while len(pending) >= limit and pending:
            finished(next(completed))

    started = time.perf_counter()
    for got in partitions(sources, size=partition_size, max_file_bytes=settings.max_file_bytes):
        if not isinstance(got, Partition):
            if isinstance(got, Failure):
                summary.failed += 1
            say(got.message)
            continue
        summary.partitions += 1
        if (out / "documents" / f"part-{got.index:06d}.parquet").exists():
            summary.skipped += 1
            report(PartitionReport(got.index, got.label, len(got.items), "skipped"))
            continue
        wait_below(window)
        submit(got, 1)
    wait_below(1)
    summary.analysis_seconds = time.perf_counter() - started
    summary.failed_partitions.sort()


def _cross(client: Any, out: Path, summary: BatchSummary, say: Callable[[str], None]) -> None:
    """The cross-document step over the complete partitions; a failure of it loses nothing of the
    analysis (``load`` then compares in-process), so it is reported, not raised."""
    from dyadwatch.batch.cross import run_cross

    if summary.failed_partitions:
        say(Warnings.W504.format(path=out, reason="some partitions failed"))
        return
    try:
        summary.cross = run_cross(client, out, on_message=lambda m: say(Warnings.W504.format(path=out, reason=m)))
    except Exception as exc:  # a task that failed on the cluster, a file that could not be read
        say(Warnings.W504.format(path=out, reason=_describe(exc)))


def _connect(client: Any, scheduler: str | None, n_workers: int | None, timeout: float) -> tuple[Any, Any]:
    """(the LocalCluster we started or None, a client connected to the cluster)."""
    from distributed import Client

    if client is not None:
        return None, client
    if scheduler:
        try:
            return None, Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(Errors.DW502.format(address=scheduler, reason=_describe(exc))) from exc
    cluster = local_cluster(n_workers)
    try:
        return cluster, Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise


def local_cluster(n_workers: int | None = None) -> Any:
    """The ``LocalCluster`` ``run_batch`` starts when given no scheduler or client.

    n_workers: single-threaded worker processes (default one per core), each with one thread per
        numerical library (``THREAD_ENV``) and Dask's debugging logs off (``DASK_CONFIG``).
    RETURNS (distributed.LocalCluster): close it when done (it is a context manager).
    """
    import dask
    from distributed import LocalCluster

    # the nannies copy the configuration they are created with into every worker they start
    with dask.config.set(DASK_CONFIG):
        return LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR, env=dict(THREAD_ENV))


def _check_workers(client: Any, address: str, model: str) -> dict[str, dict[str, Any]]:
    """Every worker's dyadwatch version and analyzer (loading its pipeline once, up front)."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError as exc:
        raise BatchError(Errors.DW503.format(
            address=address, reason=f"no worker joined the scheduler within {WORKER_WAIT:g} s")) from exc
    try:
        infos: dict[str, dict[str, Any]] = client.run(worker_info, model)
    except Exception as exc:  # a worker without dyadwatch fails to unpickle the function
        raise BatchError(Errors.DW503.format(address=address, reason=_describe(exc))) from exc
    versions = {i["analyzer"] for i in infos.values()}
    if len(versions) > 1:
        raise BatchError(Errors.DW503.format(
            address=address, reason="the workers run different analyzers: " + " | ".join(sorted(versions))))
    ours = __version__
    theirs = {i["dyadwatch"] for i in infos.values()}
    if theirs != {ours}:
        raise BatchError(Errors.DW503.format(
            address=address, reason=f"the workers run dyadwatch {', '.join(sorted(theirs))}, this is {ours}"))
    return infos


def _growing_settings(client: Any, infos: dict[str, dict[str, Any]]) -> list[str]:
    """The cluster's settings that grow its memory with the run (see ``DASK_CONFIG``), in words."""
    out = []
    profiling = sum(1 for i in infos.values() if i.get("profiling"))
    if profiling:
        out.append(f"Dask's profiler runs on {profiling} of its {len(infos)} workers (about 0.2 MB a second "
                   "of analysis each, for 17 minutes)")
    try:
        kept = client.run_on_scheduler(_message_log_length)
    except Exception:  # a scheduler that refuses to run functions: nothing to say about it
        kept = None
    if isinstance(kept, int) and kept > DASK_CONFIG["distributed.admin.low-level-log-length"]:
        out.append(f"its scheduler keeps the last {kept} messages to each worker, and with them the "
                   "partitions they carried")
    return out


def _message_log_length(dask_scheduler: Any) -> int | None:
    """How many messages the scheduler keeps of those it sent to each worker (run on the scheduler)."""
    kept = [getattr(getattr(comm, "recent_message_log", None), "maxlen", None)
            for comm in getattr(dask_scheduler, "stream_comms", {}).values()]
    return max((n for n in kept if isinstance(n, int)), default=None)


def _check_out_dir(out: Path, key: dict[str, Any]) -> None:
    if out.exists() and not out.is_dir():
        raise BatchError(Errors.DW504.format(path=out, reason="it is a file"))
    manifest = read_manifest(out)
    if manifest is None:
        if out.is_dir() and any(out.iterdir()):
            raise BatchError(Errors.DW504.format(path=out, reason="it already holds other files"))
        out.mkdir(parents=True, exist_ok=True)
        return
    different = [k for k, v in key.items() if manifest.get(k) != v]
    if different:
        raise BatchError(Errors.DW504.format(
            path=out, reason="it holds a batch run with other " + ", ".join(k.replace("_", " ") for k in different)))


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of a batch output directory (``_dyadwatch_batch.json``: its format, inputs,
    settings and whether it finished), or None when there is none or it cannot be read.

    A run writes it first and rewrites it when done; ``load_results`` reads it to refuse a
    directory that is not a batch output and to warn about a run that did not finish.
    """
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def _write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    tmp = out / (MANIFEST + ".part")
    tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def _write_partition(out: Path, index: int, tables: dict[str, bytes]) -> None:
    name = f"part-{index:06d}.parquet"
    for table in TABLES:  # documents last: its file marks the partition complete
        folder = out / table
        folder.mkdir(exist_ok=True)
        tmp = folder / (name + ".part")
        tmp.write_bytes(tables[table])
        os.replace(tmp, folder / name)
    (out / FAILED_DIR / f"part-{index:06d}.json").unlink(missing_ok=True)


def _input_name(source: str) -> str:
    return source if "://" in source else str(Path(source).resolve())


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return "cancelled"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name
