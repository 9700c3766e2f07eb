"""Reliability: inputs at the edges of what the pipeline takes (issue 8).

Regression tests for what the fuzzing found: a text longer than spaCy's ``max_length`` stopped
the whole ingest with a ValueError, and long documents took quadratic time in the events,
stance and claims components (each sentence scanned the whole document's entities, mentions
and figures). Real spaCy pipeline, real SQLite files.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from spacy.tokens import Doc

from dyadwatch import Store, ingest_sources

PARAGRAPH = (
    "China and Russia agreed on Monday to expand trade by 5 percent, officials said. "
    "The Kremlin said Putin would visit Beijing in March 2024. "
    "India rejected the proposal and accused Pakistan of shelling the border on 3 May 2023. "
    "\"We will not join the sanctions,\" Wang Yi told reporters in New Delhi. "
    "Trade between the two reached $240 billion last year, up 26 percent. "
)


def test_reliability_text_over_max_length_is_stored_not_analysed(tmp_path: Path, nlp) -> None:
    started = time.monotonic()
    folder = tmp_path / "in"
    folder.mkdir()
    # 10 MB of one "sentence" (ten times nlp.max_length), and a normal article after it
    (folder / "a_huge.txt").write_text("China and Russia " + "agreed and " * 950_000 + "signed a deal.\n",
                                       encoding="utf-8")
    (folder / "b_small.txt").write_text(PARAGRAPH, encoding="utf-8")
    db = tmp_path / "news.db"
    with Store(db) as store:
        summary = ingest_sources(store, [str(folder)], nlp=nlp, compare=False)
    assert summary.added == 2 and summary.failed == 0, summary.messages
    assert summary.skipped_too_long == 1
    assert any(m.startswith("[W104]") and "a_huge.txt" in m and "1,000,000" in m for m in summary.messages)
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT source, analysis_skipped FROM documents").fetchall())
    huge = next(k for k in rows if k.endswith("a_huge.txt"))
    assert rows[huge].startswith("too long: 10,450,0")
    assert rows[next(k for k in rows if k.endswith("b_small.txt"))] is None
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    # a rerun finds both stored and analysed as well as they can be: nothing is redone
    with Store(db) as store:
        again = ingest_sources(store, [str(folder)], nlp=nlp, compare=False)
    assert (again.added, again.present, again.failed) == (0, 2, 0)
    assert time.monotonic() - started < 90  # bounded: reading, hashing and storing 10 MB twice


def test_reliability_long_document_components_are_linear(nlp) -> None:
    """A 300-copy document (about 110,000 characters, 1,500 sentences) through dyadwatch's own
    components: quadratic code took 9 s here (events 6.5 s, stance 2 s), linear code 2 s."""
    one = nlp.make_doc(PARAGRAPH)
    for name, proc in nlp.pipeline:
        if not name.startswith("dyadwatch_"):
            one = proc(one)
    ours = [(name, proc) for name, proc in nlp.pipeline if name.startswith("dyadwatch_") and
            name != "dyadwatch_paragraphs"]

    def run(copies: int) -> tuple[float, Doc]:
        doc = Doc.from_docs([one] * copies)
        doc._.dw_ref_date = "2024-01-15"
        t0 = time.perf_counter()
        for _name, proc in ours:
            doc = proc(doc)
        return time.perf_counter() - t0, doc

    # the fastest of a few runs: other processes on the machine only ever add time
    small, small_doc = min((run(20) for _ in range(3)), key=lambda r: r[0])
    large, large_doc = min((run(300) for _ in range(2)), key=lambda r: r[0])
    assert len(large_doc._.dw_events) == 15 * len(small_doc._.dw_events) > 0
    assert len(large_doc.text) > 100_000
    # 15 times the text: linear code takes about 15 times as long, quadratic code 225 times (it took
    # 9 s on 300 copies here, the linear code 1.5 s); a ratio measured in one run, since an
    # absolute limit fails on a busy machine, with room for noise (quadratic code in quotes and
    # stance, fixed at 2.5 times the work here, gave 33)
    print(f"20 copies {small:.2f} s, 300 copies {large:.2f} s, ratio {large / small:.1f}")
    assert large / small < 30, (small, large)


def test_reliability_jsonl_lone_surrogate_is_a_line_error(tmp_path: Path, nlp) -> None:
    """JSON can escape half of a UTF-16 pair; such a string could not be hashed or stored and
    the UnicodeEncodeError stopped the whole ingest. Now the line is refused, the rest go on."""
    feed = tmp_path / "articles.jsonl"
    feed.write_text(
        '{"text": "China and Russia \\ud800 agreed to expand trade on Monday in Beijing."}\n'
        '{"text": "India and China agreed to resume direct flights, officials said on Monday.", '
        '"authors": ["Jane \\udfff Doe"]}\n'
        '{"text": "Japan and South Korea agreed to hold talks in Seoul \\ud83d\\ude00 next month."}\n',
        encoding="utf-8")
    with Store(tmp_path / "news.db") as store:
        summary = ingest_sources(store, [str(feed)], nlp=nlp, compare=False)
        texts = [r[0] for r in store.execute("SELECT text FROM documents")]
    assert (summary.added, summary.failed) == (1, 2), summary.messages
    assert texts == ["Japan and South Korea agreed to hold talks in Seoul \U0001f600 next month."]
    assert summary.messages[0].startswith("[DW105]") and "line 1: 'text' holds \\ud800" in summary.messages[0]
    assert "line 2: 'authors' holds \\udfff" in summary.messages[1]


def test_reliability_jsonl_line_separators_inside_strings(tmp_path: Path, nlp) -> None:
    """A JSON string may hold U+2028, U+2029 or U+0085 unescaped. The reader split lines with
    str.splitlines(), which breaks there, and refused such a line as malformed; the export wrote
    them raw, so its own output failed the same way. Both now keep the record whole."""
    import io
    import json

    from dyadwatch.export import write_export

    text = "China and Russia agreed\u2028to expand trade\x85 on Monday, officials said\u2029 in Beijing."
    feed = tmp_path / "in.jsonl"
    feed.write_text(json.dumps({"text": text, "title": "Trade\u2028talks"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with Store(tmp_path / "news.db") as store:
        summary = ingest_sources(store, [str(feed)], nlp=nlp, compare=False)
        assert (summary.added, summary.failed) == (1, 0), summary.messages
        out = io.StringIO()
        write_export(store, out, what="records", fmt="jsonl")
    exported = out.getvalue()
    assert len(exported.splitlines()) == 1 and "\\u2028" in exported and "\\u0085" in exported
    record = json.loads(exported)
    assert record["text"] == text
    again = tmp_path / "again.jsonl"
    again.write_text(exported, encoding="utf-8")
    with Store(tmp_path / "again.db") as store:
        assert ingest_sources(store, [str(again)], nlp=nlp, compare=False).added == 1


def test_reliability_blank_files_are_empty_files(tmp_path: Path) -> None:
    """A file holding only a byte-order mark or invisible characters decoded to a blank text and
    was stored as a document (all such files under one id); it is an empty file (DW103)."""
    from dyadwatch.ingest import read_path

    for name, data in (("bom.txt", b"\xff\xfe"), ("bom8.md", b"\xef\xbb\xbf \n"),
                       ("zw.txt", "\u200b\u200f\ufeff \n".encode()),
                       ("zw.jsonl", b'{"text": "\\u200b\\u202e", "html": "\\u2060"}\n')):
        path = tmp_path / name
        path.write_bytes(data)
        items = list(read_path(path, max_file_bytes=1000))
        assert len(items) == 1 and items[0].message.startswith(("[DW103]", "[DW105]")), (name, items)


def test_reliability_feed_item_with_impossible_date(tmp_path: Path) -> None:
    """feedparser reads <updated>0000-00-00</updated> as year -1; the item's date was '-1-11-30'."""
    from dyadwatch.ingest.feeds import parse_feed

    body = (b"<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title><entry><id>x</id><title>China and "
            b"Russia</title><updated>0000-00-00</updated></entry></feed>")
    feed = parse_feed(body, url="https://example.org/atom.xml")
    assert [i.published for i in feed.items] == [None]


