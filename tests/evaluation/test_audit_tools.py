"""The gold-audit tools: changes land where they say, agreement finds every difference.

The tools live in annotations/tools (they are scripts, not package code); the
gold they maintain must stay the resolution of the drafts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "annotations" / "tools"))

from apply_audit import AuditError, apply_changes, draft_entities  # noqa: E402
from channel_agreement import clusters, place  # noqa: E402
from resolve_drafts import resolve  # noqa: E402

TEXT = "通过“大冶教育”微信公众号和区政府网站发布,“大冶教育”另开专栏。2020年12月底前完成。"


def _ent(span: str, label: str, value: object, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.find(span, start + 1)
    return {"start": start, "end": start + len(span), "label": label, "text": span, "value": value}


def _record(*ents: dict) -> dict:
    return {"doc_id": "tiny", "entities": list(ents)}


def test_remove_add_and_change_are_placed_by_their_left_context():
    record = _record(
        _ent("大冶教育", "CHANNEL", "wechat"),
        _ent("大冶教育", "CHANNEL", "wechat", nth=1),
        _ent("2020年12月", "DATE", "2020-12"),
    )
    changes = [
        {"doc_id": "tiny", "action": "remove", "label": "CHANNEL", "text": "大冶教育",
         "context_before": "发布,“"},
        {"doc_id": "tiny", "action": "add", "label": "CHANNEL", "text": "区政府网站",
         "context_before": "和", "value": "website"},
        {"doc_id": "tiny", "action": "change", "label": "DATE", "text": "2020年12月",
         "context_before": "。", "new_text": "2020年12月底", "new_value": "2020-12"},
    ]  # fmt: skip
    out = apply_changes(record, TEXT, changes)
    assert [(e["text"], e["value"]) for e in out] == [
        ("大冶教育", "wechat"),
        ("区政府网站", "website"),
        ("2020年12月底", "2020-12"),
    ]
    assert out[0]["start"] == TEXT.find("大冶教育")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"action": "remove", "label": "CHANNEL", "text": "大冶教育", "context_before": "“"},
         "occurs 2 times"),
        ({"action": "remove", "label": "CHANNEL", "text": "区政府网站", "context_before": "和"},
         "no CHANNEL entity"),
        ({"action": "add", "label": "CHANNEL", "text": "大冶教育", "context_before": "通过“",
          "value": "wechat"}, "has this span already"),
        ({"action": "change", "label": "CHANNEL", "text": "大冶教育", "context_before": "通过“",
          "new_text": "区政府网站"}, "does not overlap"),
    ],
)  # fmt: skip
def test_changes_that_cannot_be_placed_are_refused(change, message):
    record = _record(_ent("大冶教育", "CHANNEL", "wechat"))
    with pytest.raises(AuditError, match=message):
        apply_changes(record, TEXT, [{"doc_id": "tiny", **change}])


def test_rewritten_draft_items_resolve_to_the_intended_offsets(tmp_path):
    (tmp_path / "tiny.txt").write_text(TEXT, encoding="utf-8")
    # the second mention alone: a bare "大冶教育" would land on the first
    wanted = [_ent("大冶教育", "CHANNEL", "wechat", nth=1)]
    items = draft_entities(TEXT, wanted, [])
    assert len(items[0]) == 4
    record = resolve({"doc_id": "tiny", "entities": items}, tmp_path)
    assert [(e["start"], e["end"]) for e in record["entities"]] == [
        (wanted[0]["start"], wanted[0]["end"])
    ]


def test_clusters_group_overlapping_differences_and_skip_agreement():
    gold = {
        "tables": [],
        "entities": [
            _ent("大冶教育", "CHANNEL", "wechat"),
            _ent("区政府网站", "CHANNEL", "website"),
        ],
    }
    other = {
        "entities": [_ent("大冶教育", "CHANNEL", "wechat"), _ent("政府网站", "CHANNEL", "website")]
    }
    groups = clusters(gold, other)
    assert len(groups) == 1
    g, p = groups[0]
    assert [e["text"] for e in g] == ["区政府网站"] and [e["text"] for e in p] == ["政府网站"]


def test_place_takes_repeated_spans_in_document_order():
    ents = place(TEXT, [["大冶教育", "wechat", "“"], ["大冶教育", "column", "“"]], "tiny")
    assert [e["start"] for e in ents] == [
        TEXT.find("大冶教育"),
        TEXT.find("大冶教育", TEXT.find("大冶教育") + 1),
    ]


def test_project_gold_is_the_resolution_of_its_drafts():
    drafts = sorted((REPO / "annotations" / "drafts" / "pass1").glob("*.json"))
    drafts += sorted((REPO / "annotations" / "drafts" / "examples").glob("*.json"))
    resolved = {
        r["doc_id"]: r for r in (resolve(json.loads(p.read_text(encoding="utf-8"))) for p in drafts)
    }
    gold_lines = (REPO / "annotations" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {r["doc_id"]: r for r in map(json.loads, gold_lines)}
    assert resolved == gold
