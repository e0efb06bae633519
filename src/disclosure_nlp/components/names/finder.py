"""The whole text: every CHANNEL, POLICY and DOC_NO, overlaps resolved, in the order the
parts run (marked names first, then unquoted channels, lists, recurring names, filters).
"""

from __future__ import annotations

import dataclasses

from ...normalize.script import simplified_copy
from ..entity_spans import FoundEntity, find_through_glosses, resolve_overlaps
from .filters import ChannelFilters
from .lists import ListedChannels
from .marked import MarkedNames
from .policies import PolicyNames
from .unquoted import UnquotedChannels


class NameFinder(MarkedNames, UnquotedChannels, ListedChannels, PolicyNames, ChannelFilters):
    """Pure logic: a text in, CHANNEL, POLICY and DOC_NO :class:`FoundEntity` records out."""

    def find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        """Every CHANNEL, POLICY and DOC_NO of ``text``, overlaps resolved.

        The text is read in simplified characters (one for one, so offsets hold),
        so traditional 網站, 條例 and 電視臺 work like 网站, 条例 and 电视台, and
        without pinyin glosses (區(qū)政府 as 區政府; the offsets are mapped back).
        """
        return find_through_glosses(self._find, text, report_year)

    def _find(self, text: str, report_year: int | None = None) -> list[FoundEntity]:
        text = simplified_copy(text)
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


def _trimmed(text: str, ent: FoundEntity) -> FoundEntity:
    """``ent`` without the spaces inside its marks at either end (《政府信息主动公开制度 》)."""
    span = text[ent.start : ent.end]
    lead = len(span) - len(span.lstrip())
    trail = len(span) - len(span.rstrip())
    if not (lead or trail) or lead == len(span):
        return ent
    return dataclasses.replace(ent, start=ent.start + lead, end=ent.end - trail)
