"""The scikit-learn statement baseline: gold unit labels, training on a tiny set, save/load."""

from __future__ import annotations

import pytest

from disclosure_nlp.training.statement_baseline import (
    NONE_LABEL,
    StatementBaseline,
    context_features,
    gold_unit_label,
)

# four tiny reports in the shape of gold records (sentences from gidar-094, gidar-086,
# gidar-089 and gidar-092)
TRAIN = [
    {
        "doc_id": "a",
        "text": "一、主动公开政府信息情况\n一年来,通过公示栏、网站等形式公示政务信息36条。\n"
        "二、政府信息公开工作存在的主要问题及改进情况\n"
        "我镇在政府信息公开方面存在部分信息更新不及时问题。"
        "下一步,我镇将进一步加强信息公开工作的组织领导,认真组织培训。",
    },
    {
        "doc_id": "b",
        "text": "一、政府信息主动公开情况\n2015年度主动公开政府信息62条。\n"
        "二、存在的主要问题和下步工作措施\n(一)存在的问题\n信息公开的内容还需进一步规范。\n"
        "(二)下步工作措施\n进一步建立、健全政府信息公开的工作机制,深化主动公开内容。",
    },
    {
        "doc_id": "c",
        "text": "一、政府信息依申请公开情况\n本街道2017年度未发生依申请公开信息受理事项。\n"
        "二、存在的主要问题和改进措施\n一是信息公开的范围有待进一步扩大;"
        "二是信息公开及时性有待进一步提高。\n"
        "下一步,我街道将进一步梳理政府信息,及时提供,定期维护。",
    },
    {
        "doc_id": "d",
        "text": "一、依申请公开政府信息办理情况\n2010年,我局没有受理信息公开申请。\n"
        "二、存在的问题及改进措施\n公开内容不全面;信息共享机制不够健全。\n"
        "今后,我局将认清形势,找准定位,积极强化措施。",
    },
]


def _gold(record: dict, *labelled: tuple[str, str]) -> dict:
    text = record["text"]
    statements = []
    for sentence, label in labelled:
        start = text.index(sentence)
        statements.append({"start": start, "end": start + len(sentence), "label": label})
    return {**record, "statements": statements}


GOLDS = [
    _gold(
        TRAIN[0],
        ("我镇在政府信息公开方面存在部分信息更新不及时问题。", "PROBLEM"),
        ("下一步,我镇将进一步加强信息公开工作的组织领导,认真组织培训。", "IMPROVEMENT"),
    ),
    _gold(
        TRAIN[1],
        ("信息公开的内容还需进一步规范。", "PROBLEM"),
        ("进一步建立、健全政府信息公开的工作机制,深化主动公开内容。", "IMPROVEMENT"),
    ),
    _gold(
        TRAIN[2],
        ("一是信息公开的范围有待进一步扩大;", "PROBLEM"),
        ("二是信息公开及时性有待进一步提高。", "PROBLEM"),
        ("下一步,我街道将进一步梳理政府信息,及时提供,定期维护。", "IMPROVEMENT"),
    ),
    _gold(
        TRAIN[3],
        ("公开内容不全面;", "PROBLEM"),
        ("信息共享机制不够健全。", "PROBLEM"),
        ("今后,我局将认清形势,找准定位,积极强化措施。", "IMPROVEMENT"),
    ),
]


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (0, 10, "PROBLEM"),  # fully inside
        (4, 14, "PROBLEM"),  # 6 of 10 characters covered
        (5, 15, NONE_LABEL),  # half is not most
        (20, 30, NONE_LABEL),
    ],
)
def test_gold_unit_label(start, end, label):
    text = "x" * 40
    assert gold_unit_label(text, start, end, [{"start": 0, "end": 10, "label": "PROBLEM"}]) == label


def test_gold_unit_label_ignores_white_space():
    text = "ab\n\n\n\ncd"
    statements = [{"start": 0, "end": 2, "label": "IMPROVEMENT"}]
    assert gold_unit_label(text, 0, 8, statements) == NONE_LABEL
    assert gold_unit_label(text, 0, 6, statements) == "IMPROVEMENT"


def test_trains_on_a_tiny_set_and_predicts(tmp_path):
    model = StatementBaseline().fit(GOLDS)
    text = (
        "五、存在的主要问题及改进情况\n我局在政府信息公开方面存在部分信息更新不及时问题。"
        "下一步,我局将进一步加强信息公开工作的组织领导。"
    )
    found = model.predict(text)
    assert [(text[s:e], label) for s, e, label, _ in found] == [
        ("我局在政府信息公开方面存在部分信息更新不及时问题。", "PROBLEM"),
        ("下一步,我局将进一步加强信息公开工作的组织领导。", "IMPROVEMENT"),
    ]
    assert all(0.0 <= score <= 1.0 for *_, score in found)
    scores = model.evaluate(GOLDS)
    assert scores["per_label"]["PROBLEM"]["f"] == 1.0
    assert scores["per_label"]["IMPROVEMENT"]["found_share"] == 1.0

    path = model.save(tmp_path / "baseline.joblib")
    loaded = StatementBaseline.load(path)
    assert loaded.predict(text) == found
    assert loaded.c == model.c and loaded.ngram_range == (1, 3)


def test_context_features_follow_the_reader():
    model = StatementBaseline()
    contexts = model.featurizer.contexts(TRAIN[1]["text"])
    feats = context_features(contexts, model.featurizer.scorer)
    by_text = {c.text: f for c, f in zip(contexts, feats, strict=True)}
    item = by_text["进一步建立、健全政府信息公开的工作机制,深化主动公开内容。"]
    assert item["section"] == "PROBLEMS"
    assert item["section_class"] == "MIXED"
    assert item["subheading_class"] == "IMPROVEMENT"
    assert item["prev_kind"] == "subheading"
    assert by_text["(一)存在的问题"]["kind"] == "subheading"
    assert by_text["(一)存在的问题"]["first_item"] == 1.0


def test_unfitted_and_missing_models_fail_clearly(tmp_path):
    with pytest.raises(ValueError, match="E095"):
        StatementBaseline().predict("一是公开不及时。")
    with pytest.raises(FileNotFoundError, match="E095"):
        StatementBaseline.load(tmp_path / "missing.joblib")
    bad = tmp_path / "bad.joblib"
    bad.write_bytes(b"not a model")
    with pytest.raises(ValueError, match="E095"):
        StatementBaseline.load(bad)
    with pytest.raises(ValueError, match="E094"):
        StatementBaseline().fit([])
