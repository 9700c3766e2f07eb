"""Cross-document relations (agreement, contradiction) with both sentences and their sources,
as ``RelationItem`` views. Reads the store only; the relations are written by ``dyadwatch.compare``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyadwatch.errors import ConfigError, Errors
from dyadwatch.store.queries.checks import check_code
from dyadwatch.store.queries.items import Item

if TYPE_CHECKING:
    from dyadwatch.store.store import Store

__all__ = ["RELATIONS", "RelationItem", "list_relations"]

RELATIONS = ("agree", "contradict")


@dataclass(frozen=True)
class RelationItem(Item):
    """A relation between the claims of two documents: both sentences (``a_…``, ``b_…``) with
    their document's id, outlet, source, publication date and title, the score and the reason."""

    id: int
    relation: str
    score: float
    why: str
    a_document: str
    a_outlet: str | None
    a_source: str
    a_published: str | None
    a_title: str | None
    a_start: int
    a_end: int
    a_sentence: str | None
    b_document: str
    b_outlet: str | None
    b_source: str
    b_published: str | None
    b_title: str | None
    b_start: int
    b_end: int
    b_sentence: str | None

    def side(self, side: str, name: str) -> Any:
        """A field of one side: ``side("a", "outlet")`` is ``a_outlet``."""
        return getattr(self, f"{side}_{name}")


def _mentions(doc: str, start: str, end: str) -> str:
    # "+m.code": look the mentions up by document (mentions_document), not by code, which would
    # scan every mention of the actor in the store for each relation
    return (f"EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = {doc} AND +m.code = ? "
            f"AND m.start >= {start} AND m.start < {end})")


def list_relations(store: Store, *, relation: str | None = None, dyad: tuple[str, str] | None = None,
                   limit: int | None = None) -> list[RelationItem]:
    """Relations between claims of two documents, strongest first.

    relation: only ``agree`` or only ``contradict``. dyad: only relations about both actors —
    at least one of the two sentences mentions both, and the other mentions at least one.

    >>> list_relations(store, relation="contradict", dyad=("CHN", "RUS"), limit=1)[0].why
    'CHN→RUS AGREE: reported as done by one, as not done by the other'
    """
    where: list[str] = []
    params: list[Any] = []
    if relation:
        if relation not in RELATIONS:
            raise ConfigError(Errors.DW403.format(name="--relation", value=relation,
                                                  expected="Expected agree or contradict."))
        where.append("r.relation = ?")
        params.append(relation)
    if dyad:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        first = _mentions("r.a_document", "r.a_start", "r.a_end")  # the first sentence mentions the code
        second = _mentions("r.b_document", "r.b_start", "r.b_end")
        where.append(f"(({first} AND {first} AND ({second} OR {second})) "
                     f"OR ({second} AND {second} AND ({first} OR {first})))")
        params += [a, b, a, b, a, b, a, b]
    sql = (
        "SELECT r.*, da.outlet AS a_outlet, da.source AS a_source, da.published AS a_published, "
        "da.title AS a_title, db.outlet AS b_outlet, db.source AS b_source, db.published AS b_published, "
        "db.title AS b_title, "
        "substr(da.text, r.a_start + 1, r.a_end - r.a_start) AS a_sentence, "
        "substr(db.text, r.b_start + 1, r.b_end - r.b_start) AS b_sentence "
        "FROM relations r JOIN documents da ON da.id = r.a_document JOIN documents db ON db.id = r.b_document"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY r.score DESC, r.id" + (" LIMIT ?" if limit else ""))
    if limit:
        params.append(limit)
    return [RelationItem.from_row(r) for r in store.execute(sql, params)]
