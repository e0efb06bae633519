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
