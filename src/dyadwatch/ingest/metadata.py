"""Read an article's title, outlet, authors and publication date from its text.

Most inputs are plain text, so metadata has to be read the way a careful reader would:
from the conventions of how articles are laid out. Anything the text does not tell stays
``None`` (published basis ``"unknown"``). Values the container already supplied
(``hints``: HTML meta tags via trafilatura, JSONL fields) win over the text.

Chrome spans (see :mod:`dyadwatch.ingest.chrome`) are blanked before reading. Only the
first ``HEAD_LINES`` and last ``TAIL_LINES`` content lines are read, every regular
expression runs on a bounded slice of one line, and blank runs are skipped in one step, so
any input (empty, huge, one 1 MB line, NUL bytes, bidi or zero-width characters) returns
in linear time without raising.

Rules
-----
Title
    The first content line, when it reads like a headline: a Markdown ``# Heading``; or a
    line of 2-20 words and at most 160 characters that is followed by more text, starts
    with a capital, digit or quote, does not end with ``,;:`` and is not a byline,
    dateline, republication, date or bio line. It may end with a full stop (at most 14
    words then). A kicker line or prefix ("Analysis", "Opinion | ") is skipped; Markdown
    emphasis is removed; a numbered section ("1. Introduction") is no title. A long first
    paragraph means there is no title: later short lines are section headings.
Authors
    Bylines in the head or tail ("By Jane Doe", "By Jane Doe and John Roe",
    "By JANE DOE, Asia correspondent", "Written by ...", "Jane Doe | Reuters") and author
    bios in the first or last lines ("Jane Doe is a ... analyst for X, ..."; truncated bios
    count). A name is 2-4 capitalised tokens (initials and particles such as "van" allowed);
    ALL-CAPS names are title-cased.
Outlet (first rule that applies)
    1. a republication line ("This article previously appeared in X, on <date>.",
       "... originally published by X", "First published in X", "Republished from X");
    2. a byline naming an outlet ("Jane Doe | Reuters", "By Jane Doe, Reuters");
    3. a wire dateline ("BEIJING, March 3 (Reuters) -");
    4. a bio whose role writes *for* the outlet ("is a columnist/analyst/... for X",
       "writes for X", "contributor to X"; a journalist "at X"). A bio "at X" for any other
       role (university, think tank, programme) is an affiliation, not an outlet.
    A lower-case "the" before a name is dropped ("the South China Morning Post"); a
    capitalised one mid-sentence is part of the name ("The Diplomat").
Published (first rule that applies)
    1. a date in the republication line -> stated;
    2. "Published: <date>" / "Posted <date>" lines (the date must start the value, so
       "Updated guidelines were released in March 2024" is no date line), a date inside a
       byline ("By Jane Doe | March 3, 2024"), a date-only line in the head -> stated;
    3. a dateline with a year ("MOSCOW, March 3, 2024 (Reuters) -") -> stated;
    4. "Updated: <date>" lines -> stated;
    5. a date in the URL path (``/2024/03/12/``, ``/2024-03-12-``, ``20240312``) -> stated;
    6. a dateline without a year ("NEW DELHI, March 12 (Reuters) -"), with the year stated
       elsewhere in the metadata (a ``/2024/`` URL segment, a year-only "Published: 2024"
       line) -> inferred, and preferred to that year-only stated date;
    7. "Published 3 days ago" / "Updated yesterday" resolved against an absolute anchor the
       text states for the page ("Retrieved March 12, 2024") -> inferred; without an anchor
       it stays unknown.
    Dates mentioned in the body are event dates and are never used. Dates are parsed only
    from strings the regular expressions have already shaped as dates and validated with
    ``datetime.date`` ("32 February" is not a date); the precision the text gives is kept
    ("September 29, 2022" -> 2022-09-29, "March 2024" -> 2024-03). dateparser resolves
    relative phrases and hint strings of other forms; its result is validated too.

``evidence`` records where each value came from, e.g.
``{"outlet": "republication line: 'This article previously appeared in ...'"}``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dyadwatch.dictionaries.words import WORDS_ENV_VAR, read_word_file, word_lists
from dyadwatch.ingest.outlets import domain_name_label, host_of, name_key, outlet_from_url, site_names
from dyadwatch.records import PublishedBasis, TextMetadata

__all__ = ["HEAD_LINES", "TAIL_LINES", "extract_metadata", "normalise_date"]

#: content lines read from the start of the text for title, bylines, bios and datelines
HEAD_LINES = 12
#: content lines read from the end of the text for bylines and bios
TAIL_LINES = 4
#: characters of one line that any pattern looks at
_LINE_WINDOW = 500
_MAX_TITLE_CHARS = 160
_MAX_TITLE_WORDS = 20
_MAX_SENTENCE_TITLE_WORDS = 14
_MIN_YEAR, _MAX_YEAR = 1800, 2199

_INVISIBLE = re.compile("[\x00\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_EMPHASIS = re.compile(r"(?:\*{1,3}|_{1,3})([^*_\n].{0,2000}?)(?:\*{1,3}|_{1,3})", re.DOTALL)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"

# ---------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_WEEKDAY = r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_ORD = r"(?:st|nd|rd|th)?"
#: absolute dates, each with named groups y / m / d (m as a number or a month name)
_DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)",
    r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)",
    rf"\b(?P<m>{_MONTH})\.? (?P<d>\d{{1,2}}){_ORD},? (?P<y>\d{{4}})(?!\d)",
    rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD} (?:of )?(?P<m>{_MONTH})\.?,? (?P<y>\d{{4}})(?!\d)",
    rf"\b(?P<m>{_MONTH})\.?,? (?P<y>\d{{4}})(?!\d)",
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})(?![\d-])",
    # "12-Mar-2024", "12 Mar 24" is not read: a two-digit year needs the numeric form below
    rf"(?<!\d)(?P<d>\d{{1,2}})-(?P<m>{_MONTH})-(?P<y>\d{{4}})(?!\d)",
    # numeric: "03/12/2024", "12.03.2024", "3-12-24"; which part is the month is settled by
    # ``_numeric_date`` (and by other dates of the page when both could be)
    r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<yy>\d{4}|\d{2})(?![\d/\-]|\.\d)",
))
#: month and day without a year, as in datelines ("March 3", "3 March")
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH})\.? (?P<d>\d{{1,2}}){_ORD}\b|(?<!\d)(?P<d2>\d{{1,2}}){_ORD} (?P<m2>{_MONTH})\b",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"(?P<y>(?:1[89]|2[01])\d{2})")
#: what may follow a date on a metadata line: a time, a zone
_TIME_TAIL = re.compile(
    r"[\s,]*(?:(?:at|@|-|–|—|\|)\s*)?"
    r"(?:\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|\([A-Z]{2,5}\))?)?"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*\.?",
    re.IGNORECASE,
)
#: a time of day before a date ("10:30 AM, March 12, 2024", "08:15 GMT | 12 March 2024")
_TIME_HEAD = re.compile(
    # "10:30", "10:30:15", "9.15 pm" (a dotted time needs am/pm: "25.03.2024" is a date)
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?![./-]?\d)\s*(?:[ap]\.?m\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?m\.?)\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|\([A-Z]{2,5}\))?"
    r"\s*(?:[,|·•]|on|[-–—])?\s*",
    re.IGNORECASE,
)
#: a year glued to a repetition of the date ("22 Nov 202522 Nov 2025": a visible and a hidden date)
_GLUED_YEAR = re.compile(rf"((?:19|20)\d{{2}})(?=\d{{1,2}}\s*{_MONTH}\b|{_MONTH}\b)", re.IGNORECASE)
#: words that make what follows a date prose rather than page furniture
_PROSE = re.compile(r"\b(?!(?:at|on|by|and|am|pm|ist|gmt|utc|est|edt|pst|pdt|cet|cest|bst|jst|kst|hkt|sgt)\b)"
                    r"[a-z]{3,}\s+[a-z]{2,}\b")
_RELATIVE = re.compile(
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>minute|min|hour|hr|day|week|month|year)s?\s+ago|(?P<word>yesterday|today|just now)"
    r"|last\s+(?P<last>week|month|year)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Date:
    """A validated calendar date with the precision the text gave."""

    year: int
    month: int | None = None
    day: int | None = None
    #: both (month, day) readings of a numeric date such as "03/04/2024"; month and day stay
    #: None until other evidence on the page settles which one it is
    readings: tuple[tuple[int, int], ...] = ()
    #: the order an unambiguous numeric date was written in ("dmy" for 25/03/2024, "mdy")
    order: str | None = None

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _make_date(year: str | int, month: str | int | None = None, day: str | int | None = None) -> _Date | None:
    """Validate date parts; None when they are not a real date ("32 February")."""
    try:
        y = int(year)
        m = None if month is None else (int(month) if str(month).isdigit() else _MONTHS[str(month).lower().rstrip(".")])
        d = None if day is None else int(day)
        if not _MIN_YEAR <= y <= _MAX_YEAR:
            return None
        if m is not None:
            _dt.date(y, m, d if d is not None else 1)
        elif d is not None:
            return None
    except (ValueError, KeyError, OverflowError):
        return None
    return _Date(y, m, d)


def _date_from_match(match: re.Match[str]) -> _Date | None:
    """The validated date of a ``_DATE_FORMS`` match."""
    groups = match.groupdict()
    if groups.get("a") is not None:
        return _numeric_date(groups["a"], groups["b"], groups["yy"])
    return _make_date(groups["y"], groups.get("m"), groups.get("d"))


def _numeric_date(a: str, b: str, yy: str) -> _Date | None:
    """"12/03/2024": day-first when the first part is over 12, US order when the second is; when
    both could be the month the date keeps both readings and only its year is certain."""
    year = int(yy)
    if len(yy) == 2:
        year += 2000 if year < 70 else 1900
    first, second = int(a), int(b)
    readings = []
    for month, day in ((first, second), (second, first)):
        date = _make_date(year, month, day)
        if date is not None and (month, day) not in readings:
            readings.append((month, day))
    if not readings:
        return None
    if len(readings) == 1:
        month, day = readings[0]
        order = None if first == second else "mdy" if month == first else "dmy"
        return _Date(year, month, day, order=order)
    # US order first, day-first second
    return _Date(year, readings=tuple(readings))


def _settle(date: _Date, evidence: Iterable[_Date]) -> _Date:
    """An ambiguous numeric date settled by the other dates of the page: a reading that one of
    them confirms (the same day spelled out, in the address), or the day-month order that an
    unambiguous numeric date of the page uses. Unsettled, it stays at year precision."""
    if not date.readings:
        return date
    others = [e for e in evidence if e is not date]
    for month, day in date.readings:
        if any(e.year == date.year and e.month == month and e.day == day for e in others):
            return _Date(date.year, month, day)
    orders = {e.order for e in others if e.order}
    if len(orders) == 1:
        month, day = date.readings[0] if orders == {"mdy"} else date.readings[1]
        return _Date(date.year, month, day)
    return date


def _find_date(text: str, *, at_start: bool = False, labelled: bool = False) -> tuple[_Date, re.Match[str]] | None:
    """The earliest (longest on ties) valid absolute date in ``text``.

    at_start: the date must start the text (after an optional weekday or time of day) and be
    followed only by a time of day; used for date-only lines so that "Updated guidelines were
    released in March 2024" is not read as a date line.
    labelled: the text is the value of a "Published:" / "Updated" label: the date must still
    start it, but what follows may be anything that does not read as prose (a repeated date,
    a time zone, a counter, "| By Jane Doe").
    """
    text = text[:_LINE_WINDOW]
    best: tuple[_Date, re.Match[str]] | None = None
    if at_start or labelled:
        if labelled:
            text = _GLUED_YEAR.sub(r"\1 ", text)
        offset = 0
        for head in (_WEEKDAY_PREFIX, _TIME_HEAD, _WEEKDAY_PREFIX):
            got = head.match(text, offset)
            if got is not None:
                offset = got.end()
        for form in _DATE_FORMS:
            match = form.match(text, offset)
            if match is None:
                continue
            if labelled:
                date = _date_from_match(match)
                # a full date right after the label is the page's date whatever follows it (a
                # scraper may join the headline to the date line); a month or a year is trusted
                # only when no prose follows ("Updated March 2024 guidelines were ...")
                if date is None or ((date.day is None and not date.readings) and _PROSE.search(text, match.end())):
                    continue
            else:
                tail = _TIME_TAIL.match(text, match.end())
                if tail is None or tail.end() != len(text):
                    continue
            date = _date_from_match(match)
            if date is not None and (best is None or match.end() > best[1].end()):
                best = (date, match)
        return best
    invalid: list[tuple[int, int]] = []  # "32 February 2024" must not leave "February 2024"
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            date = _date_from_match(match)
            if date is None:
                invalid.append(match.span())
                continue
            if any(match.start() < end and start < match.end() for start, end in invalid):
                continue
            if best is None or (match.start(), -match.end()) < (best[1].start(), -best[1].end()):
                best = (date, match)
            break
    return best


#: strings dateparser turns into a wrong date ("Q3 2023" -> 2023-09, "the 1990s" -> today)
_NOT_A_DATE = re.compile(
    r"\bQ[1-4]\b|\b\d{2,4}0'?s\b|\b(?:quarter|half|century|decade|season|fiscal|FY)\b", re.IGNORECASE
)
#: a string dateparser may read: digits with a separator, a month name, or a relative word
_DATE_LIKE = re.compile(rf"\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|{_MONTH}|\bago\b|yesterday|today", re.IGNORECASE)


@lru_cache(maxsize=16)
def _date_parser(base: _dt.datetime | None = None) -> Any:
    """dateparser's English parser, relative to ``base`` when given; built once per base
    (importing dateparser and building a parser take a while)."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_date(text: str, *, base: _dt.datetime | None = None) -> _Date | None:
    """Parse with dateparser, keeping the period it reports, and validate the result."""
    if not text or len(text) > 80 or _NOT_A_DATE.search(text) or not _DATE_LIKE.search(text):
        return None
    try:
        data = _date_parser(base).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; the text then tells nothing
        return None
    value = getattr(data, "date_obj", None)
    if not isinstance(value, _dt.datetime):
        return None
    period = getattr(data, "period", "day")
    if period not in ("day", "week", "month", "year", "time"):
        return None
    if period == "year":
        return _make_date(value.year)
    if period == "month":
        return _make_date(value.year, value.month)
    return _make_date(value.year, value.month, value.day)


