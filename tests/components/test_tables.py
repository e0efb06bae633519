"""disclosure_tables: the five component tests of STYLE.md, DocBin, multiprocessing, records."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.util import registry

import disclosure_nlp
from disclosure_nlp.pipeline import DEFAULT_PIPES
from tests.conftest import corpus_text


def _cells(doc, table: str) -> dict[tuple[str, str], dict]:
    return {
        (c["row"], c["column"]): c
        for c in doc._.tables["tables"][table]["cells"]
        if not c["ambiguous"]
    }


def test_default_construction():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_tables")
    assert "disclosure_tables" in nlp.pipe_names
    assert set(pipe.schema.tables) == {"active", "requests", "review"}
    assert DEFAULT_PIPES[-1] == "disclosure_tables"


def test_happy_path_on_a_report(nlp):
    text = corpus_text("seed-003")
    doc = nlp(text)
    assert doc._.tables["format"] == "2019-statutory"
    cell = _cells(doc, "requests")[("new_received", "total")]
    assert (cell["value"], cell["raw"], text[cell["start"] : cell["end"]]) == (4, "4", "4")
    blank = _cells(doc, "requests")[("new_received", "research_institution")]
    assert (blank["value"], blank["raw"]) == (None, "")
    fee = _cells(doc, "active")[("centralized_procurement", "procurement_amount")]
    assert (fee["value"], fee["raw"], fee["unit"]) == (1316.84, "1316.84万元", "万元")
    records = doc.user_data["disclosure_records"]
    tables = [r for r in records if r["kind"] == "table"]
    checks = [r for r in records if r["kind"] == "check"]
    assert len(tables) == 22 + 161 + 15 and len(checks) == 40
    assert set(tables[0]) == {
        "kind", "table", "row", "column", "value", "raw", "start", "end", "ambiguous", "unit",
    }  # fmt: skip
    assert set(checks[0]) == {"kind", "name", "status", "left", "right", "delta", "cells"}
    assert {c["status"] for c in checks} == {"PASS"}


def test_empty_doc(nlp):
    doc = nlp("")
    assert doc._.tables == {"format": None, "tables": {}, "checks": []}
    assert doc.user_data.get("disclosure_records", []) == []


def test_runs_twice_without_duplicating_records(nlp):
    doc = nlp(corpus_text("seed-000"))
    n = len(doc.user_data["disclosure_records"])
    doc.user_data["disclosure_records"].append({"kind": "entity", "label": "COUNT"})
    nlp.get_pipe("disclosure_tables")(doc)
    assert len(doc.user_data["disclosure_records"]) == n + 1


def test_serialization_round_trip(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_sections")
    nlp.add_pipe("disclosure_tables")
    nlp.initialize()
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "disclosure_tables" / "table_schema.json").is_file()
    loaded = spacy.load(tmp_path / "p")
    pipe = loaded.get_pipe("disclosure_tables")
    assert pipe.schema.to_dict() == nlp.get_pipe("disclosure_tables").schema.to_dict()
    text = "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n规章 | 0 | 0 | 0 |\n三、收到"
    doc = loaded(text)
    assert [c["raw"] for c in doc._.tables["tables"]["active"]["cells"]] == ["0", "0", "0"]
    copy = spacy.blank("zh").add_pipe("disclosure_tables")
    copy.from_bytes(pipe.to_bytes())
    assert copy.schema.to_dict() == pipe.schema.to_dict()


def test_bad_config():
    nlp = spacy.blank("zh")
    with pytest.raises(
        registry.ConfigValidationError if hasattr(registry, "ConfigValidationError") else Exception
    ):
        nlp.add_pipe("disclosure_tables", config={"overwrite": "sometimes"})


def test_bad_schema_file_is_refused(tmp_path):
    from disclosure_nlp.resources import resource_path

    data = json.loads(resource_path("table_schema.json").read_text(encoding="utf-8"))
    data["tables"]["requests"]["columns"][0]["colour"] = "red"
    bad = tmp_path / "table_schema.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pipe = spacy.blank("zh").add_pipe("disclosure_tables")
    with pytest.raises(ValueError, match="E111"):
        pipe.initialize(schema_path=str(bad))


def test_tables_survive_docbin(nlp):
    doc = nlp(corpus_text("gidar-105"))
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert back._.tables == doc._.tables
    assert back._.tables["tables"]["requests"]["mode"] == "stream"


def test_tables_survive_multiprocessing(nlp):
    texts = [corpus_text("seed-003"), corpus_text("gidar-012")]
    single = [nlp(t)._.tables for t in texts]
    multi = [d._.tables for d in nlp.pipe(texts, n_process=2)]
    assert multi == single


def test_extract_emits_table_and_check_records(tmp_path, nlp):
    (tmp_path / "seed-000.txt").write_text(corpus_text("seed-000"), encoding="utf-8")
    records = list(disclosure_nlp.extract([tmp_path], nlp=nlp))
    kinds = [r["kind"] for r in records]
    assert kinds.count("table") == 22 + 161 + 15
    assert kinds.index("table") > kinds.index("section")
    check = next(r for r in records if r["kind"] == "check")
    assert check["doc_id"] == "seed-000" and check["name"] == "requests.balance.natural_person"
    assert (check["status"], check["left"], check["right"], check["delta"]) == ("PASS", 0, 0, 0)
