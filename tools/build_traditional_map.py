"""Build ``resources/traditional_chars.json`` from OpenCC's character tables.

The map is one traditional character for one simplified character, so that a
simplified copy of a text keeps every offset. It takes OpenCC's
``TSCharacters.txt`` (traditional to simplified, Apache License 2.0,
https://github.com/BYVoid/OpenCC) and leaves out every character that is also
written in simplified text (a key of ``STCharacters.txt`` or a candidate
output of ``TSCharacters.txt``, such as 乾 and 著), so simplified reports are
never changed. The hand-made entries already in the map are kept (less any that
map a character to itself).

It adds the compatibility forms that text extracted from PDFs puts in place of
ideographs: Kangxi radicals (⽇ U+2F47 for 日, ⼀ U+2F00 for 一) and CJK
compatibility ideographs (U+F900-U+FAFF, U+2F800-U+2FA1F), each mapped to the
one character Unicode's NFKC gives it, read in turn through the map (⾨ → 門 → 门).

    pip download --no-deps -d /tmp/occ opencc-python-reimplemented==0.1.7
    unzip -q /tmp/occ/*.whl -d /tmp/occ
    python tools/build_traditional_map.py /tmp/occ/opencc/dictionary
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

TARGET = Path(__file__).parent.parent / "src/disclosure_nlp/resources/traditional_chars.json"


def read_table(path: Path) -> dict[str, list[str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, values = line.split("\t")
            table[key] = values.split()
    return table


def build(dictionary: Path, existing: dict[str, str]) -> dict[str, str]:
    ts = read_table(dictionary / "TSCharacters.txt")
    st = read_table(dictionary / "STCharacters.txt")
    simplified_chars = set(st) | {c for values in ts.values() for c in values}
    out = {}
    for trad, candidates in ts.items():
        simp = candidates[0]
        if len(trad) != 1 or len(simp) != 1 or trad == simp or trad in simplified_chars:
            continue
        out[trad] = simp
    out.update((trad, simp) for trad, simp in existing.items() if trad != simp)
    out.update(compatibility_forms(out))
    return dict(sorted(out.items()))


# Kangxi radicals, the radicals supplement, CJK compatibility ideographs (and supplement)
COMPATIBILITY_BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def compatibility_forms(traditional: dict[str, str]) -> dict[str, str]:
    """Each compatibility form with a one-character NFKC form, mapped to that character
    (through ``traditional`` where it is a traditional one)."""
    out = {}
    for first, last in COMPATIBILITY_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char and len(folded) == 1:
                out[char] = traditional.get(folded, folded)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionary", type=Path, help="OpenCC's dictionary folder")
    args = parser.parse_args()
    data = json.loads(TARGET.read_text(encoding="utf-8"))
    data["map"] = build(args.dictionary, data["map"])
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['map'])} characters -> {TARGET}")


if __name__ == "__main__":
    main()
