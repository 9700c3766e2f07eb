"""The checks every value passes before it reaches a read query, shared by the CLI, reports and
the dashboard: one set, so a value the CLI takes is one the dashboard takes.

Each check returns the value in the form the SQL wants (codes upper-cased) or raises
``InvalidInput``, which names the input, shows the value and says what was expected; the CLI
prints the message, the dashboard turns the same check into a 400 page (``dyadwatch.web.params``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import Any

from dyadwatch.dictionaries.plover import codebook
from dyadwatch.errors import ConfigError, Errors

__all__ = ["NO_OUTLET", "PLOVER_TYPES", "UNDATED", "InvalidInput", "check_choice", "check_code", "check_date",
           "check_month", "check_type", "date_bounds"]

#: the PLOVER event types, in the codebook's order
PLOVER_TYPES = codebook().type_names
#: the month value of rows without a date
UNDATED = "undated"
#: the outlet value of documents whose outlet is not stated
NO_OUTLET = "~"

# \Z, not $: "CHN\n" is not a code
_CODE = re.compile(r"^[A-Za-z0-9+]{2,10}\Z")
_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?\Z", re.ASCII)
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\Z", re.ASCII)
_DATES = "a date as YYYY, YYYY-MM or YYYY-MM-DD"


class InvalidInput(ConfigError):
    """A value given to a query is not valid: ``name`` (the option or parameter), ``value`` and
    what was ``expected`` (a sentence)."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        super().__init__(Errors.DW403.format(name=name, value=value, expected=expected))
        self.name, self.value, self.expected = name, value, expected


def check_code(value: str, name: str = "actor code") -> str:
    """An actor code (CHN, RUS, USA, NATO …), upper-cased."""
    if not _CODE.match(value):
        raise InvalidInput(name, value, "Expected a code such as CHN, RUS, USA or NATO.")
    return value.upper()


def check_date(value: str, name: str = "--since") -> str:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD, of a month and day that exist."""
    if not _DATE.match(value):
        raise InvalidInput(name, value, f"Expected {_DATES}.")
    if len(value) == 10:
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput(name, value, f"That day does not exist; expected {_DATES}.") from None
    return value


def check_month(value: str, name: str = "month") -> str:
    """A month as YYYY-MM (YYYY for dates known only to the year), or ``UNDATED``."""
    if value == UNDATED or _MONTH.match(value):
        return value
    raise InvalidInput(name, value,
                       f"Expected a month as YYYY-MM (YYYY for dates known only to the year), or '{UNDATED}'.")


def check_type(value: str, name: str = "--type") -> str:
    """A PLOVER event type, upper-cased."""
    if value.upper() not in PLOVER_TYPES:
        raise InvalidInput(name, value, "Expected a PLOVER type: " + ", ".join(PLOVER_TYPES) + ".")
    return value.upper()


def check_choice(value: str, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise InvalidInput(name, value, "Expected one of: " + ", ".join(choices) + ".")
    return value


def date_bounds(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """SQL conditions (each starting with AND) bounding a date column; undated rows are left out
    when a bound is given."""
    sql = ""
    params: list[Any] = []
    if since:
        sql += f" AND {column} IS NOT NULL AND {column} >= ?"
        params.append(check_date(since))
    if until:
        sql += f" AND {column} IS NOT NULL AND substr({column}, 1, ?) <= ?"
        params += [len(check_date(until, "--until")), until]
    return sql, params
