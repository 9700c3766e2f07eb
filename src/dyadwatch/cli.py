"""The ``dyadwatch`` command line: a thin layer over the library.

Every command validates its arguments, opens the store, calls one library function and
prints. Errors from the library become one ``Error: …`` line and exit code 1.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Protocol, TypeVar

import click

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError
from dyadwatch.settings import HELP, env_name, load_settings

if TYPE_CHECKING:
    from dyadwatch.compare import CompareSummary
    from dyadwatch.jobs import IngestSummary
    from dyadwatch.store.queries import ClaimItem, FigureItem, QuoteItem

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), envvar=env_name("db"), default="dyadwatch.db",
        show_default=True, show_envvar=True, help="SQLite database to use.",
    )(fn)


@contextmanager
def errors_as_messages() -> Iterator[None]:
    try:
        yield
    except DyadwatchError as exc:
        raise click.ClickException(str(exc)) from None


def _open(db: str, *, readonly: bool = False) -> Any:
    from dyadwatch.store import Store

    with errors_as_messages():
        return Store(db, readonly=readonly)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="dyadwatch")
def cli() -> None:
    """dyadwatch: who did what to whom, who said what, and where sources disagree,
    from news and analysis articles about two states.

    Example:

    \b
        dyadwatch ingest examples/
        dyadwatch stats
        dyadwatch export --out records.jsonl
    """


@cli.command()
@db_option
@click.argument("sources", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings; only the summary.")
@click.option("--no-analyze", is_flag=True, help="Store documents and metadata only; analyse later.")
@click.option("--no-compare", is_flag=True,
              help="Skip the cross-document comparison (run 'dyadwatch compare' later).")
@click.option("--max-file-bytes", type=int, default=None, show_envvar=True,
              envvar=env_name("max_file_bytes"), help=HELP["max_file_bytes"] + " [default: 20000000]")
@click.option("--model", default=None, envvar=env_name("model"), show_envvar=True, help=HELP["model"])
@click.option("--allow-private-addresses", is_flag=True, default=False,
              help="Also fetch URLs on loopback and private networks (tests, intranets); "
                   "or set DYADWATCH_ALLOW_PRIVATE_ADDRESSES=1.")
def ingest(db: str, sources: tuple[str, ...], quiet: bool, no_analyze: bool, no_compare: bool,
           max_file_bytes: int | None, model: str | None, allow_private_addresses: bool) -> None:
    """Ingest article files, directories, URLs and RSS/Atom feeds, and analyse them.

    Files: .txt .md .html .htm .jsonl; a .txt file that holds only URLs is a list of URLs to
    fetch. A URL is fetched (http and https only) and read as a page, or, when it is a feed,
    every item it links to is. Each document is stored once, however many times and under
    however many URLs it is ingested (its id comes from its normalised text; a page's canonical
    URL is kept). Problems with one input are reported and the rest go on; the exit code is
    non-zero only when nothing could be ingested.

    Example:

    \b
        dyadwatch ingest examples/
        dyadwatch ingest --db china-russia.db articles/ more/piece.html feed.jsonl
        dyadwatch ingest https://example.org/news/talks-reopen https://example.org/world.rss
    """
    from dyadwatch.jobs import count_inputs, ingest_sources

    with errors_as_messages():
        settings = load_settings({"max_file_bytes": max_file_bytes, "model": model,
                                  "allow_private_addresses": True if allow_private_addresses else None})
    store = _open(db)

    def show(message: str) -> None:
        if quiet:
            return
        kind = "warning" if message.startswith("[W") else "error"
        click.echo(f"{kind}: {message}", err=True)

    total = count_inputs(sources)
    with errors_as_messages():
        # a bar only where someone watches: piped stderr would get a stray label
        if quiet or total < 2 or not sys.stderr.isatty():
            summary = ingest_sources(store, sources, settings=settings, analyze=not no_analyze,
                                     compare=not no_compare, on_message=show)
        else:
            with click.progressbar(length=total, label="Ingesting", file=sys.stderr, show_pos=True) as bar:
                summary = ingest_sources(store, sources, settings=settings, analyze=not no_analyze,
                                         compare=not no_compare, on_message=show,
                                         on_file_done=lambda _path: bar.update(1))
    store.close()
    _finish_store_command(db, summary, [f"{summary.failed} failed"], quiet)


def _finish_store_command(db: str, summary: IngestSummary, counts: list[str], quiet: bool) -> None:
    """The closing line of a command that stores documents (ingest, load), its comparison, and
    its exit status."""
    parts = [f"{summary.added} added", f"{summary.present} already present", *counts]
    if summary.skipped_language:
        parts.append(f"{summary.skipped_language} not analysed (not English)")
    if summary.skipped_too_long:
        parts.append(f"{summary.skipped_too_long} not analysed (too long)")
    click.echo(f"{db}: " + ", ".join(parts))
    if summary.comparison is not None and not quiet:
        _echo_comparison(summary.comparison)
    if not summary.ok:
        sys.exit(1)


def _echo_comparison(c: CompareSummary) -> None:
    click.echo(f"compared {c.documents} documents: {c.duplicate_groups} groups of copies, {c.stories} stories "
               f"({c.multi_source_stories} from several independent sources), {c.agreements} agreements, "
               f"{c.contradictions} contradictions")


@cli.command()
@db_option
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="Time between the starts of two polls: 30s, 15m, 2h, 1h30m.")
@click.option("--once", is_flag=True, help="Poll once, then exit (for scripts and cron).")
@click.option("--quiet", "-q", is_flag=True, help="No warnings or errors; only the poll lines.")
@click.option("--no-analyze", is_flag=True, help="Store documents and metadata only; analyse later.")
@click.option("--no-compare", is_flag=True,
              help="Skip the cross-document comparison after a poll that added documents.")
@click.option("--model", default=None, envvar=env_name("model"), show_envvar=True, help=HELP["model"])
@click.option("--allow-private-addresses", is_flag=True, default=False,
              help="Also fetch from loopback and private networks (tests, intranets).")
def watch(db: str, feeds: tuple[str, ...], every: str, once: bool, quiet: bool, no_analyze: bool,
          no_compare: bool, model: str | None, allow_private_addresses: bool) -> None:
    """Poll RSS/Atom feeds and ingest, analyse and store their new items, until stopped.

    Prints one line per poll. Each feed is fetched conditionally (ETag, Last-Modified) and only
    items not seen before are fetched. Stop it at any moment (Ctrl-C, SIGTERM, even kill -9):
    started again, it loses and duplicates nothing.

    Example:

    \b
        dyadwatch watch https://example.org/world.rss https://example.net/asia/atom.xml
        dyadwatch watch --every 1h --db asia.db https://example.org/world.rss
        dyadwatch watch --once https://example.org/world.rss    # from cron
    """
    import threading

    from dyadwatch.jobs import parse_interval, stop_on_signals, watch_feeds

    with errors_as_messages():
        interval = parse_interval(every)
        settings = load_settings({"model": model,
                                  "allow_private_addresses": True if allow_private_addresses else None})
    store = _open(db)

    def show(message: str) -> None:
        if not quiet:
            kind = "warning" if message.startswith("[W") else "error"
            click.echo(f"{kind}: {message}", err=True)

    stop = threading.Event()
    signals: list[str] = []
    with errors_as_messages(), stop_on_signals(stop, on_signal=signals.append):
        try:
            result = watch_feeds(store, list(feeds), every=interval, once=once, settings=settings,
                                 analyze=not no_analyze, compare=not no_compare, stop=stop, on_message=show,
                                 on_poll=lambda poll: click.echo(poll.line()))
        except KeyboardInterrupt:
            store.close()
            click.echo("stopped at once (second signal); what was committed is kept", err=True)
            sys.exit(130)
    store.close()
    if signals:
        click.echo(f"stopped by {signals[0]} after {len(result.polls)} poll(s), {result.added} document(s) added",
                   err=True)
    last = result.polls[-1] if result.polls else None
    if once and last is not None and last.feeds and all(f.error for f in last.feeds):
        sys.exit(1)  # nothing could be polled: let a script notice


@cli.command()
@db_option
@click.option("--all", "everything", is_flag=True,
              help="Compare every stored article again (after changing dictionaries or analysis), not only "
                   "those stored since the last compare.")
def compare(db: str, everything: bool) -> None:
    """Compare the stored articles: copies, stories, agreements and contradictions.

    Ingest runs this by itself for what it adds; run it after 'ingest --no-compare'. Only the
    articles stored since the last compare are compared, each with earlier articles on the same
    pair of states, so the cost does not grow with the store; --all recomputes everything.

    Example:

    \b
        dyadwatch compare --db china-russia.db
        dyadwatch compare --all --db china-russia.db
    """
    from dyadwatch.compare import compare_store

    store = _open(db)
    with errors_as_messages():
        _echo_comparison(compare_store(store, full=everything))


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True,
              help="parquet needs --out and pyarrow (pip install 'dyadwatch[parquet]').")
@click.option("--what", type=click.Choice(["records", "events", "relations"]), default="records",
              show_default=True,
              help="records: one analysis record per document; events: PLOVER-style events; "
                   "relations: cross-document agreements and contradictions.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of stdout.")
def export(db: str, fmt: str, what: str, out: str | None) -> None:
    """Export analysis records, events or cross-document relations.

    Records follow the analysis-record contract (one JSON object per document). Parquet files
    keep the same fields and nesting, for DuckDB, pandas or Arrow.

    Example:

    \b
        dyadwatch export --out records.jsonl
        dyadwatch export --what events --format csv > events.csv
        dyadwatch export --what relations
        dyadwatch export --what events --format parquet --out events.parquet
    """
    from dyadwatch.errors import Errors
    from dyadwatch.export import write_export, write_parquet

    if fmt == "parquet" and not out:
        raise click.UsageError(Errors.DW602.format(what=what))
    store = _open(db, readonly=True)
    with errors_as_messages():
        if fmt == "parquet":
            assert out is not None
            n = write_parquet(store, out, what=what)
            click.echo(f"{out}: {n} {what}", err=True)
        elif out:
            tmp = Path(out).with_name(Path(out).name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = write_export(store, fh, what=what, fmt=fmt)  # type: ignore[arg-type]
            tmp.replace(out)
            click.echo(f"{out}: {n} {what}", err=True)
        else:
            write_export(store, sys.stdout, what=what, fmt=fmt)  # type: ignore[arg-type]


@cli.command()
@db_option
@click.argument("doc_id")
@click.option("--text/--no-text", "with_text", default=False, help="Also print the full text.")
def show(db: str, doc_id: str, with_text: bool) -> None:
    """Show one document and everything found in it, with the evidence sentences.

    DOC_ID may be shortened to any unique prefix.

    Example:

    \b
        dyadwatch show 3f2a9c
        dyadwatch show --text 3f2a9c71d0e4b5a8
    """
    from dyadwatch.report.show import render_document

    store = _open(db, readonly=True)
    with errors_as_messages():
        full = store.resolve_id(doc_id)
        click.echo(render_document(store, full, with_text=with_text, width=_width()))


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(db: str, as_json: bool) -> None:
    """Counts of documents, sentences, actors, events, quotes, figures, claims and relations.

    Example:

    \b
        dyadwatch stats
        dyadwatch stats --db china-russia.db --json
    """
    from dyadwatch.store.queries import language_counts

    store = _open(db, readonly=True)
    with errors_as_messages():
        counts = store.counts()
        langs = language_counts(store)
    if as_json:
        click.echo(json.dumps({**counts, "languages": langs}, indent=2))
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key.replace('_', ' '):<{width}}  {value:>8,}")
    click.echo(f"{'languages':<{width}}  " + ", ".join(f"{k} {v}" for k, v in langs.items()))


@cli.command()
@db_option
@click.option("--dyad", nargs=2, metavar="A B", default=None, help="Only events between these two actors.")
@click.option("--directed", is_flag=True, help="With --dyad: only events from A to B.")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this PLOVER type (repeatable).")
@click.option("--since", default=None, metavar="DATE", help="Only events dated on or after YYYY[-MM[-DD]].")
@click.option("--until", default=None, metavar="DATE", help="Only events dated on or before YYYY[-MM[-DD]].")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def events(db: str, dyad: tuple[str, str] | None, directed: bool, types: tuple[str, ...], since: str | None,
           until: str | None, limit: int | None, fmt: str) -> None:
    """List PLOVER events with their evidence sentences, newest first.

    Each event shows who did what to whom, whether it is negated, its modality (actual,
    intended, hypothetical, alleged, denied), its date and the sentence it came from.

    Example:

    \b
        dyadwatch events --dyad CHN RUS
        dyadwatch events --dyad CHN RUS --directed --type SANCTION --type AID --since 2022-02
        dyadwatch events --format csv > events.csv
    """
    from dyadwatch.store.queries import list_events

    store = _open(db, readonly=True)
    with errors_as_messages():
        rows = list_events(store, dyad=dyad, types=types, since=since, until=until, directed=directed,
                           limit=limit)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].as_dict()) if rows else ["source"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.as_dict() for r in rows)
        return
    if not rows:
        click.echo("No events match.", err=True)
        return
    width = _width()
    for r in rows:
        flags = ("NOT " if r.negated else "") + r.type
        modality = "" if r.modality == "actual" else f" ({r.modality})"
        click.echo(f"{r.date or 'undated':<10}  {r.source:>5} → {r.target:<5} {flags}{modality}"
                   f"  [{r.document_id[:8]} '{r.trigger}']")
        click.echo(textwrap.fill(" ".join(r.sentence.split()), width=width, initial_indent="            ",
                                 subsequent_indent="            "))
    click.echo(f"{len(rows)} event(s)", err=True)


def _listing_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--dyad, --since, --until, --limit and --format, identical on every listing command."""
    for option in reversed([
        click.option("--dyad", nargs=2, metavar="A B", default=None, help="Only items about both actors."),
        click.option("--since", default=None, metavar="DATE",
                     help="Only from documents published on or after YYYY[-MM[-DD]]."),
        click.option("--until", default=None, metavar="DATE",
                     help="Only from documents published on or before YYYY[-MM[-DD]]."),
        click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many."),
        click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                     show_default=True),
    ]):
        fn = option(fn)
    return fn


