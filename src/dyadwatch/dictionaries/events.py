"""Event dictionaries from plugins: trigger words a package adds to the event coder.

The built-in event dictionary, ``data/dyadwatch.events.v2.jsonl``, maps a lemma and its part of
speech to a PLOVER type (and mode). A plugin adds its own triggers the way it adds actors: it
implements the hook ``register_event_dictionaries`` and returns the paths of JSONL files in the
same format — a ``DICTIONARY`` line naming it, then one ``TRIGGER`` line per lemma::

    {"label": "DICTIONARY", "name": "acme.events.v1", "description": "…"}
    {"label": "TRIGGER", "lemma": "pillory", "pos": "VERB", "type": "ACCUSE"}

The event coder reads the registered dictionaries after its own, in registration order; the
triggers a dictionary gives for a lemma replace those an earlier one gave for that lemma and
part of speech, so a plugin can also correct a built-in trigger. An event coded by a plugin's
trigger names that dictionary in its ``dictionary`` field.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError, DictionaryNotFound
from dyadwatch.dictionaries.plover import codebook

__all__ = ["EventDictionary", "load_event_dictionaries", "read_event_dictionary"]

_POS = ("VERB", "NOUN")
_FLAGS = ("joint", "needs_object", "needs_joint_subject", "particle_on_object", "needs_clause")
_WORD_LISTS = ("needs_modifier", "needs_prep", "not_objects", "needs_head", "target_preps", "contexts")


@dataclass(frozen=True)
class EventDictionary:
    """One named, versioned event dictionary: its DICTIONARY line and its TRIGGER lines."""

    name: str
    path: Path
    lines: tuple[dict[str, Any], ...]

    @property
    def text(self) -> str:
        """The dictionary as JSONL, the form the event coder reads."""
        head = {"label": "DICTIONARY", "name": self.name}
        return "\n".join(json.dumps(line) for line in (head, *self.lines)) + "\n"


def read_event_dictionary(path: str | os.PathLike[str]) -> EventDictionary:
    """Read and check an event dictionary file; a line that is not valid raises
    ``DictionaryFormatError`` naming the file, the line and what is wrong."""
    from dyadwatch.dictionaries import is_dictionary_name

    p = Path(path)
    if not p.is_file():
        raise DictionaryNotFound(DictionaryErrors.DW251.format(path=p, origin=" (an event dictionary)",
                                                               sep=os.pathsep))
    name = ""
    lines: list[dict[str, Any]] = []
    book = codebook()
    for number, raw in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue

        def fail(reason: str) -> DictionaryFormatError:
            return DictionaryFormatError(DictionaryErrors.DW252.format(path=p, line=number, reason=reason))

        try:
            row = json.loads(raw)
        except ValueError as exc:
            raise fail(f"not JSON ({exc})") from exc
        if not isinstance(row, dict):
            raise fail(f"expected a JSON object, got {type(row).__name__}")
        if row.get("label") == "DICTIONARY":
            if not is_dictionary_name(row.get("name")):
                raise DictionaryFormatError(DictionaryErrors.DW255.format(path=p, name=row.get("name")))
            name = row["name"]
            continue
        if row.get("label") != "TRIGGER":
            raise fail(f"'label' is {row.get('label')!r}; expected DICTIONARY or TRIGGER")
        if not isinstance(row.get("lemma"), str) or not row["lemma"].strip():
            raise fail(f"'lemma' is {row.get('lemma')!r}; expected a lower-case lemma such as \"pillory\"")
        if row.get("pos") not in _POS:
            raise fail(f"'pos' is {row.get('pos')!r}; expected VERB or NOUN")
        if row.get("type") not in book.type_names:
            raise fail(f"'type' is {row.get('type')!r}; expected a PLOVER type: {', '.join(book.type_names)}")
        if row.get("mode") is not None and not isinstance(row["mode"], str):
            raise fail(f"'mode' is {row['mode']!r}; expected a string or nothing")
        for key in _FLAGS:
            if key in row and not isinstance(row[key], bool):
                raise fail(f"'{key}' is {row[key]!r}; expected true or false")
        for key in _WORD_LISTS:
            if key in row and not (isinstance(row[key], list) and all(isinstance(w, str) for w in row[key])):
                raise fail(f"'{key}' is {row[key]!r}; expected a list of words")
        lines.append(row)
    if not name:
        raise DictionaryFormatError(DictionaryErrors.DW252.format(
            path=p, line=1, reason="no DICTIONARY line names the dictionary (e.g. {\"label\": \"DICTIONARY\", "
                                   "\"name\": \"acme.events.v1\"})"))
    return EventDictionary(name, p, tuple(lines))


def load_event_dictionaries(plugin_manager: Any = None) -> list[EventDictionary]:
    """The event dictionaries registered plugins provide (``register_event_dictionaries``), in
    registration order. The built-in dictionary is the event coder's own and is not listed."""
    if plugin_manager is None:
        from dyadwatch.plugins import pm as plugin_manager
    out: list[EventDictionary] = []
    # pluggy calls the last registered first; dictionaries load in registration order
    for impl in plugin_manager.hook.register_event_dictionaries.get_hookimpls():
        value = impl.function()
        if value is None:
            continue
        if not isinstance(value, (list, tuple)):
            raise DictionaryFormatError(DictionaryErrors.DW262.format(plugin=impl.plugin_name, value=value))
        for item in value:
            if isinstance(item, EventDictionary):
                out.append(item)
            elif isinstance(item, (str, os.PathLike)):
                out.append(read_event_dictionary(item))
            else:
                raise DictionaryFormatError(DictionaryErrors.DW262.format(plugin=impl.plugin_name, value=item))
    seen: dict[str, Path] = {}
    for d in out:
        if d.name in seen and seen[d.name] != d.path:
            raise DictionaryFormatError(DictionaryErrors.DW263.format(name=d.name, first=seen[d.name],
                                                                      second=d.path))
        seen.setdefault(d.name, d.path)
    return out
