"""Consistency checks and prose checks of the statutory tables (pure)."""

from __future__ import annotations

import pytest

from disclosure_nlp.tables import TableReader, load_table_schema, read_tables
from disclosure_nlp.tables.checks import FAIL, PASS, UNCERTAIN, compare
from disclosure_nlp.tables.records import ParsedCell, ParsedTable
from tests.conftest import corpus_text

SCHEMA = load_table_schema()
READER = TableReader(SCHEMA)


def statuses(result) -> dict[str, tuple]:
    return {c.name: (c.status, c.left, c.right, c.delta) for c in result.checks}


def _table(cells: dict[tuple[str, str], int | None]) -> ParsedTable:
    rows = sorted({r for r, _ in cells})
    table = ParsedTable("requests", 0, 0, "rows", rows=rows)
    table.cells = [
        ParsedCell("requests", r, c, v, "" if v is None else str(v), None, None)
        for (r, c), v in cells.items()
    ]
    return table


def test_compare_pass_fail_and_uncertain():
    tables = {
        "requests": _table(
            {("new_received", "total"): 13, ("carried_over", "total"): None,
             ("results_total", "total"): 12, ("carried_forward", "total"): 1}
        )
    }  # fmt: skip
    left = [("requests", "new_received", "total"), ("requests", "carried_over", "total")]
    right = [("requests", "results_total", "total"), ("requests", "carried_forward", "total")]
    check = compare("requests.balance.total", tables, left, right)
    assert (check.status, check.left, check.right, check.delta) == (PASS, 13, 13, 0)
    assert check.cells[1] == {
        "table": "requests", "row": "carried_over", "column": "total", "value": None, "raw": "",
        "start": None, "end": None,
    }  # fmt: skip
    check = compare("x", tables, left, right[:1])
    assert (check.status, check.delta) == (FAIL, 1)
    check = compare("x", tables, left, [("requests", "disclosed", "total")])
    assert (check.status, check.left, check.right, check.delta) == (UNCERTAIN, 13, None, None)
    assert check.cells[-1]["missing"] is True


def test_seed_003_checks_by_hand():
    # 一 3,1,·,·,·,·,4; 二 blank; (二) 2,1,…,3; (四)1 1,…,1; (七) 3,1,…,4; 四 blank
    got = statuses(read_tables(corpus_text("seed-003")))
    assert got["requests.balance.natural_person"] == (PASS, 3, 3, 0)
    assert got["requests.balance.total"] == (PASS, 4, 4, 0)
    assert got["requests.results_sum.natural_person"] == (PASS, 3, 3, 0)
    assert got["requests.results_sum.commercial_enterprise"] == (PASS, 1, 1, 0)
    assert got["requests.total_column.partially_disclosed"] == (PASS, 3, 3, 0)
    assert got["review.total.litigation_direct"] == (PASS, 5, 5, 0)
    assert len(got) == 7 + 7 + 23 + 3


def test_a_wrong_total_fails():
    text = corpus_text("seed-003").replace("(七)总计\n\n  \n\n3", "(七)总计\n\n  \n\n5", 1)
    got = statuses(read_tables(text))
    assert got["requests.results_sum.natural_person"] == (FAIL, 3, 5, -2)
    assert got["requests.balance.natural_person"] == (FAIL, 3, 5, -2)
    assert got["requests.total_column.results_total"] == (FAIL, 6, 4, 2)


def test_ambiguous_rows_make_checks_uncertain():
    got = statuses(read_tables(corpus_text("seed-001")))
    assert got["requests.balance.natural_person"][0] == UNCERTAIN
    assert got["requests.total_column.new_received"][0] == UNCERTAIN
    assert got["requests.total_column.carried_over"] == (PASS, 0, 0, 0)  # all blank
    assert got["review.total.administrative_review"][0] == UNCERTAIN
    # the 2021 split rows of (六) are summed, not (六) itself
    assert "requests.total_column.other_no_correction" in got
    assert "requests.total_column.other_handling" not in got


def test_no_checks_without_the_table():
    result = read_tables(corpus_text("gidar-019"))  # a fragment: only the active table
    assert set(result.tables) == {"active"} and result.checks == []


@pytest.mark.parametrize(
    ("sentence", "name", "value"),
    [
        ("2019年,三门峡市扶贫办未收到依申请公开信息申请报告。", "prose.requests_received", 0),
        ("本年度共收到政府信息公开申请13件,均已按时答复。", "prose.requests_received", 13),
        ("全年收到依申请公开申请 4 件。", "prose.requests_received", 4),
        ("收到政府信息公开申请三件。", "prose.requests_received", 3),
        ("共办理 718 件,结转下一年 31 件。", "prose.carried_forward", 31),
        # not this year's new requests: 受理 counts carried-over ones (gidar-012)
        ("全县全年共受理政府信息公开申请 749 件。", None, None),
        ("共收到政府信息公开申请15件(含上年结转2件)。", None, None),
        ("收到和办理政府信息公开申请2件。", None, None),
        ("共办理依申请公开13件,均已办结。", None, None),
    ],
)
def test_prose_figures(sentence, name, value):
    table = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
        "四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31 |\n"
    )
    text = f"{sentence}\n{table}五、存在的主要问题\n"
    start = text.index("一、本年新收")
    end = text.index("五、存在")
    sections = [(0, start, "OVERVIEW"), (start, end, "REQUESTS"), (end, len(text), "PROBLEMS")]
    result = READER.read(text, sections, [(start, end - 1)], "2019-statutory")
    prose = [c for c in result.checks if c.name.startswith("prose.")]
    if name is None:
        assert prose == []
        return
    assert [(c.name, c.left) for c in prose] == [(name, value)]
    table_value = 4 if name == "prose.requests_received" else 31
    assert prose[0].status == (PASS if value == table_value else FAIL)
    assert prose[0].cells[0]["prose"] in sentence


def test_prose_checks_of_the_seed_report():
    got = statuses(read_tables(corpus_text("seed-000")))
    assert got["prose.requests_received"] == (PASS, 0, 0, 0)
