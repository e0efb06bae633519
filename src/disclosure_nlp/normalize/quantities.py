"""Values of COUNT, PERCENT and MONEY spans.

Each parser takes the text of one span, as written (PDF spaces and full-width
forms included), and returns its value, or raises a coded
:class:`~disclosure_nlp.errors.DisclosureError` when the text is not such a
span: the caller matched it as one, so a failure is worth hearing about.
The units live in ``resources/units.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import srsly

from ..errors import DisclosureError, Errors
from ..resources import resource_path
from .numbers import (
    NumberValue,
    chinese_integer,
    normalize_text,
    parse_number,
)

UNITS_FILE = "units.json"
PERCENT_SIGN = "%"  # ％ folds to % under NFKC
PERCENT_PREFIX = "百分之"
PERCENT_POINTS = "百分点"
TENTHS_SUFFIX = "成"  # 八成 = 80 %, 九成五 = 95 %
POST_UNIT_MARKERS = ("左右", "以上")  # 100人左右: the marker may follow the unit
YUAN = "元"

_TENTHS_RE = re.compile(
    f"(?P<tenths>[一二两三四五六七八九十]){TENTHS_SUFFIX}(?P<hundredths>[一二三四五六七八九])?"
)


@dataclass(frozen=True)
class CountValue:
    """The value of a COUNT: the number, its unit as written, and whether it is approximate."""

    value: int | float
    unit: str | None = None
    approximate: bool = False
    marker: str | None = None


@dataclass(frozen=True)
class MoneyValue:
    """The value of a MONEY span in yuan, with its unit as written (``万元``)."""

    value: int | float
    unit: str = "元"
    approximate: bool = False
    marker: str | None = None


@dataclass(frozen=True)
class Units:
    """The unit lists of ``resources/units.json``, longest first."""

    count_units: tuple[str, ...]
    money_units: tuple[str, ...]
    time_units: tuple[str, ...]


def _longest_first(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_units() -> Units:
    """Read ``resources/units.json`` once."""
    data = srsly.read_json(resource_path(UNITS_FILE))
    return Units(
        count_units=_longest_first(data["count_units"]),
        money_units=_longest_first(data["money_units"]),
        time_units=_longest_first(data["time_units"]),
    )


def _split_suffix(text: str, suffixes: tuple[str, ...]) -> tuple[str, str | None]:
    """Split the longest of ``suffixes`` off the end of ``text``."""
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)], suffix
    return text, None


def _with_post_marker(number: NumberValue, marker: str | None) -> NumberValue | None:
    """Add a 左右/以上 written after the unit (100人左右); None when there are two markers."""
    if marker is None:
        return number
    if number.marker is not None:  # 100余人左右
        return None
    return NumberValue(number.value, approximate=True, marker=marker)


def parse_count(text: str) -> CountValue:
    """The value of a COUNT span: ``2889条``, ``100余篇``, ``10万条次``, ``19.4万``, ``三个``.

    The unit is the measure word as written; a bare number (``19.4万``) has unit
    None. 余/多 before the unit and 左右/以上 before or after it make the value
    approximate. Raises E050 for text that is no count and E051 for a duration
    (``3个工作日``).
    """
    folded = normalize_text(text)
    units = load_units()
    body, post_marker = _split_suffix(folded, POST_UNIT_MARKERS)
    head, unit = _split_suffix(body, units.count_units)
    if unit is None:
        number = parse_number(folded)
    else:
        parsed = parse_number(head)
        number = None if parsed is None else _with_post_marker(parsed, post_marker)
    if number is None:
        _, time_unit = _split_suffix(folded, units.time_units)
        if time_unit is not None and parse_number(folded[: -len(time_unit)]) is not None:
            raise DisclosureError(Errors.E051.format(text=text, unit=time_unit))
        raise DisclosureError(Errors.E050.format(text=text))
    return CountValue(number.value, unit, number.approximate, number.marker)


def _parse_tenths(text: str) -> NumberValue | None:
    """``八成`` -> 80, ``九成五`` -> 95, ``十成`` -> 100."""
    match = _TENTHS_RE.fullmatch(text)
    if match is None:
        return None
    tenths = chinese_integer(match["tenths"])
    hundredths = chinese_integer(match["hundredths"]) if match["hundredths"] else 0
    if tenths is None or hundredths is None or (tenths == 10 and hundredths):
        return None
    return NumberValue(tenths * 10 + hundredths)


def _parse_percent_number(text: str) -> NumberValue | None:
    """The number after ``百分之``, before ``%`` or before ``成``."""
    if text.startswith(PERCENT_PREFIX):
        return parse_number(text[len(PERCENT_PREFIX) :])
    body, post_marker = _split_suffix(text, POST_UNIT_MARKERS)
    if body.endswith(PERCENT_SIGN):
        number = parse_number(body[: -len(PERCENT_SIGN)])
    elif body.endswith(PERCENT_POINTS):
        number = parse_number(body[: -len(PERCENT_POINTS)].rstrip().removesuffix("个").rstrip())
    else:
        number = _parse_tenths(body)
    return None if number is None else _with_post_marker(number, post_marker)


def parse_percent(text: str) -> NumberValue:
    """The value of a PERCENT span as a number of percent.

    ``100%`` -> 100, ``98.2%`` -> 98.2, ``８０％`` -> 80, ``百分之九十`` -> 90,
    ``八成`` -> 80, ``12.5个百分点`` -> 12.5 (a difference in percentage points, GUIDELINE.md
    section 8, decision 24). A ``左右``/``以上`` after it makes the value approximate.
    Raises E052 for text that is no percentage.
    """
    number = _parse_percent_number(normalize_text(text))
    if number is None:
        raise DisclosureError(Errors.E052.format(text=text))
    return number


def parse_money(text: str) -> MoneyValue:
    """The value of a MONEY span in yuan: ``27.6万元`` -> 276000, ``1316.84万元`` -> 13168400.

    The unit is the span's ending as written (``万元``, ``元``, ``亿元``). Raises
    E053 for text that is no amount of money.
    """
    folded = normalize_text(text)
    units = load_units()
    body, post_marker = _split_suffix(folded, POST_UNIT_MARKERS)
    _, unit = _split_suffix(body, units.money_units)
    parsed = parse_number(body[: -len(YUAN)]) if unit else None
    number = None if parsed is None else _with_post_marker(parsed, post_marker)
    if number is None or unit is None:
        raise DisclosureError(Errors.E053.format(text=text, units=", ".join(units.money_units)))
    return MoneyValue(number.value, unit, number.approximate, number.marker)
