"""Values of DATE spans: ISO 8601 at the precision the text states.

``2019年`` -> ``"2019"``, ``2019年8月`` -> ``"2019-08"``, ``2017年11月17日`` ->
``"2017-11-17"``; ranges and parts of a year come back as ``start/end``
(``2019年1月1日起至12月31日`` -> ``"2019-01-01/2019-12-31"``, ``上半年`` ->
``"YYYY-01/YYYY-06"``). A month or day without a year takes the report's year.

The text is folded first (full-width forms to ASCII, white space and PDF line
breaks removed), so ``2023 年 1 月 1 日\\n起至 2023 年 12 月 31 日`` parses.
Years may be written in Chinese digits (``二〇一九年``, ``二0一七年``), months
and days in Chinese numerals (``十一月十七日``).

Parts of a month stay at the month's precision (``2020年12月底`` -> ``"2020-12"``,
``11月中旬``); dates written with dots or slashes read like written ones
(``2018.1.1—2018.12.31`` -> ``"2018-01-01/2018-12-31"``); ``元月`` is January.

Damaged text: digits run together before 日 are read when one reading is
evident: ``202251日`` -> ``"2022-05-01"``, ``20251231日`` -> ``"2025-12-31"``,
``201211日至1231日`` -> ``"2012-01-01/2012-12-31"``. Three digits of month and
day that allow two readings (``2019111日``: 1-11 or 11-1) give None.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from ..errors import DisclosureError, Errors
from .numbers import chinese_integer, digit_string, normalize_text

YEAR_MIN = 1900
YEAR_MAX = 2100
RANGE_MARK = "/"
# parts of a year: (first month, last month)
YEAR_EDGES: dict[str, tuple[int, int]] = {
    "初": (1, 1),
    "中": (6, 7),
    "底": (12, 12),
    "末": (12, 12),
    "终": (12, 12),  # 年终 is 年底 (GUIDELINE.md decision 25)
}
HALVES: dict[str, tuple[int, int]] = {"上": (1, 6), "下": (7, 12)}
MONTHS_PER_QUARTER = 3
OPEN_CLOSE_WORDS = ("起", "始", "止")  # 1月1日起, 1月1日始, 12月31日止

_DIGIT = "0-9〇○零一二三四五六七八九"
_NUMERAL = _DIGIT + "十两"
# a range separator: 至, 起至 (also 起,至, 始,至 and ,至), 到, or a run of dashes and tildes
_SEPARATOR_RE = re.compile(r"(?:[起始])?[,，]?(?:至|到|[-—–―~〜]+)")
# 一 between a date unit or digit and an Arabic digit is a dash (6月14日一15日), not a numeral
_ONE_AS_DASH_RE = re.compile(r"(?<=[0-9年月日号])一(?=[0-9])")
_YEAR_RE = re.compile(f"(?P<year>[{_DIGIT}Oo]{{4}})(?=年)")
_EDGE_RE = re.compile(f"年(?P<edge>[{''.join(YEAR_EDGES)}]|度)?")
_HALF_RE = re.compile(f"(?:年度?)?(?P<half>[{''.join(HALVES)}])半年")
_QUARTER_RE = re.compile(r"(?:年度?)?(?P<first>前)?第?(?P<quarter>[1-4一二三四两])个?季度")
_MONTH_DAY_RE = re.compile(
    r"年?"
    rf"(?:(?P<month>[0-9]{{1,2}}|[{_NUMERAL}]{{1,3}})月)?"
    rf"(?:(?P<day>[0-9]{{1,2}}|[{_NUMERAL}]{{1,3}})[日号])?"
    rf"(?P<bare>[0-9]{{1,4}}|[{_NUMERAL}]{{1,3}})?"
)
# dates written with dots or slashes: 2018.1.1, 2019/12/31 (read as 2018年1月1日)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[./])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
)
# parts of a month are read at the month's precision: 12月底, 11月中旬 -> YYYY-12, YYYY-11
_MONTH_EDGE_RE = re.compile(r"月(?:[上中下]{1,2}旬|底|末|初)")
# damaged text: year, month and day run together before 日 (202251日), or month and day (1231日)
_COMPACT_RE = re.compile(r"(?P<digits>[0-9]{3,8})[日号]")
# damaged text: a year run into its month, 年 lost (20201月1日, 202012月31日)
_GLUED_YEAR_RE = re.compile(r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?=(?:1[0-2]|[1-9])月)")


@dataclass(frozen=True)
class _Part:
    """One side of a date range, as written; missing fields are None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    bare: int | None = None  # a number without its unit: the 1 of 1—7月
    months: tuple[int, int] | None = None  # a part of a year: 上半年 (1, 6)

    @property
    def empty(self) -> bool:
        return self.month is None and self.day is None and self.months is None


