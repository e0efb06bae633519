"""Fact records as a Hugging Face ``datasets.Dataset`` (one kind of record at a time).

Arrow needs one type per column, so the columns that hold mixed types in the
JSONL records are made uniform: ``value`` becomes its JSON text (``"2889"``,
``"\\"2019-08\\""``) with ``value_number`` beside it (a float, or None for
non-numeric values), and ``attrs``/``cells`` become JSON text. Every other
column gets the one type its values have (int64, float64 where ints and floats
mix, bool, string), and a column that is null throughout is a string column:
the datasets of the shards of one run then have the same features.

Records in memory (an iterable of dicts) give a Dataset in memory. JSONL files
(a path, or the outputs of a sharded run) are read twice, once for the columns
and their types and once for the rows, which go to an Arrow file in datasets'
cache in batches, so memory stays flat however many records the files hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import Errors
from .jsonl import read_jsonl

JSON_COLUMNS = ("attrs", "cells")
RECORD_KINDS = ("document", "section", "entity", "statement", "table", "check")

Facts = Iterable[dict] | str | Path | Sequence[str | Path]


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


def _type_of(seen: set[type]) -> str:
    """The Arrow type of a column from the Python types of its values (None left out)."""
    if seen == {bool}:
        return "bool"
    if seen == {int}:
        return "int64"
    if seen and seen <= {int, float}:
        return "float64"
    return "string"  # text, nothing but nulls, or a mixture kept as JSON text


def column_types(rows: Iterable[dict]) -> dict[str, str]:
    """Each column's Arrow type (``{"start": "int64", "text": "string", …}``), sorted."""
    seen: dict[str, set[type]] = {}
    for row in rows:
        for key, value in row.items():
            types = seen.setdefault(key, set())
            if value is not None:
                types.add(type(value))
    return {key: _type_of(types) for key, types in sorted(seen.items())}


def _typed(row: dict, types: dict[str, str]) -> dict:
    """The row with every column, a non-text value of a string column as JSON text."""
    out = {}
    for key, kind in types.items():
        value = row.get(key)
        if kind == "string" and value is not None and not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        out[key] = value
    return out


def _features(types: dict[str, str]):
    from datasets import Features, Value

    return Features({key: Value(kind) for key, kind in types.items()})


def _fact_files(facts: Facts) -> list[Path] | None:
    """The JSONL files ``facts`` names, or None when it holds records."""
    if isinstance(facts, str | Path):
        facts = [facts]
    if isinstance(facts, list | tuple) and facts and all(isinstance(f, str | Path) for f in facts):
        files = [Path(f) for f in facts]
        for path in files:
            if not path.is_file():
                raise ValueError(Errors.E037.format(path=path))
        return files
    return None


def _file_rows(paths: Sequence[str], kind: str) -> Iterator[dict]:
    for path in paths:
        for record in read_jsonl(path):
            if record.get("kind") == kind:
                yield _row(record)


def _generate_rows(paths: list[str], kind: str, types: dict[str, str], stamps: list) -> Iterator:
    # stamps (size and modification time of each file) enter datasets' cache key
    # only: a facts file written anew gets a new Arrow file, never a stale one
    for row in _file_rows(paths, kind):
        yield _typed(row, types)


def records_to_dataset(facts: Facts, kind: str, cache_dir: str | Path | None = None):
    """A ``datasets.Dataset`` of the records of one ``kind`` (document, entity, …).

    ``facts``: records (an iterable of dicts, as :func:`disclosure_nlp.extract`
    yields them), or JSONL files written by ``extract``: a path or a list of
    paths (the outputs of ``--shard`` runs), read in order and built on disk
    in datasets' cache (``cache_dir``, else datasets' default).
    """
    if kind not in RECORD_KINDS:
        raise ValueError(Errors.E046.format(kind=kind, allowed=", ".join(RECORD_KINDS)))
    from datasets import Dataset

    files = _fact_files(facts)
    if files is None:
        rows = [_row(r) for r in facts if r.get("kind") == kind]  # type: ignore[union-attr]
        types = column_types(rows)
        return Dataset.from_list([_typed(r, types) for r in rows], features=_features(types))
    paths = [str(p) for p in files]
    types = column_types(_file_rows(paths, kind))
    if not types:  # no record of this kind
        return Dataset.from_list([])
    stamps = [[p.stat().st_size, p.stat().st_mtime_ns] for p in files]
    return Dataset.from_generator(
        _generate_rows,
        features=_features(types),
        cache_dir=str(cache_dir) if cache_dir is not None else None,
        gen_kwargs={"paths": paths, "kind": kind, "types": types, "stamps": stamps},
    )
