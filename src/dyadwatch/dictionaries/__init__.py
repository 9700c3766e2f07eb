"""Actor dictionaries: versioned JSONL files of spaCy-style patterns.

An actor dictionary is a JSONL file named after its identity, e.g.
``dyadwatch.countries.v2.jsonl``. Lines are JSON objects with a ``label``:

- ``DICTIONARY`` (optional, first line): ``name``, ``description``, ``sources``.
- ``CODE``: an actor code and its display name: ``{"label": "CODE", "id": "CHN",
  "name": "China", "type": "state"}`` (type ``state`` or ``organisation``).
- ``ACTOR``: a spaCy pattern (phrase string, matched case-sensitively, or a list of token
  dicts) and the code it stands for: ``{"label": "ACTOR", "pattern": "Kremlin",
  "id": "RUS", "form": "seat_of_power", "note": "seat of power", "name": "the Kremlin"}``.
- ``NONSTATE``: a name that contains a country word but is not the state
  (``"South China Sea"``); the longest match wins, so it hides the country inside it.
- ``PERSON``: a person who acts for a state, with aliases and dated roles.
- ``TITLE``: a title word resolved through the country next to it ("foreign minister").
- ``OUTLET``: a news outlet's web domain and its name as it brands itself:
  ``{"label": "OUTLET", "domain": "nytimes.com", "name": "The New York Times", "country": "USA"}``;
  read by ingest to name the outlet of a page from its address (``load_outlets``).

``ACTOR`` and ``NONSTATE`` lines are valid ``span_ruler`` patterns; the extra keys are
ignored by spaCy. The full format, with examples, is in ``docs/dictionaries.md``.

Dictionaries are found through the plugin hook ``register_actor_dictionaries`` (the
built-ins are registered the same way), the ``DYADWATCH_DICTIONARIES`` environment
variable (paths separated by ``os.pathsep``) and explicit paths, in that order; a later
dictionary's pattern overrides the same pattern in an earlier one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from dyadwatch.dictionaries.errors import (
    DictionaryError,
    DictionaryErrors,
    DictionaryFormatError,
    DictionaryNotFound,
)

__all__ = [
    "ENV_VAR",
    "ActorDictionary",
    "actor_name",
    "actor_type",
    "is_dictionary_name",
    "known_actor_types",
    "DictionaryError",
    "DictionaryFormatError",
    "DictionaryNotFound",
    "load_actor_dictionaries",
    "load_outlets",
    "outlet_map",
    "read_actor_dictionary",
]

#: Environment variable with extra dictionary files, separated by ``os.pathsep``.
ENV_VAR = "DYADWATCH_DICTIONARIES"
#: Where the built-in dictionary files live.
DATA_DIR = Path(__file__).parent / "data"

Entry = dict[str, Any]

_NAME_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*\.v(\d+)$")
_LABELS = ("DICTIONARY", "CODE", "ACTOR", "NONSTATE", "PERSON", "TITLE", "OUTLET")
_DOMAIN_RE = re.compile(r"^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
_TITLE_KINDS = ("person", "group", "nonstate")
_ACTOR_TYPES = ("state", "organisation")


@dataclass(frozen=True)
class ActorDictionary:
    """One named, versioned actor dictionary.

    name (str): identity with version, e.g. ``"dyadwatch.countries.v2"``.
    entries (tuple[dict]): the lines (``CODE``, ``ACTOR``, ``NONSTATE``, ``PERSON``,
        ``TITLE``), validated on construction.
    path (str | None): the file it was read from, if any.
    description (str | None): what it holds, from its ``DICTIONARY`` line.

    >>> d = ActorDictionary("acme.actors.v1", [{"label": "ACTOR", "pattern": "Bundeswehr", "id": "DEU"}])
    >>> d.version
    1
    """

    name: str
    entries: tuple[Entry, ...] = ()
    path: str | None = None
    description: str | None = None
    version: int = field(init=False)

    def __post_init__(self) -> None:
        where = self.path or f"<dictionary {self.name}>"
        match = _NAME_RE.match(self.name or "")
        if not match:
            raise DictionaryFormatError(DictionaryErrors.DW255.format(path=where, name=self.name))
        object.__setattr__(self, "version", int(match.group(2)))
        entries = tuple(self.entries)
        for number, entry in enumerate(entries, start=1):
            _validate_entry(entry, where, number)
        object.__setattr__(self, "entries", entries)

    def count(self, label: str) -> int:
        """How many entries have this label ("ACTOR", "PERSON", ...)."""
        return sum(1 for e in self.entries if e.get("label") == label)


def read_actor_dictionary(path: str | os.PathLike[str]) -> ActorDictionary:
    """Read and validate one dictionary file.

    path (str | Path): a ``.jsonl`` file. Its name is taken from its ``DICTIONARY`` line,
        else from the file name without ``.jsonl`` (``acme.actors.v1.jsonl``).
    RETURNS (ActorDictionary): the dictionary.
    RAISES: DictionaryNotFound (DW251) if the file does not exist, DictionaryFormatError
        (DW252) naming the line that is not valid.
    """
    p = Path(path)
    if not p.is_file():
        raise DictionaryNotFound(DictionaryErrors.DW251.format(path=p, origin="", sep=os.pathsep))
    name = p.name[: -len(".jsonl")] if p.name.endswith(".jsonl") else p.stem
    description = None
    entries: list[Entry] = []
    numbers: list[int] = []
    with p.open(encoding="utf-8-sig") as fh:
        for number, raw in enumerate(fh, start=1):
            text = raw.strip()
            if not text:
                continue
            try:
                entry = json.loads(text)
            except json.JSONDecodeError as exc:
                raise DictionaryFormatError(DictionaryErrors.DW252.format(
                    path=p, line=number, reason=f"not valid JSON ({exc.msg} at column {exc.colno})")) from exc
            if not isinstance(entry, dict):
                raise DictionaryFormatError(DictionaryErrors.DW252.format(
                    path=p, line=number, reason=f"expected a JSON object, got {type(entry).__name__}"))
            if entry.get("label") == "DICTIONARY":
                if entries:
                    raise DictionaryFormatError(DictionaryErrors.DW252.format(
                        path=p, line=number, reason="a DICTIONARY line must come before every other line"))
                _validate_entry(entry, str(p), number)
                name = entry["name"]
                description = entry.get("description")
                continue
            _validate_entry(entry, str(p), number)
            entries.append(entry)
            numbers.append(number)
    return ActorDictionary(name=name, entries=tuple(entries), path=str(p), description=description)


def load_actor_dictionaries(
    extra_paths: Iterable[str | os.PathLike[str]] = (),
    *,
    names: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    plugin_manager: Any = None,
) -> list[ActorDictionary]:
    """Collect every actor dictionary: plugins (built-ins first), DYADWATCH_DICTIONARIES, paths.

    extra_paths (Iterable[str | Path]): more dictionary files, loaded last.
    names (Sequence[str] | None): keep only these dictionaries, in this order; None keeps all.
    environ (Mapping | None): where to read DYADWATCH_DICTIONARIES; ``os.environ`` by default.
    plugin_manager (pluggy.PluginManager | None): defaults to ``dyadwatch.plugins.pm``.
    RETURNS (list[ActorDictionary]): in precedence order (later overrides earlier).
    RAISES: DictionaryNotFound (DW251, DW253), DictionaryFormatError (DW252, DW254-DW256).

    >>> [d.name for d in load_actor_dictionaries()][:2]
    ['dyadwatch.countries.v2', 'dyadwatch.organisations.v1']
    """
    if plugin_manager is None:
        from dyadwatch.plugins import pm as plugin_manager
    found: list[ActorDictionary] = []
    for plugin, result in _hook_results(plugin_manager):
        if result is None:
            continue
        if not isinstance(result, (list, tuple)):
            raise DictionaryFormatError(DictionaryErrors.DW256.format(plugin=plugin, value=result))
        for item in result:
            if isinstance(item, ActorDictionary):
                found.append(item)
            elif isinstance(item, (str, os.PathLike)):
                found.append(_read_with_origin(item, f" (returned by plugin {plugin})"))
            else:
                raise DictionaryFormatError(DictionaryErrors.DW256.format(plugin=plugin, value=item))
    env = os.environ if environ is None else environ
    for part in (env.get(ENV_VAR) or "").split(os.pathsep):
        if part.strip():
            found.append(_read_with_origin(part.strip(), f" (listed in {ENV_VAR})"))
    for path in extra_paths:
        found.append(_read_with_origin(path, ""))

    unique: dict[str, ActorDictionary] = {}
    for d in found:
        earlier = unique.get(d.name)
        if earlier is not None and earlier.entries != d.entries:
            raise DictionaryFormatError(DictionaryErrors.DW254.format(
                name=d.name, first=earlier.path or "a plugin", second=d.path or "a plugin"))
        unique.setdefault(d.name, d)
    if names is None:
        return list(unique.values())
    missing = [n for n in names if n not in unique]
    if missing:
        raise DictionaryNotFound(DictionaryErrors.DW253.format(
            name=missing[0], available=", ".join(unique) or "none"))
    return [unique[n] for n in names]


def load_outlets(**kwargs: Any) -> dict[str, str]:
    """Outlet names by web domain, from the ``OUTLET`` lines of every registered dictionary.

    Dictionaries are found as ``load_actor_dictionaries`` finds them (plugins, built-ins first,
    ``DYADWATCH_DICTIONARIES``, ``extra_paths``), so a user adds or corrects an outlet the way
    they add an actor; a later line for the same domain overrides an earlier one.

    >>> load_outlets()["reuters.com"]
    'Reuters'
    """
    if not kwargs:
        return dict(_default_outlets())
    return _outlets_of(load_actor_dictionaries(**kwargs))


def outlet_map() -> Mapping[str, str]:
    """``load_outlets()`` as a read-only mapping, shared: built once for the registered
    dictionaries (again when they change), so that naming every page's outlet looks a domain up
    without copying the 4,000 domains a page (0.4 ms a page, a third of naming it)."""
    return _outlet_map_cached(*_outlets_key())


@lru_cache(maxsize=1)
def _outlet_map_cached(env_value: str, plugins: tuple[str, ...]) -> Mapping[str, str]:
    return MappingProxyType(dict(_default_outlets_cached(env_value, plugins)))


@lru_cache(maxsize=1)
def _default_outlets_cached(env_value: str, plugins: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(_outlets_of(load_actor_dictionaries()).items())


def _outlets_key() -> tuple[str, tuple[str, ...]]:
    """What the default outlets depend on: the dictionaries' environment variable and the plugins."""
    from dyadwatch.plugins import pm

    plugins = tuple(sorted(str(pm.get_name(p)) for p in pm.get_plugins()))
    return os.environ.get(ENV_VAR) or "", plugins


