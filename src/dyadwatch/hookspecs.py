"""Plugin hook specifications (pluggy project name ``"dyadwatch"``).

A plugin is a module or object with functions marked ``@hookimpl``. Install it with a
``[project.entry-points.dyadwatch]`` entry in its ``pyproject.toml``, or register it at
run time with ``dyadwatch.plugins.pm.register(obj)``. dyadwatch's own built-in
dictionaries are registered through these same hooks (``dyadwatch.plugins.DEFAULT_PLUGINS``).

Each spec below is documented by its docstring; ``docs/dictionaries.md`` shows examples.
"""

from __future__ import annotations

from typing import Any

from pluggy import HookimplMarker, HookspecMarker

hookspec = HookspecMarker("dyadwatch")
hookimpl = HookimplMarker("dyadwatch")


@hookspec
def register_actor_dictionaries() -> "list[Any] | None":
    """Return the actor dictionaries this plugin provides.

    Each item is a ``dyadwatch.dictionaries.ActorDictionary`` (not imported here: the
    dictionaries read the plugins, and the specs stay at the bottom of the imports) or the path (``str`` or ``pathlib.Path``) of a JSONL
    dictionary file in the format of ``docs/dictionaries.md``. Dictionaries with the same
    pattern as an earlier one override it, so a plugin can correct a built-in entry.
    """


@hookspec
def register_event_dictionaries() -> "list[Any] | None":
    """Return the event (verb) dictionaries this plugin provides.

    Reserved for the event coder; each item is an event dictionary object or a path to one.
    """
