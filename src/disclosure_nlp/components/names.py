"""``disclosure_names``: CHANNEL, POLICY and DOC_NO entities.

Names come in three shapes, and the finder reads each (rules:
``resources/names.json``):

- **Titles** in 《》 (nested marks and PDF line breaks allowed) are POLICY when
  they end with a policy cue (条例, 办法, 通知, 要点 …) and are no budget or
  report (GUIDELINE.md §8.11, §8.15); CHANNEL when they name an outlet
  (《三明日报》) or a media word follows them or the list they stand in
  (《项目进行时》《乡村梦想家》等专栏); otherwise nothing.
- **Quoted names** (“” 「」 "" ‘’) are CHANNELs when a media word follows the
  list they stand in (“扶贫政策法规”“建议提案”栏目, “中国上海”门户网站) or
  precedes them (微信号“三明民政”), or when they name their medium themselves
  (“惠企专栏”); quotes and media word stay outside the span (ANNOTATION.md §5).
- **Unquoted names**: an owner plus a media word (县政府门户网站, 我‹局网站›,
  靖江教育微信公众号, 三门峡广播电视台新闻频道), known outlets (人民网), URLs;
  exact policy titles without marks (政府信息公开条例, 2018年政府信息公开工作要点);
  document numbers (攀东府办〔2019〕29号, 国务院令第711号).

``span._.value`` is the channel type for a CHANNEL and None otherwise;
``span._.attrs`` holds the channel's name, owner and media word, the marks of a
POLICY, and the issuer, year and serial of a DOC_NO.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors
from ..evaluation.gold import CHANNEL_TYPES
from ..extensions import register_extensions
from ..normalize import parse_doc_number, parse_number
from ..resources import resource_path
from .doc_text import doc_text
from .entity_spans import FoundEntity, find_through_glosses, resolve_overlaps, write_entities
from .rule_io import RuleFileIO, check_rule_keys
from .sections import to_simplified

RULES_FILE = "names.json"
_FRAGMENT_RE = re.compile(r"\{([A-Z_]+)\}")
_CJK = "\u4e00-\u9fff"
_SPACE_CHARS = " \t\u3000\u00a0"
_COUNT_BEFORE_MEDIA_RE = re.compile(
    r"[ \t]*等?[ \t]*(?:[0-9０-９]+|[一二两三四五六七八九十多几]+)?[ \t]*[个家类大]?[ \t]*"
)
_WORD_LIST_KEYS = (
    "media_words", "quoted_media_words", "preceding_media_words", "title_channel_cues",
    "title_following_media_words", "sub_channel_words", "quoted_own_media_words",
)  # fmt: skip
EXTEND_BACK = ("none", "owner", "name")
_SPLIT_EMAIL_RE = re.compile(r"@[A-Za-z0-9.\-]*[ \t]*\n[ \t]*$")
PLACE_NAMES_FILE = "place_names.json"
ACCOUNT_TYPES = ("wechat", "weibo", "app")  # types a word before a quoted name shows
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
_LATIN_NAME_END_RE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,9}$")
_LIST_ITEM_ENDS = "、，,。;；：:\n()（）"  # what may stand on the far side of a list item
_LIST_STARTS = "。；;，,：:\n()（）"  # what may stand before a list's first item


@dataclass(frozen=True)
class Marked:
    """A title in 《》 or a quoted name: the marks' extent and the content's."""

    start: int  # the opening mark
    end: int  # after the closing mark
    kind: str  # "title" or "quote"

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _longest_first(items: Iterable[str]) -> list[str]:
    return sorted(items, key=len, reverse=True)


def load_place_names() -> frozenset[str]:
    """Short names of China's provinces, prefectures and counties (resources/place_names.json,
    built by tools/build_place_names.py)."""
    return frozenset(srsly.read_json(resource_path(PLACE_NAMES_FILE))["names"])


def _place_at(text: str, places: frozenset[str], at_end: bool) -> str | None:
    """The longest place among ``places`` that ``text`` starts (or ends) with."""
    for size in range(len(text) - 1, 1, -1):
        part = text[-size:] if at_end else text[:size]
        if part in places:
            return part
    return None


def _stop_word(word: str, exceptions: Iterable[str]) -> str:
    """A stop word as a pattern that does not match inside one of ``exceptions``, wherever
    the word stands in it: 获嘉 (获), 国有 (有), 共和国 (和)."""
    guards = []
    for exception in _longest_first(exceptions):
        at = exception.find(word)
        if at < 0 or len(exception) == len(word):
            continue
        behind = f"(?<={re.escape(exception[:at])})" if at else ""
        guards.append(f"(?!{behind}{re.escape(exception[at:])})")
    return "".join(guards) + re.escape(word)


def _spaced(word: str) -> str:
    """A regex of ``word`` that allows spaces and one line break between its characters."""
    return "[ \\t\\u3000]*\\n?[ \\t\\u3000]*".join(re.escape(c) for c in word)


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
        NameFinder(rules, path)  # compiles every regex: fails early on a bad one
        return rules

    def to_dict(self) -> dict:
        return copy.deepcopy(self._data)


def load_name_rules(path: Path | None = None) -> NameRules:
    """Read and validate the rules: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(RULES_FILE)
    return NameRules.from_dict(srsly.read_json(path), str(path))


