"""Tests of disclosure_nlp.normalize.dates; the cases come from corpus/ where noted."""

from __future__ import annotations

import pytest

from disclosure_nlp.errors import DisclosureError
from disclosure_nlp.normalize import parse_date

# (span, report year, value); the comment names the corpus file and context
DATE_CASES = [
    ("2019年", 2019, "2019"),  # seed-000 2019年政府信息公开工作年度报告
    ("2019年", None, "2019"),
    ("2024 年", 2024, "2024"),  # PDF text keeps its spaces
    ("2019年8月", 2019, "2019-08"),  # seed-000 2019年8月,市扶贫办与移动
    ("2017年11月17日", 2018, "2017-11-17"),  # seed-002 于2017年11月17日设立宣传信息处
    ("2017年2月22日", 2018, "2017-02-22"),  # seed-002 在2017年2月22日制定出台
    ("2021年04月12日", 2021, "2021-04-12"),
    ("2026年1月23日", 2025, "2026-01-23"),
    ("２０１９年８月", None, "2019-08"),
    ("2019年1月1日起至2019年12月31日", 2019, "2019-01-01/2019-12-31"),
    ("2016年1月1日——2016年12月31日", 2016, "2016-01-01/2016-12-31"),  # gidar-071
    ("2019年1月1日到12月31日", 2019, "2019-01-01/2019-12-31"),  # gidar-001
    ("2021年1月1日至12月31日止", 2021, "2021-01-01/2021-12-31"),  # gidar-024
    ("2022年1月1日起至2022年12月31日止", 2022, "2022-01-01/2022-12-31"),
    ("2012年1月1日起,至2012年12月31日", 2012, "2012-01-01/2012-12-31"),  # a comma after 起
    ("2025年1月1日始,至2025年12月31日", 2025, "2025-01-01/2025-12-31"),  # 始 as 起
    ("2011年1月1日,至2011年12月31日", 2011, "2011-01-01/2011-12-31"),  # a comma alone
    (
        "2023 年 1 月 1 日\n起至 2023 年 12 月 31 日",  # gidar-104, a PDF line break inside
        2023,
        "2023-01-01/2023-12-31",
    ),
    ("6月14日-15日", 2018, "2018-06-14/2018-06-15"),  # seed-002 6月14日-15日人民网
    ("6月14日一15日", 2018, "2018-06-14/2018-06-15"),  # 一 as a dash
    ("6月14-15日", 2018, "2018-06-14/2018-06-15"),
    ("1—7月份", 2019, "2019-01/2019-07"),  # gidar-102 全市1—7月份政府信息公开栏目测评
    ("2019年1-7月", None, "2019-01/2019-07"),
    ("2019年1月～3月", None, "2019-01/2019-03"),
    ("2019—2020年", None, "2019/2020"),
    ("9月30日", 2018, "2018-09-30"),  # seed-002 9月30日举行
    ("1月31日", 2018, "2018-01-31"),  # seed-002 1月31日云南日报刊发
    ("十一月", 2019, "2019-11"),
    ("2019年底", 2019, "2019-12"),  # seed-000 截止2019年底
    ("2009年底", 2009, "2009-12"),
    ("年底", 2019, "2019-12"),
    ("年末", 2019, "2019-12"),
    ("年终", 2023, "2023-12"),  # decision 25: 年终 is 年底
    ("2019年终", None, "2019-12"),
    ("2014年初", 2014, "2014-01"),
    ("年初", 2019, "2019-01"),  # seed-003 年初印发了
    ("年中", 2020, "2020-06/2020-07"),  # gidar-001 年中赴市政府各部门
    ("2015年上半年", 2015, "2015-01/2015-06"),  # gidar-101
    ("上半年", 2015, "2015-01/2015-06"),
    ("下半年", 2015, "2015-07/2015-12"),
    ("2025年一季度", 2025, "2025-01/2025-03"),  # gidar-097 2025年一季度,全县各政府部门
    ("2025年第二季度", None, "2025-04/2025-06"),
    ("三季度", 2020, "2020-07/2020-09"),
    ("第四季度", 2020, "2020-10/2020-12"),
    ("前三季度", 2020, "2020-01/2020-09"),
    ("2019年初至年底", None, "2019-01/2019-12"),
    ("2025年度", 2025, "2025"),  # gidar-021 政府信息公开工作2025年度报告
    ("二〇一九年", None, "2019"),
    ("二0一七年", 2016, "2017"),  # gidar-071 二0一七年 (signature line)
    ("二〇一九年十一月十七日", None, "2019-11-17"),
    ("2019年1月1日起", None, "2019-01-01"),
    # damaged text with an evident reading (ANNOTATION.md section 5)
    ("202251日", 2022, "2022-05-01"),
    ("20251231日", 2025, "2025-12-31"),  # gidar-113 所列数据截止日期为20251231日
    ("201211日至1231日", 2012, "2012-01-01/2012-12-31"),  # gidar-091 统计期限为201211日至1231日
    ("2020年2月29日", None, "2020-02-29"),
    # parts of a month at the month's precision; dotted and slashed dates; 元月
    ("2020年12月底", None, "2020-12"),
    ("11月中旬", 2019, "2019-11"),
    ("2018年10月下旬", None, "2018-10"),
    ("2020年4月中下旬", None, "2020-04"),  # composed: two parts of a month at once
    ("2018.1.1—2018.12.31", None, "2018-01-01/2018-12-31"),
    ("2019/12/31", None, "2019-12-31"),
    # damaged text (external pages): 年 lost between the year and the month
    ("20201月1日至202012月31日", None, "2020-01-01/2020-12-31"),
    ("202012月底", None, "2020-12"),
    ("2019年元月", None, "2019-01"),
    ("2015-2019年度", None, "2015/2019"),
    # a year's 年度 before its quarter or half (external inspection notices, 2026-11)
    ("2023年度第四季度", None, "2023-10/2023-12"),
    ("2019年度上半年", None, "2019-01/2019-06"),
]

