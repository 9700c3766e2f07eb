"""Every stored table, declared once from its record dataclass.

A record (``dyadwatch.records``) is written to SQLite by ``Store.write``, to the Parquet tables
of ``dyadwatch batch`` and to the exports; each of them used to spell out the same
record ⇄ row mapping. Here the columns of a table are *derived* from the fields of its record
(name, type, nullability), and only what a field cannot say is declared by hand:

- the columns the store adds around a record (``document_id``, a sentence's ``idx``, a figure's
  sentence span), given by the writer as ``extras``;
- a field cut out of the document's text (an event's ``sentence`` is ``text[start:end]``): not a
  SQLite column (the text is stored once), a Parquet column (so the files read on their own);
- a tuple field spread over several columns (a stance's ``dyad`` is ``actor_a``, ``actor_b``);
- fields the analysis-record export contract (../shared/eval/README.md) leaves out.

Adding a field to a record therefore touches the record, a migration that adds its column, and
the component that fills it: the store, the batch tables and the exports follow from here, and
``tests/test_store_schema.py`` checks that every field has its column in a migrated database.

Value kinds and how each backend encodes them:

========  ================  =====================  ==========================
kind      Python            SQLite                 Parquet (``batch.tables``)
========  ================  =====================  ==========================
text      str               TEXT                   string
integer   int               INTEGER                int64
real      float             REAL                   float64
bool      bool              INTEGER 0/1            bool
list      tuple[str, ...]   TEXT (JSON list)       list<string>
spans     tuple[Span, ...]  TEXT (JSON [[s, e]])   list<list<int64>>
mapping   dict[str, ...]    TEXT (JSON object)     string (JSON object)
========  ================  =====================  ==========================
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union

from dyadwatch import records
from dyadwatch.records import (
    ActorMention,
    Claim,
    Document,
    Event,
    Figure,
    Quote,
    Relation,
    Sentence,
    Stance,
)

Kind = Literal["text", "integer", "real", "bool", "list", "spans", "mapping"]
Backend = Literal["sqlite", "parquet"]

SQL_TYPES: dict[str, str] = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "bool": "INTEGER",
                             "list": "TEXT", "spans": "TEXT", "mapping": "TEXT"}


@dataclass(frozen=True)
class Column:
    """One column of a stored table.

    field: the record field it holds; None for a column the writer supplies (``extras``).
    part: the item of a tuple field it holds (``Stance.dyad`` → ``actor_a`` is part 0).
    span: the two columns whose document-text slice is the field's value (``sentence``): such
        a column is not stored in SQLite, and is re-cut from the text when read anywhere.
    backends: where the column exists.
    """

    name: str
    kind: Kind
    nullable: bool
    field: str | None = None
    part: int | None = None
    span: tuple[str, str] | None = None
    backends: frozenset[str] = frozenset({"sqlite", "parquet"})

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]


@dataclass(frozen=True)
class Table:
    """A stored table and the record each of its rows holds.

    key: the primary key (``("id",)`` for an integer rowid the store assigns).
    order: the ORDER BY that reads a document's rows back in the order they were written.
    not_exported: record fields the analysis-record export contract leaves out.
    """

    name: str
    record: type
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    order: str = ""
    not_exported: frozenset[str] = frozenset()

    def columns_in(self, backend: Backend) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if backend in c.backends)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"table '{self.name}' has no column '{name}'")

    @property
    def fields(self) -> tuple[str, ...]:
        """The record's fields, in declaration order."""
        return tuple(f.name for f in dataclasses.fields(self.record))

    def exported_fields(self) -> tuple[str, ...]:
        return tuple(f for f in self.fields if f not in self.not_exported)

    def field_kind(self, name: str) -> Kind:
        """The kind of a field's value (a field split over columns is a list of its items)."""
        found = [c for c in self.columns if c.field == name]
        if not found:
            raise KeyError(f"record {self.record.__name__} has no field '{name}'")
        return "list" if found[0].part is not None else found[0].kind

    def exported(self, record: Any, omit: Sequence[str] = ()) -> dict[str, Any]:
        """The fields of ``record`` that the export contract lists (but ``omit``), JSON-ready,
        in the record's field order."""
        return {f: jsonable(getattr(record, f)) for f in self.exported_fields() if f not in omit}

    # -- records ⇄ rows ------------------------------------------------------------------

    def row(self, record: Any, backend: Backend, extras: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The row of ``record`` for ``backend`` (SQLite: JSON text for lists and mappings, 0/1 for
        booleans; Parquet: native lists). ``extras`` gives the columns that hold no field."""
        out: dict[str, Any] = {}
        for c in self.columns_in(backend):
            if c.field is None:
                if extras is None or c.name not in extras:
                    raise ValueError(f"writing a row of '{self.name}' needs the value of column '{c.name}', "
                                     "which no field of the record holds; pass it in extras")
                out[c.name] = extras[c.name]
                continue
            value = getattr(record, c.field)
            if c.part is not None:
                value = value[c.part]
            out[c.name] = encode(c.kind, value, backend)
        return out

    def record_from(self, row: Any, backend: Backend, text: str | None = None) -> Any:
        """The record a row holds (a dict or a ``sqlite3.Row``: anything indexed by column name).
        ``text``: the document's text, for fields cut out of it.

        A column the row lacks (a database opened read-only before the migration that added it,
        the Parquet output of an earlier version) leaves its field at the record's default."""
        values: dict[str, Any] = {}
        parts: dict[str, dict[int, Any]] = {}
        present = set(row.keys())
        for c in self.columns:
            if c.field is None:
                continue
            if c.span is None and c.name not in present:
                if not self._has_default(c.field):
                    raise ValueError(f"a row of '{self.name}' lacks column '{c.name}', which holds the "
                                     f"{self.record.__name__}.{c.field} it cannot do without")
                continue
            if c.span is not None:
                if text is None:
                    raise ValueError(f"reading '{self.name}.{c.name}' needs the document's text")
                values[c.field] = text[row[c.span[0]]:row[c.span[1]]]
                continue
            value = decode(c.kind, row[c.name], backend)
            if c.part is not None:
                parts.setdefault(c.field, {})[c.part] = value
            else:
                values[c.field] = value
        for name, items in parts.items():
            values[name] = tuple(items[i] for i in sorted(items))
        return self.record(**values)

    def _has_default(self, name: str) -> bool:
        f = next(f for f in dataclasses.fields(self.record) if f.name == name)
        return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING

    # -- SQL -----------------------------------------------------------------------------

    def _written(self, extras: Sequence[str]) -> tuple[Column, ...]:
        return tuple(c for c in self.columns_in("sqlite") if c.field is not None or c.name in extras)

    def insert_sql(self, extras: Sequence[str] = ()) -> str:
        """``INSERT INTO table (…) VALUES (?, …)`` over the SQLite columns that hold a field, and
        the ``extras`` named (a generated integer id and values set later are left out)."""
        cols = self._written(extras)
        names = ", ".join(_quote(c.name) for c in cols)
        return f"INSERT INTO {self.name} ({names}) VALUES ({', '.join('?' * len(cols))})"

    def insert_values(self, record: Any, extras: Mapping[str, Any] | None = None) -> tuple[Any, ...]:
        """The parameters of ``insert_sql(extras)`` for one record."""
        given = extras or {}
        out = []
        for c in self._written(tuple(given)):
            if c.field is None:
                out.append(given[c.name])
                continue
            value = getattr(record, c.field)
            out.append(encode(c.kind, value[c.part] if c.part is not None else value, "sqlite"))
        return tuple(out)

    def select_sql(self, where: str = "document_id = ?", have: Collection[str] | None = None) -> str:
        """The SQLite columns of the table's rows ``where`` selects, in their written order.
        have: the columns the database has (one opened read-only before a migration lacks some)."""
        names = ", ".join(_quote(c.name) for c in self.columns_in("sqlite") if have is None or c.name in have)
        order = f" ORDER BY {self.order}" if self.order else ""
        return f"SELECT {names} FROM {self.name} WHERE {where}{order}"


def encode(kind: Kind, value: Any, backend: Backend) -> Any:
    if value is None:
        return None
    if kind == "bool":
        return int(value) if backend == "sqlite" else bool(value)
    if kind == "list":
        return json.dumps(list(value)) if backend == "sqlite" else list(value)
    if kind == "spans":
        spans = [list(s) for s in value]
        return json.dumps(spans) if backend == "sqlite" else spans
    if kind == "mapping":
        return json.dumps(value)
    return value


def decode(kind: Kind, value: Any, backend: Backend) -> Any:
    if kind == "bool":
        return None if value is None else bool(value)
    if kind == "list":
        items = json.loads(value) if backend == "sqlite" and value is not None else value
        return tuple(items or ())
    if kind == "spans":
        items = json.loads(value) if backend == "sqlite" and value is not None else value
        return tuple((int(s), int(e)) for s, e in items or ())
    if kind == "mapping":
        return json.loads(value) if value is not None else {}
    return value


def jsonable(value: Any) -> Any:
    """A field's value as JSON shows it: tuples (lists, spans, a dyad) as lists."""
    if isinstance(value, tuple):
        return [jsonable(v) for v in value]
    return value


def arrow_type(pa: Any, kind: Kind) -> Any:
    """The Arrow type of a kind of value (``pa``: the pyarrow module, imported by the caller,
    since pyarrow is an optional dependency): lists native, open-ended mappings as JSON text."""
    types_: dict[str, Any] = {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(),
                              "bool": pa.bool_(), "list": pa.list_(pa.string()),
                              "spans": pa.list_(pa.list_(pa.int64())), "mapping": pa.string()}
    return types_[kind]


def _quote(name: str) -> str:
    return f'"{name}"' if name in {"end"} else name


# -- deriving columns from a dataclass ----------------------------------------------------

_HINTS = vars(records)


def _kind(hint: Any) -> tuple[Kind, bool]:
    """(kind, nullable) of a field's type annotation."""
    nullable = False
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            raise TypeError(f"cannot store a field of type {hint}: one type or one type | None")
        hint, origin = args[0], typing.get_origin(args[0])
    if origin is Literal:
        return "text", nullable
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item is str:
                return "list", nullable
            if typing.get_origin(item) is tuple:
                return "spans", nullable
        raise TypeError(f"cannot store a field of type {hint}: tuples of str or of spans only")
    if origin is dict:
        return "mapping", nullable
    kinds: dict[Any, Kind] = {str: "text", int: "integer", float: "real", bool: "bool"}
    if hint in kinds:
        return kinds[hint], nullable
    raise TypeError(f"cannot store a field of type {hint}; add its kind to dyadwatch.store.schema")


def _table(name: str, record: type, *, key: tuple[str, ...], order: str = "",
           before: Sequence[Column] = (), after: Sequence[Column] = (),
           spans: Mapping[str, tuple[str, str]] | None = None,
           split: Mapping[str, Sequence[str]] | None = None,
           not_exported: Sequence[str] = ()) -> Table:
    """A table whose columns are ``before``, one per field of ``record`` (in field order), then
    ``after``. spans: field -> the columns whose text slice it is; split: a tuple field -> the
    columns of its items."""
    hints = typing.get_type_hints(record, globalns=_HINTS)
    columns: list[Column] = list(before)
    for f in dataclasses.fields(record):
        if split and f.name in split:
            items = typing.get_args(hints[f.name])
            columns.extend(Column(col, *_kind(items[i]), field=f.name, part=i)
                           for i, col in enumerate(split[f.name]))
            continue
        kind, nullable = _kind(hints[f.name])
        if spans and f.name in spans:
            columns.append(Column(f.name, kind, nullable, field=f.name, span=spans[f.name],
                                  backends=frozenset({"parquet"})))
        else:
            columns.append(Column(f.name, kind, nullable, field=f.name))
    columns.extend(after)
    return Table(name, record, tuple(columns), key, order, frozenset(not_exported))


def _extra(name: str, kind: Kind, nullable: bool = False, backends: Sequence[str] = ("sqlite", "parquet")) -> Column:
    return Column(name, kind, nullable, backends=frozenset(backends))


_DOCUMENT_ID = _extra("document_id", "text")
_ROWID = _extra("id", "integer", backends=("sqlite",))

DOCUMENTS = _table(
    "documents", Document, key=("id",), not_exported=("chrome", "meta_evidence", "warnings"),
    after=(_extra("position", "integer", backends=("parquet",)),
           _extra("ingested_at", "text", backends=("sqlite",)),
           _extra("analyzer", "text", nullable=True), _extra("analyzed_at", "text", True, ("sqlite",)),
           _extra("analysis_skipped", "text", nullable=True)),
)
SENTENCES = _table("sentences", Sentence, key=("document_id", "idx"), order="idx",
                   before=(_DOCUMENT_ID, _extra("idx", "integer")))
MENTIONS = _table("mentions", ActorMention, key=("id",), order="start, id", before=(_ROWID, _DOCUMENT_ID))
EVENTS = _table("events", Event, key=("id",), order="start, id", before=(_ROWID, _DOCUMENT_ID),
                spans={"sentence": ("start", "end")},
                not_exported=("trigger_start", "trigger_end", "dictionary"))
QUOTES = _table("quotes", Quote, key=("id",), order="start, id", before=(_ROWID, _DOCUMENT_ID))
FIGURES = _table("figures", Figure, key=("id",), order="start, id",
                 before=(_ROWID, _DOCUMENT_ID, _extra("sentence_start", "integer"),
                         _extra("sentence_end", "integer")),
                 spans={"sentence": ("sentence_start", "sentence_end")})
CLAIMS = _table("claims", Claim, key=("id",), order="start, id", before=(_DOCUMENT_ID,),
                spans={"sentence": ("start", "end")}, not_exported=("polarity", "actors", "normalized"))
STANCES = _table("stances", Stance, key=("document_id", "actor_a", "actor_b"), order="actor_a, actor_b",
                 before=(_DOCUMENT_ID,), split={"dyad": ("actor_a", "actor_b")})
RELATIONS = _table("relations", Relation, key=("id",), order="id", before=(_ROWID,))

#: the tables that hold one document's analysis, in the order ``Analysis`` lists them, by the
#: ``Analysis`` field each fills
ANALYSIS: dict[str, Table] = {"sentences": SENTENCES, "mentions": MENTIONS, "events": EVENTS,
                              "quotes": QUOTES, "figures": FIGURES, "claims": CLAIMS, "stances": STANCES}
TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, *ANALYSIS.values(), RELATIONS)}