class _Listed(Protocol):
    """An item of a listing (``dyadwatch.store.queries``)."""

    @property
    def sentence(self) -> str | None: ...

    def as_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_Listed)


def _dump(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    """Rows as JSON or CSV (lists and dicts in a CSV cell as JSON)."""
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, ensure_ascii=False))
        return
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["document_id"], lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in r.items()})


def _emit(rows: Sequence[T], fmt: str, line: Callable[[T], str], what: str) -> None:
    """Items of a listing (``dyadwatch.store.queries``) as JSON, CSV or a table of ``line`` and
    the sentence."""
    if fmt in ("json", "csv"):
        _dump([r.as_dict() for r in rows], fmt)
        return
    if not rows:
        click.echo(f"No {what} match.", err=True)
        return
    width = _width()
    for r in rows:
        click.echo(line(r))
        click.echo(textwrap.fill(" ".join((r.sentence or "").split()), width=width,
                                 initial_indent="            ", subsequent_indent="            "))
    click.echo(f"{len(rows)} {what}", err=True)


@cli.command()
@db_option
@_listing_options
@click.option("--actor", default=None, metavar="CODE", help="Only quotes by someone acting for this actor.")
@click.option("--speaker", default=None, help="Only quotes whose speaker contains this text.")
@click.option("--direct/--reported", "direct", default=None, help="Only direct quotes, or only reported speech.")
def quotes(db: str, dyad: tuple[str, str] | None, since: str | None, until: str | None, limit: int | None,
           fmt: str, actor: str | None, speaker: str | None, direct: bool | None) -> None:
    """List quotes with their speakers, the state each speaker acts for, and the cue.

    Example:

    \b
        dyadwatch quotes --actor CHN
        dyadwatch quotes --dyad CHN RUS --direct --format json
    """
    from dyadwatch.store.queries import list_quotes

    store = _open(db, readonly=True)
    with errors_as_messages():
        rows = list_quotes(store, dyad=dyad, actor=actor, speaker=speaker, direct=direct, since=since,
                           until=until, limit=limit)

    def line(r: QuoteItem) -> str:
        who = (r.speaker or "unattributed") + (f" ({r.speaker_actor})" if r.speaker_actor else "")
        kind = "" if r.direct else " [reported]"
        return f"{who}{kind} {r.cue or ''}: “{r.text}”  [{r.document_id[:8]}]"

    _emit(rows, fmt, line, "quote(s)")