def _number(text: str) -> int | None:
    """A month, day or bare number: Arabic digits or a Chinese numeral (十一, 三十一)."""
    if text.isascii():
        return int(text)
    positional = digit_string(text)
    if positional is not None:
        return int(positional)
    return chinese_integer(text)


def _year(text: str) -> int | None:
    """A four-character year: 2019, 二〇一九, 二0一七 (O for 〇 in damaged text)."""
    digits = digit_string(text.replace("O", "0").replace("o", "0"))
    return int(digits) if digits is not None else None


def _fold(text: str) -> str:
    """Fold the text and mark the range separator with RANGE_MARK."""
    folded = normalize_text(text).replace("月份", "月").replace("元月", "1月")
    folded = _NUMERIC_DATE_RE.sub(r"\g<year>年\g<month>月\g<day>日", folded)
    folded = _GLUED_YEAR_RE.sub(r"\g<year>年", folded)
    folded = _MONTH_EDGE_RE.sub("月", folded)
    folded = _ONE_AS_DASH_RE.sub(RANGE_MARK, folded)
    folded = _SEPARATOR_RE.sub(RANGE_MARK, folded)
    for word in OPEN_CLOSE_WORDS:
        folded = folded.removesuffix(word)
    return folded


def _split_month_day(digits: str, year: int | None) -> tuple[int, int] | None:
    """Month and day run together: ``51`` (5, 1), ``1231`` (12, 31), ``131`` (1, 31)."""
    cuts = {2: (1,), 3: (1, 2), 4: (2,)}.get(len(digits), ())
    readings = [(int(digits[:cut]), int(digits[cut:])) for cut in cuts]
    valid = [(m, d) for m, d in readings if _valid_day(year or 2000, m, d)]
    return valid[0] if len(valid) == 1 else None


def _parse_compact(text: str) -> _Part | None:
    """Damaged text: ``202251日`` (2022, 5, 1) or ``1231日`` (12, 31)."""
    match = _COMPACT_RE.fullmatch(text)
    if match is None:
        return None
    digits = match["digits"]
    year = int(digits[:4]) if len(digits) > 4 else None
    month_day = _split_month_day(digits[4:] if year else digits, year)
    if month_day is None:
        return None
    return _Part(year=year, month=month_day[0], day=month_day[1])


def _parse_rest(rest: str, year: int | None) -> _Part | None:
    """What follows the year: 年, 年度, 年底, 上半年, 一季度, 8月, 11月17日 ..."""
    match = _EDGE_RE.fullmatch(rest)
    if match:
        if year is None and match["edge"] in (None, "度"):
            return None  # 年, 年度 without a year are no dates
        edge = match["edge"]
        return _Part(year=year, months=YEAR_EDGES.get(edge) if edge else None)
    match = _HALF_RE.fullmatch(rest)
    if match:
        return _Part(year=year, months=HALVES[match["half"]])
    match = _QUARTER_RE.fullmatch(rest)
    if match:
        quarter = _number(match["quarter"]) or 0  # the pattern allows 1-4 only
        first = 1 if match["first"] else MONTHS_PER_QUARTER * quarter - 2
        return _Part(year=year, months=(first, MONTHS_PER_QUARTER * quarter))
    match = _MONTH_DAY_RE.fullmatch(rest)
    if match is None or (rest == "" and year is None):
        return None
    values = {key: _number(match[key]) if match[key] else None for key in ("month", "day", "bare")}
    if any(match[key] and value is None for key, value in values.items()):
        return None
    return _Part(year=year, **values)


