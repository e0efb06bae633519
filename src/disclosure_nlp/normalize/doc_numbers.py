"""Parts of official document numbers (文号).

``攀东府办〔2019〕29号`` -> issuer 攀东府办, year 2019, serial 29; the year
may stand in any bracket pair (〔〕 [] {} () 【】, full-width ones too).
Orders have no year: ``国令第711号``, ``国务院令第711号`` -> issuer 国令,
serial 711 (国务院令 is the State Council's order series, whose official
prefix is 国令).
"""

from __future__ import annotations

import re
from typing import TypedDict

from .dates import YEAR_MAX, YEAR_MIN
from .numbers import chinese_integer, normalize_text

# NFKC folds （［｛ to ([{ and ﹝﹞ to 〔〕
OPEN_BRACKETS = "〔[{(【〖"
CLOSE_BRACKETS = "〕]})】〗"
ISSUER_ALIASES: dict[str, str] = {"国务院令": "国令", "中华人民共和国国务院令": "国令"}

_ISSUER = r"[\u4e00-\u9fffA-Za-z]+?"
_SERIAL = r"[0-9]+|[〇零一二三四五六七八九十百千两]+"
_DOC_NUMBER_RE = re.compile(
    rf"(?P<issuer>{_ISSUER})[{re.escape(OPEN_BRACKETS)}](?P<year>[0-9]{{4}})"
    rf"[{re.escape(CLOSE_BRACKETS)}]第?(?P<serial>{_SERIAL})号"
)
_ORDER_RE = re.compile(
    rf"(?:(?P<issuer>[\u4e00-\u9fff]*令)第?(?P<serial>{_SERIAL})号"
    rf"|(?P<body>[\u4e00-\u9fff]+?)第?(?P<body_serial>{_SERIAL})号令)"
)  # 国务院令第711号, 国务院令711号, 国务院第711号令


class DocNumber(TypedDict):
    """The parts of a document number; ``year`` is None for orders (国令第711号)."""

    issuer: str
    year: int | None
    serial: int


def _serial(text: str) -> int | None:
    """The serial number, Arabic or Chinese (第七百一十一号)."""
    value = int(text) if text.isascii() else chinese_integer(text)
    return value if value else None


def parse_doc_number(text: str) -> DocNumber | None:
    """The issuer, year and serial of a document number, or None when the text is none.

    White space and full-width forms inside are ignored (``国令第 711 号``).
    """
    folded = normalize_text(text)
    match = _DOC_NUMBER_RE.fullmatch(folded)
    if match is not None:
        year: int | None = int(match["year"])
        if not YEAR_MIN <= year <= YEAR_MAX:
            return None
    else:
        match = _ORDER_RE.fullmatch(folded)
        if match is None:
            return None
        year = None
    serial = _serial(match["serial"] or match["body_serial"])
    if serial is None:
        return None
    written = match["issuer"] or match["body"] + "令"
    issuer = ISSUER_ALIASES.get(written, written)
    return DocNumber(issuer=issuer, year=year, serial=serial)
