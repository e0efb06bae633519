"""Tests of disclosure_nlp.normalize.doc_numbers; the cases come from corpus/ where noted."""

from __future__ import annotations

import pytest

from disclosure_nlp.normalize import parse_doc_number

# (span, issuer, year, serial)
DOC_NUMBER_CASES = [
    ("攀东府办〔2019〕29号", "攀东府办", 2019, 29),
    ("攀东府办〔2019〕40号", "攀东府办", 2019, 40),
    ("国办公开函{2019}61号", "国办公开函", 2019, 61),
    ("国办公开办函〔2021〕30号", "国办公开办函", 2021, 30),
    ("国办公开办函〔2021〕30 号", "国办公开办函", 2021, 30),
    ("琼政务公开协办[2016]69号", "琼政务公开协办", 2016, 69),
    ("国办发〔2016〕19号", "国办发", 2016, 19),
    ("中办发〔2016〕8号", "中办发", 2016, 8),
    ("辽政办明电〔2021〕1号", "辽政办明电", 2021, 1),
    ("仙政办(2016)58号", "仙政办", 2016, 58),
    ("仙政办（2016）58号", "仙政办", 2016, 58),
    ("武政办【2014】153号", "武政办", 2014, 153),
    ("商政办函［2021］99号", "商政办函", 2021, 99),
    ("国办发﹝2016﹞19号", "国办发", 2016, 19),
    ("国办发〔2016〕第19号", "国办发", 2016, 19),
    ("国令第711号", "国令", None, 711),
    ("国令第 711 号", "国令", None, 711),
    ("国务院令第711号", "国令", None, 711),
    ("国务院令711号", "国令", None, 711),  # 第 left out
    ("国务院第711号令", "国令", None, 711),  # the order's number before 令
    ("国务院492号令", "国令", None, 492),
    ("国务院令第492号", "国令", None, 492),
    ("国令第七百一十一号", "国令", None, 711),
    ("财政部令第8号", "财政部令", None, 8),
]

NOT_DOC_NUMBERS = [
    "",
    "〔2019〕29号",  # no issuer
    "第711号",  # no order series
    "国办发〔16〕19号",  # a two-digit year
    "国办发〔2016〕号",  # no serial
    "攀东府办〔2019〕0号",
    "国办发〔1066〕19号",  # implausible year
    "2019年",
    "《国办发〔2016〕19号》",  # title marks are outside the span
]


@pytest.mark.parametrize(("text", "issuer", "year", "serial"), DOC_NUMBER_CASES)
def test_parse_doc_number(text: str, issuer: str, year: int | None, serial: int) -> None:
    assert parse_doc_number(text) == {"issuer": issuer, "year": year, "serial": serial}


@pytest.mark.parametrize("text", NOT_DOC_NUMBERS)
def test_parse_doc_number_rejects(text: str) -> None:
    assert parse_doc_number(text) is None