def _parse_part(text: str) -> _Part | None:
    """Parse one side of a range."""
    if text == "":
        return None
    compact = _parse_compact(text)
    if compact is not None:
        return compact
    match = _YEAR_RE.match(text)
    year = None
    if match:
        year = _year(match["year"])
        if year is None:
            return None
        text = text[match.end() :]
    return _parse_rest(text, year)


def _resolve_bare(start: _Part, end: _Part) -> _Part | None:
    """Give the start's bare number the unit the end states: 1—7月, 6月14—15日, 2019—2020年."""
    if start.bare is None:
        return start
    if start.day is not None or start.months is not None:
        return None
    if start.month is not None:
        return replace(start, day=start.bare, bare=None)
    if start.year is not None or (end.month is not None and end.day is None):
        return replace(start, month=start.bare, bare=None)
    if end.year is not None and end.empty:
        return replace(start, year=start.bare, bare=None)
    if end.day is not None and end.month is None:
        return replace(start, day=start.bare, bare=None)
    return None


def _fill(part: _Part, year: int | None, month: int | None) -> _Part:
    """Fill a missing year, and a missing month before a day."""
    if part.year is None:
        part = replace(part, year=year)
    if part.day is not None and part.month is None:
        part = replace(part, month=month)
    return part


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _bounds(part: _Part) -> tuple[str, str] | None:
    """First and last ISO date of a resolved part, at its precision."""
    year = part.year
    if year is None or part.bare is not None or not YEAR_MIN <= year <= YEAR_MAX:
        return None
    if part.months is not None:
        first, last = part.months
        return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}"
    if part.month is None:
        return (f"{year:04d}",) * 2 if part.day is None else None
    if not 1 <= part.month <= 12:
        return None
    if part.day is None:
        return (f"{year:04d}-{part.month:02d}",) * 2
    if not _valid_day(year, part.month, part.day):
        return None
    return (f"{year:04d}-{part.month:02d}-{part.day:02d}",) * 2


def _check_report_year(report_year: int | None) -> None:
    if report_year is not None and not YEAR_MIN <= report_year <= YEAR_MAX:
        raise DisclosureError(Errors.E054.format(year=report_year, low=YEAR_MIN, high=YEAR_MAX))


def _resolve(parts: list[_Part], report_year: int | None) -> tuple[_Part, ...] | None:
    """Resolve elided units, years and months across the parts of a range."""
    if len(parts) == 1:
        return (_fill(parts[0], report_year, None),)
    start, end = parts
    resolved = _resolve_bare(start, end)
    if resolved is None or end.bare is not None:
        return None
    year = resolved.year if resolved.year is not None else end.year
    if year is None:
        year = report_year
    start = _fill(resolved, year, None)
    end = _fill(end, start.year, start.month)
    return start, end


def parse_date(text: str, report_year: int | None = None) -> str | None:
    """The ISO 8601 value of a DATE span, or None when it is none or has no year.

    ``report_year`` is the year of the report; a month, day or part of a year
    written without a year takes it. Raises E054 for an implausible
    ``report_year``.
    """
    _check_report_year(report_year)
    pieces = _fold(text).split(RANGE_MARK)
    if len(pieces) > 2:
        return None
    parts: list[_Part] = []
    for piece in pieces:
        part = _parse_part(piece)
        if part is None:
            return None
        parts.append(part)
    resolved = _resolve(parts, report_year)
    if resolved is None:
        return None
    bounds: list[tuple[str, str]] = []
    for part in resolved:
        bound = _bounds(part)
        if bound is None:
            return None
        bounds.append(bound)
    first, last = bounds[0][0], bounds[-1][1]
    if last < first:
        return None
    return first if first == last else f"{first}{RANGE_MARK}{last}"
