"""Throughput of the bare tokenizer and the whole pipeline on the same texts.

Prints characters per second for: the packaged tokenizer alone
(``nlp.make_doc``), the whole default pipeline with ``nlp.pipe`` (one and two
processes), and ``extract`` end to end (reading files, records), plus the
ratio pipeline/tokenizer time and peak memory.

    python benchmarks/throughput.py [CORPUS_DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import disclosure_nlp


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus to process")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files] * args.repeat
    chars = sum(map(len, texts))
    nlp = disclosure_nlp.load()
    nlp("预热")  # load everything once

    t_tok = timed(lambda: [nlp.make_doc(t) for t in texts])
    t_pipe1 = timed(lambda: list(nlp.pipe(texts, n_process=1)))
    t_pipe2 = timed(lambda: list(nlp.pipe(texts, n_process=2, batch_size=16)))
    t_extract = timed(lambda: list(disclosure_nlp.extract(files * 1, nlp=nlp)))
    extract_chars = sum(len(f.read_text(encoding="utf-8")) for f in files)

    print(f"texts: {len(texts)} ({len(files)} files x {args.repeat}), {chars} characters")
    print(f"tokenizer alone (make_doc)      {chars / t_tok:>10,.0f} chars/s")
    print(f"pipeline, nlp.pipe, 1 process   {chars / t_pipe1:>10,.0f} chars/s")
    print(f"pipeline, nlp.pipe, 2 processes {chars / t_pipe2:>10,.0f} chars/s")
    print(f"extract (files -> records), 1   {extract_chars / t_extract:>10,.0f} chars/s")
    ratio = t_pipe1 / t_tok
    print(f"pipeline / tokenizer time       {ratio:>10.3f}  (components add {ratio - 1:.1%})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process)      {peak:>10,.0f} MiB")


if __name__ == "__main__":
    main()
