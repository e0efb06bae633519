"""``disclosure_statement_units``: the prose cut into statement units.

A statement unit is what ANNOTATION.md §2 calls a statement before it gets a
label: one sentence, or one enumerated item inside a sentence (一是…；二是…；
(一)…。 1.… 1、…), from its first character (the enumerator included) to its
closing punctuation (。；;！!？?) included, or to the end of its line. GUIDELINE.md
§8 adds: a colon closes a lead-in also when no enumerator follows (decision 2),
a comma closes one only when 一是 follows it, and ; closes a unit also without
enumerators (decision 18). Sub-headings ((一)存在问题, 改进措施:) are units of
their own; the top-level section headings are not units.

Only prose is cut: the statutory table blocks, web-page furniture and the
section headings (``doc.spans["tables"]``, ``["furniture"]``, ``["sections"]``)
are left out, cell separators (|) end a unit, and so does a break between
run-in headings of flattened web text (…改进措施 1、统一认识…). In PDF text,
lines wrapped at the page width run on: the line break (and a page-number line
such as -4- between two wrapped lines) stays inside the unit.

Writes ``doc.spans["statement_units"]`` (unlabelled spans).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_text import doc_text
from ..errors import Errors
from ..extensions import register_extensions
from ..normalize.script import simplified_copy
from ..resources import resource_path
from .rule_io import RuleFileIO
from .sections import section_ranges

RULES_FILE = "statement_units.json"
SPANS_KEY = "statement_units"
EXCLUDED_KEYS = ("tables", "furniture")

Range = tuple[int, int]


@dataclass(frozen=True)
class UnitRules:
    """The rule data of ``resources/statement_units.json``, validated."""

    closing_punctuation: str
    lead_in_colons: str
    comma_marks: str
    trailing_closers: str
    bracket_pairs: tuple[str, ...]
    cell_separators: str
    half_width_guard_pattern: str
    enumerator_patterns: tuple[str, ...]
    comma_enumerator_patterns: tuple[str, ...]
    space_break_before_pattern: str
    space_break_after_pattern: str
    page_number_patterns: tuple[str, ...]
    wrap_min_lines: int
    wrap_min_width: float
    wrap_min_share: float
    wrap_tolerance: float
    heading_max_chars: int

    KEYS = (
        "description", "closing_punctuation", "lead_in_colons", "comma_marks",
        "trailing_closers", "bracket_pairs", "cell_separators", "half_width_guard_pattern",
        "enumerator_patterns", "comma_enumerator_patterns", "space_break_before_pattern",
        "space_break_after_pattern", "page_number_patterns", "wrap_min_lines",
        "wrap_min_width", "wrap_min_share", "wrap_tolerance", "heading_max_chars",
    )  # fmt: skip
    PATTERN_KEYS = (
        "half_width_guard_pattern", "space_break_before_pattern", "space_break_after_pattern",
    )  # fmt: skip
    PATTERN_LIST_KEYS = (
        "enumerator_patterns", "comma_enumerator_patterns", "page_number_patterns",
    )  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> UnitRules:
        """Validate ``data`` (unknown or missing keys, bad regexes, bad pairs)."""
        for key in data:
            if key not in cls.KEYS:
                raise ValueError(Errors.E022.format(key=key, what=path, allowed=cls.KEYS))
        missing = [k for k in cls.KEYS if k != "description" and k not in data]
        if missing:
            raise ValueError(Errors.E090.format(path=path, problem=f"missing keys {missing}"))
        patterns = [data[k] for k in cls.PATTERN_KEYS]
        patterns += [p for k in cls.PATTERN_LIST_KEYS for p in data[k]]
        for pattern in patterns:
            try:
                re.compile(pattern)
            except (re.error, TypeError) as err:
                raise ValueError(
                    Errors.E090.format(path=path, problem=f"{pattern!r}: {err}")
                ) from err
        for pair in data["bracket_pairs"]:
            if len(pair) != 2:
                raise ValueError(
                    Errors.E090.format(path=path, problem=f"bracket pair {pair!r} is not 2 chars")
                )
        if not data["closing_punctuation"]:
            raise ValueError(Errors.E090.format(path=path, problem="no closing punctuation"))
        return cls(
            closing_punctuation=data["closing_punctuation"],
            lead_in_colons=data["lead_in_colons"],
            comma_marks=data["comma_marks"],
            trailing_closers=data["trailing_closers"],
            bracket_pairs=tuple(data["bracket_pairs"]),
            cell_separators=data["cell_separators"],
            half_width_guard_pattern=data["half_width_guard_pattern"],
            enumerator_patterns=tuple(data["enumerator_patterns"]),
            comma_enumerator_patterns=tuple(data["comma_enumerator_patterns"]),
            space_break_before_pattern=data["space_break_before_pattern"],
            space_break_after_pattern=data["space_break_after_pattern"],
            page_number_patterns=tuple(data["page_number_patterns"]),
            wrap_min_lines=int(data["wrap_min_lines"]),
            wrap_min_width=float(data["wrap_min_width"]),
            wrap_min_share=float(data["wrap_min_share"]),
            wrap_tolerance=float(data["wrap_tolerance"]),
            heading_max_chars=int(data["heading_max_chars"]),
        )

    def to_dict(self) -> dict:
        return {key: getattr(self, key) for key in self.KEYS if key != "description"} | {
            "bracket_pairs": list(self.bracket_pairs),
            "enumerator_patterns": list(self.enumerator_patterns),
            "comma_enumerator_patterns": list(self.comma_enumerator_patterns),
            "page_number_patterns": list(self.page_number_patterns),
        }


def load_unit_rules(path: Path | str | None = None) -> UnitRules:
    """Read and validate the unit rules: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(RULES_FILE)
    return UnitRules.from_dict(srsly.read_json(path), str(path))


