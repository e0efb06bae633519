"""Tests of disclosure_nlp.normalize.quantities; the cases come from corpus/ where noted."""

from __future__ import annotations

import pytest

from disclosure_nlp.errors import DisclosureError
from disclosure_nlp.normalize import (
    CountValue,
    MoneyValue,
    NumberValue,
    parse_count,
    parse_money,
    parse_percent,
)
from disclosure_nlp.normalize.quantities import load_units

# (span, value, unit, marker); the comment names the corpus file and context
COUNT_CASES = [
    ("2889条", 2889, "条", None),  # seed-002 发布信息2889条
    ("100余篇", 100, "篇", "余"),  # seed-000 刊登脱贫攻坚信息100余篇
    ("10万条次", 100000, "条次", None),  # seed-000 推送信息10万条次
    ("19.4万", 194000, None, None),  # seed-002 订阅人数达19.4万
    ("602万次", 6020000, "次", None),  # seed-002 点击人次超过602万次
    ("180万次", 1800000, "次", None),  # gidar-001 阅读量即达180万次
    ("19万次", 190000, "次", None),  # seed-002 阅读人次超过19万次
    ("2万人", 20000, "人", None),  # seed-002 订阅人数近2万人
    ("770万", 7700000, None, None),  # gidar-001 微博粉丝突破770万
    ("6个", 6, "个", None),  # seed-000 到6个有脱贫攻坚任务的县
    ("三个", 3, "个", None),  # 开设三个子栏目 (ANNOTATION.md section 5)
    ("一个", 1, "个", None),  # gidar-116 设立一个专门的信息申请受理点
    ("一名", 1, "名", None),  # seed-001 配专职工作人员一名
    ("两条", 2, "条", None),  # gidar-001 两条微信阅读量
    ("九项", 9, "项", None),  # gidar-032 涉及九项重点领域信息
    ("0件", 0, "件", None),  # gidar-001 其他处理0件
    ("0宗", 0, "宗", None),  # gidar-044 行政强制处理决定数量0宗
    ("64期", 64, "期", None),  # seed-000 编发脱贫攻坚动态64期
    ("168条", 168, "条", None),  # seed-000 栏目播发168条
    ("1名", 1, "名", None),  # gidar-019 落实1名专职人员
    ("5618条次", 5618, "条次", None),  # seed-001 发布政府信息5618条次
    ("3000余人次", 3000, "人次", "余"),  # gidar-049 接访共计3000余人次
    ("40多家", 40, "家", "多"),  # seed-002 40多家中央和省级新闻媒体
    ("400余条", 400, "条", "余"),  # gidar-046 微信公众号编发信息400余条
    ("12190余条", 12190, "条", "余"),  # gidar-032 主动公开各类政府信息12190余条
    ("40000余次", 40000, "次", "余"),  # gidar-046 回应公众关切40000余次
    ("21 件", 21, "件", None),  # gidar-104 受理政府信息公开申请 21 件 (PDF spaces)
    ("１２件", 12, "件", None),
    ("10余万条", 100000, "条", "余"),
    ("100人左右", 100, "人", "左右"),
    ("3次", 3, "次", None),  # seed-000 连续3次
    ("41份", 41, "份", None),  # gidar-111 41份,占比 39.4%
]

NOT_COUNTS = [
    "",
    "条",
    "abc",
    "27.6万元",  # money, not a count
    "近2万人",  # the modifier is outside the span
    "第一",
    "100余人左右",  # two approximation markers
]

DURATIONS = [
    ("3个工作日", "个工作日"),
    ("5小时", "小时"),
    ("15个工作日", "个工作日"),
    ("20天", "天"),
]


@pytest.mark.parametrize(("text", "value", "unit", "marker"), COUNT_CASES)
def test_parse_count(text: str, value: int, unit: str | None, marker: str | None) -> None:
    assert parse_count(text) == CountValue(value, unit, marker is not None, marker)


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_parse_count_rejects(text: str) -> None:
    with pytest.raises(DisclosureError, match=r"\[E050\]"):
        parse_count(text)


