"""A scikit-learn baseline for problem and improvement statements.

Each statement unit (the units of ``disclosure_statement_units``) becomes one
example: TF-IDF character n-grams (1-3) of its text plus context features —
the section label, the class of its section heading and of the nearest generic
sub-heading, its enumeration position, its kind (prose, lead-in, sub-heading,
connector …), its closing mark and its length. A logistic regression (fixed
``random_state``) inside a sigmoid-calibrated cross-validation gives calibrated
probabilities of PROBLEM, IMPROVEMENT and NONE; a unit gets the most probable
label and that probability as its score.

A unit's gold label is the label of the gold statement covering most of its
non-space characters (more than half of them), else NONE. Scores are the
project's (ANNOTATION.md §7, :func:`disclosure_nlp.evaluation.scorer.score_statements`).

Train on the train split and evaluate on dev::

    python -m disclosure_nlp.training.statement_baseline --eval-split dev

or from a config, like the spaCy components (:mod:`disclosure_nlp.training.train_baseline`;
``[baseline] @misc = "disclosure_nlp.StatementBaseline.v1"``)::

    disclosure-nlp train configs/statements_sklearn.cfg -o training/statements_sklearn

The fitted model is saved and loaded with joblib under a path the caller
gives (:meth:`StatementBaseline.save`, :meth:`StatementBaseline.load`); it
holds scikit-learn objects and plain data only.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import joblib
import numpy as np
from scipy.sparse import hstack
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.util import registry

from ..components.sections import SectionFinder, load_section_rules
from ..components.statement_rules import load_cue_rules
from ..components.statement_units import UnitSplitter, load_unit_rules
from ..components.statements import CueScorer, UnitContext, describe_units, own_label
from ..errors import Errors
from ..evaluation.scorer import score_statements
from ..normalize.script import to_simplified

NONE_LABEL = "NONE"
LABELS = ("PROBLEM", "IMPROVEMENT", NONE_LABEL)
FORMAT_VERSION = 1


def gold_unit_label(text: str, start: int, end: int, statements: Iterable[dict]) -> str:
    """The label of the gold statement covering most of a unit's non-space characters."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return NONE_LABEL
    best, best_n = NONE_LABEL, 0
    for st in statements:
        n = sum(1 for i in chars if st["start"] <= i < st["end"])
        if n > best_n:
            best, best_n = st["label"], n
    return best if best_n * 2 > len(chars) else NONE_LABEL


def context_features(
    contexts: Sequence[UnitContext], scorer: CueScorer
) -> list[dict[str, float | str]]:
    """The context of each unit as a feature dict (categorical values one-hot encoded).

    Besides the unit's own shape: the section label and heading class, the
    nearest sub-heading class, the class of the lead-in (a unit closed by a
    colon, classed by its own cues) that the unit follows in its section, its
    enumeration position, its relative position in the section and the kind
    of the unit before it.
    """
    by_section: dict[int, list[int]] = {}
    for i, ctx in enumerate(contexts):
        by_section.setdefault(ctx.section_start, []).append(i)
    out: list[dict[str, float | str]] = []
    lead_in, section_start, prev_kind = "NONE", None, "START"
    for i, ctx in enumerate(contexts):
        if ctx.section_start != section_start:
            section_start, lead_in, prev_kind = ctx.section_start, "NONE", "START"
        if ctx.kind == "subheading":
            lead_in = "NONE"
        members = by_section[ctx.section_start]
        ordinal = ctx.ordinal or 0
        out.append(
            {
                "section": ctx.section,
                "section_class": ctx.section_class,
                "subheading_class": ctx.subheading_class,
                "lead_in_class": lead_in,
                "kind": ctx.kind,
                "prev_kind": prev_kind,
                "end_mark": ctx.end_mark,
                "enumerated": float(ctx.enumerator is not None),
                "ordinal": float(min(ordinal, 10)) / 10,
                "first_item": float(ordinal == 1),
                "section_position": members.index(i) / max(1, len(members) - 1),
                "log_length": math.log1p(len(ctx.text)) / 6,
            }
        )
        if ctx.kind == "lead_in":
            label, _ = own_label(ctx.evidence, scorer.rules.strong_evidence)
            lead_in = label or "OTHER"
        prev_kind = ctx.kind
    return out


class UnitFeaturizer:
    """Text and sections in, statement units and their contexts out (no spaCy needed)."""

    def __init__(self) -> None:
        self.sections = SectionFinder(load_section_rules())
        self.splitter = UnitSplitter(load_unit_rules())
        self.scorer = CueScorer(load_cue_rules())

    def contexts(self, text: str) -> list[UnitContext]:
        """Units of a text with their context, found as the default pipeline finds them."""
        sections = self.sections.sections(text)
        tables = self.sections.tables(text, sections)
        furniture = self.sections.furniture(text, tables)
        units = self.splitter.split(text, sections, [*tables, *furniture])
        return describe_units(text, units, sections, self.splitter, self.scorer)


