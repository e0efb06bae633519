"""Evaluate pipelines or facts files against gold, and print the tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..components.sections import section_ranges
from ..errors import Errors
from .gold import ENTITY_LABELS, STATEMENT_LABELS
from .scorer import score


def doc_to_prediction(doc: Doc) -> dict:
    """A processed Doc in the shape of a gold record."""
    return {
        "entities": [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "value": e._.value}
            for e in doc.ents
        ],
        "statements": [
            {"start": s.start_char, "end": s.end_char, "label": s.label_}
            for s in doc.spans.get("statements", [])
        ],
        "sections": [
            {"start": start, "end": end, "label": label}
            for start, end, label in section_ranges(doc)
        ],
    }


def predictions_from_facts(path: Path | str) -> dict[str, dict]:
    """Group the entity, statement and section records of a facts JSONL file by doc_id."""
    preds: dict[str, dict] = defaultdict(lambda: {"entities": [], "statements": [], "sections": []})
    for record in srsly.read_jsonl(path):
        kind = record.get("kind", "")
        key = {"entity": "entities", "statement": "statements", "section": "sections"}.get(kind)
        if key:
            preds[record["doc_id"]][key].append(record)
        elif kind == "document":  # a document with no facts is still one the file covers
            preds[record["doc_id"]]
    return dict(preds)


def predictions_from_pipeline(nlp: Language, golds: Sequence[dict]) -> dict[str, dict]:
    """Run a pipeline over the gold documents' texts."""
    docs = nlp.pipe(g["text"] for g in golds)
    return {g["doc_id"]: doc_to_prediction(doc) for g, doc in zip(golds, docs, strict=True)}


def load_target(target: str) -> Language | Path:
    """A facts file (an existing .jsonl) or a pipeline ("default", a name or a directory)."""
    path = Path(target)
    if path.suffix == ".jsonl":
        if not path.is_file():
            raise FileNotFoundError(Errors.E037.format(path=path))
        return path
    from ..pipeline import load

    return load(target)


def evaluate_target(target: Language | Path, golds: Sequence[dict]) -> dict:
    """The score report of a pipeline or facts file on ``golds``.

    For a facts file the report also lists ``documents_without_facts``: gold
    documents the file has no record of (scored as finding nothing), which
    usually means the file came from other texts or other file names.
    """
    if isinstance(target, Path):
        preds = predictions_from_facts(target)
        report = score(golds, preds)
        report["documents_without_facts"] = sorted(
            g["doc_id"] for g in golds if g["doc_id"] not in preds
        )
        return report
    return score(golds, predictions_from_pipeline(target, golds))


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _row(label: str, cells: list[str], width: int = 34) -> str:
    return f"{label:<18}" + " | ".join(f"{c:<{width}}" for c in cells)


def format_report(reports: dict[str, dict]) -> str:
    """Readable tables; several reports (rules, trained, hybrid …) side by side."""
    names = list(reports)
    lines = [_row("", names), ""]
    lines.append("ENTITIES: strict P/R/F1, partial F1, value accuracy, gold support")
    for label in (*ENTITY_LABELS, "micro"):
        cells = []
        for n in names:
            ent = reports[n]["entities"]
            row = ent["micro"] if label == "micro" else ent["per_label"][label]
            s = row["strict"]
            cells.append(
                f"{s['p']:.3f}/{s['r']:.3f}/{s['f']:.3f} {row['partial']['f']:.3f} "
                f"{_fmt(row['value_accuracy'])} {row['support']:>4}"
            )
        lines.append(_row(label, cells))
    lines.append(
        _row("untyped F1", [f"{reports[n]['entities']['untyped']['f']:.3f}" for n in names])
    )
    lines.append("")
    lines.append("STATEMENTS: character P/R/F1, share of gold statements found")
    for label in (*STATEMENT_LABELS, "micro"):
        cells = []
        for n in names:
            st = reports[n]["statements"]
            row = st["micro"] if label == "micro" else st["per_label"][label]
            cells.append(f"{row['p']:.3f}/{row['r']:.3f}/{row['f']:.3f} {_fmt(row['found_share'])}")
        lines.append(_row(label, cells))
    lines.append("")
    lines.append(
        _row("SECTIONS accuracy", [_fmt(reports[n]["sections"]["accuracy"]) for n in names])
    )
    lines.append(_row("documents", [str(reports[n]["documents"]) for n in names]))
    return "\n".join(lines)


def entity_errors(golds: Sequence[dict], preds: dict[str, dict], width: int = 12) -> list[dict]:
    """Strict entity errors with context: missed gold spans (FN) and wrong predictions (FP)."""
    rows = []
    for gold in golds:
        text = gold["text"]
        tables = gold.get("tables", [])
        pred = preds.get(gold["doc_id"], {})
        g = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
        p = {
            (e["start"], e["end"], e["label"])
            for e in pred.get("entities", [])
            if not any(t["start"] <= e["start"] < t["end"] for t in tables)
        }
        for kind, spans in (("FN", g - p), ("FP", p - g)):
            for start, end, label in sorted(spans):
                rows.append(
                    {
                        "doc_id": gold["doc_id"],
                        "error": kind,
                        "label": label,
                        "text": text[start:end],
                        "context": (
                            text[max(0, start - width) : start] + "‹" + text[start:end] + "›"
                            + text[end : end + width]
                        ).replace("\n", " "),
                    }
                )  # fmt: skip
    return rows
