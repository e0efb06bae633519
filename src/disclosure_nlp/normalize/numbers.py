"""Parse the numbers written in report prose into values.

A number is Arabic (``1,316.84``, full-width ``２０１９``), Chinese
(``二千八百八十九``, ``一百零五``, ``三千五``, ``两``), or mixed (``19.4万``,
``2.5亿``, ``一万二``), optionally followed by an approximation marker that is
part of the span (``100余``, ``40多``, ``10余万``, ``5左右``). Modifiers written
*before* a number (``近``, ``约``, ``超过``, ``累计`` ...) are not part of a span;
:func:`split_modifiers` finds them so that callers can record them.

Arithmetic runs on :class:`decimal.Decimal`, so ``1316.84万`` is exactly
13168400; whole values come back as ``int``, others as ``float``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

# digits, including the financial forms and the circles PDFs use for zero
CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
ZERO_CHARS = "零〇○"
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"亿": 10**8, "万": 10**4}
# multipliers that may follow an Arabic number (19.4万, 3千, 2千万)
MULTIPLIERS: dict[str, int] = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
DECIMAL_POINT_CHINESE = "点"
ASCII_DIGITS = "0123456789"
# digits read one by one need at least this many characters (二〇一九, not 二三 "two or three")
MIN_POSITIONAL_LENGTH = 3
# approximation markers attached after a number, inside the span
APPROX_MARKERS_INNER = ("余", "多")  # may also stand before a multiplier: 10余万
APPROX_MARKERS_FINAL = ("左右", "以上", "余", "多")
# modifiers written before a number, outside the span, with what they say
MODIFIERS: dict[str, str] = {
    "近": "approximate",
    "将近": "approximate",
    "接近": "approximate",
    "约": "approximate",
    "大约": "approximate",
    "大概": "approximate",
    "超过": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "多于": "more_than",
    "高于": "more_than",
    "突破": "more_than",
    "破": "more_than",
    "至少": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "不足": "less_than",
    "不到": "less_than",
    "少于": "less_than",
    "低于": "less_than",
    "不超过": "at_most",
    "最多": "at_most",
    "累计": "total",
    "共": "total",
    "共计": "total",
    "一共": "total",
    "总共": "total",
    "总计": "total",
    "合计": "total",
    "达": "reached",
    "达到": "reached",
    "达到了": "reached",
    "高达": "reached",
    "多达": "reached",
}

_ARABIC_RE = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)
_DECIMAL_COMMA_RE = re.compile(r"\d+,\d{1,2}", re.ASCII)
_CHINESE_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_INNER = "|".join(APPROX_MARKERS_INNER)
# 19.4万, 10余万, 2千万; 十余万, 一百多万
_ARABIC_MULTIPLIED_RE = re.compile(
    f"(?P<number>[0-9.,]+)(?P<marker>{_INNER})?(?P<multipliers>[{''.join(MULTIPLIERS)}]+)"
)
_CHINESE_INNER_MARKER_RE = re.compile(
    f"(?P<number>[{_CHINESE_CHARS}]+)(?P<marker>{_INNER})(?P<multipliers>[{''.join(BIG_UNITS)}]+)"
)
_SPACE_RE = re.compile(r"\s+")
_MODIFIERS_LONGEST_FIRST = tuple(sorted(MODIFIERS, key=len, reverse=True))


@dataclass(frozen=True)
class NumberValue:
    """A parsed number: its value, and the approximation marker written after it."""

    value: int | float
    approximate: bool = False
    marker: str | None = None


def normalize_text(text: str) -> str:
    """NFKC-fold ``text`` (full-width digits and signs to ASCII) and drop all white space."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text))


