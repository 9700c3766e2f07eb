"""Train the stance model: src/dyadwatch/dictionaries/data/en/stance_model.v1.json.

The stance component weighs what an article reports between its main pair (events by PLOVER
intensity and position) and how it assesses the relationship (the cue lexicon with negation
scope); hand-set thresholds turned those masses into a label and got ``mixed`` wrong most of
the time. This script learns the combination instead: a multinomial logistic regression over
``dyadwatch.analyze.stance.stance_features`` (L2-regularised, classes weighted to balance),
trained on articles written for this project and labelled by ../shared/eval/GUIDE.md's
conventions, ``scripts/data/stance_articles.v1.jsonl`` (never on the gold sets).

A quarter of the articles (every fourth of each label, in id order) is held out; the model is
fitted on the rest, with the regularisation chosen by cross-validation on the rest alone, and
the held-out accuracy (beside the rules' accuracy on the same articles) is printed and written
into the model file, whose ``heldout`` ids let tests reproduce it. Features come from the real
pipeline (``dyadwatch.load_pipeline``), so the run is deterministic for a given pipeline:

    PYTHONPATH=src .venv/bin/python scripts/train_stance.py            # train, print, write
    PYTHONPATH=src .venv/bin/python scripts/train_stance.py --dry-run  # train and print only
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "scripts" / "data" / "stance_articles.v1.jsonl"
OUT = ROOT / "src" / "dyadwatch" / "dictionaries" / "data" / "en" / "stance_model.v1.json"
#: regularisation strengths tried by cross-validation on the training part
LAMBDAS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5


def read_articles(path: Path = ARTICLES) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if not {"id", "label", "dyad", "text"} <= set(row):
            raise SystemExit(f"{path}: article {row.get('id')!r} lacks id, label, dyad or text")
    return rows


def split(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, held out): every fourth article of each label, in id order, is held out."""
    train, held = [], []
    seen: Counter[str] = Counter()
    for row in sorted(rows, key=lambda r: r["id"]):
        seen[row["label"]] += 1
        (held if seen[row["label"]] % 4 == 0 else train).append(row)
    return train, held


def featurise(rows: list[dict[str, Any]]) -> tuple[list[str], np.ndarray, list[str]]:
    """(feature names, matrix, the rules' labels) of the articles, through the real pipeline."""
    import dyadwatch
    from dyadwatch.analyze.stance import article_features

    nlp = dyadwatch.load_pipeline(dyadwatch.load_settings().model)
    names: list[str] = []
    matrix, rules = [], []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        feats = article_features(doc, row["dyad"])
        names = names or list(feats)
        matrix.append([feats[n] for n in names])
        rules.append(next(n[len("rules_"):] for n in names if n.startswith("rules_") and feats[n] == 1.0))
    return names, np.asarray(matrix, float), rules


def fit(x: np.ndarray, y: np.ndarray, k: int, lam: float, iters: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by gradient descent (x standardised; classes weighted to
    balance; L2 on the weights, not the bias)."""
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(float)
    sample_w = (n / (k * np.maximum(counts, 1.0)))[y]
    onehot = np.eye(k)[y]
    w, b = np.zeros((k, d)), np.zeros(k)
    rate = 0.5
    for _ in range(iters):
        z = x @ w.T + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w[:, None] / n
        w -= rate * (g.T @ x + lam * w)
        b -= rate * g.sum(axis=0)
    return w, b


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.argmax(x @ w.T + b, axis=1)


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    return mean, np.where(scale > 1e-9, scale, 1.0)


def cross_validate(x: np.ndarray, y: np.ndarray, k: int) -> dict[float, float]:
    """Accuracy of each regularisation strength over FOLDS folds of the training part."""
    folds = np.arange(len(y)) % FOLDS
    out = {}
    for lam in LAMBDAS:
        right = 0
        for f in range(FOLDS):
            tr, te = folds != f, folds == f
            mean, scale = standardise(x[tr])
            w, b = fit((x[tr] - mean) / scale, y[tr], k, lam)
            right += int((predict((x[te] - mean) / scale, w, b) == y[te]).sum())
        out[lam] = right / len(y)
    return out


def confusion(gold: list[str], pred: list[str], labels: tuple[str, ...]) -> str:
    lines = ["gold \\ pred   " + " ".join(f"{lab[:6]:>6}" for lab in labels)]
    for g in labels:
        lines.append(f"{g:<13} " + " ".join(f"{sum(1 for a, p in zip(gold, pred) if a == g and p == q):>6}"
                                            for q in labels))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="train and print; do not write the model file")
    args = ap.parse_args()
    from dyadwatch.analyze.stance import LABELS

    rows = read_articles()
    train, held = split(rows)
    names, x_train, _ = featurise(train)
    _, x_held, rules_held = featurise(held)
    index = {lab: i for i, lab in enumerate(LABELS)}
    y_train = np.array([index[r["label"]] for r in train])
    y_held = np.array([index[r["label"]] for r in held])
    cv = cross_validate(x_train, y_train, len(LABELS))
    lam = max(LAMBDAS, key=lambda v: (cv[v], v))  # ties: the stronger regularisation
    mean, scale = standardise(x_train)
    w, b = fit((x_train - mean) / scale, y_train, len(LABELS), lam)
    pred = [LABELS[i] for i in predict((x_held - mean) / scale, w, b)]
    gold = [r["label"] for r in held]
    accuracy = sum(p == g for p, g in zip(pred, gold)) / len(held)
    rules_accuracy = sum(p == g for p, g in zip(rules_held, gold)) / len(held)
    print(f"articles: {len(rows)} ({len(train)} train, {len(held)} held out); labels {dict(Counter(gold))} held out")
    print("cross-validation on train: " + ", ".join(f"lambda {k}: {v:.3f}" for k, v in cv.items()) + f" -> {lam}")
    print(f"held-out accuracy: model {accuracy:.3f}, rules {rules_accuracy:.3f}")
    print(confusion(gold, pred, LABELS))
    if args.dry_run:
        return 0
    model = {
        "name": "stance_model", "lang": "en", "version": 1,
        "description": "Multinomial logistic regression over dyadwatch.analyze.stance.stance_features, "
                       "trained by scripts/train_stance.py on scripts/data/stance_articles.v1.jsonl "
                       "(articles written for this project). Do not edit by hand: rerun the script.",
        "features": names, "labels": list(LABELS),
        "mean": [round(float(v), 6) for v in mean], "scale": [round(float(v), 6) for v in scale],
        "weights": [[round(float(v), 6) for v in row] for row in w], "bias": [round(float(v), 6) for v in b],
        "lambda": lam,
        "heldout": {"ids": [r["id"] for r in held], "accuracy": round(accuracy, 4),
                    "rules_accuracy": round(rules_accuracy, 4)},
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