def _compile(pattern: str, path: str, what: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise ValueError(Errors.E020.format(path=path, problem=f"{what}: {err}")) from err


class NameFinder:
    """Pure logic: a text in, CHANNEL, POLICY and DOC_NO :class:`FoundEntity` records out."""

    def __init__(self, rules: NameRules, path: str = "<rules>") -> None:
        self.rules = rules
        self.title_open, self.title_close = (
            rules["title_marks"]["open"],
            rules["title_marks"]["close"],
        )
        self.quote_open, self.quote_close = (
            rules["quote_marks"]["open"],
            rules["quote_marks"]["close"],
        )
        marks = re.escape(self.title_open + self.title_close)
        self.title_mark_re = re.compile(f"[{marks}]")
        opens, closes = re.escape(self.quote_open), re.escape(self.quote_close)
        body = f"[^{opens}{closes}\\n]{{1,{rules['max_quote_chars']}}}?"
        self.quote_re = re.compile(f"[{opens}](?P<body>{body})[{closes}]")
        self.separators = rules["list_separators"] + _SPACE_CHARS
        self.media = self._word_types("media_words")
        guards = rules["media_word_guards"]
        # a longer word ending in 网 is no website's name before 站 (政府信息网站)
        self.media_re = _compile(
            "|".join(
                _spaced(w) + guards.get(w, "(?!站)" if w.endswith("网") else "")
                for w in _longest_first(self.media)
            ),
            path,
            "media_words",
        )
        self.quoted_media = self._word_types("quoted_media_words")
        self.quoted_media_re = self._starts_with("quoted_media_words", path)
        self.title_media = self._word_types("title_following_media_words")
        self.title_media_re = self._starts_with("title_following_media_words", path)
        self.preceding_media = self._word_types("preceding_media_words")
        self.title_cues = self._word_types("title_channel_cues")
        self.sub_channels = self._word_types("sub_channel_words")
        self.list_media_re = _compile(
            "(?:" + "|".join(map(re.escape, _longest_first(rules["list_media_words"]))) + ")",
            path,
            "list_media_words",
        )
        self.outlets = {e["name"]: e["type"] for e in rules["known_outlets"]}
        self.outlets_by_length = _longest_first(self.outlets)
        self.website_outlets = tuple(n for n, t in self.outlets.items() if t == "website")
        self.outlet_blockers = tuple(rules["outlet_blockers_after"])
        self.organiser_re = _compile(rules["organiser_pattern"], path, "organiser_pattern")
        self.address_re = _compile(rules["address_pattern"], path, "address_pattern")
        self.outlet_re = _compile(
            "|".join(map(re.escape, _longest_first(self.outlets))) or "(?!)", path, "known_outlets"
        )
        self.url_re = _compile(rules["url_pattern"], path, "url_pattern")
        self.quoted_policy_re = _compile(
            rules["quoted_policy_pattern"], path, "quoted_policy_pattern"
        )
        fragments = rules["policy_fragments"]
        self.unquoted_policy_res = [
            (
                _compile(
                    _FRAGMENT_RE.sub(lambda m: fragments.get(m.group(1), m.group(0)), e["pattern"]),
                    path,
                    e["pattern"],
                ),
                e["extend_back"],
            )
            for e in rules["unquoted_policy_patterns"]
        ]
        closers = "|".join(map(re.escape, _longest_first(rules["list_closers"])))
        self.list_closer_re = _compile(
            f"{closers}|{rules['counted_accounts_pattern']}", path, "counted_accounts_pattern"
        )
        self.owner_free_media = frozenset(rules["owner_free_media_words"])
        self.account_list_re = _compile(rules["account_list_pattern"], path, "account_list_pattern")
        self.short_name_re = _compile(
            f'简称[:：]?[“"《「]?(?P<name>[{_CJK}0-9０-９]{{0,6}}?(?:'
            + "|".join(map(re.escape, _longest_first(rules["short_policy_names"])))
            + '))(?=[”"》」)）,，。;；、])',
            path,
            "short_policy_names",
        )
        self.parenthesized_account_re = _compile(
            "(?P<media>"
            + "|".join(map(re.escape, _longest_first(self.preceding_media)))
            + f")[(（](?P<name>[{_CJK}A-Za-z0-9]{{2,16}})[)）]",
            path,
            "preceding_media_words",
        )
        self.bracket_note_re = _compile(rules["bracket_note_pattern"], path, "bracket_note_pattern")
        arrows = "|".join(map(re.escape, _longest_first(rules["menu_path_arrows"])))
        self.menu_path_re = re.compile(f"(?:[ \\t]*(?:{arrows})[ \\t]*[{_CJK}]{{2,20}})+")
        self.sub_channel_quantifiers = tuple(rules["sub_channel_quantifiers"])
        self.sub_channel_class_markers = tuple(rules["sub_channel_class_markers"])
        self.doc_number_res = [
            _compile(p, path, "doc_number_patterns") for p in rules["doc_number_patterns"]
        ]
        self.policy_cues = _longest_first(rules["policy_cues"])
        self.stop_words = _longest_first(rules["owner_stop_words"])
        exceptions = rules["owner_stop_word_exceptions"]
        # at each position, the longest stop word starting there (a lookahead finds them all);
        # a stop word that begins one of its exceptions is none (组织 stops, 组织部 does not)
        self.stop_word_re = _compile(
            "(?=(" + "|".join(_stop_word(w, exceptions) for w in self.stop_words) + "))",
            path,
            "owner_stop_words",
        )
        self.agency_title_re = _compile(rules["agency_title_pattern"], path, "agency_title_pattern")
        self.owner_blocker_re = _compile(
            rules["owner_blocker_pattern"], path, "owner_blocker_pattern"
        )
        self.bare_platforms = frozenset(rules["bare_platforms"])
        self.generic_owners = frozenset(rules["generic_owners"])
        self.generic_owner_words = _longest_first(self.generic_owners)
        self.owner_markers = tuple(rules["owner_markers"])
        self.deictic_owners = frozenset(rules["deictic_owners"])
        self.agency_suffixes = tuple(rules["policy_owner_suffixes"])
        self.screen_words = _longest_first(rules["screen_words"])
        self.report_titles = tuple(rules["non_policy_cues"])
        self.guest_words = tuple(rules["programme_guest_words"])
        self.column_count_re = _compile(rules["column_count_pattern"], path, "column_count_pattern")
        self.agency_continuation_re = _compile(
            rules["agency_continuation_pattern"], path, "agency_continuation_pattern"
        )
        self.topic_continuation_re = _compile(
            rules["topic_continuation_pattern"], path, "topic_continuation_pattern"
        )
        self.station_code_re = _compile(rules["station_code_pattern"], path, "station_code_pattern")
        self.quoted_state_words = frozenset(rules["quoted_state_words"])
        self.quoted_slogan_re = _compile(
            rules["quoted_slogan_pattern"], path, "quoted_slogan_pattern"
        )
        self.document_title_re = _compile(
            rules["document_title_pattern"], path, "document_title_pattern"
        )
        self.place_suffixes = tuple(rules["policy_place_suffixes"])
        self.name_joiners = frozenset(rules["name_joiners"])
        self.universal_owners = tuple(rules["universal_owners"])
        self.edition_words = _longest_first(rules["edition_words"])
        self.listed_levels = tuple(rules["listed_levels"])
        self.place_names = frozenset(rules["place_names"])
        # a site's own name may hold any county's or city's short name (武义旅游网站)
        self.site_places = self.place_names | load_place_names()
        self.site_name_media = frozenset(rules["site_name_media_words"])
        self.government_word = rules["government_word"]
        self.agency_short_names = frozenset(rules["agency_short_names"])
        self.verb_adverbs = tuple(rules["verb_adverbs"])
        self.group_media = frozenset(rules["group_media_words"])
        self.plural_count_re = _compile(rules["plural_count_pattern"], path, "plural_count_pattern")
        self.account_words_re = _compile(
            rules["account_words_pattern"], path, "account_words_pattern"
        )
        self.category_owners = frozenset(rules["category_owners"])
        self.own_title_re = _compile(rules["own_title_pattern"], path, "own_title_pattern")
        self.document_topic_words = tuple(rules["document_topic_words"])
        self.needs_marked_owner = frozenset(rules["needs_marked_owner"])
        self.generic_parts = _longest_first(rules["generic_parts"])
        self.quoted_own_media = self._word_types("quoted_own_media_words")
        self.table_account_re = _compile(
            rules["table_account_pattern"], path, "table_account_pattern"
        )
        context = rules["publish_context"]
        self.publish_before = tuple(context["before"])
        self.publish_after_re = _compile(
            "[ \t]*(?:" + "|".join(map(re.escape, _longest_first(context["between"]))) + ")?"
            "[ \t]*(?:" + "|".join(map(re.escape, _longest_first(context["adverbs"]))) + ")?"
            "(?:" + "|".join(map(re.escape, _longest_first(context["verbs"]))) + ")",
            path,
            "publish_context",
        )
        self.issue_count_re = _compile(rules["issue_count_pattern"], path, "issue_count_pattern")
        self.issued_bulletin_re = _compile(
            rules["issued_bulletin_pattern"], path, "issued_bulletin_pattern"
        )
        self.not_a_name_re = _compile(rules["not_a_name_pattern"], path, "not_a_name_pattern")
        # endings that look like a medium and are none (互联网, 公路网), quoted or not
        self.non_media_endings = tuple(rules["quoted_own_media_blockers"])
        self.practice_words = tuple(rules["quoted_practice_words"])
        self.bare_sub_channels = frozenset(rules["bare_sub_channel_words"])
        self.ranking_words = tuple(rules["ranking_words"])
        self.owner_leading_verbs = tuple(_longest_first(rules["owner_leading_verbs"]))
        self.url_name_openers = tuple(rules["url_name_openers"])
        # a spaced media word (门 户 网 站, from PDFs) is at most twice its length
        self.longest_media_word = 2 * max(map(len, self.media))
        self.stale_update_re = _compile(rules["stale_update_pattern"], path, "stale_update_pattern")
        self.preceding_fillers = tuple(_longest_first(rules["preceding_fillers"]))
        self.column_hosts = tuple(_longest_first(rules["column_host_words"]))
        bare_media = "|".join(
            map(re.escape, _longest_first({*self.media, *self.quoted_media, *self.bare_platforms}))
        )
        self.bare_medium_before_re = _compile(
            f"(?:{bare_media})[、和及与]?$", path, "bare_platforms"
        )
        self.bare_medium_after_re = _compile(
            f"[、和及与](?:{bare_media})(?=[、，,。；;等和及与\\s])", path, "bare_platforms"
        )
        self.programme_hosts = tuple(_longest_first(rules["programme_host_words"]))
        joiners = "|".join(map(re.escape, _longest_first(context["joiners"])))
        media = "|".join(map(re.escape, _longest_first(self.media)))
        self.medium_before_re = _compile(f"(?:{media})[ \\t]*(?:{joiners})$", path, "joiners")
        self.medium_after_re = _compile(
            f'[ \\t]*(?:{joiners})[^，,。；;：:\\n“”"《》]{{0,12}}?(?:{media})', path, "joiners"
        )

    def _word_types(self, key: str) -> dict[str, str]:
        return {e["word"]: e["type"] for e in self.rules[key]}

    def _starts_with(self, key: str, path: str) -> re.Pattern:
        """Media words of ``key``, each after at most two media modifiers (网络问政平台, 政务
        微信); the word itself is group ``word``."""
        words = _longest_first(e["word"] for e in self.rules[key])
        modifiers = "|".join(map(_spaced, _longest_first(self.rules["media_modifiers"])))
        return _compile(
            f"(?:{modifiers}){{0,2}}(?P<word>" + "|".join(map(_spaced, words)) + ")", path, key
        )

    # titles and quotes ----------------------------------------------------
    def titles(self, text: str) -> list[Marked]:
        """Top-level titles in 《》 (inner marks belong to the outer title)."""
        out = []
        stack: list[int] = []
        limit = self.rules["max_title_chars"]
        for match in self.title_mark_re.finditer(text):
            pos = match.start()
            if text[pos] in self.title_open:
                if stack and pos - stack[0] > limit:
                    stack = []  # an unclosed mark long ago: start afresh
                stack.append(pos)
            elif stack:
                start = stack.pop()
                if not stack and pos - start <= limit:
                    out.append(Marked(start, pos + 1, "title"))
        return out

    def quotes(self, text: str, titles: list[Marked]) -> list[Marked]:
        """Quoted names outside titles (a quote inside 《沐阳“网”事》 is part of the title)."""
        inside = [(t.start, t.end) for t in titles]
        return [
            Marked(m.start(), m.end(), "quote")
            for m in self.quote_re.finditer(text)
            if not any(s < m.start() < e for s, e in inside)
        ]

    def groups(self, text: str, items: list[Marked]) -> list[list[Marked]]:
        """Runs of titles and quotes written as a list (《A》、《B》, “A”“B”)."""
        out: list[list[Marked]] = []
        for item in sorted(items, key=lambda m: m.start):
            if out:
                between = text[out[-1][-1].end : item.start]
                if len(between) <= 2 and all(c in self.separators for c in between):
                    out[-1].append(item)
                    continue
            out.append([item])
        return out

    def _after_list(self, text: str, end: int) -> int:
        """Where a media word after a list would start: past 等, a count and a measure word."""
        match = _COUNT_BEFORE_MEDIA_RE.match(text, end)
        return match.end() if match else end

    def is_policy_title(self, content: str) -> bool:
        """Whether a title's content names a policy document (GUIDELINE.md §8.11, §8.15)."""
        core = re.sub(r"[\s]+", "", content)
        core = re.sub(r"[(（][^()（）]{0,12}[)）]$", "", core)  # (试行), （2025版）
        if any(c in core for c in self.rules["non_policy_cues"]) and not any(
            core.endswith(o) for o in self.rules["policy_cue_overrides"]
        ):
            return False
        return any(core.endswith(cue) for cue in self.policy_cues)

    def _title_cue_type(self, content: str) -> str | None:
        """The channel type a title names by its ending: 《三明日报》 newspaper; a report
        (《年报》, 《…年度报告》) names none."""
        core = content.strip()
        if core.endswith(self.report_titles):
            return None
        for word in _longest_first(self.title_cues):
            if core.endswith(word):
                return self.title_cues[word]
        return None

    def _quoted_own_type(self, content: str) -> str | None:
        """A quoted name that names its medium itself: “惠企专栏”, “云南省网上政务服务大厅”."""
        core = content.strip()
        if core.endswith(self.non_media_endings):
            return None  # 互联网, 一张网: no outlet
        for word in _longest_first(self.quoted_own_media):
            if core.endswith(word) and len(core) > len(word):
                return self.quoted_own_media[word]
        return None

    def _context_type(self, text: str, item: Marked, content: str) -> str | None:
        """The type a marked name takes from its context where it names no medium itself.

        - followed by a URL in brackets: a website (“中国上海”(www.shanghai.gov.cn));
        - followed by a count of issues: a bulletin (《脱贫攻坚动态》64期, 《政务信息》简报24期);
        - right after a website (门户网站“政策解读”, (http://…)“年报”, 人民网“X”): a column
          of it;
          right after a station or channel (…电视台新闻频道《X》): a programme of it;
        - in a publishing context: a channel, type other (GUIDELINE.md section 8, decision
          10): after 在/通过 … and before a verb of publishing (通过“X”及时发布), before
          上 and such a verb (“数字东城”上受理), or listed with a medium before such a verb
          (在门户网站及“X”公布, 通过“X”和我办门户网站开展);
        unless the content looks like no name (slogans, formulas, numbers).
        """
        before = text[max(0, item.start - 40) : item.start].rstrip(" \t的")
        bracket = re.match(r"[ \t]*[(（]", text[item.end : item.end + 4])
        if bracket and self.url_re.match(text, item.end + bracket.end()):
            # 门户网站“政府信息公开”(http://…): the column's own address
            hosted = before.endswith(self.column_hosts) or before.endswith(self.website_outlets)
            return "column" if hosted else "website"
        unnamed = self.not_a_name_re.search(content) is not None
        if unnamed and item.kind == "quote":
            return None  # “改革发展2014国企系列报道”4期: a series of reports, no bulletin
        if self.issue_count_re.match(text, item.end) and not self.document_title_re.search(
            content
        ):  # 《…关于…的审计工作报告》共3期: documents, no bulletin
            if item.kind == "quote" and content.strip() in self.generic_owners:
                return None  # 组织“在线访谈”4期: a kind of event counted, no bulletin
            if text[max(0, item.start - 4) : item.start].endswith(self.guest_words):
                return "programme"  # 参加《百姓问政》1期: a programme's episodes
            return "bulletin"
        if unnamed:
            return None
        if (
            before.endswith(self.column_hosts)
            or before.endswith(self.website_outlets)
            or (before[-1:] in ")）" and self.url_re.search(before[-40:].rstrip(")）") + " "))
        ):
            return "column"
        if before.endswith(self.programme_hosts):
            return "programme"
        publishing = self.publish_after_re.match(text, item.end)
        if publishing and (
            before.endswith(self.publish_before)
            or publishing.group().lstrip(" \t").startswith("上")
            or self.medium_before_re.search(before)
        ):
            return "other"
        listed_medium = self.medium_after_re.match(text, item.end)
        if listed_medium and self.publish_after_re.match(text, listed_medium.end()):
            return "other"
        if item.kind == "quote" and self.stale_update_re.match(text, item.end):
            return "other"  # “盘锦市民政局”有1周未按要求进行更新: an inspected account or site
        return None

    def marked_entities(self, text: str, titles: list[Marked], quotes: list[Marked]):
        """CHANNEL and POLICY entities from titles and quoted names, list by list."""
        found: list[FoundEntity] = []
        counted = self.counted_columns(text, quotes)
        for group in self.groups(text, [*titles, *quotes]):
            after = self._after_list(text, group[-1].end)
            following = self.quoted_media_re.match(text, after)
            title_following = self.title_media_re.match(text, after)
            listed = self.list_media_re.match(text, after)
            before = text[max(0, group[0].start - 10) : group[0].start].rstrip(":： (（")
            before = next(
                (before.removesuffix(f) for f in self.preceding_fillers if before.endswith(f)),
                before,
            )  # 栏目依次是:“工作动态”、“税收政策”
            preceding = next(
                (t for w, t in self.preceding_media.items() if before.endswith(w)),
                None,
            )
            classified = []
            for item in group:
                start, end = item.inner
                content = text[start:end]
                if not content.strip():
                    continue
                ent = self._classify_marked(
                    text, item, content, following, title_following, listed, preceding
                )
                own = self._quoted_own_type(content) if item.kind == "quote" else None
                if own and len(group) > 1 and ent is not None and ent.value != own:
                    # “科技数据开放应用平台”、“广东科技”微信公众号: a listed name that
                    # names its own medium keeps it; the word after the list is the others'
                    ent = self._channel(*item.inner, own, content, ent.attrs.get("marks"))
                classified.append((item, ent))
            for _, ent in classified:
                if ent is not None and preceding is not None:
                    found.extend(self._split_listed(text, ent))  # 微信公众号“A、B”: two
                elif ent is not None:
                    found.append(ent)
            found.extend(self._list_siblings(text, classified))
            for item, ent in classified:
                if ent is None and item in counted:
                    content = text[item.inner[0] : item.inner[1]]
                    marks = text[item.start] + text[item.end - 1]
                    found.append(self._channel(*item.inner, "column", content, marks))
        return found

    def _split_listed(self, text: str, ent: FoundEntity) -> list[FoundEntity]:
        """A quoted channel after a media word whose text is a list of names
        (微信公众号“商丘大数据、商丘市医保局”) is one channel per name."""
        content = text[ent.start : ent.end]
        parts = content.split("、")
        if (
            ent.label != "CHANNEL"
            or len(parts) < 2
            or not all(2 <= len(p.strip()) <= 30 for p in parts)
        ):
            return [ent]
        out, start = [], ent.start
        for part in parts:
            lead = len(part) - len(part.lstrip())
            name = part.strip()
            out.append(
                self._channel(
                    start + lead, start + lead + len(name), ent.value, name, ent.attrs.get("marks")
                )
            )
            start += len(part) + 1
        return out

    def counted_columns(self, text: str, quotes: list[Marked]) -> set[Marked]:
        """Quoted names that a count of items follows, listed one after another: the
        columns a website's publishing is broken down by (其中“政策法规”发布量22条,
        “规划计划”发布量5条)."""
        counted = [q for q in quotes if self.column_count_re.match(text, q.end)]
        out = set()
        for first, second in itertools.pairwise(counted):
            gap = text[self.column_count_re.match(text, first.end).end() : second.start]
            if len(gap) <= 2 and all(c in self.separators for c in gap):
                out.update((first, second))
        return {q for q in out if not self.not_a_name_re.search(text[q.inner[0] : q.inner[1]])}

    def _list_siblings(
        self, text: str, classified: list[tuple[Marked, FoundEntity | None]]
    ) -> list[FoundEntity]:
        """Names listed with channels that all show one type take that type
        (“复工复产”和“稳岗就业专区”: both columns; 《三门峡新闻联播》、《三门峡新闻》);
        titles that end like a policy stay nothing here."""
        types = {ent.value for _, ent in classified if ent is not None and ent.label == "CHANNEL"}
        if len(types) != 1 or any(e is not None and e.label != "CHANNEL" for _, e in classified):
            return []
        kind = types.pop()
        out = []
        for item, ent in classified:
            content = text[item.inner[0] : item.inner[1]]
            if ent is not None or self.not_a_name_re.search(content):
                continue
            if item.kind == "quote" or not self.is_policy_title(content):
                marks = text[item.start] + text[item.end - 1]
                out.append(self._channel(*item.inner, kind, content, marks))
        return out

    def _classify_marked(
        self,
        text: str,
        item: Marked,
        content: str,
        following: re.Match | None,
        title_following: re.Match | None,
        listed: re.Match | None,
        preceding: str | None,
    ) -> FoundEntity | None:
        start, end = item.inner
        marks = text[item.start] + text[item.end - 1]
        if item.kind == "quote" and (
            content.strip() in self.quoted_state_words or self.quoted_slogan_re.search(content)
        ):
            return None  # “睡眠”、“僵尸”网站, “互联网+监管”平台: a state or a slogan, no name
        if item.kind == "quote" and text.startswith(self.practice_words, item.end):
            return None  # “读网”制度: a practice, no outlet
        if item.kind == "title":
            if self.is_policy_title(content):  # 《关于…的通报》 is no newspaper
                return FoundEntity(start, end, "POLICY", None, {"marks": marks})
            cue = self._title_cue_type(content)
            if cue is None and title_following is not None:
                cue = self.title_media[_unspaced(title_following["word"])]
            if cue is None and following is not None:
                cue = self.quoted_media[_unspaced(following["word"])]
            if cue is None and listed is not None and not self.is_policy_title(content):
                cue = "other"
            if cue is not None:
                cue = self._station_programme(text, item, cue)
                return self._channel(start, end, cue, content, marks)
            if self.is_policy_title(content):
                return FoundEntity(start, end, "POLICY", None, {"marks": marks})
            cue = self._context_type(text, item, content)
            return None if cue is None else self._channel(start, end, cue, content, marks)
        cue = self.outlets.get(content.strip())  # “学习强国”学习平台
        shown = self.quoted_media[_unspaced(following["word"])] if following else None
        if cue is not None and shown == "column":
            cue = "column"  # 全市“我为政府网站找错”栏目: the text shows a column
        if preceding in ACCOUNT_TYPES:
            cue = preceding  # 微信公众号“粤省事”: the text shows the account, not the app
        elif cue is not None:
            pass
        elif following is not None:
            cue = self.quoted_media[_unspaced(following["word"])]
            if self._second_medium(text, following, cue):
                cue = "other"  # “荆州生态环境”微信、微博: one name on two media shows neither
        elif preceding is not None:
            cue = preceding
        else:
            cue = self._quoted_own_type(content)
            if cue is not None and self.not_a_name_re.search(content):
                cue = None  # 获新浪“十大政务微博”奖: an award, no account
            if cue is None and listed is not None:
                cue = "other"
        if cue is not None and cue != "column" and content.strip() in self.generic_owners:
            return (
                None  # “两微”平台: a kind of media, no named one (a quoted column may be generic)
            )
        if cue is not None:
            cue = self._station_programme(text, item, cue)
            return self._channel(start, end, cue, content, marks)
        if self.quoted_policy_re.search(content):
            return FoundEntity(start, end, "POLICY", None, {"marks": marks})
        cue = self._context_type(text, item, content)
        return None if cue is None else self._channel(start, end, cue, content, marks)

    def _station_programme(self, text: str, item: Marked, cue: str) -> str:
        """A station's 栏目 is a programme (decision 23): 渭南电台《环境热线》栏目."""
        before = text[max(0, item.start - 40) : item.start].rstrip(" \t的")
        if cue == "column" and before.endswith(self.programme_hosts):
            return "programme"
        return cue

    def _second_medium(self, text: str, following: re.Match, kind: str) -> bool:
        """Whether a quoted name is followed by two bare platforms of two types, one
        account on both (“荆州生态环境”微信、微博), and not by a medium and a list of
        bare media (“X”门户网站及微博微信平台)."""
        end = following.end()
        if _unspaced(following["word"]) not in self.bare_platforms:
            return False
        if text[end : end + 1] in self.separators:
            end += 1  # “X”微信、微博; also unseparated: “X”微博微信
        second = self.quoted_media_re.match(text, end)
        word = _unspaced(second["word"]) if second else ""
        return word in self.bare_platforms and self.quoted_media[word] != kind

    @staticmethod
    def _channel(
        start: int,
        end: int,
        kind: str,
        name: str,
        marks: str | None = None,
        owner: str | None = None,
        media: str | None = None,
    ) -> FoundEntity:
        """A CHANNEL: its type is the value; name, marks, owner and media word go to attrs."""
        attrs = {"type": kind, "name": re.sub(r"\s+", "", name)}
        if marks:
            attrs["marks"] = marks
        if owner:
            attrs["owner"] = owner
        if media:
            attrs["media"] = media
        return FoundEntity(start, end, "CHANNEL", kind, attrs)

    # unquoted channels ------------------------------------------------------
    def owner_start(self, text: str, media_start: int) -> int:
        """Where the owner before a media word begins (after 通过, 在, 我 …)."""
        limit = self.rules["max_owner_chars"]
        pos = media_start
        while pos > 0 and media_start - pos < limit:
            char = text[pos - 1]
            if "\u4e00" <= char <= "\u9fff":
                pos -= 1
            elif char in " \u3000" and pos - 1 > 0 and "\u4e00" <= text[pos - 2] <= "\u9fff":
                pos -= 1  # a PDF space inside a name
            elif char.isascii() and char.isalpha() and _latin_inside_name(text, pos - 1):
                pos -= 1  # a letter inside a Chinese name: 长春e健康
            else:
                break
        window = text[pos:media_start]
        stops = self.stop_word_re.finditer(window)
        cut = max(
            (
                m.start() + len(m.group(1))
                for m in stops
                if not self._joins_agency_name(window, m.start(), m.group(1))
            ),
            default=0,
        )
        for match in self.media_re.finditer(window, cut):
            if not window.endswith(self.non_media_endings, 0, match.end()):  # 互联网网站
                cut = max(cut, match.end())  # an owner holds no other medium (微博微信)
        spaces = [i for i, c in enumerate(window) if c in " \u3000"]
        if len(spaces) >= 2:  # 新闻中心 政府信息公开 专题专栏: a menu; the last word is the name
            cut = max(cut, spaces[-1] + 1)
        cut += len(window[cut:]) - len(window[cut:].lstrip())
        verb = next((v for v in self.owner_leading_verbs if window.startswith(v, cut)), "")
        if verb and len(window) - cut > len(verb):
            cut += len(verb)  # 》发布紫金山新闻公众号: the verb opens no name
        return pos + cut

    def _joins_agency_name(self, window: str, start: int, stop: str) -> bool:
        """Whether the stop word ``stop`` at ``start`` joins the two halves of one agency's
        name (鞍山市文化旅游和广播电视局): the words after it end as an agency without a
        place of their own, the words before it are no agency and no medium (县委和县政府,
        财政局和税务局, 信息公开网和光山县人民政府 are two)."""
        if stop not in self.name_joiners:
            return False
        before, after = window[:start], window[start + len(stop) :]
        return (
            len(before) >= 2
            and not before.endswith("报")  # 中国气象报和中国气象局网站: a paper, then a site
            and after.endswith(self.agency_suffixes)
            and not any(c in self.place_suffixes for c in after[:4])
            and not before.endswith(self.agency_suffixes)
            and not any(m.end() == len(before) for m in self.media_re.finditer(before))
        )

    def _only_generic(self, owner: str) -> bool:
        """Whether ``owner`` is made of generic owners and generic words only (全国省级政府)."""
        rest = self.specific_part(owner)
        for word in self.generic_owner_words:
            rest = rest.replace(word, "")
        return not rest

    def specific_part(self, owner: str) -> str:
        """``owner`` without its generic words (市人民政府 → 市, 新闻媒体宣传 → 新闻)."""
        for part in self.generic_parts:
            owner = owner.replace(part, "")
        return owner

    def is_owner(self, owner: str, kind: str, name: str, media: str = "") -> bool:
        """Whether ``owner`` makes a named outlet of its media word."""
        core = re.sub(r"\s+", "", owner)
        if not core or core in self.generic_owners or core in self.bare_platforms:
            return False  # 全国, 抖音公众号
        if core.startswith(self.universal_owners) and self._only_generic(core):
            return False  # 全国省级政府网站, 市级部门官方网站: every website of a kind, none named
        if name in self.outlets or core in self.place_names:
            return True
        specific = self.specific_part(core)
        if specific in self.category_owners or core in self.category_owners:
            return False  # 省级政府门户网站, 个别政府网站: a kind of site, nobody's
        if self.owner_blocker_re.search(core):
            return False  # 目前三个公众号: a count, no owner
        if specific[:1] in self.deictic_owners and specific[1:]:
            return False  # 我局网站, but not 我局按时收集整理门户网站
        site_places = self.site_places if media in self.site_name_media else self.place_names
        marked = (
            specific in self.place_names
            or specific in self.agency_short_names
            or any(m in specific for m in self.owner_markers)
            or (  # 硚口信息网, 武义旅游网站
                media in self.site_name_media
                and (specific in site_places or self._place_and_topic(specific, site_places))
            )
            or self._topic_and_place(specific, site_places)  # 信用陕西网站, 平安黄石网
            or (kind == "website" and self._named_government(core))  # 恩平政府门户网
        )
        if media in self.owner_free_media:
            return marked or len(specific) >= 2
        if kind in self.needs_marked_owner and media not in self.bare_platforms:
            return marked
        return len(core) >= 2 or marked  # 县电视台

    def _named_government(self, core: str) -> bool:
        """Whether an owner is a government named without its level (恩平政府): two or
        three characters of a name before ``government_word``, none of them generic or a
        stop word."""
        name = core.removesuffix(self.government_word)
        return (
            name != core
            and 2 <= len(name) <= 3
            and self.specific_part(name) == name
            and not any(g in name for g in self.generic_owners if len(g) > 1)  # 以上地方政府
            and self.stop_word_re.search(name) is None
        )

    def _topic_and_place(self, specific: str, places: frozenset[str]) -> bool:
        """Whether an owner is a two-character topic before a place (信用陕西, 数字中国,
        平安黄石 among ``places``): the way government sites and accounts name themselves."""
        place = _place_at(specific, places, at_end=True)
        topic = specific[: -len(place)] if place else ""
        return (
            len(topic) == 2
            and topic not in self.generic_owners
            and not any(c in self.place_suffixes for c in topic)
        )

    def _place_and_topic(self, specific: str, places: frozenset[str]) -> bool:
        """Whether an owner is a place among ``places`` and a topic or agency (中国林业网,
        四川林业网, 武义旅游网站, 嘉兴国资网): the way sites name themselves."""
        place = _place_at(specific, places, at_end=False)
        if place is not None:
            return 2 <= len(specific) - len(place) <= 4
        short = next((a for a in self.agency_short_names if specific.endswith(a)), None)
        return short is not None and 2 <= len(specific) - len(short) <= 3

    def agency_names(self, text: str) -> set[str]:
        """The reporting agency as the text names it before its report's title
        (信丰县融媒体中心2023年政府信息公开工作年度报告): the agency, not a channel."""
        return {m["agency"] for m in self.agency_title_re.finditer(text)}

    def unquoted_channels(self, text: str, covered: list[tuple[int, int]]) -> list[FoundEntity]:
        found = []
        for match in self.media_re.finditer(text):
            mstart, mend = match.span()
            if mstart > 0 and (
                text[mstart - 1] in self.quote_close or text[mstart - 1] in self.title_close
            ):
                continue  # handled with the quoted name
            if any(s <= mstart < e for s, e in covered):
                continue
            media = _unspaced(match.group())
            kind = self.media[media]
            start = self.owner_start(text, mstart)
            start = self._known_outlet_start(text, start, mend)
            if text[start:mend].endswith(self.non_media_endings):
                continue  # 省公路网, 国家电网: a network, no website
            if text.startswith(self.ranking_words, mend):
                continue  # 河南省教育政务微信榜: a ranking, no account
            owner = text[start:mstart]
            count = start
            while count and text[count - 1].isdigit():
                count -= 1
            if count < start and self.owner_blocker_re.match(text, count):
                continue  # 关闭1个局属单位网站: a count, no owner
            if not self.is_owner(owner, kind, text[start:mend], media):
                continue
            if self._shared_level(text, start, owner):
                continue
            if text[max(0, start - 12) : start].rstrip().endswith(self.verb_adverbs):
                continue  # 进一步强调政府网站: after an adverb comes a verb, no owner
            if text.startswith(self.document_topic_words, mend):
                continue  # 国办网站指引: the topic of a document, no outlet
            plural = self.plural_count_re.match(text, mend)
            number = parse_number(plural.group("num")) if plural else None
            if number and number.value > 1 and media not in self.group_media:
                continue  # 区政府门户网站12家: sites of a kind counted, no named one
            kind = self.outlets.get(text[start:mend], kind)  # 央视新闻频道: the outlet's own type
            end, kind = self._extend_sub_channel(text, mend, kind)
            found.append(
                self._channel(start, end, kind, text[start:end], owner=owner.strip(), media=media)
            )
        marks = self.quote_open + self.title_open + self.quote_close + self.title_close
        for match in self.outlet_re.finditer(text):
            if match.start() > 0 and text[match.start() - 1] in marks:
                continue
            if text.startswith(self.outlet_blockers, match.end()):
                continue  # 抖音号 (an account on it), 人民日报社, 央视记者 (the organisation)
            name = match.group()
            end, kind = self._extend_sub_channel(text, match.end(), self.outlets[name])
            start = self._platform_account_start(text, match.start(), name, kind)
            found.append(self._channel(start, end, kind, text[start:end]))
        return found

    def _platform_account_start(self, text: str, start: int, name: str, kind: str) -> int:
        """Where an account on a platform begins when its owner is written before the
        platform's name (平度交警抖音, 渭南文旅抖音号 is found with the media words)."""
        if name not in self.bare_platforms:
            return start
        owner_start = self.owner_start(text, start)
        owner = text[owner_start:start]
        account = text[owner_start : start + len(name)]
        if owner_start == start or not self.is_owner(owner, kind, account, name):
            return start
        return owner_start

    def _known_outlet_start(self, text: str, start: int, end: int) -> int:
        """Where a known outlet ending at ``end`` begins, when words before it were taken
        for its owner (负责同志接受中央电视台): a known outlet has no owner of its own."""
        for name in self.outlets_by_length:
            if end - start > len(name) and text.startswith(name, end - len(name)):
                return end - len(name)
        return start

    def _shared_level(self, text: str, start: int, owner: str) -> bool:
        """Whether ``owner`` is a bare level listed with other levels (国家、省、市政策信息栏目,
        省、市政府网站集约): the medium of every government of those levels, no named one."""
        level = self.specific_part(owner.strip())
        if level not in self.place_suffixes:
            return False
        before = text[max(0, start - 4) : start]
        return before.endswith("、") and before[:-1].endswith(self.listed_levels)

    def _extend_sub_channel(self, text: str, end: int, kind: str) -> tuple[int, str]:
        """Take in a column or channel written right after an outlet (…网站政府信息公开专栏),
        and a newspaper's edition (人民日报海外版)."""
        account = self.media_re.match(text, end)
        if account and kind not in ACCOUNT_TYPES:
            account_kind = self.media[_unspaced(account.group())]
            if account_kind in ACCOUNT_TYPES:  # 湖北日报客户端: the outlet's account
                return account.end(), account_kind
        screen = next((w for w in self.screen_words if text.startswith(w, end)), "")
        if screen and kind in ("other", "platform"):
            return end + len(screen), "other"  # a hall's screen: 镇政务服务大厅电子显示屏
        if kind == "newspaper":
            edition = next((w for w in self.edition_words if text.startswith(w, end)), "")
            return end + len(edition), kind
        if kind not in ("website", "tv_radio"):
            return end, kind
        path_end = self._menu_path_end(text, end) if kind == "website" else end
        if path_end > end:
            return path_end, "column"
        gap = self.rules["sub_channel_max_gap"]
        tail = text[end : end + gap + 10]
        best = None
        for word, sub_kind in self.sub_channels.items():
            i = tail.find(word)
            if i < 0 or i > gap:
                continue
            between = tail[:i].lstrip("—-－")  # …门户网站——小关乡政府信息公开专栏
            if not all("\u4e00" <= c <= "\u9fff" for c in between):
                continue
            if between + word in self.bare_sub_channels:
                continue  # 局网站栏目布局: the site's columns in general, none named
            if between.startswith(self.sub_channel_quantifiers):
                continue  # 网站部分栏目未更新: some of the site's columns, none named
            if between.endswith(self.sub_channel_class_markers):
                continue  # 网站动态要闻类栏目: a class of the site's columns, none named
            if any(c in self.rules["gap_stop_chars"] for c in between) or any(
                w in between for w in self.stop_words
            ):
                continue
            if kind == "tv_radio" and word.endswith("频道"):
                sub_kind = "tv_radio"  # a station's channel is a station: …电视台综合频道
            if best is None or i + len(word) > best[0]:
                best = (i + len(word), sub_kind)
        if best is None:
            return end, kind
        return end + best[0], best[1]

    def _menu_path_end(self, text: str, end: int) -> int:
        """Where a menu path written after a website ends (…门户网站→政府信息公开专栏→年报)."""
        path = self.menu_path_re.match(text, end)
        if not path:
            return end
        stops = [i for w in self.rules["menu_path_stops"] if (i := path.group().find(w)) > 0]
        return end + min(stops, default=len(path.group()))

    def urls(self, text: str) -> list[FoundEntity]:
        found = []
        blockers = tuple(self.rules["url_blockers_before"])
        for match in self.url_re.finditer(text):
            url = match.group()
            if "." not in url or url.replace(".", "").isdigit():
                continue
            before = text[max(0, match.start() - 6) : match.start()].rstrip(" :：")
            if before.endswith(blockers):
                continue  # an e-mail address with its @ lost
            if _SPLIT_EMAIL_RE.search(text[max(0, match.start() - 40) : match.start()]):
                continue  # the rest of an e-mail address broken over a line (x@zb.sh⏎andong.cn)
            found.append(self._channel(match.start(), match.end(), "website", url))
        return found

    def parenthesized_accounts(self, text: str) -> list[FoundEntity]:
        """微信公众号(三门峡微扶贫), 微信 | 首善茅坪 |: an account's name after its medium."""
        found = []
        for regex in (self.parenthesized_account_re, self.table_account_re):
            for m in regex.finditer(text):
                if m["name"] in self.media or m["name"] in self.preceding_media:
                    continue  # 政务新媒体(微信公众号): a medium in brackets names no account
                if self.bracket_note_re.match(m["name"]):
                    continue  # 微信(含转发)851条: a note on the count, no account
                if self.preceding_media.get(m["media"]) == "column" and m["name"].endswith(
                    self.agency_suffixes
                ):
                    continue  # 国企监管栏目(财政局): the unit responsible for the column
                kind = self.preceding_media.get(m["media"], "wechat")
                if m["media"] == "微博":
                    kind = "weibo"
                found.append(
                    self._channel(m.start("name"), m.end("name"), kind, m["name"], media=m["media"])
                )
        return found

    def issued_bulletins(self, text: str, covered: list[tuple[int, int]]) -> list[FoundEntity]:
        """A periodical counted in issues is a bulletin: 编发脱贫攻坚动态64期 (decision 8)."""
        found = []
        for match in self.issued_bulletin_re.finditer(text):
            start, end = match.span("name")
            name = match["name"]
            if any(s <= start < e for s, e in covered) or name in self.generic_owners:
                continue
            if name[: -len(match["kind"])] in self.generic_owners:
                continue  # 工作动态, 政务简报: a bare kind of paper
            found.append(self._channel(start, end, "bulletin", name))
        return found

    def recurring_channels(
        self, text: str, found: list[FoundEntity], covered: list[tuple[int, int]]
    ) -> list[FoundEntity]:
        """A channel name found once is a channel wherever else it stands unquoted, with
        the media word written right after it (中国武义门户网站)."""
        names = {}
        for ent in found:
            name = text[ent.start : ent.end]
            if (
                ent.label == "CHANNEL"
                and ent.value in self.rules["recurring_channel_types"]
                and len(name) >= self.rules["recurring_name_min_chars"]
                and all("\u4e00" <= c <= "\u9fff" for c in name)
                and name not in self.generic_owners
                and not name.endswith(self.agency_suffixes)  # “X市人民政府”微信公众号
                and (ent.value != "website" or self._named_site(name))
            ):
                names.setdefault(name, ent.value)
        if not names:
            return []
        taken = [(e.start, e.end) for e in found] + covered
        out = []
        pattern = re.compile("|".join(map(re.escape, _longest_first(names))))
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if self.agency_continuation_re.match(text, match.end()):
                continue  # “临河区退役军人”公众号, but 临河区退役军人事务局 is the agency
            if self.topic_continuation_re.match(text, match.end()):
                continue  # “南通水利”公众号, but 展示南通水利工作动态 is its topic
            end, kind = match.end(), names[match.group()]
            medium = self.media_re.match(text, end)
            if medium and not any(s < medium.end() and end < e for s, e in taken):
                # “中国武义”网站, later 中国武义门户网站: unquoted, the name keeps its medium
                end, kind = medium.end(), self.media[_unspaced(medium.group())]
            out.append(self._channel(match.start(), end, kind, text[match.start() : end]))
        return out

    def _named_site(self, name: str) -> bool:
        """Whether a website's name says whose it is beyond a level (蓬江政务门户网站, not
        市政府网站, which recurs as 全市政府网站: every site of the city)."""
        ending = self._ending_medium(name, 0, len(name))
        owner = name[: ending.start()] if ending else name
        return len(self.specific_part(owner)) >= 2 and not self._only_generic(owner)

    # policies and document numbers ------------------------------------------
    def unquoted_policies(self, text: str, covered: list[tuple[int, int]]) -> list[FoundEntity]:
        found = []
        suffixes = tuple(self.rules["policy_owner_suffixes"])
        places = tuple(self.rules["policy_place_suffixes"])
        for regex, extend_back in self.unquoted_policy_res:
            for match in regex.finditer(text):
                start = match.start()
                if any(s < start < e for s, e in covered):
                    continue  # inside a title or quote: that one decides
                if extend_back == "owner":
                    # an issuer written before the year: ，市财政局2019年工作要点
                    owner_start = self.owner_start(text, start)
                    owner = text[owner_start:start]
                    before = text[owner_start - 1 : owner_start] if owner_start else ""
                    issuer = owner.endswith(suffixes) or (
                        owner.endswith(places) and len(owner) >= 3
                    )
                    if issuer and (
                        not before
                        or not before.isalnum()
                        or self._after_stop_word(text, owner_start)
                    ):
                        start = owner_start
                elif extend_back == "name":
                    start = self.owner_start(text, start)
                    name = text[start : match.start()].strip()
                    if not name or name in self.generic_owners:
                        continue  # 围绕“十四五”规划: a theme, no plan's exact title
                found.append(FoundEntity(start, match.end(), "POLICY", None, {"marks": None}))
        for match in self.short_name_re.finditer(text):
            found.append(
                FoundEntity(
                    match.start("name"),
                    match.end("name"),
                    "POLICY",
                    None,
                    {"marks": None, "short_name": True},
                )
            )
        return found

    def _after_stop_word(self, text: str, pos: int) -> bool:
        """Whether a stop word (落实, 按照 …) ends right at ``pos``."""
        head = max(0, pos - 6)
        window = text[head:pos]
        return any(
            head + m.start() + len(m.group(1)) == pos for m in self.stop_word_re.finditer(window)
        )

    def doc_numbers(self, text: str) -> list[FoundEntity]:
        found = []
        stops = _longest_first(self.rules["issuer_stop_words"])
        for regex in self.doc_number_res:
            for match in regex.finditer(text):
                start = match.start()
                if "issuer" in regex.groupindex:
                    issuer = match["issuer"]
                else:  # the issuer is the run of Chinese characters before the bracket
                    first = start
                    while (
                        first > 0
                        and start - first < self.rules["max_issuer_chars"]
                        and "\u4e00" <= text[first - 1] <= "\u9fff"
                    ):
                        first -= 1
                    if start - first < 2:
                        continue
                    issuer, start = text[first:start], first
                cut = 0
                masked = issuer  # 中华人民共和国: its 和 starts no issuer
                for word in self.rules["issuer_stop_word_exceptions"]:
                    masked = masked.replace(word, "\0" * len(word))
                for word in stops:
                    i = masked.rfind(word)
                    if i >= 0 and i + len(word) > cut and len(issuer) - (i + len(word)) >= 2:
                        cut = i + len(word)
                start += cut
                number = parse_doc_number(text[start : match.end()])
                attrs = dict(number) if number else {"issuer": issuer[cut:]}
                found.append(FoundEntity(start, match.end(), "DOC_NO", None, attrs))
        return found

    # the whole text -------------------------------------------------------
    def find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        """Every CHANNEL, POLICY and DOC_NO of ``text``, overlaps resolved.

        The text is read in simplified characters (one for one, so offsets hold),
        so traditional 網站, 條例 and 電視臺 work like 网站, 条例 and 电视台, and
        without pinyin glosses (區(qū)政府 as 區政府; the offsets are mapped back).
        """
        return find_through_glosses(self._find, text, report_year)

    def _find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        text = to_simplified(text)
        titles = self.titles(text)
        quotes = self.quotes(text, titles)
        found = self.marked_entities(text, titles, quotes)
        covered = [(m.start, m.end) for m in (*titles, *quotes)]
        found += self.unquoted_channels(text, covered)
        found += self.urls(text)
        found += self.parenthesized_accounts(text)
        found += self.issued_bulletins(text, covered)
        found += self.unquoted_policies(text, covered)
        found += self.doc_numbers(text)
        found = resolve_overlaps(found)
        found = resolve_overlaps([*found, *self.listed_channels(text, found)])
        found = resolve_overlaps([*found, *self.list_neighbours(text, found)])
        found = resolve_overlaps([*found, *self.listed_account_names(text, found)])
        found = resolve_overlaps([*found, *self.recurring_channels(text, found, covered)])
        found = resolve_overlaps([*found, *self.sites_before_urls(text, found)])
        found = self.joined_sub_channels(text, found)
        quoted = {e.start for e in found if e.label == "CHANNEL" and e.attrs.get("marks")}
        found = [e for e in found if not self.names_a_quoted_account(text, e, quoted)]
        agencies = self.agency_names(text)
        title_zone = self._title_zone_end(text)
        return [
            _trimmed(text, e)
            for e in found
            if not self.is_organiser(text, e)
            and not self.is_address(text, e)
            and not self.is_agency(text, e, agencies)
            and not self.is_own_title(text, e, title_zone)
            and not self.is_bare_platform(text, e)
        ]

    def joined_sub_channels(self, text: str, found: list[FoundEntity]) -> list[FoundEntity]:
        """Two unquoted channels written together are one: a website and its column
        (江门市人民政府门户网站江门市住房和城乡建设局部门频道: a column, however long the
        column's own owner is), and an account and the platform it is on (罗湖城事新浪微博:
        the platform's type)."""
        out: list[FoundEntity] = []
        for ent in sorted(found, key=lambda e: e.start):
            last = out[-1] if out else None
            kind = None
            if (
                last is not None
                and last.end == ent.start
                and ent.label == last.label == "CHANNEL"
                and not last.attrs.get("marks")
            ):
                if last.value == "website" and ent.value == "column" and not ent.attrs.get("marks"):
                    kind = "column"
                elif text[ent.start : ent.end] in self.bare_platforms:
                    kind = ent.value
            if kind is not None:
                out[-1] = self._channel(last.start, ent.end, kind, text[last.start : ent.end])
            else:
                out.append(ent)
        return out

    def sites_before_urls(self, text: str, found: list[FoundEntity]) -> list[FoundEntity]:
        """An unquoted name between 在/从/通过/和 and a URL in brackets is a website
        (可在深圳政府在线(www.sz.gov.cn)), or a column when it ends as one (decision 30);
        a bare medium (门户网站(http://…)) stays nothing."""
        out = []
        taken = [(e.start, e.end) for e in found]
        for ent in found:
            if ent.label != "CHANNEL" or not self.url_re.fullmatch(text, ent.start, ent.end):
                continue
            end = ent.start
            while end > 0 and text[end - 1] in " \t":
                end -= 1
            if end < 1 or text[end - 1] not in "(（":
                continue
            end -= 1
            ending = self._ending_medium(text, 0, end)
            start = self.owner_start(text, ending.start() if ending else end)
            name = text[start:end]
            if not 3 <= len(name) <= self.rules["max_owner_chars"] or not all(
                "\u4e00" <= c <= "\u9fff" for c in name
            ):
                continue
            if not text.endswith(self.url_name_openers, 0, start):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            if not self._named_site(name):
                continue  # 部门频道, 政府门户网站: bare
            kind = next((k for w, k in self.sub_channels.items() if name.endswith(w)), "website")
            out.append(self._channel(start, end, kind, name))
        return out

    def names_a_quoted_account(self, text: str, ent: FoundEntity, quoted: set[int]) -> bool:
        """An unquoted account written right before the account's quoted name
        (区政府微信公众号“今日晋安”, …微信公众号(“广西农机”)) is described, not named:
        the quoted name alone is the channel (``quoted``: where the quoted channels start)."""
        if ent.label != "CHANNEL" or ent.value not in ACCOUNT_TYPES or ent.attrs.get("marks"):
            return False
        pos = ent.end + (text[ent.end : ent.end + 1] in ":：(（")  # 微信公众号(“广西农机”)
        if text[pos : pos + 1] not in self.quote_open:
            return False
        return pos + 1 in quoted

    def is_bare_platform(self, text: str, ent: FoundEntity) -> bool:
        """A platform's own name listed with bare media words is a bare medium too
        (微信公众号、微博、抖音等平台: decision 27); an account on it is a channel."""
        name = text[ent.start : ent.end]
        if ent.label != "CHANNEL" or name not in self.bare_platforms:
            return False
        before = text[max(0, ent.start - 8) : ent.start]
        bracketed = before[-1:] in "(（" and text[ent.end : ent.end + 1] in ")）"
        return bool(
            self.bare_medium_before_re.search(before)
            or self.bare_medium_after_re.match(text, ent.end)
            or (bracketed and ent.start > 1)  # 徐圩警方(新浪微博): the account's medium
            or self.owner_blocker_re.match(text, ent.end)  # 新浪微博1个: a kind counted
            or self.plural_count_re.match(text, ent.end)  # 抖音 1 个 (PDF spaces)
            or self.column_count_re.match(text, ent.end)  # 抖音340条: a kind's posts counted
            or self.account_words_re.match(text, ent.end)  # 抖音账号3个: accounts of a kind
        )

    def is_agency(self, text: str, ent: FoundEntity, agencies: set[str]) -> bool:
        """A channel whose name is the reporting agency's, whole or without its place
        (县融媒体中心 in 信丰县融媒体中心's report), is the agency acting, not an outlet; the
        agency's name quoted before a media word names its site (“X局”门户网站)."""
        name = text[ent.start : ent.end]
        if ent.attrs.get("marks") and self.quoted_media_re.match(text, ent.end + 1):
            return False
        return ent.label == "CHANNEL" and any(a.endswith(name) for a in agencies)

    def _title_zone_end(self, text: str) -> int:
        """Where the text's first ``own_title_lines`` lines with text end."""
        pos, lines = 0, 0
        while pos < len(text) and lines < self.rules["own_title_lines"]:
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            lines += bool(text[pos:line_end].strip())
            pos = line_end + 1
        return pos

    def is_own_title(self, text: str, ent: FoundEntity, title_zone: int) -> bool:
        """A title standing alone on one of the text's first lines (``title_zone``: where
        they end), marks, a label (标题:) or its own document number around it at most, is
        the document's own title, no POLICY (decision 15):
        营站政办公开〔2023〕7号:《站前区政府办公室关于…的通报》."""
        if ent.label != "POLICY" or ent.start >= title_zone:
            return False
        line_start = text.rfind("\n", 0, ent.start) + 1
        line_end = text.find("\n", ent.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[line_start : ent.start] + "\0" + text[ent.end : line_end]
        return self.own_title_re.fullmatch(rest.strip()) is not None

    def is_organiser(self, text: str, ent: FoundEntity) -> bool:
        """A channel named only as the organiser of something is no channel (ANNOTATION.md
        section 5): 人民网、新浪网共同举办的…评估, 由市融媒体中心承办的培训."""
        return ent.label == "CHANNEL" and self.organiser_re.match(text, ent.end) is not None

    def is_address(self, text: str, ent: FoundEntity) -> bool:
        """A name written as a postal address (地址:通榆县广播电视台) is a place, no channel
        (ANNOTATION.md section 5: addresses are nothing); a web address is a website."""
        if ent.label != "CHANNEL" or self.url_re.fullmatch(text, ent.start, ent.end):
            return False  # 网站地址:http://… is a website
        before = text[max(0, ent.start - 12) : ent.start]
        return self.address_re.search(before) is not None

    def listed_channels(self, text: str, found: list[FoundEntity]) -> list[FoundEntity]:
        """Names listed with a channel before 等平台 are channels too (健康新东河、…等平台)."""
        out = []
        channels = {(e.start, e.end) for e in found if e.label == "CHANNEL"}
        taken = [(e.start, e.end) for e in found]
        for match in self.list_closer_re.finditer(text):
            head = max(0, match.start() - 120)
            segment = text[head : match.start()]
            cut = max(segment.rfind(c) for c in _LIST_STARTS) + 1
            items = []
            pos = head + cut
            for item in segment[cut:].split("、"):
                items.extend(self._split_after_channel(text, pos, pos + len(item), channels))
                pos += len(item) + 1
            if len(items) < 2:
                continue
            raw_items = list(items)
            first = next(
                ((s, e) for s, e in channels if items[0][0] <= s and e == items[0][1]), None
            )
            if first is not None:  # 利用县政府网站 -> 县政府网站
                items[0] = first
            else:  # 二是通过健康新东河 -> 健康新东河, 被CCTV1 -> CCTV1
                first_start = self.owner_start(text, items[0][1])
                latin = _LATIN_NAME_END_RE.search(text, items[0][0], items[0][1])
                if first_start == items[0][1] and latin:
                    first_start = latin.start()
                items[0] = (max(items[0][0], first_start), items[0][1])
            if not any(item in channels for item in items):
                named = self._media_named_items(text, raw_items, taken)
                out.extend(named)
                if not named:
                    continue
                # 金羊网、大洋网、南方+等媒体: the items beside two named outlets are named too
                taken = taken + [(e.start, e.end) for e in named]
            for start, end in items:
                name = text[start:end]
                if not 2 <= len(name) <= 16 or not _listed_name_chars(name):
                    continue
                if any(s < end and start < e for s, e in taken):
                    continue
                if name in self.generic_owners or self.media_re.search(name):
                    continue
                cue = self._title_cue_type(name)  # 陇东报 is a newspaper; 潮新闻 no programme
                if self.station_code_re.match(name):
                    cue = "tv_radio"  # 被CCTV1、CCTV13…等媒体: a call sign shows the station
                kind = cue if cue in ("newspaper", "tv_radio") else "other"
                out.append(self._channel(start, end, kind, name))
        return out

    def listed_account_names(self, text: str, found: list[FoundEntity]) -> list[FoundEntity]:
        """Unquoted names listed before 等 and one account medium are accounts on it, one
        each (德山公安、湖南西湖、牧渔常德等微信公众号): the two or more items right before
        等 that are written as names, none of them a medium, a found entity, a generic
        word or an agency (市政府信访局、…管委会政务微信 names agencies)."""
        out = []
        taken = [(e.start, e.end) for e in found]
        for match in self.account_list_re.finditer(text):
            kind = self.media.get(_unspaced(match["media"]))
            if kind is None:
                continue
            head = max(0, match.start() - 80)
            segment = text[head : match.start()]
            cut = max(segment.rfind(c) for c in _LIST_STARTS) + 1
            pos, spans = head + cut, []
            for item in segment[cut:].split("、"):
                spans.append((pos, pos + len(item)))
                pos += len(item) + 1
            first_start = self.owner_start(text, spans[0][1])
            spans[0] = (max(spans[0][0], first_start), spans[0][1])
            names = []
            for start, end in reversed(spans):
                name = text[start:end]
                if (
                    not 2 <= len(name) <= 8
                    or not all("\u4e00" <= c <= "\u9fff" for c in name)
                    or any(s < end and start < e for s, e in taken)
                    or name in self.generic_owners
                    or self.media_re.search(name)
                    or name.endswith(self.agency_suffixes)
                    or self.stop_word_re.search(name)
                ):
                    break
                names.append(self._channel(start, end, kind, name))
            if len(names) >= 2:
                out.extend(names)
        return out

    def _media_named_items(
        self, text: str, items: list[tuple[int, int]], taken: list[tuple[int, int]]
    ) -> list[FoundEntity]:
        """Before 等媒体 with no channel found yet, items that end with a media word after a
        specific name are outlets when two or more are (金羊网、大洋网、南方+等媒体); bare media
        words (政府网站、门户网站等平台) are not."""
        named = [
            ent
            for start, end in items
            if not any(s < end and start < e for s, e in taken)
            and (ent := self._media_ended_name(text, start, end, trim=True)) is not None
        ]
        return named if len(named) >= 2 else []

    def _media_ended_name(self, text: str, start: int, end: int, trim: bool) -> FoundEntity | None:
        """``text[start:end]`` as a channel when it ends with a media word after a specific
        name (云岭先锋网); a verb before the name (通过微信公众号) is cut off when ``trim``,
        else the item is no name."""
        ending = self._ending_medium(text, start, end)
        if ending is None:
            return None
        media_start = ending.start()
        owner_start = self.owner_start(text, media_start)
        if owner_start > start:
            if not trim:
                return None
            start = owner_start
        owner = text[start:media_start]
        specific = self.specific_part(owner)
        if (
            len(specific) < 2
            or specific in self.generic_owners
            or not all("\u4e00" <= c <= "\u9fff" for c in owner)
            or self.media_re.search(owner)
        ):
            return None
        word = _unspaced(ending.group())
        return self._channel(start, end, self.media[word], text[start:end], owner=owner, media=word)

    def _ending_medium(self, text: str, start: int, end: int) -> re.Match | None:
        """The first media word found in ``text[start:end]`` that ends at ``end``."""
        window = max(start, end - self.longest_media_word)
        return next((m for m in self.media_re.finditer(text, window, end) if m.end() == end), None)

    def _split_after_channel(
        self, text: str, start: int, end: int, channels: set[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """A list item that holds a channel joined by 和/及/与 to another name is two items
        (区人民政府网站和微金口河等媒体, 黄龙宣传和县市场监管局微信公众号等平台); a 和 inside
        a name (住房和城乡建设局) is not split."""
        joiners = self.rules["publish_context"]["joiners"]
        for c_start, c_end in channels:
            if start <= c_start and c_end < end:
                joiner = next((j for j in joiners if text.startswith(j, c_end)), None)
                if joiner and joiner != "、":
                    return [(c_start, c_end), (c_end + len(joiner), end)]
            if start < c_start and c_end == end:  # 黄龙宣传和黄龙县市场监管局微信公众号
                joiner = next((j for j in joiners if text[:c_start].endswith(j)), None)
                if joiner and joiner != "、" and c_start - len(joiner) > start:
                    return [(start, c_start - len(joiner)), (c_start, c_end)]
        return [(start, end)]

    def list_neighbours(self, text: str, found: list[FoundEntity]) -> list[FoundEntity]:
        """An item listed with 、 right beside a channel is a channel when it ends with a
        media word, its owner unmarked (人民网、‹云岭先锋网›、云南日报), or when channels
        stand on both its sides (新华网、‹中国扶贫›、云南日报: type other, decision 10): the
        list shows an outlet."""
        out: list[FoundEntity] = []
        taken = [(e.start, e.end) for e in found]
        queue = [e for e in found if e.label == "CHANNEL"]
        channel_starts = {e.start for e in queue}
        while queue:
            ent = queue.pop()
            for start, end in self._neighbour_items(text, ent.start, ent.end):
                closer = text.find("等", start, end)
                if closer > start:
                    end = closer  # 中国体育报等中央媒体: the list ends at 等
                if any(s < end and start < e for s, e in taken):
                    continue
                new = self._media_ended_name(text, start, end, trim=False)
                if new is None and start == ent.end + 1 and end + 1 in channel_starts:
                    new = self._sandwiched_name(text, start, end)
                if new is None:
                    continue
                out.append(new)
                taken.append((start, end))
                channel_starts.add(start)
                queue.append(new)
        return out

    def _sandwiched_name(self, text: str, start: int, end: int) -> FoundEntity | None:
        """``text[start:end]``, listed between two channels, as a channel of type other
        when it is written like a name and is no bare or generic medium."""
        name = text[start:end]
        if not 2 <= len(name) <= 12 or name in self.generic_owners:
            return None
        if name in self.bare_platforms or self.media_re.search(name):
            return None
        if self.list_media_re.fullmatch(name) or self.not_a_name_re.search(name):
            return None
        return self._channel(start, end, "other", name)

    @staticmethod
    def _neighbour_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The list items joined by 、 right before and right after ``text[start:end]``;
        an item is a run of Chinese characters between list separators."""
        items = []
        if text[end : end + 1] == "、":
            stop = end + 1
            while stop < len(text) and "\u4e00" <= text[stop] <= "\u9fff" and stop - end <= 17:
                stop += 1
            if stop < len(text) and text[stop] in _LIST_ITEM_ENDS:
                items.append((end + 1, stop))
        if start > 0 and text[start - 1] == "、":
            begin = start - 1
            while begin > 0 and "\u4e00" <= text[begin - 1] <= "\u9fff" and start - begin <= 17:
                begin -= 1
            if begin > 0 and text[begin - 1] in _LIST_ITEM_ENDS:
                items.append((begin, start - 1))
        return items


def _trimmed(text: str, ent: FoundEntity) -> FoundEntity:
    """``ent`` without the spaces inside its marks at either end (《政府信息主动公开制度 》)."""
    span = text[ent.start : ent.end]
    lead = len(span) - len(span.lstrip())
    trail = len(span) - len(span.rstrip())
    if not (lead or trail) or lead == len(span):
        return ent
    return dataclasses.replace(ent, start=ent.start + lead, end=ent.end - trail)


def _listed_name_chars(name: str) -> bool:
    """Whether a list item is written like an outlet's name: Chinese characters
    (浙江之声), or Latin letters and digits, a + at most at the end (CCTV13, 南方+)."""
    core = name[:-1] if name.endswith(("+", "＋")) else name
    if all("\u4e00" <= c <= "\u9fff" for c in core):
        return True
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9]{1,9}", core) is not None


def _latin_inside_name(text: str, index: int) -> bool:
    """Whether the Latin letter at ``index`` sits in a run of at most two letters between
    Chinese characters (长春e健康, 掌上ai政务), as in a name, not an English word."""
    start = end = index
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    while end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalpha():
        end += 1
    return (
        end - start < 2
        and start > 0
        and end + 1 < len(text)
        and "\u4e00" <= text[start - 1] <= "\u9fff"
        and "\u4e00" <= text[end + 1] <= "\u9fff"
    )


def _unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


class NameRecognizer(RuleFileIO):
    """spaCy component: CHANNEL, POLICY and DOC_NO entities in ``doc.ents``."""

    rules_file = RULES_FILE
    rules_class = NameRules

    def __init__(self, nlp: Language, name: str = "disclosure_names", overwrite: bool = False):
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.set_rules(load_name_rules())

    def set_rules(self, rules: NameRules) -> None:
        self.rules = rules
        self.finder = NameFinder(rules)

    def find(self, text: str) -> list[FoundEntity]:
        """The entities this component assigns, as data (no Doc needed)."""
        return self.finder.find(text)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            write_entities(doc, self.finder.find(doc_text(doc)), overwrite=self.overwrite)
        return doc


@Language.factory(
    "disclosure_names",
    assigns=["doc.ents", "span._.value", "span._.attrs"],
    requires=["doc.spans"],
    default_config={"overwrite": False},
)
def make_name_recognizer(nlp: Language, name: str, overwrite: bool) -> NameRecognizer:
    """Factory of :class:`NameRecognizer` (rules arrive through ``initialize``).

    ``overwrite``: drop the entities already in ``doc.ents`` instead of merging with them.
    """
    return NameRecognizer(nlp, name, overwrite=overwrite)
