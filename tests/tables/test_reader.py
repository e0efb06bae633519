"""The table reader on the layouts of the corpus (train/dev texts), without spaCy."""

from __future__ import annotations

import pytest

from disclosure_nlp.io.html import html_to_text
from disclosure_nlp.tables import TableReader, load_table_schema, read_tables
from disclosure_nlp.tables.cells import (
    BLANK,
    CAPTION,
    LABEL,
    MARKER,
    PAGE,
    TEXT,
    VALUE,
    CellTokenizer,
    Token,
    cell_unit,
    parse_cell_value,
    place_row,
)
from tests.conftest import corpus_text

SCHEMA = load_table_schema()
READER = TableReader(SCHEMA)


def read(text: str, section: str = "REQUESTS", fmt: str | None = None, tail: str = "\n五、"):
    """Read a snippet that is one whole table block of a section; ``tail`` follows it."""
    return READER.read(text + tail, [(0, len(text), section)], [(0, len(text))], fmt)


def placed(result, table: str) -> dict[tuple[str, str], tuple]:
    return {
        (c.row, c.column): (c.value, c.raw) for c in result.tables[table].cells if not c.ambiguous
    }


def ambiguous(result, table: str) -> list[tuple]:
    return [(c.row, c.raw) for c in result.tables[table].cells if c.ambiguous]


# ---------------------------------------------------------------- values
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("31981", 31981),
        ("-43", -43),
        ("−43", -43),
        ("4068.208", 4068.208),
        ("1316.84万元", 1316.84),
        ("1,316.84", 1316.84),
        ("335,840", 335840),
        ("12件", 12),
        ("+5", 5),
        ("-", None),
        ("/", None),
        ("无", None),
        ("总计", None),
        ("三", None),
    ],
)
def test_parse_cell_value(text, value):
    from disclosure_nlp.tables import normalize_label

    assert parse_cell_value(normalize_label(text), SCHEMA.value_re) == value


def test_full_width_digits_are_values():
    tok = CellTokenizer(SCHEMA).classify_text("４５", 0, SCHEMA.tables["active"])
    assert (tok.kind, tok.value) == (VALUE, 45)


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("-2-", PAGE, None),
        ("第二十条第（五）项", CAPTION, None),
        ("/", MARKER, None),
        ("——", MARKER, None),
        ("（二）部分公开（区分处理的，只计这一情 形，不", LABEL, "partially_disclosed"),
        ("2.其他法律行政止公开", LABEL, "withheld_prohibited_by_law"),
        ("5.要求行政机关确认或重 新出具", LABEL, "not_processed_confirmation"),
        ("三 、本 年 度办 理 结果", LABEL, "results"),
        ("3. 其他", LABEL, "other_other"),
        ("（六）其他处理", LABEL, "other_handling"),
        ("（七）总计", LABEL, "results_total"),
        ("总 计", TEXT, None),
        ("其他", TEXT, None),
        ("计其他情形）", TEXT, None),
        ("已获取信息", TEXT, None),
    ],
)
def test_classify_request_cells(text, kind, key):
    tok = CellTokenizer(SCHEMA).classify_text(text, 0, SCHEMA.tables["requests"])
    assert (tok.kind, tok.key) == (kind, key)


# ---------------------------------------------------------------- place_row
def _cells(spec: str) -> list[Token]:
    """'5 _ 7' -> value 5, blank, value 7."""
    out = []
    for i, part in enumerate(spec.split()):
        if part == "_":
            out.append(Token(BLANK, "", i, i, 0))
        else:
            out.append(Token(VALUE, part, i, i + 1, 0, value=int(part)))
    return out


@pytest.mark.parametrize(
    ("cells", "n", "in_place", "expected"),
    [
        ("0 0 0", 3, False, ["0", "0", "0"]),
        ("0 0 0 _ _", 3, False, ["0", "0", "0"]),  # colspan padding after a full row
        ("_ _ _", 3, False, [None, None, None]),  # all blank
        ("201 _ 31981", 3, False, ["201", None, "31981"]),  # blank inside: in place
        ("3 1 _ _ _ _ 4", 7, False, ["3", "1", None, None, None, None, "4"]),
        ("13 13 _ _ _ _ _", 7, False, None),  # blanks after the values: lost places
        ("13 13 _ _ _ _ _", 7, True, ["13", "13", None, None, None, None, None]),
        ("40 _", 2, True, ["40", None]),
        ("40 _", 2, False, None),
        ("40 _ _", 2, True, ["40", None]),
        ("40", 2, True, None),
        ("1 2 3 4", 3, True, None),  # more values than columns
    ],
)
def test_place_row(cells, n, in_place, expected):
    got = place_row(_cells(cells), n, in_place)
    if expected is None:
        assert got is None
    else:
        assert [None if c is None or c.kind == BLANK else c.text for c in got] == expected


