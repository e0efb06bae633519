"""Fact records as a Hugging Face ``datasets.Dataset`` (one kind of record at a time).

Arrow needs one type per column, so the columns that hold mixed types in the
JSONL records are made uniform: ``value`` becomes its JSON text (``"2889"``,
``"\\"2019-08\\""``) with ``value_number`` beside it (a float, or None for
non-numeric values), and ``attrs``/``cells`` become JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..errors import Errors

JSON_COLUMNS = ("attrs", "cells")
RECORD_KINDS = ("document", "section", "entity", "statement", "table", "check")


def _row(record: dict) -> dict:
    row = dict(record)
    if "value" in row:
        value = row["value"]
        row["value"] = json.dumps(value, ensure_ascii=False)
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        row["value_number"] = float(value) if is_number else None
    for key in JSON_COLUMNS:
        if key in row:
            row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def records_to_dataset(records: Iterable[dict], kind: str):
    """A ``datasets.Dataset`` of the records of one ``kind`` (document, entity, …)."""
    if kind not in RECORD_KINDS:
        raise ValueError(Errors.E046.format(kind=kind, allowed=", ".join(RECORD_KINDS)))
    from datasets import Dataset

    rows = [_row(r) for r in records if r.get("kind") == kind]
    keys = sorted({k for r in rows for k in r})
    return Dataset.from_list([{k: r.get(k) for k in keys} for r in rows])
