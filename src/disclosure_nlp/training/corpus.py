"""Gold data as spaCy training data: Docs, DocBin files and a registered reader.

Gold entities go to ``doc.ents``; statements, sections and table blocks to
``doc.spans["statements"|"sections"|"tables"]``. Spans are aligned to the
package's tokens strictly; the ones that do not align are reported (and left
out of the Doc), never silently moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry

from ..evaluation.gold import load_gold, split_ids


@dataclass
class AlignmentReport:
    """Gold spans that do not fall on token boundaries."""

    spans: int = 0
    misaligned: list[dict] = field(default_factory=list)

    @property
    def aligned_share(self) -> float:
        return 1 - len(self.misaligned) / self.spans if self.spans else 1.0

    def summary(self) -> str:
        lines = [
            f"{self.spans} gold spans, {len(self.misaligned)} not on token boundaries "
            f"({self.aligned_share:.2%} aligned)"
        ]
        for item in self.misaligned:
            lines.append(
                f"  {item['doc_id']} {item['kind']} {item['label']} {item['start']}-{item['end']} "
                f"{item['text']!r}"
            )
        return "\n".join(lines)


def _spans(
    doc: Doc, items: Iterable[dict], kind: str, doc_id: str, report: AlignmentReport
) -> list[Span]:
    out = []
    for item in items:
        report.spans += 1
        label = item.get("label", kind.upper())
        start, end = item["start"], item["end"]
        if kind != "entities":
            # white space at the edges of a section or block is a token's trailing space
            piece = doc.text[start:end]
            start += len(piece) - len(piece.lstrip())
            end = start + len(piece.strip())
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:
            report.misaligned.append(
                {"doc_id": doc_id, "kind": kind, "label": label, "start": item["start"],
                 "end": item["end"], "text": doc.text[item["start"] : item["end"]]}
            )  # fmt: skip
            continue
        if kind == "entities":
            span._.value = item.get("value")
        out.append(span)
    return out


def gold_to_doc(nlp: Language, record: dict, report: AlignmentReport | None = None) -> Doc:
    """One gold record (with ``text``) as an annotated Doc."""
    report = report if report is not None else AlignmentReport()
    doc = nlp.make_doc(record["text"])
    doc_id = record["doc_id"]
    doc.user_data["doc_id"] = doc_id
    doc.ents = _spans(doc, record["entities"], "entities", doc_id, report)
    doc.spans["statements"] = _spans(doc, record["statements"], "statements", doc_id, report)
    doc.spans["sections"] = _spans(doc, record["sections"], "sections", doc_id, report)
    tables = [{**t, "label": "TABLE"} for t in record["tables"]]
    doc.spans["tables"] = _spans(doc, tables, "tables", doc_id, report)
    return doc


def gold_docs(
    nlp: Language,
    gold: Path | str,
    corpus: Path | str,
    splits: Path | str | None = None,
    split: str | None = None,
) -> tuple[list[Doc], AlignmentReport]:
    """The gold documents of one split as Docs, with the alignment report."""
    ids = split_ids(splits, split) if splits else None
    report = AlignmentReport()
    docs = [
        gold_to_doc(nlp, record, report)
        for record in load_gold(gold, corpus)
        if ids is None or record["doc_id"] in ids
    ]
    return docs, report


def convert_gold(
    nlp: Language, gold: Path | str, corpus: Path | str, splits: Path | str, out_dir: Path | str
) -> AlignmentReport:
    """Write ``train.spacy``, ``dev.spacy`` and ``test.spacy`` DocBins."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = AlignmentReport()
    for split in ("train", "dev", "test"):
        docs, report = gold_docs(nlp, gold, corpus, splits, split)
        DocBin(docs=docs, store_user_data=True).to_disk(out_dir / f"{split}.spacy")
        total.spans += report.spans
        total.misaligned.extend(report.misaligned)
    return total


@registry.readers("disclosure_nlp.GoldCorpus.v1")
def create_gold_reader(
    gold: Path, corpus: Path, splits: Path, split: str
) -> Callable[[Language], Iterator[Example]]:
    """Reader for configs: gold examples of one split, tokenized by the pipeline's tokenizer.

    ``[corpora.train] @readers = "disclosure_nlp.GoldCorpus.v1"``; no ``--code`` needed.
    """

    def read(nlp: Language) -> Iterator[Example]:
        docs, _ = gold_docs(nlp, gold, corpus, splits, split)
        for reference in docs:
            yield Example(nlp.make_doc(reference.text), reference)

    return read
