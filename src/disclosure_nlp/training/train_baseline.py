"""Train the scikit-learn statement baseline from a config, as spaCy trains pipelines.

A baseline config (``configs/statements_sklearn.cfg``) is a spaCy config
without an ``[nlp]`` section::

    [system]
    seed = 0

    [baseline]
    @misc = "disclosure_nlp.StatementBaseline.v1"
    c = 4.0
    ...

    [training]
    gold = ${paths.gold}
    corpus = ${paths.corpus}
    splits = ${paths.splits}
    train_split = "train"
    dev_split = "dev"

``disclosure-nlp train CONFIG -o DIR`` (same ``--section.key value``
overrides as ``spacy train``) fits the baseline on the train split, puts it in
the default pipeline in place of the rule classifier
(``disclosure_statement_baseline`` classifies the same statement units), scores
that pipeline's statements on the dev split with the project's scorer and
writes it to ``DIR/model-last`` and ``DIR/model-best`` (one fit: the same
model), each with the training config as ``baseline.cfg``. ``spacy.load``,
``disclosure-nlp extract --model`` and ``disclosure-nlp evaluate`` read them
like any pipeline directory.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.util import fix_random_seed, registry
from thinc.api import Config

from ..errors import Errors
from .statement_baseline import StatementBaseline

BASELINE_PIPE = "disclosure_statement_baseline"
RULE_PIPE = "disclosure_statements"
TRAINING_KEYS = ("gold", "corpus", "splits", "train_split", "dev_split")
CONFIG_NAME = "baseline.cfg"


def config_kind(config: Config, path: Path | str = "<config>") -> str:
    """``"pipeline"`` for a spaCy pipeline config, ``"baseline"`` for a baseline config."""
    has_nlp, has_baseline = "nlp" in config, "baseline" in config
    if has_nlp and has_baseline:
        raise ValueError(Errors.E133.format(path=path, problem="it has both [nlp] and [baseline]"))
    if has_baseline:
        return "baseline"
    if has_nlp:
        return "pipeline"
    raise ValueError(Errors.E133.format(path=path, problem="it has neither [nlp] nor [baseline]"))


def resolve_baseline(
    config: Config, path: Path | str = "<config>"
) -> tuple[StatementBaseline, dict]:
    """The unfitted baseline and the ``[training]`` settings of an interpolated config."""
    training = dict(config.get("training", {}))
    missing = [key for key in TRAINING_KEYS if key not in training]
    if missing:
        raise ValueError(Errors.E136.format(path=path, keys=missing))
    resolved = registry.resolve({"baseline": config["baseline"]}, validate=True)
    baseline = resolved["baseline"]
    if not isinstance(baseline, StatementBaseline):
        raise ValueError(
            Errors.E133.format(
                path=path, problem="[baseline] does not name disclosure_nlp.StatementBaseline.v1"
            )
        )
    return baseline, training


def baseline_pipeline(baseline: StatementBaseline) -> Language:
    """The default pipeline with the fitted baseline in place of the rule classifier."""
    from ..pipeline import DEFAULT_PIPES, build_default_pipeline

    pipes = tuple(BASELINE_PIPE if name == RULE_PIPE else name for name in DEFAULT_PIPES)
    nlp = build_default_pipeline(pipes)
    nlp.get_pipe(BASELINE_PIPE).set_model(baseline)
    return nlp


def train_baseline(
    config: Config,
    output: Path | str,
    path: Path | str = "<config>",
    log: Callable[[str], None] = print,
) -> dict:
    """Fit, score on dev, save; returns the dev statement scores (ANNOTATION.md §7)."""
    from ..evaluation.evaluate import predictions_from_pipeline
    from ..evaluation.gold import load_gold, split_ids
    from ..evaluation.scorer import score_statements
    from .statement_baseline import format_statement_scores

    config = config.interpolate()
    seed = config.get("system", {}).get("seed")
    if seed is not None:
        fix_random_seed(seed)
    baseline, training = resolve_baseline(config, path)
    golds = load_gold(training["gold"], training["corpus"])
    train_ids = split_ids(training["splits"], training["train_split"])
    dev_ids = split_ids(training["splits"], training["dev_split"])
    train = [g for g in golds if train_ids is None or g["doc_id"] in train_ids]
    dev = [g for g in golds if dev_ids is None or g["doc_id"] in dev_ids]
    log(f"train: {training['train_split']} ({len(train)} documents), "
        f"dev: {training['dev_split']} ({len(dev)} documents)")  # fmt: skip
    baseline.fit(train)
    nlp = baseline_pipeline(baseline)
    preds = predictions_from_pipeline(nlp, dev)
    scores = score_statements([(g, preds[g["doc_id"]]) for g in dev])
    log(format_statement_scores({"baseline (dev)": scores}))
    nlp.meta["performance"] = {"statements": scores}
    nlp.meta["description"] = "Default pipeline with the scikit-learn statement baseline"
    output = Path(output)
    last, best = output / "model-last", output / "model-best"
    for folder in (last, best):
        if folder.exists():
            shutil.rmtree(folder)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(last)
    config.to_disk(last / CONFIG_NAME)
    shutil.copytree(last, best)
    log(f"saved {last} and {best}")
    return scores
