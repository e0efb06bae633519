"""Pinyin glosses in mirrored web pages: 區(qū)政府門戶網(wǎng)站, 69個(gè).

Some mirror sites copy government pages and write a tone-marked pinyin gloss in
brackets after many characters. The gloss cuts names, numbers and dates apart, so the
entity finders read a copy without glosses and map their spans back to the text as it
is. A gloss right after an entity's last character stays inside its span (‹69個(gè)›),
as annotators read it; glosses inside a span stay there. Brackets holding a
syllable with a tone mark are glosses; so are brackets holding a toneless syllable
(國(guo)資(zi)委, 中(zhong)(zhong)華) where a text has at least ``MIN_PLAIN_GLOSSES`` of
them, and a run of glosses is read as one. (www), (一), (2019) and (pdf) are left alone.
"""

from __future__ import annotations

import itertools
import re

_TONED = "[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
_PLAIN = (
    "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er"
    "|ia|ie|in|iu|ua|uo|ui|un|üe|ve|ue|ün|vn|a|o|e|i|u|ü|v)"
)
GLOSS_RE = re.compile(rf"(?<=[\u4e00-\u9fff])\({_TONED}\)")  # a tone-marked gloss
_PLAIN_GLOSS_RE = re.compile(rf"(?<=[\u4e00-\u9fff])\({_PLAIN}\)")
_GLOSS_RUN_RE = re.compile(rf"(?<=[\u4e00-\u9fff])(?:\((?:{_TONED}|{_PLAIN})\))+")
MIN_PLAIN_GLOSSES = 3


def has_glosses(text: str) -> bool:
    """Whether ``text`` carries pinyin glosses: one with a tone mark, or several without."""
    if GLOSS_RE.search(text):
        return True
    plain = _PLAIN_GLOSS_RE.finditer(text)
    return sum(1 for _ in itertools.islice(plain, MIN_PLAIN_GLOSSES)) >= MIN_PLAIN_GLOSSES


def without_glosses(text: str) -> tuple[str, list[int]]:
    """``text`` without its glosses, and for each of its characters the offset in ``text``
    (one more entry at the end: ``len(text)``)."""
    if not has_glosses(text):
        return text, [*range(len(text)), len(text)]
    return strip_glosses(text)


def strip_glosses(text: str) -> tuple[str, list[int]]:
    """As :func:`without_glosses`, for a text already known to carry glosses
    (:func:`has_glosses`)."""
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for match in _GLOSS_RUN_RE.finditer(text):
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
    gloss = _GLOSS_RUN_RE.match(text, new_end)
    return positions[start], gloss.end() if gloss else new_end
