"""Errors raised while finding and reading actor dictionaries and word lists.

    AnalyzeError                      (dyadwatch.errors)
     └── DictionaryError
          ├── DictionaryNotFound      a dictionary file or name, or a language's word lists, do not exist
          └── DictionaryFormatError   a dictionary or word-list file is not valid

Messages carry stable codes (``[DW251]``); the catalogue is ``DictionaryErrors`` below.
"""

from __future__ import annotations

from dyadwatch.errors import AnalyzeError


class DictionaryError(AnalyzeError):
    """An actor dictionary could not be loaded."""


class DictionaryNotFound(DictionaryError):
    """A dictionary file or dictionary name does not exist."""


class DictionaryFormatError(DictionaryError):
    """A dictionary file has a line that is not valid."""


class DictionaryErrors:
    """Message catalogue. Format with ``DictionaryErrors.DW251.format(...)``."""

    DW251 = ("[DW251] Dictionary file {path} does not exist{origin}. Check the path; "
             "DYADWATCH_DICTIONARIES takes paths separated by '{sep}'.")
    DW252 = ("[DW252] {path} line {line}: {reason}. Each line must be one JSON object; see "
             "docs/dictionaries.md for the format.")
    DW253 = ("[DW253] No actor dictionary named '{name}' is registered. Available: {available}. "
             "Add its file with DYADWATCH_DICTIONARIES, or install the plugin that provides it.")
    DW254 = ("[DW254] Two different actor dictionaries are named '{name}' ({first} and {second}). "
             "Give one of them a new name or version in its DICTIONARY line or file name.")
    DW255 = ("[DW255] {path}: the dictionary name '{name}' is not valid. Names look like "
             "'namespace.name.v1' (lowercase letters, digits and underscores, ending in a version).")
    DW256 = ("[DW256] Plugin {plugin} returned {value!r} from register_actor_dictionaries; "
             "expected a list of ActorDictionary objects or paths to .jsonl files.")
    DW257 = ("[DW257] No word lists for the {component} component in language '{lang}' (looked for "
             "{lang}/{component}.v<N>.json in {where}). Languages with {component} lists: {available}. Set the "
             "component's 'lang' to one of them, or write {lang}/{component}.v1.json (the English file shows "
             "every list) in a directory and add the directory to {var} (paths separated by '{sep}').")
    DW258 = ("[DW258] {path}: the {component} component needs '{key}', {kind}, and the file has none (or "
             "another kind of list under that key). Add it; {builtin} has every list with what it is for.")
    DW259 = ("[DW259] {path}: {reason}. A word-list file is one JSON object with a list of words (or a map "
             "of lists) per key; see docs/dictionaries.md.")
    DW261 = ("[DW261] {path}: {reason}. The PLOVER codebook is one JSON object with 'quads', 'types' (each "
             "with its 'type', 'quad' and 'intensity' from -10 to 10), 'modalities' and 'contexts'; the built-in "
             "dyadwatch.plover.v1.json shows each.")
    DW262 = ("[DW262] Plugin {plugin} returned {value!r} from register_event_dictionaries; expected a list "
             "of paths to .jsonl event dictionaries (a DICTIONARY line, then TRIGGER lines as in the built-in "
             "dyadwatch.events.v2.jsonl).")
    DW263 = ("[DW263] Two different event dictionaries are named '{name}' ({first} and {second}). Give one of "
             "them a new name or version in its DICTIONARY line.")
    DW260 = ("[DW260] {path}, listed in {var}, is not a directory. Check the path; {var} takes directories "
             "(each with one directory per language) separated by '{sep}'.")
