"""The repository holds only what the project wrote: no passage of the gold texts, the seeds or
the PLOVER gold records (read from ../shared at run time, never copied) in any file it tracks.

A passage is a run of ``RUN`` words (lower case, punctuation ignored): long enough that two
writers do not share it by chance ("on the sidelines of the G20 summit" is 8), short enough
that a copied sentence with a name or two changed is still caught.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, need_shared

RUN = 11
_WORD = re.compile(r"[a-z0-9]+")
#: files that are not text the project writes (binary data, generated model weights)
_SKIP_SUFFIXES = {".png", ".jpg", ".ico", ".gz", ".db", ".onnx", ".bin", ".npy", ".woff", ".woff2"}


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _shared_texts() -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"]
             for p in sorted((SHARED / "external" / "plover-gsr-gold").glob("*.json"))]
    for line in (SHARED / "eval" / "wide" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((SHARED / "seeds").iterdir())
              if p.is_file()]
    return texts


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [ROOT / name for name in out.splitlines() if Path(name).suffix not in _SKIP_SUFFIXES]


def _gold(runs: Callable[[str], set[tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """The runs of every shared gold text."""
    need_shared()
    gold: set[tuple[str, ...]] = set()
    for text in _shared_texts():
        gold |= runs(text)
    assert len(gold) > 10_000  # the shared texts were read
    return gold


def _tracked_with_gold(runs: Callable[[str], set[tuple[str, ...]]]) -> list[str]:
    """Each tracked file sharing a run with the gold texts, with its first shared run."""
    gold = _gold(runs)
    found = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        shared = runs(text) & gold
        if shared:
            found.append(f"{path.relative_to(ROOT)}: {' '.join(sorted(shared)[0])!r} ({len(shared)} runs)")
    return found


def test_no_gold_passage_in_the_repository() -> None:
    found = _tracked_with_gold(_runs)
    assert not found, "passages of the shared gold texts, copied into the repository:\n" + "\n".join(found)


def test_the_check_catches_a_copied_sentence(tmp_path: Path) -> None:
    """A gold sentence with its names changed is still caught; our own sentence on the same
    subject is not."""
    need_shared()
    text = json.loads(sorted((SHARED / "external" / "plover-gsr-gold").glob("*.json"))[0].read_text())["text"]
    words = text.split()
    if len(words) < RUN + 4:
        pytest.skip("the first gold record is too short for this check")
    gold = _runs(text)
    copied = " ".join(["Norway"] + words[1:])  # the first word changed
    assert _runs(copied) & gold
    assert not _runs("Norway and Sweden agreed on Monday to reopen their border crossings to trade and travel "
                     "after a month of talks in Oslo.") & gold


#: a shorter run, with every capitalised word masked, catches a gold sentence copied with its
#: names (and only its names) changed, which the plain 11-word runs miss
MASKED_RUN = 8
#: stock phrases any writer uses: a masked run holding one of them is no copy
STOCK_PHRASES = ("sidelines of", "fellow at the", "appeared in the", "said in a statement", "peace agreement between",
                 "head of state noted")


def _masked_runs(text: str) -> set[tuple[str, ...]]:
    """Runs of ``MASKED_RUN`` words with capitalised words masked as "X", at most half of them
    masked (a run of names alone says nothing), none holding a stock phrase."""
    words = ["X" if w[0].isupper() else w.lower() for w in re.findall(r"[A-Za-z0-9]+", text)]
    out = set()
    for i in range(len(words) - MASKED_RUN + 1):
        run = tuple(words[i:i + MASKED_RUN])
        if 2 * run.count("X") <= MASKED_RUN and not any(p in " ".join(run) for p in STOCK_PHRASES):
            out.add(run)
    return out


def test_no_gold_passage_with_its_names_changed() -> None:
    found = _tracked_with_gold(_masked_runs)
    assert not found, "gold passages with their names changed, in the repository:\n" + "\n".join(found)


def test_the_masked_check_catches_a_renamed_copy() -> None:
    """Eight words of a gold sentence with its names changed are caught; a stock phrase, or our own
    sentence on the same subject, is not."""
    gold = _gold(_masked_runs)
    record = json.loads(sorted((SHARED / "external" / "plover-gsr-gold").glob("*.json"))[0].read_text())["text"]
    renamed = re.sub(r"\b[A-Z][a-z]+\b", "Norway", record)
    if not _masked_runs(record):
        pytest.skip("the first gold record has no run of ordinary words long enough for this check")
    assert _masked_runs(renamed) & gold
    assert not _masked_runs("Norway and Sweden agreed on Monday to reopen their border crossings to trade and "
                            "travel after a month of talks in Oslo.") & gold
    assert not _masked_runs("Norway and Sweden met on the sidelines of the Arctic Council meeting in Tromso.") & gold
