"""``disclosure_sections``: top-level sections, statutory table blocks, web furniture.

Finds the report's top-level headings (一、总体情况 … 六、其他需要报告的事项, the
old format's numbered parts, headings run into the prose of flattened web
text) and labels each section as ANNOTATION.md §3 says. Headings must follow
one another in numeral order (一, 二, 三 …), which keeps the statutory table's
row labels (一、本年新收…) and enumerations in prose out; a fragment may start
at any numeral. Then it marks the statutory table blocks inside the ACTIVE,
REQUESTS and REVIEW sections and the lines of web-page furniture, so that later
components can leave them out.

Writes ``doc.spans["sections"]``, ``doc.spans["tables"]`` and
``doc.spans["furniture"]``; ``token._.section`` and ``span._.section`` read the
label of the section a token or span starts in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
from .rule_io import RuleFileIO, check_rule_keys

SECTION_LABELS = ("PREAMBLE", "OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS", "OTHER")
RULES_FILE = "sections.json"


@dataclass(frozen=True)
class Heading:
    """A top-level heading: where it starts, its numeral and its label."""

    start: int
    end: int
    number: int
    label: str
    at_line_start: bool


@dataclass(frozen=True)
class SectionRules:
    """The rule data of ``resources/sections.json``, validated."""

    heading_labels: tuple[tuple[str, tuple[str, ...]], ...]
    default_label: str
    numerals: str
    heading_delimiters: str
    max_heading_chars: int
    table_row_labels: tuple[str, ...]
    table_sections: tuple[str, ...]
    table_vocabulary: tuple[str, ...]
    table_cell_pattern: str
    max_table_line_chars: int
    min_table_lines: int
    furniture_patterns: tuple[str, ...]
    canonical_headings: tuple[str, ...]

    KEYS = (
        "description", "heading_labels", "default_label", "numerals", "heading_delimiters",
        "max_heading_chars", "table_row_labels", "table_sections", "table_vocabulary",
        "table_cell_pattern", "max_table_line_chars", "min_table_lines", "furniture_patterns",
        "canonical_headings",
    )  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> SectionRules:
        check_rule_keys(data, cls.KEYS, path)
        labels = []
        for entry in data["heading_labels"]:
            if entry["label"] not in SECTION_LABELS:
                raise ValueError(
                    Errors.E021.format(label=entry["label"], path=path, allowed=SECTION_LABELS)
                )
            labels.append((entry["label"], tuple(entry["keywords"])))
        for label in (data["default_label"], *data["table_sections"]):
            if label not in SECTION_LABELS:
                raise ValueError(Errors.E021.format(label=label, path=path, allowed=SECTION_LABELS))
        for pattern in (data["table_cell_pattern"], *data["furniture_patterns"]):
            try:
                re.compile(pattern)
            except re.error as err:
                raise ValueError(
                    Errors.E020.format(path=path, problem=f"{pattern!r}: {err}")
                ) from err
        return cls(
            heading_labels=tuple(labels),
            default_label=data["default_label"],
            numerals=data["numerals"],
            heading_delimiters=data["heading_delimiters"],
            max_heading_chars=int(data["max_heading_chars"]),
            table_row_labels=tuple(data["table_row_labels"]),
            table_sections=tuple(data["table_sections"]),
            table_vocabulary=tuple(data["table_vocabulary"]),
            table_cell_pattern=data["table_cell_pattern"],
            max_table_line_chars=int(data["max_table_line_chars"]),
            min_table_lines=int(data["min_table_lines"]),
            furniture_patterns=tuple(data["furniture_patterns"]),
            canonical_headings=tuple(data["canonical_headings"]),
        )

    def to_dict(self) -> dict:
        return {
            "heading_labels": [
                {"label": lb, "keywords": list(kw)} for lb, kw in self.heading_labels
            ],
            "default_label": self.default_label,
            "numerals": self.numerals,
            "heading_delimiters": self.heading_delimiters,
            "max_heading_chars": self.max_heading_chars,
            "table_row_labels": list(self.table_row_labels),
            "table_sections": list(self.table_sections),
            "table_vocabulary": list(self.table_vocabulary),
            "table_cell_pattern": self.table_cell_pattern,
            "max_table_line_chars": self.max_table_line_chars,
            "min_table_lines": self.min_table_lines,
            "furniture_patterns": list(self.furniture_patterns),
            "canonical_headings": list(self.canonical_headings),
        }


_BULLETS = "•·-*"
_BULLET_RE = re.compile(rf"^([ \t\u3000]*)[{re.escape(_BULLETS)}]")


def _unbulleted(line: str) -> str:
    """``line`` with a list bullet at its start turned into a space (offsets hold)."""
    return _BULLET_RE.sub(lambda m: m.group(1) + " ", line, count=1)


def load_section_rules(path: Path | None = None) -> SectionRules:
    path = Path(path) if path else resource_path(RULES_FILE)
    return SectionRules.from_dict(srsly.read_json(path), str(path))


def numeral_value(numeral: str) -> int | None:
    """一 … 九十九 as an int (十一 = 11, 二十 = 20); None for anything else."""
    digits = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
    if not numeral or any(c not in digits and c != "十" for c in numeral):
        return None
    if "十" not in numeral:
        return digits[numeral] if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


class SectionFinder:
    """Pure logic: text in, headings, table blocks and furniture ranges out."""

    def __init__(self, rules: SectionRules) -> None:
        self.rules = rules
        numerals = re.escape(rules.numerals)
        delims = re.escape(rules.heading_delimiters)
        # a numeral + delimiter at a line start (after markdown #, spaces) or after
        # white space / sentence punctuation in flattened text
        self.candidate_re = re.compile(
            rf"(?:(?<=\n)|^|(?<=[\s。：:；;]))[#\s\u3000]*?(?P<num>[{numerals}]{{1,3}})"
            rf"\s*[{delims}]\s*(?=(?P<title>[^\n]*))"
        )
        self.cell_re = re.compile(rules.table_cell_pattern)
        self.furniture_res = [re.compile(p) for p in rules.furniture_patterns]

    # headings ------------------------------------------------------------
    def label_heading(self, title: str) -> str | None:
        for label, keywords in self.rules.heading_labels:
            if any(k in title for k in keywords):
                return label
        return None

    def candidates(self, text: str) -> list[Heading]:
        """Numbered headings of ``text``, read in simplified characters (``headings``
        passes the simplified copy)."""
        out = []
        for m in self.candidate_re.finditer(text):
            number = numeral_value(m.group("num"))
            if number is None:
                continue
            start = m.start("num")
            line_start = text.rfind("\n", 0, start) + 1
            at_line_start = not text[line_start:start].strip(" \t\u3000#")
            title = m.group("title")
            head = re.split(r"[。；;]", title, maxsplit=1)[0][: self.rules.max_heading_chars]
            if any(head.lstrip().startswith(r) for r in self.rules.table_row_labels):
                continue
            label = self.label_heading(head[:30])
            if label is None:
                # an unknown heading is accepted only on a short line of its own
                if not at_line_start or len(title.strip()) > self.rules.max_heading_chars // 2:
                    continue
                if title.rstrip().endswith(("。", "；", ";")):
                    continue
                label = self.rules.default_label
            out.append(Heading(start, start + len(m.group("num")), number, label, at_line_start))
        return out

    @staticmethod
    def best_chain(cands: list[Heading], weights: list[int]) -> list[Heading]:
        """The heaviest run of headings numbered n, n+1, n+2 … in text order.

        A heading weighs more when its title is a statutory heading or has a
        keyword of its label (see :meth:`weight`), so the top-level chain wins
        over enumerations of sub-headings that reuse the same numerals.
        """
        best: list[tuple[int, int]] = []  # (total weight, previous index) per candidate
        for i, cand in enumerate(cands):
            entry = (weights[i], -1)
            for j in range(i):
                if cands[j].number == cand.number - 1 and best[j][0] + weights[i] > entry[0]:
                    entry = (best[j][0] + weights[i], j)
            best.append(entry)
        if not best:
            return []
        end = max(range(len(cands)), key=lambda i: (best[i][0], -i))
        chain = []
        while end >= 0:
            chain.append(cands[end])
            end = best[end][1]
        return chain[::-1]

    def weight(self, heading: Heading, text: str) -> int:
        title = text[heading.end : heading.end + 40]
        score = 1 + int(heading.at_line_start)
        if any(title.lstrip("、，,．. ").startswith(c) for c in self.rules.canonical_headings):
            score += 4
        elif heading.label != self.rules.default_label or self.label_heading(title):
            score += 2
        return score

    def headings(self, text: str) -> list[Heading]:
        text = simplified_copy(text)  # 一、總體情況 and the ⼀、 of PDFs read as 一、总体情况
        cands = self.candidates(text)
        return self.best_chain(cands, [self.weight(c, text) for c in cands])

    def sections(self, text: str) -> list[tuple[int, int, str]]:
        heads = self.headings(text)
        bounds = [(h.start, h.label) for h in heads]
        if not bounds or bounds[0][0] > 0:
            bounds.insert(0, (0, "PREAMBLE"))
        out = []
        for (start, label), (end, _) in zip(bounds, [*bounds[1:], (len(text), "")], strict=True):
            out.append((start, end, label))
        return out

    # tables and furniture -------------------------------------------------
    def is_table_line(self, line: str) -> bool:
        stripped = line.strip(" \t\u3000#")
        if not stripped:
            return False
        if stripped.count("|") + stripped.count("｜") >= 2:
            return True
        if self.cell_re.match(stripped):
            return True
        if len(stripped) > self.rules.max_table_line_chars or stripped.endswith("。"):
            return False
        return any(v in stripped for v in self.rules.table_vocabulary)

    def tables(self, text: str, sections: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
        text = simplified_copy(text)
        blocks = []
        for sec_start, sec_end, label in sections:
            if label not in self.rules.table_sections:
                continue
            # the heading line itself is never a cell
            body_start = text.find("\n", sec_start, sec_end)
            if body_start < 0:
                continue
            run: list[tuple[int, int]] = []
            pos = body_start + 1
            for line in text[body_start + 1 : sec_end].split("\n"):
                line_end = pos + len(line)
                if self.is_table_line(line):
                    lead = len(line) - len(line.lstrip(" \t\u3000#"))
                    run.append((pos + lead, pos + len(line.rstrip())))
                elif line.strip():
                    blocks.extend(self._close(run, text))
                    run = []
                pos = line_end + 1
            blocks.extend(self._close(run, text))
        return blocks

    def _close(self, run: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
        if not run:
            return []
        start, end = run[0][0], run[-1][1]
        pipes = text.count("|", start, end) + text.count("｜", start, end)
        if len(run) >= self.rules.min_table_lines or pipes >= 6:
            return [(start, end)]
        return []

    def furniture(self, text: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
        text = simplified_copy(text)  # 來源: reads as 来源: (one for one)
        out = []
        pos = 0
        for line in text.split("\n"):
            end = pos + len(line)
            inside_table = any(s <= pos < e for s, e in tables)
            matches = []
            if line.strip() and not inside_table:
                probe = line
                if line.lstrip(" \t\u3000")[:1] in _BULLETS:
                    probe = _unbulleted(probe)  # • 名称: reads as 名称: (offsets hold)
                matches = [m for r in self.furniture_res if (m := r.search(probe))]
            if matches:
                match = max(matches, key=lambda m: m.end())
                start = pos + len(line) - len(line.lstrip())
                out.append((start, pos + self._furniture_end(line, match)))
            pos = end + 1
        return out

    @staticmethod
    def _furniture_end(line: str, match: re.Match[str]) -> int:
        """Where a furniture line's furniture ends: the whole line, unless the
        line goes on into report prose (a web page flattened onto one line:
        "发表时间:2022-01-29 来源:国家文化和旅游部 根据《条例》……。"); then
        the metadata run ends at the first space after the last matched field."""
        whole = len(line.rstrip())
        if "。" not in line[match.end() :]:
            return whole
        space = re.search(r"[ \t\u3000]", line[match.end() :])
        if space is None:
            return whole
        return len(line[: match.end() + space.start()].rstrip())


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


class SectionSegmenter(RuleFileIO):
    """spaCy component: sections, statutory table blocks and web furniture."""

    rules_file = RULES_FILE
    rules_class = SectionRules

    def __init__(
        self, nlp: Language, name: str = "disclosure_sections", overwrite: bool = True
    ) -> None:
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.set_rules(load_section_rules())

    def set_rules(self, rules: SectionRules) -> None:
        self.rules = rules
        self.finder = SectionFinder(rules)

    def find(self, text: str) -> dict[str, list[tuple[int, int, str]]]:
        """The ranges this component assigns, as data (no Doc needed)."""
        sections = self.finder.sections(text)
        tables = self.finder.tables(text, sections)
        furniture = self.finder.furniture(text, tables)
        return {
            "sections": sections,
            "tables": [(s, e, "TABLE") for s, e in tables],
            "furniture": [(s, e, "FURNITURE") for s, e in furniture],
        }

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc_text(doc)) if len(doc) else {}
        for key in ("sections", "tables", "furniture"):
            if key in doc.spans and not self.overwrite:
                continue
            spans = [_char_span(doc, s, e, label) for s, e, label in found.get(key, [])]
            doc.spans[key] = [span for span in spans if span is not None]
        return doc


def section_ranges(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of ``doc.spans["sections"]`` in characters, as ANNOTATION.md §3
    has them: each section ends where the next begins.

    A span's ``end_char`` leaves out the white space after its last token, so the
    space of ``## 一、总体情况`` or of ``…发生。 二、…`` would belong to no section.
    """
    if "sections" not in doc.spans:
        return []
    return [
        (span.start_char, span.end_char + len(doc[span.end - 1].whitespace_), span.label_)
        if len(span)
        else (span.start_char, span.end_char, span.label_)
        for span in doc.spans["sections"]
    ]


@Language.factory(
    "disclosure_sections",
    assigns=["doc.spans", "token._.section"],
    default_config={"overwrite": True},
)
def make_section_segmenter(nlp: Language, name: str, overwrite: bool) -> SectionSegmenter:
    """Factory of :class:`SectionSegmenter` (rules arrive through ``initialize``).

    ``overwrite``: replace spans already under the keys (False keeps, e.g., gold spans).
    """
    return SectionSegmenter(nlp, name, overwrite=overwrite)
