"""The analyzer version a stored analysis carries names the rules that produced it: the built-in
files through the rules fingerprint, and the user's own actor dictionaries and word-list files by
name and content, so that a stored analysis says which lists it came from and a changed list has
the documents analysed again."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

import dyadwatch.analyze.figures  # noqa: F401  (registers the figure finder)
from dyadwatch.analyze import analyzer_version
from dyadwatch.dictionaries import ENV_VAR
from dyadwatch.dictionaries.words import DATA_DIR, WORDS_ENV_VAR


def _pipeline(*extra_paths: str) -> spacy.language.Language:
    """A blank English pipeline with the actor resolver and the figure finder (real components)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("dyadwatch_actors", config={"extra_paths": list(extra_paths)})
    nlp.add_pipe("dyadwatch_figures")
    return nlp


def _money_v2(root: Path, code: str) -> Path:
    data = json.loads((DATA_DIR / "en" / "money.v1.json").read_text(encoding="utf-8"))
    data["version"] = 2
    data["prefixes"]["KSh"] = code
    path = root / "en" / "money.v2.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_with_only_the_built_in_rules_the_version_names_no_user_lists(monkeypatch) -> None:
    monkeypatch.delenv(WORDS_ENV_VAR, raising=False)
    monkeypatch.delenv(ENV_VAR, raising=False)
    version = analyzer_version(_pipeline())
    assert " rules " in version and "user" not in version


def test_a_users_word_list_file_is_named_in_the_version_and_its_content_changes_it(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.delenv(WORDS_ENV_VAR, raising=False)
    built_in = analyzer_version(_pipeline())
    _money_v2(tmp_path, "KES")
    # a language no component of the pipeline reads is not part of its rules
    other = tmp_path / "xx" / "money.v1.json"
    other.parent.mkdir()
    other.write_text((DATA_DIR / "en" / "money.v1.json").read_text(encoding="utf-8").replace('"en"', '"xx"'),
                     encoding="utf-8")
    monkeypatch.setenv(WORDS_ENV_VAR, str(tmp_path))
    nlp = _pipeline()
    kes = analyzer_version(nlp)
    assert kes != built_in and "+ user " in kes and "(en/money.v2)" in kes
    _money_v2(tmp_path, "TZS")  # the same file name, another content
    tzs = analyzer_version(nlp)
    assert tzs != kes and "(en/money.v2)" in tzs


def test_a_users_actor_dictionary_is_named_in_the_version(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(WORDS_ENV_VAR, raising=False)
    monkeypatch.delenv(ENV_VAR, raising=False)
    path = tmp_path / "acme.actors.v1.jsonl"
    path.write_text(json.dumps({"label": "ACTOR", "pattern": "Bundeswehr", "id": "DEU"}) + "\n", encoding="utf-8")
    built_in = analyzer_version(_pipeline())
    extra = analyzer_version(_pipeline(str(path)))
    assert extra != built_in and "(acme.actors.v1)" in extra
    # listed in the environment variable instead: the same dictionary, the same version
    monkeypatch.setenv(ENV_VAR, str(path))
    assert analyzer_version(_pipeline()) == extra
    # a changed pattern is another version
    path.write_text(json.dumps({"label": "ACTOR", "pattern": "Luftwaffe", "id": "DEU"}) + "\n", encoding="utf-8")
    assert analyzer_version(_pipeline()) not in (extra, built_in)
