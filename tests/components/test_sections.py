"""disclosure_sections: the five component tests of STYLE.md, plus real layouts."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.util import registry

from disclosure_nlp.components.sections import (
    SectionFinder,
    load_section_rules,
    numeral_value,
    section_ranges,
)
from tests.conftest import corpus_text

FINDER = SectionFinder(load_section_rules())


def _labels(text: str) -> list[tuple[str, str]]:
    return [(label, text[s : s + 6]) for s, _, label in FINDER.sections(text)]


def test_default_construction():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_sections")
    assert pipe.rules.default_label == "OTHER"
    assert "disclosure_sections" in nlp.pipe_names


def test_happy_path_statutory_report(nlp):
    text = corpus_text("seed-000")
    doc = nlp(text)
    labels = [s.label_ for s in doc.spans["sections"]]
    assert labels == ["OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS"]
    assert doc.spans["sections"][1].text.startswith("二、主动公开政府信息情况")
    # the table row labels 一、本年新收… start no section
    assert all("本年新收" not in s.text[:12] for s in doc.spans["sections"])
    assert len(doc.spans["tables"]) == 3
    assert doc.spans["tables"][0].text.startswith("第二十条第(一)项")
    token = doc[doc.spans["sections"][4].start + 3]
    assert token._.section == "PROBLEMS"


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.spans["sections"]) == []
    assert list(doc.spans["tables"]) == []


def test_serialization_round_trip(tmp_path):
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_sections")
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "一、总体情况\n发布信息。\n二、主动公开政府信息情况\n见下表。"
    doc = loaded(text)
    assert [s.label_ for s in doc.spans["sections"]] == ["OVERVIEW", "ACTIVE"]
    assert loaded.get_pipe("disclosure_sections").rules == nlp.get_pipe("disclosure_sections").rules


def test_bad_config():
    nlp = spacy.blank("zh")
    with pytest.raises(
        registry.ConfigValidationError if hasattr(registry, "ConfigValidationError") else Exception
    ):
        nlp.add_pipe("disclosure_sections", config={"overwrite": "sometimes"})


def test_bad_rules_file_is_refused(tmp_path):
    import json

    from disclosure_nlp.resources import resource_path

    data = json.loads(resource_path("sections.json").read_text(encoding="utf-8"))
    data["heading_labels"][0]["label"] = "INTRO"
    bad = tmp_path / "sections.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_sections")
    with pytest.raises(ValueError, match="E021"):
        pipe.initialize(rules_path=str(bad))


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十三", 23),
        ("十十", None),
        ("", None),
    ],
)
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value


def test_headings_run_into_flattened_prose():
    text = (
        "现将2013年报告如下: 一、政府信息主动公开情况 2013年度我镇公开信息123件。"
        " 二、政府依申请公开政府信息和不予公开政府信息的情况 无。"
        " 三、政府信息公开收费和减免情况 无。"
    )
    assert [lb for lb, _ in _labels(text)] == ["PREAMBLE", "ACTIVE", "REQUESTS", "OTHER"]


def test_fragment_starting_mid_report():
    text = (
        "而且在公开的深度上还有待加强。\n六、存在的主要问题及改进情况\n"
        "一是公开意识不强。\n七、其他需要报告的事项\n无。"
    )
    assert [lb for lb, _ in _labels(text)] == ["PREAMBLE", "PROBLEMS", "OTHER"]


def test_full_width_half_width_and_spacing():
    text = (
        "一 、总体情况\n内容。\n二．主动公开政府信息情况\n内容。\n"
        "三,收到和处理政府信息公开申请情况\n内容。"
    )
    assert [lb for lb, _ in _labels(text)] == ["OVERVIEW", "ACTIVE", "REQUESTS"]


def test_sub_headings_reusing_numerals_do_not_win():
    # seed-001 numbers the parts of 总体情况 with 一、二、三 as well
    text = corpus_text("seed-001")
    labels = [lb for lb, _ in _labels(text)]
    assert labels == ["OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS", "OTHER"]


def test_traditional_script_headings():
    text = corpus_text("gidar-063")
    assert [lb for lb, _ in _labels(text)] == [
        "PREAMBLE",
        "OVERVIEW",
        "ACTIVE",
        "REQUESTS",
        "PROBLEMS",
    ]


def test_furniture_lines_are_marked():
    text = (
        "当前位置 : 首页 |\n索引号: | /2015-34352 | 公开方式: | 主动公开 |\n"
        "2013年度谢塘镇政府信息公开工作年度报告\n正文。\n"
        "當前位置: 首頁>政務專題>青海省政府網站監管 > 普查動態\n"  # traditional script
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:4] for s, e in spans] == ["当前位置", "索引号:", "當前位置"]


def test_web_banner_lines_are_furniture():
    # composed: a welcome banner, accessibility switches, a visit counter and a breadcrumb
    text = (
        "欢迎您访问德阳市人民政府门户网站  今天是:\n无障碍浏览\n关怀版\n访问量:\n"
        "您当前所在位置: 首页 > 部门信息 > 市融媒体中心 > 年度报告\n"
        "一、总体情况\n欢迎社会各界监督。各部门 > 全市平均。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:3] for s, e in spans] == ["欢迎您", "无障碍", "关怀版", "访问量", "您当前"]


def test_site_headers_are_furniture_and_prose_welcomes_are_not():
    # from ext pages: a site's welcome line, its row of links to higher-level sites, a
    # contrast switch, the site's domain name and a law database's metadata; a closing
    # 欢迎访问 in prose and a list of sites in a sentence stay
    text = (
        "青山湖区人民政府网站欢迎您的访问!\n中国政府网 山西省政府 忻州市政府\n对比度:\n"
        "英文域名:sthjj.ordos.gov.cn\n【制定机关】武威市人民政府\n【字 号】武政函〔2021〕20号\n"
        "本报告电子版可在区政府网站下载,欢迎访问。\n"
        "通过中国政府网、山西省政府网站、忻州市政府网站转载。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:3] for s, e in spans] == [
        "青山湖",
        "中国政",
        "对比度",
        "英文域",
        "【制定",
        "【字 ",
    ]


def test_page_metadata_lines_are_furniture():
    # composed, in the shapes of gidar-037, gidar-116 and external pages: a source, a
    # posting date, an update time and a contributor are the page's, not the report's
    text = (
        "某县2024年政府信息公开工作年度报告\n发布来源:某县人民政府网站 发布时间:2025-01-24\n"
        "发表日期:2024-01-26 15:35:23\n信息提供日期 : 2021-01-15\n更新时间:2025-01-20\n"
        "投稿:某县人民政府  来源:时间:2015年03月30日\n"
        "一、总体情况\n本年度发布信息来源可靠。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:4] for s, e in spans] == [
        "发布来源",
        "发表日期",
        "信息提供",
        "更新时间",
        "投稿:某",
    ]


def test_bulleted_metadata_and_link_bars_are_furniture():
    # composed, in the shapes of external pages: a metadata block in a bulleted list
    # (some in traditional script) and a top row of site links ending in an
    # accessibility link are the page's; the report's title line is not
    text = (
        "中国政府网 | 某部 | 某省政府门户网站 无障碍浏览|\n"
        "2023年政府信息公开工作年度报告\n"
        "  • 索引号:430S00/2024-009831\n  • 名称: 2023年政府信息公开工作年度报告\n"
        "  • 發布單位:某省水利廳\n- 中文名:某省水利厅2023年报告\n"
        "一、总体情况\n名称规范的栏目3个。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:4] for s, e in spans] == ["中国政府", "• 索引", "• 名称", "• 發布", "- 中文"]


def test_a_metadata_bar_inside_a_line_is_furniture():
    # seed-003 (train): the site address, posting time and source on one line
    text = (
        "年度报告\n\nwww.panzhihua.gov.cn     发布时间:2020-01-19     来源:攀枝花市东区人民政府\n"
        "一、总体情况\n2019年发布时间较短的信息来源:本局。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:3] for s, e in spans] == ["www"]


def test_a_metadata_run_that_goes_on_into_prose_leaves_the_prose():
    # composed, in the shape of an external page flattened onto one line: the posting
    # time and source are furniture, the report that follows them on the line is not
    text = (
        "某部2021年度报告\n发表时间:2022-01-29 13:51来源:某部 根据《条例》要求,编制本报告。"
        " 一、总体情况 2021年,我部发布信息8118篇。\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e] for s, e in spans] == ["发表时间:2022-01-29 13:51来源:某部"]


def test_site_header_share_and_link_lines_are_furniture():
    # composed, in the shapes of external pages (2026-11 blind batch): a portal's header
    # line with a posting time and a source after the site's name, a QR-code prompt and
    # the page's own link and keywords; prose that asks readers to scan a code is not
    text = (
        "某部2013年政府信息公开工作年度报告\n"
        "中央政府门户网站 www.gov.cn 2014-03-25 10:21 来源: 某部网站\n"
        "一、概述\n群众可扫描二维码关注“某部发布”微信公众号。\n"
        "扫描二维码 关注我们\n本文链接://www.example.com/rule/1.html\n本文关键词: 某市, 网站\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:4] for s, e in spans] == ["中央政府", "扫描二维", "本文链接", "本文关键"]


def test_furniture_in_traditional_script_is_furniture():
    # composed, in the shape of a traditional-script mirror page (2026-11 blind batch):
    # the source and metadata lines are read in simplified characters
    text = (
        "某某的通知\n來源: 中國政府網 | 責任編輯: 某某\n索 引 號:000014349/2015-00052\n一、目的\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:2] for s, e in spans] == ["來源", "索 "]


def test_attachment_files_and_bulleted_infobox_lines_are_furniture():
    # composed, in the shapes of external pages (2026-11 blind batch): a report page's
    # attachment links and an encyclopedia infobox line; prose naming a file is not
    text = (
        "某镇2010年政府信息公开工作年度报告\n  • 中文名某市交通运输委员会2010年报告\n"
        "一、概况\n本报告可从网站下载,文件为某镇年度报告.pdf。\n"
        "某镇2010年政府信息公开工作年度报告.pdf\n某镇2010年政府信息公开工作年度报告.docx\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e].strip()[:4] for s, e in spans] == ["• 中文", "某镇20", "某镇20"]


def test_portal_header_with_a_written_time_and_metadata_fields_are_furniture():
    # composed, in the shapes of external pages (2026-11 blind batch): a portal header
    # whose posting time is written 14時11分, and two page metadata fields
    text = (
        "某部发布2012年政府信息公开工作报告\n"
        "中央政府門戶網站 www.gov.cn   2013年03月29日 14時11分   來源:某部網站\n"
        "信息名称 某区商务局2017年度政府信息公开年度报告\n"
        "    • 备注/文号:某商务〔2018〕1号\n一、概述\n"
    )
    spans = FINDER.furniture(text, [])
    assert [text[s:e][:4] for s, e in spans] == ["中央政府", "信息名称", "• 备注"]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "某局2020年报告。\n\n## 一、总体情况\n\n发布信息12条。\n\n## 二、主动公开情况\n表",
            ["PREAMBLE", "OVERVIEW", "ACTIVE"],
        ),
        (
            "某局报告如下: 一、政府信息主动公开情况 发布信息12条。 二、政府依申请公开情况 无。",
            ["PREAMBLE", "ACTIVE", "REQUESTS"],
        ),
    ],
)
def test_section_ranges_tile_the_text_white_space_included(nlp, text, labels):
    # a span's end_char leaves out the space after its last token (## 一、, 。 二、)
    ranges = section_ranges(nlp(text))
    assert [label for _, _, label in ranges] == labels
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    assert all(text[start] in "一二" for start, _, _ in ranges[1:])
