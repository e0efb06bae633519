"""What looks like a name and is none: an account described before its quoted name, a
platform listed as a bare medium, the reporting agency itself, the document's own title,
an organiser of something, a postal address.
"""

from __future__ import annotations

from ..entity_spans import FoundEntity
from .compiled import CompiledNameRules
from .rules import ACCOUNT_TYPES


class ChannelFilters(CompiledNameRules):
    """Checks that drop a found entity the guideline excludes."""

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
