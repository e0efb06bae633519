"""Model architectures for the package's trained components, registered for configs.

``disclosure_nlp.SectionAwareEmbed.v1`` adds the report section of every token
(``doc.spans["sections"]``, written by ``disclosure_sections`` before the
tok2vec runs) to a token embedding: the embedding's vectors and a one-hot
vector of the section label are concatenated and mixed back to the
embedding's width by a Maxout layer. Where a statement stands (a PROBLEMS
section or not) is what a reader looks at first, and a window of a few tokens
cannot see a heading many sentences back::

    [components.tok2vec.model.embed]
    @architectures = "disclosure_nlp.SectionAwareEmbed.v1"
    width = ${components.tok2vec.model.encode.width}
    section_labels = ["PREAMBLE", "OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS", "OTHER"]

    [components.tok2vec.model.embed.embed]
    @architectures = "spacy.MultiHashEmbed.v2"
    ...

Registered under ``spacy_architectures`` in the package's entry points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

from ..errors import Errors

SECTIONS_KEY = "sections"


def section_columns(doc: Doc, labels: Sequence[str]) -> numpy.ndarray:
    """Column of each token's section label in ``labels``; ``len(labels)`` for none."""
    index = {label: i for i, label in enumerate(labels)}
    columns = numpy.full(len(doc), len(labels), dtype="int32")
    for span in doc.spans.get(SECTIONS_KEY, []):
        columns[span.start : span.end] = index.get(span.label_, len(labels))
    return columns


def _section_forward(
    model: Model[list[Doc], list[Floats2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Floats2d], Callable]:
    labels = model.attrs["section_labels"]
    width = len(labels) + 1
    out = []
    for doc in docs:
        onehot = numpy.zeros((len(doc), width), dtype="float32")
        onehot[numpy.arange(len(doc)), section_columns(doc, labels)] = 1.0
        out.append(model.ops.asarray2f(onehot))

    def backprop(d_out: list[Floats2d]) -> list:
        return []

    return out, backprop


def section_features(section_labels: Sequence[str]) -> Model[list[Doc], list[Floats2d]]:
    """A layer without weights: one-hot section labels of the tokens (last column: none)."""
    labels = list(section_labels)
    if not labels or len(set(labels)) != len(labels) or not all(isinstance(x, str) for x in labels):
        raise ValueError(Errors.E137.format(value=section_labels))
    return Model(
        "section_features",
        _section_forward,
        attrs={"section_labels": labels},
        dims={"nO": len(labels) + 1},
    )


@registry.architectures("disclosure_nlp.SectionAwareEmbed.v1")
def build_section_aware_embed(
    embed: Model[list[Doc], list[Floats2d]], width: int, section_labels: list[str]
) -> Model[list[Doc], list[Floats2d]]:
    """A token embedding (``embed``, of any width) plus each token's section, at ``width``."""
    mix = with_array(Maxout(nO=width, nP=3, dropout=0.0, normalize=True))
    model = chain(concatenate(embed, section_features(section_labels)), mix)
    model.set_dim("nO", width)
    return model
