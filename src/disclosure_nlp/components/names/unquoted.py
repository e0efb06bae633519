"""Unquoted channels: an owner and a media word (县政府门户网站), known outlets (人民网),
URLs, accounts named in brackets after their medium, bulletins counted in issues,
names that recur after being found once, and sites named before their URL.
"""

from __future__ import annotations

import re

from ...normalize import parse_number
from ..entity_spans import FoundEntity, RangeSet
from .owners import OwnerChecks
from .rules import ACCOUNT_TYPES
from .text import longest_first, unspaced

_SPLIT_EMAIL_RE = re.compile(r"@[A-Za-z0-9.\-]*[ \t]*\n[ \t]*$")


class UnquotedChannels(OwnerChecks):
    """CHANNEL entities written without marks."""

    def unquoted_channels(self, text: str, covered: list[tuple[int, int]]) -> list[FoundEntity]:
        """Owner-and-medium names and known outlets outside titles and quotes (``covered``)."""
        found = []
        in_marks = RangeSet(covered)
        for match in self.media_re.finditer(text):
            mstart, mend = match.span()
            if mstart > 0 and (
                text[mstart - 1] in self.quote_close or text[mstart - 1] in self.title_close
            ):
                continue  # handled with the quoted name
            if mstart in in_marks:
                continue
            media = unspaced(match.group())
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
            account_kind = self.media[unspaced(account.group())]
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
        pattern = re.compile("|".join(map(re.escape, longest_first(names))))
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
                end, kind = medium.end(), self.media[unspaced(medium.group())]
            out.append(self._channel(match.start(), end, kind, text[match.start() : end]))
        return out

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
