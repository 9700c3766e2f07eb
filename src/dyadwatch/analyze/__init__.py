"""Analysis: spaCy components that find actors, events, quotes, figures, claims and stance."""

from dyadwatch.analyze.pipeline import analyze_documents, analyzer_version, load_pipeline

__all__ = ["analyze_documents", "analyzer_version", "load_pipeline"]
