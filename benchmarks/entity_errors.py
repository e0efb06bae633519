"""List the entity errors of the rule components on the gold data, with context.

Runs the pure finders of ``disclosure_quantities`` and ``disclosure_names``
(no tokenizer, so it is fast) over the documents of the chosen splits, leaves
out the table blocks and furniture that ``disclosure_sections`` finds, and
prints the scores per label followed by every false positive (FP), false
negative (FN) and wrong value (VAL) with its context. Meant for train and dev;
the test split is refused unless ``--allow-test`` is given.

    python benchmarks/entity_errors.py [--split train,dev] [--label COUNT] [--pipeline]
    python benchmarks/entity_errors.py --gold OTHER.jsonl --corpus OTHER_TEXTS --split all
"""

from __future__ import annotations

import argparse
from collections import Counter

import srsly

from disclosure_nlp.components.entity_spans import RangeSet, resolve_overlaps
from disclosure_nlp.components.names import NameFinder, load_name_rules
from disclosure_nlp.components.quantities import QuantityFinder
from disclosure_nlp.components.quantity_rules import load_quantity_rules
from disclosure_nlp.components.report_meta import infer_report_meta, line_numbers
from disclosure_nlp.components.sections import SectionFinder, load_section_rules
from disclosure_nlp.evaluation.gold import ENTITY_LABELS, load_gold
from disclosure_nlp.evaluation.scorer import score_entities, values_equal


def predict_pure(text: str) -> list[dict]:
    """Entities of one text from the pure finders, as the scorer wants them."""
    sections = SECTIONS.sections(text)
    tables = SECTIONS.tables(text, sections)
    furniture = SECTIONS.furniture(text, tables)
    skip = line_numbers(text, (s for s, _ in furniture))
    year = infer_report_meta(text, skip)["year"]
    blocked = RangeSet([*tables, *furniture])
    found = [*QUANTITIES.find(text, year), *NAMES.find(text, year)]
    return [
        {"start": e.start, "end": e.end, "label": e.label, "value": e.value, "attrs": e.attrs}
        for e in resolve_overlaps(found)
        if e.start not in blocked
    ]


def predict_pipeline(texts: list[str]) -> list[list[dict]]:
    import disclosure_nlp

    nlp = disclosure_nlp.load()
    return [
        [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "value": e._.value}
            for e in doc.ents
        ]
        for doc in nlp.pipe(texts)
    ]


def context(text: str, start: int, end: int, width: int = 18) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}‹{text[start:end]}›{right}".replace("\n", "⏎")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default="annotations/gold.jsonl")
    parser.add_argument("--corpus", default="corpus", help="folder of the texts")
    parser.add_argument("--splits", default="annotations/splits.json")
    parser.add_argument(
        "--split", default="train,dev", help="comma-separated split names, or all (every record)"
    )
    parser.add_argument("--label", action="append", help="only these labels (repeatable)")
    parser.add_argument("--pipeline", action="store_true", help="run the whole default pipeline")
    parser.add_argument("--allow-test", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="scores only")
    args = parser.parse_args()
    names = args.split.split(",")
    splits = srsly.read_json(args.splits)
    golds = load_gold(args.gold, args.corpus)
    if names != ["all"]:
        ids = {doc_id for name in names for doc_id in splits[name]}
        golds = [g for g in golds if g["doc_id"] in ids]
    if not args.allow_test and any(g["doc_id"] in splits["test"] for g in golds):
        parser.error("the test split is for the final measurement only (--allow-test)")
    if args.pipeline:
        preds = predict_pipeline([g["text"] for g in golds])
    else:
        preds = [predict_pure(g["text"]) for g in golds]
    labels = set(args.label or ENTITY_LABELS)
    report = score_entities((g, {"entities": p}) for g, p in zip(golds, preds, strict=True))
    errors: Counter = Counter()
    lines = []
    for gold, pred in zip(golds, preds, strict=True):
        text = gold["text"]
        tables = gold.get("tables", [])

        def outside(e: dict, tables: list = tables) -> bool:
            return not any(t["start"] <= e["start"] < t["end"] for t in tables)

        g_ents = {(e["start"], e["end"], e["label"]): e for e in gold["entities"] if outside(e)}
        p_ents = {(e["start"], e["end"], e["label"]): e for e in pred if outside(e)}
        for key in sorted(set(g_ents) | set(p_ents)):
            if key[2] not in labels:
                continue
            where = f"{gold['doc_id']} {key[2]:<8}"
            if key not in p_ents:
                kind = "FN"
                detail = repr(g_ents[key].get("value"))
            elif key not in g_ents:
                kind = "FP"
                detail = repr(p_ents[key].get("value"))
            elif not values_equal(g_ents[key].get("value"), p_ents[key].get("value")):
                kind = "VAL"
                detail = f"gold {g_ents[key].get('value')!r} pred {p_ents[key].get('value')!r}"
            else:
                continue
            errors[(kind, key[2])] += 1
            lines.append((key[0], f"{kind:<3} {where} {context(text, key[0], key[1])}  {detail}"))
    if not args.quiet:
        for _, line in lines:
            print(line)
        print()
    print(f"{'label':<9} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'gold':>5} {'pred':>5}")
    for label in (*ENTITY_LABELS, "micro"):
        row = report["micro"] if label == "micro" else report["per_label"][label]
        s = row["strict"]
        va = row["value_accuracy"]
        va_text = f"{va:.3f}" if va is not None else "  -  "
        print(
            f"{label:<9} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} {va_text:>6} "
            f"{row['support']:>5} {row['predicted']:>5}"
        )


SECTIONS = SectionFinder(load_section_rules())
QUANTITIES = QuantityFinder(load_quantity_rules())
NAMES = NameFinder(load_name_rules())

if __name__ == "__main__":
    main()
