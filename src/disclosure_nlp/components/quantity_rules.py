"""The rules of ``disclosure_quantities``: ``resources/quantities.json``, validated.

Fragments (``{NUMBER}``, ``{COUNT_UNITS}`` …) expand into the patterns; word
lists (units, blockers, modifiers, cues) tune the checks of
:class:`~disclosure_nlp.components.quantities.QuantityFinder`. Every key is
listed in :attr:`QuantityRules.KEYS` and described in the file itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import srsly

from ..errors import Errors
from ..resources import resource_path
from .rule_io import check_rule_keys

RULES_FILE = "quantities.json"
QUANTITY_LABELS = ("COUNT", "PERCENT", "MONEY", "DATE", "HOTLINE")
KINDS = (
    "date", "bare_year", "year_part", "month_day", "percent", "money", "count", "count_items",
    "count_bare", "phone", "phone_with_cue",
)  # fmt: skip
_FRAGMENT_RE = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Pattern:
    """One way an entity is written: its regex and how to read a match."""

    name: str
    label: str
    kind: str
    pattern: str


@dataclass(frozen=True)
class ItemWords:
    """How the counted item is read around a COUNT (the file's ``item_words``)."""

    not_items: frozenset[str]
    passed_over: frozenset[str]
    joined_endings: frozenset[str]

    KEYS = ("not_items", "passed_over", "joined_endings")

    @classmethod
    def from_dict(cls, data: object, path: str) -> ItemWords:
        if not isinstance(data, dict):
            problem = f"item_words must be an object with the lists {', '.join(cls.KEYS)}"
            raise ValueError(Errors.E020.format(path=path, problem=problem))
        check_rule_keys(data, ("description", *cls.KEYS), f"{path} item_words")
        for key in cls.KEYS:
            words = data[key]
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                problem = f"item_words.{key} must be a list of words"
                raise ValueError(Errors.E020.format(path=path, problem=problem))
        return cls(*(frozenset(data[key]) for key in cls.KEYS))

    def to_dict(self) -> dict:
        return {key: sorted(getattr(self, key)) for key in self.KEYS}


NO_ITEM_WORDS = ItemWords(frozenset(), frozenset(), frozenset())  # the words alone decide


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal strings, longest first."""
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class QuantityRules:
    """The rule data of ``resources/quantities.json``, validated."""

    fragments: tuple[tuple[str, str], ...]
    patterns: tuple[Pattern, ...]
    year_edge_blockers: tuple[str, ...]
    money_units: tuple[str, ...]
    money_blockers: tuple[str, ...]
    count_units: tuple[str, ...]
    unit_blockers: tuple[tuple[str, tuple[str, ...]], ...]
    modifiers_before: tuple[str, ...]
    frequency_markers: tuple[str, ...]
    frequency_window: int
    frequency_pattern: str
    chinese_number_glue: str
    fixed_expressions: tuple[str, ...]
    phone_cues: tuple[str, ...]
    phone_cue_window: int
    part_of_year_blockers: tuple[str, ...]
    chinese_one_units: tuple[str, ...]
    quote_marks: tuple[str, str]
    slogan_window: int
    item_words: ItemWords
    rank_pattern: str
    rank_units: tuple[str, ...]
    description: dict | str | None = None

    KEYS = (
        "description", "fragments", "patterns", "year_edge_blockers", "money_units",
        "money_blockers", "count_units", "unit_blockers", "modifiers_before",
        "frequency_markers", "frequency_window", "frequency_pattern", "chinese_number_glue",
        "fixed_expressions", "phone_cues", "phone_cue_window", "part_of_year_blockers",
        "chinese_one_units", "quote_marks", "slogan_window", "item_words", "rank_pattern",
        "rank_units",
    )  # fmt: skip
    PATTERN_KEYS = ("name", "label", "kind", "pattern")

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> QuantityRules:
        """Validate and build the rules; raises ValueError with a coded message."""
        check_rule_keys(data, cls.KEYS, path)
        patterns = []
        for entry in data["patterns"]:
            for key in entry:
                if key not in cls.PATTERN_KEYS:
                    raise ValueError(
                        Errors.E022.format(
                            key=key, what=f"{path} patterns", allowed=cls.PATTERN_KEYS
                        )
                    )
            if entry["label"] not in QUANTITY_LABELS:
                raise ValueError(
                    Errors.E071.format(label=entry["label"], path=path, allowed=QUANTITY_LABELS)
                )
            if entry["kind"] not in KINDS:
                raise ValueError(Errors.E072.format(kind=entry["kind"], path=path, allowed=KINDS))
            patterns.append(Pattern(**{k: entry[k] for k in cls.PATTERN_KEYS}))
        for key in ("frequency_window", "phone_cue_window", "slogan_window"):
            if not isinstance(data[key], int) or data[key] < 0:
                raise ValueError(
                    Errors.E020.format(path=path, problem=f"{key} must be an integer >= 0")
                )
        rules = cls(
            fragments=tuple((k, v) for k, v in data["fragments"].items()),
            patterns=tuple(patterns),
            year_edge_blockers=tuple(data["year_edge_blockers"]),
            money_units=tuple(data["money_units"]),
            money_blockers=tuple(data["money_blockers"]),
            count_units=tuple(data["count_units"]),
            unit_blockers=tuple((u, tuple(b)) for u, b in data["unit_blockers"].items()),
            modifiers_before=tuple(data["modifiers_before"]),
            frequency_markers=tuple(data["frequency_markers"]),
            frequency_window=data["frequency_window"],
            frequency_pattern=data["frequency_pattern"],
            chinese_number_glue="".join(data["chinese_number_glue"]),
            fixed_expressions=tuple(data["fixed_expressions"]),
            phone_cues=tuple(data["phone_cues"]),
            phone_cue_window=data["phone_cue_window"],
            part_of_year_blockers=tuple(data["part_of_year_blockers"]),
            chinese_one_units=tuple(data["chinese_one_units"]),
            quote_marks=(data["quote_marks"]["open"], data["quote_marks"]["close"]),
            slogan_window=data["slogan_window"],
            item_words=ItemWords.from_dict(data["item_words"], path),
            rank_pattern=data["rank_pattern"],
            rank_units=tuple(data["rank_units"]),
            description=data.get("description"),
        )
        rules.compile(path)  # fails early on a bad regex
        return rules

    def to_dict(self) -> dict:
        return {
            "description": self.description,
            "fragments": dict(self.fragments),
            "patterns": [
                {"name": p.name, "label": p.label, "kind": p.kind, "pattern": p.pattern}
                for p in self.patterns
            ],
            "year_edge_blockers": list(self.year_edge_blockers),
            "money_units": list(self.money_units),
            "money_blockers": list(self.money_blockers),
            "count_units": list(self.count_units),
            "unit_blockers": {u: list(b) for u, b in self.unit_blockers},
            "modifiers_before": list(self.modifiers_before),
            "frequency_markers": list(self.frequency_markers),
            "frequency_window": self.frequency_window,
            "frequency_pattern": self.frequency_pattern,
            "chinese_number_glue": list(self.chinese_number_glue),
            "fixed_expressions": list(self.fixed_expressions),
            "phone_cues": list(self.phone_cues),
            "phone_cue_window": self.phone_cue_window,
            "part_of_year_blockers": list(self.part_of_year_blockers),
            "chinese_one_units": list(self.chinese_one_units),
            "quote_marks": {"open": self.quote_marks[0], "close": self.quote_marks[1]},
            "slogan_window": self.slogan_window,
            "item_words": self.item_words.to_dict(),
            "rank_pattern": self.rank_pattern,
            "rank_units": list(self.rank_units),
        }

    def list_fragments(self) -> dict[str, str]:
        """The fragments built from the word lists, which patterns may use as well."""
        blockers = dict(self.unit_blockers)
        units = []
        for unit in sorted(self.count_units, key=len, reverse=True):
            block = blockers.get(unit)
            units.append(re.escape(unit) + (f"(?!{alternation(block)})" if block else ""))
        first_chars = sorted({u[0] for u in self.count_units})
        return {
            "COUNT_UNITS": "(?:" + "|".join(units) + ")",
            "UNIT_FIRST": "[" + re.escape("".join(first_chars)) + "]",
            "MONEY_UNITS": f"(?:{alternation(self.money_units)})",
            "MONEY_BLOCK": f"(?:{alternation(self.money_blockers) or '(?!)'})",
            "YEAR_EDGE_BLOCK": f"(?:{alternation(self.year_edge_blockers) or '(?!)'})",
        }

    def expand(self, pattern: str, path: str = "<rules>") -> str:
        """Replace the ``{NAME}`` fragments of a pattern, recursively."""
        fragments = {**self.list_fragments(), **dict(self.fragments)}

        def substitute(text: str, depth: int) -> str:
            if depth > len(fragments) + 1:
                raise ValueError(Errors.E020.format(path=path, problem="fragments refer in a loop"))

            def one(match: re.Match) -> str:
                name = match.group(1)
                if name not in fragments:
                    raise ValueError(Errors.E073.format(name=name, path=path))
                return substitute(fragments[name], depth + 1)

            return _FRAGMENT_RE.sub(one, text)

        return substitute(pattern, 0)

    def compile(self, path: str = "<rules>") -> list[tuple[Pattern, re.Pattern]]:
        """Every pattern with its compiled regex."""
        compiled = []
        for pattern in self.patterns:
            source = self.expand(pattern.pattern, path)
            try:
                compiled.append((pattern, re.compile(source)))
            except re.error as err:
                raise ValueError(
                    Errors.E020.format(path=path, problem=f"pattern {pattern.name!r}: {err}")
                ) from err
        for key in ("rank_pattern", "frequency_pattern"):
            try:
                re.compile(getattr(self, key))
            except re.error as err:
                raise ValueError(Errors.E020.format(path=path, problem=f"{key}: {err}")) from err
        return compiled


def load_quantity_rules(path: Path | None = None) -> QuantityRules:
    """Read and validate the rules: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(RULES_FILE)
    return QuantityRules.from_dict(srsly.read_json(path), str(path))