class StatementBaseline:
    """TF-IDF character n-grams + context features, calibrated logistic regression."""

    def __init__(
        self,
        c: float = 4.0,
        random_state: int = 0,
        calibration_folds: int = 3,
        ngram_range: tuple[int, int] = (1, 3),
        class_weight: str | None = "balanced",
    ) -> None:
        self.c = c
        self.random_state = random_state
        self.calibration_folds = calibration_folds
        self.ngram_range = ngram_range
        self.class_weight = class_weight
        self.featurizer = UnitFeaturizer()
        self.tfidf: TfidfVectorizer | None = None
        self.context: DictVectorizer | None = None
        self.model: CalibratedClassifierCV | None = None

    # data --------------------------------------------------------------------
    def examples(self, golds: Sequence[dict]) -> tuple[list[list[UnitContext]], list[str]]:
        """Units of gold records (with ``text``), grouped by document, and their gold labels."""
        grouped, labels = [], []
        for gold in golds:
            contexts = self.featurizer.contexts(gold["text"])
            grouped.append(contexts)
            labels.extend(
                gold_unit_label(gold["text"], c.start, c.end, gold.get("statements", []))
                for c in contexts
            )
        return grouped, labels

    def _matrix(self, grouped: Sequence[Sequence[UnitContext]], fit: bool = False):
        """Feature matrix of the units of several documents (context read per document)."""
        texts = [to_simplified(ctx.text) for contexts in grouped for ctx in contexts]
        feats = [
            f for contexts in grouped for f in context_features(contexts, self.featurizer.scorer)
        ]
        if fit:
            self.tfidf = TfidfVectorizer(
                analyzer="char", ngram_range=self.ngram_range, sublinear_tf=True, min_df=1
            )
            self.context = DictVectorizer()
            x = hstack([self.tfidf.fit_transform(texts), self.context.fit_transform(feats)])
            return x.tocsr()
        if self.tfidf is None or self.context is None:
            raise ValueError(Errors.E095.format(path="<memory>", problem="the model is not fitted"))
        return hstack([self.tfidf.transform(texts), self.context.transform(feats)]).tocsr()

    # training and prediction -------------------------------------------------
    def fit(self, golds: Sequence[dict]) -> StatementBaseline:
        """Train on gold records (each with ``text`` and ``statements``)."""
        grouped, labels = self.examples(golds)
        if not labels:
            raise ValueError(Errors.E094.format(count=len(golds)))
        x = self._matrix(grouped, fit=True)
        y = np.array(labels)
        base = LogisticRegression(
            C=self.c,
            max_iter=5000,
            random_state=self.random_state,
            class_weight=self.class_weight,
        )
        counts = [int((y == label).sum()) for label in set(labels)]
        folds = min(self.calibration_folds, *counts)
        if folds >= 2 and len(set(labels)) > 1:
            self.model = CalibratedClassifierCV(base, method="sigmoid", cv=folds)
        else:  # too few examples of a class to calibrate: plain probabilities
            self.model = base
        self.model.fit(x, y)
        return self

    def predict_contexts(self, contexts: Sequence[UnitContext]) -> list[tuple[str, float]]:
        """(label, probability) of each unit of one document; NONE for neither."""
        if self.model is None:
            raise ValueError(Errors.E095.format(path="<memory>", problem="the model is not fitted"))
        if not contexts:
            return []
        probs = self.model.predict_proba(self._matrix([contexts]))
        classes = list(self.model.classes_)
        out = []
        for row in probs:
            best = int(np.argmax(row))
            out.append((str(classes[best]), float(row[best])))
        return out

    def predict(self, text: str) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of the statements of a text."""
        return self._labelled(self.featurizer.contexts(text))

    def predict_units(
        self,
        text: str,
        units: Sequence[tuple[int, int]],
        sections: Sequence[tuple[int, int, str]],
    ) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) of the statements among given units (a pipeline's)."""
        featurizer = self.featurizer
        contexts = describe_units(text, units, sections, featurizer.splitter, featurizer.scorer)
        return self._labelled(contexts)

    def _labelled(self, contexts: Sequence[UnitContext]) -> list[tuple[int, int, str, float]]:
        out = []
        for ctx, (label, prob) in zip(contexts, self.predict_contexts(contexts), strict=True):
            if label != NONE_LABEL:
                out.append((ctx.start, ctx.end, label, prob))
        return out

    def evaluate(self, golds: Sequence[dict]) -> dict:
        """Statement scores (ANNOTATION.md §7) of the predictions on gold records."""
        pairs = []
        for gold in golds:
            found = self.predict(gold["text"])
            pred = {"statements": [{"start": s, "end": e, "label": lb} for s, e, lb, _ in found]}
            pairs.append((gold, pred))
        return score_statements(pairs)

    # persistence ---------------------------------------------------------------
    def settings(self) -> dict:
        """The hyperparameters, as the constructor takes them."""
        return {
            "c": self.c,
            "random_state": self.random_state,
            "calibration_folds": self.calibration_folds,
            "ngram_range": self.ngram_range,
            "class_weight": self.class_weight,
        }

    def to_state(self) -> dict:
        """The fitted model as a dict of settings and scikit-learn objects."""
        return {
            "format_version": FORMAT_VERSION,
            "settings": self.settings(),
            "tfidf": self.tfidf,
            "context": self.context,
            "model": self.model,
        }

    @classmethod
    def from_state(cls, state: object, source: Path | str = "<state>") -> StatementBaseline:
        """A model from :meth:`to_state`'s dict, checked for its format version."""
        if not isinstance(state, dict) or state.get("format_version") != FORMAT_VERSION:
            raise ValueError(
                Errors.E095.format(path=source, problem=f"not a format {FORMAT_VERSION} model")
            )
        settings = dict(state["settings"])
        settings["ngram_range"] = tuple(settings["ngram_range"])
        model = cls(**settings)
        model.tfidf, model.context, model.model = state["tfidf"], state["context"], state["model"]
        return model

    def save(self, path: Path | str) -> Path:
        """Write the fitted model (scikit-learn objects and settings) with joblib."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self.to_state(), path)
        return path

    @classmethod
    def load(cls, path: Path | str) -> StatementBaseline:
        """Read a model written by :meth:`save` (only load files you trust: joblib unpickles)."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(Errors.E095.format(path=path, problem="no such file"))
        try:
            state = joblib.load(path)
        except Exception as err:  # joblib raises many kinds on a damaged file
            raise ValueError(Errors.E095.format(path=path, problem=str(err))) from err
        return cls.from_state(state, path)


