"""The evidence for a hybrid's add_labels: additions counted on a hand-made gold set."""

from __future__ import annotations

import pytest

from disclosure_nlp.evaluation.hybrid import format_additions, held_additions, labels_to_add
from tests.components.test_entity_merge import STUB_PREDICTIONS, hybrid


def test_held_additions_counts_only_what_the_rules_missed():
    # seed-000 (dev) sentences; the stub ner finds a rule entity again (not counted),
    # a channel the rules miss (right), a wrong count and a wrong date
    text = "2019年,在市政府办公室的精心指导下,三门峡微扶贫上传发布信息60条,每周一次更新。"
    STUB_PREDICTIONS[text] = [
        ("2019年", "DATE"),
        ("市政府办公室的精心", "CHANNEL"),
        ("三门峡微扶贫", "CHANNEL"),
        ("一次", "COUNT"),
    ]
    gold = {
        "doc_id": "t",
        "text": text,
        "tables": [],
        "entities": [
            {"start": 0, "end": 5, "label": "DATE", "value": "2019"},
            {"start": 20, "end": 26, "label": "CHANNEL", "value": "wechat"},
            {"start": 32, "end": 35, "label": "COUNT", "value": 60},
        ],
    }
    nlp = hybrid(["CHANNEL", "COUNT"])
    found = held_additions(nlp, [gold])
    assert found["CHANNEL"] == {"added": 2, "right": 1, "precision": 0.5}
    assert found["COUNT"] == {"added": 1, "right": 0, "precision": 0.0}
    assert found["DATE"] == {"added": 0, "right": 0, "precision": None}
    assert nlp.get_pipe("disclosure_entity_merge").add_labels == ("CHANNEL", "COUNT")
    table = format_additions(found, {"CHANNEL": 0.8, "COUNT": 1.0})
    assert "CHANNEL" in table and "add_labels by this split: ['CHANNEL']" in table


@pytest.mark.parametrize(
    ("precision", "rule_f1", "added"),
    [(0.5, 0.8, ["CHANNEL"]), (0.4, 0.8, []), (0.5, 1.0, []), (None, 0.2, [])],
)
def test_labels_to_add(precision, rule_f1, added):
    additions = {
        label: {"added": 0, "right": 0, "precision": None}
        for label in ("COUNT", "PERCENT", "MONEY", "DATE", "HOTLINE", "CHANNEL", "POLICY", "DOC_NO")
    }
    if precision is not None:
        additions["CHANNEL"] = {"added": 10, "right": int(10 * precision), "precision": precision}
    assert labels_to_add(additions, {"CHANNEL": rule_f1}) == added
