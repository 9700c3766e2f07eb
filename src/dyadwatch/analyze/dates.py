"""Resolve date expressions against a reference (publication) date, at the precision the text allows.

    >>> resolve_date("on Wednesday", "2023-02-23")
    '2023-02-22'
    >>> resolve_date("last month", "2025-06-03")
    '2025-05'
    >>> resolve_date("in early February 2022", None)
    '2022-02'

Only shapes this module recognises are resolved; anything else gives None (a wrong date is
worse than no date). Results are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError
from dyadwatch.dictionaries.words import WordLists, word_lists
from dyadwatch.dictionaries.words import alternation as _alternation

__all__ = ["DateWords", "date_words", "narrative_offset", "parse_iso", "resolve_date"]

#: date.weekday() of a Saturday, the first day of a weekend
_SATURDAY = 5
#: a decade written in digits ("the 1990s"): no date
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class DateWords:
    """The words of one language time expressions are read by, and the patterns built from them.

    Read from ``dictionaries/data/<lang>/dates.v<N>.json`` (``dyadwatch.dictionaries.words``;
    its ``_doc`` says what each list is for), so that month names, relative words ("last",
    "next") and the expressions counted from a story's day ("two days later") of another
    language go into a word-list file, not into this module. Built once per file (``date_words``).

    RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks, (DW259) when a
        number of a list is no number.
    """

    def __init__(self, lists: WordLists) -> None:
        def numbers(key: str) -> dict[str, int]:
            out = {}
            for word, value in lists.mapping(key).items():
                try:
                    out[word] = int(value)
                except ValueError:
                    raise DictionaryFormatError(DictionaryErrors.DW259.format(
                        path=lists.path, reason=f"'{key}.{word}' is {value!r}; expected a whole number written "
                                                f"as a string ('1')")) from None
            return out

        self.months = numbers("months")
        self.weekdays = numbers("weekdays")
        self.numbers = numbers("numbers")
        #: a calendar unit as written -> day, week, month or year
        self.units = lists.mapping("units")
        self.relative = numbers("relative")
        self.rolling = lists.words("rolling")
        self.narrative_phrases = {" ".join(k.split()): v for k, v in numbers("narrative_phrases").items()}
        self.narrative_directions = numbers("narrative_directions")

        month = rf"({_alternation(self.months)})\.?"
        ordinal = rf"(?:{_alternation(lists.words('ordinal_suffixes'))})"
        of = rf"(?:(?:{_alternation(lists.words('day_of'))})\s+)?"
        self.day_month_year = re.compile(rf"\b(\d{{1,2}}){ordinal}?\s+{of}{month},?\s+(\d{{4}})\b")
        self.month_day_year = re.compile(rf"\b{month}\s+(\d{{1,2}}){ordinal}?,?\s+(\d{{4}})\b")
        self.month_day = re.compile(rf"\b{month}\s+(\d{{1,2}}){ordinal}?\b(?!\s*,?\s*\d{{4}})")
        self.day_month = re.compile(rf"\b(\d{{1,2}}){ordinal}?\s+{of}{month}(?!\s*,?\s*\d{{4}})")
        self.month_year = re.compile(rf"\b{month},?\s+(\d{{4}})\b")
        self.month_only = re.compile(rf"\b{month}\b")
        self.day_only = re.compile(rf"\d{{1,2}}{ordinal}?")
        self.day_year = re.compile(rf"\d{{1,2}}{ordinal}?(?:,?\s+\d{{4}})?")
        weekdays = _alternation(self.weekdays)
        self.weekday = re.compile(rf"\b({weekdays})\b")
        count = rf"(?:{_alternation(self.numbers)}|\d+)"
        ago = _alternation(lists.words("ago"))
        self.ago = re.compile(rf"\b({count})\s+({_alternation(self.units)})s?\s+(?:{ago})\b")
        relative = _alternation(self.relative)
        spans = [w for w, unit in self.units.items() if unit in ("week", "month", "year")]
        self.relative_unit = re.compile(
            rf"\b({relative})\s+({_alternation([*spans, *lists.words('seasons')])})\b")
        self.period = re.compile(rf"\b(?:{_alternation(lists.words('period_words'))})\b")
        self.today = re.compile(rf"\b(?:{_alternation(lists.words('today'))})\b")
        self.yesterday = re.compile(rf"\b(?:{_alternation(lists.words('yesterday'))})\b")
        self.tomorrow = re.compile(rf"\b(?:{_alternation(lists.words('tomorrow'))})\b")
        self.weekend = re.compile(rf"\b(?:({relative})\s+)?(?:{_alternation(lists.words('weekend'))})\b")
        self.of_the_year = re.compile(rf"\b(?:{_alternation(lists.words('of_the_year'))})\b")
        self.back = _alternation(w for w, step in self.relative.items() if step < 0)
        self.ahead = _alternation(w for w, step in self.relative.items() if step > 0)
        self.month_next = re.compile(rf"\b(?:{_alternation(lists.words('month_next'))})\b")
        self.month_last = re.compile(rf"\b(?:{_alternation(lists.words('month_last'))})\b")
        #: a month that is also a common word ("may") -> what makes it the month ("in May")
        self.ambiguous_months = {
            word: re.compile(rf"\b(?:{_alternation(markers)})[\s-]+{re.escape(word)}\b")
            for word, markers in lists.groups("ambiguous_months").items()}
        #: two points of time joined as a span ("between 2019 and 2021", "March 3-5", "from March to May 2023")
        self.range = re.compile(rf"^(?:(?:{_alternation(lists.words('range_openers'))})\s+)?(?P<a>.+?)\s*"
                                rf"(?:\s(?:{_alternation(lists.words('range_joiners'))})\s|[-–])\s*(?P<b>.+)$")
        self.date_like = re.compile(rf"\d|{month}|\b({weekdays})\b")
        #: a day counted from the day the story is at, not from the publication ("the next day", "two days later")
        days = _alternation(w for w, unit in self.units.items() if unit in ("day", "week"))
        phrases = _alternation(self.narrative_phrases, space=r"\s+")
        self.narrative = re.compile(
            rf"^(?:{_alternation(lists.words('narrative_hedges'))})?\s*(?:"
            rf"(?P<phrase>{phrases})"
            rf"|(?P<n>{count})\s+(?P<unit>{days})s?\s+(?P<dir>{_alternation(self.narrative_directions)}))$")

    def count(self, word: str) -> int | None:
        """The value of a count written in digits or as one of ``numbers``."""
        return int(word) if word.isdigit() else self.numbers.get(word)


def date_words(lang: str = "en") -> DateWords:
    """The time words of ``lang`` (``dictionaries/data/<lang>/dates.v<N>.json``), built once.

    RAISES: DictionaryNotFound (DW257) when no such file exists; DictionaryFormatError (DW258,
        DW259) when it lacks a list or is malformed.
    """
    lists = word_lists("dates", lang)
    key = (lists.path, lists.version)
    words = _DATE_WORDS.get(key)
    if words is None:
        words = _DATE_WORDS[key] = DateWords(lists)
    return words


#: built grammars by the word-list file they come from (``word_lists`` reads each file once)
_DATE_WORDS: dict[tuple[str, int], DateWords] = {}


def parse_iso(value: str | None) -> tuple[date, int] | None:
    """(date, precision) of an ISO date string; precision 3 = day, 2 = month, 1 = year."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    try:
        y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        return date(y, mo, d), 1 + bool(m.group(2)) + bool(m.group(3))
    except ValueError:
        return None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
        if m is not None:
            date(y, m, 1)
            return f"{y:04d}-{m:02d}"
        if 1000 <= y <= 9999:
            return f"{y:04d}"
    except ValueError:
        return None
    return None


