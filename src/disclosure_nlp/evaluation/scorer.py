"""Scores exactly as ANNOTATION.md §7 defines them.

- Entities: strict (same start, end, label) and partial (overlap, same label)
  precision, recall and F1, per label and micro-averaged, outside the gold
  table blocks; untyped strict F1 (boundaries right, label ignored) to tell
  boundary errors from type errors; value accuracy over strict matches.
- Statements: character-level precision, recall and F1 per label (white
  space not counted) and the share of gold statements whose characters are at
  least half predicted with the same label.
- Sections: share of characters given the right section label.

Inputs are per-document dicts shaped like gold records (``entities``,
``statements``, ``sections`` lists of ``{"start", "end", "label", ...}``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from .gold import ENTITY_LABELS, STATEMENT_LABELS


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def values_equal(gold: object, pred: object) -> bool:
    """Numbers equal within a relative 1e-9, everything else exactly."""
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        if isinstance(gold, bool) or isinstance(pred, bool):
            return gold == pred
        return math.isclose(gold, pred, rel_tol=1e-9, abs_tol=1e-9)
    return gold == pred


def _outside_tables(spans: Iterable[dict], tables: Sequence[dict]) -> list[dict]:
    return [s for s in spans if not any(t["start"] <= s["start"] < t["end"] for t in tables)]


def score_entities(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Entity scores over (gold, predicted) document pairs."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    untyped = defaultdict(float)
    for gold, pred in pairs:
        tables = gold.get("tables", [])
        g_ents = _outside_tables(gold.get("entities", []), tables)
        p_ents = _outside_tables(pred.get("entities", []), tables)
        g_strict = {(e["start"], e["end"], e["label"]): e for e in g_ents}
        p_strict = {(e["start"], e["end"], e["label"]): e for e in p_ents}
        for e in g_ents:
            c = counts[e["label"]]
            c["gold"] += 1
            c["partial_found"] += any(
                p["label"] == e["label"] and p["start"] < e["end"] and e["start"] < p["end"]
                for p in p_ents
            )
        for key, e in p_strict.items():
            c = counts[e["label"]]
            c["pred"] += 1
            c["partial_correct"] += any(
                g["label"] == e["label"] and g["start"] < e["end"] and e["start"] < g["end"]
                for g in g_ents
            )
            if key in g_strict:
                c["tp"] += 1
                c["value_ok"] += values_equal(g_strict[key].get("value"), e.get("value"))
        g_bounds = {(e["start"], e["end"]) for e in g_ents}
        p_bounds = {(e["start"], e["end"]) for e in p_ents}
        untyped["tp"] += len(g_bounds & p_bounds)
        untyped["gold"] += len(g_bounds)
        untyped["pred"] += len(p_bounds)
    per_label = {}
    total = defaultdict(float)
    for label in ENTITY_LABELS:
        c = counts.get(label, defaultdict(float))
        for k, v in c.items():
            total[k] += v
        per_label[label] = _entity_row(c)
    return {
        "per_label": per_label,
        "micro": _entity_row(total),
        "untyped": {
            **prf(untyped["tp"], untyped["pred"], untyped["gold"]),
            "support": untyped["gold"],
        },
    }


def _entity_row(c: dict[str, float]) -> dict:
    strict = prf(c.get("tp", 0), c.get("pred", 0), c.get("gold", 0))
    partial_p = c.get("partial_correct", 0) / c["pred"] if c.get("pred") else 0.0
    partial_r = c.get("partial_found", 0) / c["gold"] if c.get("gold") else 0.0
    partial_f = (
        2 * partial_p * partial_r / (partial_p + partial_r) if partial_p + partial_r else 0.0
    )
    return {
        "strict": strict,
        "partial": {"p": partial_p, "r": partial_r, "f": partial_f},
        "value_accuracy": c["value_ok"] / c["tp"] if c.get("tp") else None,
        "support": int(c.get("gold", 0)),
        "predicted": int(c.get("pred", 0)),
    }


def _char_labels(text: str, spans: Iterable[dict]) -> list[str | None]:
    labels: list[str | None] = [None] * len(text)
    for s in spans:
        for i in range(max(0, s["start"]), min(len(text), s["end"])):
            labels[i] = s["label"]
    return labels


def score_statements(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Character-level statement scores and the share of gold statements found."""
    counts: dict[str, dict[str, int]] = {lb: defaultdict(int) for lb in STATEMENT_LABELS}
    found = defaultdict(int)
    total = defaultdict(int)
    for gold, pred in pairs:
        text = gold["text"]
        g = _char_labels(text, gold.get("statements", []))
        p = _char_labels(text, pred.get("statements", []))
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            if g[i] in counts:
                counts[g[i]]["gold"] += 1
            if p[i] in counts:
                counts[p[i]]["pred"] += 1
            if g[i] is not None and g[i] == p[i] and g[i] in counts:
                counts[g[i]]["tp"] += 1
        for st in gold.get("statements", []):
            chars = [i for i in range(st["start"], st["end"]) if not text[i].isspace()]
            hit = sum(1 for i in chars if p[i] == st["label"])
            total[st["label"]] += 1
            found[st["label"]] += bool(chars) and hit * 2 >= len(chars)
    per_label = {
        lb: {**prf(c["tp"], c["pred"], c["gold"]), "support_chars": c["gold"],
             "found_share": found[lb] / total[lb] if total[lb] else None, "statements": total[lb]}
        for lb, c in counts.items()
    }  # fmt: skip
    tp = sum(c["tp"] for c in counts.values())
    n_pred = sum(c["pred"] for c in counts.values())
    n_gold = sum(c["gold"] for c in counts.values())
    n_total = sum(total.values())
    return {
        "per_label": per_label,
        "micro": {
            **prf(tp, n_pred, n_gold),
            "found_share": sum(found.values()) / n_total if n_total else None,
        },
    }


def score_sections(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Share of characters given the right section label."""
    right = total = 0
    for gold, pred in pairs:
        text = gold["text"]
        g = _char_labels(text, gold.get("sections", []))
        p = _char_labels(text, pred.get("sections", []))
        right += sum(1 for a, b in zip(g, p, strict=True) if a == b)
        total += len(text)
    return {"accuracy": right / total if total else None, "chars": total}


def score(golds: Sequence[dict], preds: dict[str, dict]) -> dict:
    """All scores of predictions (by doc_id) against gold records (with ``text``).

    A gold document without a prediction counts as predicted empty.
    """
    pairs = [(g, preds.get(g["doc_id"], {})) for g in golds]
    return {
        "documents": len(pairs),
        "entities": score_entities(pairs),
        "statements": score_statements(pairs),
        "sections": score_sections(pairs),
    }
