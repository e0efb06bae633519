"""The shared entity writer: overlaps, excluded blocks, token splits."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Span

from disclosure_nlp.components.entity_spans import (
    LABEL_PRIORITY,
    FoundEntity,
    RangeSet,
    aligned_span,
    existing_entities,
    resolve_overlaps,
    write_entities,
)
from disclosure_nlp.extensions import register_extensions


@pytest.fixture
def blank():
    register_extensions()
    return spacy.blank("zh")  # one token a character


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        # the longer span wins: a POLICY over the DATE inside it
        (
            [FoundEntity(5, 10, "DATE"), FoundEntity(0, 20, "POLICY")],
            [FoundEntity(0, 20, "POLICY")],
        ),
        # the same extent: the more specific label wins
        (
            [FoundEntity(0, 5, "COUNT"), FoundEntity(0, 5, "HOTLINE")],
            [FoundEntity(0, 5, "HOTLINE")],
        ),
        # touching spans both stay, in text order
        (
            [FoundEntity(5, 9, "COUNT"), FoundEntity(0, 5, "DATE")],
            [FoundEntity(0, 5, "DATE"), FoundEntity(5, 9, "COUNT")],
        ),
        ([FoundEntity(3, 3, "COUNT")], []),
    ],
)
def test_resolve_overlaps(found, kept):
    assert resolve_overlaps(found) == kept


def test_range_set():
    ranges = RangeSet([(10, 20), (0, 5), (18, 25)])
    assert [c for c in (0, 4, 5, 9, 10, 24, 25) if c in ranges] == [0, 4, 10, 24]
    assert not RangeSet([])


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [(5, 10, False), (4, 6, True), (20, 30, True), (25, 40, False), (-3, 0, False), (9, 11, True)],
)
def test_range_set_overlaps(start, end, overlaps):
    ranges = RangeSet([(10, 20), (0, 5), (18, 25)])  # merged: [0, 5) and [10, 25)
    assert ranges.overlaps(start, end) is overlaps


def test_range_set_add_keeps_the_order():
    ranges = RangeSet([(10, 20)])
    ranges.add(0, 5)
    ranges.add(30, 31)
    assert (ranges.starts, ranges.ends) == ([0, 10, 30], [5, 20, 31])
    assert 30 in ranges and 25 not in ranges and ranges.overlaps(4, 10)


def test_resolve_overlaps_agrees_with_checking_every_pair():
    rng = random.Random(7)
    labels = list(LABEL_PRIORITY)
    for _ in range(200):
        found = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randint(0, 60)
            found.append(FoundEntity(start, start + rng.randint(0, 8), rng.choice(labels)))
        kept: list[FoundEntity] = []
        for ent in sorted(found, key=FoundEntity.rank, reverse=True):
            if ent.end > ent.start and not any(
                ent.start < k.end and k.start < ent.end for k in kept
            ):
                kept.append(ent)
        assert resolve_overlaps(found) == sorted(kept, key=lambda e: (e.start, e.end))


def test_entities_in_tables_and_furniture_are_left_out(blank):
    doc = blank("发布信息12条。表格3件。来源4次")
    doc.spans["tables"] = [doc.char_span(8, 12)]
    doc.spans["furniture"] = [doc.char_span(13, 17)]
    found = [FoundEntity(4, 7, "COUNT", 12), FoundEntity(10, 12, "COUNT", 3)]
    found.append(FoundEntity(15, 17, "COUNT", 4))
    written = write_entities(doc, found)
    assert [(e.text, e._.value) for e in written] == [("12条", 12)]
    assert [e.text for e in doc.ents] == ["12条"]


def test_existing_entities_compete(blank):
    doc = blank("关于2019年工作要点的通知")
    write_entities(doc, [FoundEntity(2, 7, "DATE", "2019", {"a": 1})])
    assert [(e.start, e.end, e.label, e.value) for e in existing_entities(doc)] == [
        (2, 7, "DATE", "2019")
    ]
    written = write_entities(doc, [FoundEntity(0, 14, "POLICY")])
    assert [(e.text, e.label_) for e in doc.ents] == [("关于2019年工作要点的通知", "POLICY")]
    assert [e.text for e in written] == ["关于2019年工作要点的通知"]
    # overwrite drops what was there
    write_entities(doc, [FoundEntity(2, 7, "DATE", "2019")], overwrite=True)
    assert [e.text for e in doc.ents] == ["2019年"]


def test_a_span_inside_a_token_splits_it_and_keeps_span_groups(nlp):
    # gidar-111 (train): the segmenter glues the deictic 我 to the owner 局
    text = "至2022年12月31日止。我局网站http://czj.putian.gov.cn/上可下载本"
    doc = nlp.make_doc(text)
    start = text.index("局网站")
    assert doc.char_span(start, start + 3) is None
    doc.spans["sections"] = [Span(doc, 0, len(doc), "OVERVIEW")]
    doc.spans["x"] = [doc.char_span(0, 13, "X")]
    write_entities(doc, [FoundEntity(start, start + 3, "CHANNEL", "website")])
    assert [(e.text, e.start_char, e._.value) for e in doc.ents] == [("局网站", start, "website")]
    assert doc[doc.ents[0].start - 1].text == "我"
    assert [(s.start_char, s.end_char) for s in doc.spans["sections"]] == [(0, len(text))]
    assert [s.text for s in doc.spans["x"]] == [text[:13]]


def test_aligned_span_returns_an_existing_alignment(blank):
    doc = blank("信息2889条")
    span = aligned_span(doc, 2, 7, "COUNT")
    assert (span.text, span.label_) == ("2889条", "COUNT")
