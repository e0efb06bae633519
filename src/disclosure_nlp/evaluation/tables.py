"""Evaluate the statutory table cells and checks against hand-verified tables.

Gold: ``annotations/tables/<doc_id>.json`` (see annotations/tables/README.md):
``cells`` with table, row, column, value, raw and ``ambiguous`` (true: the
text does not tell the cell's column, so ``column`` is null), and ``checks``
with name, status, left, right.

Scores:

- cell accuracy: the share of gold cells read right. A placed gold cell is
  right when the prediction places a cell at the same table, row and column
  with the same value (null for blank); an ambiguous gold cell is right when
  the prediction also reports it as ambiguous (same table, row, raw text).
- guessed cells: predicted cells placed with a value where the gold cell is
  null, ambiguous or absent; the target is 0.
- check agreement: the share of gold checks that the prediction has with the
  same status (and, for PASS and FAIL, the same two sides).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import srsly
from spacy.language import Language

from ..errors import Errors, GoldDataError
from ..tables.checks import FAIL, PASS, UNCERTAIN
from ..tables.schema import FORMATS, TABLE_NAMES, TableSchema, load_table_schema
from .evaluate import _fmt

GOLD_KEYS = {"doc_id", "text_sha256", "format", "cells", "checks"}
OPTIONAL_KEYS = {"layout", "verified", "notes"}
CELL_KEYS = {"table", "row", "column", "value", "raw", "ambiguous"}
CHECK_KEYS = {"name", "status", "left", "right"}
STATUSES = (PASS, FAIL, UNCERTAIN)


def validate_table_gold(gold: dict, schema: TableSchema) -> list[str]:
    """Every problem of one table gold record (empty when valid)."""
    problems = []
    missing, unknown = GOLD_KEYS - set(gold), set(gold) - GOLD_KEYS - OPTIONAL_KEYS
    if missing or unknown:
        return [f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}"]
    if gold["format"] not in FORMATS:
        problems.append(f"format {gold['format']!r} not in {FORMATS}")
    seen = set()
    for i, cell in enumerate(gold["cells"]):
        if set(cell) != CELL_KEYS:
            problems.append(f"cell {i}: keys {sorted(cell)}, expected {sorted(CELL_KEYS)}")
            continue
        if cell["table"] not in TABLE_NAMES:
            problems.append(f"cell {i}: table {cell['table']!r}")
            continue
        spec = schema.tables[cell["table"]]
        rows = {r.key: r for r in spec.rows}
        if cell["row"] is not None and cell["row"] not in rows:
            problems.append(f"cell {i}: row {cell['row']!r} not in table {cell['table']}")
            continue
        if cell["ambiguous"]:
            if cell["column"] is not None:
                problems.append(f"cell {i}: an ambiguous cell has no column")
            continue
        columns = rows[cell["row"]].columns_for(gold["format"]) if cell["row"] else None
        if not columns or cell["column"] not in columns:
            problems.append(f"cell {i}: column {cell['column']!r} not in row {cell['row']!r}")
        key = (cell["table"], cell["row"], cell["column"])
        if key in seen:
            problems.append(f"cell {i}: {key} twice")
        seen.add(key)
        if cell["value"] is not None and not cell["raw"]:
            problems.append(f"cell {i}: value {cell['value']!r} with an empty raw text")
    for i, check in enumerate(gold["checks"]):
        if set(check) != CHECK_KEYS or check["status"] not in STATUSES:
            problems.append(f"check {i}: {check}")
    return problems


def load_table_gold(
    path: Path | str, corpus: Path | str, schema: TableSchema | None = None
) -> list[dict]:
    """Hand-verified tables from a folder of ``<doc_id>.json`` (or one file), with their texts.

    Refuses (GoldDataError) a file whose text hash does not match the corpus
    or whose keys are not those of the schema.
    """
    schema = schema or load_table_schema()
    path, corpus = Path(path), Path(corpus)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise GoldDataError(Errors.E114.format(path=path))
    golds = []
    for file in files:
        gold = srsly.read_json(file)
        text_path = corpus / f"{gold.get('doc_id')}.txt"
        if not text_path.is_file():
            raise GoldDataError(Errors.E115.format(doc_id=gold.get("doc_id"), corpus=corpus))
        text = text_path.read_text(encoding="utf-8")
        problems = validate_table_gold(gold, schema)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != gold.get("text_sha256"):
            problems.append("text_sha256 does not match the corpus text")
        if problems:
            raise GoldDataError(Errors.E113.format(path=file, problem="; ".join(problems[:5])))
        golds.append({**gold, "text": text})
    return golds


def predictions_from_pipeline(nlp: Language, golds: Sequence[dict]) -> dict[str, dict]:
    """Cells and checks of ``doc._.tables`` for each gold document."""
    preds = {}
    for gold, doc in zip(golds, nlp.pipe(g["text"] for g in golds), strict=True):
        data = doc._.tables or {"tables": {}, "checks": []}
        cells = [c for t in data["tables"].values() for c in t["cells"]]
        preds[gold["doc_id"]] = {"cells": cells, "checks": data["checks"]}
    return preds


def predictions_from_facts(path: Path | str) -> dict[str, dict]:
    """Cells and checks from the ``table`` and ``check`` records of a facts JSONL file."""
    preds: dict[str, dict] = defaultdict(lambda: {"cells": [], "checks": []})
    for record in srsly.read_jsonl(path):
        if record.get("kind") == "table":
            preds[record["doc_id"]]["cells"].append(record)
        elif record.get("kind") == "check":
            preds[record["doc_id"]]["checks"].append(record)
    return dict(preds)


def _same_value(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def score_document(gold: dict, pred: dict) -> dict:
    """Counts for one document (see the module docstring)."""
    placed = {
        (c["table"], c["row"], c["column"]): c for c in pred["cells"] if not c.get("ambiguous")
    }
    pred_ambiguous = Counter(
        (c["table"], c["row"], c["raw"]) for c in pred["cells"] if c.get("ambiguous")
    )
    gold_placed = {
        (c["table"], c["row"], c["column"]): c for c in gold["cells"] if not c["ambiguous"]
    }
    by_table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    correct = raw_agree = 0
    for cell in gold["cells"]:
        table = by_table[cell["table"]]
        table[1] += 1
        if cell["ambiguous"]:
            key = (cell["table"], cell["row"], cell["raw"])
            ok = pred_ambiguous[key] > 0
            if ok:
                pred_ambiguous[key] -= 1
        else:
            got = placed.get((cell["table"], cell["row"], cell["column"]))
            ok = got is not None and _same_value(got.get("value"), cell["value"])
            raw_agree += int(got is not None and (got.get("raw") or "") == (cell["raw"] or ""))
        correct += int(ok)
        table[0] += int(ok)
        if not ok:
            errors.append({"doc_id": gold["doc_id"], **cell})
    guessed = []
    for key, cell in placed.items():
        if cell.get("value") is None:
            continue
        truth = gold_placed.get(key)
        if truth is None or truth["value"] is None:
            guessed.append({"doc_id": gold["doc_id"], **{k: cell.get(k) for k in CELL_KEYS}})
    agree, disagreements = _score_checks(gold, pred)
    return {
        "cells": len(gold["cells"]),
        "correct": correct,
        "raw_agree": raw_agree,
        "placed_gold": len(gold_placed),
        "by_table": {k: tuple(v) for k, v in by_table.items()},
        "errors": errors,
        "guessed": guessed,
        "checks": len(gold["checks"]),
        "checks_agree": agree,
        "check_disagreements": disagreements,
        "extra_checks": _extra_checks(gold, pred),
    }


def _score_checks(gold: dict, pred: dict) -> tuple[int, list[dict]]:
    pending: dict[str, list[dict]] = defaultdict(list)
    for check in pred["checks"]:
        pending[check["name"]].append(check)
    agree = 0
    disagreements = []
    for check in gold["checks"]:
        got = pending[check["name"]].pop(0) if pending[check["name"]] else None
        ok = got is not None and got["status"] == check["status"]
        if ok and check["status"] != UNCERTAIN:
            ok = _same_value(got["left"], check["left"]) and _same_value(
                got["right"], check["right"]
            )
        agree += int(ok)
        if not ok:
            disagreements.append(
                {"doc_id": gold["doc_id"], "name": check["name"], "gold": check["status"],
                 "predicted": got["status"] if got else None}
            )  # fmt: skip
    return agree, disagreements


def _extra_checks(gold: dict, pred: dict) -> int:
    names = Counter(c["name"] for c in gold["checks"])
    names.subtract(Counter(c["name"] for c in pred["checks"]))
    return sum(-n for n in names.values() if n < 0)


def score_tables(golds: Sequence[dict], preds: dict[str, dict]) -> dict:
    """Cell accuracy, guessed cells and check agreement over the gold documents."""
    total: Counter = Counter()
    by_table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict] = []
    guessed: list[dict] = []
    disagreements: list[dict] = []
    for gold in golds:
        doc = score_document(gold, preds.get(gold["doc_id"], {"cells": [], "checks": []}))
        for key in ("cells", "correct", "raw_agree", "placed_gold", "checks", "checks_agree"):
            total[key] += doc[key]
        total["extra_checks"] += doc["extra_checks"]
        for name, (ok, n) in doc["by_table"].items():
            by_table[name][0] += ok
            by_table[name][1] += n
        errors += doc["errors"]
        guessed += doc["guessed"]
        disagreements += doc["check_disagreements"]

    def share(a: int, b: int) -> float | None:
        return a / b if b else None

    return {
        "documents": len(golds),
        "cells": total["cells"],
        "cell_accuracy": share(total["correct"], total["cells"]),
        "raw_agreement": share(total["raw_agree"], total["placed_gold"]),
        "by_table": {
            name: {"cells": n, "accuracy": share(ok, n)}
            for name, (ok, n) in sorted(by_table.items())
        },
        "guessed_cells": len(guessed),
        "checks": total["checks"],
        "check_agreement": share(total["checks_agree"], total["checks"]),
        "extra_checks": total["extra_checks"],
        "errors": errors[:50],
        "guessed": guessed[:50],
        "check_disagreements": disagreements[:50],
    }


def evaluate_tables_target(target: Language | Path, golds: Sequence[dict]) -> dict:
    """Score a pipeline (run over the gold texts) or a facts file."""
    if isinstance(target, Path):
        preds = predictions_from_facts(target)
    else:
        preds = predictions_from_pipeline(target, golds)
    return score_tables(golds, preds)


def format_tables_report(reports: dict[str, dict]) -> str:
    """The TABLES part of the evaluate output, several targets side by side."""
    names = list(reports)

    def row(label: str, cells: list[str]) -> str:
        return f"{label:<18}" + " | ".join(f"{c:<34}" for c in cells)

    first = reports[names[0]]
    lines = [
        f"TABLES: {first['documents']} hand-verified documents, {first['cells']} cells, "
        f"{first['checks']} checks",
        row("cell accuracy", [_fmt(reports[n]["cell_accuracy"]) for n in names]),
    ]
    for table in TABLE_NAMES:
        if table in first["by_table"]:
            cells = [
                f"{_fmt(reports[n]['by_table'].get(table, {}).get('accuracy'))} "
                f"{reports[n]['by_table'].get(table, {}).get('cells', 0):>5}"
                for n in names
            ]
            lines.append(row(f"  {table}", cells))
    lines.append(row("raw agreement", [_fmt(reports[n]["raw_agreement"]) for n in names]))
    lines.append(row("guessed cells", [str(reports[n]["guessed_cells"]) for n in names]))
    lines.append(row("check agreement", [_fmt(reports[n]["check_agreement"]) for n in names]))
    lines.append(row("extra checks", [str(reports[n]["extra_checks"]) for n in names]))
    return "\n".join(lines)