@cli.command()
@db_option
@_listing_options
@click.option("--unit", default=None, help="Only this unit (USD, EUR, CNY, percent, count, km, other …).")
@click.option("--measure", default=None, help="Only figures whose measure contains this text.")
def figures(db: str, dyad: tuple[str, str] | None, since: str | None, until: str | None, limit: int | None,
            fmt: str, unit: str | None, measure: str | None) -> None:
    """List reported figures, normalised to a value and unit, with what they measure and when.

    Example:

    \b
        dyadwatch figures --dyad CHN RUS
        dyadwatch figures --unit USD --measure trade --format csv
    """
    from dyadwatch.store.queries import list_figures

    store = _open(db, readonly=True)
    with errors_as_messages():
        rows = list_figures(store, dyad=dyad, unit=unit, measure=measure, since=since, until=until, limit=limit)

    def line(r: FigureItem) -> str:
        value = f"{r.value:,.6g}" + (f"–{r.value_high:,.6g}" if r.value_high is not None else "")
        qual = f"{r.qualifier} " if r.qualifier else ""
        extra = "; ".join(x for x in (r.measure, r.period) if x)
        return f"{qual}{value} {r.unit}  '{r.raw}'" + (f"  ({extra})" if extra else "") + \
            f"  [{r.document_id[:8]}]"

    _emit(rows, fmt, line, "figure(s)")


