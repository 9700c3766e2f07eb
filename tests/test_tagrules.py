"""The attribute ruler matched through a table (dyadwatch.analyze.tagrules) gives the same
matches, and so the same Doc, as spaCy's stock Matcher."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from dyadwatch.analyze.pipeline import model_name
from dyadwatch.analyze.tagrules import TableLemmatizer, TableMatcher, lemmatize_by_table, match_by_table

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# what the one-token table and the patterns left to a Matcher both meet: contractions, "there is",
# colloquial forms, whitespace tokens, pronouns as objects, auxiliaries, determiners as pronouns
TRICKY = [
    "There is no deal yet, and there are doubts.  Officials said it ain't over.\n\nThey're gonna "
    "talk, y'all; c'mon, let's see. Nothin' was signed and we gotta wait.",
    "He told me that I should call you. It gets worse: they got it wrong, didn't they?\t\n",
    "That is what those who know say; which of them did it is unclear. Do you have it? I did.",
    "Beijing and Tokyo's envoys met on 3 May 2024 (Friday) in Seoul -- \"briefly,\" she noted.",
    "",
    "   ",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for folder in (EXAMPLES, SEEDS):
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
                      if p.suffix in (".txt", ".md", ".html", ".jsonl")]
    return texts


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    return spacy.load(model_name())


def test_same_matches_as_the_stock_matcher(stock) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(_texts()))
    expected = [ruler.match(d) for d in docs]
    table = TableMatcher(ruler.matcher, [ruler.vocab.strings[str(i)] for i in range(len(ruler.attrs))])
    assert table.simple and len(table.rest)  # both ways of matching are exercised
    got = [sorted((int(ruler.vocab.strings[k]), k, s, e) for k, s, e in table(d, allow_missing=True))
           for d in docs]
    assert sum(map(len, expected)) > 1000
    assert got == expected
    # and again, with every row now answered from the table
    assert [sorted((int(ruler.vocab.strings[k]), k, s, e) for k, s, e in table(d, allow_missing=True))
            for d in docs] == expected


def test_pipeline_docs_identical_to_the_stock_pipeline(stock) -> None:
    fast = spacy.load(model_name())
    match_by_table(fast)
    lemmatize_by_table(fast)
    assert isinstance(fast.get_pipe("attribute_ruler").matcher, TableMatcher)
    assert type(fast.get_pipe("lemmatizer")) is TableLemmatizer
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    texts = _texts()
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert [t.morph.to_json() for t in a] == [t.morph.to_json() for t in b]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    # a second pass answers every lemma from the table
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_load_pipeline_uses_the_tables(nlp) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, TableMatcher)
    assert type(nlp.get_pipe("lemmatizer")) is TableLemmatizer


def test_lemmatizer_keeps_lemmas_set_before_it(stock) -> None:
    """Lemmas the attribute ruler set ("gets" -> "get") are not overwritten; the rest are filled."""
    fast = spacy.load(model_name())
    lemmatize_by_table(fast)
    text = "It gets worse: they got it wrong and the envoys were leaving."
    assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in stock(text)]
    assert "get" in [t.lemma_ for t in fast(text)] and "envoy" in [t.lemma_ for t in fast(text)]


def test_added_rule_falls_back_to_the_stock_matcher() -> None:
    fast = spacy.load(model_name())
    match_by_table(fast)
    ruler = fast.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "envoys"}]], {"LEMMA": "ENVOY-TEST"})
    assert [t.lemma_ for t in fast("The envoys met.")][1] == "ENVOY-TEST"


def test_survives_pickling_and_serialisation(stock) -> None:
    fast = spacy.load(model_name())
    match_by_table(fast)
    ruler = fast.get_pipe("attribute_ruler")
    copy = pickle.loads(pickle.dumps(ruler.matcher))
    doc = fast("There is a deal, they said.")
    assert copy(doc, allow_missing=True) == ruler.matcher(doc, allow_missing=True)
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns
