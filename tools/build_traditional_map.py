"""Build ``resources/traditional_chars.json`` from OpenCC's character tables.

The map is one traditional character for one simplified character, so that a
simplified copy of a text keeps every offset. It takes OpenCC's
``TSCharacters.txt`` (traditional to simplified, Apache License 2.0,
https://github.com/BYVoid/OpenCC) and leaves out every character that is also
written in simplified text (a key of ``STCharacters.txt`` or a candidate
output of ``TSCharacters.txt``, such as 乾 and 著), so simplified reports are
never changed. The hand-made entries already in the map are kept.

    pip download --no-deps -d /tmp/occ opencc-python-reimplemented==0.1.7
    unzip -q /tmp/occ/*.whl -d /tmp/occ
    python tools/build_traditional_map.py /tmp/occ/opencc/dictionary
"""

from __future__ import annotations

import argparse
import json
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
    out.update(existing)
    return dict(sorted(out.items()))


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
