"""The plugin manager.

Built-in dictionaries are plugins like any other: the modules in ``DEFAULT_PLUGINS`` are
registered through the same hooks a third-party package uses. Third-party plugins are
found through the ``"dyadwatch"`` entry-point group, except under pytest, so that tests
see only the built-ins plus the plugins they register themselves.
"""

from __future__ import annotations

import importlib
import sys

import pluggy

from dyadwatch import hookspecs

DEFAULT_PLUGINS = ("dyadwatch.dictionaries.builtin_actors",)

pm = pluggy.PluginManager("dyadwatch")
pm.add_hookspecs(hookspecs)


def _called_from_test() -> bool:
    # sqlite-utils and datasette set sys._called_from_test in conftest.py; importing
    # pytest is the fallback signal when no conftest sets it.
    return bool(getattr(sys, "_called_from_test", False)) or "pytest" in sys.modules


if not _called_from_test():
    pm.load_setuptools_entrypoints("dyadwatch")

for _name in DEFAULT_PLUGINS:
    _module = importlib.import_module(_name)
    if not pm.is_registered(_module):
        pm.register(_module, _name)


def get_plugins() -> list[dict[str, object]]:
    """Describe the registered plugins: name and the hooks each implements.

    RETURNS (list[dict]): e.g. ``[{"name": "dyadwatch.dictionaries.builtin_actors",
        "hooks": ["register_actor_dictionaries"]}]``
    """
    plugins: list[dict[str, object]] = []
    for plugin in pm.get_plugins():
        plugins.append({
            "name": pm.get_name(plugin) or repr(plugin),
            "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or ()),
        })
    return sorted(plugins, key=lambda p: str(p["name"]))
