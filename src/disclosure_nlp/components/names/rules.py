"""The rule data of ``resources/names.json`` and the place-name list, loaded and validated.

Every key of ``names.json`` is listed here in one of the key tuples (by the kind of value
it holds) and described in the file's own ``description`` block; :meth:`NameRules.from_dict`
refuses a file with a key missing or unknown and compiles every pattern once to fail early.
"""

from __future__ import annotations

import copy
from pathlib import Path

import srsly

from ...errors import Errors
from ...evaluation.gold import CHANNEL_TYPES
from ...resources import resource_path
from ..rule_io import check_rule_keys

RULES_FILE = "names.json"
PLACE_NAMES_FILE = "place_names.json"
EXTEND_BACK = ("none", "owner", "name")  # how far an unquoted policy pattern reaches back
ACCOUNT_TYPES = ("wechat", "weibo", "app")  # types a word before a quoted name shows

_WORD_LIST_KEYS = (
    "media_words", "quoted_media_words", "preceding_media_words", "title_channel_cues",
    "title_following_media_words", "sub_channel_words", "quoted_own_media_words",
)  # fmt: skip

_STRING_LIST_KEYS = (
    "policy_cues", "non_policy_cues", "policy_cue_overrides", "short_policy_names",
    "quoted_own_media_blockers", "column_host_words", "programme_host_words",
    "policy_owner_suffixes", "policy_place_suffixes", "list_media_words", "owner_markers",
    "generic_owners", "owner_stop_words", "needs_marked_owner", "place_names", "agency_short_names",
    "verb_adverbs", "category_owners", "group_media_words", "document_topic_words",
    "doc_number_patterns", "issuer_stop_words", "generic_parts", "url_blockers_before",
    "recurring_channel_types", "owner_free_media_words", "list_closers", "media_modifiers",
    "outlet_blockers_after", "owner_stop_word_exceptions", "deictic_owners", "bare_platforms",
    "name_joiners", "universal_owners", "edition_words", "listed_levels", "screen_words",
    "programme_guest_words", "quoted_state_words", "site_name_media_words",
    "issuer_stop_word_exceptions", "quoted_practice_words", "preceding_fillers", "ranking_words",
    "bare_sub_channel_words", "owner_leading_verbs", "url_name_openers", "menu_path_arrows",
    "menu_path_stops", "sub_channel_quantifiers", "sub_channel_class_markers",
)  # fmt: skip

_INT_KEYS = (
    "max_title_chars", "max_quote_chars", "sub_channel_max_gap", "max_owner_chars",
    "recurring_name_min_chars", "max_issuer_chars", "own_title_lines",
)  # fmt: skip

_MARK_KEYS = ("title_marks", "quote_marks")
_OTHER_KEYS = (
    "description", "quoted_policy_pattern", "policy_fragments", "list_separators",
    "known_outlets", "url_pattern", "gap_stop_chars", "table_account_pattern",
    "unquoted_policy_patterns", "publish_context", "issue_count_pattern",
    "issued_bulletin_pattern", "not_a_name_pattern", "organiser_pattern",
    "agency_title_pattern", "owner_blocker_pattern", "address_pattern", "media_word_guards",
    "agency_continuation_pattern", "column_count_pattern", "own_title_pattern",
    "plural_count_pattern", "account_words_pattern", "topic_continuation_pattern",
    "station_code_pattern", "quoted_slogan_pattern", "document_title_pattern", "government_word",
    "counted_accounts_pattern", "stale_update_pattern", "bracket_note_pattern",
    "account_list_pattern",
)  # fmt: skip

PUBLISH_CONTEXT_KEYS = ("before", "between", "adverbs", "verbs", "joiners")


class NameRules:
    """The rule data of ``resources/names.json``, validated (read-only after loading)."""

    KEYS = (*_OTHER_KEYS, *_WORD_LIST_KEYS, *_STRING_LIST_KEYS, *_INT_KEYS, *_MARK_KEYS)

    def __init__(self, data: dict) -> None:
        self._data = data

    def __getitem__(self, key: str):
        return self._data[key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NameRules) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> NameRules:
        """Validate and build the rules; raises ValueError with a coded message."""
        check_rule_keys(data, cls.KEYS, path)
        for key in _WORD_LIST_KEYS:
            for entry in data[key]:
                if set(entry) != {"word", "type"} or entry["type"] not in CHANNEL_TYPES:
                    raise ValueError(Errors.E074.format(entry=entry, key=key, path=path))
        for entry in data["known_outlets"]:
            if set(entry) != {"name", "type"} or entry["type"] not in CHANNEL_TYPES:
                raise ValueError(Errors.E074.format(entry=entry, key="known_outlets", path=path))
        for entry in data["unquoted_policy_patterns"]:
            if set(entry) != {"pattern", "extend_back"} or entry["extend_back"] not in EXTEND_BACK:
                raise ValueError(
                    Errors.E020.format(
                        path=path,
                        problem=f"unquoted_policy_patterns entry {entry!r}: give a pattern and "
                        f"extend_back, one of {EXTEND_BACK}",
                    )
                )
        for key in _STRING_LIST_KEYS:
            if not all(isinstance(x, str) and x for x in data[key]):
                raise ValueError(
                    Errors.E020.format(path=path, problem=f"{key} must be non-empty strings")
                )
        for key in _INT_KEYS:
            if not isinstance(data[key], int) or data[key] < 1:
                raise ValueError(Errors.E020.format(path=path, problem=f"{key} must be >= 1"))
        context = data["publish_context"]
        if not isinstance(context, dict) or set(context) != set(PUBLISH_CONTEXT_KEYS):
            raise ValueError(
                Errors.E020.format(
                    path=path, problem=f"publish_context needs exactly {PUBLISH_CONTEXT_KEYS}"
                )
            )
        for key, words in context.items():
            if not all(isinstance(x, str) and x for x in words):
                raise ValueError(
                    Errors.E020.format(
                        path=path, problem=f"publish_context {key} must be non-empty strings"
                    )
                )
        guards = data["media_word_guards"]
        if not isinstance(guards, dict) or not all(
            isinstance(v, str) and v.startswith(("(?=", "(?!", "(?<!")) for v in guards.values()
        ):
            raise ValueError(
                Errors.E020.format(
                    path=path,
                    problem="media_word_guards maps a media word to (?=…), (?!…) or (?<!…)",
                )
            )
        for key in _MARK_KEYS:
            marks = data[key]
            if set(marks) != {"open", "close"} or not marks["open"] or not marks["close"]:
                raise ValueError(
                    Errors.E020.format(path=path, problem=f"{key} needs open and close marks")
                )
        rules = cls(copy.deepcopy(data))
        from .compiled import CompiledNameRules  # here: compiled.py imports this module

        CompiledNameRules(rules, path)  # compiles every regex: fails early on a bad one
        return rules

    def to_dict(self) -> dict:
        return copy.deepcopy(self._data)


def load_name_rules(path: Path | None = None) -> NameRules:
    """Read and validate the rules: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(RULES_FILE)
    return NameRules.from_dict(srsly.read_json(path), str(path))


def load_place_names() -> frozenset[str]:
    """Short names of China's provinces, prefectures and counties (resources/place_names.json,
    built by tools/build_place_names.py)."""
    return frozenset(srsly.read_json(resource_path(PLACE_NAMES_FILE))["names"])
