"""The table schema resource: keys, labels, validation."""

from __future__ import annotations

import copy
import json

import pytest

from disclosure_nlp.resources import resource_path
from disclosure_nlp.tables import FORMATS, TableSchema, load_table_schema

DATA = json.loads(resource_path("table_schema.json").read_text(encoding="utf-8"))


def test_packaged_schema_loads():
    schema = load_table_schema()
    assert schema.formats == FORMATS
    requests = schema.tables["requests"]
    assert [c.key for c in requests.columns] == [
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_organization", "legal_service_institution", "other_organization", "total",
    ]  # fmt: skip
    assert requests.row("results_total").labels["2021-statutory"] == "(七)总计"
    assert requests.row("other_other").columns_for("2019-statutory") is None
    active = schema.tables["active"]
    assert active.row("administrative_fees").columns_for("2021-statutory") == ("fee_amount",)
    assert active.row("administrative_fees").columns_for("2019-statutory") == (
        "items_last_year",
        "items_change",
    )
    assert [r.key for r in schema.tables["review"].rows] == [
        "administrative_review",
        "litigation_direct",
        "litigation_after_review",
    ]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("一、本年新收政府信息公开申请数量", "new_received"),
        ("本年新收政府信息公开申请数量", "new_received"),
        ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "partially_disclosed"),
        ("4.保护第三方合法权益", "withheld_third_party_rights"),
        ("2.重复申请", "not_processed_repeated"),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
        ("(六)其他", "other_handling"),
        ("四、结转下年度继续办理", "carried_forward"),
    ],
)
def test_row_labels(label, key):
    assert load_table_schema().tables["requests"].match_label(label) == (key, False)


def test_round_trip():
    schema = load_table_schema()
    assert TableSchema.from_dict(copy.deepcopy(schema.to_dict())).to_dict() == schema.to_dict()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d.update(colour="red"), "E111"),
        (lambda d: d["tables"]["requests"]["rows"][0].update(colour="red"), "E111"),
        (lambda d: d["tables"].pop("review"), "E112"),
        (lambda d: d["tables"]["active"]["rows"][0]["patterns"].append("(unclosed"), "E110"),
        (lambda d: d["tables"]["active"]["rows"][0]["columns"].update({"2015": []}), "E110"),
        (lambda d: d["tables"]["active"].update(mode="sideways"), "E110"),
        (lambda d: d["checks"][0].update(left=["no_such_row"]), "E110"),
        (lambda d: d["prose_checks"][0]["patterns"].append("收到(\\d+)件"), "E110"),
        (lambda d: d.pop("markers"), "E110"),
    ],
)
def test_bad_schema_is_refused(change, code):
    data = copy.deepcopy(DATA)
    change(data)
    with pytest.raises(ValueError, match=code):
        TableSchema.from_dict(data, "bad.json")