@cli.command()
@db_option
@_listing_options
@click.option("--actor", default=None, metavar="CODE", help="Only claims that mention this actor.")
def claims(db: str, dyad: tuple[str, str] | None, since: str | None, until: str | None, limit: int | None,
           fmt: str, actor: str | None) -> None:
    """List the claims each article makes: the checkable sentences cross-source comparison works on.

    Example:

    \b
        dyadwatch claims --dyad CHN RUS
        dyadwatch claims --actor IND --format json
    """
    from dyadwatch.store.queries import list_claims

    store = _open(db, readonly=True)
    with errors_as_messages():
        rows = list_claims(store, dyad=dyad, actor=actor, since=since, until=until, limit=limit)

    def line(r: ClaimItem) -> str:
        who = f" ({r.speaker})" if r.speaker else ""
        sign = "−" if r.polarity < 0 else "+"
        return f"{r.id}  {sign} {' '.join(r.actors)}{who}  {r.outlet or r.document_source}"

    _emit(rows, fmt, line, "claim(s)")


@cli.command()
@db_option
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--since", default=None, metavar="DATE",
              help="Only events dated (else published) and documents published on or after YYYY[-MM[-DD]].")
@click.option("--until", default=None, metavar="DATE",
              help="Only events dated (else published) and documents published on or before YYYY[-MM[-DD]].")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="md: Markdown with chart files beside it; html: one self-contained page, charts inline.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report here; Markdown charts go to a folder beside it (report.md -> report_files/). "
                   "Without it the report is printed (Markdown without charts).")
