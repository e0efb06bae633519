"""Shards: the N parts of a batch are disjoint, hold every file once, and their
outputs put end to end are the output of one run over all of them."""

from __future__ import annotations

import json

import pytest

import disclosure_nlp
from disclosure_nlp.io.shards import Shard, parse_shard, take_shard
from tests.conftest import corpus_text
from tests.test_cli import cli, one_line_error


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1/1", Shard(1, 1)), ("3/8", Shard(3, 8)), (" 8 / 8 ", Shard(8, 8)), ("12/100", (12, 100))],
)
def test_parse_shard(text, expected):
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "1/0", "-1/3", "a/b", "1/3/5", ""])
def test_parse_shard_refuses_what_is_no_shard(text):
    with pytest.raises(ValueError, match=r"\[E047\]"):
        parse_shard(text)


@pytest.mark.parametrize("count", [1, 2, 3, 7, 10, 11])
def test_the_shards_are_disjoint_and_hold_every_item_once(count):
    items = [f"r{i:02}.txt" for i in range(10)]
    parts = [take_shard(items, (index, count)) for index in range(1, count + 1)]
    assert sorted(item for part in parts for item in part) == items
    sizes = [len(part) for part in parts]
    assert max(sizes) - min(sizes) <= 1  # balanced; shards beyond the items are empty


def test_no_shard_takes_everything_and_a_bad_one_raises():
    assert take_shard(["a", "b"], None) == ["a", "b"]
    with pytest.raises(ValueError, match=r"\[E047\]"):
        take_shard(["a", "b"], (3, 2))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shards")
    for year, doc_id in (("2019", "seed-000"), ("2020", "seed-003"), ("2020", "gidar-009")):
        (folder / year).mkdir(exist_ok=True)
        (folder / year / f"{doc_id}.txt").write_text(corpus_text(doc_id), encoding="utf-8")
    (folder / "2020" / "empty.txt").write_bytes(b"")  # an error record belongs to a shard too
    return folder


def test_the_shards_outputs_together_are_one_run(batch, nlp):
    whole = list(disclosure_nlp.extract([batch], nlp=nlp))
    parts = [list(disclosure_nlp.extract([batch], nlp=nlp, shard=(k, 3))) for k in (1, 2, 3)]
    assert [len([r for r in part if r["kind"] == "document"]) for part in parts] == [2, 1, 1]
    joined = [record for part in parts for record in part]
    key = json.dumps
    assert sorted(map(key, joined)) == sorted(map(key, whole))


def test_cli_shard_says_what_it_takes_and_refuses_a_bad_one(batch, tmp_path):
    out = tmp_path / "part.jsonl"
    run = cli("extract", str(batch), "--shard", "2/3", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "note: shard 2/3 takes 1 of 4 input files" in run.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # the second file in sorted order: 2020/empty.txt, after 2019/seed-000.txt
    assert [d["doc_id"] for d in docs if d["kind"] == "document"] == ["empty"]
    line = one_line_error(cli("extract", str(batch), "--shard", "4/3", "-o", str(out)), "E047")
    assert "'4/3'" in line
