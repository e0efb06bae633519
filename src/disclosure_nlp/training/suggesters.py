"""Span suggesters for spaCy's ``spancat``, registered for configs.

A trained statement classifier only has to label the statement units that
``disclosure_statement_units`` cuts (every gold statement is one unit), so its
suggester proposes exactly those spans instead of all n-grams::

    [components.spancat.suggester]
    @misc = "disclosure_nlp.statement_unit_suggester.v1"
    spans_key = "statement_units"

The function is registered under ``spacy_misc`` in the package's entry points,
so ``spacy train`` and ``spacy.load`` find it without ``--code``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ragged

from ..components.statement_units import SPANS_KEY as UNITS_KEY
from ..errors import Errors

Suggester = Callable[..., Ragged]


def suggest_spans(docs: Iterable[Doc], spans_key: str, *, ops: Ops | None = None) -> Ragged:
    """(start, end) token indices of ``doc.spans[spans_key]`` of each Doc, as a Ragged.

    Raises a coded error when a Doc has no such span group: the component
    that writes it must run before (in training: in ``annotating_components``).
    """
    ops = ops if ops is not None else get_current_ops()
    rows: list[list[int]] = []
    lengths: list[int] = []
    for doc in docs:
        if spans_key not in doc.spans:
            raise ValueError(Errors.E130.format(key=spans_key))
        group = doc.spans[spans_key]
        rows.extend([span.start, span.end] for span in group)
        lengths.append(len(group))
    lengths_array = ops.asarray1i(lengths)
    if rows:
        return Ragged(ops.asarray2i(rows), lengths_array)
    return Ragged(ops.alloc2i(0, 0), lengths_array)


@registry.misc("disclosure_nlp.statement_unit_suggester.v1")
def build_statement_unit_suggester(spans_key: str = UNITS_KEY) -> Suggester:
    """Suggester of the statement units (``doc.spans["statement_units"]`` by default)."""
    if not isinstance(spans_key, str) or not spans_key:
        raise ValueError(Errors.E131.format(what="spans_key", value=spans_key))

    def suggest(docs: Iterable[Doc], *, ops: Ops | None = None) -> Ragged:
        return suggest_spans(docs, spans_key, ops=ops)

    return suggest
