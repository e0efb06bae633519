"""The rules of ``disclosure_report_meta`` (``resources/report_meta.json``), validated.

Every key of the file is a field of :class:`ReportMetaRules`; patterns are compiled
once when the file is read, so a bad one stops ``initialize`` with E020 rather than
the first report that reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache

from ..errors import Errors
from ..resources import resource_path
from .rule_io import check_rule_keys, compile_rule, read_rules

RULES_FILE = "report_meta.json"
FORMATS = ("2021-statutory", "2019-statutory")
# the patterns that find an agency in the opening text must say where its name is
AGENCY_GROUP = "agency"


@dataclass(frozen=True)
class ReportMetaRules:
    """The rule data of ``resources/report_meta.json``: word lists, limits and patterns."""

    title_keywords: tuple[str, ...]
    title_search_lines: int
    title_break_cues: tuple[str, ...]
    title_tail_max_chars: int
    agency_strip_patterns: tuple[re.Pattern, ...]
    agency_note_pattern: re.Pattern
    agency_search_chars: int
    agency_statement_patterns: tuple[re.Pattern, ...]
    agency_compiler_pattern: re.Pattern
    compiler_office_suffixes: tuple[str, ...]
    agency_suffixes: tuple[str, ...]
    title_agency_suffixes: tuple[str, ...]
    agency_line_max_chars: int
    agency_min_chars: int
    agency_rejected_pattern: re.Pattern
    bare_level_pattern: re.Pattern
    format_vocabulary: dict[str, tuple[str, ...]]
    statutory_headings: tuple[str, ...]
    annual_report_keywords: tuple[str, ...]
    format_2021_from_year: int
    format_2019_from_year: int
    title_exclude_pattern: re.Pattern
    title_body_start_pattern: re.Pattern
    title_label_pattern: re.Pattern
    annual_report_text_cues: tuple[str, ...]
    description: str = ""

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> ReportMetaRules:
        """Validate ``data`` (a rules file's content read from ``path``): E070 for a missing
        key, E022 for an unknown one, E020 for a bad value or pattern."""
        check_rule_keys(data, tuple(f.name for f in fields(cls)), path)
        values = {"description": data.get("description", "")}
        for field in fields(cls):
            if field.name != "description":
                values[field.name] = _CONVERTERS[field.type](data[field.name], field.name, path)
        for pattern in (*values["agency_statement_patterns"], values["agency_compiler_pattern"]):
            if AGENCY_GROUP not in pattern.groupindex:
                problem = f"{pattern.pattern!r} needs a group (?P<{AGENCY_GROUP}>…)"
                raise ValueError(Errors.E020.format(path=path, problem=problem))
        return cls(**values)

    def to_dict(self) -> dict:
        data: dict = {"description": self.description}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "description":
                continue
            if isinstance(value, re.Pattern):
                value = value.pattern
            elif field.name == "format_vocabulary":
                value = {fmt: list(words) for fmt, words in value.items()}
            elif isinstance(value, tuple):
                value = [v.pattern if isinstance(v, re.Pattern) else v for v in value]
            data[field.name] = value
        return data


def _count(value: object, key: str, path: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(Errors.E020.format(path=path, problem=f"{key} must be a count"))
    return value


def _words(value: object, key: str, path: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(Errors.E020.format(path=path, problem=f"{key} must be a list of words"))
    return tuple(value)


def _pattern(value: object, key: str, path: str) -> re.Pattern:
    return compile_rule(value, path, key)  # type: ignore[arg-type]


def _patterns(value: object, key: str, path: str) -> tuple[re.Pattern, ...]:
    if not isinstance(value, list):
        raise ValueError(Errors.E020.format(path=path, problem=f"{key} must be a list"))
    return tuple(compile_rule(pattern, path, key) for pattern in value)


def _vocabulary(value: object, key: str, path: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or sorted(value) != sorted(FORMATS):
        problem = f"{key} must give words for the formats {list(FORMATS)}"
        raise ValueError(Errors.E020.format(path=path, problem=problem))
    return {fmt: _words(value[fmt], f"{key}.{fmt}", path) for fmt in FORMATS}


# how each field's value is checked and converted, by its annotation
_CONVERTERS: dict[str, Callable[[object, str, str], object]] = {
    "int": _count,
    "tuple[str, ...]": _words,
    "re.Pattern": _pattern,
    "tuple[re.Pattern, ...]": _patterns,
    "dict[str, tuple[str, ...]]": _vocabulary,
}


@lru_cache(maxsize=1)
def packaged_meta_rules() -> ReportMetaRules:
    """The rules that ship in ``resources/report_meta.json`` (read once)."""
    return read_rules(ReportMetaRules, resource_path(RULES_FILE))
