"""Calibrate the rule statement score: Platt scaling fitted on the train split.

The rule component ``disclosure_statements`` gives each statement a raw
confidence (one of the ``scores`` of ``resources/statement_cues.json``: a cue
inside a zone, a heading zone, a switch …). This module turns it into the
probability that the statement's label is right:

- the examples are the statement units of the train documents that the rules
  label (units the rules leave alone need no score); the target is whether the
  rule label equals the unit's gold label (the label of the gold statement
  covering most of its non-space characters, :func:`gold_unit_label`);
- Platt scaling: a logistic regression of the target on the raw score, with
  Platt's targets ``(N+ + 1) / (N+ + 2)`` for right and ``1 / (N- + 2)`` for
  wrong units (so that a split with no wrong unit gives no probability of
  exactly 1) and a slope of at least 0 (a negative fit is replaced by the
  intercept alone, the mean target);
- the parameters are written to ``resources/statement_calibration.json`` and
  the component reads them with its cues.

Rebuild the packaged calibration and print the reliability of the scores on
dev before and after::

    python -m disclosure_nlp.training.calibrate_statements --report-split dev
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import srsly
from sklearn.linear_model import LogisticRegression

from ..components.statement_rules import CALIBRATION_FILE, ScoreCalibration, load_cue_rules
from ..components.statements import RuleStatementClassifier
from ..errors import Errors
from ..resources import resource_path
from .statement_baseline import UnitFeaturizer, gold_unit_label

DESCRIPTION = (
    "Platt scaling of the disclosure_statements rule score: span._.score = "
    "1 / (1 + exp(-(slope * raw + intercept))), raw being the rules' confidence (the scores "
    "of statement_cues.json). Fitted on the statement units of the train split that the rules "
    "label, target: rule label == gold label. Written by "
    "python -m disclosure_nlp.training.calibrate_statements; do not edit by hand."
)


def platt_targets(correct: Sequence[bool]) -> list[float]:
    """Platt's targets: ``(N+ + 1) / (N+ + 2)`` for right units, ``1 / (N- + 2)`` for wrong."""
    n_pos = sum(1 for c in correct if c)
    n_neg = len(correct) - n_pos
    hi, lo = (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2)
    return [hi if c else lo for c in correct]


def fit_platt(
    raw_scores: Sequence[float], correct: Sequence[bool], random_state: int = 0
) -> ScoreCalibration:
    """Fit the Platt scaling of ``raw_scores`` to the right/wrong flags ``correct``.

    An unregularised logistic regression on Platt's targets (each unit counted
    as right with weight t and wrong with weight 1 - t). With one distinct raw
    score, or a negative fitted slope, the slope is 0 and the intercept the
    log-odds of the mean target. Parameters are rounded to 6 decimals.
    """
    if len(raw_scores) != len(correct) or not raw_scores:
        raise ValueError(
            Errors.E171.format(problem=f"{len(raw_scores)} scores, {len(correct)} flags")
        )
    targets = platt_targets(correct)
    slope = 0.0
    intercept = _logit(sum(targets) / len(targets))
    if len(set(raw_scores)) > 1:
        x = np.asarray(raw_scores, dtype=float).reshape(-1, 1)
        t = np.asarray(targets, dtype=float)
        model = LogisticRegression(
            C=np.inf, solver="lbfgs", tol=1e-12, max_iter=10_000, random_state=random_state
        )
        model.fit(np.vstack([x, x]), np.r_[np.ones(len(t)), np.zeros(len(t))],
                  sample_weight=np.r_[t, 1.0 - t])  # fmt: skip
        if model.coef_[0, 0] > 0:
            slope, intercept = float(model.coef_[0, 0]), float(model.intercept_[0])
    return ScoreCalibration(round(slope, 6), round(intercept, 6))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def brier_score(probabilities: Sequence[float], correct: Sequence[bool]) -> float:
    """Mean squared difference between the probabilities and the outcomes (1 right, 0 wrong)."""
    if not probabilities:
        return float("nan")
    return sum((p - float(c)) ** 2 for p, c in zip(probabilities, correct, strict=True)) / len(
        probabilities
    )


