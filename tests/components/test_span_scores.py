"""disclosure_span_scores: the five component tests of STYLE.md, plus the score shapes."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Span

from disclosure_nlp.components.span_scores import flat_scores, span_scores
from disclosure_nlp.extract import doc_records

# two statements of gidar-086 (train), as a spancat would write them
TEXT = (
    "二、存在的主要问题和下步工作措施\n信息公开的内容还需进一步规范。\n"
    "进一步建立、健全政府信息公开的工作机制。"
)
PROBLEM = "信息公开的内容还需进一步规范。"
IMPROVEMENT = "进一步建立、健全政府信息公开的工作机制。"


def _nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("disclosure_span_scores")
    return nlp


def _spancat_like(doc, scores):
    """Spans and attrs["scores"] in the shapes spancat writes."""
    spans = []
    for sentence, label in ((PROBLEM, "PROBLEM"), (IMPROVEMENT, "IMPROVEMENT")):
        start = doc.text.index(sentence)
        spans.append(doc.char_span(start, start + len(sentence), label=label))
    doc.spans["statements"] = spans
    doc.spans["statements"].attrs["scores"] = scores
    return doc


def test_default_construction():
    nlp = _nlp()
    pipe = nlp.get_pipe("disclosure_span_scores")
    assert pipe.spans_key == "statements"
    assert nlp.pipe_names == ["disclosure_span_scores"]
    assert nlp.get_pipe_meta("disclosure_span_scores").assigns == ["span._.score"]


@pytest.mark.parametrize(
    "scores",
    [
        numpy.array([[0.91234567], [0.6]], dtype="float32"),  # singlelabel spancat: (n, 1)
        numpy.array([0.91234567, 0.6], dtype="float32"),  # multilabel spancat: (n,)
        [0.91234567, 0.6],
    ],
)
def test_happy_path_scores_become_span_scores(scores):
    nlp = _nlp()
    doc = _spancat_like(nlp.make_doc(TEXT), scores)
    doc = nlp.get_pipe("disclosure_span_scores")(doc)
    assert [(s.text, s.label_, s._.score) for s in doc.spans["statements"]] == [
        (PROBLEM, "PROBLEM", 0.9123),
        (IMPROVEMENT, "IMPROVEMENT", 0.6),
    ]
    records = [r for r in doc_records(doc, "gidar-086") if r["kind"] == "statement"]
    assert [(r["text"], r["score"]) for r in records] == [(PROBLEM, 0.9123), (IMPROVEMENT, 0.6)]
    assert records[0]["start"] == TEXT.index(PROBLEM)


def test_group_without_scores_is_left_alone():
    nlp = _nlp()
    doc = nlp.make_doc(TEXT)
    start = TEXT.index(PROBLEM)
    span = doc.char_span(start, start + len(PROBLEM), label="PROBLEM")
    span._.score = 0.95
    doc.spans["statements"] = [span]
    doc = nlp.get_pipe("disclosure_span_scores")(doc)
    assert doc.spans["statements"][0]._.score == 0.95


def test_empty_doc():
    nlp = _nlp()
    doc = nlp("")
    assert "statements" not in doc.spans
    empty = nlp.make_doc("")
    empty.spans["statements"] = []
    empty.spans["statements"].attrs["scores"] = numpy.zeros((0,), dtype="float32")
    assert list(nlp.get_pipe("disclosure_span_scores")(empty).spans["statements"]) == []


def test_serialization_round_trip(tmp_path):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("disclosure_span_scores", config={"spans_key": "problems"})
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("disclosure_span_scores").spans_key == "problems"
    doc = loaded.make_doc(TEXT)
    doc.spans["problems"] = [Span(doc, 0, 3, label="PROBLEM")]
    doc.spans["problems"].attrs["scores"] = numpy.array([0.75])
    assert loaded(doc).spans["problems"][0]._.score == 0.75
    restored = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    restored.add_pipe("disclosure_span_scores")
    restored.from_bytes(nlp.to_bytes())  # the component has no data: its config is all
    assert restored.get_pipe("disclosure_span_scores").spans_key == "statements"


def test_bad_config():
    with pytest.raises(ValueError, match="E131"):
        spacy.blank("zh").add_pipe("disclosure_span_scores", config={"spans_key": ""})
    with pytest.raises(Exception, match="spans_key"):
        spacy.blank("zh").add_pipe("disclosure_span_scores", config={"spans_key": ["x"]})


def test_scores_that_do_not_match_the_spans_are_refused():
    nlp = _nlp()
    doc = _spancat_like(nlp.make_doc(TEXT), numpy.array([0.9]))
    with pytest.raises(ValueError, match="E132"):
        nlp.get_pipe("disclosure_span_scores")(doc)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (numpy.array([[0.5], [0.25]]), [0.5, 0.25]),
        (numpy.array([0.125]), [0.125]),
        ((), []),
        (numpy.float32(0.5), [0.5]),
    ],
)
def test_flat_scores(scores, expected):
    assert flat_scores(scores) == expected


def test_span_scores_checks_the_count():
    assert span_scores(2, [[0.1], [0.2]]) == [0.1, 0.2]
    with pytest.raises(ValueError, match="E132"):
        span_scores(3, [0.1, 0.2], "statements")
