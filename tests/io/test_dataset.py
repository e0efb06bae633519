"""Records to datasets.Dataset: one kind, uniform column types."""

from __future__ import annotations

import json

import pytest

from disclosure_nlp.io.dataset import records_to_dataset

RECORDS = [
    {"doc_id": "a", "kind": "document", "status": "ok", "year": 2019},
    {"doc_id": "a", "kind": "entity", "label": "COUNT", "start": 4, "end": 9, "text": "2889条",
     "value": 2889, "attrs": {"unit": "条"}, "section": "ACTIVE"},
    {"doc_id": "a", "kind": "entity", "label": "DATE", "start": 0, "end": 5, "text": "2019年",
     "value": "2019", "attrs": {}, "section": None},
    {"doc_id": "a", "kind": "entity", "label": "POLICY", "start": 10, "end": 12, "text": "条例",
     "value": None, "attrs": {}, "section": "OVERVIEW"},
]  # fmt: skip


def test_entities_become_a_dataset_with_uniform_columns():
    ds = records_to_dataset(RECORDS, "entity")
    assert ds.num_rows == 3
    assert ds["value_number"] == [2889.0, None, None]
    assert [json.loads(v) for v in ds["value"]] == [2889, "2019", None]
    assert json.loads(ds["attrs"][0]) == {"unit": "条"}


def test_documents_only():
    ds = records_to_dataset(RECORDS, "document")
    assert ds.num_rows == 1 and ds["year"] == [2019]


def test_an_unknown_kind_is_refused_not_an_empty_dataset():
    with pytest.raises(ValueError, match=r"\[E046\] Unknown record kind 'entities'"):
        records_to_dataset(RECORDS, "entities")


TABLE_CELLS = [
    {"doc_id": "a", "kind": "table", "table": "requests", "row": "new_received",
     "column": "total", "value": 4, "raw": "4", "start": 10, "end": 11, "ambiguous": False,
     "unit": None},
    {"doc_id": "b", "kind": "table", "table": "active", "row": "fee_amount", "column": None,
     "value": 1316.84, "raw": "1316.84万元", "start": None, "end": None, "ambiguous": True,
     "unit": "万元"},
    {"doc_id": "b", "kind": "check", "name": "requests.balance.total", "status": "PASS",
     "left": 4, "right": 4.5, "delta": 0.5, "cells": [{"row": "new_received"}]},
]  # fmt: skip


def test_each_column_gets_one_type_and_a_null_column_is_text():
    cells = records_to_dataset(TABLE_CELLS, "table")
    types = {key: feature.dtype for key, feature in cells.features.items()}
    assert types["start"] == "int64" and types["ambiguous"] == "bool"
    assert types["value_number"] == "float64" and types["unit"] == "string"
    assert cells["unit"] == [None, "万元"] and cells["start"] == [10, None]
    alone = records_to_dataset(TABLE_CELLS[:1], "table")
    assert alone.features["unit"].dtype == "string"  # null throughout: still text
    checks = records_to_dataset(TABLE_CELLS, "check")
    assert checks.features["left"].dtype == "int64" and checks["right"] == [4.5]
    mixed = records_to_dataset([{"doc_id": "a", "kind": "document", "year": 2019},
                                {"doc_id": "b", "kind": "document", "year": "2019年"}],
                               "document")  # fmt: skip
    assert mixed["year"] == ["2019", "2019年"]  # a mixture is kept as JSON text


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_jsonl_files_give_the_dataset_of_the_records(tmp_path):
    facts = _write(tmp_path / "facts.jsonl", RECORDS + TABLE_CELLS)
    shards = [
        _write(tmp_path / "f-1.jsonl", RECORDS[:2]),
        _write(tmp_path / "f-2.jsonl", RECORDS[2:]),
    ]
    cache = tmp_path / "cache"
    for kind in ("entity", "table", "check", "document"):
        in_memory = records_to_dataset(RECORDS + TABLE_CELLS, kind)
        on_disk = records_to_dataset(facts, kind, cache_dir=cache)
        assert on_disk.features == in_memory.features, kind
        assert on_disk.to_list() == in_memory.to_list(), kind
    joined = records_to_dataset([str(p) for p in shards], "entity", cache_dir=cache)
    assert joined.to_list() == records_to_dataset(RECORDS, "entity").to_list()
    assert records_to_dataset(facts, "statement", cache_dir=cache).num_rows == 0


def test_a_facts_file_written_anew_is_read_anew_not_from_the_cache(tmp_path):
    facts = tmp_path / "facts.jsonl"
    cache = tmp_path / "cache"
    _write(facts, RECORDS)
    assert records_to_dataset(facts, "entity", cache_dir=cache).num_rows == 3
    _write(facts, RECORDS[:2])
    assert records_to_dataset(facts, "entity", cache_dir=cache).num_rows == 1


def test_a_missing_facts_file_is_a_coded_error(tmp_path):
    with pytest.raises(ValueError, match=r"\[E037\] Facts file not found"):
        records_to_dataset(tmp_path / "none.jsonl", "entity")
