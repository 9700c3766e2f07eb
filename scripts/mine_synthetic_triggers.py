"""List trigger words the NGEC-2025 synthetic stories tie to one PLOVER type and the lexicon lacks.

The event lexicon (``dyadwatch.events.v2``, built by ``scripts/build_event_triggers.py``) was
written by hand from the PLOVER codebook. This script checks it against data the project may
learn from: the 4,500 PLOVER-labelled synthetic stories of ``../shared/external/ahalterman-NGEC-2025/
gpt_synthetic_events_2023-10-19_19.csv.zip`` (each with one label; never the gold sets ``eval/dev``,
``eval/wide`` or ``plover-gsr-gold``, which are for measuring only).

What it counts, per label: in each distinct headline template (the prompt's first line, so a
template written for many stories counts once) and in the lead sentence of every story, parsed
with the project's spaCy model, the lemma of every clause-heading verb, every verb with its
direct object ("impose_curfew", written as the lexicon writes a fixed object) and every noun.
A word is a candidate when it occurs at least ``--min-count`` times, at least ``--min-purity``
of them under one label, and the lexicon has no entry for it with that type. Most candidates
are topic words, not triggers ("internet" under COERCE, "teacher" under PROTEST), and some
labels follow the generator's prompts rather than English (lifting restrictions is CONCEDE, so
"restriction" leans CONCEDE): the list is read by a person, and the words taken from it are
written into ``build_event_triggers.py`` with their counts, under the codebook's definition.

    .venv/bin/python scripts/mine_synthetic_triggers.py                  # print the candidates
    .venv/bin/python scripts/mine_synthetic_triggers.py --json out.json  # and write every count
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT.parent / "shared" / "external" / "ahalterman-NGEC-2025" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
#: dependency labels of a verb that heads a clause of its own
CLAUSE_DEPS = {"ROOT", "conj", "xcomp", "ccomp", "advcl"}


def read_stories(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise SystemExit(f"{path} not found: the shared kit must sit beside the checkout")
    csv.field_size_limit(10**8)
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.endswith(".csv")]
        if len(names) != 1:
            raise SystemExit(f"{path}: expected one CSV file inside, found {names}")
        with zf.open(names[0]) as fh:
            return list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))


def texts_and_labels(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    """Each distinct headline template once, and every story's lead sentence."""
    out, templates = [], set()
    for r in rows:
        if r["title"] not in templates:
            templates.add(r["title"])
            out.append((r["prompt"].split("\n")[0], r["label"]))
        lead = re.split(r"(?<=[.!?])\s", r["text"].strip(), maxsplit=1)[0]
        out.append((lead, r["label"]))
    return out


def count(nlp, items: list[tuple[str, str]]) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    docs = nlp.pipe((t for t, _ in items), batch_size=256)
    for doc, (_, label) in zip(docs, items):
        for t in doc:
            if t.pos_ not in ("VERB", "NOUN") or not t.is_alpha or len(t) < 3:
                continue
            if t.pos_ == "VERB" and t.dep_ not in CLAUSE_DEPS:
                continue
            counts[f"{t.lemma_.lower()}/{t.pos_}"][label] += 1
            if t.pos_ == "VERB":
                for c in t.children:
                    if c.dep_ == "dobj" and c.pos_ == "NOUN":
                        counts[f"{t.lemma_.lower()}_{c.lemma_.lower()}/VERB"][label] += 1
    return counts


def candidates(counts: dict[str, Counter], min_count: int, min_purity: float) -> list[dict]:
    from dyadwatch.analyze.events import load_lexicon

    lex = load_lexicon("dyadwatch.events.v2")
    out = []
    for key, by_label in counts.items():
        n = sum(by_label.values())
        label, top = by_label.most_common(1)[0]
        if n < min_count or top / n < min_purity:
            continue
        word, pos = key.split("/")
        head, _, particle = word.partition("_")
        entries = (lex.verbs if pos == "VERB" else lex.nouns).get(head, [])
        if any(t.type == label for t in entries) or (particle and entries):
            continue  # the lexicon has the word with this type, or the head word at all
        out.append({"word": word, "pos": pos, "label": label, "count": top, "of": n,
                    "purity": round(top / n, 2), "lexicon": sorted({t.type for t in entries})})
    return sorted(out, key=lambda c: (c["label"], -c["count"], c["word"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=6)
    ap.add_argument("--min-purity", type=float, default=0.75)
    ap.add_argument("--json", type=Path, help="also write every count and the candidates here")
    a = ap.parse_args(argv)
    try:
        import dyadwatch  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
    import spacy

    from dyadwatch.analyze.pipeline import model_name

    model = model_name("")  # the model the analysis uses
    nlp = spacy.load(model, disable=["ner"])
    rows = read_stories(STORIES)
    items = texts_and_labels(rows)
    counts = count(nlp, items)
    found = candidates(counts, a.min_count, a.min_purity)
    print(f"{len(rows)} stories, {len(items)} headlines and leads parsed with {model}; "
          f"{len(found)} candidates (count >= {a.min_count}, purity >= {a.min_purity})")
    for c in found:
        known = f"  lexicon: {', '.join(c['lexicon'])}" if c["lexicon"] else ""
        print(f"  {c['label']:10s} {c['word']:24s} {c['pos']:5s} {c['count']:4d}/{c['of']:<4d} "
              f"{c['purity']:.2f}{known}")
    if a.json:
        a.json.write_text(json.dumps({"counts": {k: dict(v) for k, v in sorted(counts.items())},
                                      "candidates": found}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