def display_width(text: str) -> float:
    """Width of a line as a page lays it out: ASCII counts half, everything else one."""
    return sum(0.5 if ord(ch) < 128 else 1.0 for ch in text)


@dataclass(frozen=True)
class UnitShape:
    """What a unit looks like, read from its text (for classifiers)."""

    enumerator: str | None  # the enumerator it starts with (一是, (一), 1、 …)
    ordinal: int | None  # the enumerator's number (一是 → 1, (3) → 3)
    end_mark: str  # "closing", "colon", "comma" or "open" (line end, cell, break)
    in_cell: bool  # next to a cell separator (|): a flattened table cell


class UnitSplitter:
    """Pure logic: text and excluded ranges in, statement unit ranges out."""

    def __init__(self, rules: UnitRules) -> None:
        self.rules = rules
        self.enumerator_re = re.compile(
            r"\s*(?:" + "|".join(f"(?:{p})" for p in rules.enumerator_patterns) + ")"
        )
        self.comma_enumerator_re = re.compile(
            r"\s*(?:" + "|".join(f"(?:{p})" for p in rules.comma_enumerator_patterns) + ")"
        )
        self.guard_re = re.compile(rules.half_width_guard_pattern)
        self.break_before_re = re.compile(rules.space_break_before_pattern)
        self.break_after_re = re.compile(rules.space_break_after_pattern)
        self.page_number_res = [re.compile(p) for p in rules.page_number_patterns]
        self.openers = {pair[0]: pair[1] for pair in rules.bracket_pairs}
        self.closers = {pair[1] for pair in rules.bracket_pairs}
        self.stops = set(rules.closing_punctuation) | set(rules.lead_in_colons)
        self.cells = set(rules.cell_separators)

    # lines -----------------------------------------------------------------
    def is_page_number(self, line: str) -> bool:
        return any(r.match(line) for r in self.page_number_res)

    def wrap_width(self, text: str) -> float | None:
        """The width at which a PDF text wraps its lines, or None when it does not.

        Lines that end without punctuation and are about equally long (at least
        ``wrap_min_lines`` of them, and ``wrap_min_share`` of all such lines)
        betray a fixed page width.
        """
        widths = []
        for line in text.split("\n"):
            line = line.strip()
            if not line or line[-1] in self.stops or any(c in line for c in self.cells):
                continue
            width = display_width(line)
            if width >= self.rules.wrap_min_width:
                widths.append(width)
        tol = self.rules.wrap_tolerance
        best, best_n = None, 0
        for center in sorted({round(w) for w in widths}):
            n = sum(1 for w in widths if abs(w - center) <= tol)
            if n > best_n:
                best, best_n = center, n
        if (
            best is None
            or best_n < self.rules.wrap_min_lines
            or best_n < self.rules.wrap_min_share * len(widths)
        ):
            return None
        return float(best)

    def soft_breaks(self, text: str) -> dict[int, int]:
        """Newlines inside wrapped sentences: position → where the sentence goes on."""
        width = self.wrap_width(text)
        if width is None:
            return {}
        low, high = width - self.rules.wrap_tolerance, width + self.rules.wrap_tolerance
        out: dict[int, int] = {}
        pos = 0
        lines = text.split("\n")
        starts = []
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        for i, line in enumerate(lines[:-1]):
            stripped = line.strip()
            bare = stripped.rstrip(self.rules.trailing_closers)
            if not bare or bare[-1] in self.stops:
                continue
            if any(c in stripped for c in self.cells) or self.is_page_number(stripped):
                continue
            if not low <= display_width(stripped) <= high:
                continue
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or self.is_page_number(lines[j])):
                j += 1
            if j >= len(lines) or self.enumerator_re.match(lines[j]):
                continue
            nxt = starts[j] + len(lines[j]) - len(lines[j].lstrip())
            out[starts[i] + len(line)] = nxt
        return out

    # headings ----------------------------------------------------------------
    def heading_end(self, text: str, start: int) -> int:
        """End of a section heading that starts at ``start`` (its colon included)."""
        limit = min(len(text), start + self.rules.heading_max_chars)
        i = start
        while i < limit:
            ch = text[i]
            if ch == "\n" or ch in self.rules.cell_separators:
                break
            if ch in self.stops and self._closes(text, i):
                return i + 1
            if ch in " \t\u3000" and self._space_break(text, i):
                break
            i += 1
        while i > start and text[i - 1].isspace():
            i -= 1
        return i

    # splitting ---------------------------------------------------------------
    def _closes(self, text: str, i: int) -> bool:
        """Whether the mark at ``i`` closes a unit (not in 08:30, http://, a;b)."""
        window = (text[i - 1] if i else " ") + text[i] + (text[i + 1] if i + 1 < len(text) else " ")
        return not self.guard_re.match(window)

    def _is_stop(self, text: str, i: int, in_brackets: bool) -> bool:
        """Closing punctuation, or a lead-in colon outside brackets, that closes a unit."""
        ch = text[i]
        if ch in self.rules.closing_punctuation:
            return self._closes(text, i)
        return ch in self.rules.lead_in_colons and not in_brackets and self._closes(text, i)

    def _space_break(self, text: str, i: int) -> bool:
        """Whether the blank run at ``i`` separates run-in headings of flattened text."""
        if not i or not self.break_before_re.match(text[i - 1]):
            return False
        j = i
        while j < len(text) and text[j] in " \t\u3000":
            j += 1
        if j >= len(text) or text[j] == "\n":
            return False
        return bool(self.break_after_re.match(text, j) or self.enumerator_re.match(text, j))

    def _end_with_closers(self, text: str, i: int, stop: int) -> int:
        while i < stop and text[i] in self.rules.trailing_closers:
            i += 1
        return i

    def split_range(
        self, text: str, start: int, stop: int, soft: dict[int, int] | None = None
    ) -> list[Range]:
        """Units of ``text[start:stop]`` (a stretch of prose) as (start, end) pairs."""
        soft = soft or {}
        units: list[Range] = []
        unit_start: int | None = None
        depth: list[str] = []
        cells = self.rules.cell_separators

        def close(end: int) -> None:
            nonlocal unit_start
            if unit_start is not None:
                while end > unit_start and text[end - 1].isspace():
                    end -= 1
                if end > unit_start:
                    units.append((unit_start, end))
            unit_start = None
            depth.clear()

        i = start
        while i < stop:
            ch = text[i]
            if unit_start is None:
                if ch.isspace() or ch in cells:
                    i += 1
                    continue
                line_end = text.find("\n", i)
                line = text[i : line_end if line_end >= 0 else len(text)]
                if self.is_page_number(line):
                    i += len(line)
                    continue
                unit_start = i
            if ch in cells:
                close(i)
            elif ch == "\n":
                if i in soft and soft[i] < stop:
                    i = soft[i]
                    continue
                close(i)
            elif ch in self.openers and not (depth and self.openers[ch] == ch):
                depth.append(self.openers[ch])
            elif depth and ch == depth[-1]:
                depth.pop()
            elif self._is_stop(text, i, bool(depth)):
                end = self._end_with_closers(text, i + 1, stop)
                close(end)
                i = end
                continue
            elif ch in self.rules.comma_marks and self.comma_enumerator_re.match(text, i + 1):
                close(i + 1)
            elif ch in " \t\u3000" and self._space_break(text, i):
                close(i)
            i += 1
        close(stop)
        return units

    def prose_ranges(
        self,
        text: str,
        sections: Sequence[tuple[int, int, str]],
        excluded: Iterable[Range] = (),
    ) -> list[Range]:
        """The stretches of prose: sections without their headings, tables and furniture."""
        bounds = sorted((s, e) for s, e, _ in sections) or [(0, len(text))]
        cuts = sorted(excluded)
        for s, _, label in sections:
            if label != "PREAMBLE":
                cuts.append((s, self.heading_end(text, s)))
        cuts.sort()
        out = []
        for sec_start, sec_end in bounds:
            pos = sec_start
            for c_start, c_end in cuts:
                if c_end <= pos or c_start >= sec_end:
                    continue
                if c_start > pos:
                    out.append((pos, c_start))
                pos = max(pos, c_end)
            if pos < sec_end:
                out.append((pos, sec_end))
        return out

    def split(
        self,
        text: str,
        sections: Sequence[tuple[int, int, str]] = (),
        excluded: Iterable[Range] = (),
    ) -> list[Range]:
        """All statement units of a text, in order.

        ``sections``: (start, end, label) of the top-level sections (their
        headings are left out); ``excluded``: ranges that are not prose
        (statutory tables, furniture). The text is read in simplified characters.
        """
        text = simplified_copy(text)
        soft = self.soft_breaks(text)
        units: list[Range] = []
        for start, stop in self.prose_ranges(text, sections, excluded):
            units.extend(self.split_range(text, start, stop, soft))
        return units

    # shape -------------------------------------------------------------------
    def shape(self, text: str, start: int, end: int) -> UnitShape:
        """The enumerator, closing mark and cell context of a unit."""
        m = self.enumerator_re.match(text, start)
        enumerator = text[start : m.end()].strip() if m else None
        j = end - 1
        while j > start and text[j] in self.rules.trailing_closers:
            j -= 1
        last = text[j] if end > start else "\n"
        end_mark = "open"
        for mark, chars in (
            ("closing", self.rules.closing_punctuation),
            ("colon", self.rules.lead_in_colons),
            ("comma", self.rules.comma_marks),
        ):
            if last in chars:
                end_mark = mark
                break
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        cells = self.rules.cell_separators
        before = text[line_start:start].rstrip()
        after = text[end:line_end].lstrip()
        in_cell = bool(cells) and (
            (bool(before) and before[-1] in cells) or (bool(after) and after[0] in cells)
        )
        return UnitShape(enumerator, enumerator_ordinal(enumerator), end_mark, in_cell)