def to_number(value: Decimal) -> int | float:
    """``int`` for a whole value, ``float`` otherwise."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_arabic(text: str) -> Decimal | None:
    """Parse ASCII digits with an optional decimal point and thousands separators.

    ``1,316.84`` has thousands separators. A single comma that cannot be one
    (``0,02``) is read as a damaged decimal point.
    """
    if _ARABIC_RE.fullmatch(text):
        return Decimal(text)
    if _GROUPED_RE.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _DECIMAL_COMMA_RE.fullmatch(text):
        return Decimal(text.replace(",", "."))
    return None


def _digit_value(text: str) -> int | None:
    """The value of one Chinese digit, or None."""
    if len(text) != 1:
        return None
    return CHINESE_DIGITS.get(text)


def digit_string(text: str) -> str | None:
    """Digits read one by one as a string: ``二〇一九`` -> ``"2019"``, ``二0一七`` -> ``"2017"``."""
    digits = []
    for char in text:
        if char in ASCII_DIGITS:
            digits.append(char)
        elif char in CHINESE_DIGITS and char != "两":
            digits.append(str(CHINESE_DIGITS[char]))
        else:
            return None
    return "".join(digits) or None


def _lower_part(text: str, unit: int, parse: Callable[[str], int | None]) -> int | None:
    """The part after a unit character: ``零五`` (5), ``五`` (5 * unit / 10), ``八十九``."""
    if text == "":
        return 0
    if text[0] in ZERO_CHARS:
        rest = text.lstrip(ZERO_CHARS)
        value = parse(rest) if rest else None
        return value if value is not None and value < unit // 10 else None
    digit = _digit_value(text)
    if digit is not None:  # 三千五 = 3500, 一万二 = 12000
        return digit * unit // 10
    value = parse(text)
    return value if value is not None and value < unit else None


def _section(text: str) -> int | None:
    """A Chinese number below 10000 written with 十/百/千, or one digit."""
    digit = _digit_value(text)
    if digit is not None:
        return digit
    unit_char = next((c for c in text if c in SMALL_UNITS), None)
    if unit_char is None:
        return None
    unit = SMALL_UNITS[unit_char]
    if any(SMALL_UNITS.get(c, 0) > unit for c in text):  # 八百二千
        return None
    high, low = text.split(unit_char, 1)
    high_value = 1 if high == "" else _digit_value(high)
    if high_value is None:
        return None
    low_value = _lower_part(low, unit, _section)
    return None if low_value is None else high_value * unit + low_value


def chinese_integer(text: str) -> int | None:
    """A Chinese integer: ``一百零五`` 105, ``十二`` 12, ``一万二`` 12000, ``三千五`` 3500."""
    for char, unit in BIG_UNITS.items():
        if char in text:
            high, low = text.split(char, 1)
            high_value = chinese_integer(high)
            if not high_value:
                return None
            low_value = _lower_part(low, unit, chinese_integer)
            return None if low_value is None else high_value * unit + low_value
    return _section(text)


def parse_chinese(text: str) -> Decimal | None:
    """Parse a Chinese numeral, with 点 as decimal point; bare digit runs read positionally."""
    if DECIMAL_POINT_CHINESE in text:
        whole, fraction = text.split(DECIMAL_POINT_CHINESE, 1)
        whole_value = chinese_integer(whole)
        fraction_digits = digit_string(fraction)
        if whole_value is None or fraction_digits is None:
            return None
        return Decimal(f"{whole_value}.{fraction_digits}")
    positional = digit_string(text)
    if positional is not None:
        return Decimal(positional) if len(text) >= MIN_POSITIONAL_LENGTH or len(text) == 1 else None
    value = chinese_integer(text)
    return None if value is None else Decimal(value)


def _multiplier(chars: str) -> int:
    """The product of a run of multipliers: ``千万`` -> 10**7."""
    factor = 1
    for char in chars:
        factor *= MULTIPLIERS[char]
    return factor


def _strip_final_marker(text: str) -> tuple[str, str | None]:
    """Split a final approximation marker off: ``100余`` -> (``100``, ``余``)."""
    for marker in APPROX_MARKERS_FINAL:
        if text.endswith(marker) and len(text) > len(marker):
            return text[: -len(marker)], marker
    return text, None


def _parse_core(text: str) -> tuple[Decimal, str | None] | None:
    """Parse a number without its final marker; returns (value, inner marker)."""
    arabic = parse_arabic(text)
    if arabic is not None:
        return arabic, None
    for pattern, parse in (
        (_ARABIC_MULTIPLIED_RE, parse_arabic),
        (_CHINESE_INNER_MARKER_RE, parse_chinese),
    ):
        match = pattern.fullmatch(text)
        if match:
            value = parse(match["number"])
            if value is None:
                return None
            return value * _multiplier(match["multipliers"]), match["marker"]
    allowed = _CHINESE_CHARS + DECIMAL_POINT_CHINESE
    if text == "" or any(c not in allowed and c not in ASCII_DIGITS for c in text):
        return None
    value = parse_chinese(text)
    return None if value is None else (value, None)


def parse_number(text: str) -> NumberValue | None:
    """Parse a number span such as ``2889``, ``1,316.84``, ``19.4万``, ``三千五`` or ``100余``.

    White space and full-width forms are folded first. Returns None when the
    text is not a number alone (a modifier before it, a unit after it).
    """
    core, final_marker = _strip_final_marker(normalize_text(text))
    parsed = _parse_core(core)
    if parsed is None:
        return None
    value, inner_marker = parsed
    if inner_marker and final_marker:  # 10余万多
        return None
    marker = inner_marker or final_marker
    return NumberValue(to_number(value), approximate=marker is not None, marker=marker)


def split_modifiers(prefix_text: str) -> tuple[str, tuple[str, ...]]:
    """Split the modifiers at the end of the text before a number off that text.

    ``split_modifiers("订阅人数达")`` -> ``("订阅人数", ("达",))``;
    ``split_modifiers("累计超过")`` -> ``("", ("累计", "超过"))``. The modifiers
    come back in reading order; :data:`MODIFIERS` says what each one means.
    Longer modifiers win over shorter ones (``不超过`` over ``超过``).
    """
    rest = prefix_text.rstrip()
    found: list[str] = []
    while True:
        modifier = next((m for m in _MODIFIERS_LONGEST_FIRST if rest.endswith(m)), None)
        if modifier is None:
            return rest, tuple(reversed(found))
        found.append(modifier)
        rest = rest[: -len(modifier)].rstrip()
