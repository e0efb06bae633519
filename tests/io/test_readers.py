"""Readers: encodings detected from the bytes, bad files give coded errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from disclosure_nlp.io.readers import (
    decode_bytes,
    iter_input_files,
    path_text,
    read_document,
    skipped_files,
)
from tests.conftest import corpus_text

SEED = "seed-004"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("big5", "big5"),
    ],
)
def test_real_report_in_each_encoding(tmp_path, encoding, expected):
    # big5 cannot encode simplified characters: use the corpus report in traditional script
    doc_id = "gidar-063" if encoding == "big5" else SEED
    text = corpus_text(doc_id)
    data = text.encode(encoding, errors="strict")
    path = tmp_path / f"{doc_id}.txt"
    path.write_bytes(data)
    result = read_document(path)
    assert result.error is None
    assert result.encoding == expected
    assert result.text == text
    assert result.doc_id == doc_id


def test_suffix_does_not_decide_encoding(tmp_path):
    text = corpus_text(SEED)
    path = tmp_path / "report.TXT"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).text == text


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E002"),
        ("binary.txt", bytes(range(256)) * 20, "E003"),
        ("pdf.txt", b"%PDF-1.7\n\x00\x01\x02\x03binary\x00stream" * 50, "E003"),
        ("blank.txt", "  \n\u3000\n".encode(), "E007"),
        ("report.pdf", b"%PDF-1.7", "E006"),
    ],
)
def test_bad_files_give_coded_errors(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    result = read_document(path)
    assert not result.ok
    assert f"[{code}]" in result.error


def test_missing_and_huge_files(tmp_path):
    assert "[E001]" in read_document(tmp_path / "nope.txt").error
    big = tmp_path / "big.txt"
    big.write_text("政府信息公开" * 100, encoding="utf-8")
    assert "[E005]" in read_document(big, max_bytes=100).error


def test_a_file_that_cannot_be_read_is_no_missing_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("发布信息30条。", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    error = read_document(path).error
    assert error.startswith("[E009]") and "Permission denied" in error and "not found" not in error


def test_undecodable_bytes_are_an_error():
    # lone continuation bytes and invalid GB18030/Big5 sequences
    with pytest.raises(ValueError, match=r"E00[34]"):
        decode_bytes(b"\x80\xff\xfe\x80" * 100 + b"\xff", "x.txt")


def test_links_that_lead_nowhere_are_reported_not_dropped(tmp_path):
    (tmp_path / "r1.txt").write_text("发布信息30条。", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    found = sorted(p.name for p, _ in iter_input_files([tmp_path]))
    assert found == ["gone.txt", "r1.txt"]
    assert [p.name for p in skipped_files([tmp_path])] == ["loop"]
    result = read_document(tmp_path / "gone.txt")
    assert not result.ok and result.error.startswith("[E001]")


def test_folders_are_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "r1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "r2.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("x", encoding="utf-8")
    found = [p.name for p, _ in iter_input_files([tmp_path])]
    assert found == ["r2.html", "r1.txt"] or sorted(found) == ["r1.txt", "r2.html"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("年度报告".encode("gbk") + b".txt", "年度报告.txt"),  # a Windows archive's name
        ("年度报告".encode() + b".txt", "年度报告.txt"),
        (b"\xff\xfe\x81.txt", "\\xff\\xfe\\x81.txt"),  # neither: escaped, never lost
        (b"plain.txt", "plain.txt"),
    ],
)
def test_path_text_turns_file_name_bytes_into_text(raw, expected):
    assert path_text(os.fsdecode(raw)) == expected


def test_a_file_named_in_gbk_keeps_its_chinese_doc_id(tmp_path):
    name = os.path.join(os.fsencode(tmp_path), "年度报告".encode("gbk") + b".txt")
    with open(name, "wb") as handle:
        handle.write(corpus_text(SEED).encode("utf-8"))
    (path,) = [p for p, _ in iter_input_files([tmp_path])]
    result = read_document(path)
    assert result.ok and result.doc_id == "年度报告" and result.source.endswith("年度报告.txt")


def test_one_path_given_as_a_string_is_one_path(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert [p.name for p, _ in iter_input_files(str(tmp_path))] == ["a.txt"]
    assert [p.name for p, _ in iter_input_files(tmp_path / "a.txt")] == ["a.txt"]


def test_doc_ids_by_name_or_by_path(tmp_path):
    from disclosure_nlp.io.readers import doc_id_of

    path = tmp_path / "2019" / "report.txt"
    assert doc_id_of(path) == "report"
    assert doc_id_of(path, "path") == path.as_posix()
    with pytest.raises(ValueError, match="E044"):
        doc_id_of(path, "stem")