def _default_outlets() -> tuple[tuple[str, str], ...]:
    return _default_outlets_cached(*_outlets_key())


def _outlets_of(dictionaries: Iterable[ActorDictionary]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in dictionaries:
        for e in d.entries:
            if e["label"] == "OUTLET":
                out[e["domain"]] = e["name"].strip()
    return out


def _hook_results(plugin_manager: Any) -> list[tuple[str, Any]]:
    """Call register_actor_dictionaries on each plugin, built-ins first, keeping who answered."""
    out = []
    impls = plugin_manager.hook.register_actor_dictionaries.get_hookimpls()
    # pluggy calls the last registered first; dictionaries should load in registration order
    for impl in impls:
        out.append((impl.plugin_name, impl.function()))
    return out


def _read_with_origin(path: str | os.PathLike[str], origin: str) -> ActorDictionary:
    p = Path(path)
    if not p.is_file():
        raise DictionaryNotFound(DictionaryErrors.DW251.format(path=p, origin=origin, sep=os.pathsep))
    return read_actor_dictionary(p)


def _validate_entry(entry: Any, where: str, number: int) -> None:
    """Raise DW252 naming the line when an entry is not valid."""

    def fail(reason: str) -> None:
        raise DictionaryFormatError(DictionaryErrors.DW252.format(path=where, line=number, reason=reason))

    if not isinstance(entry, dict):
        fail(f"expected a JSON object, got {type(entry).__name__}")
    label = entry.get("label")
    if label not in _LABELS:
        fail(f"'label' is {label!r}; expected one of {', '.join(_LABELS)}")
    if label == "DICTIONARY":
        if not isinstance(entry.get("name"), str) or not _NAME_RE.match(entry["name"]):
            fail(f"DICTIONARY 'name' is {entry.get('name')!r}; expected a name like 'acme.actors.v1'")
        return
    if label == "OUTLET":
        domain = entry.get("domain")
        if not isinstance(domain, str) or not _DOMAIN_RE.match(domain):
            fail(f"OUTLET 'domain' is {domain!r}; expected a lower-case domain such as 'nytimes.com' "
                 "(no scheme, no path, no 'www.')")
        _need_str(entry, "name", fail)
        return
    if label == "CODE":
        _need_str(entry, "id", fail)
        _need_str(entry, "name", fail)
        if entry.get("type", "state") not in _ACTOR_TYPES:
            fail(f"CODE 'type' is {entry.get('type')!r}; expected 'state' or 'organisation'")
        return
    if label in ("ACTOR", "NONSTATE", "TITLE"):
        pattern = entry.get("pattern")
        if isinstance(pattern, str):
            if not pattern.strip():
                fail("'pattern' is an empty string")
        elif isinstance(pattern, list) and label != "TITLE":
            if not pattern or not all(isinstance(t, dict) and t for t in pattern):
                fail("'pattern' must be a non-empty list of token objects like {\"LOWER\": \"nato\"}")
        else:
            kinds = "a string" if label == "TITLE" else "a string or a list of token objects"
            fail(f"'pattern' is {pattern!r}; expected {kinds}")
    if label == "ACTOR":
        _need_str(entry, "id", fail)
    if label == "TITLE":
        if entry.get("kind") not in _TITLE_KINDS:
            fail(f"TITLE 'kind' is {entry.get('kind')!r}; expected one of {', '.join(_TITLE_KINDS)}")
        roles = entry.get("roles", [])
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            fail("TITLE 'roles' must be a list of role names such as [\"foreign_minister\"]")
    if label == "PERSON":
        _need_str(entry, "person", fail)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            fail("PERSON 'aliases' must be a list of non-empty strings")
        if entry.get("gender") not in (None, "m", "f"):
            fail(f"PERSON 'gender' is {entry.get('gender')!r}; expected 'm', 'f' or null")
        roles = entry.get("roles")
        if not isinstance(roles, list) or not roles:
            fail("PERSON needs 'roles': a non-empty list of {\"id\", \"role\", \"from\", \"to\"}")
        for role in roles:
            if not isinstance(role, dict) or not isinstance(role.get("id"), str) or not role["id"]:
                fail(f"PERSON role {role!r} needs an actor code in 'id'")
            if not isinstance(role.get("role"), str):
                fail(f"PERSON role {role!r} needs a 'role' name such as 'president'")
            for key in ("from", "to"):
                value = role.get(key)
                if value is None and key == "to":
                    continue
                try:
                    date.fromisoformat(str(value))
                except ValueError:
                    fail(f"PERSON role '{key}' is {value!r}; expected an ISO date YYYY-MM-DD"
                         + (" or null" if key == "to" else ""))


def _need_str(entry: Entry, key: str, fail: Any) -> None:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        fail(f"'{key}' is {value!r}; expected a non-empty string")


def actor_name(code: str) -> str:
    """Display name of an actor code in the registered dictionaries (the code itself if unknown).

    >>> actor_name("CHN"), actor_name("NATO"), actor_name("XYZ")
    ('China', 'NATO', 'XYZ')
    """
    info = _registered_codes(_registry_key()).get(code)
    return info[0] if info else code


def actor_type(code: str) -> str:
    """``"state"`` or ``"organisation"`` for a registered code; ``"state"`` if unknown."""
    info = _registered_codes(_registry_key()).get(code)
    return info[1] if info else "state"


def is_dictionary_name(name: object) -> bool:
    """Whether ``name`` is a valid dictionary name: ``namespace.name.v1`` (lower-case letters,
    digits and underscores, ending in a version)."""
    return isinstance(name, str) and bool(_NAME_RE.match(name))


def known_actor_types() -> dict[str, str]:
    """Type of every code the registered dictionaries describe (codes they do not describe are
    absent, not guessed)."""
    return {code: info[1] for code, info in _registered_codes(_registry_key()).items()}


def _registry_key() -> tuple[Any, ...]:
    # the CODE table is rebuilt only when the plugins or DYADWATCH_DICTIONARIES change
    from dyadwatch.plugins import pm

    return tuple(sorted(str(pm.get_name(p)) for p in pm.get_plugins())), os.environ.get(ENV_VAR, "")


@lru_cache(maxsize=4)
def _registered_codes(key: tuple[Any, ...]) -> dict[str, tuple[str, str]]:
    codes: dict[str, tuple[str, str]] = {}
    for d in load_actor_dictionaries():
        for e in d.entries:
            if e["label"] == "CODE":
                codes[e["id"]] = (e["name"], e.get("type", "state"))
    return codes
