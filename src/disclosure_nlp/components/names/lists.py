"""Channels shown by a list: names listed before 等平台 or 等微信公众号, and items listed
with 、 beside a channel found already (人民网、云岭先锋网、云南日报).
"""

from __future__ import annotations

import re

from ..entity_spans import FoundEntity
from .owners import OwnerChecks
from .text import unspaced

_LATIN_NAME_END_RE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,9}$")  # a Latin name ends an item (CCTV1)
_LIST_ITEM_ENDS = "、，,。;；：:\n()（）"  # what may stand on the far side of a list item
_LIST_STARTS = "。；;，,：:\n()（）"  # what may stand before a list's first item


class ListedChannels(OwnerChecks):
    """CHANNEL entities that a list of names shows."""

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
            kind = self.media.get(unspaced(match["media"]))
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
        word = unspaced(ending.group())
        return self._channel(start, end, self.media[word], text[start:end], owner=owner, media=word)

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


def _listed_name_chars(name: str) -> bool:
    """Whether a list item is written like an outlet's name: Chinese characters
    (浙江之声), or Latin letters and digits, a + at most at the end (CCTV13, 南方+)."""
    core = name[:-1] if name.endswith(("+", "＋")) else name
    if all("\u4e00" <= c <= "\u9fff" for c in core):
        return True
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9]{1,9}", core) is not None
