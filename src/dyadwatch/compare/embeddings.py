"""Moved: the sentence embedder is part of analysis, ``dyadwatch.analyze.embeddings``.

Compare uses it to align claims; this name is kept so that code written against it still runs.
"""

from dyadwatch.analyze.embeddings import (  # noqa: F401
    DIM,
    INSTALL,
    TOKENIZER_FILE,
    TOKENIZER_SHA256,
    Embedder,
    EmbeddingModelMissing,
    check_installed,
    encode,
    tokenizer_path,
)

__all__ = ["DIM", "Embedder", "EmbeddingModelMissing", "INSTALL", "check_installed", "encode", "tokenizer_path"]
