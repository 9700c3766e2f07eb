"""Word lists of a language: the closed-class words a component reads the parse by.

The event coder knows that "refuse" negates what it governs, that "will" makes an act intended
and that "the two leaders" stands for a pair; those words are English, so they are data, one
versioned file per component and language, as spaCy keeps its ``lang/xx/`` stop words and
lexical attributes apart from the code that reads them::

    dictionaries/data/<lang>/<component>.v<N>.json    e.g. data/en/events.v1.json

A file is one JSON object: ``name`` (the component), ``lang``, ``version``, ``description``, a
``_doc`` map that says what each list is for, and one key per list: a list of lower-case words,
a map of named lists (``context_words``: context -> its words), or a map of word to word
(``nominals``: a verb -> the noun that names what it does; a number is written as a string:
``"number_words": {"seven": "7"}``). Where a component builds a regular expression from a list
(the figure finder's, the date resolver's), a trailing ``*`` stands for any ending (``"invad*"``)
and the ``_doc`` of the list says how a space in a phrase matches.

A second language goes in a directory listed in ``DYADWATCH_WORD_LISTS`` (paths separated by
``os.pathsep``), laid out the same way (``<dir>/xx/events.v1.json``), and is chosen by the
component's ``lang`` setting (``nlp.add_pipe("dyadwatch_events", config={"lang": "xx"})``).
Those directories are searched before the built-in one, so a file there also replaces the
built-in lists of its language; within a directory the highest version wins.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError, DictionaryNotFound

__all__ = ["WORDS_ENV_VAR", "WordLists", "read_word_file", "user_word_lists", "word_lists"]

#: Environment variable with extra word-list directories, separated by ``os.pathsep``.
WORDS_ENV_VAR = "DYADWATCH_WORD_LISTS"
#: Where the built-in word lists live (one directory per language).
DATA_DIR = Path(__file__).parent / "data"
#: keys of a word-list file that are not lists
_META = ("name", "lang", "version", "description", "_doc")
_FILE_RE = re.compile(r"^(?P<component>[a-z0-9_]+)\.v(?P<version>\d+)\.json$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:_[a-z0-9]+)?$")

_D = TypeVar("_D")

#: one list: words, named lists of words, or word -> word
Words: TypeAlias = frozenset[str] | dict[str, frozenset[str]] | dict[str, str]


@dataclass(frozen=True)
class WordLists:
    """The word lists of one component in one language, as read from one file.

    component (str): e.g. ``"events"``. lang (str): e.g. ``"en"``. version (int).
    path (str): the file. description (str | None).
    lists (Mapping[str, Words]): every list by its key.
    ordered (Mapping[str, dict[str, tuple[str, ...]]]): each map of named lists with its lists in
        the file's order (for lists whose order matters: a cue lexicon, prototype sentences).
    """

    component: str
    lang: str
    version: int
    path: str
    description: str | None
    lists: Mapping[str, Words]
    ordered: Mapping[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        """One list of words. RAISES: DictionaryFormatError (DW258) naming the file when it has no
        such list, or has a map of lists under that key."""
        value = self.lists.get(key)
        if not isinstance(value, frozenset):
            raise DictionaryFormatError(self._missing(key, "a list of words"))
        return value

    def groups(self, key: str) -> dict[str, frozenset[str]]:
        """A map of named lists (``context_words``). RAISES: DictionaryFormatError (DW258)."""
        value = self.lists.get(key)
        if not isinstance(value, dict) or not all(isinstance(v, frozenset) for v in value.values()):
            raise DictionaryFormatError(self._missing(key, "a map of named lists of words"))
        return {k: v for k, v in value.items() if isinstance(v, frozenset)}

    def sequences(self, key: str) -> dict[str, tuple[str, ...]]:
        """A map of named lists in the file's order (``cues``). RAISES: DictionaryFormatError (DW258)."""
        value = self.ordered.get(key)
        if value is None:
            raise DictionaryFormatError(self._missing(key, "a map of named lists"))
        return dict(value)

    def mapping(self, key: str) -> dict[str, str]:
        """A map of word to word (``nominals``). RAISES: DictionaryFormatError (DW258)."""
        value = self.lists.get(key)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise DictionaryFormatError(self._missing(key, "a map of word to word"))
        return {k: v for k, v in value.items() if isinstance(v, str)}

    def fill(self, cls: type[_D]) -> _D:
        """An instance of the dataclass ``cls`` whose fields are this file's lists of the same
        names, each read by the field's declared type: ``frozenset[str]`` a list of words,
        ``dict[str, str]`` a map of word to word, ``dict[str, frozenset[str]]`` a map of named
        lists (fields with ``init=False`` are the class's to derive).

        RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks; TypeError
            when a field has a type no list has (a programming error in ``cls``).
        """
        readers = {"frozenset[str]": self.words, "dict[str, str]": self.mapping,
                   "dict[str, frozenset[str]]": self.groups}
        values: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if not f.init:
                continue
            reader = readers.get(f.type if isinstance(f.type, str) else getattr(f.type, "__name__", repr(f.type)))
            if reader is None:
                raise TypeError(f"{cls.__name__}.{f.name}: a word list is one of {', '.join(readers)}, not {f.type}")
            values[f.name] = reader(f.name)
        return cls(**values)

    def _missing(self, key: str, kind: str) -> str:
        builtin = DATA_DIR / "en" / f"{self.component}.v{self.version}.json"
        return DictionaryErrors.DW258.format(path=self.path, key=key, kind=kind, component=self.component,
                                             builtin=builtin if builtin.is_file() else DATA_DIR / "en")



