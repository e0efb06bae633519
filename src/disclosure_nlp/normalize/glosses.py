"""Pinyin glosses in mirrored web pages: 區(qū)政府門戶網(wǎng)站, 69個(gè).

Some mirror sites copy government pages and write a tone-marked pinyin gloss in
brackets after many characters. The gloss cuts names, numbers and dates apart, so the
entity finders read a copy without glosses and map their spans back to the text as it
is. A gloss right after an entity's last character stays inside its span (‹69個(gè)›),
as annotators read it; glosses inside a span stay there. Only brackets holding a
syllable with a tone mark are glosses, so (www), (一) and (2019) are left alone.
"""

from __future__ import annotations

import re

GLOSS_RE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def without_glosses(text: str) -> tuple[str, list[int]]:
    """``text`` without its glosses, and for each of its characters the offset in ``text``
    (one more entry at the end: ``len(text)``)."""
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in GLOSS_RE.finditer(text):
        pieces.append(text[last : match.start()])
        positions.extend(range(last, match.start()))
        last = match.end()
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    positions.append(len(text))
    return "".join(pieces), positions


def span_in_text(text: str, positions: list[int], start: int, end: int) -> tuple[int, int]:
    """The offsets in ``text`` of the span ``start:end`` of its gloss-free copy, taking in
    a gloss right after the span's last character."""
    if end <= start:
        return positions[start], positions[start]
    new_end = positions[end - 1] + 1
    gloss = GLOSS_RE.match(text, new_end)
    return positions[start], gloss.end() if gloss else new_end
