"""``disclosure_span_scores``: a span group's scores as ``span._.score``.

spaCy's ``spancat`` keeps the probability of each span it writes in the span
group's ``attrs["scores"]`` (one number, or one row of one number, per span).
The package's records read ``span._.score`` (the rule classifier sets it), so
this component, placed right after ``spancat``, copies each span's score there,
rounded to four places. A group without scores is left as it is.

Writes ``span._.score`` of the spans of ``doc.spans[spans_key]``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors
from ..extensions import register_extensions

SCORES_ATTR = "scores"


def flat_scores(scores: object) -> list[float]:
    """Scores as plain floats: one per span (spancat gives (n,) or (n, 1) arrays)."""
    return [float(x) for x in numpy.asarray(scores, dtype="float64").reshape(-1)]


def span_scores(n_spans: int, scores: object, key: str = "") -> list[float]:
    """The score of each of ``n_spans`` spans, checked against their number."""
    values = flat_scores(scores)
    if len(values) != n_spans:
        raise ValueError(Errors.E132.format(key=key, spans=n_spans, scores=len(values)))
    return values


class SpanScoreWriter:
    """spaCy component: ``span._.score`` from the span group's ``attrs["scores"]``."""

    def __init__(
        self, nlp: Language, name: str = "disclosure_span_scores", spans_key: str = "statements"
    ) -> None:
        if not isinstance(spans_key, str) or not spans_key:
            raise ValueError(Errors.E131.format(what="spans_key", value=spans_key))
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(self.spans_key)
        if group is None or SCORES_ATTR not in group.attrs:
            return doc
        values: Sequence[float] = span_scores(len(group), group.attrs[SCORES_ATTR], self.spans_key)
        for span, value in zip(group, values, strict=True):
            span._.score = round(value, 4)
        return doc


@Language.factory(
    "disclosure_span_scores",
    assigns=["span._.score"],
    requires=["doc.spans"],
    default_config={"spans_key": "statements"},
)
def make_span_score_writer(nlp: Language, name: str, spans_key: str) -> SpanScoreWriter:
    """Factory of :class:`SpanScoreWriter`.

    ``spans_key``: the span group whose ``attrs["scores"]`` become ``span._.score``.
    """
    return SpanScoreWriter(nlp, name, spans_key=spans_key)
