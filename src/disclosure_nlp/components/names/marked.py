"""Names in marks: titles in 《》 and quoted names, classified list by list.

A title is a POLICY when it ends with a policy cue, a CHANNEL when it names an
outlet or a media word follows it or its list; a quoted name is a CHANNEL when a
media word follows or precedes it, when it names its medium itself, or from its
context (a column of a website, a programme of a station, a publishing context).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..entity_spans import FoundEntity
from .compiled import CompiledNameRules
from .rules import ACCOUNT_TYPES
from .text import longest_first, unspaced

_COUNT_BEFORE_MEDIA_RE = re.compile(
    r"[ \t]*等?[ \t]*(?:[0-9０-９]+|[一二两三四五六七八九十多几]+)?[ \t]*[个家类大]?[ \t]*"
)


@dataclass(frozen=True)
class Marked:
    """A title in 《》 or a quoted name: the marks' extent and the content's."""

    start: int  # the opening mark
    end: int  # after the closing mark
    kind: str  # "title" or "quote"

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


class MarkedNames(CompiledNameRules):
    """CHANNEL and POLICY entities from titles and quoted names."""

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

    def _quoted_own_type(self, content: str) -> str | None:
        """A quoted name that names its medium itself: “惠企专栏”, “云南省网上政务服务大厅”."""
        core = content.strip()
        if core.endswith(self.non_media_endings):
            return None  # 互联网, 一张网: no outlet
        for word in longest_first(self.quoted_own_media):
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
                cue = self.title_media[unspaced(title_following["word"])]
            if cue is None and following is not None:
                cue = self.quoted_media[unspaced(following["word"])]
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
        shown = self.quoted_media[unspaced(following["word"])] if following else None
        if cue is not None and shown == "column":
            cue = "column"  # 全市“我为政府网站找错”栏目: the text shows a column
        if preceding in ACCOUNT_TYPES:
            cue = preceding  # 微信公众号“粤省事”: the text shows the account, not the app
        elif cue is not None:
            pass
        elif following is not None:
            cue = self.quoted_media[unspaced(following["word"])]
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
        if unspaced(following["word"]) not in self.bare_platforms:
            return False
        if text[end : end + 1] in self.separators:
            end += 1  # “X”微信、微博; also unseparated: “X”微博微信
        second = self.quoted_media_re.match(text, end)
        word = unspaced(second["word"]) if second else ""
        return word in self.bare_platforms and self.quoted_media[word] != kind
