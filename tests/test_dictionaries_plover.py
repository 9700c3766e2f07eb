"""The PLOVER codebook data file and its loader, and the modules that take their types from it."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from dyadwatch.analyze.events import PLOVER_TYPES, intensity_of, load_lexicon
from dyadwatch.dictionaries import DictionaryFormatError
from dyadwatch.dictionaries.plover import CODEBOOK, codebook, read_codebook
from dyadwatch.dictionaries.words import word_lists
from dyadwatch.records import Modality

#: the PLOVER manual's types and quads (draft 0.8), written out here as the oracle
MANUAL = {
    "verbal cooperation": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    "material cooperation": ["COOPERATE", "AID", "RETREAT"],
    "verbal conflict": ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
    "material conflict": ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
}


def test_the_codebook_has_the_manuals_types_in_order_with_their_quads() -> None:
    book = codebook()
    assert book.name == "dyadwatch.plover.v1"
    assert list(book.quads) == list(MANUAL)
    assert list(book.type_names) == [t for types in MANUAL.values() for t in types]
    assert {q: list(ts) for q, ts in book.quad_types} == MANUAL
    # cooperation is scored above zero, conflict below
    for t in book.types:
        assert (t.intensity > 0) == t.quad.endswith("cooperation"), t


def test_modalities_are_the_records_and_contexts_cover_what_the_coder_assigns() -> None:
    book = codebook()
    assert book.modalities == typing.get_args(Modality)
    used = set(word_lists("events", "en").groups("context_words"))
    lexicon = load_lexicon("dyadwatch.events.v2")
    for table in (lexicon.verbs, lexicon.nouns):
        used |= {c for triggers in table.values() for t in triggers for c in t.contexts}
        assert {t.type for triggers in table.values() for t in triggers} <= set(book.type_names)
    assert used == set(book.contexts)


def test_users_take_their_lists_from_the_codebook() -> None:
    from dyadwatch.report.dyad import QUAD_OF, QUADS
    from dyadwatch.report.queries import PLOVER_TYPES as REPORT_TYPES
    from dyadwatch.web.data import QUAD_ORDER
    from dyadwatch.web.data import QUADS as WEB_QUADS
    from dyadwatch.web.listing import MODALITIES

    book = codebook()
    assert PLOVER_TYPES == REPORT_TYPES == book.type_names
    assert QUAD_OF == WEB_QUADS == book.quad_of and QUADS == book.quad_types and QUAD_ORDER == book.quads
    assert MODALITIES == book.modalities
    # a mode without an intensity of its own takes the type's default
    assert intensity_of("ASSAULT", None) == book.intensity_of["ASSAULT"] == -9.57
    assert intensity_of("ASSAULT", "no-such-mode") == -9.57
    assert intensity_of("ASSAULT", "firearms") == -10.0


@pytest.mark.parametrize("change, says", [
    (lambda d: d["types"].append(dict(d["types"][0])), "listed twice: AGREE"),
    (lambda d: d["types"][0].update(quad="verbal sympathy"), "quad 'verbal sympathy' is not one of"),
    (lambda d: d["types"][0].update(intensity=12), "intensity 12 is not a number from -10 to 10"),
    (lambda d: d.pop("contexts"), "'contexts' is missing"),
])
def test_a_bad_codebook_is_named_with_what_is_wrong(tmp_path: Path, change, says: str) -> None:
    data = json.loads(CODEBOOK.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "book.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DictionaryFormatError) as err:
        read_codebook(path)
    assert says in str(err.value) and str(path) in str(err.value) and "[DW261]" in str(err.value)
