"""Turn annotation drafts (spans written as text) into gold records with offsets.

Annotators write one draft per document in ``annotations/drafts/<pass>/<doc_id>.json``
naming spans by their text, in document order; this script finds the offsets,
validates the result with the package's gold validator (ANNOTATION.md) and
prints every span with its context so the annotator can check it. Needs the
package installed (``pip install -e .``).

Draft format::

    {"doc_id": "seed-000", "annotator": "pass1-a", "prefilled": false,
     "sections":   [["OVERVIEW", "一、总体情况"], ...],          # label, heading start text
     "tables":     [["第二十条第(一)项", "| 0 | 0 |"], ...],     # first text, last text
     "entities":   [["COUNT", "2889条", 2889],                   # label, span text, value
                    ["DATE", "2019年", "2019-12", "截止"]],      # optional left context
     "statements": [["PROBLEM", "一是平台建设", "亟需完善提高;"]],  # first text, last text
     "notes": "decisions on hard cases"}

Each list is resolved left to right with its own cursor: an item is searched
from the end of the previous item of the same list. A left context (4th item
of an entity, 4th item of a statement) must immediately precede the span. A
PREAMBLE section is added when the first heading does not start the text.

Usage::

    python annotations/tools/resolve_drafts.py annotations/drafts/pass1/seed-000.json
    python annotations/tools/resolve_drafts.py annotations/drafts/pass1 -o annotations/gold.jsonl
    python annotations/tools/resolve_drafts.py DRAFTS --corpus OTHER_TEXTS -o other-gold.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from disclosure_nlp.evaluation.gold import validate_record

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

QUOTES = "“”「」《》\"'‘’『』〈〉<>"


class DraftError(ValueError):
    """A draft item that cannot be resolved or breaks the guideline."""


def _find(text: str, needle: str, cursor: int, left: str | None, what: str) -> int:
    if not needle:
        raise DraftError(f"{what}: empty text")
    probe = (left or "") + needle
    # the left context may overlap the previous item; the span itself may not
    idx = text.find(probe, max(0, cursor - len(left or "")))
    if idx < 0:
        hint = " (it occurs before the cursor: check the order)" if text.find(probe) >= 0 else ""
        raise DraftError(f"{what}: {probe!r} not found after offset {cursor}{hint}")
    return idx + len(left or "")


def resolve(draft: dict, corpus: Path = CORPUS) -> dict:
    """Resolve one draft into a gold record (ANNOTATION.md section 6)."""
    doc_id = draft["doc_id"]
    text = (corpus / f"{doc_id}.txt").read_text(encoding="utf-8")
    record: dict = {
        "doc_id": doc_id,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "entities": [],
        "statements": [],
        "sections": [],
        "tables": [],
    }
    cursor = 0
    starts: list[tuple[int, str]] = []
    for i, (label, heading) in enumerate(draft.get("sections", [])):
        start = _find(text, heading, cursor, None, f"section {i} {label}")
        starts.append((start, label))
        cursor = start + len(heading)
    if starts and starts[0][0] > 0:
        starts.insert(0, (0, "PREAMBLE"))
    if not starts:
        starts = [(0, "PREAMBLE")]
    for (start, label), nxt in zip(starts, [*starts[1:], (len(text), "")], strict=True):
        record["sections"].append({"start": start, "end": nxt[0], "label": label})

    cursor = 0
    for i, (first, last) in enumerate(draft.get("tables", [])):
        start = _find(text, first, cursor, None, f"table {i} start")
        end = _find(text, last, start, None, f"table {i} end") + len(last)
        record["tables"].append({"start": start, "end": end})
        cursor = end

    cursor = 0
    for i, item in enumerate(draft.get("entities", [])):
        label, span, value = item[0], item[1], item[2]
        left = item[3] if len(item) > 3 else None
        start = _find(text, span, cursor, left, f"entity {i} {label} {span!r}")
        end = start + len(span)
        record["entities"].append(
            {"start": start, "end": end, "label": label, "text": span, "value": value}
        )
        cursor = end

    cursor = 0
    for i, item in enumerate(draft.get("statements", [])):
        label, first, last = item[0], item[1], item[2]
        left = item[3] if len(item) > 3 else None
        start = _find(text, first, cursor, left, f"statement {i} {label}")
        end = _find(text, last, start, None, f"statement {i} {label} end") + len(last)
        if end < start + len(first):
            end = _find(text, last, start + len(first) - len(last), None, f"statement {i} end")
            end += len(last)
        record["statements"].append(
            {"start": start, "end": end, "label": label, "text": text[start:end]}
        )
        cursor = end
    if draft.get("prefilled"):
        record["prefilled"] = True
    if draft.get("annotator"):
        record["annotator"] = draft["annotator"]
    validate(record, text)
    return record


def validate(record: dict, text: str) -> None:
    """Raise DraftError listing every problem of a resolved record.

    The package's gold validator (the one the loader uses) plus two checks that
    help annotators: no quotes or title marks and no white space at a span's edges.
    """
    problems = validate_record(record, text)
    for ent in record["entities"]:
        where = f"entity {ent['text']!r}@{ent['start']}"
        if ent["text"][0] in QUOTES or ent["text"][-1] in QUOTES:
            problems.append(f"{where}: quotes and title marks stay outside the span")
        if ent["text"] != ent["text"].strip():
            problems.append(f"{where}: leading or trailing white space")
    if problems:
        raise DraftError(f"{record['doc_id']}:\n  " + "\n  ".join(problems))


def show(record: dict, corpus: Path = CORPUS) -> str:
    """Every resolved span with a little context, for the annotator to check."""
    text = (corpus / f"{record['doc_id']}.txt").read_text(encoding="utf-8")

    def ctx(s: int, e: int, width: int = 8) -> str:
        return (text[max(0, s - width) : s] + "‹" + text[s:e] + "›" + text[e : e + width]).replace(
            "\n", "⏎"
        )

    lines = [f"== {record['doc_id']}"]
    for sec in record["sections"]:
        lines.append(
            f"SECTION {sec['label']:<9} {sec['start']}-{sec['end']} "
            f"{text[sec['start'] : sec['start'] + 20]!r}"
        )
    for t in record["tables"]:
        lines.append(
            f"TABLE {t['start']}-{t['end']} {text[t['start'] : t['start'] + 15]!r} … "
            f"{text[t['end'] - 15 : t['end']]!r}"
        )
    for ent in record["entities"]:
        lines.append(f"{ent['label']:<8} {ent['value']!s:<24} {ctx(ent['start'], ent['end'])}")
    for st in record["statements"]:
        lines.append(f"{st['label']:<11} {ctx(st['start'], st['end'], 4)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="draft files or folders of drafts")
    parser.add_argument("-o", "--output", type=Path, help="write all records to this JSONL file")
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print the spans")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="folder of the texts (default: corpus/)"
    )
    args = parser.parse_args(argv)
    files: list[Path] = []
    for path in args.paths:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    records, failed = [], 0
    for file in files:
        try:
            record = resolve(json.loads(file.read_text(encoding="utf-8")), args.corpus)
        except (DraftError, KeyError, ValueError, IndexError, TypeError) as err:
            failed += 1
            print(f"ERROR {file}: {err}", file=sys.stderr)
            continue
        records.append(record)
        if not args.quiet:
            print(show(record, args.corpus))
    if args.output:
        with args.output.open("w", encoding="utf-8") as out:
            for record in sorted(records, key=lambda r: r["doc_id"]):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} resolved, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