def normalise_date(value: Any) -> str | None:
    """A date in any common form as ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``, or None.

    value (Any): "2024-03-12T08:00:00Z", "Tue, 12 Mar 2024 08:00:00 GMT", "March 2024",
        "2024", a ``datetime.date``...
    RETURNS (str | None): the normalised date, keeping the precision given.
    """
    if isinstance(value, _dt.datetime | _dt.date):
        date = _make_date(value.year, value.month, value.day)
        return date.iso() if date else None
    if not isinstance(value, str):
        return None
    text = _clean(value)[:_LINE_WINDOW]
    if not text:
        return None
    found = _find_date(text)
    if found is not None:
        return found[0].iso()
    if _YEAR_ONLY.fullmatch(text):
        return text
    if _RELATIVE.search(text):  # "3 days ago" against today's date is not the article's date
        return None
    date = _dateparser_date(text)
    return date.iso() if date else None


def _date_to_datetime(date: _Date) -> _dt.datetime:
    """Noon of the date (the first of the month or year when less precise)."""
    return _dt.datetime(date.year, date.month or 1, date.day or 1, 12, 0)


def _resolve_relative(match: re.Match[str], anchor: _Date) -> _Date | None:
    """Resolve "3 days ago" / "yesterday" against an absolute anchor, via dateparser."""
    if anchor.day is None:
        return None
    resolved = _dateparser_date(match.group(0), base=_date_to_datetime(anchor))
    if resolved is None:
        return None
    unit = (match.group("unit") or match.group("last") or "day").lower()
    if unit == "month":
        return _make_date(resolved.year, resolved.month)
    if unit == "year":
        return _make_date(resolved.year)
    return resolved


