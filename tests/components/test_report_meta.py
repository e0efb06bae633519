"""``disclosure_report_meta``: title, agency, year and format; furniture lines skipped."""

from __future__ import annotations

import pytest
import spacy
import srsly
from confection import ConfigValidationError

from disclosure_nlp.components.report_meta import line_numbers
from disclosure_nlp.extensions import register_extensions
from tests.conftest import corpus_text

# a related-reading link above the report's own title (composed)
LINKED = (
    "泰州市海陵区2018年政府信息公开工作年度报告\n"
    "姜堰区2019年政府信息公开工作年度报告\n"
    "本报告根据条例编制。"
)


@pytest.fixture
def meta_nlp():
    register_extensions()
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_report_meta")
    return nlp


def test_default_construction(meta_nlp):
    assert meta_nlp.pipe_names == ["disclosure_report_meta"]
    assert meta_nlp.get_pipe_meta("disclosure_report_meta").assigns == ["doc._.report"]


def test_happy_path_real_report(nlp):
    doc = nlp(corpus_text("gidar-015"))
    assert doc._.report == {
        "title": "山阳县人民政府2020年政府信息公开工作年度报告",
        "agency": "山阳县人民政府",
        "year": 2020,
        "format": "2019-statutory",
    }


def test_empty_doc(meta_nlp):
    report = meta_nlp("")._.report
    assert report == {"title": None, "agency": None, "year": None, "format": "other"}


def test_serialization_round_trip(meta_nlp, tmp_path):
    meta_nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.get_pipe("disclosure_report_meta").rules == (
        meta_nlp.get_pipe("disclosure_report_meta").rules
    )
    assert loaded(LINKED)._.report == meta_nlp(LINKED)._.report


def test_bad_config():
    register_extensions()
    with pytest.raises(ConfigValidationError):
        spacy.blank("zh").add_pipe("disclosure_report_meta", config={"overwrite": "sometimes"})


def test_furniture_lines_are_no_title(meta_nlp):
    pipe = meta_nlp.get_pipe("disclosure_report_meta")
    assert pipe(meta_nlp.make_doc(LINKED))._.report["year"] == 2018
    doc = meta_nlp.make_doc(LINKED)
    doc.spans["furniture"] = [doc.char_span(0, 22)]  # the link's line
    assert pipe(doc)._.report == {
        "title": "姜堰区2019年政府信息公开工作年度报告",
        "agency": "姜堰区",
        "year": 2019,
        "format": "2019-statutory",
    }


