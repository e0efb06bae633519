"""Training from a config works from the repository and the result loads."""

from __future__ import annotations

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
