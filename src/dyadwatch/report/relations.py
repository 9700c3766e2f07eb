"""Cross-document relations (agreement, contradiction) with both sentences and their sources:
kept in ``dyadwatch.store.queries.relations``; named here too, where reports and notebooks have
read them."""

from dyadwatch.store.queries.relations import RELATIONS, RelationItem, list_relations

__all__ = ["RELATIONS", "RelationItem", "list_relations"]