@click.option("--images", "image_format", type=click.Choice(["png", "svg"]), default="png", show_default=True,
              help="File format of the charts of a Markdown report.")
def report(db: str, a: str, b: str, since: str | None, until: str | None, fmt: str, out: str | None,
           image_format: str) -> None:
    """Report how two actors relate: activity, asymmetry, stance, the terms of the relationship,
    figures, and where sources agree or contradict each other, every point with its sentence.

    Example:

    \b
        dyadwatch report CHN RUS --out china-russia.md
        dyadwatch report CHN RUS --since 2022-02 --format html --out china-russia.html
        dyadwatch report IND CHN > india-china.md
    """
    from dyadwatch.report.dyad import build_dyad_report
    from dyadwatch.report.render import render_html, render_markdown, write_report

    store = _open(db, readonly=True)
    with errors_as_messages():
        result = build_dyad_report(store, a, b, since=since, until=until)
        if out is None:
            click.echo(render_markdown(result) if fmt == "md" else render_html(result), nl=False)
            return
        written = write_report(result, out, fmt=fmt, image_format=image_format)
    charts = written[1:]
    where = f", {len(charts)} chart(s) in {charts[0].parent}" if charts else ""
    click.echo(f"{out}: report on {result.pair.a}–{result.pair.b}{where}", err=True)


@cli.command()
@db_option
@click.option("--relation", type=click.Choice(["agree", "contradict"]), default=None,
              help="Only agreements, or only contradictions.")