# ---------------------------------------------------------------- names and outlets

_HONORIFICS = re.compile(r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Amb|Ambassador|Gen|Col|Lt)\.?\s+)+")


@dataclass(frozen=True)
class MetadataWords:
    """The words of one language the metadata reader tells bylines and datelines by, read from
    ``dictionaries/data/<lang>/metadata.v<N>.json`` (``dyadwatch.dictionaries.words``), whose
    ``_doc`` says what each list is for."""

    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    not_name_words: frozenset[str]
    wires: frozenset[str]
    not_agency_words: frozenset[str]


def metadata_words(lang: str = "en") -> MetadataWords:
    """The lists of ``lang`` (English: what documents are read with), read once per setting of
    DYADWATCH_WORD_LISTS. RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
    return _metadata_words(lang, os.environ.get(WORDS_ENV_VAR) or "")


@lru_cache(maxsize=8)
def _metadata_words(lang: str, env_value: str) -> MetadataWords:
    return word_lists("metadata", lang).fill(MetadataWords)


_INITIAL = re.compile(rf"[{_UPPER}]\.(?:-?[{_UPPER}]\.){{0,2}}|[{_UPPER}]")
_NAME_WORD = re.compile(rf"(?:Mc|Mac|O'|O’|D'|D’)?[{_UPPER}][^\W\d_]*(?:[-'’][{_UPPER}]?[^\W\d_]+)*")


def _title_case_token(token: str) -> str:
    """"DOE" -> "Doe", "O'NEILL" -> "O'Neill"; mixed-case tokens and initials unchanged."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not _INITIAL.fullmatch(token):
        return token.title()
    return token


def _person_name(candidate: str) -> str | None:
    """``candidate`` as a normalised person name, or None when it is not one.

    A name is 2-4 capitalised tokens (initials allowed) plus optional particles ("van",
    "bin") and suffixes ("Jr."); ALL-CAPS names are title-cased.
    """
    words = metadata_words()
    candidate = candidate.strip(" \t*_\"'“”‘’()[]-–—:;,")
    if candidate.endswith(".") and candidate.rsplit(" ", 1)[-1] not in words.name_suffixes:
        candidate = candidate[:-1]
    candidate = _HONORIFICS.sub("", candidate)
    if not candidate or len(candidate) > 80:
        return None
    tokens = candidate.split()
    if not 2 <= len(tokens) <= 6:
        return None
    core = 0
    out: list[str] = []
    for i, token in enumerate(tokens):
        if token.lower() in words.name_particles and 0 < i < len(tokens) - 1 and token.islower():
            out.append(token)
            continue
        if i == len(tokens) - 1 and token in words.name_suffixes and core >= 2:
            out.append(token)
            continue
        if token.rstrip(".").lower() in words.not_name_words:
            return None
        if _INITIAL.fullmatch(token) or _NAME_WORD.fullmatch(token):
            out.append(_title_case_token(token))
            core += 1
            continue
        return None
    if not 2 <= core <= 4 or _INITIAL.fullmatch(tokens[-1]):
        return None
    return " ".join(out)


_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*)", re.IGNORECASE)
#: a handle or note after a name: "Jane Doe (@janedoe)"
_NAME_NOTE = re.compile(r"\s*\([^()]{0,40}\)")


def _names(text: str) -> list[str] | None:
    """Every piece of "Jane Doe, John Roe and Max Moe" as a name, or None if any is not one."""
    pieces = [p for p in _NAME_SPLIT.split(_NAME_NOTE.sub("", text[:300]).strip()) if p]
    names = [_person_name(p) for p in pieces]
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n is not None]


#: words naming an institution: "at/for X" with these is an affiliation, not an outlet
_INSTITUTION = re.compile(
    r"\b(?:University|Universit[àä]t|College|Institute|Institution|School|Cent(?:er|re)|Council|Foundation"
    r"|Academy|Program(?:me)?|Department|Ministry|Laborator(?:y|ies)|Lab|Initiative|Endowment|Fund|Society"
    r"|Association|Commission|Committee|Project|Office|Embassy|Government|Parliament|Congress|Senate|Army"
    r"|Navy|Force|Bank|Studies|Research|Policy Unit|Think Tank|Forum|Observatory|Consortium|Alliance"
    r"|Corporation for)\b"
)
#: words that make a name an outlet ("Daily Mail", "Asia Times", "Foreign Affairs")
_MEDIA_WORD = re.compile(
    r"\b(?:News|Post|Times|Journal|Press|Herald|Tribune|Review|Affairs|Magazine|Daily|Weekly|Telegraph"
    r"|Guardian|Monitor|Observer|Gazette|Chronicle|Media|Radio|TV|Television|Broadcasting|Network|Wire|Diplomat"
    r"|Economist|Insider|Report|Reporter|Standard|Express|Mail|Mirror|Globe|Star|Sun|Week|Today|Online"
    r"|Dispatch|Courier|Bulletin|Digest|Quarterly|Interest|Policy|Conversation|Hook|Agency|Nikkei|Caixin)\b"
)
#: roles whose "for X" names the outlet they write for
_WRITING_ROLE = (r"(?:columnist|analyst|correspondent|contributor|editor|writer|reporter|journalist|commentator"
                 r"|blogger|producer|critic|contributing (?:writer|editor)|staff writer|bureau chief|writes)")
_WRITING_ROLE_RE = re.compile(rf"\b{_WRITING_ROLE}\b", re.IGNORECASE)
#: roles whose "at X" also names an outlet (their employer is a newsroom)
_NEWSROOM_ROLE = (r"(?:columnist|correspondent|editor|writer|reporter|journalist|bureau chief|staff writer"
                  r"|contributing (?:writer|editor)|news editor|producer)")
#: roles that make "Name is a ..." an author bio
_BIO_ROLE = re.compile(
    r"\b(?:analyst|fellow|professor|lecturer|researcher|research|scientist|scholar|journalist|correspondent"
    r"|reporter|editor|columnist|contributor|writer|author|director|associate|expert|specialist|student"
    r"|candidate|consultant|commentator|economist|historian|strategist|adviser|advisor|founder|co-founder"
    r"|dean|chair|partner at|senior|visiting|former (?:ambassador|diplomat|official|officer|minister)"
    r"|blogger|producer|practitioner)s?\b",
    re.IGNORECASE,
)
_ORG_TOKEN = rf"[{_UPPER}0-9][\w&'’.\-/]*"
_ORG = re.compile(
    rf"(?P<the>[Tt]he\s+)?"
    rf"(?P<name>{_ORG_TOKEN}(?:\s+(?:(?:of|and|&|for|on|the|de|du|la|des|y)\s+)?{_ORG_TOKEN}){{0,7}})"
)
#: a date swallowed by the name pattern ("X on September 29"), or a dangling connector
_ORG_CUT = re.compile(
    rf"\s+(?:(?:on|in|at)\s+)?(?:{_MONTH}\.?\s+\d|\d{{1,2}}\s+{_MONTH}\b|{_MONTH}\s*$|\d{{4}}\b).*$"
    r"|\s+(?:on|in|at|for|and|of|the|&)$",
    re.IGNORECASE,
)


def _org_and_rest(text: str) -> tuple[str | None, str]:
    """The organisation name at the start of ``text`` and the text after it.

    A lower-case "the" is dropped ("the South China Morning Post"); a capitalised "The"
    in the middle of a sentence is part of the name ("published by The Diplomat").
    """
    text = text.strip()[:_LINE_WINDOW]
    match = _ORG.match(text)
    if match is None:
        return None, text
    name = _ORG_CUT.sub("", _ORG_CUT.sub("", match.group("name")))
    if not _ENDS_WITH_INITIALISM.search(name):  # keep the dot of "U.S."
        name = name.rstrip(".")
    name = name.rstrip(",;:")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    the = match.group("the")
    if the and the[0] == "T" and name:
        name = "The " + name
    name = name.strip()
    if len(name) < 2 or not any(c.isalpha() for c in name) or _find_date(name):
        return None, text[match.end():]
    return name, text[match.end():]


