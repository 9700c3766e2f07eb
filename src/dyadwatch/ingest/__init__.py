"""Ingest: files, HTML and JSONL into ``Document`` records with metadata."""

from dyadwatch.ingest.documents import build_document, document_id
from dyadwatch.ingest.readers import Failure, Notice, discover, read_path

__all__ = ["Failure", "Notice", "build_document", "discover", "document_id", "read_path"]
