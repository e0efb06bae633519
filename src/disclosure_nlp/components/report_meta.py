"""``disclosure_report_meta``: title, agency, year and format of a report.

The year is the year the report is about (from the title, else the first
year in the opening text); partial dates in the prose are resolved with it.
The agency is the one the title names, else one the opening text names as
reporting (现公布X2020年…报告). Its rules are ``resources/report_meta.json``
(:class:`ReportMetaRules`).
The format is read from the statutory table vocabulary (2021 vs 2019 tables),
then from the statutory headings and the year; documents whose title is not
an annual report get "other". Writes ``doc._.report`` (a plain dict).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..extensions import register_extensions
from ..normalize.script import simplified_copy
from .report_meta_rules import RULES_FILE, ReportMetaRules, packaged_meta_rules
from .rule_io import RuleFileIO

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CN_YEAR = re.compile(r"([二〇○零一三四五六七八九]{4})\s*年")
_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _clean_line(line: str) -> str:
    return re.sub(r"\s+", "", line.replace("|", " ").replace("｜", " ").strip(" #\t\u3000"))


def infer_title(lines: list[str], rules: ReportMetaRules) -> str | None:
    """The first short line before the body's first section heading that names a report
    (年度报告, 年报 …), or two lines that do together (a title broken after 信息公开工作);
    enumerated items and a web page's menu path (首页 > 信息公开 > …) are none."""
    candidates = []
    searched = rules.title_search_lines
    label = rules.title_label_pattern  # a web page's field name (标题:)
    cleaned = [label.sub("", _clean_line(line)) for line in lines[: searched + 1]]
    for clean, following in zip(cleaned[:searched], [*cleaned[1:], ""], strict=False):
        if rules.title_body_start_pattern.match(clean):
            break  # the body's first section heading: no title after it
        if rules.title_exclude_pattern.search(clean) or clean.endswith(("。", "：", ":")):
            continue
        if _broken_title(clean, following, rules):
            candidates.append(clean + following)
        candidates.append(clean)
    for keywords, limit in ((rules.title_keywords[:4], 80), (rules.title_keywords, 60)):
        for clean in candidates:
            if 6 <= len(clean) <= limit and any(k in clean for k in keywords):
                return clean
    return None


def _broken_title(first: str, second: str, rules: ReportMetaRules) -> bool:
    """Whether a title runs from line ``first`` on into the short line ``second``:
    ``first`` has no title keyword and either has a break cue (…信息公开工作 / 年度报告)
    or a cue runs across the break (…2023年度政府 / 信息公开工作年度报告)."""
    joined = first + second
    if not 0 < len(second) <= rules.title_tail_max_chars:
        return False
    if any(k in first for k in rules.title_keywords):
        return False
    if not any(k in joined for k in rules.title_keywords):
        return False
    return any(
        cue in first or (cue in joined and cue not in second) for cue in rules.title_break_cues
    )


def infer_year(title: str | None, text: str) -> int | None:
    for source in (title or "", text[:600]):
        m = _YEAR.search(source)
        if m:
            return int(m.group(1))
        m = _CN_YEAR.search(source)
        if m:
            return int("".join(_CN_DIGITS[c] for c in m.group(1)))
    m = _BARE_YEAR.search(title or "")
    return int(m.group(1)) if m else None


def infer_agency(title: str | None, rules: ReportMetaRules) -> str | None:
    """The agency a title names (山阳县人民政府2020年政府信息公开工作年度报告 → 山阳县人民政府),
    which may be a place (姜堰区2019年…); None when what is left of the title is no agency's
    name (a web page's menu path, 工信委上半年, a spam insert)."""
    if not title:
        return None
    agency = title
    for pattern in rules.agency_strip_patterns:
        agency = pattern.sub("", agency)
    agency = agency.strip(" 的,，:：")
    return agency_name(agency, rules, rules.title_agency_suffixes)


def agency_name(
    candidate: str, rules: ReportMetaRules, more_suffixes: Iterable[str] = ()
) -> str | None:
    """``candidate`` as an agency's name, or None: its bracketed note (以下简称…) dropped,
    it must end with an agency suffix (or one of ``more_suffixes``) and match no
    ``agency_rejected_pattern`` (我局, letters or digits of a spam insert, 年报)."""
    name = rules.agency_note_pattern.sub("", candidate).strip()
    suffixes = (*rules.agency_suffixes, *more_suffixes)
    if not name.endswith(suffixes) or name in suffixes or len(name) < rules.agency_min_chars:
        return None
    if rules.agency_rejected_pattern.search(name):
        return None
    return name


def stated_agency_name(candidate: str, rules: ReportMetaRules) -> str | None:
    """``agency_name`` of a name found in the opening text, which must not be a bare level
    (县政府: 公布2019年度县政府信息公开… reads as well 县 + 政府信息公开)."""
    name = agency_name(candidate, rules)
    return None if name is None or rules.bare_level_pattern.match(name) else name