def _org_after(text: str) -> str | None:
    """The organisation name at the start of ``text``, or None."""
    return _org_and_rest(text)[0]


def _is_outlet(name: str, *, strict: bool, publisher: bool = False) -> bool:
    """Whether ``name`` can be an outlet.

    strict: needs a wire name or a media word ("By Jane Doe, Beijing" names a place).
    publisher: the name comes from a republication line, so an institution that
        published the article counts too.
    """
    bare = _LEADING_THE.sub("", name)
    if not bare or len(bare.split()) > 7 or _find_date(bare):
        return False
    if not publisher and _INSTITUTION.search(bare):
        return False
    if not bare[0].isupper() and not bare[0].isdigit():
        return False
    if _WRITING_ROLE_RE.search(bare):
        return False
    if not strict:
        return True
    wires = metadata_words().wires
    return bare in wires or name in wires or _MEDIA_WORD.search(bare) is not None


# ---------------------------------------------------------------- line patterns

_BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|posted|reporting|report|analysis|commentary|opinion)\s+)?"
    r"by\s*[:\-–—]?\s+(?P<rest>\S.{0,250})$"
    r"|^(?:authors?|writers?)\s*:\s*(?P<rest2>\S.{0,250})$",
    re.IGNORECASE,
)
_SEGMENT_SPLIT = re.compile(r"\s+[|·•]\s+|\s*\|\s*|\s+[-–—]\s+")
_ROLE_AT = re.compile(
    rf"\b(?P<role>{_NEWSROOM_ROLE})\s+(?:at|with)\s+(?P<org>.{{1,150}})"
    rf"|\b(?P<role2>{_WRITING_ROLE})\s+(?:for|to)\s+(?P<org2>.{{1,150}})",
    re.IGNORECASE,
)
_REPUBLICATION = re.compile(
    r"^(?:(?:this|the|an?\s+(?:earlier|shorter|longer|different|edited|abridged)?\s*version\s+of\s+this)\s+"
    r"(?:article|piece|story|essay|commentary|op-ed|op-ed|column|post|analysis|report|interview|blog\s+post|text)\s+"
    r"(?:is\s+|was\s+|has\s+been\s+|had\s+been\s+|also\s+)?(?:previously\s+|originally\s+|first\s+|also\s+)?"
    r"(?:appeared|appears|published|ran|posted|republished|reprinted|featured)(?:\s+(?:first|originally|previously))?"
    r"|(?:first|originally|previously)\s+(?:published|appeared|posted|ran)|republished|reprinted|cross-posted)"
    r"(?:\s+(?:here\s+)?with\s+(?:the\s+)?(?:kind\s+)?permission)?\s+(?:in|on|by|at|from|with|of)\s+(?P<rest>.{1,300})",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}.'’\-]+(?:[\s/][{_UPPER}][{_UPPER}.'’\-]*){{0,3}}"
    rf"(?:,\s*[{_UPPER}][\w.'’\-]*(?:\s[{_UPPER}][\w.'’\-]*){{0,2}})?)"
    rf"(?:,\s*(?P<date>(?:{_WEEKDAY}\s*)?(?:{_MONTH}\.?\s+\d{{1,2}}{_ORD}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}{_ORD}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?)))?"
    r"\s*(?:\((?P<agency>[^()\d]{1,40})\)|/(?P<agency2>[A-Za-z][\w .&-]{1,30})/)?\s*(?:-{1,2}|–|—|:)\s",
)
#: a wire tag opening the lead without a place: "(MENAFN) Turkish and Greek leaders ..."
_WIRE_TAG = re.compile(r"^\((?P<agency>[A-Z][A-Za-z.&/ -]{1,30})\)\s*(?:[-–—:]\s*)?(?=[A-Z\"“‘'])")
#: how much of a line is read for a date label and its value (``_LABEL`` takes at most this)
_LABELLED_LINE_CHARS = 400
_LABEL = re.compile(
    r"^(?P<label>(?:first\s+|originally\s+|date\s+)?published(?:\s+on)?|posted(?:\s+on)?|publication\s+date|date"
    r"|(?:last\s+)?updated(?:\s+on)?|last\s+modified|modified|retrieved(?:\s+on)?|accessed(?:\s+on)?"
    r"|captured(?:\s+on)?|archived(?:\s+on)?|today(?=\s*:)|today\s+is)\s*[:\-–—]?\s*(?P<rest>\S.{0,400})$",
    re.IGNORECASE,
)
_BIO = re.compile(
    rf"^(?:about\s+the\s+authors?\s*[:\-–—]?\s*)?[*_—–\-\s]*(?P<names>[{_UPPER}][^\n]{{1,150}}?)\s+"
    r"(?P<verb>is|are|was|were|serves\s+as|writes\s+for|writes\s+regularly\s+for|writes\s+a\s+column\s+for)\b"
    r"\s*(?P<rest>.{0,400})",
)
_WRITES_FOR = re.compile(
    r"\bwrites\s+(?:regularly\s+|often\s+|a\s+(?:weekly\s+|monthly\s+|regular\s+)?column\s+)?for\s+(?P<org>.{1,150})"
)
_BIO_OPENING = re.compile(
    r"^(?:also\s+|currently\s+|now\s+)?(?:a|an|the|one\s+of|former|both|senior|associate|assistant)\b",
    re.IGNORECASE,
)
#: section labels printed above or before a headline ("Analysis", "Opinion |")
_KICKER_WORDS = (r"(?:analysis|opinion|commentary|comment|news|world|world news|asia|europe|explainer|interview"
                 r"|feature|editorial|op-ed|perspective|essay|review|briefing|exclusive|breaking|breaking news"
                 r"|long read|column)")
_KICKER = re.compile(_KICKER_WORDS + r"\s*[:|]?", re.IGNORECASE)
_KICKER_PREFIX = re.compile(_KICKER_WORDS + r"\s*[:|]\s+(?=(?-i:[A-Z0-9\"'“‘]))", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,4}\.)\s")
_WEEKDAY_PREFIX = re.compile(_WEEKDAY + r"\s*", re.IGNORECASE)
_ENDS_WITH_INITIALISM = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")
_LEADING_THE = re.compile(r"^The\s+")
_COMMA_SPLIT = re.compile(r"\s*[,;]\s*")
_IN_PLACE = re.compile(rf"\s+in\s+[{_UPPER}][\w .'-]{{0,40}}$")
#: where the first clause of a bio ends ("..., specializing in ...")
_CLAUSE_END = re.compile(r"[.;]\s|,\s+(?:where|who|which|and|specializ|specialis|focus)")
_THEN_AT = re.compile(r"\s+at\s")
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_HINT_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")
#: dates in a URL path: /2024/03/12/, /2024-03-12-, 20240312, /2024/03/
_URL_DATES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_.])",
    r"(?:^|[/_\-.])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[/_\-.])",
    r"(?:^|[/_\-.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:$|[/_\-.])",
    r"/(?P<y>\d{4})/(?P<m>\d{1,2})(?:/|$)",
    # /2023/mar/18/, /2023/march/18/
    rf"(?i:/(?P<y>\d{{4}})/(?P<m>{_MONTH})/(?P<d>\d{{1,2}})(?:/|$|[-_.]))",
    # query and ids: ?date=2024-03-12, &d=20240312
    r"[?&][a-z_]*date[a-z_]*=(?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})(?!\d)",
))
_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})(?:/|$)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<title>\S.{0,300}?)\s*#*$")


def _clean(line: str) -> str:
    """A line as read: invisible characters dropped, spaces collapsed, ends trimmed, and
    Markdown emphasis around the whole line removed ("*June 3, 2025*")."""
    line = _SPACES.sub(" ", _INVISIBLE.sub("", line[: _LINE_WINDOW * 4])).strip()
    emphasis = _EMPHASIS.fullmatch(line)
    return emphasis.group(1).strip() if emphasis else line


