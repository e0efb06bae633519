"""From report files to fact records (INTERFACE.md "Facts JSONL").

Every input file yields exactly one ``document`` record, also when it cannot
be read or processed (then ``status`` is "error" and no other record follows
for it); one bad file never stops the run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .components.sections import section_ranges
from .errors import Errors
from .io.readers import (
    DEFAULT_MAX_BYTES,
    DOC_ID_KINDS,
    ReadResult,
    iter_input_files,
    read_document,
)

CHUNK_SIZE = 64


def document_record(result: ReadResult, doc: Doc | None = None, error: str | None = None) -> dict:
    """The ``document`` record of one input file."""
    error = error or result.error
    record: dict = {
        "doc_id": result.doc_id,
        "kind": "document",
        "source": result.source,
        "chars": len(result.text),
        "sha256": result.sha256 if result.text else None,
        "status": "error" if error else "ok",
        "encoding": result.encoding,
    }
    if error:
        record["error"] = error
    report = (doc._.report if doc is not None else None) or {}
    for key in ("title", "agency", "year", "format"):
        record[key] = report.get(key)
    if result.text and result.source.lower().endswith((".html", ".htm")):
        record["text"] = result.text
    return record


def doc_records(doc: Doc, doc_id: str) -> Iterator[dict]:
    """Section, entity and statement records of a processed Doc."""
    for start, end, label in section_ranges(doc):
        heading = doc.text[start:end].split("\n", 1)[0].strip()
        yield {
            "doc_id": doc_id,
            "kind": "section",
            "label": label,
            "start": start,
            "end": end,
            "heading": heading[:80] if label != "PREAMBLE" else None,
        }
    for ent in doc.ents:
        yield {
            "doc_id": doc_id,
            "kind": "entity",
            "label": ent.label_,
            "start": ent.start_char,
            "end": ent.end_char,
            "text": ent.text,
            "value": ent._.value,
            "attrs": ent._.attrs or {},
            "section": ent._.section,
        }
    for span in doc.spans.get("statements", []):
        yield {
            "doc_id": doc_id,
            "kind": "statement",
            "label": span.label_,
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "score": span._.score,
            "section": span._.section,
        }
    for record in doc.user_data.get("disclosure_records", []):
        yield {"doc_id": doc_id, **record}


def _process_chunk(
    nlp: Language, chunk: Sequence[ReadResult], workers: int
) -> Iterator[tuple[ReadResult, Doc | None, str | None]]:
    by_id = {i: result for i, result in enumerate(chunk)}
    done: dict[int, Doc] = {}
    try:
        pairs = ((result.text, i) for i, result in by_id.items())
        for doc, i in nlp.pipe(pairs, as_tuples=True, n_process=workers):
            done[i] = doc
    except Exception:  # one document failed somewhere: redo the chunk one by one
        done = {}
    for i, result in by_id.items():
        if i in done:
            yield result, done[i], None
            continue
        try:
            yield result, nlp(result.text), None
        except Exception as err:
            message = Errors.E008.format(doc_id=result.doc_id, error=f"{type(err).__name__}: {err}")
            yield result, None, message


def extract(
    paths: Iterable[Path | str],
    nlp: Language | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    doc_ids: str = "name",
) -> Iterator[dict]:
    """Yield the fact records of every report file under ``paths``.

    ``paths``: files and folders (searched recursively for .txt/.htm/.html).
    ``nlp``: a loaded pipeline; the default pipeline when None. ``workers``:
    processes for ``nlp.pipe``. ``progress``: a progress bar on stderr (by
    default only when stderr is a terminal). ``doc_ids``: ``name`` (the file
    name without extension, INTERFACE.md) or ``path`` (the path as given, unique
    when files in different folders share a name).
    """
    if doc_ids not in DOC_ID_KINDS:
        raise ValueError(Errors.E044.format(kind=doc_ids, allowed=DOC_ID_KINDS))
    if nlp is None:
        from .pipeline import load

        nlp = load()
    files = [path for path, _ in iter_input_files(paths)]
    if progress is None:
        progress = sys.stderr.isatty()
    bar = tqdm(total=len(files), unit="doc", disable=not progress, file=sys.stderr)
    chunk: list[ReadResult] = []

    def flush() -> Iterator[dict]:
        for result, doc, error in _process_chunk(nlp, chunk, workers):
            yield document_record(result, doc, error)
            if doc is not None and error is None:
                yield from doc_records(doc, result.doc_id)
            bar.update(1)
        chunk.clear()

    try:
        for path in files:
            result = read_document(path, max_bytes=max_bytes, doc_id=doc_ids)
            if not result.ok:
                yield from flush()
                yield document_record(result)
                bar.update(1)
                continue
            chunk.append(result)
            if len(chunk) >= CHUNK_SIZE * max(1, workers):
                yield from flush()
        yield from flush()
    finally:
        bar.close()
