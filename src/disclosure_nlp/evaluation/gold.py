"""Gold data: loading and validating annotations/*.jsonl (ANNOTATION.md §6).

A loader refuses a record whose ``text_sha256`` or span texts do not match
the corpus, whose entities overlap, or whose labels or values are not those of
the guideline; the error names the file, the line and the span.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import srsly

from ..errors import Errors, GoldDataError

ENTITY_LABELS = ("COUNT", "PERCENT", "MONEY", "DATE", "HOTLINE", "CHANNEL", "POLICY", "DOC_NO")
STATEMENT_LABELS = ("PROBLEM", "IMPROVEMENT")
SECTION_LABELS = ("PREAMBLE", "OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS", "OTHER")
CHANNEL_TYPES = (
    "wechat", "weibo", "newspaper", "tv_radio", "programme", "column", "website",
    "platform", "app", "bulletin", "other",
)  # fmt: skip
RECORD_KEYS = {"doc_id", "text_sha256", "entities", "statements", "sections", "tables"}
OPTIONAL_KEYS = {"prefilled", "annotator", "notes"}
_ISO_PART = r"\d{4}(-\d{2}(-\d{2})?)?"
ISO_DATE = re.compile(rf"^{_ISO_PART}(/{_ISO_PART})?$")
QUOTE_MARKS = "“”「」《》\"'‘’『』"


def check_value(label: str, value: object) -> str | None:
    """Why a value does not fit its label (ANNOTATION.md §1), or None."""
    if label in ("COUNT", "PERCENT", "MONEY"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{label} value must be a number, got {value!r}"
    elif label == "DATE":
        if not isinstance(value, str) or not ISO_DATE.match(value):
            return f"DATE value must be ISO 8601 (YYYY[-MM[-DD]][/...]), got {value!r}"
    elif label == "HOTLINE":
        if not isinstance(value, str) or not value.isdigit():
            return f"HOTLINE value must be a string of digits, got {value!r}"
    elif label == "CHANNEL":
        if value not in CHANNEL_TYPES:
            return f"CHANNEL value must be one of {CHANNEL_TYPES}, got {value!r}"
    elif value is not None:
        return f"{label} value must be null, got {value!r}"
    return None


def validate_record(record: dict, text: str) -> list[str]:
    """Every problem of one gold record against its corpus text (empty when valid)."""
    problems: list[str] = []
    missing = RECORD_KEYS - set(record)
    unknown = set(record) - RECORD_KEYS - OPTIONAL_KEYS
    if missing:
        problems.append(f"missing keys {sorted(missing)}")
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)}")
    if missing:
        return problems
    if record["text_sha256"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
        problems.append("text_sha256 does not match the corpus text")
        return problems
    tables = [(t["start"], t["end"]) for t in record["tables"]]
    prev_end = -1
    for ent in sorted(record["entities"], key=lambda e: (e["start"], e["end"])):
        where = f"entity {ent.get('text')!r}@{ent['start']}"
        if ent["label"] not in ENTITY_LABELS:
            problems.append(f"{where}: unknown label {ent['label']!r}")
        if not 0 <= ent["start"] < ent["end"] <= len(text):
            problems.append(f"{where}: offsets out of range")
        elif text[ent["start"] : ent["end"]] != ent["text"]:
            problems.append(f"{where}: span text does not match the corpus")
        if ent["start"] < prev_end:
            problems.append(f"{where}: overlaps the previous entity")
        if any(s <= ent["start"] < e for s, e in tables):
            problems.append(f"{where}: inside a table block")
        message = check_value(ent["label"], ent.get("value"))
        if message:
            problems.append(f"{where}: {message}")
        prev_end = max(prev_end, ent["end"])
    prev_end = -1
    for st in sorted(record["statements"], key=lambda s: s["start"]):
        where = f"statement@{st['start']}"
        if st["label"] not in STATEMENT_LABELS:
            problems.append(f"{where}: unknown label {st['label']!r}")
        if not 0 <= st["start"] < st["end"] <= len(text):
            problems.append(f"{where}: offsets out of range")
        elif "text" in st and text[st["start"] : st["end"]] != st["text"]:
            problems.append(f"{where}: span text does not match the corpus")
        if st["start"] < prev_end:
            problems.append(f"{where}: overlaps the previous statement")
        prev_end = st["end"]
    pos = 0
    for sec in sorted(record["sections"], key=lambda s: s["start"]):
        if sec["label"] not in SECTION_LABELS:
            problems.append(f"section@{sec['start']}: unknown label {sec['label']!r}")
        if sec["start"] != pos:
            problems.append(
                f"section@{sec['start']}: sections must tile the text (gap or overlap at {pos})"
            )
        pos = sec["end"]
    if record["sections"] and pos != len(text):
        problems.append(f"sections end at {pos}, the text at {len(text)}")
    return problems


def _read_records(path: Path) -> Iterator[dict]:
    """The records of one gold JSONL file; a missing file or a broken line raises E034."""
    try:
        yield from srsly.read_jsonl(path)
    except ValueError as err:  # srsly: "Can't read file", "Invalid JSON on line N"
        raise GoldDataError(Errors.E034.format(path=path, error=err)) from err


def load_gold(
    paths: Path | str | Iterable[Path | str], corpus_dir: Path | str = "corpus"
) -> list[dict]:
    """Load and validate gold records; raises :class:`GoldDataError` on the first bad one.

    ``paths``: a JSONL file, a folder of them, or several. Each returned record
    carries its corpus ``text``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    records, seen = [], set()
    for file in files:
        for line_no, record in enumerate(_read_records(file), start=1):
            doc_id = record.get("doc_id")
            text_path = Path(corpus_dir) / f"{doc_id}.txt"
            if not text_path.exists():
                raise GoldDataError(Errors.E032.format(doc_id=doc_id, corpus=corpus_dir))
            text = text_path.read_text(encoding="utf-8")
            problems = validate_record(record, text)
            if doc_id in seen:
                problems.append("duplicate doc_id")
            if problems:
                raise GoldDataError(
                    Errors.E031.format(
                        path=file, line=line_no, problem=f"{doc_id}: " + "; ".join(problems)
                    )
                )
            seen.add(doc_id)
            records.append({**record, "text": text})
    return records


def split_ids(splits_path: Path | str, split: str | None) -> set[str] | None:
    """Document ids of one split of annotations/splits.json (None: all documents)."""
    if split is None or split == "all":
        return None
    try:
        splits = srsly.read_json(splits_path)
    except ValueError as err:  # srsly: "Can't read file", or no JSON
        raise GoldDataError(Errors.E035.format(path=splits_path, error=err)) from err
    splits = splits if isinstance(splits, dict) else {}
    names = sorted(
        k for k, v in splits.items() if isinstance(v, list) and all(isinstance(i, str) for i in v)
    )  # the lists of document ids (splits.json also holds the ratios)
    if split not in names:
        raise GoldDataError(Errors.E036.format(split=split, path=splits_path, names=names))
    return set(splits[split])


def of_split(golds: list[dict], splits_path: Path | str, split: str | None) -> list[dict]:
    """The gold records of one split (``all`` or None: every record)."""
    ids = split_ids(splits_path, split)
    return golds if ids is None else [g for g in golds if g["doc_id"] in ids]


def add_gold_arguments(parser) -> None:
    """The --gold, --corpus and --splits options of the training scripts."""
    parser.add_argument("--gold", default="annotations/gold.jsonl")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--splits", default="annotations/splits.json")
