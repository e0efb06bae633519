"""The rules of ``disclosure_statements``: the cue file and the score calibration.

``resources/statement_cues.json`` holds the cues (regular expressions with
weights), heading words, patterns of units that are never statements, and the
raw confidences (``scores``); ``resources/statement_calibration.json`` holds the
Platt scaling that maps a raw confidence to a probability, fitted on the train
split by ``python -m disclosure_nlp.training.calibrate_statements``. Both are
validated here with coded errors (E091, E170).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import srsly

from ..errors import Errors
from ..resources import resource_path

CUES_FILE = "statement_cues.json"
CALIBRATION_FILE = "statement_calibration.json"
SCORE_KEYS = ("cue_in_zone", "heading_zone", "switch", "cue_outside_zone", "zone_continuation")


@dataclass(frozen=True)
class Cue:
    """A cue: a regular expression and the weight of its evidence."""

    pattern: str
    weight: float
    mask: bool = False  # its match hides the other family's cues (针对上述问题 …)

    def to_dict(self) -> dict:
        out: dict = {"pattern": self.pattern, "weight": self.weight}
        if self.mask:
            out["mask"] = True
        return out


@dataclass(frozen=True)
class CueRules:
    """The rule data of ``resources/statement_cues.json``, validated."""

    problem_cues: tuple[Cue, ...]
    improvement_cues: tuple[Cue, ...]
    past_work_cues: tuple[Cue, ...]
    mention_patterns: tuple[str, ...]
    problem_heading_words: tuple[str, ...]
    improvement_heading_words: tuple[str, ...]
    heading_filler_words: tuple[str, ...]
    connector_patterns: tuple[str, ...]
    non_statement_patterns: tuple[str, ...]
    min_prose_chars: int
    max_heading_chars: int
    strong_evidence: float
    open_zone_evidence: float
    max_generic_rest_chars: int
    scores: dict[str, float] = field(hash=False)
    lead_in_pattern: str = "以下|如下"
    first_clause_marks: str = "，,"

    KEYS = (
        "description", "problem_cues", "improvement_cues", "past_work_cues", "mention_patterns",
        "problem_heading_words", "improvement_heading_words", "heading_filler_words",
        "connector_patterns", "non_statement_patterns", "min_prose_chars", "max_heading_chars",
        "strong_evidence", "open_zone_evidence", "max_generic_rest_chars", "scores",
        "lead_in_pattern", "first_clause_marks",
    )  # fmt: skip
    CUE_KEYS = ("problem_cues", "improvement_cues", "past_work_cues")

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> CueRules:
        """Validate ``data``: known keys, compilable patterns, scores in [0, 1]."""
        for key in data:
            if key not in cls.KEYS:
                raise ValueError(Errors.E022.format(key=key, what=path, allowed=cls.KEYS))
        missing = [k for k in cls.KEYS if k != "description" and k not in data]
        if missing:
            raise ValueError(Errors.E091.format(path=path, problem=f"missing keys {missing}"))
        cues: dict[str, tuple[Cue, ...]] = {}
        for key in cls.CUE_KEYS:
            entries = []
            for entry in data[key]:
                unknown = set(entry) - {"pattern", "weight", "mask"}
                if unknown or "pattern" not in entry or "weight" not in entry:
                    raise ValueError(
                        Errors.E091.format(
                            path=path, problem=f"{key} entry {entry!r} needs pattern and weight"
                        )
                    )
                _check_pattern(entry["pattern"], path)
                entries.append(
                    Cue(entry["pattern"], float(entry["weight"]), bool(entry.get("mask")))
                )
            cues[key] = tuple(entries)
        patterns = ("mention_patterns", "connector_patterns", "non_statement_patterns")
        for pattern in (*(p for key in patterns for p in data[key]), data["lead_in_pattern"]):
            _check_pattern(pattern, path)
        scores = {k: float(v) for k, v in data["scores"].items()}
        if set(scores) != set(SCORE_KEYS):
            raise ValueError(
                Errors.E091.format(path=path, problem=f"scores must have the keys {SCORE_KEYS}")
            )
        for key, value in scores.items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(Errors.E093.format(what=f"score {key} in {path}", value=value))
        return cls(
            problem_cues=cues["problem_cues"],
            improvement_cues=cues["improvement_cues"],
            past_work_cues=cues["past_work_cues"],
            mention_patterns=tuple(data["mention_patterns"]),
            problem_heading_words=tuple(data["problem_heading_words"]),
            improvement_heading_words=tuple(data["improvement_heading_words"]),
            heading_filler_words=tuple(data["heading_filler_words"]),
            connector_patterns=tuple(data["connector_patterns"]),
            non_statement_patterns=tuple(data["non_statement_patterns"]),
            min_prose_chars=int(data["min_prose_chars"]),
            max_heading_chars=int(data["max_heading_chars"]),
            strong_evidence=float(data["strong_evidence"]),
            open_zone_evidence=float(data["open_zone_evidence"]),
            max_generic_rest_chars=int(data["max_generic_rest_chars"]),
            scores=scores,
            lead_in_pattern=data["lead_in_pattern"],
            first_clause_marks=data["first_clause_marks"],
        )

    def to_dict(self) -> dict:
        return {
            "problem_cues": [c.to_dict() for c in self.problem_cues],
            "improvement_cues": [c.to_dict() for c in self.improvement_cues],
            "past_work_cues": [c.to_dict() for c in self.past_work_cues],
            "mention_patterns": list(self.mention_patterns),
            "problem_heading_words": list(self.problem_heading_words),
            "improvement_heading_words": list(self.improvement_heading_words),
            "heading_filler_words": list(self.heading_filler_words),
            "connector_patterns": list(self.connector_patterns),
            "non_statement_patterns": list(self.non_statement_patterns),
            "min_prose_chars": self.min_prose_chars,
            "max_heading_chars": self.max_heading_chars,
            "strong_evidence": self.strong_evidence,
            "open_zone_evidence": self.open_zone_evidence,
            "max_generic_rest_chars": self.max_generic_rest_chars,
            "scores": dict(self.scores),
            "lead_in_pattern": self.lead_in_pattern,
            "first_clause_marks": self.first_clause_marks,
        }


def _check_pattern(pattern: str, path: str) -> None:
    try:
        re.compile(pattern)
    except (re.error, TypeError) as err:
        raise ValueError(Errors.E091.format(path=path, problem=f"{pattern!r}: {err}")) from err


def load_cue_rules(path: Path | str | None = None) -> CueRules:
    """Read and validate the cue rules: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(CUES_FILE)
    return CueRules.from_dict(srsly.read_json(path), str(path))


