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
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d{{4}})")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+ago\b")
_RELATIVE = re.compile(r"\b(last|this|next|past|previous|coming)\s+(week|month|year|spring|summer|autumn|fall|winter)\b")
_MAY_MONTH = re.compile(r"\b(in|early|late|mid|last|next|this|since|until|till|by|of|during|from|through)[\s-]+may\b")
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
#: two points of time joined as a span ("between 2019 and 2021", "March 3-5", "from March to May 2023")
_RANGE = re.compile(r"^(?:(?:between|from)\s+)?(?P<a>.+?)\s*(?:\s(?:and|to|until|till|through)\s|[-–])\s*(?P<b>.+)$")
_DATE_LIKE = re.compile(rf"\d|{_MONTH}|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
#: a day counted from the day the story is at, not from the publication ("the next day", "two days later")
_NARRATIVE = re.compile(
    r"^(?:just|only|some|about|nearly|barely)?\s*(?:"
    r"(?P<rel>the|that)\s+(?P<which>next|following|previous|preceding|same)\s+day"
    r"|the\s+day\s+(?P<side>after|before)"
    r"|(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<unit>day|week)s?\s+"
    r"(?P<dir>later|earlier|after|before)"
    r"|(?:later|earlier)\s+(?:that|the\s+same)\s+day|hours\s+(?:later|earlier)"
    r"|that\s+(?:day|morning|afternoon|evening|night))$")


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


def resolve_date(expression: str, reference: str | None, *, future: bool = False) -> str | None:
    """The absolute date an expression refers to, or None when it cannot be resolved.

    expression: a time expression ("on Wednesday", "last month", "September 15", "2021").
    reference: the publication date (``YYYY-MM-DD``/``YYYY-MM``/``YYYY``) or None.
    future: the event is announced for the future, so a bare weekday or month means the next one.
    """
    try:
        return _resolve_date(expression, reference, future=future)
    except (OverflowError, ValueError):  # "next Monday" after 9999-12-31: no such date
        return None


def _resolve_date(expression: str, reference: str | None, *, future: bool) -> str | None:
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
    if (span := _span_of_time(text, reference, future)) is not None:
        return span or None
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return _fmt(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    m = _MONTH_DAY_YEAR.search(text)
    if m:
        return _fmt(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
    m = _MONTH_YEAR.search(text)
    if m:
        return _fmt(int(m.group(2)), MONTHS[m.group(1)])
    m = _MONTH_DAY.search(text) or _DAY_MONTH.search(text)
    if m:
        groups = m.groups()
        month, day = (MONTHS[groups[0]], int(groups[1])) if groups[0] in MONTHS else (MONTHS[groups[1]],
                                                                                      int(groups[0]))
        if not ref_day or precision < 1:
            return None
        year = _year_for_month(ref_day, precision, month, future)
        return _fmt(year, month, day) if year else None
    m = _YEAR.search(text)
    if m and not re.search(r"\b(years?|decades?)\b", text):
        return _fmt(int(m.group(1)))

    if not ref_day:
        return None
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", text):
        return ref_day.isoformat() if precision == 3 else None
    if re.search(r"\b(yesterday|last night)\b", text):
        return (ref_day - timedelta(days=1)).isoformat() if precision == 3 else None
    if re.search(r"\btomorrow\b", text):
        return (ref_day + timedelta(days=1)).isoformat() if precision == 3 else None
    m = re.search(r"\b(?:(last|past|previous|this|next|coming)\s+)?weekend\b", text)
    if m:
        # two days: the month they fall in, no single day ("over the weekend" in a Monday's paper)
        if precision < 3:
            return None
        which = m.group(1)
        ahead = future or which in ("next", "coming")
        saturday = _weekday_near(ref_day, WEEKDAYS["saturday"], future=ahead)
        if which in ("last", "past", "previous") and ref_day - saturday < timedelta(days=2):
            saturday -= timedelta(weeks=1)  # "last weekend" on a Sunday: the one before
        elif which in ("next", "coming") and saturday == ref_day:
            saturday += timedelta(weeks=1)
        sunday = saturday + timedelta(days=1)
        if sunday.month == saturday.month:
            return _fmt(saturday.year, saturday.month)
        return _fmt(saturday.year) if sunday.year == saturday.year else None
    if re.search(r"\bof the year\b", text):
        return _fmt(ref_day.year)
    m = _AGO.search(text)
    if m:
        n = NUMBERS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        unit = m.group(2)
        if n is None:
            return None
        if unit == "year":
            if precision >= 2:
                # "a year ago Friday" keeps the day; plain "a year ago" the month
                if precision == 3 and (named := _WEEKDAY.search(text)):
                    day = _weekday_near(ref_day, WEEKDAYS[named.group(1)], future=True)
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
    m = _RELATIVE.search(text)
    if m and m.group(1) == "past" and m.group(2) in ("year", "month", "week"):
        # "the past year": the twelve months up to the reference, no calendar year; a past week
        # is the month it lies in, when it lies in one
        if m.group(2) != "week" or precision < 3:
            return None
        first = ref_day - timedelta(days=7)
        return _fmt(first.year, first.month) if (first.year, first.month) == (ref_day.year, ref_day.month) else None
    if m:
        which, unit = m.groups()
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
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
    m = _WEEKDAY.search(text)
    if m:
        if precision < 3:
            return None
        weekday = WEEKDAYS[m.group(1)]
        # "last Friday" / "next Friday" never mean the reference day itself
        if re.search(rf"\b(last|past|previous)\s+{m.group(1)}\b", text):
            return (ref_day - timedelta(days=(ref_day.weekday() - weekday - 1) % 7 + 1)).isoformat()
        if re.search(rf"\b(next|coming)\s+{m.group(1)}\b", text):
            return (ref_day + timedelta(days=(weekday - ref_day.weekday() - 1) % 7 + 1)).isoformat()
        return _weekday_near(ref_day, weekday, future=future).isoformat()
    m = _MONTH_ONLY.search(text)
    # "may" is a modal verb unless a preposition or time word marks it as the month ("in May")
    if m and (m.group(1) != "may" or _MAY_MONTH.search(text)):
        month = MONTHS[m.group(1)]
        year = _year_for_month(ref_day, precision, month, future)
        if year is None:
            return None
        if re.search(r"\bnext\b", text):
            year = ref_day.year + (1 if month <= ref_day.month else 0)
        elif re.search(r"\blast\b", text):
            year = ref_day.year - (1 if month >= ref_day.month else 0)
        return _fmt(year, month)
    return None


def _span_of_time(text: str, reference: str | None, future: bool) -> str | None:
    """Two points of time joined as a span: the unit both share ("March 3-5" -> the month,
    "from March to May 2023" -> 2023), "" when they share none ("between 2019 and 2021", "1910-45"),
    None when the text is no such span. The missing half of a point comes from the other one:
    the month of "3-5 March", the year of "March to May 2023", the century of "1910-45"."""
    m = _RANGE.match(text)
    if not m or not (_DATE_LIKE.search(m.group("a")) and _DATE_LIKE.search(m.group("b"))):
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{2}", b):
        b = a[:2] + b  # "1910-45"
    month_a, month_b = _MONTH_ONLY.search(a), _MONTH_ONLY.search(b)
    day_only = r"\d{1,2}(?:st|nd|rd|th)?"
    if re.fullmatch(day_only, a) and month_b:
        a = f"{a} {month_b.group(0)}"  # "3-5 March"
    elif re.fullmatch(rf"{day_only}(?:,?\s+\d{{4}})?", b) and month_a:
        b = f"{month_a.group(0)} {b}"  # "March 3-5", "March 10 and 11, 2023"
    year_a, year_b = _YEAR.search(a), _YEAR.search(b)
    if year_b and not year_a and (_MONTH_ONLY.search(a)):
        a = f"{a} {year_b.group(0)}"  # "from March to May 2023"
    elif year_a and not year_b and _MONTH_ONLY.search(b) and not _YEAR.search(b):
        b = f"{b} {year_a.group(0)}"
    if _RANGE.match(a) or _RANGE.match(b):
        return ""  # more than two points: no one span
    first, last = _resolve_date(a, reference, future=future), _resolve_date(b, reference, future=future)
    if not first or not last:
        return None if not first and not last else ""
    common = ""
    for size in (4, 7, 10):
        if first[:size] == last[:size] and len(first) >= size and len(last) >= size:
            common = first[:size]
    return common


def narrative_offset(expression: str) -> int | None:
    """Days from the day the story is at to the day an expression counted from it names ("the next
    day" +1, "two days earlier" -2, "later that day" 0); None when it is no such expression.

        >>> narrative_offset("the following day")
        1
        >>> narrative_offset("on Monday") is None
        True
    """
    m = _NARRATIVE.match(" ".join(expression.lower().split()))
    if not m:
        return None
    if m.group("which"):
        return {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[m.group("which")]
    if m.group("side"):
        return 1 if m.group("side") == "after" else -1
    if m.group("n"):
        n = NUMBERS.get(m.group("n")) if not m.group("n").isdigit() else int(m.group("n"))
        if n is None:
            return None
        n *= 7 if m.group("unit") == "week" else 1
        return n if m.group("dir") in ("later", "after") else -n
    return 0


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
