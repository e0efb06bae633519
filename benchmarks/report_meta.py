"""The document records of the corpus against its metadata.jsonl: title, agency, year, format.

``corpus/metadata.jsonl`` (from ../shared/corpus) gives each text's title, agency,
year and format as the corpus was collected, partly from the web page around the
text; the agency there is the full official name (济宁市人力资源和社会保障局) and
sometimes inferred (marked 推定). The package infers these from the text alone and
writes the agency as the text does (市人力资源社会保障局), so an agency is counted

- ``same``: equal to the metadata's;
- ``short form``: one name inside the other (市民政局 in 武汉市民政局) or the same
  name once 人民政府 is shortened to 政府;
- ``other``: a different name; ``null``: none inferred.

The metadata gives documents of genre "related" (no annual report) their kind as
format (work-summary, …); the package's format for them is "other".

    python benchmarks/report_meta.py [CORPUS_DIR]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import srsly

import disclosure_nlp

NOTE = re.compile(r"[（(][^）)]*[）)]")


def expected(reference: dict, field: str) -> object:
    """The metadata's value; the format of a related document (its genre) is "other"."""
    if field == "format" and reference.get("genre") == "related":
        return "other"
    return reference.get(field)


def agency_agreement(inferred: str | None, reference: str | None) -> str:
    if inferred is None:
        return "null"
    reference = NOTE.sub("", reference or "")
    if inferred == reference:
        return "same"
    short = [name.replace("人民政府", "政府") for name in (inferred, reference)]
    if reference and (inferred in reference or reference in inferred or short[0] == short[1]):
        return "short form"
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    args = parser.parse_args()
    reference = {r["doc_id"]: r for r in srsly.read_jsonl(args.corpus / "metadata.jsonl")}
    documents = [
        record
        for record in disclosure_nlp.extract([args.corpus], nlp=disclosure_nlp.load())
        if record["kind"] == "document" and record["doc_id"] in reference
    ]
    n = len(documents)
    for field in ("year", "format"):
        same = sum(doc[field] == expected(reference[doc["doc_id"]], field) for doc in documents)
        print(f"{field:<7} {same:>3} of {n} the same")
    titled = [doc for doc in documents if doc["title"] is not None]
    same = sum(
        re.sub(r"\s", "", doc["title"]) == re.sub(r"\s", "", reference[doc["doc_id"]]["title"])
        for doc in titled
    )
    print(f"title   {same:>3} of {len(titled)} inferred the same ({n - len(titled)} null)")
    counts = Counter(
        agency_agreement(doc["agency"], reference[doc["doc_id"]].get("agency")) for doc in documents
    )
    print(
        "agency  " + ", ".join(f"{k} {counts[k]}" for k in ("same", "short form", "other", "null"))
    )
    for doc in documents:
        ref = reference[doc["doc_id"]].get("agency")
        if agency_agreement(doc["agency"], ref) == "other":
            print(f"  other: {doc['doc_id']} {doc['agency']} (metadata: {ref})")


if __name__ == "__main__":
    main()
