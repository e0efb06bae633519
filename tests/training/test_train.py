"""Training from a config works from the repository and the result loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import spacy

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
