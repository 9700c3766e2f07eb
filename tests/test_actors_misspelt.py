"""A state's or a leader's name misspelt by one letter, through the real pipeline.

Wire copy misspells names ("Afganistan", "Mitterand"); the NER still tags them as a place or a
person, and the resolver takes such a name for the one state or person it is one letter away
from. Sentences here are written for these tests.
"""

from __future__ import annotations

import pytest

from dyadwatch.analyze.actors import _one_edit


def analyse(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.dw_ref_date = None
    return nlp(doc)


def mentions(doc) -> list[tuple[str, str]]:
    return [(m["text"], m["code"]) for m in doc._.dw_mentions]


def triples(doc) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["type"]) for e in doc._.dw_events}


@pytest.mark.parametrize("text,mention,event", [
    ("Islamabad turned down a new proposal from Afganistan for border talks.", ("Afganistan", "AFG"),
     ("PAK", "AFG", "REJECT")),
    ("Kyrygyzstan accused Tajikistan of shelling its border posts.", ("Kyrygyzstan", "KGZ"),
     ("KGZ", "TJK", "ACCUSE")),
    ("Russia criticised the United State for the new missile plan.", ("United State", "USA"),
     ("RUS", "USA", "ACCUSE")),
])
def test_a_state_misspelt_by_one_letter(nlp, text, mention, event):
    doc = analyse(nlp, text)
    assert mention in mentions(doc)
    assert event in triples(doc)


def test_a_leader_misspelt_by_one_letter(nlp):
    doc = analyse(nlp, "President Francois Mitterand received the Nigerian foreign minister in Paris.")
    person = [m for m in doc._.dw_mentions if m["code"] == "FRA" and m["person"]]
    assert person and person[0]["person"] == "François Mitterrand"
    assert ("FRA", "NGA", "CONSULT") in triples(doc)


@pytest.mark.parametrize("text,wrong", [
    # a place whose name is one letter from a state's, and listed as no misspelling
    ("Police in Columbia, South Carolina questioned two students.", "COL"),
    # a demonym one letter longer than a state's name: "Dominican" is not Dominica
    ("Dominican officials met the Haitian delegation.", "DMA"),
    # another person, one letter away at the start of a word: Robert Bates is not Robert Gates
    ("Robert Bates, a county deputy, spoke to reporters about Mexico.", "USA"),
    # a short name: "Irak" is left alone rather than guessed among Iran and Iraq
    ("Irak and Syria closed the crossing.", "IRN"),
])
def test_what_is_no_misspelling(nlp, text, wrong):
    assert all(code != wrong for _, code in mentions(analyse(nlp, text)))


@pytest.mark.parametrize("a,b,one", [
    ("afganistan", "afghanistan", True),    # a letter left out
    ("philipines", "philippines", True),
    ("kazahkstan", "kazakhstan", True),     # two neighbours swapped
    ("mitterand", "mitterrand", True),
    ("united stated", "united states", True),  # a letter changed
    ("afghanistan", "afghanistan", False),  # the same name is no slip
    ("phillipines", "philippines", False),  # two slips
])
def test_one_edit(a, b, one):
    assert _one_edit(a, b) is one
