"""How a statistical ner would add to the rules: the evidence for ``add_labels``.

A hybrid pipeline (configs/ner_hybrid.cfg) keeps the ner's entities in
``doc.spans["ner"]`` and adds to the rule entities only those of the labels in
``disclosure_entity_merge``'s ``add_labels`` that overlap no rule entity. For
each label, :func:`held_additions` counts the held entities that would be
added if the label were allowed, and how many of them are gold entities.

Adding ``n`` entities of which ``k`` are right raises a label's strict F1
exactly when ``k / n`` is more than half that F1 (F1 = 2TP / (P + G)); so a
label belongs in ``add_labels`` when its additions' precision on dev is above
half the rules' F1 there (:func:`labels_to_add`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.language import Language

from .gold import ENTITY_LABELS

MERGE_PIPE = "disclosure_entity_merge"


def held_additions(nlp: Language, golds: Sequence[dict]) -> dict[str, dict[str, float]]:
    """Per label: the held entities that overlap no rule entity, those right, their precision.

    The pipeline needs a ``disclosure_entity_merge``; its ``add_labels`` are set
    aside while the documents run, so that ``doc.ents`` holds the rule entities
    alone. Held entities in gold table blocks or web furniture are not counted.
    """
    merge = nlp.get_pipe(MERGE_PIPE)
    saved, merge.add_labels = merge.add_labels, ()
    try:
        docs = list(nlp.pipe(g["text"] for g in golds))
    finally:
        merge.add_labels = saved
    added: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for gold, doc in zip(golds, docs, strict=True):
        gold_keys = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
        blocked = [(t["start"], t["end"]) for t in gold.get("tables", [])]
        blocked += [(s.start_char, s.end_char) for s in doc.spans.get("furniture", [])]
        ruled = [(e.start_char, e.end_char) for e in doc.ents]
        for span in doc.spans.get(merge.spans_key, []):
            start, end = span.start_char, span.end_char
            if any(s <= start < e for s, e in blocked):
                continue
            if any(start < e and s < end for s, e in ruled):
                continue
            added[span.label_] += 1
            right[span.label_] += (start, end, span.label_) in gold_keys
    return {
        label: {
            "added": added[label],
            "right": right[label],
            "precision": right[label] / added[label] if added[label] else None,
        }
        for label in ENTITY_LABELS
    }


def labels_to_add(additions: dict[str, dict], rule_f1: dict[str, float]) -> list[str]:
    """The labels whose additions' precision is above half the rules' F1 on that label."""
    return [
        label
        for label in ENTITY_LABELS
        if additions[label]["added"] and additions[label]["precision"] > rule_f1.get(label, 0.0) / 2
    ]


def format_additions(additions: dict[str, dict], rule_f1: dict[str, float]) -> str:
    """A table of the additions and the labels they argue for."""
    lines = ["NER ADDITIONS (held entities overlapping no rule entity): added, right, precision"]
    for label, row in additions.items():
        precision = "  -  " if row["precision"] is None else f"{row['precision']:.3f}"
        half = rule_f1.get(label, 0.0) / 2
        counts = f"{row['added']:>5} {row['right']:>5}  {precision}"
        lines.append(f"{label:<18}{counts}  (rules F1 / 2: {half:.3f})")
    lines.append(f"add_labels by this split: {labels_to_add(additions, rule_f1)}")
    return "\n".join(lines)
