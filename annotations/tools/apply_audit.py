"""Apply accepted gold-audit changes to the annotation drafts.

An audit (annotations/audit/, see its README.md) lists changes to the gold
entities, one JSON object a line, each placed by its span text and the
characters right before it::

    {"doc_id": "gidar-012", "action": "add", "label": "CHANNEL",
     "text": "宜春林业信息网", "context_before": "可以从", "value": "website"}
    {"doc_id": "gidar-012", "action": "remove", "label": "CHANNEL",
     "text": "今日晋安", "context_before": "公众号“"}
    {"doc_id": "gidar-012", "action": "change", "label": "DATE", "text": "2020年12月",
     "context_before": "截至", "new_label": "DATE", "new_text": "2020年12月底",
     "new_value": "2020-12"}

This script resolves each affected draft to offsets, applies the changes there,
writes the entity list back in document order (adding a left context only where
the resolver would otherwise find another occurrence) and checks that the
rewritten draft resolves to exactly the intended entities. A change that cannot
be placed (its text and context occur never or more than once, the entity to
remove or change is not in the draft, the entity to add is there already)
stops the run with an error naming it; nothing is written then.

Usage (package installed)::

    python annotations/tools/apply_audit.py annotations/audit/accepted.jsonl --check
    python annotations/tools/apply_audit.py annotations/audit/accepted.jsonl
    python annotations/tools/resolve_drafts.py -q annotations/drafts/pass1 \
        annotations/drafts/examples -o annotations/gold.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

from resolve_drafts import CORPUS, ROOT, DraftError, resolve

DRAFT_DIRS = (
    ROOT / "annotations" / "drafts" / "pass1",
    ROOT / "annotations" / "drafts" / "examples",
)
MAX_CONTEXT = 24


class AuditError(ValueError):
    """A change that cannot be applied as written."""


def _locate(text: str, span: str, left: str, what: str) -> int:
    """Start offset of ``span`` preceded by ``left``; it must occur exactly once."""
    probe = left + span
    hits = []
    idx = text.find(probe)
    while idx >= 0:
        hits.append(idx + len(left))
        idx = text.find(probe, idx + 1)
    if len(hits) != 1:
        raise AuditError(f"{what}: {probe!r} occurs {len(hits)} times in the text")
    return hits[0]


def _find_entity(entities: list[dict], start: int, end: int, label: str, what: str) -> int:
    for i, ent in enumerate(entities):
        if (ent["start"], ent["end"], ent["label"]) == (start, end, label):
            return i
    raise AuditError(f"{what}: no {label} entity at {start}-{end} in the draft")


def apply_changes(record: dict, text: str, changes: list[dict]) -> list[dict]:
    """The record's entities after ``changes`` (offset dictionaries, sorted)."""
    entities = [dict(e) for e in record["entities"]]
    for change in changes:
        action, label, span = change["action"], change["label"], change["text"]
        what = f"{change['doc_id']} {action} {label} {span!r}"
        start = _locate(text, span, change.get("context_before", ""), what)
        end = start + len(span)
        if action == "add":
            if any((e["start"], e["end"]) == (start, end) for e in entities):
                raise AuditError(f"{what}: an entity has this span already")
            entities.append(
                {"start": start, "end": end, "label": label, "text": span, "value": change["value"]}
            )
            continue
        i = _find_entity(entities, start, end, label, what)
        if action == "remove":
            del entities[i]
        elif action == "change":
            new_span = change.get("new_text", span)
            new_start = start
            if new_span != span:
                # the new span overlaps the old one: search around it
                new_start = text.find(new_span, max(0, start - len(new_span) + 1))
                if not 0 <= new_start < end:
                    raise AuditError(f"{what}: {new_span!r} does not overlap the old span")
            entities[i] = {
                "start": new_start,
                "end": new_start + len(new_span),
                "label": change.get("new_label", label),
                "text": new_span,
                "value": change.get("new_value", entities[i]["value"]),
            }
        else:
            raise AuditError(f"{what}: unknown action")
    entities.sort(key=lambda e: (e["start"], e["end"]))
    for prev, ent in itertools.pairwise(entities):
        if ent["start"] < prev["end"]:
            raise AuditError(f"{record['doc_id']}: {prev['text']!r} and {ent['text']!r} overlap")
    return entities


def draft_entities(text: str, entities: list[dict], old_items: list[list]) -> list[list]:
    """Draft items for ``entities`` that the resolver finds at their offsets.

    An item keeps its old left context where it had one; a new one gets the
    shortest left context that makes the resolver land on it.
    """
    old_context = {
        (item[0], item[1], ent["start"]): item[3] for item, ent in old_items if len(item) > 3
    }
    items, cursor = [], 0
    for ent in entities:
        item = [ent["label"], ent["text"], ent["value"]]
        left = old_context.get((ent["label"], ent["text"], ent["start"]))
        if left is None and text.find(ent["text"], cursor) != ent["start"]:
            for width in range(2, MAX_CONTEXT + 1):
                left = text[max(0, ent["start"] - width) : ent["start"]]
                if (
                    text.find(left + ent["text"], max(0, cursor - len(left))) + len(left)
                    == ent["start"]
                ):
                    break
            else:
                raise AuditError(f"no left context places {ent['text']!r}@{ent['start']}")
        if left is not None:
            item.append(left)
        items.append(item)
        cursor = ent["end"]
    return items


def draft_path(doc_id: str) -> Path:
    for folder in DRAFT_DIRS:
        path = folder / f"{doc_id}.json"
        if path.exists():
            return path
    raise AuditError(f"{doc_id}: no draft")


def apply_file(changes_path: Path, write: bool, corpus: Path = CORPUS) -> int:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in changes_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            change = json.loads(line)
            by_doc[change["doc_id"]].append(change)
    rewritten: dict[Path, str] = {}
    for doc_id, changes in sorted(by_doc.items()):
        path = draft_path(doc_id)
        raw = path.read_text(encoding="utf-8")
        draft = json.loads(raw)
        text = (corpus / f"{doc_id}.txt").read_text(encoding="utf-8")
        record = resolve(draft, corpus)
        target = apply_changes(record, text, changes)
        old_items = list(zip(draft["entities"], record["entities"], strict=True))
        draft["entities"] = draft_entities(text, target, old_items)
        check = resolve(draft, corpus)
        got = [(e["start"], e["end"], e["label"], e["value"]) for e in check["entities"]]
        want = [(e["start"], e["end"], e["label"], e["value"]) for e in target]
        if got != want:
            raise AuditError(f"{doc_id}: the rewritten draft does not resolve as intended")
        out = json.dumps(draft, ensure_ascii=False, indent=1)
        rewritten[path] = out + ("\n" if raw.endswith("\n") else "")
        print(
            f"{doc_id}: {len(changes)} changes, {len(record['entities'])} -> {len(target)} entities"
        )
    if write:
        for path, content in rewritten.items():
            path.write_text(content, encoding="utf-8")
    return len(rewritten)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("changes", type=Path, help="JSONL file of accepted changes")
    parser.add_argument("--check", action="store_true", help="only check that every change applies")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    try:
        n = apply_file(args.changes, write=not args.check, corpus=args.corpus)
    except (AuditError, DraftError) as err:
        print(f"ERROR {err}", file=sys.stderr)
        return 1
    print(f"{n} drafts {'checked' if args.check else 'rewritten'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