def _shift_months(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def resolve_date(expression: str, reference: str | None, *, future: bool = False, lang: str = "en") -> str | None:
    """The absolute date an expression refers to, or None when it cannot be resolved.

    expression: a time expression ("on Wednesday", "last month", "September 15", "2021").
    reference: the publication date (``YYYY-MM-DD``/``YYYY-MM``/``YYYY``) or None.
    future: the event is announced for the future, so a bare weekday or month means the next one.
    lang: the language of the expression, whose time words are read (``date_words``).
    """
    g = date_words(lang)
    try:
        return _resolve_date(expression, reference, future=future, g=g)
    except (OverflowError, ValueError):  # "next Monday" after 9999-12-31: no such date
        return None


def _resolve_date(expression: str, reference: str | None, *, future: bool, g: DateWords) -> str | None:
    text = " ".join(expression.lower().split())
    if not text or len(text) > 80:
        return None
    if _DECADE.search(text):
        return None
    ref = parse_iso(reference)
    ref_day, precision = ref if ref else (None, 0)

    m = _ISO.search(text)
    if m:
        return _fmt(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    if (span := _span_of_time(text, reference, future, g)) is not None:
        return span or None
    m = g.day_month_year.search(text)
    if m:
        return _fmt(int(m.group(3)), g.months[m.group(2)], int(m.group(1)))
    m = g.month_day_year.search(text)
    if m:
        return _fmt(int(m.group(3)), g.months[m.group(1)], int(m.group(2)))
    m = g.month_year.search(text)
    if m:
        return _fmt(int(m.group(2)), g.months[m.group(1)])
    m = g.month_day.search(text) or g.day_month.search(text)
    if m:
        groups = m.groups()
        month, day = (g.months[groups[0]], int(groups[1])) if groups[0] in g.months else (g.months[groups[1]],
                                                                                          int(groups[0]))
        if not ref_day or precision < 1:
            return None
        year = _year_for_month(ref_day, precision, month, future)
        return _fmt(year, month, day) if year else None
    m = _YEAR.search(text)
    if m and not g.period.search(text):
        return _fmt(int(m.group(1)))

    if not ref_day:
        return None
    if g.today.search(text):
        return ref_day.isoformat() if precision == 3 else None
    if g.yesterday.search(text):
        return (ref_day - timedelta(days=1)).isoformat() if precision == 3 else None
    if g.tomorrow.search(text):
        return (ref_day + timedelta(days=1)).isoformat() if precision == 3 else None
    m = g.weekend.search(text)
    if m:
        # two days: the month they fall in, no single day ("over the weekend" in a Monday's paper)
        if precision < 3:
            return None
        step = g.relative[m.group(1)] if m.group(1) else 0
        ahead = future or step > 0
        saturday = _weekday_near(ref_day, _SATURDAY, future=ahead)
        if step < 0 and ref_day - saturday < timedelta(days=2):
            saturday -= timedelta(weeks=1)  # "last weekend" on a Sunday: the one before
        elif step > 0 and saturday == ref_day:
            saturday += timedelta(weeks=1)
        sunday = saturday + timedelta(days=1)
        if sunday.month == saturday.month:
            return _fmt(saturday.year, saturday.month)
        return _fmt(saturday.year) if sunday.year == saturday.year else None
    if g.of_the_year.search(text):
        return _fmt(ref_day.year)
    m = g.ago.search(text)
    if m:
        n = g.count(m.group(1))
        unit = g.units[m.group(2)]
        if n is None:
            return None
        if unit == "year":
            if precision >= 2:
                # "a year ago Friday" keeps the day; plain "a year ago" the month
                if precision == 3 and (named := g.weekday.search(text)):
                    day = _weekday_near(ref_day, g.weekdays[named.group(1)], future=True)
                    try:
                        return date(day.year - n, day.month, day.day).isoformat()
                    except ValueError:
                        return None
                return _fmt(ref_day.year - n, ref_day.month)
            return _fmt(ref_day.year - n)
        if precision < 2:
            return None
        if unit == "month":
            y, mo = _shift_months(ref_day.year, ref_day.month, -n)
            return _fmt(y, mo)
        if precision < 3:
            return None
        days = n * (7 if unit == "week" else 1)
        target = ref_day - timedelta(days=days)
        return target.isoformat() if unit == "day" else _fmt(target.year, target.month)
    m = g.relative_unit.search(text)
    if m and m.group(1) in g.rolling and g.units.get(m.group(2)) in ("year", "month", "week"):
        # "the past year": the twelve months up to the reference, no calendar year; a past week
        # is the month it lies in, when it lies in one
        if m.group(2) != "week" or precision < 3:
            return None
        first = ref_day - timedelta(days=7)
        return _fmt(first.year, first.month) if (first.year, first.month) == (ref_day.year, ref_day.month) else None
    if m:
        which, written = m.groups()
        step, unit = g.relative[which], g.units.get(written)
        if unit == "year":
            return _fmt(ref_day.year + step)
        if unit == "month":
            if precision < 2:
                return None
            y, mo = _shift_months(ref_day.year, ref_day.month, step)
            return _fmt(y, mo)
        if unit == "week":
            if precision < 3:
                return None
            target = ref_day + timedelta(weeks=step)
            return _fmt(target.year, target.month) if step else _fmt(ref_day.year, ref_day.month)
        # seasons: the year is what the text allows
        return _fmt(ref_day.year + (step if step != 0 else 0))
    m = g.weekday.search(text)
    if m:
        if precision < 3:
            return None
        weekday = g.weekdays[m.group(1)]
        # "last Friday" / "next Friday" never mean the reference day itself
        if re.search(rf"\b({g.back})\s+{re.escape(m.group(1))}\b", text):
            return (ref_day - timedelta(days=(ref_day.weekday() - weekday - 1) % 7 + 1)).isoformat()
        if re.search(rf"\b({g.ahead})\s+{re.escape(m.group(1))}\b", text):
            return (ref_day + timedelta(days=(weekday - ref_day.weekday() - 1) % 7 + 1)).isoformat()
        return _weekday_near(ref_day, weekday, future=future).isoformat()
    m = g.month_only.search(text)
    # "may" is a modal verb unless a preposition or time word marks it as the month ("in May")
    marked = g.ambiguous_months.get(m.group(1)) if m else None
    if m and (marked is None or marked.search(text)):
        month = g.months[m.group(1)]
        year = _year_for_month(ref_day, precision, month, future)
        if year is None:
            return None
        if g.month_next.search(text):
            year = ref_day.year + (1 if month <= ref_day.month else 0)
        elif g.month_last.search(text):
            year = ref_day.year - (1 if month >= ref_day.month else 0)
        return _fmt(year, month)
    return None


def _span_of_time(text: str, reference: str | None, future: bool, g: DateWords) -> str | None:
    """Two points of time joined as a span: the unit both share ("March 3-5" -> the month,
    "from March to May 2023" -> 2023), "" when they share none ("between 2019 and 2021", "1910-45"),
    None when the text is no such span. The missing half of a point comes from the other one:
    the month of "3-5 March", the year of "March to May 2023", the century of "1910-45"."""
    m = g.range.match(text)
    if not m or not (g.date_like.search(m.group("a")) and g.date_like.search(m.group("b"))):
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{2}", b):
        b = a[:2] + b  # "1910-45"
    month_a, month_b = g.month_only.search(a), g.month_only.search(b)
    if g.day_only.fullmatch(a) and month_b:
        a = f"{a} {month_b.group(0)}"  # "3-5 March"
    elif g.day_year.fullmatch(b) and month_a:
        b = f"{month_a.group(0)} {b}"  # "March 3-5", "March 10 and 11, 2023"
    year_a, year_b = _YEAR.search(a), _YEAR.search(b)
    if year_b and not year_a and (g.month_only.search(a)):
        a = f"{a} {year_b.group(0)}"  # "from March to May 2023"
    elif year_a and not year_b and g.month_only.search(b) and not _YEAR.search(b):
        b = f"{b} {year_a.group(0)}"
    if g.range.match(a) or g.range.match(b):
        return ""  # more than two points: no one span
    first, last = _resolve_date(a, reference, future=future, g=g), _resolve_date(b, reference, future=future, g=g)
    if not first or not last:
        return None if not first and not last else ""
    common = ""
    for size in (4, 7, 10):
        if first[:size] == last[:size] and len(first) >= size and len(last) >= size:
            common = first[:size]
    return common


def narrative_offset(expression: str, lang: str = "en") -> int | None:
    """Days from the day the story is at to the day an expression counted from it names ("the next
    day" +1, "two days earlier" -2, "later that day" 0); None when it is no such expression.

        >>> narrative_offset("the following day")
        1
        >>> narrative_offset("on Monday") is None
        True
    """
    g = date_words(lang)
    m = g.narrative.match(" ".join(expression.lower().split()))
    if not m:
        return None
    if m.group("phrase"):
        return g.narrative_phrases[" ".join(m.group("phrase").split())]
    n = g.count(m.group("n"))
    if n is None:
        return None
    n *= 7 if g.units[m.group("unit")] == "week" else 1
    return n * g.narrative_directions[m.group("dir")]


def _year_for_month(ref_day: date, precision: int, month: int, future: bool) -> int | None:
    """The year of a month named without a year: this year unless that would cross the reference."""
    if precision < 2:
        return ref_day.year
    if future:
        return ref_day.year if month >= ref_day.month else ref_day.year + 1
    return ref_day.year if month <= ref_day.month else ref_day.year - 1


def _weekday_near(ref: date, weekday: int, *, future: bool) -> date:
    """The nearest such weekday before the reference (after it for future events); the day itself counts."""
    if future:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)
