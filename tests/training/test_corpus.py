"""Gold data as spaCy training data: DocBins, the registered reader, alignment."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from disclosure_nlp.pipeline import blank
from disclosure_nlp.training.corpus import convert_gold, gold_docs

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "annotations" / "gold.jsonl"
CORPUS = REPO / "corpus"
SPLITS = REPO / "annotations" / "splits.json"


def test_gold_docs_carry_entities_statements_sections():
    nlp = blank()
    docs, report = gold_docs(nlp, GOLD, CORPUS, SPLITS, "train")
    doc = max(docs, key=lambda d: len(d.ents))
    assert len(doc.ents) > 0
    assert all(e._.value is not None or e.label_ in ("POLICY", "DOC_NO") for e in doc.ents)
    assert len(doc.spans["sections"]) > 0
    assert report.aligned_share >= 0.99


def test_convert_writes_three_docbins(tmp_path):
    nlp = blank()
    report = convert_gold(nlp, GOLD, CORPUS, SPLITS, tmp_path)
    counts = {}
    for split in ("train", "dev", "test"):
        docs = list(DocBin().from_disk(tmp_path / f"{split}.spacy").get_docs(nlp.vocab))
        counts[split] = len(docs)
    assert counts == {"train": 56, "dev": 18, "test": 18}
    assert report.spans > 2000
    # every misaligned span is reported with its text
    assert all(item["text"] for item in report.misaligned)


def test_registered_reader_yields_examples():
    reader = spacy.registry.readers.get("disclosure_nlp.GoldCorpus.v1")(
        gold=GOLD, corpus=CORPUS, splits=SPLITS, split="dev"
    )
    examples = list(reader(blank()))
    assert len(examples) == 18
    assert examples[0].reference.text == examples[0].predicted.text
    assert sum(len(eg.reference.ents) for eg in examples) > 100