_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def enumerator_ordinal(enumerator: str | None) -> int | None:
    """The number an enumerator counts: 一是 → 1, (十二) → 12, 3、 → 3, ② → 2."""
    if not enumerator:
        return None
    if enumerator[0] in _CIRCLED:
        return _CIRCLED.index(enumerator[0]) + 1
    digits = re.search(r"\d+", enumerator)
    if digits:
        return int(digits.group())
    m = re.search(r"[一二三四五六七八九十]+", enumerator)
    if not m:
        return None
    numeral = m.group()
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def doc_ranges(doc: Doc, key: str) -> list[Range]:
    """Character ranges of ``doc.spans[key]`` (empty when the key is missing)."""
    if key not in doc.spans:
        return []
    return [(span.start_char, span.end_char) for span in doc.spans[key]]


def doc_sections(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of ``doc.spans["sections"]``, each ending where the next begins."""
    return section_ranges(doc)


class StatementUnitSplitter(RuleFileIO):
    """spaCy component: cuts the prose into statement units."""

    rules_file = RULES_FILE
    rules_class = UnitRules

    def __init__(
        self, nlp: Language, name: str = "disclosure_statement_units", overwrite: bool = True
    ) -> None:
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.rules = load_unit_rules()
        self.splitter = UnitSplitter(self.rules)

    def set_rules(self, rules: UnitRules) -> None:
        self.rules = rules
        self.splitter = UnitSplitter(rules)

    def find(self, doc: Doc) -> list[Range]:
        """The unit ranges of a Doc, as data."""
        excluded = [r for key in EXCLUDED_KEYS for r in doc_ranges(doc, key)]
        return self.splitter.split(doc_text(doc), doc_sections(doc), excluded)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_KEY in doc.spans and not self.overwrite:
            return doc
        spans = []
        for start, end in self.find(doc) if len(doc) else []:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[SPANS_KEY] = _dedupe(spans)
        return doc


def _dedupe(spans: list[Span]) -> list[Span]:
    """Spans widened to token boundaries may touch: keep them in order, none twice."""
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


@Language.factory(
    "disclosure_statement_units",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"overwrite": True},
)
def make_statement_unit_splitter(
    nlp: Language, name: str, overwrite: bool
) -> StatementUnitSplitter:
    """Factory of :class:`StatementUnitSplitter` (rules arrive through ``initialize``).

    ``overwrite``: replace units already under ``doc.spans["statement_units"]``.
    """
    return StatementUnitSplitter(nlp, name, overwrite=overwrite)


def scored_spans(doc: Doc, found: Iterable[tuple[int, int, str, float]]) -> list[Span]:
    """Labelled spans with ``span._.score`` (rounded to 4 places) for character ranges.

    Shared by the statement classifiers: each range is widened to token
    boundaries; ranges that cover no token are left out.
    """
    spans = []
    for start, end, label, score in found:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            span._.score = round(score, 4)
            spans.append(span)
    return spans
