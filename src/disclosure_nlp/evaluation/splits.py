"""The fixed document-level train/dev/test split, stratified and seeded."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

SPLIT_NAMES = ("train", "dev", "test")


def stratum(meta: dict) -> str:
    """Annual reports are stratified by format; related documents form one stratum."""
    if meta.get("genre") != "annual_report":
        return f"related/{meta.get('genre')}"
    return f"annual_report/{meta.get('format')}"


def make_splits(
    metadata: Iterable[dict],
    seed: int = 20191,
    ratios: tuple[float, float, float] = (0.6, 0.2, 0.2),
) -> dict[str, list[str]]:
    """Assign each document to train, dev or test within its stratum.

    Each stratum is shuffled with a seeded generator; dev and test each take
    their share (rounded, at least one document when the stratum has three or
    more), train takes the rest. The result does not depend on input order.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for meta in metadata:
        groups[stratum(meta)].append(meta["doc_id"])
    rng = random.Random(seed)
    splits: dict[str, list[str]] = {name: [] for name in SPLIT_NAMES}
    for key in sorted(groups):
        ids = sorted(groups[key])
        rng.shuffle(ids)
        n = len(ids)
        n_dev = max(1, round(n * ratios[1])) if n >= 3 else 0
        n_test = max(1, round(n * ratios[2])) if n >= 3 else 0
        splits["test"].extend(ids[:n_test])
        splits["dev"].extend(ids[n_test : n_test + n_dev])
        splits["train"].extend(ids[n_test + n_dev :])
    return {name: sorted(ids) for name, ids in splits.items()}
