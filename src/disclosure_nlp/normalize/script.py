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

# the last long text mapped and its mapping: the rule components each read the
# same text (one str object, from ``doc_text``) in simplified characters
_LAST_SIMPLIFIED: tuple[str, str] = ("", "")
_REMEMBERED_CHARS = 1000


@lru_cache(maxsize=1)
def _traditional_map() -> dict[int, str]:
    data = srsly.read_json(resource_path(TRADITIONAL_FILE))
    return str.maketrans(data["map"])


def to_simplified(text: str) -> str:
    """``text`` with its traditional characters and compatibility forms mapped to
    simplified ideographs, one for one (offsets hold); a long text is mapped once for
    all the components that read it."""
    global _LAST_SIMPLIFIED
    last = _LAST_SIMPLIFIED
    if text is last[0]:
        return last[1]
    simplified = text.translate(_traditional_map())
    if len(text) >= _REMEMBERED_CHARS:
        _LAST_SIMPLIFIED = (text, simplified)
    return simplified
