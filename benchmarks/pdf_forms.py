"""The corpus as a PDF extraction may write it: does it give the same records?

PDF text extraction often writes Kangxi radicals (⼈ U+2F08, ⽇ U+2F47 …) in
place of the ideographs they look like. This script writes every corpus text
with each character that has a Kangxi radical form (the NFKC inverse of the
U+2F00–U+2FDF block) replaced by that radical, one character for one, runs
``extract`` on both the texts and their copies, and prints for each record
kind how many records of the texts the copies give as well (and how many
others they give).

    python benchmarks/pdf_forms.py [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import srsly

import disclosure_nlp

KANGXI_BLOCK = (0x2F00, 0x2FDF)

# what identifies a record of each kind (source paths and texts differ by design)
KEYS = {
    "document": ("title", "agency", "year", "format"),
    "section": ("label", "start", "end"),
    "entity": ("label", "start", "end", "value"),
    "statement": ("label", "start", "end"),
    "table": ("table", "row", "column", "value", "start"),
    "check": ("name", "status"),
}


def radical_forms() -> dict[str, str]:
    """Each ideograph that has a Kangxi radical form, mapped to that radical."""
    forms: dict[str, str] = {}
    for code in range(KANGXI_BLOCK[0], KANGXI_BLOCK[1] + 1):
        radical = chr(code)
        ideograph = unicodedata.normalize("NFKC", radical)
        if ideograph != radical and len(ideograph) == 1:
            forms.setdefault(ideograph, radical)
    return forms


def record_sets(folder: Path, nlp) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)
    for record in disclosure_nlp.extract([folder], nlp=nlp):
        keys = KEYS.get(record["kind"])
        if keys is not None:
            values = tuple(srsly.json_dumps(record.get(k)) for k in keys)
            out[record["kind"]].add((record["doc_id"], *values))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    args = parser.parse_args()
    forms = radical_forms()
    nlp = disclosure_nlp.load()
    with tempfile.TemporaryDirectory() as tmp:
        copies = Path(tmp)
        changed = total = 0
        for path in sorted(args.corpus.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            copy = "".join(forms.get(char, char) for char in text)
            changed += sum(a != b for a, b in zip(text, copy, strict=True))
            total += len(text)
            (copies / path.name).write_text(copy, encoding="utf-8")
        print(f"{len(forms)} ideographs written as radicals: {changed:,} of {total:,} characters")
        original, radical = record_sets(args.corpus, nlp), record_sets(copies, nlp)
    for kind in KEYS:
        same = len(original[kind] & radical[kind])
        extra = len(radical[kind] - original[kind])
        print(f"{kind:<10} {same:>6,} of {len(original[kind]):>6,} the same, {extra:,} others")


if __name__ == "__main__":
    main()