# ---------------------------------------------------------------- layouts
def test_pipe_rows_with_colspan_padding():
    # seed-000: one row a line, cells separated by |, empty cells for colspans
    text = (
        "第二十条第(一)项 | |||\n信息内容 | 本年新 | 本年新 | 对外公开总数量 |\n"
        "规章 | 0 | 0 | 0 |\n规范性文件 | 5 | 5 | 5 |\n"
        "第二十条第(八)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | |\n"
        "行政事业性收费 | 0 | 0 | |"
    )
    result = read(text, "ACTIVE", "2019-statutory")
    cells = placed(result, "active")
    assert cells[("normative_documents", "total_published")] == (5, "5")
    assert cells[("administrative_fees", "items_change")] == (0, "0")
    assert len(cells) == 8 and not ambiguous(result, "active")
    cell = result.tables["active"].cell("normative_documents", "made")
    assert text[cell.start : cell.end] == "5" and text[cell.start - 4 : cell.start] == "件 | "


def test_one_cell_a_line_with_pipes():
    # gidar-032
    text = "规章 |\n0 |\n0 |\n0 |\n规范性文件 |\n2 |\n2 |\n9 |"
    cells = placed(read(text, "ACTIVE", "2019-statutory"), "active")
    assert [
        cells[("normative_documents", c)] for c in ("made", "published", "total_published")
    ] == [
        (2, "2"),
        (2, "2"),
        (9, "9"),
    ]


def test_no_break_spaces_are_blank_cells_in_place():
    # seed-003: one cell a line between "  " lines, a blank cell is a no-break space
    text = corpus_text("seed-003")
    start = text.index("第二十条第(五)项")
    end = text.index("第二十条第(八)项")
    result = read(text[start:end], "ACTIVE", "2019-statutory")
    cells = placed(result, "active")
    assert cells[("administrative_licensing", "items_last_year")] == (201, "201")
    assert cells[("administrative_licensing", "items_change")] == (None, "")
    assert cells[("administrative_licensing", "decisions")] == (31981, "31981")
    assert cells[("other_external_services", "items_change")] == (-43, "-43")


def test_tab_separated_cells():
    # gidar-019
    text = "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t1\t8040"
    cells = placed(read(text, "ACTIVE", "2019-statutory"), "active")
    assert cells == {
        ("centralized_procurement", "procurement_items"): (1, "1"),
        ("centralized_procurement", "procurement_amount"): (8040, "8040"),
    }


ACTIVE_COLUMNS = {c.key: c for c in SCHEMA.tables["active"].columns}


@pytest.mark.parametrize(
    ("raw", "column", "unit"),
    [
        ("251000元", "procurement_amount", "元"),  # gidar-001
        ("1316.84万元", "procurement_amount", "万元"),  # seed-003
        ("1316.84 万元", "procurement_amount", "万元"),
        ("8040", "procurement_amount", None),  # gidar-019: the 2019 form states no unit
        ("7545", "fee_amount", "万元"),  # gidar-105: 本年收费金额(单位:万元)
        ("", "fee_amount", "万元"),
        ("12件", "issued", None),  # a count
        ("1", "procurement_items", None),
        ("251000元", None, "元"),  # not placed in a column
        ("12", None, None),
    ],
)
def test_the_unit_of_an_amount_of_money(raw, column, unit):
    assert cell_unit(raw, ACTIVE_COLUMNS.get(column)) == unit


def test_amounts_carry_their_unit_into_the_records():
    text = "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t1\t251000元"
    cells = read(text, "ACTIVE", "2019-statutory").tables["active"].cells
    units = {(c.column, c.unit) for c in cells}
    assert units == {("procurement_items", None), ("procurement_amount", "元")}
    assert {c.to_dict()["unit"] for c in cells} == {None, "元"}


def test_space_padded_cells():
    text = (
        "信息内容      本年制发件数      本年废止件数      现行有效件数\n"
        "规章      0      0      0\n行政规范性文件      6      1      32"
    )
    cells = placed(read(text, "ACTIVE", "2021-statutory"), "active")
    assert cells[("normative_documents", "in_force")] == (32, "32")
    assert cells[("regulations", "issued")] == (0, "0")


def test_space_padded_row_that_lost_a_blank_is_ambiguous():
    text = "行政许可      201      31981\n行政处罚      3181      0      293"
    result = read(text, "ACTIVE", "2019-statutory")
    assert ambiguous(result, "active") == [
        ("administrative_licensing", "201"),
        ("administrative_licensing", "31981"),
    ]
    assert placed(result, "active")[("administrative_penalty", "decisions")] == (293, "293")
    assert result.tables["active"].ambiguous_rows == ["administrative_licensing"]


