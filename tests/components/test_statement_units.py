"""disclosure_statement_units: the five component tests of STYLE.md, plus real sentences."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.util import registry

from disclosure_nlp.components.statement_units import (
    UnitRules,
    UnitSplitter,
    display_width,
    enumerator_ordinal,
    load_unit_rules,
)
from disclosure_nlp.resources import resource_path
from tests.conftest import corpus_text

SPLITTER = UnitSplitter(load_unit_rules())


def _units(text: str) -> list[str]:
    return [text[s:e] for s, e in SPLITTER.split(text)]


def test_default_construction():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_statement_units")
    assert pipe.rules.closing_punctuation == "。；;！!？?"
    assert pipe.overwrite is True
    assert "disclosure_statement_units" in nlp.pipe_names


def test_happy_path_real_report(nlp):
    text = corpus_text("gidar-088")
    doc = nlp(text)
    units = [u.text for u in doc.spans["statement_units"]]
    # the section headings (三、存在的困难和问题, 四、改进措施) are not units
    assert "三、存在的困难和问题" not in units and "四、改进措施" not in units
    start = units.index("2015年政府信息公开工作中存在的主要问题为:")
    assert units[start : start + 4] == [
        "2015年政府信息公开工作中存在的主要问题为:",
        "个别单位对政府信息公开工作重要性认识不足,存在积极性、主动性不够,公开内容不全面、"
        "不及时,工作人员业务不强等问题,与上级要求和群众需求有一定差距。",
        "今后,我区将重点从三个方面做好政府信息公开工作:",
        "一是加强组织领导,提高全区上下对政府信息公开工作重要性的认识;",
    ]
    span = doc.spans["statement_units"][
        units.index("一是加强组织领导,提高全区上下对政府信息公开工作重要性的认识;")
    ]
    assert text[span.start_char : span.end_char] == span.text
    assert span.start_char == text.index("一是加强组织领导")
    assert units[-2:] == ["三亚市海棠区人民政府", "2015年3月15日"]


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.spans["statement_units"]) == []


def test_serialization_round_trip(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_sections")
    nlp.add_pipe("disclosure_statement_units")
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "五、存在的主要问题及改进情况\n一是公开内容不全面;二是更新不及时。\n下一步将加强培训。"
    doc = loaded(text)
    assert [u.text for u in doc.spans["statement_units"]] == [
        "一是公开内容不全面;",
        "二是更新不及时。",
        "下一步将加强培训。",
    ]
    original = nlp.get_pipe("disclosure_statement_units").rules
    assert loaded.get_pipe("disclosure_statement_units").rules == original
    restored = spacy.blank("zh").add_pipe("disclosure_statement_units")
    restored.from_bytes(nlp.get_pipe("disclosure_statement_units").to_bytes())
    assert restored.rules == original


def test_bad_config():
    nlp = spacy.blank("zh")
    with pytest.raises(
        registry.ConfigValidationError if hasattr(registry, "ConfigValidationError") else Exception
    ):
        nlp.add_pipe("disclosure_statement_units", config={"overwrite": "sometimes"})


def _rules_data() -> dict:
    return json.loads(resource_path("statement_units.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"enumerator_patterns": ["[一二三是"]}, "E090"),
        ({"bracket_pairs": ["（）", "("]}, "E090"),
        ({"closing_punctuation": ""}, "E090"),
        ({"sentence_marks": "。"}, "E022"),
    ],
)
def test_bad_rules_file_is_refused(tmp_path, change, code):
    data = _rules_data() | change
    bad = tmp_path / "statement_units.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pipe = spacy.blank("zh").add_pipe("disclosure_statement_units")
    with pytest.raises(ValueError, match=code):
        pipe.initialize(rules_path=str(bad))


def test_missing_key_is_refused():
    data = _rules_data()
    del data["wrap_tolerance"]
    with pytest.raises(ValueError, match="E090"):
        UnitRules.from_dict(data)


def test_rules_round_trip_through_dict():
    rules = load_unit_rules()
    assert UnitRules.from_dict(rules.to_dict()) == rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 一是…；二是… after a lead-in closed by a colon (gidar-089)
        (
            "2017年在政府信息公开工作方面主要存在以下问题:一是信息公开的范围有待进一步扩大;"
            "二是信息公开及时性有待进一步提高;三是信息更新的内容需要进一步完善。",
            [
                "2017年在政府信息公开工作方面主要存在以下问题:",
                "一是信息公开的范围有待进一步扩大;",
                "二是信息公开及时性有待进一步提高;",
                "三是信息更新的内容需要进一步完善。",
            ],
        ),
        # (一)…。 a sub-heading sentence, then its body (seed-000)
        (
            "(一)强化组织领导。调整优化机关政务公开领导小组职能,明确职责分工,完善工作机制,"
            "统筹推进市扶贫办政务公开和政务服务工作。\n(二)继续做好重点领域信息公开。",
            [
                "(一)强化组织领导。",
                "调整优化机关政务公开领导小组职能,明确职责分工,完善工作机制,"
                "统筹推进市扶贫办政务公开和政务服务工作。",
                "(二)继续做好重点领域信息公开。",
            ],
        ),
        # a colon closes a lead-in without an enumerator; ; closes items
        # (decisions 2, 18; gidar-092)
        (
            "工作中存在以下主要问题:公开内容不全面;信息共享机制不够健全;网站群体系建设不够完善,"
            "公开办理的服务事项与群众需求尚存一定差距等。改进措施:认清形势",
            [
                "工作中存在以下主要问题:",
                "公开内容不全面;",
                "信息共享机制不够健全;",
                "网站群体系建设不够完善,公开办理的服务事项与群众需求尚存一定差距等。",
                "改进措施:",
                "认清形势",
            ],
        ),
        # a lead-in joined to 一是 by a comma ends at the comma (decision 2; gidar-072)
        (
            "今年以来,全镇政府信息公开工作稳步推进,取得一定成绩,但政府机关主动公开政府信息工作"
            "还存在一些薄弱环节,一是以公开促落实",
            [
                "今年以来,全镇政府信息公开工作稳步推进,取得一定成绩,但政府机关主动公开政府信息工作"
                "还存在一些薄弱环节,",
                "一是以公开促落实",
            ],
        ),
        # sub-headings on lines of their own (gidar-086)
        (
            "(一)存在的问题\n信息公开的内容还需进一步规范。\n(二)下步工作措施",
            ["(一)存在的问题", "信息公开的内容还需进一步规范。", "(二)下步工作措施"],
        ),
        # run-in sub-headings of flattened web text end at the blank (gidar-089)
        (
            "三是信息更新的内容需要进一步完善。 (二)改进措施 1、统一认识,努力规范工作流程",
            ["三是信息更新的内容需要进一步完善。", "(二)改进措施", "1、统一认识,努力规范工作流程"],
        ),
        # a fragment cut off mid-sentence runs to the end of its line (gidar-066)
        (
            "接下来,我们会强化网络安全建设,提高政府网站安全防护能力;检测数据按季度发布,"
            "以便及时修改完善;继续充实专业团队,形成省局、局机关处室、市县区局、",
            [
                "接下来,我们会强化网络安全建设,提高政府网站安全防护能力;",
                "检测数据按季度发布,以便及时修改完善;",
                "继续充实专业团队,形成省局、局机关处室、市县区局、",
            ],
        ),
        # a comma never splits a sentence (decision 18; gidar-083)
        (
            "公开存在的主要问题是内容公开不够全面,下步打算将进一步扩大政府公开内容,"
            "确保信息公开的及时性、有效性。",
            [
                "公开存在的主要问题是内容公开不够全面,下步打算将进一步扩大政府公开内容,"
                "确保信息公开的及时性、有效性。"
            ],
        ),
        # cell separators end units; the cell text itself stays a unit (gidar-098)
        (
            "西营镇、构朳镇、茅坪镇、中厂镇存在政务新媒体更新不及时等问题。\n"
            "新媒体类型 |\n构朳镇 |",
            [
                "西营镇、构朳镇、茅坪镇、中厂镇存在政务新媒体更新不及时等问题。",
                "新媒体类型",
                "构朳镇",
            ],
        ),
        # times and URLs do not close a unit; a colon inside brackets neither (gidar-013, gidar-049)
        (
            "办公时间:08:30-12:00;14:30-17:30;",
            ["办公时间:", "08:30-12:00;14:30-17:30;"],
        ),
        (
            "报告电子版通过绵阳市政务网(http://rsj.my.gov.cn/)发布,如有疑问请与绵阳市人力资源和"
            "社会保障局办公室联系(地址:南河路26号,邮编:621000,联系电话:0816-2263342)。",
            [
                "报告电子版通过绵阳市政务网(http://rsj.my.gov.cn/)发布,如有疑问请与绵阳市人力资源和"
                "社会保障局办公室联系(地址:南河路26号,邮编:621000,联系电话:0816-2263342)。"
            ],
        ),
        # a closing bracket after the full stop stays in the unit (gidar-135)
        (
            "(地址:会同县建军北路县政务服务中心一楼101室、联系电话:0745-8858009、"
            "电子邮箱:htxzfwz@126.com。)\n一、总体情况",
            [
                "(地址:会同县建军北路县政务服务中心一楼101室、联系电话:0745-8858009、"
                "电子邮箱:htxzfwz@126.com。)",
                "一、总体情况",
            ],
        ),
    ],
)
def test_units_of_real_sentences(text, expected):
    assert _units(text) == expected


def test_pdf_line_breaks_stay_inside_units():
    # gidar-105 is PDF text wrapped at about 27 characters; a page number sits in a sentence
    text = corpus_text("gidar-105")
    assert SPLITTER.wrap_width(text) == 27.0
    units = _units(text)
    assert (
        "2024 年，全区政府信息公开工作虽取得一定成绩，但对照上\n级要求和群众期盼，"
        "仍存在一些不足，主要是：" in units
    )
    assert (
        "不定期更新\n编制适用性广、操作性强的依申请公开政府信息答复书模板，使\n-4-\n\n\x0c"
        "各行政机关答复的方式、格式、不予公开依据等更加规范，有效\n降低行政复议、"
        "行政诉讼发生率和纠错率。" in units
    )
    # short lines (headings) still end their unit; page numbers alone are no units
    assert "一、总体情况" in units
    assert "-1-" not in units


def test_unwrapped_text_has_no_wrap_width():
    assert SPLITTER.wrap_width(corpus_text("seed-000")) is None
    assert SPLITTER.soft_breaks(corpus_text("gidar-012")) == {}


def test_section_headings_and_tables_are_left_out():
    text = "一、总体情况\n发布信息。\n二、主动公开政府信息情况\n| 规章 | 0 |\n| 规范性文件 | 3 |"
    second = text.index("二、")
    sections = [(0, second, "OVERVIEW"), (second, len(text), "ACTIVE")]
    table = (text.index("| 规章"), len(text))
    assert [text[s:e] for s, e in SPLITTER.split(text, sections, [table])] == ["发布信息。"]


@pytest.mark.parametrize(
    ("heading", "end"),
    [
        ("五、存在的主要问题及改进情况\n一是", "五、存在的主要问题及改进情况"),
        ("一、存在的主要问题:\n1、", "一、存在的主要问题:"),
        ("五、存在的主要问题及改进情况 存在问题:政务", "五、存在的主要问题及改进情况"),
        ("二、主动公开政府信息情况 2013年度我镇", "二、主动公开政府信息情况"),
    ],
)
def test_heading_end(heading, end):
    assert heading[: SPLITTER.heading_end(heading, 0)] == end


@pytest.mark.parametrize(
    ("enumerator", "value"),
    [("一是", 1), ("(三)", 3), ("（十二）", 12), ("2、", 2), ("10.", 10), ("②", 2), (None, None)],
)
def test_enumerator_ordinal(enumerator, value):
    assert enumerator_ordinal(enumerator) == value


def test_shape_of_units():
    text = "主要表现在:一是公开不及时;\n(二)改进措施\n规章 |"
    shapes = [SPLITTER.shape(text, s, e) for s, e in SPLITTER.split(text)]
    assert [(s.enumerator, s.ordinal, s.end_mark, s.in_cell) for s in shapes] == [
        (None, None, "colon", False),
        ("一是", 1, "closing", False),
        ("(二)", 2, "open", False),
        (None, None, "open", True),
    ]


def test_display_width():
    assert display_width("2024 年") == 3.5
