"""The statement unit suggester: the units' token spans, as spancat needs them."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import registry
from thinc.api import NumpyOps

from disclosure_nlp.training.suggesters import build_statement_unit_suggester, suggest_spans

# the problems section of gidar-094 (train)
TEXT = (
    "二、政府信息公开工作存在的主要问题及改进情况\n我镇在政府信息公开方面存在部分信息更新不及时问题。"
    "下一步,我镇将进一步加强信息公开工作的组织领导。"
)


@pytest.fixture(scope="module")
def units_nlp():
    from disclosure_nlp.pipeline import build_default_pipeline

    return build_default_pipeline(("disclosure_sections", "disclosure_statement_units"))


def test_registered_by_name():
    make = registry.misc.get("disclosure_nlp.statement_unit_suggester.v1")
    assert make is build_statement_unit_suggester


def test_suggests_the_statement_units(units_nlp):
    doc = units_nlp(TEXT)
    suggest = build_statement_unit_suggester()
    ragged = suggest([doc])
    assert ragged.lengths.tolist() == [2]
    spans = [doc[int(s) : int(e)].text for s, e in ragged.dataXd.tolist()]
    assert spans == [
        "我镇在政府信息公开方面存在部分信息更新不及时问题。",
        "下一步,我镇将进一步加强信息公开工作的组织领导。",
    ]
    assert [[s.start, s.end] for s in doc.spans["statement_units"]] == ragged.dataXd.tolist()


def test_several_docs_and_an_empty_one(units_nlp):
    docs = [units_nlp(TEXT), units_nlp(""), units_nlp("一是公开不及时;二是内容不全。")]
    ragged = build_statement_unit_suggester()(docs, ops=NumpyOps())
    assert ragged.lengths.tolist() == [2, 0, 2]
    assert ragged.dataXd.shape == (4, 2)
    third = docs[2]
    assert [third[int(s) : int(e)].text for s, e in ragged.dataXd[2:].tolist()] == [
        "一是公开不及时;",
        "二是内容不全。",
    ]


def test_no_units_at_all_gives_an_empty_ragged(units_nlp):
    ragged = suggest_spans([units_nlp(""), units_nlp("")], "statement_units")
    assert ragged.lengths.tolist() == [0, 0]
    assert ragged.dataXd.shape[0] == 0


def test_other_span_group():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    doc = nlp("公开不及时")
    doc.spans["mine"] = [doc[1:3]]
    ragged = build_statement_unit_suggester(spans_key="mine")([doc])
    assert ragged.dataXd.tolist() == [[1, 3]]


def test_missing_units_fail_clearly():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    with pytest.raises(ValueError, match="E130"):
        build_statement_unit_suggester()([nlp("一是公开不及时。")])


@pytest.mark.parametrize("key", ["", None, 3])
def test_bad_spans_key(key):
    with pytest.raises(ValueError, match="E131"):
        build_statement_unit_suggester(spans_key=key)
