"""disclosure_statements: the five component tests of STYLE.md, plus real report passages."""

from __future__ import annotations

import itertools
import json

import pytest
import spacy
from spacy.util import registry

from disclosure_nlp.components.sections import SectionFinder, load_section_rules
from disclosure_nlp.components.statement_rules import (
    CueRules,
    ScoreCalibration,
    load_cue_rules,
    load_score_calibration,
)
from disclosure_nlp.components.statement_units import (
    UnitSplitter,
    doc_sections,
    load_unit_rules,
)
from disclosure_nlp.components.statements import CueScorer, Evidence, StatementFinder, own_label
from disclosure_nlp.resources import resource_path
from tests.conftest import corpus_text

SECTIONS = SectionFinder(load_section_rules())
SPLITTER = UnitSplitter(load_unit_rules())
FINDER = StatementFinder(load_cue_rules(), SPLITTER)
SCORER = CueScorer(load_cue_rules())
P, IMP = "PROBLEM", "IMPROVEMENT"


def _statements(text: str) -> list[tuple[str, str]]:
    """(text, label) of the statements found in a passage, without spaCy."""
    sections = SECTIONS.sections(text)
    units = SPLITTER.split(text, sections)
    return [(text[s:e], label) for s, e, label, _ in FINDER.find(text, units, sections)]


def test_default_construction():
    nlp = spacy.blank("zh")
    pipe = nlp.add_pipe("disclosure_statements")
    assert pipe.threshold == 0.5
    assert pipe.rules.strong_evidence == 2.0
    assert "disclosure_statements" in nlp.pipe_names


def test_happy_path_real_report(nlp):
    # seed-000 (dev): four problems after a lead-in, then measures under (一)…(四)
    text = corpus_text("seed-000")
    doc = nlp(text)
    found = [(s.text, s.label_) for s in doc.spans["statements"]]
    assert len(found) == 15
    assert found[0] == (
        "2019年,虽然市扶贫办在推进政府信息公开方面做了一些工作,取得了一定成效,但仍然存在一些不足:",
        P,
    )
    assert [lb for _, lb in found[:5]] == [P] * 5
    assert found[5][0].startswith("下一步,市扶贫办将按照上级部门信息公开工作要点要求")
    assert [lb for _, lb in found[5:]] == [IMP] * 10
    first = doc.spans["statements"][0]
    assert first.start_char == text.index("2019年,虽然市扶贫办")
    # the score is the calibrated probability of the raw confidence 0.95 (a cue in a zone)
    calibration = nlp.get_pipe("disclosure_statements").calibration
    assert first._.score == round(calibration.probability(0.95), 4)
    assert first._.section == "PROBLEMS"
    assert all(0.0 <= s._.score <= 1.0 for s in doc.spans["statements"])


def test_empty_doc(nlp):
    doc = nlp("")
    assert list(doc.spans["statements"]) == []


def test_units_are_required():
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_statements")
    with pytest.raises(ValueError, match="E092"):
        nlp("一是公开不及时。")


# raw confidences 0.9 (heading zone), 0.95 (cue in zone), 0.85 (switch); with slope 10 and
# intercept -8 their probabilities are 1/(1+e^-1), 1/(1+e^-1.5), 1/(1+e^-0.5)
ROUND_TRIP_TEXT = (
    "五、存在的主要问题及改进情况\n一是公开内容不全面;二是更新不及时。\n下一步将加强培训。"
)
STEEP = ScoreCalibration(slope=10.0, intercept=-8.0, fit={"split": "hand-made"})


