"""What the table reader returns: cells, tables and a report's result, as plain data.

Each record converts to and from plain dicts (``to_dict``/``from_dict``), so a
result survives DocBin, multiprocessing and JSONL (the ``table`` and ``check``
records of INTERFACE.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import TABLE_NAMES


@dataclass
class ParsedCell:
    """One cell: row and column keys (None where not certain), value, raw text, offsets,
    and for an amount of money its unit (:func:`.cells.cell_unit`)."""

    table: str
    row: str | None
    column: str | None
    value: int | float | None
    raw: str
    start: int | None
    end: int | None
    ambiguous: bool = False
    unit: str | None = None

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
            "ambiguous": self.ambiguous,
            "unit": self.unit,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ParsedCell:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


@dataclass
class ParsedTable:
    """A table as read: its region, mode, the rows found and the cells.

    ``rows``: the data rows whose labels the region has, in schema order.
    ``ambiguous_rows``: rows whose values could not be placed in columns.
    ``missing_rows``: rows whose label is there but whose cells are cut off.
    """

    name: str
    start: int
    end: int
    mode: str
    rows: list[str] = field(default_factory=list)
    ambiguous_rows: list[str] = field(default_factory=list)
    missing_rows: list[str] = field(default_factory=list)
    cells: list[ParsedCell] = field(default_factory=list)

    def cell(self, row: str, column: str) -> ParsedCell | None:
        """The placed (not ambiguous) cell at row, column."""
        for cell in self.cells:
            if cell.row == row and cell.column == column and not cell.ambiguous:
                return cell
        return None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "mode": self.mode,
            "rows": list(self.rows),
            "ambiguous_rows": list(self.ambiguous_rows),
            "missing_rows": list(self.missing_rows),
            "cells": [c.to_dict() for c in self.cells],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ParsedTable:
        return cls(
            name=data["name"],
            start=data["start"],
            end=data["end"],
            mode=data["mode"],
            rows=list(data["rows"]),
            ambiguous_rows=list(data["ambiguous_rows"]),
            missing_rows=list(data["missing_rows"]),
            cells=[ParsedCell.from_dict(c) for c in data["cells"]],
        )


@dataclass
class TablesResult:
    """Everything read from one report: format, tables by name, checks."""

    format: str | None
    tables: dict[str, ParsedTable]
    checks: list = field(default_factory=list)  # list[Check]

    def to_dict(self) -> dict:
        """Plain data (str keys, lists, numbers): survives DocBin and multiprocessing."""
        return {
            "format": self.format,
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, data: dict) -> TablesResult:
        from .checks import Check

        return cls(
            format=data["format"],
            tables={n: ParsedTable.from_dict(t) for n, t in data["tables"].items()},
            checks=[Check.from_dict(c) for c in data["checks"]],
        )

    def records(self) -> list[dict]:
        """``table`` and ``check`` records (INTERFACE.md), without ``doc_id``."""
        out = []
        for name in TABLE_NAMES:
            table = self.tables.get(name)
            if table is None:
                continue
            for cell in table.cells:
                record = {"kind": "table", **cell.to_dict()}
                out.append(record)
        out.extend({"kind": "check", **c.to_dict()} for c in self.checks)
        return out
