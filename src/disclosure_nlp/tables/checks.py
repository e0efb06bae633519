"""Consistency checks of the statutory tables, and of the prose against them.

Each check compares two sums of cells and has a status: PASS (equal), FAIL
(not equal; ``delta`` = left - right) or UNCERTAIN (a cell it needs is
missing: its row is not in the table, was cut off, or could not be placed).
A blank cell or a marker (``/``, ``—``, ``无``) counts as 0 in a sum (the
forms leave zeros blank); the cell itself keeps its null value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize import parse_number
from .schema import CheckSpec, ProseCheckSpec, TableSchema

PASS, FAIL, UNCERTAIN = "PASS", "FAIL", "UNCERTAIN"
_SENTENCE_END = "。；;！!？?\n"


@dataclass
class Check:
    """One check: name, status, the two sides, their difference and the cells used."""

    name: str
    status: str
    left: int | float | None
    right: int | float | None
    delta: int | float | None
    cells: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "status": self.status,
            "left": self.left,
            "right": self.right,
            "delta": self.delta,
            "cells": [dict(c) for c in self.cells],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Check:
        return cls(
            data["name"], data["status"], data["left"], data["right"], data["delta"],
            [dict(c) for c in data["cells"]],
        )  # fmt: skip


def _clean(x: float) -> int | float:
    x = round(x, 6)
    return int(x) if float(x).is_integer() else x


def _side(tables: dict, refs: Sequence[tuple[str, str, str]]) -> tuple[float | None, list[dict]]:
    """Sum of cells (blank = 0); None when one is missing."""
    total: float | None = 0
    used = []
    for table_name, row, column in refs:
        table = tables.get(table_name)
        cell = table.cell(row, column) if table is not None else None
        if cell is None:
            used.append(
                {"table": table_name, "row": row, "column": column, "value": None, "raw": None,
                 "missing": True}
            )  # fmt: skip
            total = None
            continue
        used.append(
            {"table": table_name, "row": row, "column": column, "value": cell.value,
             "raw": cell.raw, "start": cell.start, "end": cell.end}
        )  # fmt: skip
        if total is not None and cell.value is not None:
            total += cell.value
    return total, used


def compare(name: str, tables: dict, left_refs: list, right_refs: list) -> Check:
    """A check of sum(left cells) against sum(right cells)."""
    left, left_cells = _side(tables, left_refs)
    right, right_cells = _side(tables, right_refs)
    return _status(name, left, right, left_cells + right_cells)


def _status(name: str, left: float | None, right: float | None, cells: list[dict]) -> Check:
    if left is None or right is None:
        return Check(
            name, UNCERTAIN, None if left is None else _clean(left),
            None if right is None else _clean(right), None, cells,
        )  # fmt: skip
    delta = _clean(left - right)
    return Check(name, PASS if delta == 0 else FAIL, _clean(left), _clean(right), delta, cells)


def _result_rows(schema: TableSchema, table) -> list[str]:
    """The result rows summed into (七)总计: split rows where the report has them."""
    spec = schema.tables[table.name]
    split = {r.parent for r in spec.rows if r.parent and r.key in table.rows}
    out = []
    for row in spec.rows:
        if not row.result or row.key in split:
            continue
        if row.parent and row.parent not in split:
            continue
        out.append(row.key)
    return out


def run_checks(schema: TableSchema, tables: dict) -> list[Check]:
    """The schema's checks over the tables read from one report."""
    out: list[Check] = []
    for check in schema.checks:
        table = tables.get(check.table)
        if table is None:
            continue
        out.extend(_run(schema, check, table, tables))
    return out


def _run(schema: TableSchema, check: CheckSpec, table, tables: dict) -> list[Check]:
    spec = schema.tables[check.table]
    columns = [c.key for c in spec.columns]
    out = []
    if check.kind == "column_balance":
        for col in columns:
            left = [(check.table, r, col) for r in check.left]
            right = [(check.table, r, col) for r in check.right]
            out.append(compare(f"{check.name}.{col}", tables, left, right))
    elif check.kind == "rows_sum":
        parts = [r for r in _result_rows(schema, table) if r != check.total]
        for col in columns:
            left = [(check.table, r, col) for r in parts]
            right = [(check.table, check.total, col)]
            out.append(compare(f"{check.name}.{col}", tables, left, right))
    else:  # columns_sum
        for row in table.rows:
            left = [(check.table, row, c) for c in columns if c != check.total]
            right = [(check.table, row, check.total)]
            out.append(compare(f"{check.name}.{row}", tables, left, right))
    return out


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text without spaces (PDF text breaks numbers and words), and each char's offset."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch in " \t\u3000\xa0\r":
            continue
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


def _stated_number(text: str) -> int | float | None:
    parsed = parse_number(text)
    return None if parsed is None else parsed.value


def prose_checks(
    schema: TableSchema, text: str, tables: dict, skip: Sequence[tuple[int, int]]
) -> list[Check]:
    """Figures stated in the narrative (outside the tables) against their cells."""
    out: list[Check] = []
    squeezed, index = _squeeze(text)
    for spec in schema.prose_checks:
        table = tables.get(spec.table)
        if table is None:
            continue
        out.extend(_prose(spec, text, squeezed, index, tables, skip))
    return out


def _prose(
    spec: ProseCheckSpec,
    text: str,
    squeezed: str,
    index: list[int],
    tables: dict,
    skip: Sequence[tuple[int, int]],
) -> list[Check]:
    found: list[tuple[int, int, int | float]] = []
    matches = [(m, True) for p in spec.patterns for m in p.finditer(squeezed)]
    matches += [(m, False) for p in spec.zero_patterns for m in p.finditer(squeezed)]
    for m, has_number in sorted(matches, key=lambda mm: mm[0].start()):
        start, end = index[m.start()], index[m.end() - 1] + 1
        if any(s <= start < e for s, e in skip):
            continue
        if any(fs < end and start < fe for fs, fe, _ in found):
            continue
        sentence = _sentence(squeezed, m.start(), m.end())
        if any(word in sentence for word in spec.exclude):
            continue
        value = _stated_number(m.group("number")) if has_number else 0
        if value is None:
            continue
        found.append((start, end, value))
    out = []
    for start, end, value in found:
        table_value, cells = _side(tables, [(spec.table, spec.row, spec.column)])
        prose = {"prose": text[start:end], "start": start, "end": end, "value": value}
        out.append(_status(spec.name, value, table_value, [prose, *cells]))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_END)
    rights = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


__all__ = ["FAIL", "PASS", "UNCERTAIN", "Check", "compare", "prose_checks", "run_checks"]