def _snippet(line: str, limit: int = 90) -> str:
    """``line`` cut to ``limit`` characters for an evidence note."""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


@dataclass
class _Found:
    """Candidates collected while reading, with their evidence."""

    title: tuple[str, str] | None = None
    authors: list[tuple[str, str]] = field(default_factory=list)
    republication: tuple[str | None, _Date | None, str] | None = None
    byline_outlet: tuple[str, str] | None = None
    dateline_outlet: tuple[str, str] | None = None
    bio_outlet: tuple[str, str] | None = None
    published_line: tuple[_Date, str] | None = None
    byline_date: tuple[_Date, str] | None = None
    dateline_date: tuple[_Date, str] | None = None
    dateline_month_day: tuple[int, int, str] | None = None
    updated_line: tuple[_Date, str] | None = None
    anchor: tuple[_Date, str] | None = None
    year_only: list[tuple[int, str]] = field(default_factory=list)
    relative: tuple[re.Match[str], str] | None = None
    weekday_date: tuple[_Date, str] | None = None
    dateline_year: tuple[int, str] | None = None
    notes: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- readers of one line


def _read_republication(line: str, found: _Found) -> bool:
    """Outlet and date from "This article previously appeared in X, on <date>."; True when one."""
    match = _REPUBLICATION.match(line)
    if match is None:
        return False
    rest = match.group("rest")
    outlet = _org_after(rest)
    if outlet is not None and not _is_outlet(outlet, strict=False, publisher=True):
        outlet = None
    dated = _find_date(rest)
    if outlet is None and dated is None:
        return False
    if found.republication is None:
        found.republication = (outlet, dated[0] if dated else None, line)
    return True


def _read_byline(line: str, found: _Found, *, allow_bare: bool) -> bool:
    """Authors, outlet and date from a byline; True when the line is one."""
    match = _BYLINE.match(line)
    if match is not None:
        rest = match.group("rest") or match.group("rest2") or ""
    elif allow_bare and ("|" in line or "·" in line or "•" in line) and len(line) <= 150:
        rest = line  # "Jane Doe | Reuters", "Jane Doe · March 3, 2024"
    else:
        return False
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(rest) if s.strip()]
    if not segments:
        return False
    authors: list[str] = []
    outlet: str | None = None
    date: _Date | None = None
    head = segments[0]
    dated = _find_date(head)
    if dated is not None:  # "By Jane Doe, March 3, 2024"
        date = dated[0]
        head = (head[: dated[1].start()] + head[dated[1].end() :]).strip(" ,;")
        head = re.sub(r"\s+(?:on|at|in)$", "", head)  # "By Jane Doe on March 3, 2024"
    # "Jane Doe, Asia correspondent" / "Jane Doe, Reuters": names first, then one role or outlet
    pieces = [p for p in _COMMA_SPLIT.split(head) if p]
    names: list[str] = []
    tail: list[str] = []
    for i, piece in enumerate(pieces):
        piece = _IN_PLACE.sub("", piece)  # "Jane Doe in Beijing"
        got = _names(piece)
        if got is None:
            tail = pieces[i:]
            break
        names.extend(got)
    if not names:
        return False
    authors = names
    for piece in tail + segments[1:]:
        dated = _find_date(piece)
        if dated is not None and date is None:
            date = dated[0]
            continue
        role = _ROLE_AT.search(piece)
        if role is not None:
            org = _org_after(role.group("org") or role.group("org2") or "")
            if org and outlet is None and _is_outlet(org, strict=False):
                outlet = org
            continue
        org = _org_after(piece)
        strict = match is not None and piece in tail  # "By Jane Doe, Beijing" names a place, not an outlet
        # a name-like piece is still the outlet when it has a media word ("Jane Doe | Baltic Herald")
        if (org and org == piece.strip().rstrip(".") and outlet is None
                and (_names(piece) is None or _is_outlet(org, strict=True))
                and _is_outlet(org, strict=strict)):
            outlet = org
    if match is None and outlet is None and date is None:
        return False  # a bare "Name | X" line is a byline only when X is an outlet or a date
    evidence = f"byline: '{_snippet(line)}'"
    found.authors.extend((a, evidence) for a in authors)
    if outlet and found.byline_outlet is None:
        found.byline_outlet = (outlet, evidence)
    if date and found.byline_date is None:
        found.byline_date = (date, evidence)
    return True


def _read_dateline(line: str, found: _Found) -> bool:
    """Agency and date from "BEIJING, March 3 (Reuters) -"; True when the line opens with one."""
    match = _DATELINE.match(line[:200])
    if match is None or not (match.group("date") or match.group("agency") or match.group("agency2")):
        return False
    evidence = f"dateline: '{_snippet(line[: match.end()].strip(), 60)}'"
    agency = match.group("agency") or match.group("agency2")
    if agency:
        agency = agency.strip()
        if _is_agency(agency) and found.dateline_outlet is None:
            found.dateline_outlet = (agency, evidence)
    date_text = match.group("date")
    if date_text:
        dated = _find_date(date_text)
        if dated is not None and dated[0].day is not None:
            if found.dateline_date is None:
                found.dateline_date = (dated[0], evidence)
        else:
            md = _MONTH_DAY.search(date_text)
            if md is not None and found.dateline_month_day is None:
                month = _MONTHS[(md.group("m") or md.group("m2")).lower().rstrip(".")]
                day = int(md.group("d") or md.group("d2"))
                found.dateline_month_day = (month, day, evidence)
    return True


def _is_agency(name: str) -> bool:
    """Whether the words in a dateline's parentheses name an agency ("Reuters"; not "UPDATED")."""
    words = name.lower().replace("/", " ").split()
    return bool(words) and not set(words) & metadata_words().not_agency_words and _is_outlet(name, strict=False)


def _read_wire_tag(line: str, found: _Found) -> bool:
    """An agency tag opening the lead: "(MENAFN) Turkish and Greek leaders ..."; True when one."""
    match = _WIRE_TAG.match(line[:200])
    if match is None or not _is_agency(match.group("agency").strip()):
        return False
    if found.dateline_outlet is None:
        found.dateline_outlet = (match.group("agency").strip(), f"wire tag: '{_snippet(line[: match.end()], 60)}'")
    return True


def _read_label(line: str, found: _Found) -> bool:
    """"Published: <date>", "Updated 3 days ago", "Retrieved March 12, 2024"; True when one."""
    matched = False
    # a date line a scraper ran into the article's first paragraph ("date 2024-03-05 Kenya has
    # announced that …", hundreds of characters on one line): the label and its date open the line,
    # and only a full date right after the label counts when prose follows (``_find_date``)
    line = line.strip()[:_LABELLED_LINE_CHARS]
    # the whole line first ("Published - 12 March 2024"), then its segments
    # ("By Jane Doe | Published March 12, 2024 | Updated March 13, 2024")
    parts = _SEGMENT_SPLIT.split(line) if len(line) <= 250 else [line]
    whole = _LABEL.match(line.strip())
    one_label = sum(1 for part in parts if _LABEL.match(part.strip())) <= 1
    segments = [line] if (one_label and whole is not None
                          and _find_date(whole.group("rest").strip(), labelled=True)) else parts
    for segment in segments:
        match = _LABEL.match(segment.strip())
        if match is None:
            continue
        label = match.group("label").lower()
        rest = match.group("rest").strip()
        evidence = f"'{_snippet(segment.strip())}'"
        dated = _find_date(rest, labelled=True)
        # "Today: January 15, 2025" is the day the page was shown, like a retrieval date
        kind = ("anchor" if label.startswith(("retrieved", "accessed", "captured", "archived", "today"))
                else "updated" if "updated" in label or "modified" in label else "published")
        if dated is not None:
            matched = True
            date = dated[0]
            if kind == "anchor":
                found.anchor = found.anchor or (date, f"retrieval line: {evidence}")
            elif kind == "updated":
                found.updated_line = found.updated_line or (date, f"updated line: {evidence}")
            else:
                found.published_line = found.published_line or (date, f"published line: {evidence}")
            continue
        year = _YEAR_ONLY.fullmatch(rest.rstrip("."))
        if year is not None and kind != "anchor":
            matched = True
            date = _Date(int(year.group("y")))
            if kind == "updated":
                found.updated_line = found.updated_line or (date, f"updated line: {evidence}")
            else:
                found.published_line = found.published_line or (date, f"published line: {evidence}")
            found.year_only.append((date.year, f"{kind} line: {evidence}"))
            continue
        relative = _RELATIVE.fullmatch(rest.rstrip("."))
        if relative is not None and kind != "anchor":
            matched = True
            if found.relative is None or kind == "published":
                found.relative = (relative, evidence)
    return matched


