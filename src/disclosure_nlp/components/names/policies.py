"""Policies without marks (exact titles such as 政府信息公开条例, 2018年政府信息公开工作要点,
short names after 简称) and document numbers (攀东府办〔2019〕29号, 国务院令第711号).
"""

from __future__ import annotations

from ...normalize import parse_doc_number
from ..entity_spans import FoundEntity
from .owners import OwnerChecks
from .text import longest_first


class PolicyNames(OwnerChecks):
    """Unmarked POLICY titles and DOC_NO entities."""

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

    def doc_numbers(self, text: str) -> list[FoundEntity]:
        found = []
        stops = longest_first(self.rules["issuer_stop_words"])
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
