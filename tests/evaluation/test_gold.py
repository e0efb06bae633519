"""The gold loader refuses what does not match the corpus or the guideline."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from disclosure_nlp.errors import GoldDataError
from disclosure_nlp.evaluation.gold import load_gold

REPO = Path(__file__).resolve().parents[2]
TEXT = "2019年,发布信息2889条。存在不足。"


def _record(**changes) -> dict:
    record = {
        "doc_id": "tiny",
        "text_sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        "entities": [
            {"start": 0, "end": 5, "label": "DATE", "text": "2019年", "value": "2019"},
            {"start": 10, "end": 15, "label": "COUNT", "text": "2889条", "value": 2889},
        ],
        "statements": [{"start": 16, "end": 21, "label": "PROBLEM", "text": "存在不足。"}],
        "sections": [{"start": 0, "end": len(TEXT), "label": "PREAMBLE"}],
        "tables": [],
    }
    record.update(changes)
    return record


def _write(tmp_path: Path, record: dict) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "tiny.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold, corpus


def test_valid_record_loads(tmp_path):
    records = load_gold(*_write(tmp_path, _record()))
    assert records[0]["text"] == TEXT


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text_sha256": "0" * 64}, "text_sha256"),
        (
            {
                "entities": [
                    {"start": 0, "end": 4, "label": "DATE", "text": "2019年", "value": "2019"}
                ]
            },
            "span text",
        ),
        (
            {
                "entities": [
                    {"start": 0, "end": 5, "label": "YEAR", "text": "2019年", "value": "2019"}
                ]
            },
            "unknown label",
        ),
        (
            {
                "entities": [
                    {"start": 10, "end": 15, "label": "COUNT", "text": "2889条", "value": "2889"}
                ]
            },
            "must be a number",
        ),
        (
            {
                "entities": [
                    {"start": 0, "end": 5, "label": "DATE", "text": "2019年", "value": "2019年"}
                ]
            },
            "ISO 8601",
        ),
        (
            {
                "entities": [
                    {"start": 10, "end": 15, "label": "COUNT", "text": "2889条", "value": 2889},
                    {"start": 10, "end": 14, "label": "COUNT", "text": "2889", "value": 2889},
                ]
            },
            "overlaps",
        ),
        (
            {"statements": [{"start": 16, "end": 21, "label": "ISSUE", "text": "存在不足。"}]},
            "unknown label",
        ),
        ({"sections": [{"start": 0, "end": 5, "label": "PREAMBLE"}]}, "sections end"),
    ],
)
def test_bad_records_are_refused(tmp_path, changes, message):
    with pytest.raises(GoldDataError, match=message):
        load_gold(*_write(tmp_path, _record(**changes)))


def test_project_gold_data_loads():
    gold = REPO / "annotations" / "gold.jsonl"
    records = load_gold(gold, REPO / "corpus")
    corpus_ids = {p.stem for p in (REPO / "corpus").glob("*.txt")}
    assert {r["doc_id"] for r in records} == corpus_ids


def test_of_split(tmp_path):
    from disclosure_nlp.evaluation.gold import of_split

    splits = tmp_path / "splits.json"
    splits.write_text('{"train": ["a"], "dev": ["b"], "test": []}', encoding="utf-8")
    golds = [{"doc_id": "a"}, {"doc_id": "b"}]
    assert of_split(golds, splits, "train") == [{"doc_id": "a"}]
    assert of_split(golds, splits, "test") == []
    assert of_split(golds, splits, "all") == golds