def alternation(words: Iterable[str], *, space: str = " ", bounded: bool = False) -> str:
    """A regular-expression alternation of the words of a word list, longest first.

    A trailing ``*`` stands for any ending (``invad*``: "invade", "invasion"); a space between
    words matches ``space`` (a literal space, or ``\\s+`` where the text may break a line there);
    ``bounded`` ends each word without a ``*`` at a word boundary. Everything else is literal.
    """
    parts = []
    for word in sorted(words, key=lambda w: (-len(w), w)):
        stem = word[:-1] if word.endswith("*") else word
        rx = space.join(re.escape(part) for part in stem.split(" "))
        parts.append(rx + (r"\w*" if word.endswith("*") else (r"\b" if bounded else "")))
    return "|".join(parts)

def read_word_file(path: Path) -> frozenset[str]:
    """The words of a plain word file (``data/en/outlet_words.txt``): one word per line, lower-cased,
    ``#`` starting a comment.

    RAISES: OSError when the file cannot be read.
    """
    words = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        word = raw.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


def word_lists(component: str, lang: str = "en") -> WordLists:
    """The word lists of ``component`` in ``lang``, read once per process (and per setting of
    DYADWATCH_WORD_LISTS).

    RETURNS (WordLists): from the first directory (DYADWATCH_WORD_LISTS in order, then the
        built-in ``dictionaries/data``) with a ``<lang>/<component>.v<N>.json``; its highest version.
    RAISES: DictionaryNotFound (DW257) naming where it looked and the languages there are, (DW260)
        when a directory in DYADWATCH_WORD_LISTS does not exist; DictionaryFormatError (DW259) when
        the file is not a valid word-list file.

    >>> sorted(word_lists("events").words("future_aux"))[:2]
    ["'ll", 'going']
    """
    return _word_lists(component, lang, os.environ.get(WORDS_ENV_VAR) or "")


def user_word_lists(langs: Iterable[str] = ("en",)) -> list[WordLists]:
    """The user's own word-list files that components read: those of the directories in
    DYADWATCH_WORD_LISTS, in ``langs``, that ``word_lists`` picks for their component and language
    (a file an earlier directory or a higher version overrides is not read, so not listed).

    The analyzer's version names them (``dyadwatch.analyze.analyzer_version``): they change what
    an analysis finds as much as the built-in files do.

    RETURNS (list[WordLists]): in the order of the directories, then of language and file name.
    RAISES: as ``word_lists``.
    """
    env_value = os.environ.get(WORDS_ENV_VAR) or ""
    out: dict[str, WordLists] = {}
    for root in (Path(p.strip()) for p in env_value.split(os.pathsep) if p.strip()):
        for lang in sorted(set(langs)):
            for path in sorted((root / lang).glob("*.v*.json")) if (root / lang).is_dir() else ():
                match = _FILE_RE.match(path.name)
                if match is None or not _LANG_RE.match(lang):
                    continue
                lists = _word_lists(match.group("component"), lang, env_value)
                if Path(lists.path) == path:
                    out.setdefault(lists.path, lists)
    return list(out.values())


@lru_cache(maxsize=32)
def _word_lists(component: str, lang: str, env_value: str) -> WordLists:
    roots = [Path(p.strip()) for p in env_value.split(os.pathsep) if p.strip()]
    for root in roots:
        if not root.is_dir():
            raise DictionaryNotFound(DictionaryErrors.DW260.format(path=root, var=WORDS_ENV_VAR, sep=os.pathsep))
    roots.append(DATA_DIR)
    if _LANG_RE.match(lang or ""):
        for root in roots:
            versions = []
            for p in (root / lang).glob(f"{component}.v*.json") if (root / lang).is_dir() else ():
                match = _FILE_RE.match(p.name)
                if match and match.group("component") == component:
                    versions.append((int(match.group("version")), p))
            if versions:
                version, path = max(versions)
                return _read(path, component, lang, version)
    available = sorted({d.name for root in roots if root.is_dir() for d in root.iterdir()
                        if d.is_dir() and any(d.glob(f"{component}.v*.json"))})
    raise DictionaryNotFound(DictionaryErrors.DW257.format(
        component=component, lang=lang, where=", ".join(str(r) for r in roots),
        available=", ".join(available) or "none", var=WORDS_ENV_VAR, sep=os.pathsep))


def _read(path: Path, component: str, lang: str, version: int) -> WordLists:
    def fail(reason: str) -> DictionaryFormatError:
        return DictionaryFormatError(DictionaryErrors.DW259.format(path=path, reason=reason))

    try:
        data: Any = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise fail(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise fail(f"expected a JSON object, got {type(data).__name__}")
    for key, expected in (("name", component), ("lang", lang), ("version", version)):
        if key in data and data[key] != expected:
            raise fail(f"'{key}' is {data[key]!r} but the file's place says {expected!r}")
    lists: dict[str, Words] = {}
    ordered: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, value in data.items():
        if key in _META:
            continue
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            lists[key] = {word: _word(other, f"{key}.{word}", fail) for word, other in value.items()}
        elif isinstance(value, dict):
            lists[key] = {name: _words(words, f"{key}.{name}", fail) for name, words in value.items()}
            ordered[key] = {name: tuple(words) for name, words in value.items()}
        else:
            lists[key] = _words(value, key, fail)
    description = data.get("description")
    return WordLists(component=component, lang=lang, version=version, path=str(path),
                     description=description if isinstance(description, str) else None, lists=lists,
                     ordered=ordered)


def _words(value: Any, key: str, fail: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise fail(f"'{key}' must be a list of non-empty strings, a map of such lists, or a map of word to word")
    return frozenset(value)


def _word(value: str, key: str, fail: Any) -> str:
    if not value.strip():
        raise fail(f"'{key}' is an empty string")
    return value
