"""Compare the speed of the working tree with another commit, interleaved.

This machine's speed drifts: the same commit has measured its entity
components at 22.3% and at 26.3% of the tokenizer an hour apart. So two commits
measured at different times cannot be compared. Here the working tree and
``REF`` (checked out into a temporary git worktree) run turn about, each
in a fresh process, ``--alternations`` times. Each run does the paired
measurement of ``throughput.py`` (text by text, tokenizer then each component)
over ``--rounds`` rounds, and prints the share the entity components and all
components add to the tokenizer.

    python benchmarks/compare_speed.py REF [CORPUS_DIR] [--alternations 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# run in a fresh process with the tree's package first on the path; the
# measurement itself is always this checkout's throughput.py
MEASURE = """
import sys, pathlib, statistics
tree, corpus, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, tree + "/src")
sys.path.insert(0, {benchmarks!r})
import disclosure_nlp
assert disclosure_nlp.__file__.startswith(tree), disclosure_nlp.__file__
from throughput import ENTITY_PIPES, paired_round
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(corpus).glob("*.txt"))] * 3
nlp = disclosure_nlp.load()
nlp("预热")
runs = [paired_round(nlp, texts) for _ in range(rounds)]
entity = statistics.median(sum(r[n] for n in ENTITY_PIPES) / r["tokenizer"] for r in runs)
whole = statistics.median(sum(r.values()) / r["tokenizer"] - 1 for r in runs)
print(entity, whole)
"""


def measure(tree: Path, corpus: Path, rounds: int) -> tuple[float, float]:
    code = MEASURE.format(benchmarks=str(ROOT / "benchmarks"))
    out = subprocess.run(
        [sys.executable, "-c", code, str(tree), str(corpus), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[-2]), float(out[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ref", help="the commit to compare with (a hash, a branch, HEAD~3)")
    parser.add_argument("corpus", nargs="?", default=ROOT / "corpus", type=Path)
    parser.add_argument("--alternations", type=int, default=3, help="runs of each side")
    parser.add_argument("--rounds", type=int, default=3, help="paired rounds in each run")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "ref"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.ref],
            check=True,
        )
        sides = {"working tree": ROOT, args.ref: other}
        shares: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        try:
            for turn in range(args.alternations):
                for name, tree in sides.items():
                    entity, whole = measure(tree, corpus, args.rounds)
                    shares[name].append((entity, whole))
                    print(
                        f"run {turn + 1}  {name:<14} entity components {entity:6.1%}  "
                        f"all components {whole:6.1%}",
                        flush=True,
                    )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True
            )
    print("median of the runs, as a share of the tokenizer's time:")
    for name, runs in shares.items():
        entity = statistics.median(e for e, _ in runs)
        whole = statistics.median(w for _, w in runs)
        print(f"  {name:<14} entity components {entity:6.1%}  all components {whole:6.1%}")


if __name__ == "__main__":
    main()
