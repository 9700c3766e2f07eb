"""The spaCy model's attribute ruler and lemmatizer, answered through tables.

``en_core_web_sm``'s ``attribute_ruler`` maps each token's fine tag (with its word or its
dependency label for some) to its coarse part of speech and morphology: 179 one-token patterns
and one of two tokens. spaCy runs them through its general ``Matcher``, which tries every pattern
on every token: 2.4 of the 3.0 CPU seconds the component takes over the 400 articles of
``bench/throughput.py --cli`` (about 100,000 tokens), more than any of dyadwatch's own components.

A one-token pattern that tests only equality or membership of a token's string attributes and
flags gives the same answer for every token with the same values of those attributes, so the
answer is worked out once per distinct combination and then looked up. Every other pattern (more
tokens, operators, regular expressions, other attributes) stays with a ``Matcher`` of its own.
The ruler receives the same matches as from its stock ``Matcher`` (one per rule, start and end,
as that one deduplicates), sorts them and sets the attributes itself, unchanged: its output is
the same Doc (tests/test_tagrules.py checks it against the stock matcher token by token).

The rule lemmatizer (1.0 CPU s over the same articles) walks the Doc token by token in Python and
asks its rules, or its cache, for each. Its answer depends only on the token's text, part of
speech and morphology, so ``TableLemmatizer`` reads those for the whole Doc at once, asks the
stock lemmatizer once per distinct combination and writes the lemmas back in one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS  # type: ignore[import-not-found]
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["TableLemmatizer", "TableMatcher", "lemmatize_by_table", "match_by_table"]

#: token attributes held as string hashes in ``Doc.to_array``, as the Matcher compares them
_STRINGS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "ENT_TYPE"})
#: boolean lexical flags (0 or 1 in ``Doc.to_array``)
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                    "IS_STOP", "LIKE_NUM"})

#: one test of a compiled pattern: (column, kind, value or values); kind is "eq", "in" or "not_in"
_Test = tuple[int, str, Any]


def match_by_table(nlp: Language) -> None:
    """Give the pipeline's ``attribute_ruler`` a ``TableMatcher`` (no-op without one, or when
    it has one already)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler.matcher, TableMatcher) or not isinstance(ruler.matcher, Matcher):
        return
    keys = [ruler.vocab.strings[str(i)] for i in range(len(ruler.attrs))]
    ruler.matcher = TableMatcher(ruler.matcher, keys)


def lemmatize_by_table(nlp: Language) -> None:
    """Make the pipeline's English rule lemmatizer a ``TableLemmatizer`` (no-op otherwise)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) is EnglishLemmatizer and lemmatizer.mode == "rule":
        lemmatizer.__class__ = TableLemmatizer


class TableLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, asked once per distinct (text, part of speech,
    morphology) of the tokens that need a lemma; the same lemmas."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            table: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_table", {})
            strings = doc.vocab.strings
            rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3:4].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if self.overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    found = table.get(key)
                    if found is None:
                        found = table[key] = strings.add(self.lemmatize(doc[i])[0])
                    lemmas[i, 0] = found
            if len(doc):
                doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc


class TableMatcher:
    """Stands in for an ``AttributeRuler``'s ``Matcher``: called as it is, with the same matches.

    matcher: the ruler's stock Matcher (kept: what is not answered by the table goes to a
    Matcher, and the ruler reads its patterns back from it to serialise them).
    keys: the match ids of the ruler's rules.
    """

    def __init__(self, matcher: Any, keys: Sequence[int]) -> None:
        self.stock: Any = matcher  # spaCy's Matcher (its type stubs lack ``vocab``)
        self.rest = Matcher(matcher.vocab, validate=False)
        self.columns: list[str] = []
        #: (match id, tests) for each one-token pattern answered by the table
        self.simple: list[tuple[int, list[_Test]]] = []
        for key in keys:
            got = matcher.get(key)
            if got is None:
                continue
            others = []
            for pattern in got[1]:
                tests = self._compile(pattern)
                if tests is None:
                    others.append(pattern)
                else:
                    self.simple.append((key, tests))
            if others:
                self.rest.add(key, others)
        self.ids = [IDS[c] for c in self.columns]
        #: attribute values of a token -> the match ids of the one-token patterns it meets
        self.table: dict[tuple[int, ...], tuple[int, ...]] = {}
        #: a rule was added or removed since: the stock matcher answers
        self.changed = False

    def _compile(self, pattern: list[dict[str, Any]]) -> list[_Test] | None:
        """The tests of a one-token pattern, or None when the table cannot answer it."""
        if len(pattern) != 1:
            return None
        tests: list[_Test] = []
        for name, value in pattern[0].items():
            name = name.upper()
            if name not in _STRINGS and name not in _FLAGS:
                return None  # "OP", regular expressions' attributes, POS, …
            if name not in self.columns:
                self.columns.append(name)
            column = self.columns.index(name)
            if name in _FLAGS:
                if not isinstance(value, bool):
                    return None
                tests.append((column, "eq", int(value)))
            elif isinstance(value, str):
                tests.append((column, "eq", get_string_id(value)))
            elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
                kind, values = next(iter(value.items()))
                if not all(isinstance(v, str) for v in values):
                    return None
                tests.append((column, kind.lower(), frozenset(get_string_id(v) for v in values)))
            else:
                return None
        return tests

    def _meets(self, row: tuple[int, ...]) -> tuple[int, ...]:
        keys: list[int] = []
        for key, tests in self.simple:
            if key in keys:
                continue
            for column, kind, value in tests:
                got = row[column]
                if kind == "eq":
                    if got != value:
                        break
                elif (got in value) != (kind == "in"):
                    break
            else:
                keys.append(key)
        return tuple(keys)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False,
                 **kwargs: Any) -> Any:
        if as_spans or kwargs or self.changed or not self.simple:
            return self.stock(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        out: list[tuple[int, int, int]] = []
        table = self.table
        for i, row in enumerate(map(tuple, doc.to_array(self.ids).tolist()) if len(doc) else ()):
            keys = table.get(row)
            if keys is None:
                keys = table[row] = self._meets(row)
            out.extend((key, i, i + 1) for key in keys)
        if len(self.rest):
            seen = set(out)
            out.extend(m for m in self.rest(doc, allow_missing=allow_missing) if m not in seen)
        return out

    def __len__(self) -> int:
        return len(self.stock)

    def __contains__(self, key: Any) -> bool:
        return key in self.stock

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.stock.add(*args, **kwargs)
        self.changed = True

    def remove(self, key: Any) -> None:
        self.stock.remove(key)
        self.changed = True

    def __getattr__(self, name: str) -> Any:
        # get, vocab, …: the stock matcher's (not while unpickling, before ``stock`` is set)
        if name == "stock" or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.stock, name)
