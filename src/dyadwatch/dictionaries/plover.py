"""The PLOVER codebook: event types, their quad class and default intensity, modalities, contexts.

The event coder, the store's readers, the report and the dashboard all need the same sixteen
types in the same order, and which of four quads (verbal/material cooperation/conflict) each
falls in. They are facts of the PLOVER manual, not of any module, so they live in one data file,
``data/dyadwatch.plover.v1.json``, read here once::

    >>> book = codebook()
    >>> book.type_names[:4]
    ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE')
    >>> book.quad_of["ASSAULT"]
    'material conflict'

An intensity that depends on the mode as well ("ASSAULT:firearms") stays in
``dyadwatch.intensity.v1``; the codebook's is the type's default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError

__all__ = ["CODEBOOK", "Codebook", "EventType", "codebook", "read_codebook"]

#: the built-in codebook
CODEBOOK = Path(__file__).parent / "data" / "dyadwatch.plover.v1.json"


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    #: default intensity, -10 (most hostile) .. +10 (most cooperative)
    intensity: float
    description: str = ""


@dataclass(frozen=True)
class Codebook:
    name: str
    quads: tuple[str, ...]
    types: tuple[EventType, ...]
    modalities: tuple[str, ...]
    contexts: tuple[str, ...]

    @cached_property
    def type_names(self) -> tuple[str, ...]:
        """The types in the manual's order (cooperation first, force last)."""
        return tuple(t.name for t in self.types)

    @cached_property
    def quad_of(self) -> dict[str, str]:
        return {t.name: t.quad for t in self.types}

    @cached_property
    def intensity_of(self) -> dict[str, float]:
        return {t.name: t.intensity for t in self.types}

    @cached_property
    def quad_types(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each quad with its types, in order: (("verbal cooperation", ("AGREE", …)), …)."""
        return tuple((q, tuple(t.name for t in self.types if t.quad == q)) for q in self.quads)


def read_codebook(path: str | Path) -> Codebook:
    """Read and check a codebook file; a file that is not valid raises ``DictionaryFormatError``
    naming it and what is wrong."""
    path = Path(path)

    def bad(reason: str) -> DictionaryFormatError:
        return DictionaryFormatError(DictionaryErrors.DW261.format(path=path, reason=reason))

    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise bad(f"cannot be read as JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise bad("it is not a JSON object")
    for key in ("quads", "types", "modalities", "contexts"):
        if not isinstance(data.get(key), list) or not data[key]:
            raise bad(f"'{key}' is missing or not a non-empty list")
    quads = tuple(str(q) for q in data["quads"])
    types = []
    for i, row in enumerate(data["types"]):
        if not isinstance(row, dict) or not {"type", "quad", "intensity"} <= set(row):
            raise bad(f"types[{i}] needs 'type', 'quad' and 'intensity'")
        if row["quad"] not in quads:
            raise bad(f"type {row['type']}: quad '{row['quad']}' is not one of 'quads'")
        if not isinstance(row["intensity"], (int, float)) or not -10 <= row["intensity"] <= 10:
            raise bad(f"type {row['type']}: intensity {row['intensity']!r} is not a number from -10 to 10")
        types.append(EventType(str(row["type"]), row["quad"], float(row["intensity"]), row.get("description", "")))
    names = [t.name for t in types]
    if len(set(names)) != len(names):
        raise bad("a type is listed twice: " + ", ".join(sorted({n for n in names if names.count(n) > 1})))
    modalities = tuple(m["modality"] if isinstance(m, dict) else str(m) for m in data["modalities"])
    return Codebook(name=str(data.get("name", path.stem)), quads=quads, types=tuple(types),
                    modalities=modalities, contexts=tuple(str(c) for c in data["contexts"]))


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    """The built-in PLOVER codebook (read once)."""
    return read_codebook(CODEBOOK)
