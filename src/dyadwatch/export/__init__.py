"""Export: analysis records, events and cross-document relations (JSONL, CSV, Parquet), as
../shared/eval/README.md defines them.

Reads the store only.
"""

from dyadwatch.export.records import (
    RECORD_CSV_COLUMNS,
    analysis_record,
    analysis_records,
    relation_records,
    write_export,
)
# imports pyarrow only when a Parquet file is written (pyarrow is the 'parquet' extra)
from dyadwatch.export.parquet import parquet_schema, write_parquet


__all__ = ["RECORD_CSV_COLUMNS", "analysis_record", "analysis_records", "parquet_schema", "relation_records",
           "write_export", "write_parquet"]
