"""Batch inputs: files, directories, JSONL, JSONL.gz and Parquet, streamed as partitions.

The client only streams: it reads one record at a time and hands out partitions of
``partition_size`` records, so a corpus of any size never sits in its memory. JSONL lines and
Parquet rows travel as they were read (no parsing on the client); the workers parse them with
the same checks as ``dyadwatch ingest``'s JSONL reader, extract HTML and build documents.
Article files (``.txt``, ``.md``, ``.html``) are read by ingest's own reader, exactly as
``dyadwatch ingest`` reads them.

An item is a plain dict (cheap to send to a worker):

- ``{"raw": {"source", "text", "url", "hints", "warnings"}}``: an article file already read;
- ``{"line": N, "path": P, "json": "...", "warnings": [...]}``: line N of a JSONL file;
- ``{"row": N, "path": P, "object": {...}}``: row N (1-based) of a Parquet file.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dyadwatch.errors import Errors, Warnings
from dyadwatch.ingest import Failure, Notice, read_path
from dyadwatch.ingest.readers import (
    HTML_SUFFIXES,
    JSONL_FIELDS,
    TEXT_SUFFIXES,
    binary_reason,
    check_jsonl_object,
    expand_path,
    read_jsonl,
)
from dyadwatch.records import RawDocument

Item = dict[str, Any]

JSONL_NAMES = (".jsonl", ".ndjson")
GZIP_NAMES = (".jsonl.gz", ".ndjson.gz")
PARQUET_NAMES = (".parquet",)
#: what a batch reads; ingest's article files plus compressed JSONL and Parquet
BATCH_NAMES = tuple(TEXT_SUFFIXES | HTML_SUFFIXES) + JSONL_NAMES + GZIP_NAMES + PARQUET_NAMES
#: Parquet rows read at a time (a record batch), whatever the file's row groups
PARQUET_BATCH_ROWS = 1024
_STAND_IN = "\x00dyadwatch-batch-record\x00"


def pack_items(items: list[Item]) -> bytes:
    """``items`` as one compressed bytes object, the form a partition travels in to a worker.

    Dask keeps the last messages it sent to each worker (``distributed.admin.low-level-log-length``,
    1,000 by default) for debugging; a partition sent as Python objects stayed in the scheduler's
    memory long after its task had finished, about 0.7 MB a partition of 250 articles. Packed,
    a partition is one object of less than half its text's size (0.42 for the benchmark's news
    stories; 5 ms to pack 250 of them).
    """
    return zlib.compress(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack_items(packed: bytes) -> list[Item]:
    """The items ``pack_items`` packed (from this run's own client: trusted)."""
    items: list[Item] = pickle.loads(zlib.decompress(packed))
    return items


@dataclass
class Partition:
    """``items`` numbered ``index`` (0, 1, …) in input order; ``first`` is the run-wide position of
    its first item."""

    index: int
    first: int
    items: list[Item] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Where the partition's records come from, e.g. ``a.jsonl#L1 … a.jsonl#L500``."""
        first, last = item_source(self.items[0]), item_source(self.items[-1])
        return first if first == last else f"{first} … {last}"


def kind_of(path: Path) -> str | None:
    """'file', 'jsonl', 'jsonl.gz' or 'parquet' for a path batch reads, else None."""
    name = path.name.lower()
    if name.endswith(GZIP_NAMES):
        return "jsonl.gz"
    if name.endswith(PARQUET_NAMES):
        return "parquet"
    if name.endswith(JSONL_NAMES):
        return "jsonl"
    if path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
        return "file"
    return None


def discover_inputs(sources: Iterable[str]) -> list[Path | Failure | Notice]:
    """Expand paths and directories (recursively, sorted, as ingest does) into the files to read."""
    out: list[Path | Failure | Notice] = []
    for source in sources:
        if "://" in source:
            out.append(Failure(source, Errors.DW507.format(path=source, kind="a URL")))
            continue
        out.extend(expand_path(Path(source), lambda p: kind_of(p) is not None))
    return out


def iter_items(sources: Sequence[str], *, max_file_bytes: int) -> Iterator[Item | Failure | Notice]:
    """Every input record, in order, with the problems found on the way."""
    for entry in discover_inputs(sources):
        if not isinstance(entry, Path):
            yield entry
            continue
        kind = kind_of(entry)
        if kind is None:
            suffix = "".join(entry.suffixes[-2:]) or "(none)"
            yield Failure(str(entry), Errors.DW507.format(path=entry, kind=f"a '{suffix}' file"))
        elif kind == "file":
            for got in read_path(entry, max_file_bytes=max_file_bytes):
                if isinstance(got, RawDocument):
                    yield {"raw": {"source": got.source, "text": got.text, "url": got.url, "hints": got.hints,
                                   "warnings": list(got.warnings)}}
                elif isinstance(got, Failure | Notice):
                    yield got
                else:  # a text file listing URLs: batch analyses files, it does not fetch
                    yield Failure(str(entry), Errors.DW507.format(path=entry, kind="a list of URLs"))
        elif kind == "parquet":
            yield from _parquet_items(entry)
        else:
            yield from _jsonl_items(entry, compressed=kind == "jsonl.gz")


def partitions(sources: Sequence[str], *, size: int, max_file_bytes: int) -> Iterator[Partition | Failure | Notice]:
    """Partitions of ``size`` records (the last may be smaller), and problems as they are met."""
    assert size >= 1, "partition size must be at least 1"
    current = Partition(0, 0)
    position = 0
    for item in iter_items(sources, max_file_bytes=max_file_bytes):
        if not isinstance(item, dict):
            yield item
            continue
        current.items.append(item)
        position += 1
        if len(current.items) >= size:
            yield current
            current = Partition(current.index + 1, position)
    if current.items:
        yield current


def count_items(sources: Sequence[str]) -> int:
    """How many records a batch of ``sources`` will analyse (for a progress bar); reads the inputs once."""
    total = 0
    for entry in discover_inputs(sources):
        if not isinstance(entry, Path):
            continue
        kind = kind_of(entry)
        try:
            if kind == "file":
                total += 1
            elif kind == "parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(entry).metadata.num_rows
            elif kind in ("jsonl", "jsonl.gz"):
                opener = gzip.open if kind == "jsonl.gz" else open
                with opener(entry, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
        except (OSError, EOFError, zlib.error, ValueError):
            continue  # the batch itself reports the file
    return total


def item_source(item: Item) -> str:
    """The source name a record gets: its path, ``path#L12`` (JSONL line) or ``path#R3`` (Parquet row)."""
    if "raw" in item:
        return str(item["raw"]["source"])
    if "line" in item:
        return f"{item['path']}#L{item['line']}"
    return f"{item['path']}#R{item['row']}"


# -- on the workers ----------------------------------------------------------------------------


def raw_from_item(item: Item) -> RawDocument | Failure:
    """The ``RawDocument`` of one record, or why it cannot be ingested (runs on a worker)."""
    if "raw" in item:
        r = item["raw"]
        return RawDocument(source=r["source"], text=r["text"], url=r["url"], hints=dict(r["hints"]),
                           warnings=tuple(r["warnings"]))
    where = item_source(item)
    if "line" in item:
        path, line = item["path"], item["line"]
        try:
            obj = json.loads(item["json"])
        except json.JSONDecodeError as exc:
            return Failure(where, Errors.DW105.format(path=path, line=line, reason=f"not valid JSON ({exc.msg})"))
        problem = check_jsonl_object(obj)
        if problem:
            return Failure(where, Errors.DW105.format(path=path, line=line, reason=problem))
        return _raw_from_object(obj, where, tuple(item.get("warnings", ())))
    obj = item["object"]
    problem = check_jsonl_object(obj)
    if problem:
        return Failure(where, Errors.DW509.format(path=item["path"], row=item["row"], reason=problem))
    return _raw_from_object(obj, where, ())


def _raw_from_object(obj: dict[str, Any], where: str, warnings: tuple[str, ...]) -> RawDocument | Failure:
    # A valid object is turned into a RawDocument by ingest's own JSONL reader (hints, url, text or
    # HTML), so batch follows every rule it has; it is read as line 1 of a stand-in source name,
    # which is then replaced by the record's own ("a.jsonl#L12", "b.parquet#R3").
    line = json.dumps(obj, ensure_ascii=False, default=str)
    got = next(iter(read_jsonl(line, source=_STAND_IN, warnings=warnings)))
    stand_in = f"{_STAND_IN}#L1"
    if isinstance(got, RawDocument):
        return replace(got, source=where)
    return Failure(where, got.message.replace(stand_in, where))


# -- readers ------------------------------------------------------------------------------------


def _jsonl_items(path: Path, *, compressed: bool) -> Iterator[Item | Failure]:
    """Lines of a (gzipped) JSONL file, streamed; no size limit, a batch input may be large."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        yield Failure(str(path), Errors.DW108.format(path=path, reason=exc.strerror or exc))
        return
    if compressed and not head.startswith(b"\x1f\x8b"):
        yield Failure(str(path), Errors.DW108.format(path=path, reason="it is not a gzip file"))
        return
    if not compressed:
        if not head.strip():
            yield Failure(str(path), Errors.DW103.format(path=path))
            return
        binary = binary_reason(head)
        if binary:
            yield Failure(str(path), Errors.DW102.format(path=path, reason=binary))
            return
    seen = 0
    try:
        with (gzip.open(path, "rb") if compressed else path.open("rb")) as fh:
            for lineno, data in enumerate(fh, start=1):
                if lineno == 1 and data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
                if not data.strip():
                    continue
                warnings: list[str] = []
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError:
                    # as ingest does for a whole file: Windows-1252, the commonest code page on the web
                    line = data.decode("cp1252", errors="replace")
                    warnings.append(Warnings.W101.format(path=path, encoding="cp1252"))
                seen += 1
                yield {"line": lineno, "path": str(path), "json": line.rstrip("\r\n"), "warnings": warnings}
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(str(path), Errors.DW108.format(path=path, reason=f"{exc}; read {seen} line(s) before it"))
        return
    if compressed and not seen:
        yield Failure(str(path), Errors.DW103.format(path=path))


def _parquet_items(path: Path) -> Iterator[Item | Failure]:
    """Rows of a Parquet file of articles (the JSONL fields as columns), a record batch at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Failure(str(path), Errors.DW108.format(path=path, reason=f"not a readable Parquet file: {exc}"))
        return
    names = pf.schema_arrow.names
    if "text" not in names and "html" not in names:
        yield Failure(str(path), Errors.DW508.format(path=path, columns=", ".join(names) or "none"))
        return
    columns = [n for n in names if n in JSONL_FIELDS]
    row = 0
    try:
        for record_batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for obj in record_batch.to_pylist():
                row += 1
                yield {"row": row, "path": str(path), "object": {k: _plain(v) for k, v in obj.items()}}
    except (OSError, pa.ArrowException) as exc:
        yield Failure(str(path), Errors.DW108.format(path=path, reason=f"{exc}; read {row} row(s) before it"))


def _plain(value: Any) -> Any:
    """Dates and timestamps as ISO text, as a JSONL file would give them."""
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    return value