def test_single_spaces_after_a_label_are_cells():
    # composed: a web page's table copied as text, each cell after one space
    text = (
        "一、本年新收政府信息公开申请数量 9 3 0 0 0 0 12\n"
        "二、上年结转政府信息公开申请数量 1 2\n"
        "四、结转下年度继续办理 0 0 0 0 0 0 0"
    )
    result = read(text, "REQUESTS", "2021-statutory")
    cells = placed(result, "requests")
    assert cells[("new_received", "natural_person")] == (9, "9")
    assert cells[("new_received", "total")] == (12, "12")
    assert cells[("carried_forward", "total")] == (0, "0")
    # blanks collapsed with the spaces: the values are kept, the row is left ambiguous
    assert ambiguous(result, "requests") == [("carried_over", "1"), ("carried_over", "2")]
    assert ("carried_over", "total") not in cells


def test_digits_apart_are_never_one_number():
    # composed: one space where a tab was; 2 1 859 are three cells, not 21859
    text = "一、本年新收政府信息公开申请数量 821 35   2 1 859"
    result = read(text, "REQUESTS", "2021-statutory")
    values = [raw for _, raw in ambiguous(result, "requests")]
    assert values == ["821", "35", "2", "1", "859"]
    tokens = CellTokenizer(SCHEMA).classify("2 1 859", 0, "space", SCHEMA.tables["requests"])
    assert [(t.kind, t.value) for t in tokens] == [(VALUE, 2), (VALUE, 1), (VALUE, 859)]
    # a number and its unit apart are still one cell
    assert parse_cell_value("1316.84万元", SCHEMA.value_re) == 1316.84
    token = CellTokenizer(SCHEMA).classify_text("1316.84 万元", 0, SCHEMA.tables["active"])
    assert (token.kind, token.value) == (VALUE, 1316.84)


def test_a_change_written_in_words_is_a_signed_value():
    # composed: the 2019 form's 本年增/减 column as 增N / 减N
    assert parse_cell_value("减1", SCHEMA.value_re) == -1
    assert parse_cell_value("增12", SCHEMA.value_re) == 12
    assert parse_cell_value("减少", SCHEMA.value_re) is None
    text = "行政许可 | 5 | 减1 | 47 |\n行政处罚 | 3 | 增2 | 10 |"
    cells = placed(read(text, "ACTIVE", "2019-statutory"), "active")
    assert cells[("administrative_licensing", "items_change")] == (-1, "减1")
    assert cells[("administrative_penalty", "items_change")] == (2, "增2")


def test_markdown_tables_with_made_up_headers():
    # gidar-012: one Markdown table a group, headers 数据1 … and a bogus header row
    text = corpus_text("gidar-012")
    start = text.index("## 三、收到和处理")
    end = text.index("## 四、政府信息公开行政复议")
    body = text[start:end]
    block = body[body.index("(本列数据") :]
    result = read(block, "REQUESTS", "2021-statutory")
    cells = placed(result, "requests")
    assert cells[("new_received", "natural_person")] == (705, "705")
    assert cells[("new_received", "total")] == (713, "713")
    assert cells[("other_unpaid_fees", "total")] == (7, "7")  # after the bogus header
    assert cells[("results_total", "total")] == (718, "718")
    assert cells[("carried_forward", "natural_person")] == (31, "31")
    assert "other_handling" not in result.tables["requests"].rows  # split in three
    assert not ambiguous(result, "requests")


def test_collapsed_blank_cells_leave_the_row_ambiguous():
    # seed-001: the blank cells of a row collapse into one run of | after the values
    text = (
        "一、本年新收政府信息公开申请数量 |\n13 |\n13 |\n|||||||\n"
        "二、上年结转政府信息公开申请数量 |\n|||||||||\n"
        "四、结转下年度继续办理 |\n"
    )
    result = read(text, "REQUESTS")
    assert ambiguous(result, "requests") == [("new_received", "13"), ("new_received", "13")]
    cells = placed(result, "requests")
    assert cells[("carried_over", "total")] == (None, "")
    assert cells[("carried_forward", "natural_person")] == (None, "")
    assert ("new_received", "natural_person") not in cells


def test_pdf_text_with_rows_written_column_by_column():
    # gidar-105: values before their labels, nine and five rows written as columns
    text = corpus_text("gidar-105")
    result = read_tables(text)
    requests = result.tables["requests"]
    assert requests.mode == "stream" and not requests.ambiguous_rows
    cells = placed(result, "requests")
    assert cells[("new_received", "total")] == (95, "95")
    assert cells[("withheld_three_safeties", "natural_person")] == (1, "1")
    assert cells[("withheld_three_safeties", "commercial_enterprise")] == (0, "0")
    assert cells[("unavailable_not_held", "total")] == (31, "31")
    assert cells[("not_processed_petition", "natural_person")] == (1, "1")
    assert cells[("other_handling", "total")] == (0, "0")
    assert cells[("results_total", "natural_person")] == (95, "95")
    review = placed(result, "review")
    assert review[("litigation_after_review", "total")] == (3, "3")  # after a stray 总计
    assert review[("administrative_review", "corrected")] == (1, "1")
    active = placed(result, "active")
    assert active[("administrative_licensing", "decisions")] == (9487, "9487")  # after -2-
    assert active[("administrative_fees", "fee_amount")] == (7545, "7545")  # before its label