def sentence_span_of(sentences: Sequence[Sentence], start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding offset ``start`` (a figure's ``sentence_start``/``_end``);
    the span itself when no sentence does."""
    for s in sentences:
        if s.start <= start < s.end:
            return s.start, s.end
    return start, end


def analysis_extras(table: Table, document_id: str, index: int, item: Any,
                    sentences: Sequence[Sentence]) -> dict[str, Any]:
    """The columns the store adds to the ``index``-th row of an analysis table."""
    extras: dict[str, Any] = {"document_id": document_id}
    if table is SENTENCES:
        extras["idx"] = index
    elif table is FIGURES:
        extras["sentence_start"], extras["sentence_end"] = sentence_span_of(sentences, item.start, item.end)
    return extras


def missing_columns(conn: sqlite3.Connection) -> list[str]:
    """``table.column`` (with its SQL type) of every declared SQLite column that the database at
    ``conn`` lacks or types differently: empty when the migrations and the records agree."""
    out = []
    for table in TABLES.values():
        have = {r[1]: r[2] for r in conn.execute(f"PRAGMA table_info({table.name})")}
        for c in table.columns_in("sqlite"):
            if have.get(c.name) != c.sql_type:
                out.append(f"{table.name}.{c.name} {c.sql_type} (database: {have.get(c.name) or 'absent'})")
    return out
