"""JSONL writing (UTF-8, ensure_ascii=False) and reading of fact records."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import srsly
from srsly import ujson


def dumps(record: dict) -> str:
    """One record as a JSON line, non-ASCII characters kept as they are."""
    return ujson.dumps(record, ensure_ascii=False, escape_forward_slashes=False)


def write_jsonl(path: Path | str, records: Iterable[dict]) -> int:
    """Stream records to ``path`` ("-" for stdout); returns the number written."""
    n = 0
    if str(path) == "-":
        for record in records:
            sys.stdout.write(dumps(record) + "\n")
            n += 1
        return n
    with Path(path).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(dumps(record) + "\n")
            n += 1
    return n


def read_jsonl(path: Path | str) -> Iterator[dict]:
    """Records of a JSONL file (srsly names the line of a broken record)."""
    yield from srsly.read_jsonl(path)
