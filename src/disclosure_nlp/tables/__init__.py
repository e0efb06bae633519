"""The statutory tables of the 2019 and 2021 formats: schema, cells, reader, records, checks.

Pure logic, no spaCy: :func:`read_tables` turns a report text (with its
section and table-block ranges) into parsed tables and consistency checks;
the ``disclosure_tables`` component writes the result onto a Doc.
"""

from .checks import Check, run_checks
from .reader import TableReader, read_tables
from .records import ParsedCell, ParsedTable, TablesResult
from .schema import FORMATS, TABLE_NAMES, TableSchema, load_table_schema, normalize_label

__all__ = [
    "FORMATS",
    "TABLE_NAMES",
    "Check",
    "ParsedCell",
    "ParsedTable",
    "TableReader",
    "TableSchema",
    "TablesResult",
    "load_table_schema",
    "normalize_label",
    "read_tables",
    "run_checks",
]
