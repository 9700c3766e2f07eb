"""Write the reference sentence vectors that tests/test_compare_embeddings.py checks against.

The vectors pin what ``dyadwatch.analyze.embeddings`` gives today for a fixed set of sentences
(written for this project), so that a change of where the tokenizer or the model comes from can
be proved not to change them (cosine >= 0.999 per sentence).

    .venv/bin/python scripts/embedding_reference.py            # writes tests/data/minilm_reference.json

Rerun it only on purpose: when the vectors are meant to change (another model), and say so in
the commit message.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SENTENCES = [
    "Ankara and Athens agreed to reopen talks on the maritime border.",
    "Beijing will not join the sanctions, the foreign ministry said on Tuesday.",
    "Seoul's trade with Tokyo fell 12.5% in 2024, to $71bn.",
    "“We have no plans to lift the ban,” an Indian official told reporters.",
    "The summit in Astana ended without a joint statement.",
    "Cairo accused Addis Ababa of filling the GERD reservoir unilaterally.",
    "Président Macron s'est rendu à Pékin — une visite très médiatisée.",
    "中国和俄罗斯 signed a memorandum on energy co-operation.",
    "U.S.-Venezuela relations: a timeline (1999–2025)",
    "",
    "   ",
    "Manila protested after a coast guard vessel used water cannon near Second Thomas Shoal. " * 30,
]


def main(out: Path) -> None:
    from dyadwatch.analyze.embeddings import Embedder

    vectors = Embedder().encode(SENTENCES)
    payload = {
        "about": "all-MiniLM-L6-v2 vectors of dyadwatch.compare.embeddings; written by "
                 "scripts/embedding_reference.py",
        "sentences": [{"text": s, "vector": [round(float(x), 6) for x in v]}
                      for s, v in zip(SENTENCES, vectors)],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(SENTENCES)} vectors", file=sys.stderr)


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "tests" / "data" / "minilm_reference.json")