@click.option("--dyad", nargs=2, metavar="A B", default=None,
              help="Only relations about both actors (one sentence names both, the other at least one).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def relations(db: str, relation: str | None, dyad: tuple[str, str] | None, limit: int | None, fmt: str) -> None:
    """List where sources agree or contradict each other: both sentences, their sources, the score
    and the reason, strongest first.

    Example:

    \b
        dyadwatch relations --relation contradict
        dyadwatch relations --dyad CHN RUS --format json
    """
    from dyadwatch.store.queries import list_relations

    store = _open(db, readonly=True)
    with errors_as_messages():
        rows = list_relations(store, relation=relation, dyad=dyad, limit=limit)
    if fmt != "table":
        _dump([r.as_dict() for r in rows], fmt)
        return
    if not rows:
        click.echo("No relations match.", err=True)
        return
    width = _width()
    for r in rows:
        click.echo(f"{r.relation.upper():<10} {r.score:.2f}  {r.why}")
        for side in ("a", "b"):
            source = r.side(side, "outlet") or r.side(side, "source")
            click.echo(f"    [{r.side(side, 'document')[:8]}] {source}, {r.side(side, 'published') or 'undated'}")
            click.echo(textwrap.fill("“" + " ".join((r.side(side, "sentence") or "").split()) + "”", width=width,
                                     initial_indent="        ", subsequent_indent="        "))
    click.echo(f"{len(rows)} relation(s)", err=True)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost makes the dashboard reachable from "
                   "other machines (it has no login).")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Server processes answering requests (default: one per CPU core). Each reads the database "
                   "through its own read-only connections.")
def serve(db: str, host: str, port: int, workers: int | None) -> None:
    """Start a local web dashboard over the store (read-only): dyads, documents, events, quotes, figures.

    Needs the optional 'web' dependencies: pip install 'dyadwatch[web]'. The dashboard only
    reads the database, so it can run while 'dyadwatch ingest' adds to it.

    Example:

    \b
        dyadwatch serve
        dyadwatch serve --db china-russia.db --port 8080 --workers 4
    """
    try:
        import uvicorn

        from dyadwatch.web.app import DB_ENV, make_app
    except ImportError as exc:
        raise click.ClickException(
            f"dyadwatch serve needs the optional 'web' dependencies ({exc.name} is missing). "
            "Install them with: pip install 'dyadwatch[web]'") from None
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database. Ingest something first: dyadwatch ingest --db {db} ARTICLES")
    from dyadwatch.store.migrations import MIGRATIONS

    store = _open(db, readonly=True)
    pending = set(name for name, _ in MIGRATIONS) - set(store.applied_migrations())
    store.close()
    if pending:
        # e.g. a database from before full-text search: add the new tables once, as ingest would
        click.echo(f"Updating {db} to the current schema ({', '.join(sorted(pending))})", err=True)
        _open(db).close()
    with errors_as_messages():
        app = make_app(db)  # also checks the database before any worker starts
    workers = workers or serve_workers()
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: the dashboard is reachable from other machines and has no "
                   "login. Use --host 127.0.0.1 to keep it local.", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dyadwatch dashboard for {db} at http://{shown}:{port}/ ({workers} worker(s); Ctrl-C to stop)",
               err=True)
    # uvicorn closes an idle keep-alive connection after 5 s, just when httpx (5 s too) and other
    # clients reuse it: under load some requests then failed with "Server disconnected without
    # sending a response" (bench/load.py). Idle connections are cheap on a local dashboard.
    options: dict[str, Any] = dict(host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE)
    if workers == 1:
        uvicorn.run(app, **options)
        return
    # worker processes build their own app (uvicorn starts them from an import string); the
    # database reaches them through the environment they inherit
    app.state.pool.close()
    os.environ[DB_ENV] = str(Path(db).resolve())
    uvicorn.run("dyadwatch.web.app:app_from_environment", factory=True, workers=workers, **options)