def _read_bio(line: str, found: _Found) -> bool:
    """An author bio ("Jane Doe is a ... analyst for X"); True when the line is one."""
    match = _BIO.match(line[:_LINE_WINDOW])
    if match is None:
        return False
    names = _names(match.group("names"))
    if not names:
        return False
    verb = match.group("verb").lower()
    rest = match.group("rest")
    evidence = f"author bio: '{_snippet(line)}'"
    outlet: str | None = None
    if verb.startswith("writes"):
        outlet = _org_after(rest)
    else:
        if not _BIO_OPENING.match(rest) and not _BIO_ROLE.search(" ".join(rest.split()[:4])):
            return False  # "is a/an/the ...", or a role right away ("are fellows at ...")
        clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
        if not _BIO_ROLE.search(clause[:160]):
            return False
        writes = _WRITES_FOR.search(clause)
        role = _ROLE_AT.search(clause)
        org_text = writes.group("org") if writes else (role.group("org") or role.group("org2")) if role else None
        if org_text:
            org, after = _org_and_rest(org_text)
            # "an analyst for Asia at Eurasia Group": "for" names a topic, "at" the employer
            outlet = None if _THEN_AT.match(after) else org
    if outlet is not None and not _is_outlet(outlet, strict=False):
        outlet = None
    found.authors.extend((n, evidence) for n in names)
    if outlet and found.bio_outlet is None:
        found.bio_outlet = (outlet, evidence)
    return True


def _read_date_only(line: str, found: _Found) -> bool:
    """A line that is only a date ("Tuesday, March 12, 2024"); True when it is one."""
    dated = _find_date(line, at_start=True)
    if dated is None:
        return False
    if found.byline_date is None:
        found.byline_date = (dated[0], f"date line: '{_snippet(line)}'")
    return True


def _headline(line: str, has_more: bool) -> str | None:
    """``line`` as a title when it reads like a headline."""
    heading = _MARKDOWN_HEADING.match(line)
    if heading is not None:
        title = heading.group("title").strip(" *_")
        return title or None
    if not has_more:
        return None
    title = line.strip()
    if title.startswith(("**", "__")) and title.endswith(("**", "__")):
        title = title[2:-2].strip()
    kicker = _KICKER_PREFIX.match(title)
    if kicker is not None:  # "Opinion | Why the deal matters"
        title = title[kicker.end():].strip()
    if _NUMBERED_HEADING.match(title):  # "1. Introduction" is a section of a report
        return None
    words = title.split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(title) > _MAX_TITLE_CHARS:
        return None
    first = title[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«"):
        return None
    if title.endswith((",", ";", ":", "-", "–", "—")) or "http://" in title or "https://" in title:
        return None
    if title.endswith(".") and len(words) > _MAX_SENTENCE_TITLE_WORDS:
        return None
    return title


# ---------------------------------------------------------------- the reader


def _blank(text: str, chrome: Sequence[tuple[int, int]]) -> str:
    """``text`` with chrome spans replaced by spaces (line breaks kept)."""
    if not chrome:
        return text
    parts: list[str] = []
    pos = 0
    spans = sorted((s, e) for s, e in chrome if isinstance(s, int) and isinstance(e, int) and 0 <= s < e)
    for span in spans:
        start, end = max(span[0], pos), min(span[1], len(text))
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


_BLANK_RUN = re.compile(r"\s+")
#: lines of page furniture skipped before the article's first lines, at most
_MAX_FURNITURE = 40
#: characters at the end of the text searched for the tail lines
_TAIL_WINDOW = 200_000


def _content_lines(text: str) -> tuple[list[str], int]:
    """The first HEAD_LINES non-empty lines, then up to TAIL_LINES last ones, cleaned.

    RETURNS (tuple[list[str], int]): the lines in text order and how many are head lines.
    Runs of blank lines are skipped with one regex call, so time stays linear.
    """
    head: list[str] = []
    length = len(text)
    pos = 0
    head_end = length
    skipped = 0
    head_has_text = False
    while pos < length:
        blank = _BLANK_RUN.match(text, pos)
        if blank is not None:
            pos = blank.end()
            if pos >= length:
                break
        if len(head) == HEAD_LINES:
            head_end = text.rfind("\n", 0, pos) + 1
            break
        newline = text.find("\n", pos)
        end = length if newline == -1 else newline
        line = _clean(text[pos : min(end, pos + _LINE_WINDOW * 4)])
        # page furniture above the article ("twitter", "Skip to main content") is not counted,
        # up to a bound, so that the headline and date lines after it are still read
        # a lone list marker is kept: the lines after it are summary bullets, not a headline
        if line and (line in _BULLETS or not (skipped < _MAX_FURNITURE and not head_has_text
                                                and _is_furniture(line))):
            head.append(line)
            head_has_text = head_has_text or len(line.split()) > 4
        elif line:
            skipped += 1
        pos = end + 1
    tail: list[str] = []
    if head_end < length:
        window_start = max(head_end, length - _TAIL_WINDOW)
        pieces = text[window_start:].split("\n")
        if window_start > head_end and text[window_start - 1] != "\n":
            pieces = pieces[1:]  # the window starts inside a line
        for piece in reversed(pieces):
            line = _clean(piece[:_LINE_WINDOW * 4])
            if line:
                tail.append(line)
                if len(tail) == TAIL_LINES:
                    break
        tail.reverse()
    return head + tail, len(head)


def _read_lines(lines: list[str], head_count: int, found: _Found, *,
                site: set[str] | frozenset[str] = frozenset()) -> None:
    """Collect every candidate from the head and tail lines.

    site: keys (``name_key``) of the page's own site names, so that a masthead line is not
    taken for the headline and "Headline | Site" loses its site suffix.
    """
    # Title: the first content line (after a kicker) when it reads like a headline.
    # Page furniture (one-word lines, "Skip to main content", a row of network names) and a date
    # or label line may stand above the headline; the first other line is the candidate.
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if _BULLET.match(line) or (index > 0 and lines[index - 1] in _BULLETS):
            break  # "* Grenell met Maduro": a summary bullet above the story, not its headline
        if index + 1 < len(lines) and (_KICKER.fullmatch(line) or _is_furniture(line)
                                       or (site and name_key(line) in site)):
            continue
        if _is_metadata_line(line):
            tail = _after_date_label(line)
            if tail and site and _without_site_suffix(tail, site) != tail:
                # "date 2020-06-20 Talks resume in Beijing | Site": a page title (it ends with the
                # site's name) joined to its date line; a date line followed by a lead is not
                title = _headline(_without_site_suffix(tail, site), has_more=index + 1 < len(lines))
                if title is not None:
                    found.title = (title, f"line {index + 1}, after its date: '{_snippet(line)}'")
                    break
            if _find_date(line, at_start=True) is not None or _LABEL.match(line) is not None:
                continue  # "date 2026-02-12" above the headline
            break
        title = _headline(_without_site_suffix(line, site), has_more=index + 1 < len(lines))
        if title is not None:
            where = "first line" if index == 0 else f"line {index + 1}, after page furniture"
            found.title = (title, f"{where}: '{_snippet(line)}'")
        break
    end_region = range(max(0, len(lines) - TAIL_LINES), len(lines))
    for index, line in enumerate(lines):
        in_head = index < head_count
        if _read_republication(line, found):
            continue
        # "By Jane Doe | Published March 12, 2024" is a byline and a date line at once
        labelled = _read_label(line, found)
        if _read_byline(line, found, allow_bare=index < 6) or labelled:
            continue
        if in_head and index < 6 and _read_date_only(line, found):
            continue
        if in_head and (_read_dateline(line, found) or _read_wire_tag(line, found)):
            continue
        if index < 3 or index in end_region:
            _read_bio(line, found)


_TITLE_SEARCH_LINES = 6
#: a line that is only a list marker, and a line opening with one ("* Talks resume", "• Talks resume")
_BULLETS = frozenset({"*", "•", "·", "-", "–", "▪", "■", "●", "○", "◦"})
_BULLET = re.compile(r"^[*•▪■●○◦]\s+\S")
_SITE_SUFFIX = re.compile(r"\s+(?:\||-{1,2}|–|—|·|:)\s+(?P<site>[^|–—·]{2,80})$")


def _after_date_label(line: str) -> str | None:
    """What follows the full date of a "Published/date <date>" line, when it is words."""
    match = _LABEL.match(line)
    if match is None:
        return None
    rest = match.group("rest")
    dated = _find_date(rest, labelled=True)
    if dated is None or dated[0].day is None:
        return None
    tail = _TIME_TAIL.sub("", rest[dated[1].end():], count=1).strip(" |·•-–—,")
    return tail if tail and tail[0].isupper() else None


def _without_site_suffix(line: str, site: set[str] | frozenset[str]) -> str:
    """"Talks resume | Pakistan Today" -> "Talks resume" when the suffix names the page's site."""
    match = _SITE_SUFFIX.search(line) if site else None
    if match is not None and name_key(match.group("site")) in site:
        return line[:match.start()].rstrip()
    return line


_FURNITURE = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|sign in|log in|sign up|subscribe(?: now)?|menu|search|share"
    r"|advertisement|ad|sponsored|support(?: us)?|donate|newsletters?|save|print|listen|follow us|close"
    r"|toggle navigation|home|more|trending|latest|read more|what are you looking for\s*\??|type to search"
    r"|search for)$",
    re.IGNORECASE,
)