def test_reliability_feed_reference_to_no_character() -> None:
    """"&#xd800;" in a feed made feedparser itself raise UnicodeEncodeError (found by bench/fuzz.py);
    references to no character read as U+FFFD, and any other feedparser crash is a DW120."""
    from dyadwatch.ingest.feeds import parse_feed

    body = (b"<rss version='2.0'><channel><title>T &#xd800;</title><item><title>x &#56320; &#x110000;</title>"
            b"<link>https://example.org/a</link><description>China and Russia agreed &#xD800; on Monday."
            b"</description></item></channel></rss>")
    feed = parse_feed(body, url="https://example.org/rss")
    assert feed.title == "T \ufffd" and feed.items[0].title == "x \ufffd \ufffd"
    assert "\ufffd" in feed.items[0].content


def test_reliability_dates_at_the_ends_of_the_calendar() -> None:
    """"on Monday" after 9999-12-31 raised OverflowError (found by bench/fuzz.py)."""
    from dyadwatch.analyze.dates import resolve_date

    assert resolve_date("on Monday", "9999-12-31", future=True) is None
    assert resolve_date("last Friday", "0001-01-01") is None
    assert resolve_date("next week", "9999-12-30") is None
    assert resolve_date("on Monday", "2024-05-08") == "2024-05-06"


def test_reliability_batch_reads_jsonl_as_ingest_does() -> None:
    """A JSONL record whose text is only invisible characters: ingest read its html, batch stored
    the blank text as the article."""
    from dyadwatch.batch.inputs import raw_from_item
    from dyadwatch.ingest.readers import read_jsonl

    line = ('{"text": "\\u200b\\u200f", "html": "<html><body><article><p>China and Russia agreed to expand trade '
            'on Monday, officials said.</p></article></body></html>"}')
    batch = raw_from_item({"line": 1, "path": "x.jsonl", "json": line})
    ingest = next(iter(read_jsonl(line, source="x.jsonl")))
    assert batch.text == ingest.text == "China and Russia agreed to expand trade on Monday, officials said."