def serve_workers() -> int:
    """One server process per CPU core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the Parquet files; running the same batch again completes it.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786). Default: a LocalCluster on this machine.")
@click.option("--workers", "n_workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the LocalCluster (default: one per core); not used with --scheduler.")
@click.option("--partition-size", type=click.IntRange(min=1), default=250, show_default=True,
              help="Articles per partition (one task on one worker).")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Further attempts at a failed partition before it is reported.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or warnings; only the summary.")
@click.option("--model", default=None, envvar=env_name("model"), show_envvar=True, help=HELP["model"])
def batch(inputs: tuple[str, ...], out_dir: str, scheduler: str | None, n_workers: int | None,
          partition_size: int, retries: int, quiet: bool, model: str | None) -> None:
    """Analyse a large corpus on a Dask cluster into partitioned Parquet files.

    INPUT: .txt .md .html .jsonl .jsonl.gz and .parquet files, and directories of them. Workers
    run the same analysis as 'dyadwatch ingest' and never touch the database; bring the results
    into one with 'dyadwatch load'. The Parquet files (DIR/events/*.parquet …) can be queried as
    they are, with DuckDB for example. A failed partition is retried, then reported; the rest go
    on. Needs the optional 'batch' dependencies: pip install 'dyadwatch[batch]'.

    Example:

    \b
        dyadwatch batch corpus/ news-2025.jsonl.gz --out out/
        dyadwatch batch articles.parquet --out out/ --scheduler tcp://10.0.0.5:8786
        dyadwatch load --db news.db out/
    """
    from dyadwatch.batch import require_batch_dependencies

    with errors_as_messages():
        require_batch_dependencies("batch")
        settings = load_settings({"model": model})
    from dyadwatch.batch import count_items, run_batch

    def show(message: str) -> None:
        if not quiet:
            kind = "warning" if message.startswith("[W") else "error"
            click.echo(f"{kind}: {message}", err=True)

    started = time.monotonic()
    state = {"records": 0, "said": started}

    def progress_line(report: Any) -> None:
        state["records"] += report.items
        now = time.monotonic()
        if report.status == "failed" or now - state["said"] >= 10:
            state["said"] = now
            click.echo(f"batch: partition {report.index} {report.status}; {state['records']:,} records so far, "
                       f"{state['records'] / max(now - started, 1e-9):.1f}/s", err=True)

    kwargs = dict(scheduler=scheduler, n_workers=n_workers, partition_size=partition_size, retries=retries,
                  settings=settings, on_message=show)
    with errors_as_messages():
        if quiet:
            summary = run_batch(inputs, out_dir, **kwargs)
        elif sys.stderr.isatty():
            with click.progressbar(length=count_items(inputs), label="Analysing", file=sys.stderr,
                                   show_pos=True) as bar:
                summary = run_batch(inputs, out_dir, on_partition=lambda r: bar.update(r.items), **kwargs)
        else:
            summary = run_batch(inputs, out_dir, on_partition=progress_line, **kwargs)
    rate = summary.items / summary.seconds if summary.seconds else 0.0
    parts = [f"{summary.done} partitions written ({summary.items:,} records, {summary.documents:,} documents)",
             f"{summary.skipped} already written", f"{len(summary.failed_partitions)} failed",
             f"{summary.failed} records failed"]
    click.echo(f"{out_dir}: " + ", ".join(parts) + f"; {rate:.1f} records/s on {summary.workers} worker(s)")
    if summary.done + summary.skipped:
        click.echo(f"load them into a database with: dyadwatch load --db dyadwatch.db {out_dir}", err=True)
    if not summary.ok:
        sys.exit(1)


@cli.command()
@db_option
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--no-compare", is_flag=True, help="Skip the cross-document comparison (run 'dyadwatch compare' later).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings; only the summary.")
def load(db: str, directory: str, no_compare: bool, quiet: bool) -> None:
    """Load the Parquet output of 'dyadwatch batch' into the store, then compare.

    Each document is written in one transaction and stored once (a document already in the
    store is not stored again), so a killed load can simply be run again.

    Example:

    \b
        dyadwatch load --db news.db out/
    """
    from dyadwatch.batch import require_batch_dependencies

    with errors_as_messages():
        require_batch_dependencies("load")
    from dyadwatch.batch.load import load_results, partition_indexes

    def show(message: str) -> None:
        if not quiet:
            kind = "warning" if message.startswith("[W") else "error"
            click.echo(f"{kind}: {message}", err=True)

    store = _open(db)
    with errors_as_messages():
        total = len(partition_indexes(directory)) if Path(directory).is_dir() else 0
        if quiet or total < 2 or not sys.stderr.isatty():
            summary = load_results(store, directory, compare=not no_compare, on_message=show)
        else:
            with click.progressbar(length=total, label="Loading", file=sys.stderr, show_pos=True) as bar:
                summary = load_results(store, directory, compare=not no_compare, on_message=show,
                                       on_partition=lambda _i, _n: bar.update(1))
    store.close()
    _finish_store_command(db, summary, [f"{summary.loaded} of {summary.partitions} partitions loaded"], quiet)


#: seconds `dyadwatch serve` keeps an idle HTTP connection open
KEEP_ALIVE = 30


def _width() -> int:
    import shutil

    return max(60, min(110, shutil.get_terminal_size((100, 20)).columns))


def main() -> None:
    cli(prog_name="dyadwatch")


__all__ = ["cli", "main"]
