"""disclosure_statement_baseline: the five component tests of STYLE.md, plus its model."""

from __future__ import annotations

import pytest
import spacy

from disclosure_nlp.pipeline import build_default_pipeline
from disclosure_nlp.training.statement_baseline import StatementBaseline
from tests.conftest import corpus_text
from tests.training.test_statement_baseline import GOLDS

PIPES = ("disclosure_sections", "disclosure_statement_units", "disclosure_statement_baseline")


@pytest.fixture(scope="module")
def model() -> StatementBaseline:
    return StatementBaseline().fit(GOLDS)


@pytest.fixture(scope="module")
def nlp(model):
    nlp = build_default_pipeline(PIPES)
    nlp.get_pipe("disclosure_statement_baseline").set_model(model)
    return nlp


def _found(doc) -> list[tuple[int, int, str, str]]:
    return [(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans["statements"]]


def test_default_construction():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_statement_baseline")
    assert pipe.model is None
    assert pipe.overwrite is True
    assert nlp.get_pipe_meta("disclosure_statement_baseline").assigns == [
        "doc.spans",
        "span._.score",
    ]


def test_happy_path_real_report(nlp, model):
    # gidar-094 (train): one problem, then the plan, in the problems section
    text = corpus_text("gidar-094")
    doc = nlp(text)
    found = _found(doc)
    problem = "我镇在政府信息公开方面存在部分信息更新不及时问题。"
    plan = text[text.index("下一步,我镇将") : text.index("高效完成政府信息公开工作。") + 13]
    assert found[:2] == [
        (text.index(problem), text.index(problem) + len(problem), problem, "PROBLEM"),
        (text.index(plan), text.index(plan) + len(plan), plan, "IMPROVEMENT"),
    ]
    spans = doc.spans["statements"]
    assert spans[0]._.section == "PROBLEMS"
    assert 0.5 < spans[0]._.score <= 1.0
    # the component labels the pipeline's units exactly as the model does
    units = [(u.start_char, u.end_char) for u in doc.spans["statement_units"]]
    sections = [(s.start_char, s.end_char, s.label_) for s in doc.spans["sections"]]
    expected = model.predict_units(text, units, sections)
    assert [(s, e, lb, round(p, 4)) for s, e, lb, p in expected] == [
        (s.start_char, s.end_char, s.label_, s._.score) for s in spans
    ]


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.spans["statements"]) == []


def test_units_are_required(model):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("disclosure_statement_baseline").set_model(model)
    with pytest.raises(ValueError, match="E092"):
        nlp("一是公开不及时。")


def test_unfitted_model_fails_clearly():
    nlp = build_default_pipeline(PIPES)
    with pytest.raises(ValueError, match="E134"):
        nlp("二、存在的主要问题\n一是公开不及时。")
    with pytest.raises(ValueError, match="E134"):
        nlp.get_pipe("disclosure_statement_baseline").set_model(StatementBaseline())


def test_serialization_round_trip(nlp, tmp_path):
    text = corpus_text("gidar-094")
    doc = nlp(text)
    before = [(s.start_char, s.end_char, s.label_, s._.score) for s in doc.spans["statements"]]
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "disclosure_statement_baseline" / "model.joblib").is_file()
    loaded = spacy.load(tmp_path / "p")
    doc = loaded(text)
    after = [(s.start_char, s.end_char, s.label_, s._.score) for s in doc.spans["statements"]]
    assert after == before
    restored = spacy.blank("zh").add_pipe("disclosure_statement_baseline")
    restored.from_bytes(nlp.get_pipe("disclosure_statement_baseline").to_bytes())
    assert restored.model is not None
    assert (
        restored.model.settings() == nlp.get_pipe("disclosure_statement_baseline").model.settings()
    )
    empty = spacy.blank("zh").add_pipe("disclosure_statement_baseline")
    assert empty.to_bytes() == b""
    assert empty.from_bytes(b"").model is None
    with pytest.raises(ValueError, match="E095"):
        empty.from_bytes(b"not a model")


def test_initialize_reads_a_saved_model(model, tmp_path):
    path = model.save(tmp_path / "baseline.joblib")
    pipe = spacy.blank("zh").add_pipe("disclosure_statement_baseline")
    pipe.initialize(model_path=str(path))
    assert pipe.model is not None and pipe.model.c == model.c


def test_bad_config():
    with pytest.raises(Exception, match="overwrite"):
        spacy.blank("zh").add_pipe("disclosure_statement_baseline", config={"overwrite": "no"})


def test_overwrite_false_keeps_statements(nlp, model):
    keep = build_default_pipeline(("disclosure_sections", "disclosure_statement_units"))
    pipe = keep.add_pipe("disclosure_statement_baseline", config={"overwrite": False})
    pipe.set_model(model)
    doc = keep.make_doc("一是公开不及时。")
    doc.spans["statements"] = [doc[0:2]]
    assert [s.text for s in keep(doc).spans["statements"]] == [doc[0:2].text]