@registry.misc("disclosure_nlp.StatementBaseline.v1")
def create_statement_baseline(
    c: float,
    random_state: int,
    calibration_folds: int,
    ngram_range: list[int],
    class_weight: str | None,
) -> StatementBaseline:
    """An unfitted :class:`StatementBaseline` from a config's ``[baseline]`` section."""
    if not c > 0:
        raise ValueError(Errors.E135.format(name="c", value=c, allowed="give a number above 0"))
    if calibration_folds < 2:
        raise ValueError(
            Errors.E135.format(
                name="calibration_folds", value=calibration_folds, allowed="give 2 or more"
            )
        )
    if len(ngram_range) != 2 or not 1 <= ngram_range[0] <= ngram_range[1]:
        raise ValueError(
            Errors.E135.format(
                name="ngram_range", value=ngram_range, allowed="give [low, high], 1 <= low <= high"
            )
        )
    if class_weight not in (None, "balanced"):
        raise ValueError(
            Errors.E135.format(
                name="class_weight", value=class_weight, allowed='give "balanced" or null'
            )
        )
    return StatementBaseline(
        c=float(c),
        random_state=int(random_state),
        calibration_folds=int(calibration_folds),
        ngram_range=(int(ngram_range[0]), int(ngram_range[1])),
        class_weight=class_weight,
    )


def format_statement_scores(reports: dict[str, dict]) -> str:
    """Statement rows as ``disclosure-nlp evaluate`` prints them, reports side by side."""
    names = list(reports)
    lines = [f"{'':<14}" + " | ".join(f"{n:<26}" for n in names)]
    lines.append("STATEMENTS: character P/R/F1, share of gold statements found")
    for label in ("PROBLEM", "IMPROVEMENT", "micro"):
        cells = []
        for name in names:
            rep = reports[name]
            row = rep["micro"] if label == "micro" else rep["per_label"][label]
            found = "  -  " if row["found_share"] is None else f"{row['found_share']:.3f}"
            cells.append(f"{row['p']:.3f}/{row['r']:.3f}/{row['f']:.3f} {found}")
        lines.append(f"{label:<14}" + " | ".join(f"{c:<26}" for c in cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Train on one split, score on another, optionally beside the rule pipeline."""

    from ..evaluation.gold import add_gold_arguments, load_gold, of_split

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_gold_arguments(parser)
    parser.add_argument("--train-split", default="train")
    parser.add_argument("--eval-split", default="dev")
    parser.add_argument("--save", default=None, help="Write the fitted model here (joblib).")
    parser.add_argument("--compare-rules", action="store_true", help="Also score the pipeline.")
    args = parser.parse_args(argv)
    golds = load_gold(args.gold, args.corpus)
    train = of_split(golds, args.splits, args.train_split)
    held_out = of_split(golds, args.splits, args.eval_split)
    baseline = StatementBaseline().fit(train)
    if args.save:
        baseline.save(args.save)
    reports = {"baseline": baseline.evaluate(held_out)}
    if args.compare_rules:
        from ..evaluation.evaluate import doc_to_prediction
        from ..pipeline import build_default_pipeline

        nlp = build_default_pipeline()
        pairs = [(g, doc_to_prediction(nlp(g["text"]))) for g in held_out]
        reports["rules"] = score_statements(pairs)
    print(f"train: {args.train_split} ({len(train)} documents), eval: {args.eval_split} "
          f"({len(held_out)} documents)")  # fmt: skip
    print(format_statement_scores(reports))


if __name__ == "__main__":
    main()
