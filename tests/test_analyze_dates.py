"""``dyadwatch.analyze.dates.resolve_date``: time expressions against a reference date."""

from __future__ import annotations

import pytest

from dyadwatch.analyze.dates import narrative_offset, parse_iso, resolve_date

FRIDAY = "2024-05-10"


@pytest.mark.parametrize("expression,reference,future,expected", [
    # weekdays: the latest such day up to the reference, the next one for announced events
    ("on Wednesday", FRIDAY, False, "2024-05-08"),
    ("Friday", FRIDAY, False, "2024-05-10"),
    ("on Monday", FRIDAY, True, "2024-05-13"),
    ("on Sunday", FRIDAY, True, "2024-05-12"),
    ("last Friday", FRIDAY, False, "2024-05-03"),
    ("last Friday", "2024-05-13", False, "2024-05-10"),
    ("next Friday", FRIDAY, True, "2024-05-17"),
    ("early on Wednesday", FRIDAY, False, "2024-05-08"),
    # days
    ("yesterday", FRIDAY, False, "2024-05-09"),
    ("last night", FRIDAY, False, "2024-05-09"),
    ("last night", "2024-05", False, None),  # no day to count back from
    # a weekend is two days: the month they fall in ("over the weekend" in Monday's paper)
    ("over the weekend", "2024-05-13", False, "2024-05"),
    ("at the weekend", "2024-05-12", False, "2024-05"),  # a Sunday: this weekend
    ("last weekend", "2024-05-12", False, "2024-05"),  # a Sunday: the one before (4-5 May)
    ("last weekend", "2024-05-06", False, "2024-05"),
    ("over the weekend", "2024-09-02", False, "2024"),  # 31 August and 1 September: no one month
    ("the weekend", "2024-06-03", False, "2024-06"),
    ("this weekend", "2024-03-01", True, "2024-03"),
    ("next weekend", "2024-05-11", True, "2024-05"),  # a Saturday: the one after
    ("the weekend", "2024-05", False, None),
    ("today", FRIDAY, False, "2024-05-10"),
    ("this morning", FRIDAY, False, "2024-05-10"),
    ("tomorrow", FRIDAY, True, "2024-05-11"),
    ("two days ago", FRIDAY, False, "2024-05-08"),
    ("2 days ago", FRIDAY, False, "2024-05-08"),
    # weeks resolve to their month
    ("next week", FRIDAY, True, "2024-05"),
    ("next week", "2024-05-28", True, "2024-06"),
    ("last week", "2024-05-02", False, "2024-04"),
    ("this week", FRIDAY, False, "2024-05"),
    ("two weeks ago", FRIDAY, False, "2024-04"),
    # months
    ("last month", FRIDAY, False, "2024-04"),
    ("last month", "2024-01-15", False, "2023-12"),
    ("next month", FRIDAY, True, "2024-06"),
    ("earlier this month", FRIDAY, False, "2024-05"),
    ("in February", FRIDAY, False, "2024-02"),
    ("in February", FRIDAY, True, "2025-02"),
    ("in February", "2024-01-15", False, "2023-02"),
    ("in mid-March", FRIDAY, False, "2024-03"),
    ("next March", FRIDAY, False, "2025-03"),
    ("last March", FRIDAY, False, "2024-03"),
    ("last March", "2024-03-10", False, "2023-03"),
    ("in May", "2024-09-01", False, "2024-05"),
    ("in early May", "2024-09-01", False, "2024-05"),
    ("a year ago", FRIDAY, False, "2023-05"),
    # month and day
    ("on March 3", FRIDAY, False, "2024-03-03"),
    ("March 3", FRIDAY, True, "2025-03-03"),
    ("3 March", FRIDAY, False, "2024-03-03"),
    ("Sept. 15", "2022-09-29", False, "2022-09-15"),
    ("December 31", "2024-01-02", False, "2023-12-31"),
    ("May 10", FRIDAY, False, "2024-05-10"),
    # years
    ("last year", FRIDAY, False, "2023"),
    ("this year", FRIDAY, False, "2024"),
    ("in 2019", FRIDAY, False, "2019"),
    ("three years ago", "2024", False, "2021"),
    ("the first seven months of the year", "2022-09-29", False, "2022"),
    # absolute expressions need no reference
    ("on 3 March 2023", None, False, "2023-03-03"),
    ("on March 3, 2023", None, False, "2023-03-03"),
    ("February 24, 2022", None, False, "2022-02-24"),
    ("in early February 2022", None, False, "2022-02"),
    ("in May 2023", None, False, "2023-05"),
    ("2024-03-01", None, False, "2024-03-01"),
    # relative expressions without a reference stay unresolved
    ("on Wednesday", None, False, None),
    ("last month", None, False, None),
    ("next week", None, True, None),
    ("March 3", None, False, None),
    # a reference coarser than the expression cannot place it
    ("on Wednesday", "2023-02", False, None),
    ("yesterday", "2023-02", False, None),
    ("last month", "2023-02", False, "2023-01"),
    # a span of time: the unit its two ends share (GUIDE.md, Conventions: coarser when the text is)
    ("March 3-5", FRIDAY, False, "2024-03"),
    ("3-5 March", FRIDAY, False, "2024-03"),
    ("on March 3 and 4", FRIDAY, False, "2024-03"),
    ("March 10 and 11, 2023", None, False, "2023-03"),
    ("from March to May 2023", None, False, "2023"),
    ("between Monday and Wednesday", FRIDAY, False, "2024-05"),
    ("between 2019 and 2021", FRIDAY, False, None),
    ("2019-2021", FRIDAY, False, None),
    ("1910-45", FRIDAY, False, None),
    ("late 2022 and early 2023", FRIDAY, False, None),
    # "the past year" is the twelve months up to the reference, no calendar year
    ("over the past year", FRIDAY, False, None),
    ("in the past month", FRIDAY, False, None),
    ("the past week", FRIDAY, False, "2024-05"),
    ("the past week", "2024-05-03", False, None),  # 26 April to 2 May
    # not dates, or not precise enough
    ("two-day", FRIDAY, False, None),
    ("May", FRIDAY, False, None),
    ("the 1990s", FRIDAY, False, None),
    ("in recent days", FRIDAY, False, None),
    ("the past two years", FRIDAY, False, None),
    ("February 30", FRIDAY, False, None),
    ("February 30, 2023", None, False, None),
    ("", FRIDAY, False, None),
])
def test_resolve_date(expression, reference, future, expected):
    assert resolve_date(expression, reference, future=future) == expected


@pytest.mark.parametrize("value,expected", [
    ("2024-05-10", (2024, 5, 10, 3)),
    ("2024-05", (2024, 5, 1, 2)),
    ("2024", (2024, 1, 1, 1)),
])
def test_parse_iso(value, expected):
    day, precision = parse_iso(value)
    assert (day.year, day.month, day.day, precision) == expected


@pytest.mark.parametrize("value", [None, "", "May 2024", "2024-13-01", "2024-02-30"])
def test_parse_iso_rejects(value):
    assert parse_iso(value) is None


@pytest.mark.parametrize("expression,offset", [
    ("the next day", 1),
    ("The following day", 1),
    ("the day after", 1),
    ("a day later", 1),
    ("two days later", 2),
    ("three days earlier", -3),
    ("a week later", 7),
    ("the previous day", -1),
    ("the day before", -1),
    ("later that day", 0),
    ("the same day", 0),
    ("hours later", 0),
    # counted from the publication, or no day at all: not counted from the story's day
    ("on Monday", None),
    ("yesterday", None),
    ("in recent days", None),
    ("for two days", None),
    ("days later", None),
])
def test_narrative_offset(expression, offset):
    assert narrative_offset(expression) == offset
