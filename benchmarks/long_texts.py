"""Time and memory of the default pipeline on one text of growing length.

A report is repeated 1, 10, 100 and 400 times (the longest of the bundled
corpus by default: about 6.7 thousand to 2.7 million characters at 400) and each
length runs in a fresh process, so that the peak memory is its own. For each
length the script prints the characters, seconds for the tokenizer and for the
components, characters per second and the peak resident memory. Time per
character that stays flat as the text grows is linear scaling; one that grows
with the length is a quadratic step somewhere.

    python benchmarks/long_texts.py [--text FILE] [--times 1 10 100 400]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def run_one(path: Path, times: int) -> dict:
    """Process ``times`` copies of the text in this process; seconds and peak memory."""
    import disclosure_nlp

    nlp = disclosure_nlp.load()
    text = path.read_text(encoding="utf-8") * times
    start = time.perf_counter()
    doc = nlp.make_doc(text)
    tokenizer = time.perf_counter() - start
    start = time.perf_counter()
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    components = time.perf_counter() - start
    return {
        "chars": len(text),
        "tokenizer_s": round(tokenizer, 2),
        "components_s": round(components, 2),
        "chars_per_s": round(len(text) / (tokenizer + components)),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "entities": len(doc.ents),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    longest = max(CORPUS.glob("*.txt"), key=lambda p: len(p.read_text(encoding="utf-8")))
    parser.add_argument("--text", type=Path, default=longest)
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10, 100, 400])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's run
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_one(args.text, args.one)))
        return
    print(f"text: {args.text.name}")
    print(f"{'times':>6} {'chars':>10} {'tok s':>7} {'comp s':>7} {'chars/s':>8} {'MiB':>6}")
    for times in args.times:
        out = subprocess.run(
            [sys.executable, __file__, "--text", str(args.text), "--one", str(times)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{times:>6} {row['chars']:>10,} {row['tokenizer_s']:>7} {row['components_s']:>7}"
            f" {row['chars_per_s']:>8,} {row['peak_mib']:>6}"
        )


if __name__ == "__main__":
    main()
