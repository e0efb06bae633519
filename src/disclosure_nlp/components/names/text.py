"""Small pure helpers over text and word lists, shared by the name finder's parts."""

from __future__ import annotations

import re
from collections.abc import Iterable

CJK = "\u4e00-\u9fff"  # a regex class range
SPACE_CHARS = " \t\u3000\u00a0"


def longest_first(items: Iterable[str]) -> list[str]:
    """``items`` longest first, the order an alternation of words must have."""
    return sorted(items, key=len, reverse=True)


def spaced(word: str) -> str:
    """A regex of ``word`` that allows spaces and one line break between its characters."""
    return "[ \\t\\u3000]*\\n?[ \\t\\u3000]*".join(re.escape(c) for c in word)


def unspaced(text: str) -> str:
    """``text`` without whitespace (门 户 网 站 from a PDF as 门户网站)."""
    return re.sub(r"\s+", "", text)


def stop_word_pattern(word: str, exceptions: Iterable[str]) -> str:
    """A stop word as a pattern that does not match inside one of ``exceptions``, wherever
    the word stands in it: 获嘉 (获), 国有 (有), 共和国 (和)."""
    guards = []
    for exception in longest_first(exceptions):
        at = exception.find(word)
        if at < 0 or len(exception) == len(word):
            continue
        behind = f"(?<={re.escape(exception[:at])})" if at else ""
        guards.append(f"(?!{behind}{re.escape(exception[at:])})")
    return "".join(guards) + re.escape(word)


def place_at(text: str, places: frozenset[str], at_end: bool) -> str | None:
    """The longest place among ``places`` that ``text`` starts (or ends) with."""
    for size in range(len(text) - 1, 1, -1):
        part = text[-size:] if at_end else text[:size]
        if part in places:
            return part
    return None