@pytest.mark.parametrize(("text", "unit"), DURATIONS)
def test_parse_count_rejects_durations(text: str, unit: str) -> None:
    with pytest.raises(DisclosureError, match=rf"\[E051\].*'{unit}'"):
        parse_count(text)


# (span, value, marker)
PERCENT_CASES = [
    ("100%", 100, None),  # gidar-027 办结率100%
    ("98.2%", 98.2, None),  # seed-001 群众满意率98.2%
    ("99.58%", 99.58, None),  # 评价总数99.58%
    ("0.34%", 0.34, None),  # 量总数的0.34%
    ("39.4%", 39.4, None),
    ("39.4 %", 39.4, None),  # gidar-111 占比 39.4% with a PDF space
    ("0,02%", 0.02, None),  # gidar-027 占0,02%: damaged decimal point
    ("８０％", 80, None),
    ("百分之九十", 90, None),
    ("百分之百", 100, None),
    ("百分之九十点五", 90.5, None),
    ("八成", 80, None),  # gidar-012 占比超八成
    ("九成五", 95, None),
    ("十成", 100, None),
    ("90%以上", 90, "以上"),
    ("百分之九十以上", 90, "以上"),
    ("95%左右", 95, "左右"),
    ("12.3个百分点", 12.3, None),  # decision 24: percentage points (composed)
    ("三个百分点", 3, None),
]

NOT_PERCENTS = ["", "%", "100", "百分之", "成", "十成五", "abc", "个百分点"]


@pytest.mark.parametrize(("text", "value", "marker"), PERCENT_CASES)
def test_parse_percent(text: str, value: int | float, marker: str | None) -> None:
    result = parse_percent(text)
    assert result == NumberValue(value, marker is not None, marker)
    assert type(result.value) is type(value)


@pytest.mark.parametrize("text", NOT_PERCENTS)
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(DisclosureError, match=r"\[E052\]"):
        parse_percent(text)


# (span, yuan, unit, marker)
MONEY_CASES = [
    ("27.6万元", 276000, "万元", None),  # seed-002 今年共计投入27.6万元整
    ("1316.84万元", 13168400, "万元", None),  # seed-003 采购总金额1316.84万元
    ("1.8万元", 18000, "万元", None),  # gidar-106 投入专项经费1.8万元
    ("0万元", 0, "万元", None),  # gidar-044 行政事业性收费金额0万元
    ("380元", 380, "元", None),  # gidar-012 收取信息处理费共计380元
    ("251000元", 251000, "元", None),  # gidar-001 政府集中采购 6 251000元
    ("0元", 0, "元", None),
    ("3千元", 3000, "千元", None),
    ("2.5亿元", 250000000, "亿元", None),
    ("500元", 500, "元", None),
    ("10余万元", 100000, "万元", "余"),
    ("1万余元", 10000, "元", "余"),
    ("3000元左右", 3000, "元", "左右"),
    ("５００元", 500, "元", None),
    ("1,200元", 1200, "元", None),
]

NOT_MONEY = ["", "元", "500", "5万", "27.6万元整", "abc元"]


@pytest.mark.parametrize(("text", "value", "unit", "marker"), MONEY_CASES)
def test_parse_money(text: str, value: int, unit: str, marker: str | None) -> None:
    result = parse_money(text)
    assert result == MoneyValue(value, unit, marker is not None, marker)
    assert isinstance(result.value, int)


@pytest.mark.parametrize("text", NOT_MONEY)
def test_parse_money_rejects(text: str) -> None:
    with pytest.raises(DisclosureError, match=r"\[E053\]"):
        parse_money(text)


def test_units_resource() -> None:
    units = load_units()
    assert load_units() is units  # read once
    assert "条次" in units.count_units and "元" in units.money_units
    # longest first, so that 条次 wins over 条
    assert units.count_units.index("条次") < units.count_units.index("条")
    # a multiplier belongs to the number, never to the unit
    assert not any(unit[0] in "万亿千百" for unit in units.count_units)
    assert not set(units.count_units) & set(units.time_units)
