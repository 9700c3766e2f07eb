"""Event dictionaries from plugins (``register_event_dictionaries``): a package adds triggers to
the event coder the way actor-dictionary plugins add actors (see test_analyze_actors)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from dyadwatch.analyze.events import EventCoder
from dyadwatch.dictionaries import DictionaryFormatError
from dyadwatch.dictionaries.events import load_event_dictionaries, read_event_dictionary
from dyadwatch.hookspecs import hookimpl
from dyadwatch.plugins import get_plugins, pm

TEXT = "China pilloried Japan over the visit on Monday."

PLUGIN = '''"""An installed package that adds event triggers to dyadwatch."""
from pathlib import Path

from dyadwatch.hookspecs import hookimpl


@hookimpl
def register_event_dictionaries():
    return [Path(__file__).parent / "acme.events.v1.jsonl"]
'''


def write_dictionary(path: Path, *triggers: dict, name: str = "acme.events.v1") -> Path:
    lines = [{"label": "DICTIONARY", "name": name, "description": "test triggers"},
             *({"label": "TRIGGER", **t} for t in triggers)]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def events(nlp, coder=None) -> list[tuple[str, str, str, str, str]]:
    doc = nlp.make_doc(TEXT)
    doc._.dw_ref_date = "2024-05-10"
    doc = nlp(doc)
    if coder is not None:
        doc = coder(doc)
    return [(e["source"], e["target"], e["type"], e["trigger"], e["dictionary"]) for e in doc._.dw_events]


@pytest.fixture
def acme_events(tmp_path: Path, monkeypatch):
    """The plugin package 'acme_events' on sys.path, imported as an installed package would be,
    and registered (entry points are not loaded under pytest: tests register plugins themselves)."""
    package = tmp_path / "acme_events"
    package.mkdir()
    (package / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    write_dictionary(package / "acme.events.v1.jsonl", {"lemma": "pillory", "pos": "VERB", "type": "ACCUSE"})
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("acme_events")
    pm.register(module, "acme_events")
    try:
        yield module
    finally:
        pm.unregister(module)
        sys.modules.pop("acme_events", None)


def test_without_the_plugin_the_word_codes_nothing(nlp) -> None:
    assert load_event_dictionaries() == []
    assert not [e for e in events(nlp) if e[2] == "ACCUSE"]


def test_a_plugin_adds_a_trigger_the_event_coder_codes(nlp, acme_events) -> None:
    assert {"name": "acme_events", "hooks": ["register_event_dictionaries"]} in get_plugins()
    assert [d.name for d in load_event_dictionaries()] == ["acme.events.v1"]
    coded = events(nlp, EventCoder(nlp, "plugin_events"))
    assert ("CHN", "JPN", "ACCUSE", "pilloried", "acme.events.v1") in coded
    # the built-in triggers still code, and say they are the built-in dictionary's
    assert ("CHN", "JPN", "CONSULT", "visit", "dyadwatch.events.v2") in coded


def test_a_plugin_trigger_replaces_the_built_in_one_for_its_lemma(nlp, tmp_path: Path) -> None:
    path = write_dictionary(tmp_path / "fix.jsonl", {"lemma": "visit", "pos": "NOUN", "type": "SUPPORT"},
                            name="acme.fix.v1")

    class Fix:
        @hookimpl
        def register_event_dictionaries(self):
            return [str(path)]

    plugin = Fix()
    pm.register(plugin, name="acme_fix")
    try:
        coded = events(nlp, EventCoder(nlp, "fixed_events"))
    finally:
        pm.unregister(plugin)
    assert ("CHN", "JPN", "SUPPORT", "visit", "acme.fix.v1") in coded
    assert not [e for e in coded if e[2] == "CONSULT"]
    # the shared built-in lexicon is untouched: a coder made afterwards codes the visit as before
    assert ("CHN", "JPN", "CONSULT", "visit", "dyadwatch.events.v2") in events(nlp, EventCoder(nlp, "again"))


def test_a_plugin_returning_garbage_is_named() -> None:
    class Broken:
        @hookimpl
        def register_event_dictionaries(self):
            return "not a list"

    plugin = Broken()
    pm.register(plugin, name="broken_events")
    try:
        with pytest.raises(DictionaryFormatError, match=r"\[DW262\] Plugin broken_events returned 'not a list'"):
            load_event_dictionaries()
    finally:
        pm.unregister(plugin)


@pytest.mark.parametrize("trigger, says", [
    ({"lemma": "pillory", "pos": "VERB", "type": "SCOLD"}, "'type' is 'SCOLD'; expected a PLOVER type"),
    ({"lemma": "pillory", "pos": "ADJ", "type": "ACCUSE"}, "'pos' is 'ADJ'; expected VERB or NOUN"),
    ({"lemma": "pillory", "pos": "VERB", "type": "ACCUSE", "needs_prep": "over"}, "'needs_prep' is 'over'"),
    ({"lemma": "demand_from", "pos": "VERB", "type": "REQUEST", "particle_on_object": "yes"},
     "'particle_on_object' is 'yes'; expected true or false"),
    # a string "false" would read as set
    ({"lemma": "assist", "pos": "VERB", "type": "COOPERATE", "needs_clause": "false"},
     "'needs_clause' is 'false'; expected true or false"),
])
def test_a_bad_trigger_line_is_named(tmp_path: Path, trigger: dict, says: str) -> None:
    path = write_dictionary(tmp_path / "bad.jsonl", {"lemma": "snipe", "pos": "VERB", "type": "ACCUSE"}, trigger)
    with pytest.raises(DictionaryFormatError) as err:
        read_event_dictionary(path)
    assert says in str(err.value) and f"{path} line 3" in str(err.value)
