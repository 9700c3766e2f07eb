"""Export: analysis records and cross-document relations, as ../shared/eval/README.md defines them.

Reads the store only.
"""

from dyadwatch.export.records import (
    RECORD_CSV_COLUMNS,
    analysis_record,
    analysis_records,
    relation_records,
    write_export,
)

__all__ = ["RECORD_CSV_COLUMNS", "analysis_record", "analysis_records", "relation_records", "write_export"]
