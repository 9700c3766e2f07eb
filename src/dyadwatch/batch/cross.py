"""The cross-document step of a batch run, on the Dask cluster: copies, then relations.

``dyadwatch compare --all`` finds copies among all documents, then relates the claims of the
first document of each group of copies with every other claim about the same pair of states.
After its partitions are analysed, ``run_batch`` does the same on the cluster from what the
workers wrote beside the analysis (``signatures``, ``compare_claims``: signatures, copy keys,
claims and their sentence vectors), through the same functions:

- **copies**: the documents' copy keys (``compare.duplicates.copy_keys``) are cut into shards by
  key; a task per shard lists the documents that share a key, tasks check those candidates
  exactly (``contained``), and ``copy_groups`` joins them, each group named after its first
  document in the order ``load`` stores them;
- **relations**: the claims of the groups' first documents are cut by pair of states (a claim
  goes to every pair its document is about) and, within a pair, into time windows: runs of
  consecutive documents in input order (a feed's order is its time) of at most
  ``window_claims`` claims. A task per pair of windows of one pair of states (a window with
  itself, and with every later window) decides its pairs of claims (``relations.decide_pairs``);
  a task per pair of states keeps the strongest of them (``relations.keep_strongest``). That is ``relate_claims`` cut into blocks: no pair of
  claims is missed and none is decided twice (two documents sharing several pairs of states
  are related in the block of the first of them only).

The tasks read nothing but their arguments: the client reads the Parquet files, sends each
window to the cluster once (``scatter``) and writes what comes back under ``DIR/cross/``:

- ``documents.parquet``: every distinct document of the run, in the order ``load`` stores them;
- ``groups.parquet``: the documents that are copies (document, group, similarity), the others
  are groups of their own;
- ``relations/part-NNNNNN.parquet``: the relations, one file per shard of pairs of states;
- ``_cross.json``: written last, says the step is complete.

``dyadwatch load`` brings these in when the store then holds exactly the run's documents, in
the run's order (a new store); otherwise it compares in-process as ingest does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dyadwatch.batch.tables import COMPARE_TABLES, Row, claim_from_row, partition_indexes
from dyadwatch.compare.duplicates import contained, copy_groups, jaccard
from dyadwatch.compare.relations import ClaimItem, Decision, claim_pairs, decide_pairs, keep_strongest

CROSS_DIR = "cross"
CROSS_MANIFEST = "_cross.json"
CROSS_FORMAT = "dyadwatch.batch.cross.v1"
#: claims in a time window of one pair of states: a block task holds two windows' vectors
#: (2 × 2,000 × 384 float32 = 6 MB) and their similarities (2,000² float32 = 16 MB)
WINDOW_CLAIMS = 2000
#: documents per shard of copy keys and of claims: the client holds one shard at a time
SHARD_DOCUMENTS = 50_000
#: candidate pairs of copies checked per task
VERIFY_PAIRS = 2000

RELATION_COLUMNS = ("a_document", "a_start", "a_end", "b_document", "b_start", "b_end", "relation", "score", "why")


@dataclass
class CrossSummary:
    """What the cross-document step did."""

    documents: int = 0
    #: documents that are copies of an earlier one
    copies: int = 0
    candidate_pairs: int = 0
    #: pairs of states with claims to compare, their time windows, and the block tasks
    pairs: int = 0
    windows: int = 0
    blocks: int = 0
    relations: int = 0
    seconds: float = 0.0


def run_cross(client: Any, out: Path, *, window_claims: int = WINDOW_CLAIMS, shard_documents: int = SHARD_DOCUMENTS,
              on_message: Callable[[str], None] | None = None) -> CrossSummary | None:
    """Copies and relations of the analysed partitions in ``out``, on ``client``'s cluster,
    written under ``out/cross/``. None when a partition has no compare tables (written by an
    earlier version): ``load`` then compares in-process."""
    import pyarrow.parquet as pq

    started = time.perf_counter()
    indexes = partition_indexes(out)
    if any(not (out / t / f"part-{i:06d}.parquet").is_file() for i in indexes for t in COMPARE_TABLES):
        if on_message:
            on_message("partitions written by an earlier version have no compare tables")
        return None
    folder = out / CROSS_DIR
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "relations").mkdir(parents=True)
    summary = CrossSummary()

    # the order load stores documents in: partitions in order, each by first input position; a
    # document in several partitions is taken from the first
    rank: dict[str, int] = {}
    home: dict[str, int] = {}
    for index in indexes:
        docs = pq.read_table(out / "documents" / f"part-{index:06d}.parquet", columns=["id", "position"]).to_pylist()
        for r in sorted(docs, key=lambda r: r["position"]):
            if r["id"] not in rank:
                rank[r["id"]] = len(rank)
                home[r["id"]] = index
    summary.documents = len(rank)
    order = sorted(rank, key=rank.__getitem__)
    _write(folder / "documents.parquet", {"id": order, "rank": list(range(len(order)))})
    shards = max(1, -(-len(rank) // shard_documents))

    def own_rows(table: str, columns: list[str] | None = None) -> Iterator[tuple[int, list[Row]]]:
        """Each partition's rows of ``table`` for the documents it is the home of."""
        for index in indexes:
            rows = pq.read_table(out / table / f"part-{index:06d}.parquet", columns=columns).to_pylist()
            yield index, [r for r in rows if home.get(r["document_id"]) == index]

    # -- copies --------------------------------------------------------------------------------
    candidates: set[tuple[int, int]] = set()
    for shard in range(shards):
        keys: list[int] = []
        ranks: list[int] = []
        for _, rows in own_rows("signatures", ["document_id", "copy_keys"]):
            for r in rows:
                for k in r["copy_keys"]:
                    if k % shards == shard:
                        keys.append(k)
                        ranks.append(rank[r["document_id"]])
        if keys:
            candidates |= client.submit(sharing_a_key, np.asarray(keys, dtype=np.int64),
                                        np.asarray(ranks, dtype=np.int64), pure=False).result()
    summary.candidate_pairs = len(candidates)
    pairs = [(order[a], order[b]) for a, b in sorted(candidates)]
    involved = {d for p in pairs for d in p}
    texts: dict[str, str] = {}
    if involved:
        for index in sorted({home[d] for d in involved}):
            for r in pq.read_table(out / "documents" / f"part-{index:06d}.parquet", columns=["id", "text"]).to_pylist():
                if r["id"] in involved and home[r["id"]] == index:
                    texts[r["id"]] = r["text"]
    futures = [client.submit(copies_among, chunk, {d: texts[d] for p in chunk for d in p}, pure=False)
               for chunk in (pairs[i:i + VERIFY_PAIRS] for i in range(0, len(pairs), VERIFY_PAIRS))]
    copies = [p for f in futures for p in f.result()]
    del texts
    grouped = copy_groups(sorted({d for p in copies for d in p}, key=rank.__getitem__), copies)
    signatures: dict[str, np.ndarray] = {}
    if grouped:
        for _, rows in own_rows("signatures", ["document_id", "signature"]):
            signatures.update({r["document_id"]: np.frombuffer(r["signature"], dtype="<u4")
                               for r in rows if r["document_id"] in grouped})
    group_rows: dict[str, list[Any]] = {"document_id": [], "group_id": [], "similarity": []}
    for d in sorted(grouped, key=rank.__getitem__):
        root = grouped[d]
        group_rows["document_id"].append(d)
        group_rows["group_id"].append(root)
        group_rows["similarity"].append(1.0 if root == d else round(jaccard(signatures[d], signatures[root]), 3))
    summary.copies = sum(1 for d, g in grouped.items() if d != g)
    _write(folder / "groups.parquet", group_rows)

    # -- relations, by pair of states and time window -------------------------------------------
    for shard in range(shards):
        by_pair: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for _, rows in own_rows("compare_claims"):
            for r in rows:
                d = r["document_id"]
                if grouped.get(d, d) != d:
                    continue
                r["rank"] = rank[d]
                # a claim is compared in the block of every pair of states its document is about
                for pair in claim_pairs(claim_from_row(r)):
                    if _shard_of(pair, shards) == shard:
                        by_pair[pair].append(r)
        kept = []
        for pair, claims in sorted(by_pair.items()):
            claims.sort(key=lambda r: (r["rank"], r["idx"]))
            windows = [client.scatter([w], hash=False)[0] for w in _windows(claims, window_claims)]
            blocks = [client.submit(decide_block, windows[i], windows[j] if j > i else None, pair, pure=False)
                      for i in range(len(windows)) for j in range(i, len(windows))]
            kept.append(client.submit(keep_block_decisions, *blocks, pure=False))
            summary.pairs += 1
            summary.windows += len(windows)
            summary.blocks += len(blocks)
        relations = [r for f in kept for r in f.result()]
        summary.relations += len(relations)
        _write(folder / "relations" / f"part-{shard:06d}.parquet",
               {c: [r[i] for r in relations] for i, c in enumerate(RELATION_COLUMNS)})
    summary.seconds = time.perf_counter() - started
    manifest = {"format": CROSS_FORMAT, "complete": True, "partitions": indexes, **summary.__dict__}
    tmp = folder / (CROSS_MANIFEST + ".part")
    tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / CROSS_MANIFEST)
    return summary