@pytest.mark.parametrize(
    ("text", "positions", "lines"),
    [
        ("一\n二\n三", [0, 2, 4], {0, 1, 2}),
        ("一\n二\n三", [1], {0}),  # the break itself ends line 0
        ("一\n\n三", [3], {2}),  # an empty line counts
        ("一二三", [], set()),
    ],
)
def test_line_numbers(text, positions, lines):
    assert line_numbers(text, positions) == lines


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        # gidar-044: a year without 年 stayed in the agency's name
        ("东河区卫生健康委员会2021政府信息公开工作年度报告", "东河区卫生健康委员会"),
        ("建邺区民政局2019年度政府信息公开工作年报", "建邺区民政局"),
        ("2019年坡头区民政局政府信息公开年度工作报告", "坡头区民政局"),
        ("沭阳县人民政府二〇二五年政府信息公开工作年度报告", "沭阳县人民政府"),
        # gidar-063: traditional script reads as simplified
        ("瑤海區民政局2017年政府信息公開年度報告", "瑶海区民政局"),
        # Kangxi radicals of a PDF extraction (⼈ U+2F08, ⼯ U+2F2F) read as ideographs
        ("洪泽区\u2f08民政府2023年政府信息公开\u2f2f作年度报告", "洪泽区人民政府"),
        # 人民政府 before 信息公开 keeps its 政府
        ("2014年华容县人民政府信息公开工作年度报告", "华容县人民政府"),
        # a notice's title: the issuer before 关于, or before the period it covers
        (
            "老边区人民政府办公室关于2026年1月政府网站和政务新媒体监管情况的通报",
            "老边区人民政府办公室",
        ),
        (
            "北京市市场监督管理局2023年四季度政府网站与政务新媒体季度自查报告",
            "北京市市场监督管理局",
        ),
        ("工信委2015年上半年政府信息公开推进情况的报告", "工信委"),
        # a bare level is the agency a title names
        ("市政府办公室2015年度政府信息公开工作年度报告", "市政府办公室"),
        # a web page's menu path (gidar-081) or a spam insert names no agency
        (">>政务公开>>组织机构>>政府部门>>区市场监管局>>政府信息公开年报", None),
        ("bet365亚洲官网办公室2021年政府信息公开工作年度报告", None),
    ],
)
def test_agency_from_the_title(title, agency):
    from disclosure_nlp.components.report_meta import infer_report_meta

    assert infer_report_meta(title + "\n一、总体情况\n本机关全年发布信息12条。")["agency"] == agency


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # gidar-039 (train): a cue runs across the break
        (
            "西咸新区底张街道办事处2023年度政府\n信息公开工作年度报告\n根据《条例》的要求,编制本报告。",
            "西咸新区底张街道办事处2023年度政府信息公开工作年度报告",
        ),
        # gidar-002 (dev): broken after the cue
        (
            "道县文广新局2013年度信息公开工作\n年度报告\n一、主动公开政府信息的情况:",
            "道县文广新局2013年度信息公开工作年度报告",
        ),
        # a line of its own that is a title is not joined to the line before it
        ("首页\n政府信息公开年报\n一、总体情况", "政府信息公开年报"),
        # a title whole on its line is not joined to the next line
        ("山阳县人民政府2020年政府信息公开工作年度报告\n2021-01-20\n", None),
    ],
)
def test_a_title_broken_over_two_lines(head, title):
    from disclosure_nlp.components.report_meta import infer_report_meta

    expected = title or head.splitlines()[0]
    assert infer_report_meta(head)["title"] == expected


@pytest.mark.parametrize(
    ("head", "agency"),
    [
        # the reporting agency named where the report is published (gidar-032, gidar-074)
        (
            "根据《条例》的规定,现公布宝鸡市凤县人民政府2020年度政府信息公开工作年度报告。",
            "宝鸡市凤县人民政府",
        ),
        ("特向社会公布2014年谯城区政务服务中心政府信息公开工作年度报告。", "谯城区政务服务中心"),
        ("现将2020年度市人力资源社会保障局信息公开工作总结报告如下。", "市人力资源社会保障局"),
        # as the agency that compiled it (gidar-088, gidar-120)
        ("三亚市海棠区人民政府编制了2015年政府信息公开工作年度报告。", "三亚市海棠区人民政府"),
        (
            "本报告是根据《条例》要求,由北京市东城区民政局编制的2012年度政府信息公开年度报告。",
            "北京市东城区民政局",
        ),
        # a line of the agency's name above a title that names none (gidar-104)
        (
            "洪泽区人民政府\n2023 年政府信息公开工作年度报告\n本报告由区政府办公室编制。",
            "洪泽区人民政府",
        ),
        # a fuller form of the name in the statement below the top line (composed)
        (
            "市疾控中心\n发布时间:2016-03-28\n根据《条例》,现公布白银市疾控中心2015年政府信息公开工作年度报告。",
            "白银市疾控中心",
        ),
        # a note in brackets is left out; traditional script reads as simplified (composed)
        (
            "現公布臺山市人民政府辦公室(以下簡稱市政府辦)2019年政府信息公開工作年度報告。",
            "台山市人民政府办公室",
        ),
        # the title's agency comes first
        (
            "山阳县人民政府2020年政府信息公开工作年度报告\n现公布山阳县民政局2020年政府信息公开工作年度报告。",
            "山阳县人民政府",
        ),
        # an office compiles its government's report as well as its own (gidar-056): none
        ("本报告是根据《条例》要求,由光山县人民政府办公室编制。", None),
        # the agency referring to itself, or a bare level, names none
        ("按照《条例》的有关规定,现将我局2014年政府信息公开情况报告如下。", None),
        ("特向社会公布2014年度本级政府(机关)信息公开年度报告。", None),
        ("现公布2019年度县政府信息公开工作年度报告。", None),
        # letters or digits of a spam insert in the name (composed)
        ("现公布365体育自然资源和规划局2020年政府信息公开工作年度报告。", None),
        # a verb that is no agency (特向社会公布2014年…) and a sentence with no report in it
        ("根据规定,特向社会公布2014年度政府信息公开年度报告。", None),
        ("2018年,同田乡政府信息公开工作在市政府办的指导下不断完善。", None),
    ],
)
def test_agency_from_the_opening_text(head, agency):
    from disclosure_nlp.components.report_meta import infer_report_meta

    assert infer_report_meta(head + "\n一、总体情况\n本机关全年发布信息12条。")["agency"] == agency


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a web page's menu path above the title (gidar-091, train)
        (
            "网站首页 > 信息公开 >霍邱县宋店镇信息公开年报\n"
            "霍邱县宋店乡2012年政府信息公开年报\n本年度报告…",
            "霍邱县宋店乡2012年政府信息公开年报",
        ),
        # a web page's field name glued to the title (composed)
        (
            "标题:水城区杨梅乡2022年政府信息公开工作年度报告\n正文",
            "水城区杨梅乡2022年政府信息公开工作年度报告",
        ),
        # an enumerated item of the body (composed)
        ("(四)公开政府信息公开工作年度报告,按时公开", None),
        # no title after the body's first section heading (composed)
        ("一、总体情况\n本机关全年发布信息12条。\n附:2019年政府信息公开工作年度报告", None),
    ],
)
def test_no_title_from_menu_paths_or_the_body(head, title):
    from disclosure_nlp.components.report_meta import infer_report_meta

    assert infer_report_meta(head)["title"] == title


