"""Calibration of the rule statement score: Platt scaling, Brier score, reliability table."""

from __future__ import annotations

import math

import pytest

from disclosure_nlp.components.statement_rules import (
    ScoreCalibration,
    calibrated_probability,
    load_score_calibration,
)
from disclosure_nlp.training.calibrate_statements import (
    brier_score,
    fit_platt,
    platt_targets,
    reliability_table,
)

# raw 0.5: three right, one wrong; raw 0.9: four right. Platt's targets are
# (7 + 1) / (7 + 2) = 8/9 for right and 1 / (1 + 2) = 1/3 for wrong; with two
# distinct raw scores the logistic fit reproduces each one's mean target:
# raw 0.5 -> (3 * 8/9 + 1/3) / 4 = 3/4, raw 0.9 -> 8/9.
RAW = [0.5, 0.5, 0.5, 0.5, 0.9, 0.9, 0.9, 0.9]
RIGHT = [True, True, True, False, True, True, True, True]


def test_platt_targets():
    assert platt_targets(RIGHT) == [8 / 9] * 3 + [1 / 3] + [8 / 9] * 4


def test_fit_platt_on_a_tiny_set():
    calibration = fit_platt(RAW, RIGHT)
    assert calibration.probability(0.5) == pytest.approx(0.75, abs=1e-6)
    assert calibration.probability(0.9) == pytest.approx(8 / 9, abs=1e-6)
    # slope and intercept of the line through logit(3/4) at 0.5 and logit(8/9) at 0.9
    slope = (math.log(8) - math.log(3)) / 0.4
    assert calibration.slope == pytest.approx(slope, abs=1e-5)
    assert calibration.intercept == pytest.approx(math.log(3) - 0.5 * slope, abs=1e-5)
    assert fit_platt(RAW, RIGHT, random_state=7) == calibration


def test_all_right_gives_a_constant_below_one():
    # four right units, none wrong: every raw score maps to (4 + 1) / (4 + 2) = 5/6
    calibration = fit_platt([0.7, 0.8, 0.9, 0.95], [True] * 4)
    assert calibration.slope == 0.0
    assert calibration.intercept == round(math.log(5), 6)
    assert calibration.probability(0.7) == pytest.approx(5 / 6, abs=1e-6)
    assert calibration.probability(0.95) == pytest.approx(5 / 6, abs=1e-6)


def test_negative_slope_falls_back_to_the_mean_target():
    # the higher raw score is the one that is wrong: slope 0, mean target
    # (3 * 4/5 + 1/3) / 4 = 41/60
    calibration = fit_platt([0.5, 0.5, 0.9, 0.9], [True, True, False, True])
    assert calibration.slope == 0.0
    assert calibration.probability(0.9) == pytest.approx(41 / 60, abs=1e-6)


@pytest.mark.parametrize(("raw", "right"), [([], []), ([0.9, 0.8], [True])])
def test_fit_platt_refuses_bad_input(raw, right):
    with pytest.raises(ValueError, match="E171"):
        fit_platt(raw, right)


@pytest.mark.parametrize(
    ("raw", "slope", "intercept", "expected"),
    [
        (0.3, 0.0, 0.0, 0.5),
        (0.5, 2.0, -1.0, 0.5),
        (1.0, 1.0, 0.0, 1 / (1 + math.exp(-1))),
        (0.0, 0.0, -1000.0, 0.0),
        (0.0, 0.0, 1000.0, 1.0),
    ],
)
def test_calibrated_probability(raw, slope, intercept, expected):
    assert calibrated_probability(raw, slope, intercept) == pytest.approx(expected, abs=1e-12)


def test_brier_score():
    assert brier_score([0.9, 0.6], [True, False]) == pytest.approx((0.01 + 0.36) / 2)
    assert math.isnan(brier_score([], []))


def test_reliability_table():
    rows = reliability_table([0.05, 0.95, 1.0, 0.55], [False, True, True, True])
    assert rows == [
        (0.0, 0.1, 1, 0.05, 0.0),
        (0.5, 0.6, 1, 0.55, 1.0),
        (0.9, 1.0, 2, pytest.approx(0.975), 1.0),
    ]


def test_packaged_calibration_is_a_train_fit():
    calibration = load_score_calibration()
    assert calibration.fit["split"] == "train"
    assert calibration.fit["units"] >= calibration.fit["right"] > 0
    assert calibration.slope >= 0.0
    assert ScoreCalibration.from_dict(calibration.to_dict()) == calibration
    assert 0.5 < calibration.probability(0.7) <= calibration.probability(0.95) < 1.0


def test_packaged_calibration_matches_the_current_rules():
    # fails when the cue rules change and the calibration is not rebuilt with
    # `python -m disclosure_nlp.training.calibrate_statements`
    import srsly

    from disclosure_nlp.evaluation.gold import load_gold
    from disclosure_nlp.training.calibrate_statements import rule_unit_outcomes
    from tests.conftest import CORPUS, REPO

    train_ids = set(srsly.read_json(REPO / "annotations" / "splits.json")["train"])
    golds = [g for g in load_gold(REPO / "annotations" / "gold.jsonl", CORPUS)
             if g["doc_id"] in train_ids]  # fmt: skip
    raw, right = rule_unit_outcomes(golds)
    packaged = load_score_calibration()
    assert (len(raw), sum(right)) == (packaged.fit["units"], packaged.fit["right"])
    assert fit_platt(raw, right, packaged.fit["random_state"]) == packaged