def read_cross(out: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The manifest of a complete cross-document step in ``out``, else None."""
    path = Path(out) / CROSS_DIR / CROSS_MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != CROSS_FORMAT or not manifest.get("complete"):
        return None
    return manifest


# -- what runs on the workers ------------------------------------------------------------------

def sharing_a_key(keys: np.ndarray, ranks: np.ndarray) -> set[tuple[int, int]]:
    """(earlier, later) documents (by rank) that share a copy key: the candidates LSH proposes."""
    out: set[tuple[int, int]] = set()
    order = np.lexsort((ranks, keys))
    keys, ranks = keys[order], ranks[order]
    bounds = np.flatnonzero(np.diff(keys)) + 1
    for bucket in np.split(ranks, bounds):
        if len(bucket) > 1:
            members = sorted(set(bucket.tolist()))
            out.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return out


def copies_among(pairs: Sequence[tuple[str, str]], texts: dict[str, str]) -> list[tuple[str, str]]:
    """The candidate pairs that are copies: one text's shingles (mostly) held by the other."""
    return [(a, b) for a, b in pairs if contained(texts[a], texts[b])]


def decide_block(window: list[Row], later: list[Row] | None, pair: tuple[str, str]) -> list[tuple[Any, ...]]:
    """The decided pairs of claims within a time window of one pair of states, or between it and a
    later window, as rows: (rank and index of a, of b, then the relation's columns). Two claims
    whose documents share several pairs are decided in the block of the first (``decide_pairs``)."""
    claims, vectors = _claims(window)
    others, other_vectors = _claims(later) if later is not None else ([], None)
    decided = decide_pairs(claims, vectors, pair=pair) if later is None else \
        decide_pairs(claims, vectors, others, other_vectors, pair=pair)
    keys = {id(c): (r["rank"], r["idx"]) for c, r in zip([*claims, *others], [*window, *(later or ())])}
    return [(keys[id(a)], keys[id(b)], a.document_id, a.start, a.end, b.document_id, b.start, b.end,
             d.relation, d.score, d.why) for a, b, d in decided]


def keep_block_decisions(*blocks: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The relations kept of one pair of states' decided pairs (``keep_strongest``; all the
    decided pairs of two documents are in the block of the first pair they share): rows of
    ``RELATION_COLUMNS``."""
    decided = sorted((row for block in blocks for row in block), key=lambda row: (row[0], row[1]))
    items = [(ClaimItem(row[2], row[3], row[4], "", (), 0), ClaimItem(row[5], row[6], row[7], "", (), 0),
              Decision(row[8], row[9], row[10])) for row in decided]
    return [(a.document_id, a.start, a.end, b.document_id, b.start, b.end, d.relation, d.score, d.why)
            for a, b, d in keep_strongest(items)]


def _claims(rows: list[Row]) -> tuple[list[ClaimItem], np.ndarray]:
    vectors = np.stack([np.frombuffer(r["vector"], dtype="<f4") for r in rows]) if rows else np.zeros((0, 384))
    return [claim_from_row(r) for r in rows], vectors


def _windows(claims: list[Row], size: int) -> list[list[Row]]:
    """Runs of consecutive documents' claims of at most ``size`` claims (a document is never cut)."""
    out: list[list[Row]] = []
    current: list[Row] = []
    doc_rows: list[Row] = []
    for r in claims:
        if doc_rows and r["document_id"] != doc_rows[0]["document_id"]:
            if current and len(current) + len(doc_rows) > size:
                out.append(current)
                current = []
            current += doc_rows
            doc_rows = []
        doc_rows.append(r)
    if current and len(current) + len(doc_rows) > size:
        out.append(current)
        current = []
    current += doc_rows
    if current:
        out.append(current)
    return out


def _shard_of(dyad: Sequence[str], shards: int) -> int:
    digest = hashlib.blake2b("|".join(sorted(dyad)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") % shards


def _write(path: Path, columns: dict[str, list[Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_name(path.name + ".part")
    pq.write_table(pa.table(columns) if columns else pa.table({}), tmp, compression="zstd")
    os.replace(tmp, path)