def test_serialization_round_trip(tmp_path):
    nlp = spacy.blank("zh")
    for name in ("disclosure_sections", "disclosure_statement_units", "disclosure_statements"):
        nlp.add_pipe(name)
    nlp.get_pipe("disclosure_statements").calibration = STEEP
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    doc = loaded(ROUND_TRIP_TEXT)
    assert [(s.text, s.label_, s._.score) for s in doc.spans["statements"]] == [
        ("一是公开内容不全面;", P, 0.7311),
        ("二是更新不及时。", P, 0.8176),
        ("下一步将加强培训。", IMP, 0.6225),
    ]
    original = nlp.get_pipe("disclosure_statements").rules
    assert loaded.get_pipe("disclosure_statements").rules == original
    assert loaded.get_pipe("disclosure_statements").calibration.to_dict() == STEEP.to_dict()
    restored = spacy.blank("zh").add_pipe("disclosure_statements")
    restored.from_bytes(nlp.get_pipe("disclosure_statements").to_bytes())
    assert restored.rules == original
    assert restored.calibration.to_dict() == STEEP.to_dict()


def test_rules_only_bytes_keep_the_packaged_calibration():
    # bytes written before the calibration existed hold the cue rules alone
    import srsly

    pipe = spacy.blank("zh").add_pipe("disclosure_statements")
    pipe.from_bytes(srsly.msgpack_dumps(load_cue_rules().to_dict()))
    assert pipe.rules == load_cue_rules()
    assert pipe.calibration == load_score_calibration()


def test_threshold_applies_to_the_probability():
    nlp = spacy.blank("zh")
    nlp.add_pipe("disclosure_sections")
    nlp.add_pipe("disclosure_statement_units")
    pipe = nlp.add_pipe("disclosure_statements", config={"threshold": 0.7})
    pipe.calibration = STEEP
    doc = nlp(ROUND_TRIP_TEXT)
    assert [(s.text, s._.score) for s in doc.spans["statements"]] == [
        ("一是公开内容不全面;", 0.7311),
        ("二是更新不及时。", 0.8176),
    ]


@pytest.mark.parametrize("calibration", [None, STEEP])
def test_scores_are_probabilities_monotone_in_the_raw_confidence(nlp, calibration):
    # seed-000 (dev): statements with raw confidences 0.85, 0.9 and 0.95
    pipe = nlp.get_pipe("disclosure_statements")
    packaged = pipe.calibration
    pipe.calibration = calibration or packaged
    try:
        doc = nlp(corpus_text("seed-000"))
    finally:
        pipe.calibration = packaged
    units = [(s.start_char, s.end_char) for s in doc.spans["statement_units"]]
    raw = {(s, e): r for s, e, _, r in FINDER.find(doc.text, units, doc_sections(doc))}
    pairs = sorted((raw[(s.start_char, s.end_char)], s._.score) for s in doc.spans["statements"])
    assert len(pairs) == 15
    assert len({r for r, _ in pairs}) >= 2
    assert all(0.0 <= p <= 1.0 for _, p in pairs)
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(pairs))
    if calibration is STEEP:
        assert pairs[0][1] < pairs[-1][1]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"method": "isotonic"}, "method"),
        ({"slope": -1.0}, "below 0"),
        ({"intercept": "high"}, "intercept"),
        ({"slope": float("inf")}, "not JSON"),
        ({"bins": 10}, "unknown keys"),
        ({"fit": []}, "fit"),
    ],
)
def test_bad_calibration_file_is_refused(tmp_path, change, problem):
    bad = tmp_path / "statement_calibration.json"
    data = json.loads(resource_path("statement_calibration.json").read_text(encoding="utf-8"))
    bad.write_text(json.dumps(data | change), encoding="utf-8")
    pipe = spacy.blank("zh").add_pipe("disclosure_statements")
    with pytest.raises(ValueError, match=rf"E170.*{problem}"):
        pipe.initialize(calibration_path=str(bad))


def test_infinite_calibration_is_refused():
    with pytest.raises(ValueError, match=r"E170.*slope inf"):
        ScoreCalibration.from_dict({"method": "platt", "slope": float("inf"), "intercept": 0})


def test_bad_config():
    nlp = spacy.blank("zh")
    with pytest.raises(
        registry.ConfigValidationError if hasattr(registry, "ConfigValidationError") else Exception
    ):
        nlp.add_pipe("disclosure_statements", config={"threshold": "high"})
    with pytest.raises(ValueError, match="E093"):
        spacy.blank("zh").add_pipe("disclosure_statements", config={"threshold": 1.5})


