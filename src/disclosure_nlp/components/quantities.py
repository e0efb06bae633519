"""``disclosure_quantities``: COUNT, PERCENT, MONEY, DATE and HOTLINE entities.

Regular expressions over ``doc.text`` (built once from the fragments and
patterns of ``resources/quantities.json``) find the candidates; small checks
drop what the guideline excludes (durations such as 3个工作日, ordinals,
frequencies such as 每周一次, fixed expressions, postcodes and other digit runs
that are no phone number); the package's normalizers give the values:
:func:`~disclosure_nlp.normalize.parse_count`, ``parse_percent``,
``parse_money``, ``parse_date`` (with the report year of ``doc._.report`` for
dates written without one) and ``normalize_phone``.

Modifiers written before a number (近, 约, 超过, 累计, 共 …) stay outside the
span and go into ``span._.attrs["modifiers"]``, with the unit, whether the
value is approximate (100余篇, 50人左右) and, for counts, the item counted
(发布信息2889条 → 信息).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..errors import DisclosureError
from ..extensions import register_extensions
from ..normalize import (
    normalize_phone,
    parse_count,
    parse_date,
    parse_money,
    parse_number,
    parse_percent,
)
from ..normalize.phones import is_plausible_phone
from ..normalize.script import simplified_copy, to_simplified
from .entity_spans import FoundEntity, find_through_glosses, resolve_overlaps, write_entities
from .quantity_rules import (
    NO_ITEM_WORDS,
    RULES_FILE,
    ItemWords,
    QuantityRules,
    alternation,
    load_quantity_rules,
)
from .rule_io import RuleFileIO

MAGNITUDES = {"亿": "一亿", "万": "一万", "千万": "一千万", "百万": "一百万"}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CATEGORY_TOKENS = 4  # the most tokens a category name ending in 类 is read back over
# read one for one (offsets hold): full-width digits as ASCII ones, so that every
# pattern reads ０５９８－８８８８８８８ and １２３４５ like 0598-8888888 and 12345, and
# the hyphens of word processors and PDFs (‐ ‑ ‒ ―) as the ASCII hyphen
_WIDE_CHARS = "０１２３４５６７８９\u2010\u2011\u2012\u2015"
_WIDTH_FOLD = str.maketrans(_WIDE_CHARS, "0123456789----")
_WIDE_RE = re.compile(f"[{_WIDE_CHARS}]")


# the same texts recur in a report (2019年, 100%): parse each once
_parse_date = lru_cache(maxsize=4096)(parse_date)
_parse_count = lru_cache(maxsize=4096)(parse_count)


def _line_before(text: str, start: int, width: int) -> str:
    """The text before ``start`` on its line, at most ``width`` characters."""
    return text[max(text.rfind("\n", 0, start) + 1, start - width) : start]


class QuantityFinder:
    """Pure logic: a text and its report year in, :class:`FoundEntity` records out."""

    def __init__(self, rules: QuantityRules) -> None:
        self.rules = rules
        self.compiled = rules.compile()
        self.fixed_re = (
            re.compile(alternation(rules.fixed_expressions)) if rules.fixed_expressions else None
        )
        self.modifiers = tuple(sorted(rules.modifiers_before, key=len, reverse=True))
        self.rank_re = re.compile(rules.rank_pattern)
        self.frequency_re = re.compile(rules.frequency_pattern)
        self.readers: dict[str, Callable[[str, re.Match, int | None], FoundEntity | None]] = {
            "date": self._date,
            "bare_year": self._bare_year,
            "year_part": self._year_part,
            "month_day": self._month_day,
            "percent": self._percent,
            "money": self._money,
            "count": self._count,
            "count_items": self._count_items,
            "count_bare": self._count_bare,
            "phone": self._phone,
            "phone_with_cue": self._phone_with_cue,
        }

    # helpers ---------------------------------------------------------------
    @staticmethod
    def _extent(match: re.Match) -> tuple[int, int]:
        """The span of a match: its ``span``/``span2`` group where it has one."""
        for group in ("span", "span2", "span3"):
            if group in match.re.groupindex and match.group(group) is not None:
                return match.start(group), match.end(group)
        return match.start(), match.end()

    def modifiers_before(self, text: str, start: int) -> list[str]:
        """The modifiers written right before ``start`` (近, 超过, 累计 …), in reading order."""
        window = text[max(0, start - 8) : start]
        found: list[str] = []
        while True:
            stripped = window.rstrip(" \t\u3000")
            modifier = next((m for m in self.modifiers if stripped.endswith(m)), None)
            if modifier is None:
                return found[::-1]
            found.append(modifier)
            window = stripped[: -len(modifier)]

    def _is_frequency(self, text: str, start: int) -> bool:
        window = text[max(0, start - self.rules.frequency_window) : start]
        if any(m in window for m in self.rules.frequency_markers):
            return True  # 每周一次
        return self.frequency_re.search(_line_before(text, start, 20)) is not None  # 每周更新1条

    def _is_rank(self, text: str, start: int, unit: str) -> bool:
        """A place in a ranking, no count: 位列全省13位 (but 上升102位 is a count)."""
        if unit not in self.rules.rank_units:
            return False
        return self.rank_re.search(_line_before(text, start, 40)) is not None

    def _is_slogan(self, text: str, start: int, end: int) -> bool:
        """A number in a quoted slogan: “四个意识”, “两个维护”."""
        opening, closing = self.rules.quote_marks
        if start == 0 or text[start - 1] not in opening:
            return False
        return any(c in closing for c in text[end : end + self.rules.slogan_window])

    def _glued_chinese_number(self, text: str, start: int) -> bool:
        """A Chinese numeral that continues a word (统一, 进一步, 第十二)."""
        return (
            start > 0
            and not text[start].isascii()
            and not text[start].isdigit()
            and text[start - 1] in self.rules.chinese_number_glue
        )

    # readers: one per pattern kind -------------------------------------------
    def _date(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = self._extent(match)
        value = _parse_date(text[start:end], year)
        if value is None:
            return None
        # a month or day written without its year took the report's year
        attrs = {"year_from": "report"} if _parse_date(text[start:end], None) is None else {}
        if attrs:  # 每年5月15日, 每月5日: a frequency, no date
            before = text[max(0, start - 3) : start]
            if any(before.endswith(b) for b in self.rules.part_of_year_blockers):
                return None
        return FoundEntity(start, end, "DATE", value, attrs)

    def _bare_year(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = self._extent(match)
        value = _parse_date(text[start:end] + "年")
        return None if value is None else FoundEntity(start, end, "DATE", value, {})

    def _year_part(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        before = text[max(0, start - 3) : start]
        if any(before.endswith(b) for b in self.rules.part_of_year_blockers):
            return None
        value = _parse_date(text[start:end], year) if year is not None else None
        if year is not None and value is None:
            return None
        return FoundEntity(start, end, "DATE", value, {"year_from": "report"})

    def _month_day(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        value = _parse_date(f"{match['month']}月{match['day']}日", year) if year else None
        if year is not None and value is None:
            return None
        return FoundEntity(start, end, "DATE", value, {"year_from": "report"})

    def _percent(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        try:
            number = parse_percent(text[start:end])
        except DisclosureError:
            return None
        attrs = {"approximate": number.approximate, "modifiers": self.modifiers_before(text, start)}
        if text[start:end].endswith("百分点"):
            attrs["unit"] = "百分点"  # a difference of shares, not a share (decision 24)
        return FoundEntity(start, end, "PERCENT", number.value, attrs)

    def _money(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        if self._glued_chinese_number(text, start):
            return None
        try:
            money = parse_money(text[start:end])
        except DisclosureError:
            return None
        attrs = {
            "unit": money.unit,
            "approximate": money.approximate,
            "modifiers": self.modifiers_before(text, start),
        }
        return FoundEntity(start, end, "MONEY", money.value, attrs)

    def _count(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        if self._glued_chinese_number(text, start) or self._is_frequency(text, start):
            return None
        if self._is_slogan(text, start, end) or self._is_rank(text, start, match["unit"]):
            return None
        if match["num"] in ("一", "壹") and match["unit"] not in self.rules.chinese_one_units:
            return None  # 一批, 一项, 一支: idioms far more often than reported counts
        try:
            count = _parse_count(text[start:end])
            value, unit, approximate = count.value, count.unit, count.approximate
        except DisclosureError:
            number = parse_number(match["num"])
            if number is None:
                return None
            value, unit, approximate = number.value, match["unit"], number.approximate
        attrs = {
            "unit": unit,
            "approximate": approximate,
            "modifiers": self.modifiers_before(text, start),
        }
        return FoundEntity(start, end, "COUNT", value, attrs)

    def _count_items(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        if self._glued_chinese_number(text, start):
            return None
        number = parse_number(match["num"])
        if number is None:
            return None
        attrs = {"unit": match["unit"], "approximate": False, "item": match["unit"]}
        attrs["modifiers"] = self.modifiers_before(text, start)
        return FoundEntity(start, end, "COUNT", number.value, attrs)

    def _count_bare(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        written = text[start:end]
        number = parse_number(MAGNITUDES.get(written, written))
        if number is None:
            return None
        attrs = {
            "unit": None,
            "approximate": number.approximate,
            "modifiers": self.modifiers_before(text, start),
        }
        return FoundEntity(start, end, "COUNT", number.value, attrs)

    def _phone(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        digits = normalize_phone(text[start:end])
        if not is_plausible_phone(digits):
            return None
        return FoundEntity(start, end, "HOTLINE", digits, {})

    def _phone_with_cue(self, text: str, match: re.Match, year: int | None) -> FoundEntity | None:
        start, end = match.span()
        window = text[max(0, start - self.rules.phone_cue_window) : start]
        window = window.rsplit("\n", 1)[-1]
        if not any(cue in window for cue in self.rules.phone_cues):
            return None
        digits = normalize_phone(text[start:end])
        if not is_plausible_phone(digits):
            return None
        return FoundEntity(start, end, "HOTLINE", digits, {})

    # the whole text -------------------------------------------------------
    def find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        """Every quantity of ``text``, overlaps resolved (longer, more specific wins).

        The text is read in simplified characters (one for one, so offsets hold):
        traditional 條, 個, 萬 and 號 work like 条, 个, 万 and 号, full-width digits and
        typographic hyphens like ASCII ones (``_WIDTH_FOLD``); and without pinyin
        glosses (69個(gè) as 69個; the offsets are mapped back).
        """
        return find_through_glosses(self._find, text, report_year)

    def _find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        text = simplified_copy(text)
        if _WIDE_RE.search(text):  # most texts have none: a search is faster than a copy
            text = text.translate(_WIDTH_FOLD)
        fixed = [m.span() for m in self.fixed_re.finditer(text)] if self.fixed_re else []
        found = []
        for pattern, regex in self.compiled:
            reader = self.readers[pattern.kind]
            for match in regex.finditer(text):
                ent = reader(text, match, report_year)
                if ent is None:
                    continue
                if ent.label == "COUNT" and any(s < ent.end and ent.start < e for s, e in fixed):
                    continue
                found.append(ent)
        return resolve_overlaps(found)


def counted_item(
    doc: Doc,
    start_char: int,
    end_char: int,
    modifiers: Iterable[str] = (),
    words: ItemWords | None = None,
) -> str | None:
    """The item a COUNT counts, read from the tokens around it (compared in simplified
    script, returned as written): the word before the number (发布信息2889条 → 信息),
    past modifiers and short words (政策解读共132件 → 政策解读), with a one-character
    ending joined to it (行政复议案0件) and a category's words taken in (其中机构概况类26条
    → 机构概况类); else, where that word is no item (a verb, a scope or time word, a
    request's outcome), the word after the unit (编制26个领域 → 领域); else None.
    """
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    words = words or NO_ITEM_WORDS
    not_items = words.not_items
    passed = set(modifiers) | words.passed_over

    def joinable(k: int) -> bool:
        text = doc[k].text
        return bool(_CJK_RE.fullmatch(text[-1])) and to_simplified(text) not in not_items | passed

    last = span.start - 1
    while last >= 0 and (doc[last].is_space or to_simplified(doc[last].text) in passed):
        last -= 1
    first = last
    if last > 0 and to_simplified(doc[last].text) in words.joined_endings and joinable(last - 1):
        first = last - 1  # 民意征集|类, 行政复议|案
    before = doc[first : last + 1].text if last >= 0 else ""
    simplified = to_simplified(before)
    if len(before) >= 2 and _CJK_RE.fullmatch(before[-1]) and simplified not in not_items:
        if simplified.endswith("类"):
            while first > 0 and joinable(first - 1) and last + 1 - first < _CATEGORY_TOKENS:
                first -= 1  # 政府|决策|类
        return doc[first : last + 1].text
    after = doc[span.end].text if span.end < len(doc) else ""
    if len(after) >= 2 and _CJK_RE.match(after) and to_simplified(after) not in not_items:
        return after
    return None


class QuantityRecognizer(RuleFileIO):
    """spaCy component: COUNT, PERCENT, MONEY, DATE and HOTLINE entities in ``doc.ents``."""

    rules_file = RULES_FILE
    rules_class = QuantityRules

    def __init__(
        self, nlp: Language, name: str = "disclosure_quantities", overwrite: bool = False
    ) -> None:
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.rules = load_quantity_rules()
        self.finder = QuantityFinder(self.rules)

    def set_rules(self, rules: QuantityRules) -> None:
        self.rules = rules
        self.finder = QuantityFinder(rules)

    def find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        """The entities this component assigns, as data (no Doc needed)."""
        return self.finder.find(text, report_year)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        report = doc._.report or {}
        found = self.finder.find(doc_text(doc), report.get("year"))
        for ent in write_entities(doc, found, overwrite=self.overwrite):
            if ent.label_ == "COUNT" and "item" not in ent._.attrs:
                modifiers = ent._.attrs.get("modifiers", [])
                ent._.attrs["item"] = counted_item(
                    doc, ent.start_char, ent.end_char, modifiers, self.rules.item_words
                )
        return doc


@Language.factory(
    "disclosure_quantities",
    assigns=["doc.ents", "span._.value", "span._.attrs"],
    requires=["doc._.report", "doc.spans"],
    default_config={"overwrite": False},
)
def make_quantity_recognizer(nlp: Language, name: str, overwrite: bool) -> QuantityRecognizer:
    """Factory of :class:`QuantityRecognizer` (rules arrive through ``initialize``).

    ``overwrite``: drop the entities already in ``doc.ents`` instead of merging with them.
    """
    return QuantityRecognizer(nlp, name, overwrite=overwrite)