NOT_DATES = [
    ("", 2019),
    ("8月", None),  # no year anywhere
    ("年底", None),
    ("今年", 2019),  # relative times are no DATEs
    ("全年", 2019),
    ("本年度", 2019),
    ("年", 2019),
    ("年度", 2019),
    ("2019", 2019),  # a bare number is no date
    ("15日", 2018),  # a day without a month
    ("2019年2月30日", None),
    ("2019年13月", None),
    ("2019年2月29日", None),
    ("2019年03月11日17:10", 2019),  # the clock time stays outside the span
    ("截至2019年底", 2019),  # the preposition stays outside the span
    ("12月31日至1月1日", 2019),  # the end before the start
    ("2019年至2020年至2021年", None),
    ("2019111日", 2019),  # damaged: 1-11 or 11-1, no evident reading
    ("12345日", 2019),  # damaged: no plausible year
    ("1月1日至", 2019),
    ("2019.13.1", None),  # no month 13
    ("2019.2.30", None),
]


@pytest.mark.parametrize(("text", "report_year", "value"), DATE_CASES)
def test_parse_date(text: str, report_year: int | None, value: str) -> None:
    assert parse_date(text, report_year) == value


@pytest.mark.parametrize(("text", "report_year"), NOT_DATES)
def test_parse_date_rejects(text: str, report_year: int | None) -> None:
    assert parse_date(text, report_year) is None


@pytest.mark.parametrize("report_year", [19, 2200, -1])
def test_parse_date_rejects_bad_report_year(report_year: int) -> None:
    with pytest.raises(DisclosureError, match=r"\[E054\]"):
        parse_date("2019年", report_year)


def test_written_year_wins_over_report_year() -> None:
    assert parse_date("2017年11月17日", 2018) == "2017-11-17"
    assert parse_date("11月17日", 2018) == "2018-11-17"
