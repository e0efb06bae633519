"""Build ``resources/place_names.json``: short names of China's provinces,
prefectures and counties, the way sites and accounts name themselves (武义旅游网站,
硚口信息网, 平安黄石网).

It reads ``adcodes.csv`` from the cpca package (MIT License,
https://github.com/DQinYuan/chinese_province_city_area_mapper), whose names come
from the National Bureau of Statistics' division codes, and strips each name's
level (县, 市, 区, 自治州 …) and the nationalities of autonomous areas (恩施土家族苗族
自治州 -> 恩施). Names shorter than two characters are left out.

    pip download --no-deps -d /tmp/cpca cpca==0.5.5
    unzip -q /tmp/cpca/*.whl -d /tmp/cpca
    python tools/build_place_names.py /tmp/cpca/cpca/resources/adcodes.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

TARGET = Path(__file__).parent.parent / "src/disclosure_nlp/resources/place_names.json"
LEVELS = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
    "自治旗", "地区", "林区", "新区", "省", "市", "盟", "县", "区", "旗",
)  # fmt: skip
NATIONALITIES_RE = re.compile(r"^(?P<place>.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)+$")
DESCRIPTION = (
    "Short names of China's provinces, prefectures and counties (武义, 硚口, 黄石), read by "
    "disclosure_names where a site's own name is a place and a topic (武义旅游网站, 平安黄石网; "
    "names.json site_name_media_words). Built by tools/build_place_names.py from the cpca "
    "package's adcodes.csv (MIT License), each name without its level and nationalities."
)


def short_name(name: str) -> str:
    """A division's name without its level: 武义县 -> 武义, 恩施土家族苗族自治州 -> 恩施."""
    for level in LEVELS:
        if name.endswith(level) and len(name) - len(level) >= 2:
            name = name[: -len(level)]
            break
    match = NATIONALITIES_RE.match(name)
    return match["place"] if match else name


def build(adcodes: Path) -> list[str]:
    with adcodes.open(encoding="utf-8") as handle:
        names = {short_name(row["name"]) for row in csv.DictReader(handle)}
    return sorted(n for n in names if len(n) >= 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("adcodes", type=Path, help="cpca's resources/adcodes.csv")
    args = parser.parse_args()
    names = build(args.adcodes)
    data = {"description": DESCRIPTION, "names": names}
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(names)} place names -> {TARGET}")


if __name__ == "__main__":
    main()
