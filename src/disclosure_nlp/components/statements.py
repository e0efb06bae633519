"""``disclosure_statements``: problem and improvement statements.

Classifies each statement unit (``doc.spans["statement_units"]``) as PROBLEM,
IMPROVEMENT or neither (ANNOTATION.md §2, GUIDELINE.md §8 decisions 2, 18, 19)
the way a reader does:

- the unit's own cues (``resources/statement_cues.json``): problem cues
  (存在…不足/差距/问题, 还不够, 有待, 滞后, 不及时, 仍需, 亟需 …) and improvement
  cues (下一步, 今后, 将…, 进一步, 改进 …), the first clause deciding where a
  sentence has both (decision 18);
- the context: the section (a PROBLEMS section, and the class of its heading:
  存在的主要问题 vs 改进措施 vs both), the nearest generic sub-heading
  ((一)存在问题, (二)改进措施, 下一步工作打算), and the run of items after a
  lead-in: items under an improvement heading or lead-in are IMPROVEMENT even
  when written as done (decision 19), problems listed after 仍存在以下问题 are
  PROBLEM until the text turns to measures;
- outside such a context only a strong cue opens a run of statements, past
  work described as done (已完成…, 全年共…) is neither, and generic
  sub-headings, bare connectors (主要表现在:), dates, signatures and table cells
  never are statements.

Writes ``doc.spans["statements"]`` with labels PROBLEM and IMPROVEMENT and
``span._.score``, the probability that the label is right: the rules' raw
confidence (one of the ``scores`` of the cue file) mapped by a Platt scaling
fitted on the train split (``resources/statement_calibration.json``, rebuilt by
``python -m disclosure_nlp.training.calibrate_statements``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..errors import Errors
from ..extensions import register_extensions
from ..normalize.script import simplified_copy, to_simplified
from .statement_rules import (
    CALIBRATION_FILE,
    CUES_FILE,
    Cue,
    CueRules,
    ScoreCalibration,
    load_cue_rules,
    load_score_calibration,
)
from .statement_units import SPANS_KEY as UNITS_KEY
from .statement_units import UnitSplitter, doc_sections, load_unit_rules, scored_spans

SPANS_KEY = "statements"
PROBLEM, IMPROVEMENT = "PROBLEM", "IMPROVEMENT"
STATEMENT_LABELS = (PROBLEM, IMPROVEMENT)
MIXED, NONE = "MIXED", "NONE"
HEADING_CLASSES = (PROBLEM, IMPROVEMENT, MIXED, NONE)
UNIT_KINDS = ("prose", "lead_in", "subheading", "connector", "non_statement", "cell")
_TOP_LEVEL_RE = re.compile(r"^[一二三四五六七八九十]+\s*[、．.]$")


@dataclass(frozen=True)
class Evidence:
    """Summed cue weights of a unit: overall, from strong cues only, in its first clause."""

    problem: float = 0.0
    improvement: float = 0.0
    past: float = 0.0
    problem_strong: float = 0.0
    improvement_strong: float = 0.0
    problem_first: float = 0.0
    improvement_first: float = 0.0


@dataclass(frozen=True)
class UnitContext:
    """A unit with what a reader knows about it (also the baseline's features)."""

    start: int
    end: int
    text: str
    kind: str  # one of UNIT_KINDS
    section: str  # the section label ("NONE" outside sections)
    section_start: int
    section_class: str  # class of the section heading (HEADING_CLASSES)
    subheading_class: str  # class of the nearest generic sub-heading, else the section's
    enumerator: str | None
    ordinal: int | None
    end_mark: str
    evidence: Evidence


class CueScorer:
    """Pure logic: cue evidence, heading classes and unit kinds from text."""

    def __init__(self, rules: CueRules) -> None:
        self.rules = rules
        self.problem = [(re.compile(c.pattern), c) for c in rules.problem_cues]
        self.improvement = [(re.compile(c.pattern), c) for c in rules.improvement_cues]
        self.past = [(re.compile(c.pattern), c) for c in rules.past_work_cues]
        self.mentions = [re.compile(p) for p in rules.mention_patterns]
        self.connectors = [re.compile(p) for p in rules.connector_patterns]
        self.non_statements = [re.compile(p) for p in rules.non_statement_patterns]
        words = sorted(
            {*rules.problem_heading_words, *rules.improvement_heading_words,
             *rules.heading_filler_words},
            key=len, reverse=True,
        )  # fmt: skip
        self.heading_words_re = re.compile("|".join(re.escape(w) for w in words if w))
        self.first_clause_re = re.compile(f"[{re.escape(rules.first_clause_marks)}]")

    def _weigh(
        self, cues: list[tuple[re.Pattern, Cue]], text: str
    ) -> tuple[float, float, list[tuple[int, int]]]:
        """Total weight, weight of the strong cues, and the spans of masking cues."""
        total = strong = 0.0
        masks: list[tuple[int, int]] = []
        for regex, cue in cues:
            found = list(regex.finditer(text))
            if found:
                total += cue.weight
                if cue.weight >= self.rules.strong_evidence:
                    strong += cue.weight
                if cue.mask:
                    masks.extend(m.span() for m in found)
        return total, strong, masks

    @staticmethod
    def _masked(text: str, spans: Iterable[tuple[int, int]]) -> str:
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    def _both(self, text: str) -> tuple[float, float, float, float]:
        """Problem and improvement weights (total, strong); masking cues hide the other's."""
        improvement, i_strong, masks = self._weigh(self.improvement, text)
        problem, p_strong, p_masks = self._weigh(self.problem, self._masked(text, masks))
        if p_masks:
            improvement, i_strong, _ = self._weigh(self.improvement, self._masked(text, p_masks))
        return problem, improvement, p_strong, i_strong

    def evidence(self, text: str) -> Evidence:
        """The cue evidence of a unit's text (traditional script read as simplified)."""
        text = to_simplified(text)
        text = self._masked(text, (m.span() for r in self.mentions for m in r.finditer(text)))
        problem, improvement, p_strong, i_strong = self._both(text)
        first = self.first_clause_re.split(text.strip(), maxsplit=1)[0]
        problem_first, improvement_first, _, _ = self._both(first)
        past, _, _ = self._weigh(self.past, text)
        return Evidence(
            problem, improvement, past, p_strong, i_strong, problem_first, improvement_first
        )

    def heading_class(self, text: str) -> str:
        """PROBLEM, IMPROVEMENT, MIXED or NONE by the heading words in ``text``."""
        text = to_simplified(text)
        problem = any(w in text for w in self.rules.problem_heading_words)
        improvement = any(w in text for w in self.rules.improvement_heading_words)
        if problem and improvement:
            return MIXED
        return PROBLEM if problem else IMPROVEMENT if improvement else NONE

    def is_generic_heading(self, core: str) -> bool:
        """A heading made only of heading words ((一)存在问题, 改进措施, 下一步工作打算)."""
        if len(core) > self.rules.max_heading_chars or self.heading_class(core) == NONE:
            return False
        core = to_simplified(core)
        rest = re.sub(r"[\d\s年、，,：:。.]", "", self.heading_words_re.sub("", core))
        return len(rest) <= self.rules.max_generic_rest_chars

    def kind(self, text: str, core: str, end_mark: str, in_cell: bool) -> str:
        """What a unit is: prose, lead_in, subheading, connector, non_statement or cell."""
        if in_cell:
            return "cell"
        bare = text.strip().lstrip("#").strip()
        if any(r.search(core) or r.search(bare) for r in self.non_statements):
            return "non_statement"
        if len(core) < self.rules.min_prose_chars:
            return "non_statement"
        if any(r.match(bare) or r.match(core + "：") for r in self.connectors):
            return "connector"
        if self.is_generic_heading(core):
            return "subheading"
        return "lead_in" if end_mark == "colon" else "prose"


def unit_core(text: str, enumerator: str | None) -> str:
    """A unit's text without markdown marks, enumerator, blanks and closing punctuation."""
    core = text.strip().lstrip("#").strip()
    if enumerator and core.startswith(enumerator):
        core = core[len(enumerator) :]
    core = re.sub(r"\s+", "", core)
    return core.rstrip("。；;！!？?：:，,”’」』）)】》")


def describe_units(
    text: str,
    units: Sequence[tuple[int, int]],
    sections: Sequence[tuple[int, int, str]],
    splitter: UnitSplitter,
    scorer: CueScorer,
) -> list[UnitContext]:
    """Each unit with its kind, section, heading classes, enumerator and evidence (the
    text read in simplified characters: （⼀）主要问题 of a PDF is a heading)."""
    text = simplified_copy(text)
    heading_classes = {}
    for start, _, label in sections:
        if label != "PREAMBLE":
            heading = text[start : splitter.heading_end(text, start)]
            heading_classes[start] = scorer.heading_class(heading)
    out = []
    current: tuple[int, str, str] = (-1, NONE, NONE)
    sub_class = NONE
    for start, end in units:
        section = next(((s, lb) for s, e, lb in sections if s <= start < e), (-1, NONE))
        if section[0] != current[0]:
            current = (section[0], section[1], heading_classes.get(section[0], NONE))
            sub_class = current[2]
        shape = splitter.shape(text, start, end)
        unit_text = text[start:end]
        core = unit_core(unit_text, shape.enumerator)
        kind = scorer.kind(unit_text, core, shape.end_mark, shape.in_cell)
        if kind == "subheading":
            sub_class = scorer.heading_class(core)
        out.append(
            UnitContext(
                start=start,
                end=end,
                text=unit_text,
                kind=kind,
                section=current[1],
                section_start=current[0],
                section_class=current[2],
                subheading_class=sub_class,
                enumerator=shape.enumerator,
                ordinal=shape.ordinal,
                end_mark=shape.end_mark,
                evidence=scorer.evidence(unit_text),
            )
        )
    return out


def own_label(ev: Evidence, strong: float) -> tuple[str | None, float]:
    """The label a unit's own cues give, and the evidence behind it.

    The first clause decides where it is clear (decision 18: a sentence that
    names a problem and then a plan is labelled by its first clause).
    """
    best = max(ev.problem, ev.improvement)
    if best < strong:
        return None, best
    if max(ev.problem_first, ev.improvement_first) >= strong * 0.75:
        if ev.problem_first > ev.improvement_first:
            return PROBLEM, ev.problem
        if ev.improvement_first > ev.problem_first:
            return IMPROVEMENT, ev.improvement
    if ev.problem >= ev.improvement:
        return PROBLEM, ev.problem
    return IMPROVEMENT, ev.improvement


def _zone_of(heading_class: str) -> str | None:
    if heading_class in (PROBLEM, MIXED):
        return PROBLEM
    return IMPROVEMENT if heading_class == IMPROVEMENT else None


class RuleStatementClassifier:
    """Pure logic: unit contexts in, (label or None, score) per unit out.

    Reads the units in order and keeps a *zone*: the label that items get
    from their context. A PROBLEMS section opens one from its heading (存在的
    主要问题 → PROBLEM, 改进措施 → IMPROVEMENT, both → PROBLEM first), a generic
    sub-heading resets it, a strong improvement cue turns a problem zone into
    an improvement zone (…针对上述问题, 下一步将…). Outside such a context only
    strong cues open a zone, and past work or a topic heading closes it again.
    """

    def __init__(self, rules: CueRules) -> None:
        self.rules = rules
        self.listing_re = re.compile(rules.lead_in_pattern)

    def classify(self, contexts: Sequence[UnitContext]) -> list[tuple[str | None, float]]:
        out: list[tuple[str | None, float]] = []
        section_start = None
        zone: str | None = None
        from_heading = listing = False
        for ctx in contexts:
            if ctx.section_start != section_start:
                section_start = ctx.section_start
                zone = None
                if ctx.section == "PROBLEMS":
                    zone = _zone_of(ctx.section_class) or PROBLEM
                from_heading, listing = zone is not None, False
            if ctx.kind == "subheading":
                zone = _zone_of(ctx.subheading_class)
                from_heading = zone is not None
                out.append((None, 0.0))
                continue
            if ctx.kind in ("connector", "non_statement", "cell"):
                out.append((None, 0.0))
                continue
            label, score, zone = self._decide(ctx, zone, from_heading, listing)
            if zone is None:
                from_heading = listing = False
            elif ctx.kind == "lead_in" or self.listing_re.search(ctx.text):
                listing = True  # a lead-in announces items: they follow it
            out.append((label, score))
        return out

    def _decide(
        self, ctx: UnitContext, zone: str | None, from_heading: bool, listing: bool
    ) -> tuple[str | None, float, str | None]:
        """(label, score, zone after this unit) of one prose or lead-in unit."""
        rules, scores, ev = self.rules, self.rules.scores, ctx.evidence
        label, _ = own_label(ev, rules.strong_evidence)
        strong = ev.problem_strong if label == PROBLEM else ev.improvement_strong
        if label is None and ctx.end_mark == "open" and _TOP_LEVEL_RE.match(ctx.enumerator or ""):
            return None, 0.0, None  # a top-level heading (六、其他需要报告的事项) ends any zone
        if zone is None:
            blocked = ev.past >= rules.strong_evidence and strong < rules.open_zone_evidence + 1
            if label is not None and strong >= rules.open_zone_evidence and not blocked:
                return label, scores["cue_outside_zone"], label
            return None, 0.0, None
        if not from_heading and ctx.section != "PROBLEMS":
            # a zone opened by a cue ends at past work or at a topic heading, and
            # inside a report's sections also at prose that is no item of a lead-in
            topic = ctx.end_mark == "open" and label is None and len(ctx.text) <= 30
            done = ev.past >= rules.strong_evidence and (
                label != PROBLEM or strong < rules.strong_evidence
            )
            in_report = ctx.section not in ("PREAMBLE", NONE)
            loose = in_report and label is None and not listing and ctx.enumerator is None
            if topic or done or loose:
                return None, 0.0, None
        continuation = scores["heading_zone" if from_heading else "zone_continuation"]
        if zone == PROBLEM:
            if label == IMPROVEMENT and ev.improvement_strong >= rules.strong_evidence:
                return IMPROVEMENT, scores["switch"], IMPROVEMENT
            if label == PROBLEM:
                return PROBLEM, scores["cue_in_zone"], PROBLEM
            return PROBLEM, continuation, PROBLEM
        # an improvement zone: its items are IMPROVEMENT even when written as done
        if label == PROBLEM and not from_heading and ev.problem_strong >= rules.strong_evidence:
            return PROBLEM, scores["switch"], PROBLEM
        if label == IMPROVEMENT:
            return IMPROVEMENT, scores["cue_in_zone"], IMPROVEMENT
        return IMPROVEMENT, continuation, IMPROVEMENT


class StatementFinder:
    """Pure logic: a text, its units and sections in, labelled statements out."""

    def __init__(self, cue_rules: CueRules, splitter: UnitSplitter) -> None:
        self.scorer = CueScorer(cue_rules)
        self.classifier = RuleStatementClassifier(cue_rules)
        self.splitter = splitter

    def contexts(
        self,
        text: str,
        units: Sequence[tuple[int, int]],
        sections: Sequence[tuple[int, int, str]],
    ) -> list[UnitContext]:
        return describe_units(text, units, sections, self.splitter, self.scorer)

    def find(
        self,
        text: str,
        units: Sequence[tuple[int, int]],
        sections: Sequence[tuple[int, int, str]],
        threshold: float = 0.5,
    ) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of each unit labelled with at least ``threshold``."""
        contexts = self.contexts(text, units, sections)
        out = []
        for ctx, (label, score) in zip(contexts, self.classifier.classify(contexts), strict=True):
            if label is not None and score >= threshold:
                out.append((ctx.start, ctx.end, label, score))
        return out


class StatementClassifier:
    """spaCy component: labels statement units PROBLEM or IMPROVEMENT."""

    def __init__(
        self,
        nlp: Language,
        name: str = "disclosure_statements",
        threshold: float = 0.5,
        overwrite: bool = True,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(Errors.E093.format(what="threshold", value=threshold))
        register_extensions()
        self.name = name
        self.threshold = threshold
        self.overwrite = overwrite
        self.splitter = UnitSplitter(load_unit_rules())
        self._set_rules(load_cue_rules())
        self.calibration = load_score_calibration()

    def _set_rules(self, rules: CueRules) -> None:
        self.rules = rules
        self.finder = StatementFinder(rules, self.splitter)

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        cues_path: str | None = None,
        calibration_path: str | None = None,
    ) -> None:
        """Load the cues and the score calibration: the packaged files unless paths are given."""
        self._set_rules(load_cue_rules(cues_path))
        self.calibration = load_score_calibration(calibration_path)

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_KEY in doc.spans and not self.overwrite:
            return doc
        if UNITS_KEY not in doc.spans:
            raise ValueError(Errors.E092.format(name=self.name))
        units = [(s.start_char, s.end_char) for s in doc.spans[UNITS_KEY]]
        found = self.finder.find(doc_text(doc), units, doc_sections(doc), threshold=0.0)
        calibrated = (
            (start, end, label, self.calibration.probability(raw))
            for start, end, label, raw in found
        )
        doc.spans[SPANS_KEY] = scored_spans(
            doc, (item for item in calibrated if item[3] >= self.threshold)
        )
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / CUES_FILE, self.rules.to_dict())
        srsly.write_json(path / CALIBRATION_FILE, self.calibration.to_dict())

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> StatementClassifier:
        """Read the cues and the calibration (a pipeline saved without one keeps the packaged)."""
        self._set_rules(load_cue_rules(Path(path) / CUES_FILE))
        if (Path(path) / CALIBRATION_FILE).is_file():
            self.calibration = load_score_calibration(Path(path) / CALIBRATION_FILE)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(
            {"rules": self.rules.to_dict(), "calibration": self.calibration.to_dict()}
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> StatementClassifier:
        state = srsly.msgpack_loads(data)
        if "rules" not in state:  # bytes written before the calibration: the rules alone
            state = {"rules": state}
        self._set_rules(CueRules.from_dict(state["rules"], "<bytes>"))
        if "calibration" in state:
            self.calibration = ScoreCalibration.from_dict(state["calibration"], "<bytes>")
        return self


@Language.factory(
    "disclosure_statements",
    assigns=["doc.spans", "span._.score"],
    requires=["doc.spans"],
    default_config={"threshold": 0.5, "overwrite": True},
)
def make_statement_classifier(
    nlp: Language, name: str, threshold: float, overwrite: bool
) -> StatementClassifier:
    """Factory of :class:`StatementClassifier` (cues and calibration arrive through ``initialize``).

    ``threshold``: the least calibrated probability (``span._.score``) a statement
    needs to be written (0 to 1);
    ``overwrite``: replace statements already under ``doc.spans["statements"]``.
    """
    return StatementClassifier(nlp, name, threshold=threshold, overwrite=overwrite)
