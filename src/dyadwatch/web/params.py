"""Query-string parameters of the dashboard, checked before any SQL sees them.

Every check raises ``BadRequest`` with a message that names the parameter, the value and
what was expected; the app turns it into a 400 page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from dyadwatch.store import queries as Q

#: longest query string accepted (bytes, still percent-encoded)
MAX_QUERY_STRING = 4096
#: longest full-text query
MAX_SEARCH = 200
#: most words in one full-text query
MAX_TERMS = 12
MAX_PAGE = 1_000_000
PER_PAGE_DEFAULT = 50
PER_PAGE_CHOICES = (10, 25, 50, 100, 200)

_DOC_ID = re.compile(r"^[0-9a-f]{1,16}\Z")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)

#: the month facet's value for rows without a date
UNDATED = Q.UNDATED
#: the outlet facet's value for documents whose outlet is not stated
NO_OUTLET = Q.NO_OUTLET


class BadRequest(Exception):
    """A query-string parameter is missing, repeated or not valid (shown as a 400 page)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _show(value: str) -> str:
    # control characters (a NUL, a newline) are shown as escapes, not as nothing
    value = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in value)
    return value if len(value) <= 60 else value[:57] + "…"


def bad(name: str, value: str, expected: str) -> BadRequest:
    return BadRequest(f"Parameter '{name}' has value '{_show(value)}'. {expected}")


def _checked(check: Callable[..., str], value: str, name: str, *args: object) -> str:
    """The library's check of a value (``dyadwatch.store.queries``), its error as a 400 page."""
    try:
        return check(value, name, *args)
    except Q.InvalidInput as exc:
        raise bad(name, value, exc.expected) from None


def code(value: str, name: str = "actor") -> str:
    """An actor code (CHN, RUS, USA, NATO …), upper-cased."""
    return _checked(Q.check_code, value, name)


def month(value: str, name: str = "month") -> str:
    return _checked(Q.check_month, value, name)


def date(value: str, name: str) -> str:
    return _checked(Q.check_date, value, name)


def plover_type(value: str, name: str = "type") -> str:
    return _checked(Q.check_type, value, name)


def choice(value: str, name: str, choices: Sequence[str]) -> str:
    return _checked(Q.check_choice, value, name, choices)


def word(value: str, name: str) -> str:
    """A short label such as a unit (USD, percent) or a language code (en)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,19}", value, re.ASCII):
        raise bad(name, value, "Expected a short label of letters, digits, '-' or '_' (at most 20).")
    return value


def positive_int(value: str, name: str, *, maximum: int) -> int:
    if not value.isascii() or not value.isdigit() or len(value) > 9 or not 1 <= int(value) <= maximum:
        raise bad(name, value, f"Expected a whole number from 1 to {maximum:,}.")
    return int(value)


def doc_id(value: str) -> str:
    value = value.lower() if value.isascii() else value  # ids are lower-case hex; ABC123 is the same id
    if not _DOC_ID.match(value):
        raise BadRequest(f"'{_show(value)}' is not a document id. Expected up to 16 hexadecimal digits "
                         "(any unique prefix of an id works).")
    return value


def outlet(value: str) -> str:
    if len(value) > 200:
        raise bad("outlet", value, "Expected an outlet name of at most 200 characters.")
    return value


def span(value: str, name: str = "hl") -> tuple[int, int]:
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value, re.ASCII)
    if not m or int(m.group(1)) >= int(m.group(2)):
        raise bad(name, value, "Expected START-END character offsets, with START < END (e.g. 120-245).")
    return int(m.group(1)), int(m.group(2))


@dataclass(frozen=True)
class Search:
    """A full-text query: the words as typed, and the FTS5 expression that finds them."""

    text: str
    terms: tuple[tuple[str, bool], ...]  # (phrase, prefix?)

    def fts(self) -> str:
        """The FTS5 MATCH expression: every term must match; each is quoted, so no user text is
        ever read as FTS5 syntax."""
        parts = []
        for phrase, prefix in self.terms:
            parts.append('"' + phrase.replace('"', '""') + '"' + ("*" if prefix else ""))
        return " ".join(parts)

    def words(self) -> list[tuple[str, bool]]:
        """Single words to highlight in results (lower-case, with their prefix flag)."""
        out = []
        for phrase, prefix in self.terms:
            ws = _WORD.findall(phrase.lower())
            for i, w in enumerate(ws):
                out.append((w, prefix and i == len(ws) - 1))
        return out


def search(value: str, name: str = "q") -> Search | None:
    """Parse a search box: words, "quoted phrases" and prefix* terms, all required."""
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_SEARCH:
        raise BadRequest(f"Parameter '{name}' is {len(value)} characters long. Expected a search of at most "
                         f"{MAX_SEARCH} characters.")
    terms: list[tuple[str, bool]] = []
    for m in _TERM.finditer(value):
        if m.group(1) is not None:
            words = _WORD.findall(m.group(1))
            if words:
                terms.append((" ".join(words), False))
            continue
        raw = m.group(2)
        prefix = raw.endswith("*")
        for i, w in enumerate(ws := _WORD.findall(raw)):
            terms.append((w, prefix and i == len(ws) - 1))
    if not terms:
        raise bad(name, value, "Expected at least one word to search for (letters or digits).")
    if len(terms) > MAX_TERMS:
        raise bad(name, value, f"Expected at most {MAX_TERMS} words or phrases.")
    return Search(value, tuple(terms))


class Params:
    """The query string of one request: known names only, each single-valued unless declared."""

    def __init__(self, items: Iterable[tuple[str, str]], *, allowed: Iterable[str], multi: Iterable[str] = ()):
        self.allowed = set(allowed)
        self.multi = set(multi)
        self.values: dict[str, list[str]] = {}
        for key, value in items:
            if key not in self.allowed:
                known = ", ".join(sorted(self.allowed)) or "none"
                raise BadRequest(f"Unknown parameter '{_show(key)}'. This page takes: {known}.")
            if value == "":
                continue  # an empty form field means "not given"
            self.values.setdefault(key, []).append(value)
        for key, values in self.values.items():
            if len(values) > 1 and key not in self.multi:
                raise BadRequest(f"Parameter '{key}' is given {len(values)} times. Give it once.")

    def get(self, name: str) -> str | None:
        values = self.values.get(name)
        return values[0] if values else None

    def getlist(self, name: str) -> list[str]:
        return list(self.values.get(name, []))


def check_query_string(raw: bytes) -> None:
    if len(raw) > MAX_QUERY_STRING:
        raise BadRequest(f"The query string is {len(raw):,} bytes long. Expected at most {MAX_QUERY_STRING:,} "
                         "bytes; use fewer or shorter filters.")


def as_items(mapping: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, vs in mapping.items() for v in vs]
