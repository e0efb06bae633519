"""Pure normalizers: the values of numbers, counts, percentages, money, dates,
phone numbers and document numbers written in report prose. No spaCy here."""

from __future__ import annotations

from .dates import parse_date
from .doc_numbers import DocNumber, parse_doc_number
from .numbers import MODIFIERS, NumberValue, parse_number, split_modifiers
from .phones import is_plausible_phone, normalize_phone
from .quantities import CountValue, MoneyValue, parse_count, parse_money, parse_percent

__all__ = [
    "MODIFIERS",
    "CountValue",
    "DocNumber",
    "MoneyValue",
    "NumberValue",
    "is_plausible_phone",
    "normalize_phone",
    "parse_count",
    "parse_date",
    "parse_doc_number",
    "parse_money",
    "parse_number",
    "parse_percent",
    "split_modifiers",
]
