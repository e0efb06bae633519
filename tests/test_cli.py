"""The command line on bad input: one coded line, exit 1, no traceback; and what a batch
run writes for file names that are no UTF-8, outputs inside input folders and doc_ids
that two files share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, corpus_text


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", *args],
        capture_output=True, text=True, cwd=cwd, timeout=600, check=False,
    )  # fmt: skip


def one_line_error(run: subprocess.CompletedProcess, code: str) -> str:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and f"[{code}]" in lines[0], lines
    return lines[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "seed-000.txt"
    path.write_text(corpus_text("seed-000"), encoding="utf-8")
    return path


def test_extract_into_a_folder_that_does_not_exist(report, tmp_path):
    run = cli("extract", str(report), "-o", str(tmp_path / "no" / "f.jsonl"))
    line = one_line_error(run, "E042")
    assert "does not exist" in line


def test_extract_onto_a_folder(report, tmp_path):
    line = one_line_error(cli("extract", str(report), "-o", str(tmp_path)), "E042")
    assert "it is a folder" in line


def test_extract_onto_one_of_its_input_files(report, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(corpus_text("seed-000"), encoding="utf-8")
    before = report.read_bytes()
    for args in ([str(report)], [str(other), str(report)]):
        line = one_line_error(cli("extract", *args, "-o", str(report)), "E045")
        assert "would overwrite it" in line
    assert report.read_bytes() == before


def test_train_without_its_config(tmp_path):
    line = one_line_error(cli("train", str(tmp_path / "nope.cfg"), "-o", str(tmp_path)), "E043")
    assert "configs/ner.cfg" in line


def test_evaluate_without_its_gold_file(tmp_path):
    one_line_error(cli("evaluate", "default", str(tmp_path / "nope.jsonl")), "E034")


def test_evaluate_with_a_broken_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("not json\n", encoding="utf-8")
    one_line_error(cli("evaluate", "default", str(gold)), "E034")


def test_evaluate_an_unknown_split():
    line = one_line_error(
        cli("evaluate", "default", "annotations/gold.jsonl", "--split", "heldout"), "E036"
    )
    assert "['dev', 'test', 'train']" in line


def test_evaluate_finds_the_corpus_beside_the_gold_file_from_any_folder(tmp_path):
    facts = tmp_path / "facts.jsonl"  # no predictions: every gold entity is missed
    facts.write_text('{"doc_id": "seed-000", "kind": "document"}\n', encoding="utf-8")
    run = cli("evaluate", str(facts), str(REPO / "annotations" / "gold.jsonl"), "--split", "dev",
              cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "split: dev, gold documents: 18" in run.stdout
    assert "has no records of 17 of the 18 gold documents" in run.stderr  # but of seed-000


def test_evaluate_a_facts_file_that_does_not_exist(tmp_path):
    one_line_error(cli("evaluate", str(tmp_path / "facts.jsonl"), "annotations/gold.jsonl"), "E037")


def test_a_batch_with_a_gbk_file_name_an_output_inside_and_a_shared_doc_id(tmp_path):
    folder = tmp_path / "batch"
    (folder / "web").mkdir(parents=True)
    text = corpus_text("gidar-009")
    gbk_name = os.path.join(os.fsencode(folder), "年度报告".encode("gbk") + b".txt")
    with open(gbk_name, "wb") as handle:  # a name as a Windows archive writes it
        handle.write(text.encode("utf-8"))
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "web" / "a.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (folder / "long.txt").write_text(text * 20, encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")  # a link that leads to itself
    out = folder / "facts.jsonl"
    out.write_text("", encoding="utf-8")  # left by an earlier run
    limit = len(text.encode("utf-8")) * 2
    # the folder, and one of its files again: each file is read once
    run = cli(
        "extract", str(folder), str(folder / "a.txt"), "-o", str(out), "--max-bytes", str(limit)
    )
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = [d for d in records if d["kind"] == "document"]
    assert sorted((d["doc_id"], d["status"]) for d in docs) == [
        ("a", "ok"), ("a", "ok"), ("long", "error"), ("loop", "error"), ("年度报告", "ok"),
    ]  # fmt: skip
    assert "(2 documents with an error record)" in run.stderr
    assert next(d for d in docs if d["doc_id"] == "年度报告")["source"].endswith("年度报告.txt")
    assert "note: 1 doc_id shared by several files" in run.stderr and ": a" in run.stderr
