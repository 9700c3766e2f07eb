"""The ledger of terms: kept by the store (``dyadwatch.store.ledger``, where it is described),
which keeps the ledgers of its largest pairs built; named here too, where reports read it."""

from dyadwatch.store.ledger import (
    GROUPS, KINDS, LEDGER_FROM, LedgerBuilder, build_ledger, built_ledger, count_ledger, date_bounds, entry_phrase,
    event_group, event_kind, has_built_ledgers, has_event_terms, iter_pair_events, ledger_entries,
    organisation_codes, read_ledger,
)

__all__ = ["GROUPS", "KINDS", "LEDGER_FROM", "LedgerBuilder", "build_ledger", "built_ledger", "count_ledger",
           "date_bounds", "entry_phrase", "event_group", "event_kind", "has_built_ledgers", "has_event_terms",
           "iter_pair_events", "ledger_entries", "organisation_codes", "read_ledger"]
