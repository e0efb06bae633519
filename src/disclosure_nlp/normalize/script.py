"""``to_simplified``: a text read in simplified characters, one character for one.

The map (``resources/traditional_chars.json``, built by
tools/build_traditional_map.py) turns traditional characters into simplified
ones and the compatibility forms that text extracted from PDFs puts in place
of ideographs (Kangxi radicals such as ⼈ U+2F08, CJK compatibility
ideographs) into the ideographs themselves. One character always stays one,
so offsets into the simplified copy are offsets into the text: the rule
components match their simplified rules on the copy and report spans of the
text, which is never rewritten.
"""

from __future__ import annotations

from functools import lru_cache

import srsly

from ..resources import resource_path

TRADITIONAL_FILE = "traditional_chars.json"

# the last text copied and its copy: the rule components each read the same
# text (one str object, from ``doc_text``) in simplified characters
_LAST_COPY: tuple[str, str] = ("", "")


@lru_cache(maxsize=1)
def _traditional_map() -> dict[int, str]:
    data = srsly.read_json(resource_path(TRADITIONAL_FILE))
    return str.maketrans(data["map"])


def to_simplified(text: str) -> str:
    """``text`` with its traditional characters and compatibility forms mapped to
    simplified ideographs, one for one (offsets hold)."""
    return text.translate(_traditional_map())


def simplified_copy(text: str) -> str:
    """``to_simplified`` of a whole text, made once for all the components that read
    this text (the same str object) one after the other. The last text and its copy
    are held until another text is copied."""
    global _LAST_COPY
    last = _LAST_COPY
    if text is last[0]:
        return last[1]
    copy = to_simplified(text)
    _LAST_COPY = (text, copy)
    return copy
