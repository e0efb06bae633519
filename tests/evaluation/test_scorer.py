"""The scorer on a tiny gold set whose figures were computed by hand."""

from __future__ import annotations

import pytest

from disclosure_nlp.evaluation.scorer import score

TEXT = "发布信息2889条，公开率100%。2019年8月开通网站。存在不足。\n下一步将改进。"
GOLD = {
    "doc_id": "tiny",
    "text": TEXT,
    "entities": [
        {"start": 4, "end": 9, "label": "COUNT", "value": 2889},
        {"start": 13, "end": 17, "label": "PERCENT", "value": 100},
        {"start": 18, "end": 25, "label": "DATE", "value": "2019-08"},
    ],
    "statements": [
        {"start": 30, "end": 35, "label": "PROBLEM"},
        {"start": 36, "end": 43, "label": "IMPROVEMENT"},
    ],
    "sections": [
        {"start": 0, "end": 20, "label": "PREAMBLE"},
        {"start": 20, "end": 43, "label": "OVERVIEW"},
    ],
    "tables": [],
}
PRED = {
    "entities": [
        {"start": 4, "end": 9, "label": "COUNT", "value": 2889.0},  # right, value right
        {"start": 13, "end": 16, "label": "PERCENT", "value": 100},  # boundary error
        {"start": 18, "end": 25, "label": "COUNT", "value": 2019},  # type error
        {"start": 27, "end": 29, "label": "MONEY", "value": 1},  # spurious
    ],
    "statements": [
        {"start": 30, "end": 33, "label": "PROBLEM"},  # 存在不 (3 of 5 chars)
        {"start": 33, "end": 43, "label": "IMPROVEMENT"},  # 足。\n下一步将改进。
    ],
    "sections": [
        {"start": 0, "end": 25, "label": "PREAMBLE"},
        {"start": 25, "end": 43, "label": "OVERVIEW"},
    ],
}


@pytest.fixture(scope="module")
def report():
    assert TEXT[4:9] == "2889条" and TEXT[13:17] == "100%" and TEXT[30:35] == "存在不足。"
    return score([GOLD], {"tiny": PRED})


def test_strict_entities(report):
    micro = report["entities"]["micro"]["strict"]
    # 1 strict match of 4 predicted and 3 gold entities
    assert micro["p"] == pytest.approx(1 / 4)
    assert micro["r"] == pytest.approx(1 / 3)
    assert micro["f"] == pytest.approx(2 / 7)
    count = report["entities"]["per_label"]["COUNT"]["strict"]
    assert (count["p"], count["r"], count["f"]) == pytest.approx((0.5, 1.0, 2 / 3))
    assert report["entities"]["per_label"]["DATE"]["strict"]["r"] == 0.0


def test_partial_untyped_and_values(report):
    partial = report["entities"]["micro"]["partial"]
    # COUNT and the short PERCENT overlap gold of their label: 2/4 predicted, 2/3 gold
    assert (partial["p"], partial["r"]) == pytest.approx((0.5, 2 / 3))
    assert partial["f"] == pytest.approx(4 / 7)
    untyped = report["entities"]["untyped"]
    # boundaries right for 2889条 and 2019年8月 (label ignored)
    assert (untyped["p"], untyped["r"], untyped["f"]) == pytest.approx((0.5, 2 / 3, 4 / 7))
    assert report["entities"]["micro"]["value_accuracy"] == 1.0


def test_statement_characters(report):
    st = report["statements"]["per_label"]
    # PROBLEM: 3 predicted chars, all right, of 5 gold chars
    assert (st["PROBLEM"]["p"], st["PROBLEM"]["r"], st["PROBLEM"]["f"]) == pytest.approx(
        (1.0, 0.6, 0.75)
    )
    # IMPROVEMENT: 9 predicted non-space chars (足。 + 7), 7 right, 7 gold
    assert (st["IMPROVEMENT"]["p"], st["IMPROVEMENT"]["r"]) == pytest.approx((7 / 9, 1.0))
    assert st["IMPROVEMENT"]["f"] == pytest.approx(0.875)
    assert st["PROBLEM"]["found_share"] == 1.0  # 3 of 5 chars is at least half
    assert report["statements"]["micro"]["f"] == pytest.approx(10 / 12)


def test_sections(report):
    # characters 20..24 are OVERVIEW in gold and PREAMBLE predicted: 38 of 43 right
    assert report["sections"]["accuracy"] == pytest.approx(38 / 43)


def test_missing_prediction_counts_as_empty():
    empty = score([GOLD], {})
    assert empty["entities"]["micro"]["strict"]["r"] == 0.0
    assert empty["statements"]["micro"]["found_share"] == 0.0


def test_entities_inside_gold_tables_are_not_scored():
    gold = {**GOLD, "tables": [{"start": 26, "end": 30}]}
    report = score([gold], {"tiny": PRED})
    assert report["entities"]["micro"]["predicted"] == 3


def test_entity_errors_with_context():
    from disclosure_nlp.evaluation.evaluate import entity_errors

    rows = entity_errors([GOLD], {"tiny": PRED}, width=2)
    assert sorted((r["error"], r["label"], r["text"]) for r in rows) == [
        ("FN", "DATE", "2019年8月"),
        ("FN", "PERCENT", "100%"),
        ("FP", "COUNT", "2019年8月"),
        ("FP", "MONEY", "网站"),
        ("FP", "PERCENT", "100"),
    ]
    assert next(r for r in rows if r["label"] == "MONEY")["context"] == "开通‹网站›。存"