_SECTIONS_FILE = Path(__file__).resolve().parents[1] / "dictionaries" / "data" / "en" / "section_names.txt"


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    """The words of a site's navigation menu (``dictionaries/data/en/section_names.txt``)."""
    return read_word_file(_SECTIONS_FILE)


def _is_menu(words: list[str]) -> bool:
    """A row of section names: "Texas & Local U.S. World Business Sports"."""
    names = _section_names()
    tokens = [w.strip("|·•,").lower() for w in words]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3 or any(t.endswith(".") and t not in names for t in tokens):
        return False
    return sum(t in names for t in tokens) >= 0.75 * len(tokens) and all(w[:1].isupper() or w in "&|·•" for w in words)


def _is_furniture(line: str) -> bool:
    """A line of page furniture above the headline: one word, a known UI phrase, a few
    lower-case words ("twitter", "Skip to main content", "apple store"), or a site's menu."""
    words = line.split()
    if len(words) <= 1:
        return True
    if _FURNITURE.match(line.strip(" .:|·•")):
        return True
    if _is_menu(words):
        return True
    return len(words) <= 4 and line == line.lower() and not any(c.isdigit() for c in line)


def _is_metadata_line(line: str) -> bool:
    """Bylines, datelines, republication, date and bio lines are never titles."""
    probe = _Found()
    return (
        _REPUBLICATION.match(line) is not None
        or _read_label(line, probe)
        or _read_byline(line, probe, allow_bare=True)
        or _find_date(line, at_start=True) is not None
        or _read_dateline(line, probe)
        or _read_bio(line, probe)
    )


def _url_date(url: str | None) -> tuple[_Date | None, int | None]:
    """A date in the URL path (and a bare year segment, when that is all there is)."""
    if not url or len(url) > 4000:
        return None, None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None, None
    path = parts.path
    where = path + ("?" + parts.query if parts.query else "")
    for pattern in _URL_DATES:
        match = pattern.search(where[:1000])
        if match is not None:
            date = _make_date(match.group("y"), match.group("m"), match.groupdict().get("d"))
            if date is not None:
                return date, None
    year = _URL_YEAR.search(path[:1000])
    return None, int(year.group("y")) if year else None


def _hint(hints: Mapping[str, Any] | None, key: str) -> Any:
    """The non-empty hint value for ``key``, or None."""
    if not hints:
        return None
    try:
        value = hints.get(key)
    except Exception:  # a Mapping with a broken get is the caller's problem, not a crash here
        return None
    if isinstance(value, str):
        value = _clean(value)
    return value or None


def _hint_authors(value: Any) -> list[str]:
    """Author names from a hint: a list or a string, "Jane Doe; John Roe" split."""
    items: Iterable[Any] = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            continue
        item = _clean(item)
        split = [p.strip() for p in _HINT_AUTHOR_SPLIT.split(item) if p.strip()]
        for piece in split:
            names = _names(piece) if "," in piece else None
            if names and len(names) > 1:
                out.extend(names)
            elif piece:
                out.append(_person_name(piece) or piece)
    return out


def extract_metadata(
    text: str,
    *,
    url: str | None = None,
    chrome: Sequence[tuple[int, int]] = (),
    hints: Mapping[str, Any] | None = None,
    today: _dt.date | None = None,
) -> TextMetadata:
    """Title, outlet, authors and publication date of an article (rules: module docstring).

    text (str): the article text as retrieved.
    url (str | None): the page address; a date in its path is a stated publication date.
    chrome (Sequence[tuple[int, int]]): spans from ``find_chrome``, ignored while reading.
    hints (Mapping[str, Any] | None): values the container supplied (``title``, ``outlet``,
        ``authors``, ``published``); they win over the text.
    today (date | None): the latest possible publication date (default: today), for
        inferring the year of a weekday tied to a day ("on Friday, August 2").
    RETURNS (TextMetadata): what the text tells, ``None``/``"unknown"`` for the rest.

    >>> extract_metadata("This article previously appeared in the Daily Planet, on May 2, 2021.\\n\\nBody.").outlet
    'Daily Planet'
    """
    if not isinstance(text, str):
        text = ""
    try:
        readable = _blank(text, chrome)
    except (TypeError, ValueError):
        readable = text
    if "\r" in readable or "\u2028" in readable:
        readable = readable.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines, head_count = _content_lines(readable)
    found = _Found()
    # the raw text: a copyright line (chrome) is where a site most often names itself
    from_url = outlet_from_url(url, text) if url else None
    _read_lines(lines, head_count, found, site=site_names(url, from_url[0] if from_url else None))
    evidence: dict[str, str] = {}

    # title
    title: str | None = None
    hinted = _hint(hints, "title")
    if isinstance(hinted, str):
        title, evidence["title"] = hinted, "hint: title supplied with the document"
    elif found.title is not None:
        title, evidence["title"] = found.title

    # authors
    authors: list[str] = []
    hinted = _hint(hints, "authors")
    if hinted:
        authors = _hint_authors(hinted)
        if authors:
            evidence["authors"] = "hint: authors supplied with the document"
    if not authors and found.authors:
        seen: set[str] = set()
        sources: list[str] = []
        for name, why in found.authors:
            if name.casefold() not in seen:
                seen.add(name.casefold())
                authors.append(name)
                if why not in sources:
                    sources.append(why)
        evidence["authors"] = "; ".join(sources)

    # outlet
    outlet: str | None = None
    hinted = _hint(hints, "outlet")
    if isinstance(hinted, str):
        outlet, evidence["outlet"] = hinted, "hint: outlet supplied with the document"
    else:
        if found.republication is not None and found.republication[0]:
            outlet = found.republication[0]
            evidence["outlet"] = f"republication line: '{_snippet(found.republication[2])}'"
        else:
            from_text = next((c for c in (found.byline_outlet, found.dateline_outlet, found.bio_outlet)
                              if c is not None), None)
            if from_url is not None and (from_text is None or not _same_outlet(from_text[0], from_url[0], url)):
                # the page's own site; a wire story republished keeps the republishing site,
                # with the agency that filed it: "Financetom (Reuters)"
                outlet, evidence["outlet"] = from_url
                if from_text is not None:
                    evidence["outlet"] += f" (the text names {from_text[0]}: {from_text[1]})"
                    if from_text is found.dateline_outlet and name_key(from_text[0]) not in name_key(outlet):
                        outlet = f"{outlet} ({from_text[0]})"
            elif from_text is not None:
                outlet, evidence["outlet"] = from_text

    # published
    published: str | None = None
    basis: PublishedBasis = "unknown"
    hinted = _hint(hints, "published")
    if hinted is not None:
        published = normalise_date(hinted)
        if published is not None:
            basis = "stated"
            evidence["published"] = "hint: publication date supplied with the document"
        else:
            found.notes["published"] = f"hint '{_snippet(str(hinted), 40)}' is not a date"
    if published is None:
        found.weekday_date = _weekday_date(readable, today or _dt.date.today())
        if found.dateline_month_day is not None:
            month, day, _ = found.dateline_month_day
            found.dateline_year = _dateline_weekday_year(month, day, readable, today or _dt.date.today())
        published, basis, why = _published(found, url)
        if why:
            evidence["published"] = why
    if published is None and "published" in found.notes and "published" not in evidence:
        evidence["published"] = found.notes["published"]

    return TextMetadata(
        title=title,
        outlet=outlet,
        authors=tuple(authors),
        published=published,
        published_basis=basis,
        evidence=evidence,
    )


