"""``disclosure_statement_baseline``: the scikit-learn statement baseline in a pipeline.

Labels the statement units (``doc.spans["statement_units"]``) PROBLEM,
IMPROVEMENT or neither with a fitted
:class:`~disclosure_nlp.training.statement_baseline.StatementBaseline`
(character n-grams and the units' context, calibrated logistic regression),
in the place of the rule classifier ``disclosure_statements``. The model is
fitted outside the pipeline (``disclosure-nlp train
configs/statements_sklearn.cfg``) and handed over with :meth:`set_model`, or
read with ``initialize(model_path=...)``; it is saved with the pipeline as
``model.joblib`` (joblib unpickles: load only pipelines you trust).

Writes ``doc.spans["statements"]`` with labels PROBLEM and IMPROVEMENT and
``span._.score``, the calibrated probability of the label.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..errors import Errors
from ..extensions import register_extensions
from .statement_units import SPANS_KEY as UNITS_KEY
from .statement_units import doc_sections, scored_spans

if TYPE_CHECKING:  # scikit-learn is imported only when a model is used
    from ..training.statement_baseline import StatementBaseline

SPANS_KEY = "statements"
MODEL_FILE = "model.joblib"


class StatementBaselineClassifier:
    """spaCy component: labels statement units with the fitted scikit-learn baseline."""

    def __init__(
        self,
        nlp: Language,
        name: str = "disclosure_statement_baseline",
        overwrite: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.model: StatementBaseline | None = None

    def set_model(self, model: StatementBaseline) -> None:
        """Use a fitted baseline."""
        if model.model is None:
            raise ValueError(Errors.E134.format(name=self.name))
        self.model = model

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        model_path: str | None = None,
    ) -> None:
        """Read a fitted baseline saved with ``StatementBaseline.save`` (optional)."""
        if model_path:
            from ..training.statement_baseline import StatementBaseline

            self.set_model(StatementBaseline.load(model_path))

    def find(self, doc: Doc) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of the statements among the Doc's units, as data."""
        if UNITS_KEY not in doc.spans:
            raise ValueError(Errors.E092.format(name=self.name))
        if self.model is None:
            raise ValueError(Errors.E134.format(name=self.name))
        units = [(s.start_char, s.end_char) for s in doc.spans[UNITS_KEY]]
        if not units:
            return []
        return self.model.predict_units(doc_text(doc), units, doc_sections(doc))

    def __call__(self, doc: Doc) -> Doc:
        if SPANS_KEY in doc.spans and not self.overwrite:
            return doc
        doc.spans[SPANS_KEY] = scored_spans(doc, self.find(doc))
        return doc

    # serialization -------------------------------------------------------------
    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.model is not None:
            self.model.save(path / MODEL_FILE)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> StatementBaselineClassifier:
        model_file = Path(path) / MODEL_FILE
        if model_file.is_file():
            from ..training.statement_baseline import StatementBaseline

            self.set_model(StatementBaseline.load(model_file))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import joblib

        if self.model is None:
            return b""
        buffer = io.BytesIO()
        joblib.dump(self.model.to_state(), buffer)
        return buffer.getvalue()

    def from_bytes(
        self, data: bytes, *, exclude: Iterable[str] = ()
    ) -> StatementBaselineClassifier:
        if not data:
            return self
        import joblib

        from ..training.statement_baseline import StatementBaseline

        try:
            state = joblib.load(io.BytesIO(data))
        except Exception as err:  # joblib raises many kinds on damaged data
            raise ValueError(Errors.E095.format(path="<bytes>", problem=str(err))) from err
        self.set_model(StatementBaseline.from_state(state, "<bytes>"))
        return self


@Language.factory(
    "disclosure_statement_baseline",
    assigns=["doc.spans", "span._.score"],
    requires=["doc.spans"],
    default_config={"overwrite": True},
)
def make_statement_baseline_classifier(
    nlp: Language, name: str, overwrite: bool
) -> StatementBaselineClassifier:
    """Factory of :class:`StatementBaselineClassifier` (the model arrives by ``set_model``,
    ``initialize`` or ``from_disk``).

    ``overwrite``: replace statements already under ``doc.spans["statements"]``.
    """
    return StatementBaselineClassifier(nlp, name, overwrite=overwrite)
