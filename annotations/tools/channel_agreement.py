"""Agreement of an independent CHANNEL-only pass with the gold, per split.

A CHANNEL pass (annotations/audit/, see its README.md) has one line a document::

    {"doc_id": "gidar-012", "channels": [["中国上海", "website", "可从“"], ...]}

each channel as ``[span_text, type, context_before]`` in document order. This
script places every span (its left context and text must occur in the text; of
several places the first after the previous span is taken), scores the pass
against the gold's CHANNEL entities with the project's scorer (gold as
reference, so P is the share of the pass's spans the gold has; F1 is
symmetric; type agreement is over the spans both have) and, with ``--diff``,
lists every disagreement.

Usage (from the repository root, package installed)::

    python annotations/tools/channel_agreement.py annotations/audit/channel-pass.jsonl
    python annotations/tools/channel_agreement.py PASS --diff
    python annotations/tools/channel_agreement.py PASS --resolved OUT.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from disclosure_nlp.evaluation.scorer import score_entities

ROOT = Path(__file__).resolve().parents[2]
SPLITS = ("train", "dev", "test")
SEED = 20191


class PassError(ValueError):
    """A channel of the pass that cannot be placed in its text."""


def place(text: str, channels: list[list], doc_id: str) -> list[dict]:
    """Offsets for a document's channels, in document order."""
    out, cursor = [], 0
    for span, kind, left in channels:
        probe = left + span
        idx = text.find(probe, max(0, cursor - len(left)))
        if idx < 0:
            idx = text.find(probe)
        if idx < 0:
            raise PassError(f"{doc_id}: {probe!r} not in the text")
        start = idx + len(left)
        out.append(
            {
                "start": start,
                "end": start + len(span),
                "label": "CHANNEL",
                "text": span,
                "value": kind,
            }
        )
        cursor = start + len(span)
    return sorted(out, key=lambda e: (e["start"], e["end"]))


def load_pass(path: Path) -> dict[str, dict]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = (ROOT / "corpus" / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        records[row["doc_id"]] = {
            "doc_id": row["doc_id"],
            "entities": place(text, row["channels"], row["doc_id"]),
        }
    return records


def load_gold_channels(path: Path) -> dict[str, dict]:
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["doc_id"]] = {
            "doc_id": record["doc_id"],
            "tables": record["tables"],
            "entities": [e for e in record["entities"] if e["label"] == "CHANNEL"],
        }
    return gold


def outside_tables(ents: list[dict], tables: list[dict]) -> list[dict]:
    """The entities that do not start inside a table block (they are not scored)."""
    return [e for e in ents if not any(t["start"] <= e["start"] < t["end"] for t in tables)]


def disagreements(gold: dict, other: dict, text: str) -> list[str]:
    """One line per gold or pass channel without a same-span, same-type partner."""

    def ctx(e: dict) -> str:
        s, t = e["start"], e["end"]
        return (text[max(0, s - 12) : s] + "‹" + text[s:t] + "›" + text[t : t + 12]).replace(
            "\n", "⏎"
        )

    lines = []
    for g_ents, p_ents in clusters(gold, other):
        p = {(e["start"], e["end"]): e for e in p_ents}
        for e in g_ents:
            other_type = p.pop((e["start"], e["end"]), None)
            if other_type:
                lines.append(f"TYPE  {ctx(e)}  gold {e['value']}  pass {other_type['value']}")
            else:
                lines.append(f"GOLD  {ctx(e)}  {e['value']}")
        lines.extend(f"PASS  {ctx(e)}  {e['value']}" for e in p.values())
    return lines


def clusters(gold: dict, other: dict) -> list[tuple[list[dict], list[dict]]]:
    """Groups of overlapping gold and pass channels on which the two differ.

    Spans both have with the same type are agreement and left out; a group is
    the gold channels and the pass channels that overlap one another.
    """

    def outside(ents: list[dict]) -> list[dict]:
        return outside_tables(ents, gold["tables"])

    def key(e: dict) -> tuple:
        return (e["start"], e["end"], e["value"])

    g_keys = {key(e) for e in outside(gold["entities"])}
    p_keys = {key(e) for e in outside(other["entities"])}
    tagged = [("gold", e) for e in outside(gold["entities"]) if key(e) not in p_keys]
    tagged += [("pass", e) for e in outside(other["entities"]) if key(e) not in g_keys]
    tagged.sort(key=lambda x: (x[1]["start"], x[1]["end"]))
    groups: list[list[tuple[str, dict]]] = []
    end = -1
    for side, ent in tagged:
        if groups and ent["start"] < end:
            groups[-1].append((side, ent))
            end = max(end, ent["end"])
        else:
            groups.append([(side, ent)])
            end = ent["end"]
    return [
        ([e for s, e in grp if s == "gold"], [e for s, e in grp if s == "pass"]) for grp in groups
    ]


def left_context(text: str, start: int, end: int, width: int = 6) -> str:
    """The shortest left context of at least ``width`` characters that places the span once."""
    while width < 40:
        left = text[max(0, start - width) : start]
        if text.count(left + text[start:end]) == 1:
            return left
        width += 2
    raise PassError(f"no unique left context for {text[start:end]!r}@{start}")


def reading(text: str, ents: list[dict]) -> list[list]:
    return [[e["text"], e["value"], left_context(text, e["start"], e["end"])] for e in ents]


