"""Throughput of the bare tokenizer and the whole pipeline on the same texts.

Prints characters per second for: the packaged tokenizer alone
(``nlp.make_doc``), the whole default pipeline with ``nlp.pipe`` (one and two
processes), and ``extract`` end to end (reading files, records; one and two
worker processes), plus the
ratio pipeline/tokenizer time and peak memory.

This machine's speed drifts (shared cores: the same run has measured 21k and
34k chars/s for the tokenizer), so separate timings of the tokenizer and the
pipeline give ratios that drift too. The ratio to report is therefore measured
**paired**: text by text, the tokenizer and then each component run back to
back, over ``--rounds`` rounds; the figure is the median round, and the time of
each component is shown beside it, with the share of the entity components
(sections, report_meta, quantities, names: the ones issue #4 budgets at 25%).

    python benchmarks/throughput.py [CORPUS_DIR] [--repeat N] [--rounds R]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections import Counter
from pathlib import Path

import disclosure_nlp


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# what tags and normalizes the entities: sections (tables and furniture are left out),
# report_meta (the report's year for partial dates), quantities and names
ENTITY_PIPES = (
    "disclosure_sections",
    "disclosure_report_meta",
    "disclosure_quantities",
    "disclosure_names",
)


def paired_round(nlp, texts: list[str]) -> Counter:
    """Seconds spent by the tokenizer and by each component, text by text."""
    spent: Counter = Counter()
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - start
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to process")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the paired measurement")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files] * args.repeat
    chars = sum(map(len, texts))
    nlp = disclosure_nlp.load()
    nlp("预热")  # load everything once

    t_tok = timed(lambda: [nlp.make_doc(t) for t in texts])
    t_pipe1 = timed(lambda: list(nlp.pipe(texts, n_process=1)))
    t_pipe2 = timed(lambda: list(nlp.pipe(texts, n_process=2, batch_size=16)))
    t_extract = timed(lambda: list(disclosure_nlp.extract(files, nlp=nlp)))
    t_extract2 = timed(lambda: list(disclosure_nlp.extract(files, nlp=nlp, workers=2)))
    extract_chars = sum(len(f.read_text(encoding="utf-8")) for f in files)

    print(f"texts: {len(texts)} ({len(files)} files x {args.repeat}), {chars} characters")
    print(f"tokenizer alone (make_doc)      {chars / t_tok:>10,.0f} chars/s")
    print(f"pipeline, nlp.pipe, 1 process   {chars / t_pipe1:>10,.0f} chars/s")
    print(f"pipeline, nlp.pipe, 2 processes {chars / t_pipe2:>10,.0f} chars/s")
    print(f"extract (files -> records), 1   {extract_chars / t_extract:>10,.0f} chars/s")
    print(f"extract, --workers 2            {extract_chars / t_extract2:>10,.0f} chars/s")
    ratio = t_pipe1 / t_tok
    print(f"pipeline / tokenizer time       {ratio:>10.3f}  (unpaired, drifts with the machine)")

    rounds = [paired_round(nlp, texts) for _ in range(args.rounds)]
    ratios = [sum(r.values()) / r["tokenizer"] for r in rounds]
    median = sorted(range(len(rounds)), key=ratios.__getitem__)[len(rounds) // 2]
    print(
        f"paired, {args.rounds} rounds: components add {statistics.median(ratios) - 1:.1%} "
        f"to the tokenizer (rounds: {', '.join(f'{r - 1:.1%}' for r in ratios)})"
    )
    entity = [sum(r[n] for n in ENTITY_PIPES) / r["tokenizer"] for r in rounds]
    print(
        f"entity components ({', '.join(p.removeprefix('disclosure_') for p in ENTITY_PIPES)}) "
        f"add {statistics.median(entity):.1%} to the tokenizer"
    )
    for name, seconds in rounds[median].most_common():
        share = seconds / rounds[median]["tokenizer"]
        print(f"  {name:<28} {seconds:>7.2f} s  {share:>6.1%} of the tokenizer")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process)      {peak:>10,.0f} MiB")


if __name__ == "__main__":
    main()
