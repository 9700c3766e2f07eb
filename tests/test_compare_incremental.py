"""Incremental compare: what ingest, load and watch run after adding documents.

Run on real stores with the real pipeline: the seed articles and the bundled examples,
ingested in several runs, must give the same copies, stories and relations as one full compare,
and syndicated copies must add neither relations nor sources.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from dyadwatch import Store, ingest_sources
from dyadwatch.cli import cli
from dyadwatch.compare import compare_store

from conftest import EXAMPLES, SEEDS, need_shared


def _state(store: Store) -> tuple[set, set, set]:
    """Groups, stories and relations, in terms that do not depend on insertion order."""
    groups = {(r["document_id"], r["group_id"]) for r in store.execute("SELECT * FROM document_groups")}
    stories = set()
    for r in store.execute("SELECT * FROM stories"):
        docs = frozenset(e["document_id"] for e in store.execute(
            "SELECT e.document_id FROM story_events se JOIN events e ON e.id = se.event_id WHERE se.story_id = ?",
            (r["id"],)))
        stories.add((r["source"], r["target"], r["type"], r["negated"], r["date"], r["reports"],
                     r["independent_sources"], docs))
    # (which side is "a" depends on the order claims were read in)
    relations = {(frozenset({(r.a_document, r.a_start), (r.b_document, r.b_start)}), r.relation)
                 for r in store.relations()}
    return groups, stories, relations


def _split(src: Path, tmp: Path) -> tuple[Path, Path]:
    files = sorted(p for p in src.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    first, second = tmp / "first", tmp / "second"
    first.mkdir()
    second.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, (first if i < len(files) // 2 else second) / f.name)
    return first, second


def test_ingest_in_two_runs_gives_what_one_full_compare_gives(tmp_path: Path, nlp) -> None:
    first, second = _split(EXAMPLES, tmp_path)
    with Store(tmp_path / "steps.db") as store:
        ingest_sources(store, [str(first)], nlp=nlp)
        through = store.compared_through()
        summary = ingest_sources(store, [str(second)], nlp=nlp)
        # the second run compared only what it added
        assert summary.comparison is not None and summary.comparison.documents == summary.added > 0
        assert store.compared_through() > through
        stepwise = _state(store)
        full = compare_store(store)  # the same store, compared from scratch
        assert full.documents == len(store.document_ids())
        assert _state(store) == stepwise
    assert stepwise[2], "the examples contradict and confirm each other"


def test_copies_add_no_relation_and_no_independent_source(tmp_path: Path, nlp) -> None:
    need_shared()
    originals = tmp_path / "seeds"
    shutil.copytree(SEEDS, originals)
    with Store(tmp_path / "seeds.db") as store:
        ingest_sources(store, [str(originals)], nlp=nlp)
        before = _state(store)
        sources_before = {(s[0], s[1], s[2], s[4]): s[6] for s in before[1]}
        copies = tmp_path / "copies"
        copies.mkdir()
        for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
            for n in range(3):  # syndicated copies: a line added on top, as republishers do
                (copies / f"copy{i}-{n}.txt").write_text(f"Republished from a partner site ({n}).\n\n"
                                                         + seed.read_text(encoding="utf-8"), encoding="utf-8")
        summary = ingest_sources(store, [str(copies)], nlp=nlp)
        assert summary.added == 9 and summary.comparison.duplicate_groups >= 3
        after = _state(store)
        assert after[2] == before[2]  # not one relation more
        for s in after[1]:
            key = (s[0], s[1], s[2], s[4])
            if key in sources_before:
                assert s[6] == sources_before[key]  # more reports, no more independent sources


def test_a_document_analysed_anew_makes_the_next_compare_full(tmp_path: Path, nlp) -> None:
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(EXAMPLES)], nlp=nlp)
        assert store.compared_through() is not None and not store.comparison_stale()
        doc = next(iter(store.documents()))
        store.write(doc, store.analysis(doc.id))
        assert store.compared_through() is None and store.comparison_stale()
        summary = compare_store(store, full=False)  # no record to build on: a full compare
        assert summary.documents == len(store.document_ids())
        assert not store.comparison_stale()


def test_cli_compare_only_new_documents_unless_all(tmp_path: Path, nlp) -> None:
    db = tmp_path / "x.db"
    with Store(db) as store:
        ingest_sources(store, [str(EXAMPLES)], nlp=nlp)
        n = len(store.document_ids())
    run = CliRunner().invoke(cli, ["compare", "--db", str(db)], catch_exceptions=False)
    assert run.exit_code == 0 and run.stdout.startswith("compared 0 documents")
    run = CliRunner().invoke(cli, ["compare", "--all", "--db", str(db)], catch_exceptions=False)
    assert run.exit_code == 0 and run.stdout.startswith(f"compared {n} documents")


def test_claim_sentences_are_embedded_once(tmp_path: Path, nlp) -> None:
    from dyadwatch.analyze.embeddings import Embedder

    embedder = Embedder()
    embedded: list[str] = []

    def counting(texts: list[str]):
        embedded.extend(texts)
        return embedder.encode(texts)

    first, second = _split(EXAMPLES, tmp_path)
    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(first)], nlp=nlp, compare=False)
        compare_store(store, embed=counting)
        # the first half is one article: it shares a pair of states with none, nothing is embedded
        assert len(list(first.iterdir())) == 1
        assert embedded == [] and store.execute("SELECT count(*) FROM claim_vectors")[0][0] == 0
        ingest_sources(store, [str(second)], nlp=nlp, compare=False)
        new_ids = set(store.document_ids()[-len(list(second.iterdir())):])
        keys = lambda: {tuple(r) for r in store.execute('SELECT document_id, start, "end" FROM claim_vectors')}  # noqa: E731
        before = keys()
        embedded.clear()
        compare_store(store, embed=counting, full=False)
        added = keys() - before
        # what this compare embedded is exactly what the store lacked: the new documents' claims,
        # and those of a candidate no earlier compare needed (an article about a pair no other
        # article was about then); none stored before was embedded again
        assert embedded and len(embedded) == len(added)
        assert {d for d, _, _ in added} & new_ids and {d for d, _, _ in added} - new_ids
        # a full compare now finds every vector it needs in the store
        embedded.clear()
        compare_store(store, embed=counting)
        assert embedded == [] and store.relations()


def test_a_block_scored_from_the_new_claims_rows_decides_what_the_whole_square_decides(tmp_path: Path, nlp) -> None:
    """An incremental compare's block (``involving``: the new documents) is scored from the rows
    of the new claims only, a k x n product instead of the block's n x n square: every document
    of the examples taken in turn as the new one, the pairs decided, their order and decisions
    are those the whole square gives with a side in that document."""
    from dyadwatch.compare import claim_items, claim_vectors, default_direction, document_pairs
    from dyadwatch.compare.relations import claim_pairs, decide_pairs

    with Store(tmp_path / "x.db") as store:
        ingest_sources(store, [str(EXAMPLES)], nlp=nlp, compare=False)
        docs = store.document_ids()
        dyad_of = document_pairs(store, docs)
        claims = claim_items(store, docs, group_of={}, dyad_of=dyad_of, direction=default_direction())
        vectors, _ = claim_vectors(store, claims, None)

    def key(decided: list) -> list:
        return [(a.document_id, a.start, b.document_id, b.start, d.relation, d.score, d.why) for a, b, d in decided]

    blocks: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(claims):
        for pair in claim_pairs(c):
            blocks.setdefault(pair, []).append(i)
    checked = decided = 0
    for pair, idx in sorted(blocks.items()):
        block, block_vectors = [claims[i] for i in idx], vectors[idx]
        whole = decide_pairs(block, block_vectors, pair=pair)
        for doc in sorted({c.document_id for c in block}):
            expected = [x for x in whole if doc in (x[0].document_id, x[1].document_id)]
            assert key(decide_pairs(block, block_vectors, pair=pair, involving={doc})) == key(expected)
            checked += 1
            decided += len(expected)
        # a block where no claim is new (a pair only candidates are about) decides nothing
        assert decide_pairs(block, block_vectors, pair=pair, involving={"not-in-the-store"}) == []
    # every document was the new one in each block of its pairs, and the examples relate there
    assert checked >= len(docs) and decided > 0
