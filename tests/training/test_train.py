"""Training from a config works from the repository and the result loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.util import load_config
from thinc.api import Config
from typer.testing import CliRunner

from disclosure_nlp.cli import app
from disclosure_nlp.extract import extract
from disclosure_nlp.pipeline import load, resolve_model_dir
from disclosure_nlp.training.train_baseline import config_kind, resolve_baseline
from tests.conftest import corpus_text

REPO = Path(__file__).resolve().parents[2]


def test_ner_config_trains_loads_and_extracts(tmp_path):
    out = tmp_path / "ner"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "train", "configs/ner.cfg", "-o", str(out),
         "--training.max_steps", "4", "--training.eval_frequency", "2"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    nlp = spacy.load(out / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) >= {"COUNT", "DATE", "POLICY", "CHANNEL"}
    facts = tmp_path / "facts.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "extract", "corpus/seed-000.txt", "-o", str(facts),
         "--model", str(out / "model-last")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"kind":"document"' in facts.read_text(encoding="utf-8")


# a few short train documents: enough to run the configs end to end in seconds
TINY_SPLITS = {
    "train": ["gidar-094", "gidar-086", "gidar-065", "gidar-078"],
    "dev": ["gidar-096"],
    "test": [],
}


@pytest.fixture
def tiny_splits(tmp_path) -> Path:
    path = tmp_path / "splits.json"
    srsly.write_json(path, TINY_SPLITS)
    return path


def test_spancat_config_trains_loads_and_extracts(tmp_path, tiny_splits):
    out = tmp_path / "spancat"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "train", "configs/statements_spancat.cfg",
         "-o", str(out), "--paths.splits", str(tiny_splits),
         "--training.max_steps", "4", "--training.eval_frequency", "2"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Set annotations on update for" in run.stdout
    nlp = spacy.load(out / "model-last")
    assert nlp.pipe_names == [
        "disclosure_sections", "disclosure_report_meta", "disclosure_statement_units",
        "tok2vec", "spancat", "disclosure_span_scores",
    ]  # fmt: skip
    assert set(nlp.get_pipe("spancat").labels) == {"PROBLEM", "IMPROVEMENT"}
    # threshold 0: every unit gets its most probable label, so every unit has a score
    loose = load(out)  # the training folder stands for its model-best
    loose.get_pipe("spancat").cfg["threshold"] = 0.0  # (the saved cfg wins over a config)
    doc = loose(corpus_text("gidar-094"))
    units = [(u.start_char, u.end_char) for u in doc.spans["statement_units"]]
    spans = list(doc.spans["statements"])
    assert [(s.start_char, s.end_char) for s in spans] == units
    assert all(s.label_ in ("PROBLEM", "IMPROVEMENT") for s in spans)
    assert all(isinstance(s._.score, float) and 0.0 <= s._.score <= 1.0 for s in spans)
    records = [
        r
        for r in extract([REPO / "corpus" / "gidar-094.txt"], nlp=loose)
        if r["kind"] == "statement"
    ]
    assert [(r["start"], r["end"], r["score"]) for r in records] == [
        (s.start_char, s.end_char, s._.score) for s in spans
    ]
    assert [r["section"] for r in records] == [s._.section for s in spans]
    assert records[-1]["section"] == "PROBLEMS"
    facts = tmp_path / "facts.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "extract", "corpus/gidar-094.txt", "-o",
         str(facts), "--model", str(out / "model-last")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    first = json.loads(facts.read_text(encoding="utf-8").splitlines()[0])
    assert (first["kind"], first["status"], first["year"]) == ("document", "ok", 2015)


def test_baseline_config_trains_evaluates_and_loads(tmp_path, tiny_splits):
    out = tmp_path / "baseline"
    result = CliRunner().invoke(
        app,
        ["train", "configs/statements_sklearn.cfg", "-o", str(out),
         "--paths.splits", str(tiny_splits), "--baseline.c", "2.0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "train: train (4 documents), dev: dev (1 documents)" in result.output
    assert "STATEMENTS: character P/R/F1" in result.output
    for name in ("model-best", "model-last"):
        assert (out / name / "disclosure_statement_baseline" / "model.joblib").is_file()
    saved = load_config(out / "model-best" / "baseline.cfg")
    assert saved["baseline"]["c"] == 2.0
    nlp = load(out)  # a training folder stands for its model-best
    assert "disclosure_statement_baseline" in nlp.pipe_names
    assert "disclosure_statements" not in nlp.pipe_names
    assert nlp.get_pipe("disclosure_statement_baseline").model.c == 2.0
    meta = nlp.meta["performance"]["statements"]
    assert set(meta["per_label"]) == {"PROBLEM", "IMPROVEMENT"}
    # the evaluate command scores the saved baseline like any pipeline
    result = CliRunner().invoke(
        app,
        ["evaluate", str(out), "annotations/gold.jsonl", "--split", "dev",
         "--splits", str(tiny_splits)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "split: dev, gold documents: 1" in result.output
    micro = meta["micro"]
    assert f"{micro['p']:.3f}/{micro['r']:.3f}/{micro['f']:.3f}" in result.output


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('[nlp]\nlang = "zh"\n', "pipeline"),
        ("[baseline]\nc = 1\n", "baseline"),
    ],
)
def test_config_kind(text, kind):
    assert config_kind(Config().from_str(text)) == kind


@pytest.mark.parametrize(
    "text", ['[nlp]\nlang = "zh"\n[baseline]\nc = 1\n', '[paths]\ngold = "x"\n']
)
def test_config_kind_refuses_other_configs(text):
    with pytest.raises(ValueError, match="E133"):
        config_kind(Config().from_str(text))


def test_train_command_refuses_a_config_without_nlp_or_baseline(tmp_path):
    config = tmp_path / "bad.cfg"
    config.write_text('[paths]\ngold = "annotations/gold.jsonl"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(config), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "E133" in result.output
    assert not (tmp_path / "out").exists()


def test_baseline_config_loads_and_resolves():
    config = load_config(REPO / "configs" / "statements_sklearn.cfg", interpolate=True)
    baseline, training = resolve_baseline(config)
    assert baseline.settings() == {
        "c": 4.0,
        "random_state": 0,
        "calibration_folds": 3,
        "ngram_range": (1, 3),
        "class_weight": "balanced",
    }
    assert training["train_split"] == "train" and training["dev_split"] == "dev"
    assert training["gold"] == "annotations/gold.jsonl"


def test_baseline_config_without_data_paths_is_refused():
    config = load_config(REPO / "configs" / "statements_sklearn.cfg", interpolate=True)
    del config["training"]["dev_split"]
    with pytest.raises(ValueError, match="E136"):
        resolve_baseline(config)


@pytest.mark.parametrize(
    ("key", "value"),
    [("c", 0.0), ("calibration_folds", 1), ("ngram_range", [3, 1]), ("class_weight", "even")],
)
def test_bad_baseline_settings(key, value):
    config = load_config(REPO / "configs" / "statements_sklearn.cfg", interpolate=True)
    config["baseline"][key] = value
    with pytest.raises(ValueError, match="E135"):
        resolve_baseline(config)


def test_spancat_config_loads_with_the_registered_functions():
    config = load_config(REPO / "configs" / "statements_spancat.cfg", interpolate=True)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names[-3:] == ["tok2vec", "spancat", "disclosure_span_scores"]
    spancat = nlp.get_pipe("spancat")
    assert spancat.key == "statements"
    assert spancat.cfg["max_positive"] == 1
    assert config["components"]["spancat"]["suggester"]["@misc"] == (
        "disclosure_nlp.statement_unit_suggester.v1"
    )
    assert set(config["training"]["annotating_components"]) == {
        "disclosure_sections", "disclosure_report_meta", "disclosure_statement_units",
    }  # fmt: skip


def test_a_training_folder_stands_for_its_model_best(tmp_path):
    (tmp_path / "model-best").mkdir()
    assert resolve_model_dir(tmp_path) == tmp_path  # no pipeline in model-best
    (tmp_path / "model-best" / "config.cfg").write_text("", encoding="utf-8")
    assert resolve_model_dir(tmp_path) == tmp_path / "model-best"
    assert resolve_model_dir(tmp_path / "model-best") == tmp_path / "model-best"
    assert resolve_model_dir("default") == "default"


def test_hybrid_config_trains_loads_and_extracts(tmp_path):
    # a smoke run: two train documents, one dev document, two steps
    splits = tmp_path / "splits.json"
    splits.write_text(
        json.dumps({"train": ["seed-003", "gidar-012"], "dev": ["seed-000"], "test": []}),
        encoding="utf-8",
    )
    out = tmp_path / "hybrid"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "train", "configs/ner_hybrid.cfg", "-o", str(out),
         "--paths.splits", str(splits), "--training.max_steps", "2",
         "--training.eval_frequency", "2"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    nlp = spacy.load(out / "model-last")
    names = nlp.pipe_names
    assert names.index("ner") < names.index("disclosure_entity_hold")
    assert names.index("disclosure_names") < names.index("disclosure_entity_merge")
    assert names.index("disclosure_entity_merge") < names.index("disclosure_entity_values")
    assert {"disclosure_statements", "disclosure_tables"} <= set(names)
    doc = nlp("2019年,我局通过县政府门户网站发布信息2889条。")
    assert [(e.text, e.label_, e._.value) for e in doc.ents] == [
        ("2019年", "DATE", "2019"),
        ("县政府门户网站", "CHANNEL", "website"),
        ("2889条", "COUNT", 2889),
    ]
    assert "ner" in doc.spans
    facts = tmp_path / "facts.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "disclosure_nlp", "extract", "corpus/seed-000.txt", "-o", str(facts),
         "--model", str(out / "model-last")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    records = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    entities = [r for r in records if r["kind"] == "entity"]
    assert entities and all(isinstance(r["attrs"], dict) for r in entities)
    assert {"statement", "table", "section"} <= {r["kind"] for r in records}
