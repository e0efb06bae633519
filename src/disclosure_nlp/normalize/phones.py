"""Values of HOTLINE spans: the digits of a telephone or service number.

:func:`normalize_phone` keeps the digits (``0812-2222301`` -> ``"08122222301"``);
:func:`is_plausible_phone` says whether digits can be a Chinese phone number at
all, so that callers can reject postcodes (``223100``), years and index numbers.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import DisclosureError, Errors

# an extension after the number is no part of its value: 0523-86839755转8001
EXTENSION_RE = re.compile(r"(?:转|分机|ext\.?)\s*\d+\s*$", re.IGNORECASE)
COUNTRY_PREFIX_RE = re.compile(r"^\s*[(]?\s*(?:\+|00)86\s*[)]?")
SERVICE_NUMBER_LENGTH = 5  # 12345, 12317, 12388, 12315
LOCAL_LENGTHS = (7, 8)
MOBILE_LENGTH = 11
MOBILE_SECOND_DIGITS = "3456789"
TOLL_FREE_PREFIXES = ("400", "800")
TOLL_FREE_LENGTH = 10
# area codes: 010 and 02x have three digits, 03xx-09xx four
THREE_DIGIT_AREA_RE = re.compile(r"0(?:10|2\d)")
FOUR_DIGIT_AREA_RE = re.compile(r"0[3-9]\d\d")


def normalize_phone(text: str) -> str:
    """The digits of a phone number: ``"(0517)87222589"`` -> ``"051787222589"``.

    Full-width digits are folded; separators, brackets and spaces dropped; a
    +86/0086 country prefix and a trailing extension (``转8001``) removed.
    Raises E055 when the text has no digits.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = COUNTRY_PREFIX_RE.sub("", folded)
    folded = EXTENSION_RE.sub("", folded)
    digits = "".join(c for c in folded if c.isascii() and c.isdigit())
    if not digits:
        raise DisclosureError(Errors.E055.format(text=text))
    return digits


def _is_local(digits: str) -> bool:
    """A local number: 7 or 8 digits, not starting with 0 or 1."""
    return len(digits) in LOCAL_LENGTHS and digits[0] not in "01"


def _is_landline_with_area_code(digits: str) -> bool:
    """An area code (010, 02x: then 8 digits; 0xxx: then 7 or 8) and a local number."""
    if THREE_DIGIT_AREA_RE.match(digits) and len(digits) == 3 + max(LOCAL_LENGTHS):
        return _is_local(digits[3:])
    if FOUR_DIGIT_AREA_RE.match(digits):
        return _is_local(digits[4:])
    return False


def is_plausible_phone(digits: str) -> bool:
    """Whether ``digits`` can be a phone number in a report.

    Accepted: 5-digit service numbers starting with 1 (``12345``, ``12317``);
    local numbers of 7-8 digits; landlines with an area code (``08122222301``);
    mobiles (11 digits, ``1[3-9]…``); 400/800 numbers (10 digits). Postcodes
    (6 digits), years (4) and other digit runs are not.
    """
    if not digits.isascii() or not digits.isdigit():
        return False
    length = len(digits)
    if length == SERVICE_NUMBER_LENGTH:
        return digits[0] == "1"
    if length == MOBILE_LENGTH and digits[0] == "1":
        return digits[1] in MOBILE_SECOND_DIGITS
    if length == TOLL_FREE_LENGTH and digits.startswith(TOLL_FREE_PREFIXES):
        return True
    if digits[0] == "0":
        return _is_landline_with_area_code(digits)
    return _is_local(digits)