def stated_agency(lines: list[str], title: str | None, rules: ReportMetaRules) -> str | None:
    """The agency of a report whose title names none, from its opening text, in this order:
    a line of its name alone just before the title or at the top; a statement naming it
    (现公布X2019年…报告, X编制了2015年…); the compiler (由X编制) unless an office, which may
    compile its government's report (由光山县人民政府办公室编制). A fuller form of the first
    name found among the later ones (市疾控中心, then 白银市疾控中心) is taken instead."""
    names = list(_agency_candidates(lines, title, rules))
    if not names:
        return None
    fuller = [name for name in names[1:] if name.endswith(names[0]) and name != names[0]]
    return fuller[0] if fuller else names[0]


def _opening(lines: list[str], chars: int) -> str:
    """The first ``chars`` characters of ``lines`` joined by line breaks (only the lines needed
    are joined: a report can run to millions of characters)."""
    taken, total = [], 0
    for line in lines:
        if total >= chars:
            break
        taken.append(line)
        total += len(line) + 1
    return "\n".join(taken)[:chars]


def _agency_candidates(
    lines: list[str], title: str | None, rules: ReportMetaRules
) -> Iterator[str]:
    cleaned = [_clean_line(line) for line in lines[: rules.title_search_lines]]
    above_title = [cleaned[i - 1] for i in range(1, len(cleaned)) if cleaned[i] == title]
    for line in [*above_title[:1], *cleaned[:1]]:
        name = stated_agency_name(line, rules)
        if name and len(line) <= rules.agency_line_max_chars:
            yield name
    opening = _opening(lines, rules.agency_search_chars)
    for pattern in rules.agency_statement_patterns:
        for match in pattern.finditer(opening):
            if name := stated_agency_name(match["agency"], rules):
                yield name
    for match in rules.agency_compiler_pattern.finditer(opening):
        name = stated_agency_name(match["agency"], rules)
        if name and not name.endswith(rules.compiler_office_suffixes):
            yield name


def infer_format(title: str | None, year: int | None, text: str, rules: ReportMetaRules) -> str:
    for fmt in ("2021-statutory", "2019-statutory"):
        if any(v in text for v in rules.format_vocabulary[fmt]):
            return fmt
    statutory = any(h in text for h in rules.statutory_headings)
    if title:
        annual = any(k in title for k in rules.annual_report_keywords)
    else:  # a fragment without its title: judge by the report's usual wording
        annual = any(k in text for k in rules.annual_report_text_cues)
    if not (statutory or annual):
        return "other"
    if year is not None and year >= rules.format_2021_from_year:
        return "2021-statutory"
    if year is not None and year >= rules.format_2019_from_year:
        return "2019-statutory"
    if statutory and year is None:
        return "2019-statutory"
    return "pre-2019"


def line_numbers(text: str, positions: Iterable[int]) -> set[int]:
    """The numbers (from 0) of the lines of ``text`` that ``positions`` fall on, found by
    bisection over the line breaks (counting breaks afresh for each grows with the square)."""
    positions = list(positions)
    if not positions:
        return set()
    breaks = [i for i, char in enumerate(text) if char == "\n"]
    return {bisect_left(breaks, pos) for pos in positions}


def infer_report_meta(
    text: str, skip_lines: Iterable[int] = (), rules: ReportMetaRules | None = None
) -> dict:
    """Title, agency, year and format of a report text (pure: no spaCy needed).

    The text is read in simplified characters (``simplified_copy``), so a title in
    traditional script or with the Kangxi radicals of a PDF extraction (⼯作 for
    工作) gives its title and agency in simplified characters."""
    text = simplified_copy(text)
    rules = rules or packaged_meta_rules()
    skip = set(skip_lines)
    lines = [line for i, line in enumerate(text.splitlines()) if i not in skip and line.strip()]
    title = infer_title(lines, rules)
    year = infer_year(title, text)
    return {
        "title": title,
        "agency": infer_agency(title, rules) or stated_agency(lines, title, rules),
        "year": year,
        "format": infer_format(title, year, text, rules),
    }


class ReportMetaInferrer(RuleFileIO):
    """spaCy component writing ``doc._.report``."""

    rules_file = RULES_FILE
    rules_class = ReportMetaRules

    def __init__(self, nlp: Language, name: str = "disclosure_report_meta", overwrite: bool = True):
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.set_rules(packaged_meta_rules())

    def set_rules(self, rules: ReportMetaRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        if doc._.report is not None and not self.overwrite:
            return doc
        text = doc_text(doc)
        furniture = doc.spans.get("furniture", ())
        furniture_lines = line_numbers(text, (span.start_char for span in furniture))
        doc._.report = infer_report_meta(text, furniture_lines, self.rules)
        return doc


@Language.factory(
    "disclosure_report_meta",
    assigns=["doc._.report"],
    default_config={"overwrite": True},
)
def make_report_meta(nlp: Language, name: str, overwrite: bool) -> ReportMetaInferrer:
    """Factory of :class:`ReportMetaInferrer`; ``overwrite=False`` keeps metadata set before."""
    return ReportMetaInferrer(nlp, name, overwrite=overwrite)
