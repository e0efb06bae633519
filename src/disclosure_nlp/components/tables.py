"""``disclosure_tables``: the cells of the statutory tables, and their checks.

Reads the three tables of the 2019 and 2021 formats (二 主动公开 第二十条,
三 依申请 by applicant type, 四 行政复议/行政诉讼) inside the table blocks that
``disclosure_sections`` marks, in every flattened layout of the corpus, into
cells keyed by ``resources/table_schema.json`` (see :mod:`disclosure_nlp.tables`).
A blank cell is null; ``/``, ``—``, ``无`` keep their raw text with a null
value; a row whose blank cells were lost is reported as ambiguous, never
guessed. Then it runs the schema's consistency checks and the prose checks.

Writes ``doc._.tables`` (plain data: format, tables, checks) and appends
``table`` and ``check`` records to ``doc.user_data["disclosure_records"]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..extensions import register_extensions
from ..tables.reader import TableReader
from ..tables.schema import SCHEMA_FILE, TableSchema, load_table_schema
from .sections import section_ranges

RECORDS_KEY = "disclosure_records"
RECORD_KINDS = ("table", "check")


class TableParser:
    """spaCy component: statutory table cells and checks onto the Doc."""

    def __init__(self, nlp: Language, name: str = "disclosure_tables", overwrite: bool = True):
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.schema = load_table_schema()
        self.reader = TableReader(self.schema)

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        schema_path: str | None = None,
    ) -> None:
        """Load the schema: the packaged ``table_schema.json`` unless a path is given."""
        self._set_schema(load_table_schema(Path(schema_path) if schema_path else None))

    def _set_schema(self, schema: TableSchema) -> None:
        self.schema = schema
        self.reader = TableReader(schema)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.tables is not None and not self.overwrite:
            return doc
        sections = section_ranges(doc)
        blocks = [(s.start_char, s.end_char) for s in doc.spans.get("tables", [])]
        fmt = (doc._.report or {}).get("format")
        result = self.reader.read(doc_text(doc), sections, blocks, fmt)
        doc._.tables = result.to_dict()
        kept = [r for r in doc.user_data.get(RECORDS_KEY, []) if r.get("kind") not in RECORD_KINDS]
        doc.user_data[RECORDS_KEY] = kept + result.records()
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / SCHEMA_FILE, self.schema.to_dict())

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> TableParser:
        self._set_schema(load_table_schema(Path(path) / SCHEMA_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.schema.to_dict())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TableParser:
        self._set_schema(TableSchema.from_dict(srsly.msgpack_loads(data), "<bytes>"))
        return self


@Language.factory(
    "disclosure_tables",
    assigns=["doc._.tables"],
    requires=["doc.spans"],
    default_config={"overwrite": True},
)
def make_table_parser(nlp: Language, name: str, overwrite: bool) -> TableParser:
    """Factory of :class:`TableParser` (the schema arrives through ``initialize``).

    ``overwrite``: False keeps tables already on the Doc (e.g. read from gold).
    """
    return TableParser(nlp, name, overwrite=overwrite)