def calibrated_probability(raw: float, slope: float, intercept: float) -> float:
    """Platt scaling: ``1 / (1 + exp(-(slope * raw + intercept)))``, in [0, 1]."""
    z = slope * raw + intercept
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


@dataclass(frozen=True)
class ScoreCalibration:
    """The fitted Platt scaling of the rule score (``resources/statement_calibration.json``).

    ``slope`` is never negative, so the probability never falls as the raw
    confidence rises; ``fit`` records where the parameters come from (split,
    documents, units, units labelled right) and is not used in scoring.
    """

    slope: float
    intercept: float
    method: str = "platt"
    fit: dict = field(default_factory=dict, hash=False, compare=False)

    KEYS = ("description", "method", "slope", "intercept", "fit")

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> ScoreCalibration:
        """Validate ``data``: known keys, method platt, finite slope >= 0 and intercept."""
        if not isinstance(data, dict):
            raise ValueError(Errors.E170.format(path=path, problem="it is no JSON object"))
        unknown = [k for k in data if k not in cls.KEYS]
        if unknown:
            raise ValueError(
                Errors.E170.format(path=path, problem=f"unknown keys {unknown}; allowed {cls.KEYS}")
            )
        if data.get("method") != "platt":
            raise ValueError(
                Errors.E170.format(path=path, problem=f'method {data.get("method")!r}, not "platt"')
            )
        values = {}
        for key in ("slope", "intercept"):
            value = data.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(Errors.E170.format(path=path, problem=f"{key} {value!r}"))
            if not math.isfinite(value):
                raise ValueError(Errors.E170.format(path=path, problem=f"{key} {value!r}"))
            values[key] = float(value)
        if values["slope"] < 0:
            raise ValueError(
                Errors.E170.format(path=path, problem=f"slope {values['slope']} below 0")
            )
        fit = data.get("fit", {})
        if not isinstance(fit, dict):
            raise ValueError(Errors.E170.format(path=path, problem=f"fit {fit!r} is no object"))
        return cls(values["slope"], values["intercept"], "platt", dict(fit))

    def to_dict(self) -> dict:
        return {
            "method": self.method,
            "slope": self.slope,
            "intercept": self.intercept,
            "fit": dict(self.fit),
        }

    def probability(self, raw: float) -> float:
        """The probability that a statement with raw rule confidence ``raw`` is labelled right."""
        return calibrated_probability(raw, self.slope, self.intercept)


def load_score_calibration(path: Path | str | None = None) -> ScoreCalibration:
    """Read and validate the calibration: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(CALIBRATION_FILE)
    try:
        data = srsly.read_json(path)
    except ValueError as err:  # not JSON (ujson also refuses NaN and Infinity)
        raise ValueError(Errors.E170.format(path=path, problem=f"not JSON: {err}")) from err
    return ScoreCalibration.from_dict(data, str(path))
