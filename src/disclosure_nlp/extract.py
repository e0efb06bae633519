"""From report files to fact records (INTERFACE.md "Facts JSONL").

Every input file yields exactly one ``document`` record, also when it cannot
be read or processed (then ``status`` is "error" and no other record follows
for it); one bad file never stops the run.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .components.sections import section_ranges
from .errors import Errors, Warnings
from .io.readers import (
    DEFAULT_MAX_BYTES,
    DOC_ID_KINDS,
    ReadResult,
    iter_input_files,
    read_document,
)
from .io.shards import take_shard

WORKER_CHUNK = 4  # files handed to a worker process at a time
# how worker processes start: None is the platform's default (fork on Linux, where they
# inherit the loaded pipeline; spawn on macOS and Windows, where it is pickled to each)
START_METHOD: str | None = None


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


def file_records(
    path: Path, nlp: Language, max_bytes: int = DEFAULT_MAX_BYTES, doc_ids: str = "name"
) -> list[dict]:
    """The records of one file: its document record first, then (when it could be
    read and processed) its sections, entities, statements, tables and checks."""
    result = read_document(path, max_bytes=max_bytes, doc_id=doc_ids)
    if not result.ok:
        return [document_record(result)]
    try:
        doc = nlp(result.text)
    except Exception as err:  # one document failed: its error record, and the batch goes on
        message = Errors.E008.format(doc_id=result.doc_id, error=f"{type(err).__name__}: {err}")
        return [document_record(result, error=message)]
    return [document_record(result, doc), *doc_records(doc, result.doc_id)]


_worker_nlp: Language | None = None


def _start_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _records_in_worker(path: Path, max_bytes: int, doc_ids: str) -> list[dict]:
    assert _worker_nlp is not None, "the worker was started without its pipeline"
    return file_records(path, _worker_nlp, max_bytes, doc_ids)


def _pooled_records(
    files: Sequence[Path], nlp: Language, workers: int, max_bytes: int, doc_ids: str
) -> Iterator[list[dict]]:
    """Each file's records, in the order of ``files``, from ``workers`` processes that
    each hold the pipeline (inherited where processes fork, else sent to them once)
    and do all of a file's work: reading, the pipeline and its records. Should a
    process die (killed for memory), the files not yet done are done here, one by one.
    """
    done = 0
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(START_METHOD),
        initializer=_start_worker,
        initargs=(nlp,),
    )
    try:
        work = partial(_records_in_worker, max_bytes=max_bytes, doc_ids=doc_ids)
        for records in pool.map(work, files, chunksize=WORKER_CHUNK):
            yield records
            done += 1
    except BrokenProcessPool:
        print(Warnings.W003.format(n=len(files) - done), file=sys.stderr)
        for path in files[done:]:
            yield file_records(path, nlp, max_bytes, doc_ids)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract(
    paths: Iterable[Path | str],
    nlp: Language | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
    doc_ids: str = "name",
    shard: tuple[int, int] | None = None,
) -> Iterator[dict]:
    """Yield the fact records of every report file under ``paths``.

    ``paths``: files and folders (searched recursively for .txt/.htm/.html).
    ``nlp``: a loaded pipeline; the default pipeline when None. ``workers``:
    processes, each reading and processing whole files (records come in the order
    of the files all the same). ``progress``: a progress bar on stderr (by
    default only when stderr is a terminal). ``doc_ids``: ``name`` (the file
    name without extension, INTERFACE.md) or ``path`` (the path as given, unique
    when files in different folders share a name). ``shard``: ``(k, n)`` reads only
    the k-th (from 1) of n disjoint parts of the files, every n-th from the k-th
    (:mod:`disclosure_nlp.io.shards`), for one task of a job array; None reads all.
    """
    if doc_ids not in DOC_ID_KINDS:
        raise ValueError(Errors.E044.format(kind=doc_ids, allowed=DOC_ID_KINDS))
    if nlp is None:
        from .pipeline import load

        nlp = load()
    files = take_shard([path for path, _ in iter_input_files(paths)], shard)
    if progress is None:
        progress = sys.stderr.isatty()
    if workers > 1 and len(files) > 1:
        per_file = _pooled_records(files, nlp, min(workers, len(files)), max_bytes, doc_ids)
    else:
        per_file = (file_records(path, nlp, max_bytes, doc_ids) for path in files)
    with tqdm(total=len(files), unit="doc", disable=not progress, file=sys.stderr) as bar:
        for records in per_file:
            yield from records
            bar.update(1)
