"""Shared by the entity components: found entities as data, overlap resolution, writing.

The rule components (``disclosure_quantities``, ``disclosure_names``) find
entities as :class:`FoundEntity` records over ``doc.text``; this module
settles overlaps (ANNOTATION.md §1: entities never nest or overlap; the longer,
more specific one wins), leaves out the statutory table blocks and the web
furniture that ``disclosure_sections`` marks, and writes what is left to
``doc.ents`` with ``span._.value`` and ``span._.attrs``. A found span whose
edges fall inside tokens gets its tokens split, so no entity is dropped for
the tokenizer's sake.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from ..normalize.glosses import has_glosses, span_in_text, strip_glosses

ENTITY_LABELS = ("COUNT", "PERCENT", "MONEY", "DATE", "HOTLINE", "CHANNEL", "POLICY", "DOC_NO")
# where two spans of the same length compete, the more specific label wins
LABEL_PRIORITY: dict[str, int] = {
    "DOC_NO": 8,
    "POLICY": 7,
    "CHANNEL": 6,
    "HOTLINE": 5,
    "MONEY": 4,
    "PERCENT": 3,
    "DATE": 2,
    "COUNT": 1,
}
EXCLUDED_SPAN_KEYS = ("tables", "furniture")


@dataclass(frozen=True)
class FoundEntity:
    """An entity found in a text: character offsets, label, value and attributes."""

    start: int
    end: int
    label: str
    value: object = None
    attrs: dict = field(default_factory=dict, compare=False, hash=False)

    def rank(self) -> tuple[int, int, int]:
        """Sort key of the winner among overlapping spans: longer, more specific, earlier."""
        return (self.end - self.start, LABEL_PRIORITY.get(self.label, 0), -self.start)


def resolve_overlaps(found: Iterable[FoundEntity]) -> list[FoundEntity]:
    """Keep a set of non-overlapping entities: longer first, then the more specific label."""
    kept: list[FoundEntity] = []
    taken = RangeSet(())
    for ent in sorted(found, key=FoundEntity.rank, reverse=True):
        if ent.end <= ent.start or taken.overlaps(ent.start, ent.end):
            continue
        kept.append(ent)
        taken.add(ent.start, ent.end)
    return sorted(kept, key=lambda e: (e.start, e.end))


def find_through_glosses(
    find: Callable[[str, int | None], list[FoundEntity]], text: str, report_year: int | None
) -> list[FoundEntity]:
    """Run ``find`` on ``text`` read without pinyin glosses (區(qū)政府 as 區政府,
    normalize/glosses.py) and give its entities the offsets of ``text``."""
    if not has_glosses(text):
        return find(text, report_year)  # the common case: nothing to map
    reading, positions = strip_glosses(text)
    found = []
    for ent in find(reading, report_year):
        start, end = span_in_text(text, positions, ent.start, ent.end)
        found.append(replace(ent, start=start, end=end))
    return found


class RangeSet:
    """Sorted, non-overlapping character ranges with a fast membership test."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [r[0] for r in merged]
        self.ends = [r[1] for r in merged]

    def __contains__(self, char: int) -> bool:
        i = bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a range of the set: of the
        ranges that start before ``end``, the last one ends furthest right."""
        before = bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``, a range that overlaps none of the set."""
        at = bisect_right(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)

    def __bool__(self) -> bool:
        return bool(self.starts)


def excluded_ranges(doc: Doc, keys: Sequence[str] = EXCLUDED_SPAN_KEYS) -> RangeSet:
    """The character ranges of the span groups entities must stay out of."""
    return RangeSet(
        (span.start_char, span.end_char)
        for key in keys
        if key in doc.spans
        for span in doc.spans[key]
    )


def _split_token_at(doc: Doc, char: int) -> None:
    """Split the token that has ``char`` strictly inside it, so a token starts at ``char``."""
    i = bisect_right(doc.to_array("IDX").tolist(), char) - 1
    if i < 0:
        return
    token = doc[i]
    if not token.idx < char < token.idx + len(token.text):
        return
    cut = char - token.idx
    orths = [token.text[:cut], token.text[cut:]]
    with doc.retokenize() as retokenizer:
        retokenizer.split(token, orths, heads=[(token, 1), token.head])


def split_tokens_at(doc: Doc, chars: Iterable[int]) -> None:
    """Make token boundaries at ``chars``, keeping every span group on its characters.

    spaCy's retokenizer does not move span groups when it splits a token, so
    they are saved as character offsets and rebuilt afterwards.
    """
    saved = {
        key: [(s.start_char, s.end_char, s.label_) for s in group]
        for key, group in doc.spans.items()
    }
    for char in sorted(set(chars)):
        _split_token_at(doc, char)
    for key, triples in saved.items():
        spans = [doc.char_span(s, e, label=lb, alignment_mode="strict") for s, e, lb in triples]
        doc.spans[key] = [span for span in spans if span is not None]


def aligned_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of exactly ``start:end``, splitting tokens where an edge falls inside one.

    Returns None only where an edge falls on white space that the tokenizer
    keeps as a token's trailing space (no token boundary can be made there).
    """
    span = doc.char_span(start, end, label=label, alignment_mode="strict")
    if span is not None:
        return span
    split_tokens_at(doc, (start, end))
    return doc.char_span(start, end, label=label, alignment_mode="strict")


def existing_entities(doc: Doc) -> list[FoundEntity]:
    """The entities already in ``doc.ents``, read from the token array (no Token objects)."""
    if not len(doc):
        return []
    iob = doc.to_array("ENT_IOB").tolist()
    if 3 not in iob:  # no B tag: no entity
        return []
    out = []
    for start, tag in enumerate(iob):
        if tag != 3:
            continue
        end = start + 1
        while end < len(doc) and iob[end] == 1:
            end += 1
        span = doc[start:end]
        out.append(
            FoundEntity(
                span.start_char,
                span.end_char,
                doc[start].ent_type_,
                span._.value,
                span._.attrs or {},
            )
        )
    return out


def write_entities(doc: Doc, found: Iterable[FoundEntity], overwrite: bool = False) -> list[Span]:
    """Write found entities to ``doc.ents``, merged with the entities already there.

    Entities starting inside a table block or furniture line are left out.
    Existing entities compete with the new ones (longer, more specific wins)
    unless ``overwrite`` drops them first. ``span._.value`` and
    ``span._.attrs`` are set on every new entity, which are returned.
    """
    blocked = excluded_ranges(doc)
    new = [e for e in found if e.start not in blocked]
    existing = [] if overwrite else existing_entities(doc)
    existing_keys = {(e.start, e.end, e.label) for e in existing}
    kept = resolve_overlaps([*existing, *new])
    # split tokens first: splitting shifts token indices, so spans are made afterwards
    cuts = [
        char
        for ent in kept
        if doc.char_span(ent.start, ent.end, alignment_mode="strict") is None
        for char in (ent.start, ent.end)
    ]
    if cuts:
        split_tokens_at(doc, cuts)
    spans, written = [], []
    for ent in kept:
        span = doc.char_span(ent.start, ent.end, label=ent.label, alignment_mode="strict")
        if span is None:
            continue
        if (ent.start, ent.end, ent.label) not in existing_keys:
            span._.value = ent.value
            span._.attrs = dict(ent.attrs)
            written.append(span)
        spans.append(span)
    doc.ents = spans
    return written
