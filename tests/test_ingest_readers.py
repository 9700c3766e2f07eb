"""Reading files: formats, directories, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.ingest import Failure, Notice, discover, read_path
from dyadwatch.records import RawDocument

ARTICLE = ("Ankara and Athens agreed on Tuesday to reopen talks on maritime borders, officials said.\n\n"
           "The foreign ministers will meet next month in Brussels.")
LIMIT = 1_000_000


def read(path: Path, limit: int = LIMIT) -> list:
    return list(read_path(path, max_file_bytes=limit))


def test_readers_plain_text_is_kept_verbatim(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(("\ufeff" + ARTICLE).encode("utf-8"))
    [raw] = read(p)
    assert isinstance(raw, RawDocument)
    assert raw.text == ARTICLE and raw.source == str(p) and raw.warnings == ()


def test_readers_html_main_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks reopen | Aegean Ledger</title>"
        '<meta name="author" content="Maria Kostas"><meta property="og:site_name" content="Aegean Ledger">'
        '<meta property="article:published_time" content="2024-05-14T09:00:00Z">'
        '<link rel="canonical" href="https://example.org/2024/05/14/talks"></head>'
        "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Talks reopen</h1>"
        f"<p>{ARTICLE.splitlines()[0]}</p><p>{ARTICLE.splitlines()[2]}</p></article>"
        "<footer>© 2024 Aegean Ledger</footer></body></html>", encoding="utf-8")
    [raw] = read(p)
    assert isinstance(raw, RawDocument)
    assert "Ankara and Athens agreed" in raw.text and "Home" not in raw.text
    assert raw.hints["authors"] == ["Maria Kostas"]
    assert raw.hints["outlet"] == "Aegean Ledger"
    assert raw.hints["published"] == "2024-05-14"
    assert raw.url == "https://example.org/2024/05/14/talks"


def test_readers_jsonl_reports_bad_lines_by_number_and_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "url": "https://example.org/a", "title": "Talks", "authors": ["A. B"],
                    "outlet": "Wire", "published": "2024-05-14"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"html": f"<html><body><article><p>{ARTICLE}</p></article></body></html>",
                    "authors": "Solo Writer"}),
        json.dumps({"text": ARTICLE + " More.", "url": "ftp://example.org/x"}),
        json.dumps({"text": ARTICLE + " Other.", "authors": [1, 2]}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    items = read(p)
    good = [i for i in items if isinstance(i, RawDocument)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert len(good) == 2
    assert good[0].hints == {"title": "Talks", "outlet": "Wire", "published": "2024-05-14", "authors": ["A. B"]}
    assert good[0].url == "https://example.org/a" and good[0].source == f"{p}#L1"
    assert good[1].hints["authors"] == ["Solo Writer"] and "Ankara" in good[1].text
    assert [f.source.rsplit("#L", 1)[1] for f in bad] == ["2", "3", "4", "5", "8", "9"]
    assert "line 2: not valid JSON" in bad[0].message
    assert "neither 'text' nor 'html'" in bad[1].message
    assert "'text' must be a string, got int" in bad[2].message
    assert "expected a JSON object, got list" in bad[3].message
    assert "'url' must start with http" in bad[4].message
    assert "'authors' must be a list of strings" in bad[5].message


@pytest.mark.parametrize("content,reason", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"hello\x00world\x00" * 20, "NUL bytes"),
    (bytes(range(1, 9)) * 100, "control characters"),
])
def test_readers_refuse_binary_files(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(content)
    [f] = read(p)
    assert isinstance(f, Failure)
    assert "[DW102]" in f.message and reason in f.message and str(p) in f.message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t "])
def test_readers_refuse_empty_files(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.md"
    p.write_bytes(content)
    [f] = read(p)
    assert isinstance(f, Failure) and "[DW103]" in f.message and "empty" in f.message


def test_readers_detect_encoding_and_warn(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la Chine et la Russie coopèrent étroitement à Genève. " * 3
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    [raw] = read(p)
    assert isinstance(raw, RawDocument)
    assert "déclaré" in raw.text and "Genève" in raw.text
    assert len(raw.warnings) == 1 and "[W101]" in raw.warnings[0] and "not valid UTF-8" in raw.warnings[0]


def test_readers_utf16_with_bom_is_text(tmp_path: Path) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    [raw] = read(p)
    assert isinstance(raw, RawDocument) and raw.text == ARTICLE


def test_readers_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(ARTICLE * 50)
    [f] = read(p, limit=1000)
    assert isinstance(f, Failure) and "[DW104]" in f.message and "1,000 bytes" in f.message


def test_readers_html_without_text(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    [f] = read(p)
    assert isinstance(f, Failure) and ("[DW107]" in f.message or "[DW108]" in f.message)


def test_discover_walks_directories_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    for name in ("z.txt", "a.md", "b/deep/c.html", "b/d.jsonl", "notes.csv", ".hidden.txt", "README.md"):
        (tmp_path / name).write_text("x")
    found = discover([str(tmp_path), str(tmp_path / "missing.txt")])
    paths = [str(p.relative_to(tmp_path)) for p in found if isinstance(p, Path)]
    assert paths == ["a.md", "z.txt", "b/d.jsonl", "b/deep/c.html"]
    assert any(isinstance(x, Notice) and "README.md" in x.message for x in found)
    [missing] = [x for x in found if isinstance(x, Failure)]
    assert "[DW101]" in missing.message and "missing.txt" in missing.message


def test_discover_empty_directory_is_an_error(tmp_path: Path) -> None:
    [f] = discover([str(tmp_path)])
    assert isinstance(f, Failure) and "[DW109]" in f.message


def test_readers_unsupported_suffix_given_explicitly(tmp_path: Path) -> None:
    p = tmp_path / "table.csv"
    p.write_text("a,b\n1,2\n")
    [f] = read(p)
    assert isinstance(f, Failure) and "[DW106]" in f.message and "'.csv'" in f.message