def test_html_rows_keep_blank_cells_and_markers():
    rows = [
        ["一、本年新收政府信息公开申请数量", "3", "1", "", "", "", "", "4"],
        ["二、上年结转政府信息公开申请数量", "", "", "", "", "", "", ""],
        ["三、本年度办理结果", "(一)予以公开", "/", "/", "/", "/", "/", "/", "/"],
        ["(七)总计", "3", "1", "", "", "", "", "4"],
        ["四、结转下年度继续办理", "无", "", "", "", "", "", ""],
    ]
    html = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    text = html_to_text(f"<html><body><table>{html}</table></body></html>")
    assert text.splitlines()[4] == "四、结转下年度继续办理 | 无 |  |  |  |  |  |"
    result = read(text)
    cells = placed(result, "requests")
    assert cells[("new_received", "commercial_enterprise")] == (1, "1")
    assert cells[("new_received", "research_institution")] == (None, "")
    assert cells[("disclosed", "total")] == (None, "/")
    assert cells[("carried_forward", "natural_person")] == (None, "无")
    assert cells[("carried_forward", "total")] == (None, "")
    assert not ambiguous(result, "requests")


def test_fragment_cut_inside_a_row():
    # gidar-023 ends after the first value of 规章: no column is certain
    result = read_tables(corpus_text("gidar-023"))
    assert ambiguous(result, "active") == [("regulations", "0")]
    assert not placed(result, "active")


def test_fragment_cut_after_a_label_has_no_cells():
    result = read("规章 |\n0 |\n0 |\n0 |\n规范性文件 |", "ACTIVE", "2019-statutory", tail="\n")
    assert result.tables["active"].missing_rows == ["normative_documents"]
    assert {c.row for c in result.tables["active"].cells} == {"regulations"}


@pytest.mark.parametrize(
    ("doc_id", "fmt"),
    [
        ("seed-000", "2019-statutory"),
        ("seed-001", "2021-statutory"),
        ("seed-003", "2019-statutory"),
        ("gidar-012", "2021-statutory"),
        ("gidar-105", "2021-statutory"),
    ],
)
def test_format_from_the_tables_wording(doc_id, fmt):
    assert read_tables(corpus_text(doc_id)).format == fmt


def test_format_falls_back_to_the_report_metadata():
    text = "规章 | 0 | 0 | 0 |"
    assert read(text, "ACTIVE", "2021-statutory").format == "2021-statutory"
    assert read(text, "ACTIVE").format is None
    # without a format the active columns are unknown: nothing is placed
    assert ambiguous(read(text, "ACTIVE"), "active") == [("regulations", "0")] * 3


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="E116"):
        read_tables("规章 | 0 | 0 | 0 |", fmt="2015")


def test_report_without_statutory_tables():
    result = read_tables(corpus_text("seed-002"))  # a pre-2019 report
    assert result.tables == {} and result.checks == []
    assert result.to_dict() == {"format": None, "tables": {}, "checks": []}


def test_result_round_trips_as_plain_data():
    from disclosure_nlp.tables import TablesResult

    result = read_tables(corpus_text("seed-003"))
    data = result.to_dict()
    assert TablesResult.from_dict(data).to_dict() == data
    kinds = {r["kind"] for r in result.records()}
    assert kinds == {"table", "check"}


def test_a_block_without_form_labels_is_no_statutory_table():
    # a 政策解读 summary table (GUIDELINE §8.17) is prose, not a statutory table
    result = read("解读类型 | 数量 |\n文字解读 | 21 |\n图解 | 3 |", "ACTIVE", "2019-statutory")
    assert result.tables == {} and result.checks == []


def test_pipe_row_with_blanks_inside_and_padding():
    text = (
        "一、本年新收政府信息公开申请数量 | 3 | | | | | | 3 | ||\n"
        "二、上年结转政府信息公开申请数量 | | | | | | | | ||\n"
    )
    cells = placed(read(text), "requests")
    assert cells[("new_received", "natural_person")] == (3, "3")
    assert cells[("new_received", "commercial_enterprise")] == (None, "")
    assert cells[("new_received", "total")] == (3, "3")
    assert cells[("carried_over", "natural_person")] == (None, "")
