"""Owners before a media word: where an owner begins and whether it makes a named outlet.

县政府门户网站 and 靖江教育微信公众号 name outlets; 全国省级政府网站, 我局按时…网站 and
目前三个公众号 do not. The checks read the owner against generic words, category owners,
place names, agency short names and owner markers of ``names.json``.
"""

from __future__ import annotations

import re

from .compiled import CompiledNameRules
from .text import place_at


class OwnerChecks(CompiledNameRules):
    """Where an owner begins and whether it names an outlet."""

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
        place = place_at(specific, places, at_end=True)
        topic = specific[: -len(place)] if place else ""
        return (
            len(topic) == 2
            and topic not in self.generic_owners
            and not any(c in self.place_suffixes for c in topic)
        )

    def _place_and_topic(self, specific: str, places: frozenset[str]) -> bool:
        """Whether an owner is a place among ``places`` and a topic or agency (中国林业网,
        四川林业网, 武义旅游网站, 嘉兴国资网): the way sites name themselves."""
        place = place_at(specific, places, at_end=False)
        if place is not None:
            return 2 <= len(specific) - len(place) <= 4
        short = next((a for a in self.agency_short_names if specific.endswith(a)), None)
        return short is not None and 2 <= len(specific) - len(short) <= 3

    def agency_names(self, text: str) -> set[str]:
        """The reporting agency as the text names it before its report's title
        (信丰县融媒体中心2023年政府信息公开工作年度报告): the agency, not a channel."""
        return {m["agency"] for m in self.agency_title_re.finditer(text)}

    def _after_stop_word(self, text: str, pos: int) -> bool:
        """Whether a stop word (落实, 按照 …) ends right at ``pos``."""
        head = max(0, pos - 6)
        window = text[head:pos]
        return any(
            head + m.start() + len(m.group(1)) == pos for m in self.stop_word_re.finditer(window)
        )

    def _ending_medium(self, text: str, start: int, end: int) -> re.Match | None:
        """The first media word found in ``text[start:end]`` that ends at ``end``."""
        window = max(start, end - self.longest_media_word)
        return next((m for m in self.media_re.finditer(text, window, end) if m.end() == end), None)

    def _named_site(self, name: str) -> bool:
        """Whether a website's name says whose it is beyond a level (蓬江政务门户网站, not
        市政府网站, which recurs as 全市政府网站: every site of the city)."""
        ending = self._ending_medium(name, 0, len(name))
        owner = name[: ending.start()] if ending else name
        return len(self.specific_part(owner)) >= 2 and not self._only_generic(owner)


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