def write_items(gold: dict[str, dict], other: dict[str, dict], items: Path, key: Path) -> int:
    """Adjudication items (readings A/B in seeded random order) and their key."""
    rng = random.Random(SEED)
    n = 0
    with items.open("w", encoding="utf-8") as out, key.open("w", encoding="utf-8") as keys:
        for doc_id in sorted(set(gold) & set(other)):
            text = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
            for k, (g, p) in enumerate(clusters(gold[doc_id], other[doc_id])):
                first = min(e["start"] for e in g + p)
                last = max(e["end"] for e in g + p)
                sides = [("gold", reading(text, g)), ("pass", reading(text, p))]
                rng.shuffle(sides)
                item = f"{doc_id}#{k}"
                row = {
                    "item": item,
                    "doc_id": doc_id,
                    "excerpt": text[max(0, first - 80) : last + 80],
                    "A": sides[0][1],
                    "B": sides[1][1],
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                keys.write(json.dumps({"item": item, "A": sides[0][0]}) + "\n")
                n += 1
    return n


def rulings_to_changes(
    gold: dict[str, dict], other: dict[str, dict], rulings: Path, key: Path
) -> list[dict]:
    """Changes for apply_audit.py: the gold takes the reading each ruling chose."""
    side_of_a = {
        r["item"]: r["A"] for r in map(json.loads, key.read_text(encoding="utf-8").splitlines())
    }
    chosen = {}
    for line in rulings.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ruling = json.loads(line)
            chosen[ruling["item"]] = ruling
    changes = []
    for doc_id in sorted(set(gold) & set(other)):
        text = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
        for k, (g, p) in enumerate(clusters(gold[doc_id], other[doc_id])):
            ruling = chosen[f"{doc_id}#{k}"]
            if ruling["choice"] in ("A", "B"):
                side = side_of_a[ruling["item"]]
                if ruling["choice"] == "B":
                    side = "pass" if side == "gold" else "gold"
                if side == "gold":
                    continue
                new = [[e["text"], e["value"], left_context(text, e["start"], e["end"])] for e in p]
            else:
                new = ruling["spans"]
            why = f"adjudication {ruling['item']}: {ruling.get('why', '')}"
            for e in g:
                changes.append(
                    {
                        "doc_id": doc_id,
                        "action": "remove",
                        "label": "CHANNEL",
                        "text": e["text"],
                        "context_before": left_context(text, e["start"], e["end"]),
                        "why": why,
                    }
                )
            for span, kind, left in new:
                changes.append(
                    {
                        "doc_id": doc_id,
                        "action": "add",
                        "label": "CHANNEL",
                        "text": span,
                        "context_before": left,
                        "value": kind,
                        "why": why,
                    }
                )
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("channel_pass", type=Path)
    parser.add_argument("--gold", type=Path, default=ROOT / "annotations" / "gold.jsonl")
    parser.add_argument("--splits", type=Path, default=ROOT / "annotations" / "splits.json")
    parser.add_argument("--diff", action="store_true", help="list every disagreement")
    parser.add_argument("--resolved", type=Path, help="write the placed pass as gold-format JSONL")
    parser.add_argument("--items", type=Path, help="write adjudication items (needs --key)")
    parser.add_argument("--key", type=Path, help="which reading (A or B) is the gold's")
    parser.add_argument("--rulings", type=Path, help="adjudicators' rulings (needs --key)")
    parser.add_argument("--changes", type=Path, help="write the rulings as apply_audit changes")
    args = parser.parse_args(argv)
    try:
        other = load_pass(args.channel_pass)
    except PassError as err:
        print(f"ERROR {err}", file=sys.stderr)
        return 1
    gold = load_gold_channels(args.gold)
    splits = json.loads(args.splits.read_text(encoding="utf-8"))
    ids = sorted(set(gold) & set(other))
    print(f"documents: {len(ids)} of {len(gold)} gold")
    print(
        f"{'split':<6} {'docs':>4} {'gold':>5} {'pass':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'type agr':>9}"
    )
    for name in (*SPLITS, "all"):
        chosen = [i for i in ids if name == "all" or i in splits[name]]
        report = score_entities((gold[i], other[i]) for i in chosen)
        row = report["per_label"]["CHANNEL"]
        print(
            f"{name:<6} {len(chosen):>4} {row['support']:>5} {row['predicted']:>5} "
            f"{row['strict']['p']:>6.3f} {row['strict']['r']:>6.3f} {row['strict']['f']:>6.3f} "
            f"{row['value_accuracy'] or 0:>9.3f}"
        )
    if args.diff:
        for i in ids:
            text = (ROOT / "corpus" / f"{i}.txt").read_text(encoding="utf-8")
            for line in disagreements(gold[i], other[i], text):
                print(f"{i}  {line}")
    if args.items and args.key:
        print(f"{write_items(gold, other, args.items, args.key)} adjudication items")
    if args.rulings and args.key and args.changes:
        changes = rulings_to_changes(gold, other, args.rulings, args.key)
        with args.changes.open("w", encoding="utf-8") as out:
            for change in changes:
                out.write(json.dumps(change, ensure_ascii=False) + "\n")
        print(f"{len(changes)} changes")
    if args.resolved:
        with args.resolved.open("w", encoding="utf-8") as out:
            for i in ids:
                out.write(json.dumps(other[i], ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
