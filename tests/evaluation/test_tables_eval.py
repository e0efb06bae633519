"""Table evaluation: loader, scorer on a tiny gold set with hand-computed figures, CLI."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from disclosure_nlp.errors import GoldDataError
from disclosure_nlp.evaluation.tables import load_table_gold, score_tables
from tests.conftest import CORPUS, REPO


def _cell(row, column, value, raw, ambiguous=False, table="requests"):
    return {"table": table, "row": row, "column": column, "value": value, "raw": raw,
            "ambiguous": ambiguous}  # fmt: skip


GOLD = {
    "doc_id": "d1",
    "cells": [
        _cell("new_received", "natural_person", 3, "3"),
        _cell("new_received", "total", 4, "4"),
        _cell("carried_over", "total", None, ""),
        _cell("disclosed", None, 13, "13", ambiguous=True),
    ],
    "checks": [
        {"name": "requests.balance.total", "status": "PASS", "left": 4, "right": 4},
        {"name": "requests.balance.natural_person", "status": "UNCERTAIN", "left": None,
         "right": None},
    ],
}  # fmt: skip
PRED = {
    "cells": [
        _cell("new_received", "natural_person", 3, "3"),  # right
        _cell("new_received", "total", 5, "5"),  # wrong value
        _cell("carried_over", "total", 0, "0"),  # filled where gold is blank: guessed
        _cell("disclosed", None, 13, "13", ambiguous=True),  # right
        _cell("disclosed", "natural_person", 13, "13"),  # gold has no such cell: guessed
    ],
    "checks": [
        {"name": "requests.balance.total", "status": "PASS", "left": 4, "right": 4},
        {"name": "requests.balance.natural_person", "status": "FAIL", "left": 1, "right": 2},
        {"name": "requests.balance.other_organization", "status": "PASS", "left": 0, "right": 0},
    ],
}


def test_scorer_by_hand():
    report = score_tables([GOLD], {"d1": PRED})
    # 2 of 4 gold cells right (3 and the ambiguous 13); total 5≠4, carried_over 0≠null
    assert report["cells"] == 4 and report["cell_accuracy"] == 0.5
    # raw text agrees for 1 of the 3 placed gold cells
    assert report["raw_agreement"] == pytest.approx(1 / 3)
    assert report["guessed_cells"] == 2
    assert report["check_agreement"] == 0.5 and report["extra_checks"] == 1
    assert report["check_disagreements"] == [
        {"doc_id": "d1", "name": "requests.balance.natural_person", "gold": "UNCERTAIN",
         "predicted": "FAIL"}
    ]  # fmt: skip


def test_missing_prediction_scores_zero():
    report = score_tables([GOLD], {})
    assert report["cell_accuracy"] == 0 and report["check_agreement"] == 0
    assert report["guessed_cells"] == 0


def test_all_gold_files_load():
    golds = load_table_gold(REPO / "annotations" / "tables", CORPUS)
    assert len(golds) >= 8
    assert {g["format"] for g in golds} == {"2019-statutory", "2021-statutory"}
    splits = json.loads((REPO / "annotations" / "splits.json").read_text(encoding="utf-8"))
    assert not {g["doc_id"] for g in golds} & set(splits["test"])


def test_loader_refuses_a_changed_text(tmp_path):
    gold = json.loads((REPO / "annotations/tables/seed-000.json").read_text(encoding="utf-8"))
    gold["text_sha256"] = hashlib.sha256(b"other").hexdigest()
    (tmp_path / "seed-000.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"E113.*text_sha256"):
        load_table_gold(tmp_path, CORPUS)


def test_loader_refuses_unknown_keys(tmp_path):
    gold = json.loads((REPO / "annotations/tables/seed-000.json").read_text(encoding="utf-8"))
    gold["cells"][0]["column"] = "colour"
    (tmp_path / "seed-000.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"E113.*colour"):
        load_table_gold(tmp_path, CORPUS)


def test_loader_refuses_an_empty_folder(tmp_path):
    with pytest.raises(GoldDataError, match="E114"):
        load_table_gold(tmp_path, CORPUS)


def test_evaluate_command_with_tables(tmp_path):
    out = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "evaluate", "default", "annotations/gold.jsonl",
         "--split", "dev", "--tables", "annotations/tables", "-o", str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "TABLES: 6 hand-verified documents" in run.stdout
    report = json.loads(out.read_text(encoding="utf-8"))["tables"]["default"]
    assert report["cell_accuracy"] >= 0.98
    assert report["guessed_cells"] == 0
    assert report["check_agreement"] == 1.0


def test_evaluate_facts_file_with_tables(tmp_path, nlp):
    import disclosure_nlp
    from disclosure_nlp.evaluation.tables import evaluate_tables_target
    from disclosure_nlp.io.jsonl import write_jsonl

    facts = tmp_path / "facts.jsonl"
    write_jsonl(facts, disclosure_nlp.extract([CORPUS / "seed-003.txt"], nlp=nlp))
    golds = load_table_gold(REPO / "annotations/tables/seed-003.json", CORPUS)
    report = evaluate_tables_target(facts, golds)
    assert (report["cell_accuracy"], report["guessed_cells"], report["check_agreement"]) == (
        1.0,
        0,
        1.0,
    )
