"""Shared fixtures: the real trained spaCy pipeline, real SQLite files, the ../shared kit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "dev"
EXAMPLES = ROOT / "examples"

# plugins from entry points are not loaded under pytest (see dyadwatch.plugins)
sys._called_from_test = True  # type: ignore[attr-defined]


def need_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not found: the shared kit must sit beside the checkout")


@pytest.fixture(scope="session")
def nlp():
    from dyadwatch.analyze import load_pipeline

    return load_pipeline()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, nlp) -> Path:
    """A database with the three seed articles ingested (built once per test session)."""
    need_shared()
    from dyadwatch import Store, ingest_sources

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        summary = ingest_sources(store, [str(SEEDS)], nlp=nlp)
    assert summary.added == 3, summary.messages
    return path


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, nlp) -> Path:
    from dyadwatch import Store, ingest_sources

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with Store(path) as store:
        summary = ingest_sources(store, [str(EXAMPLES)], nlp=nlp)
    assert summary.failed == 0, summary.messages
    return path
