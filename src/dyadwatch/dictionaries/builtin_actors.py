"""The built-in actor dictionaries, registered as a plugin like any third-party one."""

from __future__ import annotations

from functools import lru_cache

from dyadwatch.dictionaries import DATA_DIR, ActorDictionary, read_actor_dictionary
from dyadwatch.hookspecs import hookimpl

#: Built-in dictionary names, in load order.
BUILTIN_ACTOR_DICTIONARIES = (
    "dyadwatch.countries.v2",
    "dyadwatch.organisations.v1",
    "dyadwatch.leaders.v2",
    "dyadwatch.titles.v2",
    # OUTLET lines only (domain -> outlet name); the actor matcher skips them
    "dyadwatch.outlets.v2",
)


@lru_cache(maxsize=1)
def _builtin() -> tuple[ActorDictionary, ...]:
    # Files are read once per process; ActorDictionary is frozen, so sharing is safe.
    return tuple(read_actor_dictionary(DATA_DIR / f"{name}.jsonl") for name in BUILTIN_ACTOR_DICTIONARIES)


@hookimpl
def register_actor_dictionaries() -> list[ActorDictionary]:
    return list(_builtin())
