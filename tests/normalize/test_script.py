"""to_simplified: traditional characters and PDF compatibility forms, one for one."""

from __future__ import annotations

import pytest

from disclosure_nlp.normalize.script import simplified_copy, to_simplified

# how a PDF extraction writes 人 工 自 日 月 一: as Kangxi radicals that look the same
PDF_KANGXI = {
    "人": "\u2f08",
    "工": "\u2f2f",
    "自": "\u2f83",
    "日": "\u2f47",
    "月": "\u2f49",
    "一": "\u2f00",
}


def as_pdf_extraction(text: str) -> str:
    return "".join(PDF_KANGXI.get(char, char) for char in text)


def test_simplified_copy_of_traditional_text():
    # one character for one, so offsets hold; simplified text is left as it is
    traditional = "與廣州日報報業集團簽訂戰略合作協議,通過門戶網站發布資訊"
    simplified = to_simplified(traditional)
    assert simplified == "与广州日报报业集团签订战略合作协议,通过门户网站发布资讯"
    assert len(simplified) == len(traditional)
    sentence = "乾元镇著力推进后续工作,于门户网站发布信息2889条"
    assert to_simplified(sentence) == sentence


@pytest.mark.parametrize(
    "text",
    [
        # gidar-012 (train)
        "依据《中华人民共和国政府信息公开条例》(以下简称《条例》)",
        "本报告所列数据统计期限从2025年1月1日至2025年12月31日止。",
        "一、总体情况",
        "沐阳县人民政府 2025 年 政府信息公开工作年度报告",
    ],
)
def test_kangxi_radicals_of_pdf_extractions_read_as_ideographs(text):
    pdf = as_pdf_extraction(text)
    assert pdf != text
    assert to_simplified(pdf) == text


def test_other_compatibility_forms():
    # a CJK compatibility ideograph (U+F9B5) and a radical of a traditional character
    assert to_simplified("条\uf9b5") == "条例"
    assert to_simplified("\u2fa8户网站") == "门户网站"  # ⾨ -> 門 -> 门


def test_a_text_is_copied_once_and_another_text_anew():
    first = "與廣州日報報業集團簽訂協議。"
    second = "通過門戶網站發布資訊。"
    copy = simplified_copy(first)
    assert copy == to_simplified(first) == "与广州日报报业集团签订协议。"
    assert simplified_copy(first) is copy  # the same text object: copied once
    assert simplified_copy(second) == "通过门户网站发布资讯。"
    equal = "".join(list(first))
    assert equal is not first and simplified_copy(equal) == copy  # an equal text of its own
    assert simplified_copy(first) == copy
