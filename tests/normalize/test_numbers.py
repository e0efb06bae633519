"""Tests of disclosure_nlp.normalize.numbers; the cases come from corpus/ where noted."""

from __future__ import annotations

import pytest

from disclosure_nlp.normalize import MODIFIERS, NumberValue, parse_number, split_modifiers

# (text, value, marker); the comment names the corpus file and context
NUMBER_CASES = [
    ("2889", 2889, None),  # seed-002 发布信息2889条
    ("1,316.84", 1316.84, None),
    ("12,345,678", 12345678, None),
    ("２０１９", 2019, None),
    ("98.2", 98.2, None),  # seed-001 群众满意率98.2%
    ("27.6", 27.6, None),  # seed-002 投入27.6万元整
    ("0", 0, None),  # gidar-001 其他处理0件
    ("0,02", 0.02, None),  # gidar-027 占0,02%: a comma for the decimal point
    ("二千八百八十九", 2889, None),
    ("十二", 12, None),
    ("两", 2, None),  # gidar-001 两条微信
    ("一", 1, None),  # seed-001 专职工作人员一名
    ("九", 9, None),  # gidar-032 涉及九项重点领域
    ("一百零五", 105, None),
    ("一千零五十", 1050, None),
    ("三千五", 3500, None),
    ("一百五", 150, None),
    ("〇", 0, None),
    ("零", 0, None),
    ("二〇一九", 2019, None),
    ("二0一七", 2017, None),  # gidar-071 二0一七年
    ("九十点五", 90.5, None),
    ("1.2万", 12000, None),
    ("3千", 3000, None),
    ("19.4万", 194000, None),  # seed-002 订阅人数达19.4万
    ("10万", 100000, None),  # seed-000 推送信息10万条次
    ("602万", 6020000, None),  # seed-002 超过602万次
    ("2300万", 23000000, None),  # gidar-001 播放量超2300万
    ("2.5亿", 250000000, None),
    ("1316.84万", 13168400, None),  # seed-003 1316.84万元
    ("2千万", 20000000, None),
    ("千万", 10000000, None),  # gidar-012 2条破千万
    ("一万二", 12000, None),
    ("两万三", 23000, None),
    ("十万", 100000, None),
    ("一亿二千万", 120000000, None),
    ("100余", 100, "余"),  # seed-000 信息100余篇
    ("12190余", 12190, "余"),  # gidar-032 政府信息12190余条
    ("40000余", 40000, "余"),  # gidar-046 回应公众关切40000余次
    ("40多", 40, "多"),  # seed-002 40多家中央和省级新闻媒体
    ("10余万", 100000, "余"),
    ("十余万", 100000, "余"),
    ("一百多万", 1000000, "多"),
    ("5左右", 5, "左右"),
    ("90以上", 90, "以上"),
    ("2 889", 2889, None),  # PDF text: spaces inside are ignored
]

NOT_NUMBERS = [
    "",
    "余",
    "近2万",  # the modifier is outside the span (seed-002 近2万人)
    "2889条",  # the unit is parse_count's business
    "2019年",
    "第一",
    "二三",  # "two or three", not 23
    "八百二千",
    "1.",
    ".5",
    "1,2,3",
    "10余万多",
    "abc",
]


@pytest.mark.parametrize(("text", "value", "marker"), NUMBER_CASES)
def test_parse_number(text: str, value: int | float, marker: str | None) -> None:
    result = parse_number(text)
    assert result == NumberValue(value, approximate=marker is not None, marker=marker)
    assert type(result.value) is type(value)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_whole_values_are_int_and_exact() -> None:
    assert parse_number("19.4万") == NumberValue(194000)
    assert isinstance(parse_number("19.4万").value, int)
    assert parse_number("0.1万").value == 1000


def test_number_value_is_frozen() -> None:
    value = NumberValue(1)
    with pytest.raises(AttributeError):
        value.value = 2  # type: ignore[misc]


MODIFIER_CASES = [
    ("订阅人数达", "订阅人数", ("达",)),  # seed-002 订阅人数达19.4万
    ("点击人次超过", "点击人次", ("超过",)),  # seed-002 点击人次超过602万次
    ("关注及订阅人数近", "关注及订阅人数", ("近",)),  # seed-002 订阅人数近2万人
    ("接访共计", "接访", ("共计",)),  # gidar-049 接访共计3000余人次
    ("今年共计投入", "今年共计投入", ()),  # the modifier must end the prefix
    ("全年共编发脱贫攻坚动态", "全年共编发脱贫攻坚动态", ()),
    ("公开率达到了", "公开率", ("达到了",)),
    ("累计超过 ", "", ("累计", "超过")),
    ("不超过", "", ("不超过",)),
    ("占比超", "占比", ("超",)),  # gidar-012 占比超八成
    ("2条破", "2条", ("破",)),  # gidar-012 2条破千万
    ("总计约", "", ("总计", "约")),
    ("逾", "", ("逾",)),
    ("不足", "", ("不足",)),
    ("合计", "", ("合计",)),
    ("", "", ()),
]


@pytest.mark.parametrize(("prefix", "rest", "modifiers"), MODIFIER_CASES)
def test_split_modifiers(prefix: str, rest: str, modifiers: tuple[str, ...]) -> None:
    assert split_modifiers(prefix) == (rest, modifiers)


def test_every_modifier_has_a_kind() -> None:
    kinds = {"approximate", "more_than", "at_least", "less_than", "at_most", "total", "reached"}
    assert set(MODIFIERS.values()) <= kinds
    for modifier in MODIFIERS:
        assert split_modifiers(modifier) == ("", (modifier,))
