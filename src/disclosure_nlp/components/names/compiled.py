"""The name rules compiled once: media words, outlets, marks and every pattern of
``names.json`` as attributes, with the lookups the finder's parts share.

:class:`CompiledNameRules` is the base of every part of :class:`~.finder.NameFinder`
(marked names, owners, unquoted channels, lists, policies, filters).
"""

from __future__ import annotations

import re

from ..entity_spans import FoundEntity
from ..rule_io import compile_rule
from .rules import NameRules, load_place_names
from .text import CJK, SPACE_CHARS, longest_first, spaced, stop_word_pattern

_FRAGMENT_RE = re.compile(r"\{([A-Z_]+)\}")


class CompiledNameRules:
    """The rules of ``names.json`` compiled: patterns, word tables and outlets."""

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
        self.separators = rules["list_separators"] + SPACE_CHARS
        self.media = self._word_types("media_words")
        guards = rules["media_word_guards"]
        # a longer word ending in 网 is no website's name before 站 (政府信息网站)
        self.media_re = compile_rule(
            "|".join(
                spaced(w) + guards.get(w, "(?!站)" if w.endswith("网") else "")
                for w in longest_first(self.media)
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
        self.list_media_re = compile_rule(
            "(?:" + "|".join(map(re.escape, longest_first(rules["list_media_words"]))) + ")",
            path,
            "list_media_words",
        )
        self.outlets = {e["name"]: e["type"] for e in rules["known_outlets"]}
        self.outlets_by_length = longest_first(self.outlets)
        self.website_outlets = tuple(n for n, t in self.outlets.items() if t == "website")
        self.outlet_blockers = tuple(rules["outlet_blockers_after"])
        self.organiser_re = self._pattern("organiser_pattern", path)
        self.address_re = self._pattern("address_pattern", path)
        self.outlet_re = compile_rule(
            "|".join(map(re.escape, longest_first(self.outlets))) or "(?!)", path, "known_outlets"
        )
        self.url_re = self._pattern("url_pattern", path)
        self.quoted_policy_re = self._pattern("quoted_policy_pattern", path)
        fragments = rules["policy_fragments"]
        self.unquoted_policy_res = [
            (
                compile_rule(
                    _FRAGMENT_RE.sub(lambda m: fragments.get(m.group(1), m.group(0)), e["pattern"]),
                    path,
                    e["pattern"],
                ),
                e["extend_back"],
            )
            for e in rules["unquoted_policy_patterns"]
        ]
        closers = "|".join(map(re.escape, longest_first(rules["list_closers"])))
        self.list_closer_re = compile_rule(
            f"{closers}|{rules['counted_accounts_pattern']}", path, "counted_accounts_pattern"
        )
        self.owner_free_media = frozenset(rules["owner_free_media_words"])
        self.account_list_re = self._pattern("account_list_pattern", path)
        self.short_name_re = compile_rule(
            f'简称[:：]?[“"《「]?(?P<name>[{CJK}0-9０-９]{{0,6}}?(?:'
            + "|".join(map(re.escape, longest_first(rules["short_policy_names"])))
            + '))(?=[”"》」)）,，。;；、])',
            path,
            "short_policy_names",
        )
        self.parenthesized_account_re = compile_rule(
            "(?P<media>"
            + "|".join(map(re.escape, longest_first(self.preceding_media)))
            + f")[(（](?P<name>[{CJK}A-Za-z0-9]{{2,16}})[)）]",
            path,
            "preceding_media_words",
        )
        self.bracket_note_re = self._pattern("bracket_note_pattern", path)
        arrows = "|".join(map(re.escape, longest_first(rules["menu_path_arrows"])))
        self.menu_path_re = re.compile(f"(?:[ \\t]*(?:{arrows})[ \\t]*[{CJK}]{{2,20}})+")
        self.sub_channel_quantifiers = tuple(rules["sub_channel_quantifiers"])
        self.sub_channel_class_markers = tuple(rules["sub_channel_class_markers"])
        self.doc_number_res = [
            compile_rule(p, path, "doc_number_patterns") for p in rules["doc_number_patterns"]
        ]
        self.policy_cues = longest_first(rules["policy_cues"])
        self.stop_words = longest_first(rules["owner_stop_words"])
        exceptions = rules["owner_stop_word_exceptions"]
        # at each position, the longest stop word starting there (a lookahead finds them all);
        # a stop word that begins one of its exceptions is none (组织 stops, 组织部 does not)
        self.stop_word_re = compile_rule(
            "(?=(" + "|".join(stop_word_pattern(w, exceptions) for w in self.stop_words) + "))",
            path,
            "owner_stop_words",
        )
        self.agency_title_re = self._pattern("agency_title_pattern", path)
        self.owner_blocker_re = self._pattern("owner_blocker_pattern", path)
        self.bare_platforms = frozenset(rules["bare_platforms"])
        self.generic_owners = frozenset(rules["generic_owners"])
        self.generic_owner_words = longest_first(self.generic_owners)
        self.owner_markers = tuple(rules["owner_markers"])
        self.deictic_owners = frozenset(rules["deictic_owners"])
        self.agency_suffixes = tuple(rules["policy_owner_suffixes"])
        self.screen_words = longest_first(rules["screen_words"])
        self.report_titles = tuple(rules["non_policy_cues"])
        self.guest_words = tuple(rules["programme_guest_words"])
        self.column_count_re = self._pattern("column_count_pattern", path)
        self.agency_continuation_re = self._pattern("agency_continuation_pattern", path)
        self.topic_continuation_re = self._pattern("topic_continuation_pattern", path)
        self.station_code_re = self._pattern("station_code_pattern", path)
        self.quoted_state_words = frozenset(rules["quoted_state_words"])
        self.quoted_slogan_re = self._pattern("quoted_slogan_pattern", path)
        self.document_title_re = self._pattern("document_title_pattern", path)
        self.place_suffixes = tuple(rules["policy_place_suffixes"])
        self.name_joiners = frozenset(rules["name_joiners"])
        self.universal_owners = tuple(rules["universal_owners"])
        self.edition_words = longest_first(rules["edition_words"])
        self.listed_levels = tuple(rules["listed_levels"])
        self.place_names = frozenset(rules["place_names"])
        # a site's own name may hold any county's or city's short name (武义旅游网站)
        self.site_places = self.place_names | load_place_names()
        self.site_name_media = frozenset(rules["site_name_media_words"])
        self.government_word = rules["government_word"]
        self.agency_short_names = frozenset(rules["agency_short_names"])
        self.verb_adverbs = tuple(rules["verb_adverbs"])
        self.group_media = frozenset(rules["group_media_words"])
        self.plural_count_re = self._pattern("plural_count_pattern", path)
        self.account_words_re = self._pattern("account_words_pattern", path)
        self.category_owners = frozenset(rules["category_owners"])
        self.own_title_re = self._pattern("own_title_pattern", path)
        self.document_topic_words = tuple(rules["document_topic_words"])
        self.needs_marked_owner = frozenset(rules["needs_marked_owner"])
        self.generic_parts = longest_first(rules["generic_parts"])
        self.quoted_own_media = self._word_types("quoted_own_media_words")
        self.table_account_re = self._pattern("table_account_pattern", path)
        context = rules["publish_context"]
        self.publish_before = tuple(context["before"])
        self.publish_after_re = compile_rule(
            "[ \t]*(?:" + "|".join(map(re.escape, longest_first(context["between"]))) + ")?"
            "[ \t]*(?:" + "|".join(map(re.escape, longest_first(context["adverbs"]))) + ")?"
            "(?:" + "|".join(map(re.escape, longest_first(context["verbs"]))) + ")",
            path,
            "publish_context",
        )
        self.issue_count_re = self._pattern("issue_count_pattern", path)
        self.issued_bulletin_re = self._pattern("issued_bulletin_pattern", path)
        self.not_a_name_re = self._pattern("not_a_name_pattern", path)
        # endings that look like a medium and are none (互联网, 公路网), quoted or not
        self.non_media_endings = tuple(rules["quoted_own_media_blockers"])
        self.practice_words = tuple(rules["quoted_practice_words"])
        self.bare_sub_channels = frozenset(rules["bare_sub_channel_words"])
        self.ranking_words = tuple(rules["ranking_words"])
        self.owner_leading_verbs = tuple(longest_first(rules["owner_leading_verbs"]))
        self.url_name_openers = tuple(rules["url_name_openers"])
        # a spaced media word (门 户 网 站, from PDFs) is at most twice its length
        self.longest_media_word = 2 * max(map(len, self.media))
        self.stale_update_re = self._pattern("stale_update_pattern", path)
        self.preceding_fillers = tuple(longest_first(rules["preceding_fillers"]))
        self.column_hosts = tuple(longest_first(rules["column_host_words"]))
        bare_media = "|".join(
            map(re.escape, longest_first({*self.media, *self.quoted_media, *self.bare_platforms}))
        )
        self.bare_medium_before_re = compile_rule(
            f"(?:{bare_media})[、和及与]?$", path, "bare_platforms"
        )
        self.bare_medium_after_re = compile_rule(
            f"[、和及与](?:{bare_media})(?=[、，,。；;等和及与\\s])", path, "bare_platforms"
        )
        self.programme_hosts = tuple(longest_first(rules["programme_host_words"]))
        joiners = "|".join(map(re.escape, longest_first(context["joiners"])))
        media = "|".join(map(re.escape, longest_first(self.media)))
        self.medium_before_re = compile_rule(f"(?:{media})[ \\t]*(?:{joiners})$", path, "joiners")
        self.medium_after_re = compile_rule(
            f'[ \\t]*(?:{joiners})[^，,。；;：:\\n“”"《》]{{0,12}}?(?:{media})', path, "joiners"
        )

    def _pattern(self, key: str, path: str) -> re.Pattern:
        """The regex written under ``key`` compiled; a bad one raises E020 naming ``key``."""
        return compile_rule(self.rules[key], path, key)

    def _word_types(self, key: str) -> dict[str, str]:
        return {e["word"]: e["type"] for e in self.rules[key]}

    def _starts_with(self, key: str, path: str) -> re.Pattern:
        """Media words of ``key``, each after at most two media modifiers (网络问政平台, 政务
        微信); the word itself is group ``word``."""
        words = longest_first(e["word"] for e in self.rules[key])
        modifiers = "|".join(map(spaced, longest_first(self.rules["media_modifiers"])))
        return compile_rule(
            f"(?:{modifiers}){{0,2}}(?P<word>" + "|".join(map(spaced, words)) + ")", path, key
        )

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

    def _title_cue_type(self, content: str) -> str | None:
        """The channel type a title names by its ending: 《三明日报》 newspaper; a report
        (《年报》, 《…年度报告》) names none."""
        core = content.strip()
        if core.endswith(self.report_titles):
            return None
        for word in longest_first(self.title_cues):
            if core.endswith(word):
                return self.title_cues[word]
        return None