def _rules_file(tmp_path, **changes):
    from disclosure_nlp.components.report_meta_rules import packaged_meta_rules

    data = packaged_meta_rules().to_dict()
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    path = tmp_path / "report_meta.json"
    srsly.write_json(path, data)
    return str(path)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"agency_suffixes": None}, "E070"),  # a key missing
        ({"agency_suffix": ["局"]}, "E022"),  # a key misspelt
        ({"bare_level_pattern": "(政府"}, "E020"),  # a pattern that does not compile
        ({"agency_compiler_pattern": "由(.+?)编制"}, "E020"),  # no (?P<agency>…) group
        ({"agency_search_chars": -1}, "E020"),
        ({"title_keywords": "年度报告"}, "E020"),  # a word where a list belongs
        ({"format_vocabulary": {"2021-statutory": ["本年制发件数"]}}, "E020"),
    ],
)
def test_a_bad_rules_file_is_refused_at_initialize(meta_nlp, tmp_path, changes, code):
    pipe = meta_nlp.get_pipe("disclosure_report_meta")
    with pytest.raises(ValueError, match=code):
        pipe.initialize(rules_path=_rules_file(tmp_path, **changes))


def test_rules_from_a_file_travel_with_the_pipeline(meta_nlp, tmp_path):
    text = "现公布大冶市教育局2025年政府信息公开工作年度报告。\n一、总体情况"
    assert meta_nlp(text)._.report["agency"] == "大冶市教育局"
    pipe = meta_nlp.get_pipe("disclosure_report_meta")
    pipe.initialize(rules_path=_rules_file(tmp_path, agency_suffixes=["政府", "办公室"]))
    assert meta_nlp(text)._.report["agency"] is None
    meta_nlp.to_disk(tmp_path / "pipe")
    assert spacy.load(tmp_path / "pipe")(text)._.report["agency"] is None
    copy = spacy.blank("zh")
    copy.add_pipe("disclosure_report_meta").from_bytes(pipe.to_bytes())
    assert copy(text)._.report["agency"] is None
