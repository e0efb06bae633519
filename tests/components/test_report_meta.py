"""``disclosure_report_meta``: title, agency, year and format; furniture lines skipped."""

from __future__ import annotations

import pytest
import spacy
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
