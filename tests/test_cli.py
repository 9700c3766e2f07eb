"""The command line, run in-process on real files and real databases."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import __version__
from dyadwatch.cli import cli

from conftest import EXAMPLES, ROOT

ARTICLE = ("Seoul and Tokyo agreed on Monday to resume security talks, officials said.\n\n"
           "The defence ministers will meet again next month.\n")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE)
    (d / "b.md").write_text("# Ties deepen\n\nBy Jo Park\n\n" + ARTICLE.replace("Monday", "Friday"))
    return d


def test_cli_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output == f"dyadwatch, version {__version__}\n"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"dyadwatch {command}" in result.output


def test_cli_python_dash_m_works() -> None:
    out = subprocess.run([sys.executable, "-m", "dyadwatch", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout and "export" in out.stdout


def test_cli_ingest_twice_stores_once(tmp_path: Path, corpus: Path, nlp) -> None:
    db = tmp_path / "x.db"
    first = run("ingest", "--db", str(db), str(corpus))
    assert first.exit_code == 0, first.output
    assert "2 added, 0 already present, 0 failed" in first.stdout
    assert "compared 2 documents" in first.stdout
    second = run("ingest", "--db", str(db), str(corpus), "--quiet")
    assert second.exit_code == 0
    assert second.stdout.strip().endswith("0 added, 2 already present, 0 failed")  # nothing new: no comparison
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] >= 4


def test_cli_db_from_environment(tmp_path: Path, corpus: Path, nlp) -> None:
    db = tmp_path / "env.db"
    result = run("ingest", str(corpus / "a.txt"), env={"DYADWATCH_DB": str(db)})
    assert result.exit_code == 0 and db.exists()
    stats = run("stats", "--json", env={"DYADWATCH_DB": str(db)})
    assert json.loads(stats.output)["documents"] == 1


def test_cli_ingest_exit_code_only_fails_when_nothing_ingested(tmp_path: Path, corpus: Path, nlp) -> None:
    db = tmp_path / "x.db"
    (corpus / "empty.txt").write_text("")
    partly = run("ingest", "--db", str(db), str(corpus), str(tmp_path / "nope.txt"))
    assert partly.exit_code == 0
    assert "2 added, 0 already present, 2 failed" in partly.stdout
    assert "error: [DW101]" in partly.stderr and "nope.txt" in partly.stderr
    assert "error: [DW103]" in partly.stderr and "empty.txt" in partly.stderr
    nothing = run("ingest", "--db", str(db), str(tmp_path / "nope.txt"))
    assert nothing.exit_code == 1
    assert "0 added, 0 already present, 1 failed" in nothing.stdout
    assert json.loads(run("stats", "--db", str(db), "--json").output)["documents"] == 2


def test_cli_bad_database_is_one_clear_line(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes")
    result = run("ingest", "--db", str(db), str(corpus))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [DW301]") and str(db) in result.stderr
    assert result.stderr.count("\n") == 1
    assert db.read_text() == "these are my notes"


def test_cli_export_records_jsonl_and_csv(tmp_path: Path, corpus: Path, nlp) -> None:
    db = tmp_path / "x.db"
    run("ingest", "--db", str(db), str(corpus), "--quiet")
    out = tmp_path / "records.jsonl"
    result = run("export", "--db", str(db), "--out", str(out))
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 2
    assert {r["meta"]["title"] for r in records} >= {"Ties deepen"}
    stdout = run("export", "--db", str(db), "--format", "csv")
    lines = stdout.output.splitlines()
    assert lines[0].startswith("id,source,url,title,outlet,authors,published")
    assert len(lines) == 3
    events = run("export", "--db", str(db), "--what", "events", "--format", "csv")
    assert events.exit_code == 0 and events.output.startswith("id,document_id,")
    relations = run("export", "--db", str(db), "--what", "relations")
    assert relations.exit_code == 0


def test_cli_export_of_missing_database_fails_cleanly(tmp_path: Path) -> None:
    result = run("export", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "[DW304]" in result.stderr and "ingest something first" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_cli_show_and_stats(tmp_path: Path, corpus: Path, nlp) -> None:
    db = tmp_path / "x.db"
    run("ingest", "--db", str(db), str(corpus), "--quiet")
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents WHERE title = 'Ties deepen'")]
    shown = run("show", "--db", str(db), ids[0][:8])
    assert shown.exit_code == 0
    assert f"Document {ids[0]}" in shown.output and "Ties deepen" in shown.output and "Jo Park" in shown.output
    for section in ("Actors", "Events", "Quotes", "Figures", "Claims", "Stance"):
        assert f"\n{section} (" in shown.output
    missing = run("show", "--db", str(db), "ffffffffffff")
    assert missing.exit_code == 1 and "[DW303]" in missing.stderr
    stats = run("stats", "--db", str(db))
    assert stats.exit_code == 0 and "documents" in stats.output and "events" in stats.output


def test_cli_demo_examples_ingest(tmp_path: Path, nlp) -> None:
    db = tmp_path / "ex.db"
    result = run("ingest", "--db", str(db), str(EXAMPLES))
    assert result.exit_code == 0, result.output
    assert "7 added, 0 already present, 0 failed" in result.stdout
    assert "README.md" in result.stderr  # skipped, and said so


def test_cli_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "./scripts/test" in readme and "./scripts/test" in ci
    assert "./scripts/demo" in readme


def test_cli_events_filters_and_formats(examples_db: Path) -> None:
    db = str(examples_db)
    table = run("events", "--db", db, "--dyad", "IND", "CHN")
    assert table.exit_code == 0 and "→" in table.output
    rows = json.loads(run("events", "--db", db, "--dyad", "CHN", "IND", "--format", "json").output)
    assert rows and all({r["source"], r["target"]} == {"CHN", "IND"} for r in rows)
    assert all(r["sentence"] and r["type"] for r in rows)
    directed = json.loads(run("events", "--db", db, "--dyad", "CHN", "IND", "--directed", "--format", "json").output)
    assert directed and all((r["source"], r["target"]) == ("CHN", "IND") for r in directed)
    consult = json.loads(run("events", "--db", db, "--type", "CONSULT", "--since", "2025", "--format", "json").output)
    assert consult and all(r["type"] == "CONSULT" and r["date"] >= "2025" for r in consult)
    csv_out = run("events", "--db", db, "--format", "csv", "--limit", "2").output.splitlines()
    assert csv_out[0].startswith("document_id,") and len(csv_out) == 3
    bad = run("events", "--db", db, "--type", "HUG")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: [DW403] Option '--type' has value 'HUG'")
    bad_date = run("events", "--db", db, "--since", "last tuesday")
    assert bad_date.exit_code == 1 and "[DW403]" in bad_date.stderr


def test_cli_show_marks_events_and_explains_actors(examples_db: Path) -> None:
    conn = sqlite3.connect(examples_db)
    doc_id = conn.execute("SELECT document_id FROM events GROUP BY document_id ORDER BY count(*) DESC").fetchone()[0]
    trigger = conn.execute("SELECT trigger FROM events WHERE document_id = ? ORDER BY start LIMIT 1",
                           (doc_id,)).fetchone()[0]
    shown = run("show", "--db", str(examples_db), "--text", doc_id)
    assert shown.exit_code == 0
    assert f"⟦{trigger}⟧1" in shown.output
    assert "via " in shown.output and "[dyadwatch.countries.v2]" in shown.output
    assert "«" in shown.output and "»IND" in shown.output


def test_cli_quotes_figures_claims_listings(seeds_db: Path) -> None:
    db = str(seeds_db)
    quotes = json.loads(run("quotes", "--db", db, "--format", "json").output)
    assert quotes and all(q["text"] and q["sentence"] for q in quotes)
    assert any(q["speaker"] and q["speaker"].endswith("Blinken") and q["speaker_actor"] == "USA" for q in quotes)
    direct = json.loads(run("quotes", "--db", db, "--direct", "--format", "json").output)
    reported = json.loads(run("quotes", "--db", db, "--reported", "--format", "json").output)
    assert len(direct) + len(reported) == len(quotes) and all(q["direct"] for q in direct)
    usa = json.loads(run("quotes", "--db", db, "--actor", "USA", "--format", "json").output)
    assert usa and all(q["speaker_actor"] == "USA" for q in usa)
    figures = json.loads(run("figures", "--db", db, "--unit", "USD", "--format", "json").output)
    assert any(abs(f["value"] - 146.87e9) < 1e6 for f in figures)
    assert all(f["unit"] == "USD" for f in figures)
    pct = run("figures", "--db", db, "--unit", "percent")
    assert pct.exit_code == 0 and "29" in pct.output
    claims = json.loads(run("claims", "--db", db, "--dyad", "CHN", "RUS", "--format", "json").output)
    assert claims and all({"CHN", "RUS"} <= set(c["actors"]) for c in claims)
    table = run("claims", "--db", db, "--limit", "2")
    assert table.exit_code == 0 and table.output.count("\n") >= 2
    bad = run("figures", "--db", db, "--dyad", "CHN", "R$S")
    assert bad.exit_code == 1 and "[DW403]" in bad.stderr
