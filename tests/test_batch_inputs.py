"""Batch inputs, without a cluster: streaming JSONL, JSONL.gz and Parquet, partitions, the same checks as ingest."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from dyadwatch.batch.inputs import (  # noqa: E402
    Partition,
    count_items,
    iter_items,
    pack_items,
    partitions,
    raw_from_item,
    unpack_items,
)
from dyadwatch.ingest import Failure, Notice  # noqa: E402
from dyadwatch.ingest.readers import read_jsonl  # noqa: E402
from dyadwatch.records import RawDocument  # noqa: E402

LIMIT = 10**7
GOOD = {"text": "Seoul and Tokyo agreed to resume talks.", "title": "Talks resume", "authors": "Jo Park",
        "published": "2024-03-12", "url": "https://example.org/a"}


def _records(sources: list[str]) -> list:
    out = []
    for item in iter_items(sources, max_file_bytes=LIMIT):
        out.append(raw_from_item(item) if isinstance(item, dict) else item)
    return out


@pytest.mark.parametrize("line", [
    json.dumps(GOOD),
    "{not json",
    json.dumps({"title": "no text"}),
    json.dumps({"text": "x", "url": "ftp://example.org"}),
    json.dumps({"text": "x", "authors": [1, 2]}),
    json.dumps(["a list"]),
])
def test_batch_jsonl_line_reads_as_ingest_reads_it(tmp_path: Path, line: str) -> None:
    path = tmp_path / "a.jsonl"
    text = "\n\n" + json.dumps(GOOD) + "\n" + line + "\n"  # the line under test is line 4
    path.write_text(text)
    ours = _records([str(path)])
    theirs = list(read_jsonl(text, source=str(path)))
    assert ours == theirs
    assert ours[-1].source == f"{path}#L4"


def test_batch_jsonl_streams_with_bom_and_code_page_lines(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\r\n"
                     + '{"text": "Caf\xe9 talks in Paris."}'.encode("cp1252") + b"\n")
    first, second = _records([str(path)])
    assert isinstance(first, RawDocument) and first.hints["authors"] == ["Jo Park"] and first.url == GOOD["url"]
    assert isinstance(second, RawDocument) and second.text == "Café talks in Paris."
    assert second.warnings == (f"[W101] {path}: not valid UTF-8; decoded as cp1252. Check the characters look right.",)


def test_batch_jsonl_gz_is_streamed_and_its_problems_named(tmp_path: Path) -> None:
    good = tmp_path / "c.jsonl.gz"
    with gzip.open(good, "wt") as fh:
        fh.write(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "text": "Another article."}) + "\n")
    assert [r.source for r in _records([str(good)])] == [f"{good}#L1", f"{good}#L2"]
    assert count_items([str(good)]) == 2
    fake = tmp_path / "d.jsonl.gz"
    fake.write_text(json.dumps(GOOD))
    truncated = tmp_path / "e.jsonl.gz"
    truncated.write_bytes(good.read_bytes()[:-12])
    got = _records([str(fake), str(truncated)])
    assert got[0] == Failure(str(fake), f"[DW108] {fake}: could not be read (it is not a gzip file).")
    assert isinstance(got[-1], Failure) and got[-1].message.startswith(f"[DW108] {truncated}: could not be read (")
    assert "read 2 line(s) before it" in got[-1].message or "read 1 line(s) before it" in got[-1].message


def test_batch_parquet_rows_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "f.parquet"
    pq.write_table(pa.table({
        "text": ["Seoul and Tokyo agreed to resume talks.", "Second article.", "Third."],
        "published": [dt.date(2024, 3, 12), None, None],
        "url": ["https://example.org/a", None, "not a url"],
        "extra": [1, 2, 3],
    }), path)
    first, second, third = _records([str(path)])
    assert first == RawDocument(source=f"{path}#R1", text="Seoul and Tokyo agreed to resume talks.",
                                url="https://example.org/a", hints={"published": "2024-03-12"})
    assert isinstance(second, RawDocument) and second.source == f"{path}#R2"
    assert third == Failure(f"{path}#R3", f"[DW509] {path} row 3: 'url' must start with http:// or https://, "
                                          "got 'not a url'. The row was skipped; fix it and run the batch again.")
    assert count_items([str(path)]) == 3


def test_batch_parquet_without_a_text_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.parquet"
    pq.write_table(pa.table({"body": ["x"], "title": ["t"]}), path)
    assert _records([str(path)]) == [Failure(str(path), (
        f"[DW508] {path}: the Parquet file has neither a 'text' nor an 'html' column (columns: body, title). "
        "Name the article column 'text' (or 'html'); url, title, outlet, authors and published are read too."))]


def test_batch_refuses_urls_and_unknown_files_and_reads_directories_like_ingest(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "b.txt").write_text("Second article text here.")
    (tmp_path / "corpus" / "a.md").write_text("First article text here.")
    (tmp_path / "corpus" / "sub" / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps(GOOD).encode()))
    (tmp_path / "corpus" / "README.md").write_text("about the corpus")
    (tmp_path / "corpus" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty").mkdir()
    pdf = tmp_path / "corpus" / "notes.pdf"
    got = _records(["https://example.org/feed.rss", str(tmp_path / "corpus"), str(pdf), str(tmp_path / "empty")])
    assert got[0].message == ("[DW507] https://example.org/feed.rss: dyadwatch batch does not read a URL. It reads "
                              ".txt, .md, .html/.htm, .jsonl, .jsonl.gz and .parquet files and directories of them.")
    assert isinstance(got[1], Notice) and got[1].message.startswith("[W103]")
    assert [Path(r.source).name for r in got[2:5]] == ["a.md", "b.txt", "c.jsonl.gz#L1"]
    assert got[5].message.startswith(f"[DW507] {pdf}: dyadwatch batch does not read a '.pdf' file.")
    assert got[6].message.startswith("[DW109]")


def test_batch_partitions_keep_input_order_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text("".join(json.dumps({**GOOD, "text": f"Article {i}."}) + "\n" for i in range(7)))
    parts = [p for p in partitions([str(path)], size=3, max_file_bytes=LIMIT) if isinstance(p, Partition)]
    assert [(p.index, p.first, len(p.items)) for p in parts] == [(0, 0, 3), (1, 3, 3), (2, 6, 1)]
    assert parts[0].label == f"{path}#L1 … {path}#L3" and parts[2].label == f"{path}#L7"


def test_a_packed_partition_reads_back_as_the_same_records_in_less_than_its_text(tmp_path: Path) -> None:
    # partitions travel to the workers packed (Dask's message logs keep what they carried)
    text = " ".join(["Moscow and Beijing signed a trade agreement worth $25 billion on Tuesday, officials said."] * 8)
    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text("".join(json.dumps({**GOOD, "text": f"{text} Ça {i} — 北京."}) + "\n" for i in range(40)),
                     encoding="utf-8")
    table = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"text": [text, "Kyiv and Warsaw met."],
                             "published": [dt.date(2024, 3, 12), None]}), table)
    parts = [p for p in partitions([str(jsonl), str(table)], size=50, max_file_bytes=LIMIT) if isinstance(p, Partition)]
    items = [i for p in parts for i in p.items]
    assert len(items) == 42
    packed = pack_items(items)
    assert isinstance(packed, bytes) and len(packed) < len(text) * 42 / 4
    back = unpack_items(packed)
    assert back == items
    assert [raw_from_item(i) for i in back] == [raw_from_item(i) for i in items]
