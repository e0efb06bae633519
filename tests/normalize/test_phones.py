"""Tests of disclosure_nlp.normalize.phones; the cases come from corpus/ where noted."""

from __future__ import annotations

import pytest

from disclosure_nlp.errors import DisclosureError
from disclosure_nlp.normalize import is_plausible_phone, normalize_phone

# (span, digits); the comment names the corpus file and context
PHONE_CASES = [
    ("0812-2222301", "08122222301"),  # 联系电话:0812-2222301
    ("(0517)87222589", "051787222589"),
    ("（0517）87222589", "051787222589"),
    ("0517-87222589", "051787222589"),  # gidar-104 电 话 ： 0517-87222589
    ("0352—6629345", "03526629345"),  # 电话:0352—6629345 (an em dash)
    ("0435—4650003", "04354650003"),
    (" 0598-8241658", "05988241658"),  # 联系电话: 0598-8241658
    ("０５１７－８７２２２５８９", "051787222589"),
    ("0523 8911 8222", "052389118222"),
    ("12345", "12345"),  # 通过12345平台
    ("12317", "12317"),  # “12317”扶贫监督举报电话
    ("63582606", "63582606"),  # (电话:63582606
    ("5223283", "5223283"),  # 机关办公电话:5223283
    ("0523-86839755转8001", "052386839755"),  # an extension is no part of the number
    ("+86 138 1234 5678", "13812345678"),
    ("400-812-3123", "4008123123"),
]


@pytest.mark.parametrize(("text", "digits"), PHONE_CASES)
def test_normalize_phone(text: str, digits: str) -> None:
    assert normalize_phone(text) == digits


@pytest.mark.parametrize("text", ["", "电话", "()-"])
def test_normalize_phone_rejects_text_without_digits(text: str) -> None:
    with pytest.raises(DisclosureError, match=r"\[E055\]"):
        normalize_phone(text)


PLAUSIBLE = [
    "12345",
    "12317",
    "12388",
    "12315",
    "12333",  # gidar-046 12333回应公众关切
    "08122222301",
    "051787222589",
    "01063582606",  # Beijing: 010 and 8 digits
    "02188888888",  # Shanghai: 021 and 8 digits
    "5223283",
    "63582606",
    "13812345678",
    "4008123123",
    "8008123123",
]

IMPLAUSIBLE = [
    "223100",  # postcode (邮编：223100)
    "134000",  # postcode (邮编134000)
    "2019",  # a year
    "113307033075",  # 索引号
    "0142581323",  # 索引号 0142581323: no area code 014
    "0211234567",  # 021 needs 8 more digits
    "12812345678",  # no mobile prefix 12
    "95598",  # 5 digits not starting with 1
    "1234567",  # local numbers do not start with 1
    "0123",
    "",
    "0812-2222301",  # not normalized
    "１２３４５",  # not normalized
]


@pytest.mark.parametrize("digits", PLAUSIBLE)
def test_is_plausible_phone(digits: str) -> None:
    assert is_plausible_phone(digits)


@pytest.mark.parametrize("digits", IMPLAUSIBLE)
def test_is_plausible_phone_rejects(digits: str) -> None:
    assert not is_plausible_phone(digits)