def _cue_data() -> dict:
    return json.loads(resource_path("statement_cues.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"problem_cues": [{"pattern": "存在(", "weight": 2}]}, "E091"),
        ({"improvement_cues": [{"pattern": "下一步"}]}, "E091"),
        ({"scores": {"cue_in_zone": 0.9}}, "E091"),
        ({"non_statement_patterns": ["[附件"]}, "E091"),
        ({"cue_words": []}, "E022"),
    ],
)
def test_bad_cue_file_is_refused(tmp_path, change, code):
    bad = tmp_path / "statement_cues.json"
    bad.write_text(json.dumps(_cue_data() | change, ensure_ascii=False), encoding="utf-8")
    pipe = spacy.blank("zh").add_pipe("disclosure_statements")
    with pytest.raises(ValueError, match=code):
        pipe.initialize(cues_path=str(bad))


def test_score_out_of_range_is_refused():
    data = _cue_data()
    data["scores"] = {**data["scores"], "switch": 1.2}
    with pytest.raises(ValueError, match="E093"):
        CueRules.from_dict(data)


def test_rules_round_trip_through_dict():
    rules = load_cue_rules()
    assert CueRules.from_dict(rules.to_dict()) == rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # generic sub-headings set the context and are no statements; 上述问题,…将… turns to
        # improvement (gidar-071)
        (
            "六、政府信息公开工作存在的主要问题及改进情况\n(一)存在问题:\n一年来,我镇的政务公开工作"
            "按照县政务信息公开工作的要求,扩大了老百姓的知情权,提高了基层民主政治建设,但由于政府"
            "信息和政务公开工作涉及面广、政策性强,在公开的时间上很难达到一致,在公开的格式上不能完全"
            "规范,内容更新上做得还不够及时等。上述问题,我们将采取有力措施,在今后的工作中切实加以"
            "改进。\n(二)改进措施:\n我镇将继续按照县政务公开领导小组办公室的要求,进一步加强政府信息"
            "公开和政务公开工作。",
            [
                (
                    "一年来,我镇的政务公开工作按照县政务信息公开工作的要求,扩大了老百姓的知情权,"
                    "提高了基层民主政治建设,但由于政府信息和政务公开工作涉及面广、政策性强,在公开的"
                    "时间上很难达到一致,在公开的格式上不能完全规范,内容更新上做得还不够及时等。",
                    P,
                ),
                ("上述问题,我们将采取有力措施,在今后的工作中切实加以改进。", IMP),
                (
                    "我镇将继续按照县政务公开领导小组办公室的要求,进一步加强政府信息公开和政务公开"
                    "工作。",
                    IMP,
                ),
            ],
        ),
        # a problem and then a plan in one sentence: the first clause decides
        # (decision 18; gidar-083)
        (
            "七、存在的主要问题和改进措施\n公开存在的主要问题是内容公开不够全面,下步打算将进一步扩大"
            "政府公开内容,确保信息公开的及时性、有效性。",
            [
                (
                    "公开存在的主要问题是内容公开不够全面,下步打算将进一步扩大政府公开内容,确保信息"
                    "公开的及时性、有效性。",
                    P,
                )
            ],
        ),
        # items after an improvement lead-in are IMPROVEMENT even written as done (decision 19;
        # gidar-012)
        (
            "五、政府信息公开工作存在的主要问题及改进情况\n针对上述问题，我县坚持问题导向、目标导向、"
            "结果导向，精准施策、靶向发力，推动政务公开工作再上新台阶；\n\n一是增加解读的形式，除却"
            "文字解读、图片简明问答等，丰富了视频解读、动漫解读等形式，让政策传播更“鲜活”。",
            [
                (
                    "针对上述问题，我县坚持问题导向、目标导向、结果导向，精准施策、靶向发力，推动政务"
                    "公开工作再上新台阶；",
                    IMP,
                ),
                (
                    "一是增加解读的形式，除却文字解读、图片简明问答等，丰富了视频解读、动漫解读等形式，"
                    "让政策传播更“鲜活”。",
                    IMP,
                ),
            ],
        ),
        # a bare connector after a closed sentence is nothing (decision 2; gidar-101)
        (
            "三、存在的问题及下一步工作打算\n\n2015年上半年,我委政府信息公开工作取得了一定的进展,"
            "但同时也存在一些不容忽视的问题。主要表现在:一是工作机制方面有待进一步完善,仍存在工作"
            "监督检查还不够及时,各部门沟通协调上还不够完善问题。三是提供群众查阅的公开形式不够丰富。",
            [
                (
                    "2015年上半年,我委政府信息公开工作取得了一定的进展,但同时也存在一些不容忽视的"
                    "问题。",
                    P,
                ),
                (
                    "一是工作机制方面有待进一步完善,仍存在工作监督检查还不够及时,各部门沟通协调上"
                    "还不够完善问题。",
                    P,
                ),
                ("三是提供群众查阅的公开形式不够丰富。", P),
            ],
        ),
        # outside any section a strong cue opens statements; past work closes them (gidar-102)
        (
            "从测评结果看,我单位存在信息发布较少,部分栏目2021年以来未更新情况。我委领导高度重视,"
            "积极安排工作人员对照问题逐一进行整改,迅速行动,对照问题清单,逐一整改,做到信息不遗漏,"
            "已全面完成政务公开信息整改工作。",
            [("从测评结果看,我单位存在信息发布较少,部分栏目2021年以来未更新情况。", P)],
        ),
        # a lead-in that commits to improve, and the 一要 items after it (gidar-096)
        (
            "今后,我局将继续以健全完善政务信息公开制度,规范公开内容,提高公开质量工作为主轴,不断"
            "提升政务公开工作水平。现阶段重点要做好以下两个方面工作:\n\n一要加强对信息公开的时间节点"
            "的把握,将信息公开工作日常化、制度化,做到及时更新,每周、每月检查、查漏补缺。",
            [
                (
                    "今后,我局将继续以健全完善政务信息公开制度,规范公开内容,提高公开质量工作为主轴,"
                    "不断提升政务公开工作水平。",
                    IMP,
                ),
                ("现阶段重点要做好以下两个方面工作:", IMP),
                (
                    "一要加强对信息公开的时间节点的把握,将信息公开工作日常化、制度化,做到及时更新,"
                    "每周、每月检查、查漏补缺。",
                    IMP,
                ),
            ],
        ),
        # signature and date lines after the measures are nothing (gidar-088)
        (
            "四、改进措施\n今后,我区将重点从三个方面做好政府信息公开工作:一是加强组织领导,提高全区"
            "上下对政府信息公开工作重要性的认识;\n三亚市海棠区人民政府\n2015年3月15日",
            [
                ("今后,我区将重点从三个方面做好政府信息公开工作:", IMP),
                ("一是加强组织领导,提高全区上下对政府信息公开工作重要性的认识;", IMP),
            ],
        ),
        # traditional script reads like simplified (gidar-063)
        (
            "四、政府信息公開工作存在的主要問題及改進措施\n目前,我局信息公開工作的重視度還不夠,"
            "工作開展的深度和能力有待加強。",
            [("目前,我局信息公開工作的重視度還不夠,工作開展的深度和能力有待加強。", P)],
        ),
        # a problem in a self-inspection section; table cells are no statements (gidar-098)
        (
            "一、自查情况\n西营镇、构朳镇、茅坪镇、中厂镇存在政务新媒体更新不及时等问题。\n"
            "新媒体类型 |\n问题类别 |\n更新不及时 |",
            [("西营镇、构朳镇、茅坪镇、中厂镇存在政务新媒体更新不及时等问题。", P)],
        ),
    ],
)
def test_statements_of_real_passages(text, expected):
    assert _statements(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # 进一步… describing the year's work in 总体情况 is nothing (decision 19; gidar-004)
        "2019年民政部政府信息公开工作,以习近平新时代中国特色社会主义思想为指导,按照《中华人民"
        "共和国政府信息公开条例》和相关政策文件要求,进一步强化制度机制和信息公开力度,着力推进决策、"
        "执行、管理、服务、结果公开,积极开展政策解读和工作宣传,民政工作更加公开透明。",
        # problems the agency dealt with are work done (gidar-012, seed-001, gidar-053)
        "针对行政复议、行政诉讼案件暴露的短板问题，一方面精准答复文书制作、办理流程衔接等基础"
        "工作，及时梳理实操经验并在全县共享，汇总疑难问题向县司法局复议科出具问询函寻求专业指导；",
        "加强对本系统政务新媒体的抽查检查,每季度开展一次,通报存在的突出问题,督促落实整改。",
        "加强对信息公开工作的督查指导,研究解决工作中出现的新情况和新问题。",
        # the report's table of contents names the problems section (gidar-021)
        "报告内容涵盖总体进展、主动公开情况、依申请公开办理、行政复议与行政诉讼、存在问题及改进"
        "措施等,数据统计周期为2025年1月1日至12月31日。",
        # an event in the past that mentions plans (seed-002)
        "11月20日参加我省庆祝改革开放40周年农业农村主题新闻发布会,着重介绍了党的十八大以来我省"
        "脱贫攻坚工作的举措、成效和下步打算。",
    ],
)
def test_overview_work_is_no_statement(sentence):
    assert _statements("一、总体情况\n" + sentence) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("(一)存在的主要问题", "subheading"),
        ("(二)改進措施", "subheading"),
        ("改进措施:", "subheading"),
        ("十、开展2019年工作初步计划安排", "subheading"),
        ("主要表现在:", "connector"),
        ("工作中存在以下主要问题:", "lead_in"),
        ("2015年政府信息公开工作中存在的主要问题为:", "lead_in"),
        ("1、统一认识,努力规范工作流程", "prose"),
        ("三亚市海棠区人民政府", "non_statement"),
        ("二0一七年", "non_statement"),
        ("2015年3月15日", "non_statement"),
        ("政府信息公开年报", "non_statement"),
    ],
)
def test_unit_kinds(text, kind):
    shape = SPLITTER.shape(text, 0, len(text))
    from disclosure_nlp.components.statements import unit_core

    core = unit_core(text, shape.enumerator)
    assert SCORER.kind(text, core, shape.end_mark, shape.in_cell) == kind


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("一是政策解读多样性需进一步加强。", P),
        ("二是有些信息更新还不够及时,尤其是一些市县局的政府信息更新较慢;", P),
        ("(一)基层扶贫部门舆情工作滞后。", P),
        ("下一步,我镇将进一步加强信息公开工作的组织领导,认真组织培训。", IMP),
        ("结合工作中存在的问题和不足,我们将从以下三个方面改进。", IMP),
        ("对此,我们加强对工作人员进行培训,并尝试新媒体的应用。", IMP),
        ("2.加強對本單位從事政府信息公開工作人員的業務培訓,不斷提高綜合業務素質。", IMP),
        ("信息公开的内容还需进一步规范。", P),
        ("2019年5月15日开展第十三个全国“政务公开日”。", None),
    ],
)
def test_own_label_of_real_sentences(text, label):
    assert own_label(SCORER.evidence(text), 2.0)[0] == label


def test_first_clause_decides():
    ev = Evidence(problem=3, improvement=4, problem_first=3, improvement_first=0)
    assert own_label(ev, 2.0) == (P, 3)
    assert own_label(Evidence(problem=1, improvement=1.5), 2.0) == (None, 1.5)


def test_threshold_filters_low_scores():
    text = "五、存在的主要问题及改进情况\n一是公开意识不强。"
    sections = SECTIONS.sections(text)
    units = SPLITTER.split(text, sections)
    assert FINDER.find(text, units, sections, threshold=0.5) == [
        (text.index("一是"), len(text), P, 0.9)
    ]
    assert FINDER.find(text, units, sections, threshold=0.95) == []