def reliability_table(
    probabilities: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> list[tuple[float, float, int, float, float]]:
    """(low, high, units, mean probability, share right) of each non-empty bin of [0, 1].

    Bins are ``bins`` equal parts of [0, 1], each closed on the left; 1.0 falls in the last.
    """
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            (p, c)
            for p, c in zip(probabilities, correct, strict=True)
            if low <= p < high or (b == bins - 1 and p == 1.0)
        ]
        if members:
            n = len(members)
            rows.append((low, high, n, sum(p for p, _ in members) / n,
                         sum(1 for _, c in members if c) / n))  # fmt: skip
    return rows


def rule_unit_outcomes(golds: Sequence[dict]) -> tuple[list[float], list[bool]]:
    """Raw rule score and right/wrong of each unit the rules label in the gold documents."""
    featurizer = UnitFeaturizer()
    classifier = RuleStatementClassifier(load_cue_rules())
    raw, correct = [], []
    for gold in golds:
        contexts = featurizer.contexts(gold["text"])
        for ctx, (label, score) in zip(contexts, classifier.classify(contexts), strict=True):
            if label is None:
                continue
            raw.append(score)
            correct.append(
                label == gold_unit_label(gold["text"], ctx.start, ctx.end, gold["statements"])
            )
    return raw, correct


def format_reliability(name: str, probabilities: Sequence[float], correct: Sequence[bool]) -> str:
    """A reliability table with its Brier score, as the command prints it."""
    lines = [f"{name}: Brier {brier_score(probabilities, correct):.5f} ({len(correct)} units)",
             f"  {'bin':<11} {'units':>5} {'mean p':>8} {'right':>8}"]  # fmt: skip
    for low, high, n, mean_p, share in reliability_table(probabilities, correct):
        lines.append(f"  [{low:.1f}, {high:.1f}) {n:>5} {mean_p:>8.4f} {share:>8.4f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Fit on the train split, write the calibration, report on another split."""
    from ..evaluation.gold import add_gold_arguments, load_gold, of_split

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_gold_arguments(parser)
    parser.add_argument("--train-split", default="train")
    parser.add_argument("--report-split", default="dev")
    parser.add_argument("--random-state", type=int, default=0)
    parser.add_argument(
        "--out", default=None, help=f"Write here (default: the packaged {CALIBRATION_FILE})."
    )
    args = parser.parse_args(argv)
    golds = load_gold(args.gold, args.corpus)
    train = of_split(golds, args.splits, args.train_split)
    raw, correct = rule_unit_outcomes(train)
    fitted = fit_platt(raw, correct, args.random_state)
    fit = {"split": args.train_split, "documents": len(train), "units": len(raw),
           "right": sum(correct), "random_state": args.random_state}  # fmt: skip
    calibration = ScoreCalibration(fitted.slope, fitted.intercept, fit=fit)
    out = Path(args.out) if args.out else resource_path(CALIBRATION_FILE)
    srsly.write_json(out, {"description": DESCRIPTION, **calibration.to_dict()})
    print(f"fitted on {args.train_split}: {len(train)} documents, {len(raw)} labelled units, "
          f"{sum(correct)} right; slope {calibration.slope}, intercept {calibration.intercept}; "
          f"written to {out}")  # fmt: skip
    print(format_reliability(f"{args.train_split} before (raw score)", raw, correct))
    if args.report_split:
        held_out = of_split(golds, args.splits, args.report_split)
        raw_h, correct_h = rule_unit_outcomes(held_out)
        print(format_reliability(f"{args.report_split} before (raw score)", raw_h, correct_h))
        after = [calibration.probability(r) for r in raw_h]
        print(format_reliability(f"{args.report_split} after (calibrated)", after, correct_h))


if __name__ == "__main__":
    main()
