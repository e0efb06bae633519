"""extract(): one document record per file, bad files never stop the batch."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

import disclosure_nlp
from disclosure_nlp.io.readers import DEFAULT_MAX_BYTES
from tests.conftest import corpus_text


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    (folder / "seed-000.txt").write_text(corpus_text("seed-000"), encoding="utf-8")
    (folder / "gbk-report.txt").write_bytes(corpus_text("seed-004").encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    sub = folder / "web"
    sub.mkdir()
    body = "".join(f"<p>{line}</p>" for line in corpus_text("gidar-009").splitlines())
    (sub / "page.html").write_text(
        f"<html><body><div class='nav'>首页</div>{body}</body></html>", encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def records(batch, nlp):
    return list(disclosure_nlp.extract([batch], nlp=nlp))


def test_one_document_record_per_file(records):
    docs = {r["doc_id"]: r for r in records if r["kind"] == "document"}
    assert sorted(docs) == ["binary", "empty", "gbk-report", "page", "seed-000"]
    assert docs["empty"]["status"] == "error" and "[E002]" in docs["empty"]["error"]
    assert docs["binary"]["status"] == "error" and "[E003]" in docs["binary"]["error"]
    assert docs["gbk-report"]["status"] == "ok" and docs["gbk-report"]["encoding"] == "gb18030"
    assert docs["seed-000"]["sha256"] and docs["seed-000"]["chars"] == len(corpus_text("seed-000"))
    assert "text" in docs["page"] and "text" not in docs["seed-000"]


def test_error_documents_have_no_other_records(records):
    assert not [
        r for r in records if r["doc_id"] in ("empty", "binary") and r["kind"] != "document"
    ]


def test_section_records_and_metadata(records):
    sections = [r for r in records if r["doc_id"] == "seed-000" and r["kind"] == "section"]
    assert [s["label"] for s in sections] == [
        "OVERVIEW",
        "ACTIVE",
        "REQUESTS",
        "REVIEW",
        "PROBLEMS",
    ]
    assert sections[0]["start"] == 0 and sections[0]["heading"] == "一、总体情况"
    doc = next(r for r in records if r["doc_id"] == "gbk-report" and r["kind"] == "document")
    assert doc["year"] == 2019 and doc["format"] == "2019-statutory"
    assert doc["title"] is None  # seed-004 starts with its preamble, not a title line


def test_offsets_index_the_decoded_text(records, batch):
    text = corpus_text("seed-004")
    for r in records:
        if r["doc_id"] == "gbk-report" and r["kind"] == "section":
            assert r["start"] == 0 or (
                text[r["start"]] in "一二三四五六七" and text[r["start"] + 1] == "、"
            )


def test_cli_writes_jsonl_and_reports_bad_input(batch, tmp_path):
    out = tmp_path / "facts.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "extract", str(batch / "seed-000.txt"),
         str(batch / "empty.txt"), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert first["kind"] == "document" and first["doc_id"] == "seed-000"
    assert "一、总体情况" in out.read_text(encoding="utf-8")  # ensure_ascii=False
    assert sum(json.loads(x)["kind"] == "document" for x in lines) == 2
    assert run.stdout == ""  # quiet in a pipe: no progress bar on stdout


def test_cli_missing_input_is_a_one_line_error(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "extract", str(tmp_path / "nope"),
         "-o", str(tmp_path / "x.jsonl")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode != 0
    assert run.stderr.strip().count("\n") == 0 and "[E001]" in run.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_component_gives_an_error_record_and_the_batch_goes_on(batch, workers):
    from spacy.language import Language

    from disclosure_nlp.pipeline import blank

    @Language.component("test_fail_on_binary_word")
    def fail(doc):
        if "三明市民政局" in doc.text:
            raise RuntimeError("boom")
        return doc

    nlp = blank()
    nlp.add_pipe("test_fail_on_binary_word")
    records = list(disclosure_nlp.extract([batch], nlp=nlp, workers=workers))
    docs = {r["doc_id"]: r for r in records if r["kind"] == "document"}
    assert docs["gbk-report"]["status"] == "error"
    assert "[E008]" in docs["gbk-report"]["error"] and "boom" in docs["gbk-report"]["error"]
    assert docs["seed-000"]["status"] == "ok" and docs["page"]["status"] == "ok"


def test_worker_processes_give_the_records_of_one_process_in_its_order(batch, nlp, records):
    assert list(disclosure_nlp.extract([batch], nlp=nlp, workers=2)) == records
    assert list(disclosure_nlp.extract([batch], nlp=nlp, workers=9)) == records  # > files


def test_workers_started_by_spawn_get_the_pipeline_pickled(batch, nlp, records, monkeypatch):
    # macOS and Windows start processes by spawn: nothing is inherited
    monkeypatch.setattr(sys.modules["disclosure_nlp.extract"], "START_METHOD", "spawn")
    assert list(disclosure_nlp.extract([batch], nlp=nlp, workers=2)) == records


def test_a_worker_process_that_dies_leaves_its_files_to_the_main_process(batch, capfd, records):
    import os

    from spacy.language import Language

    from disclosure_nlp.pipeline import blank

    main = os.getpid()

    @Language.component("test_die_in_a_worker")
    def die(doc):
        if os.getpid() != main and "三明市民政局" in doc.text:
            os._exit(1)  # as the kernel's out-of-memory killer would end it
        return doc

    nlp = blank()
    nlp.add_pipe("test_die_in_a_worker")
    pooled = list(disclosure_nlp.extract([batch], nlp=nlp, workers=2))
    docs = [r for r in pooled if r["kind"] == "document"]
    assert [d["doc_id"] for d in docs] == [r["doc_id"] for r in records if r["kind"] == "document"]
    assert next(d for d in docs if d["doc_id"] == "gbk-report")["status"] == "ok"
    assert "[W003]" in capfd.readouterr().err


def test_the_default_pipeline_reads_every_text_the_reader_admits(nlp):
    # a file of max_bytes decodes to at most as many characters; spaCy's own limit
    # (1,000,000) would fail such a text with E088 (benchmarks/long_texts.py times it)
    assert nlp.max_length >= DEFAULT_MAX_BYTES


def test_one_path_may_be_given_as_a_string(batch, nlp):
    records = list(disclosure_nlp.extract(str(batch / "seed-000.txt"), nlp=nlp))
    assert [r["doc_id"] for r in records if r["kind"] == "document"] == ["seed-000"]


def test_section_records_tile_each_text(records):
    docs = {r["doc_id"]: r for r in records if r["kind"] == "document" and r["status"] == "ok"}
    for doc_id, doc in docs.items():
        mine = [r for r in records if r["doc_id"] == doc_id and r["kind"] == "section"]
        sections = sorted((r["start"], r["end"]) for r in mine)
        assert sections[-1][1] == doc["chars"], doc_id
        assert all(a[1] == b[0] for a, b in itertools.pairwise(sections)), doc_id


def test_the_packaged_pipeline_answers_to_default(nlp):
    assert disclosure_nlp.load("default").pipe_names == nlp.pipe_names


def test_doc_ids_by_path_keep_files_of_one_name_apart(tmp_path, nlp):
    for year in ("2019", "2020"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(corpus_text("gidar-009"), encoding="utf-8")
    records = list(disclosure_nlp.extract([tmp_path], nlp=nlp, doc_ids="path"))
    ids = [r["doc_id"] for r in records if r["kind"] == "document"]
    assert ids == [(tmp_path / y / "report.txt").as_posix() for y in ("2019", "2020")]
    assert {r["doc_id"] for r in records} == set(ids)
    with pytest.raises(ValueError, match="E044"):
        next(disclosure_nlp.extract([tmp_path], nlp=nlp, doc_ids="stem"))


def test_a_pdf_extraction_with_kangxi_radicals_reads_like_the_report(nlp, tmp_path):
    # PDF text extraction often writes Kangxi radicals (⼀ U+2F00, ⼈ U+2F08, ⽇ U+2F47 …)
    # for the ideographs they look like; offsets hold, so every record must be the same
    from tests.normalize.test_script import as_pdf_extraction

    text = corpus_text("gidar-012")  # train: sections, entities, statements, tables, checks
    pdf = as_pdf_extraction(text)
    assert pdf != text
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "report.txt").write_text(pdf, encoding="utf-8")

    def facts(path):
        return [
            {k: v for k, v in r.items() if k not in ("source", "sha256", "text", "heading")}
            for r in disclosure_nlp.extract([path], nlp=nlp)
        ]

    original, extracted = facts(tmp_path / "report.txt"), facts(tmp_path / "pdf" / "report.txt")
    kinds = {r["kind"] for r in original}
    assert {"section", "entity", "statement", "table", "check"} <= kinds
    assert extracted == original