def _same_outlet(from_text: str, from_url: str, url: str | None) -> bool:
    """Whether the outlet the text names is the site of the page ("The Diplomat" on thediplomat.com)."""
    text_key = name_key(from_text)
    if not text_key:
        return False
    if text_key == name_key(from_url):
        return True
    host = host_of(url)
    named = domain_name_label(host) if host else None
    return named is not None and text_key in (name_key(named[0]), name_key(named[0] + named[1]))


def _published(found: _Found, url: str | None) -> tuple[str | None, PublishedBasis, str | None]:
    """The publication date from the collected candidates, by the priority in the docstring."""
    if found.republication is not None and found.republication[1] is not None:
        return found.republication[1].iso(), "stated", f"republication line: '{_snippet(found.republication[2])}'"
    url_date, url_year = _url_date(url)
    # a dateline without a year ("NEW DELHI, March 12 (Reuters) -") plus a year stated elsewhere
    dateline_inferred: tuple[str, str] | None = None
    if found.dateline_month_day is not None:
        month, day, why = found.dateline_month_day
        years = [(url_year, "URL path")] if url_year else []
        years += [(year, source) for year, source in found.year_only]
        for year, source in years:
            date = _make_date(year, month, day)
            if date is not None:
                dateline_inferred = (date.iso(), f"{why}; year from {source}")
                break
        else:
            if found.dateline_year is not None:
                year, how = found.dateline_year
                date = _make_date(year, month, day)
                if date is not None:
                    dateline_inferred = (date.iso(), f"{why}; year from {how}")
            if dateline_inferred is None:
                found.notes.setdefault("published", f"{why} gives no year, and no year is stated elsewhere")
    candidates = [c for c in (found.published_line, found.byline_date, found.dateline_date, found.updated_line)
                  if c is not None]
    evidence = [c[0] for c in candidates] + ([url_date] if url_date is not None else [])
    for date, why in candidates:
        if date.readings:
            settled = _settle(date, evidence)
            if not settled.readings:
                date, why = settled, f"{why} (day and month told apart by the page's other dates)"
            else:
                found.notes.setdefault("published", f"{why}: day and month could be either way round; "
                                                    "only the year is certain")
        if date.month is None and dateline_inferred is not None:
            break  # "Published: 2024" + "March 12" in the dateline: the day, inferred
        if date.readings and url_date is not None and url_date.year == date.year:
            break  # "03/04/2024" with a full date in the address: the address, inferred
        return date.iso(), "stated", why
    if url_date is not None:
        # a date in the page address is the site's filing date: it implies publication, it
        # does not state it (GUIDE.md, Conventions)
        return url_date.iso(), "inferred", f"URL path: '{_snippet(url or '', 80)}'"
    if dateline_inferred is not None:
        return dateline_inferred[0], "inferred", dateline_inferred[1]
    if found.relative is not None:
        relative, why = found.relative
        if found.anchor is not None:
            resolved = _resolve_relative(relative, found.anchor[0])
            if resolved is not None:
                return resolved.iso(), "inferred", f"relative date {why} against {found.anchor[1]}"
        found.notes.setdefault("published", f"relative date {why} has no absolute anchor")
    if found.weekday_date is not None:
        return found.weekday_date[0].iso(), "inferred", found.weekday_date[1]
    return None, "unknown", None


#: "Friday, August 2" / "on Friday, 2 August" with no year after it
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
    rf"(?:(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD}|(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH}))\b"
    r"(?!,?\s*\d{4})"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEAR_MENTION = re.compile(r"(?<![\d$€£.,-])(?P<y>(?:19|20)\d{2})(?![\d%]|\s*(?:bn|billion|million|km|tons?|troops)\b)")
#: characters of the lead searched for a weekday tied to a date
_LEAD_CHARS = 1500


def _weekday_date(text: str, today: _dt.date) -> tuple[_Date, str] | None:
    """The day a lead ties to a weekday ("on Friday, August 2") when no year is written: the
    earliest year in which that day is that weekday, not before the latest year the article
    mentions (an article is written after what it recounts) and not after ``today``; None when
    the article mentions no year."""
    match = _WEEKDAY_DATE.search(text[:_LEAD_CHARS])
    if match is None:
        return None
    month = _MONTHS[(match.group("m") or match.group("m2")).lower().rstrip(".")]
    day = int(match.group("d") or match.group("d2"))
    weekday = _WEEKDAYS.index(match.group("wd").lower())
    chosen = _year_of_weekday(month, day, weekday, text, today)
    if chosen is None:
        return None
    year, how = chosen
    return _Date(year, month, day), f"weekday and day in the lead: '{match.group(0)}' ({how})"


#: a weekday the lead gives its news ("said on Friday", "met Friday"), not "Friday's vote"
_LEAD_WEEKDAY = re.compile(r"\b(?:on\s+|late\s+|early\s+|last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday)\b(?!['’]s)")


def _dateline_weekday_year(month: int, day: int, text: str, today: _dt.date) -> tuple[int, str] | None:
    """The year of a dateline without one ("BOGOTA, Jan 31 (Reuters) -") from the weekday the
    lead gives the same news ("… said on Friday"): a wire's dateline is the day of the news it
    files. The weekday is the first one the lead names (a wire names the day of its news before
    any other); the year is chosen as for a weekday tied to a day (``_year_of_weekday``)."""
    match = _LEAD_WEEKDAY.search(text[:_LEAD_CHARS])
    if match is None or match.group(0).lower().startswith("last"):
        return None
    weekday = _WEEKDAYS.index(match.group("wd").lower())
    chosen = _year_of_weekday(month, day, weekday, text, today)
    if chosen is None:
        return None
    year, how = chosen
    return year, f"the lead's '{match.group(0).strip()}' ({how})"


def _year_of_weekday(month: int, day: int, weekday: int, text: str, today: _dt.date) -> tuple[int, str] | None:
    """The earliest year in which month/day falls on ``weekday``, not before the latest year the
    text mentions and not after ``today``; None when the text mentions no year (the day falls on
    that weekday again every few years: never guessed)."""
    candidates = []
    for year in range(today.year - 40, today.year + 1):
        try:
            if _dt.date(year, month, day).weekday() == weekday and _dt.date(year, month, day) <= today:
                candidates.append(year)
        except ValueError:
            continue
    if not candidates:
        return None
    mentioned = [int(m.group("y")) for m in _YEAR_MENTION.finditer(text[:20_000]) if int(m.group("y")) <= today.year]
    if not mentioned:
        return None
    later = [y for y in candidates if y >= max(mentioned)]
    if not later:
        return None
    return later[0], f"the first such year from {max(mentioned)}, the latest year the text mentions"
