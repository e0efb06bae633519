"""Agreement between the first pass (before consolidation) and the second pass.

Usage (from the repository root, package installed)::

    python annotations/tools/agreement.py [PASS1_JSONL] [PASS2_JSONL]

Without arguments, pass 1 is resolved from the drafts of commit 5f8b493 (the
first pass before consolidation) with ``git archive``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from disclosure_nlp.evaluation.scorer import score

ROOT = Path(__file__).resolve().parents[2]
FIRST_PASS_COMMIT = "5f8b493"


def load(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["text"] = (ROOT / "corpus" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        out[record["doc_id"]] = record
    return out


def first_pass_from_git(tmp: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", FIRST_PASS_COMMIT, "annotations/drafts/pass1"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    out = tmp / "pass1.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "annotations/tools/resolve_drafts.py"), "-q",
         str(tmp / "annotations/drafts/pass1"), "-o", str(out)],
        check=True,
    )  # fmt: skip
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(sys.argv[1]) if len(sys.argv) > 1 else first_pass_from_git(Path(tmp))
        second = (
            Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "annotations/agreement-pass2.jsonl"
        )
        a, b = load(first), load(second)
    ids = sorted(set(a) & set(b))
    report = score([a[i] for i in ids], {i: b[i] for i in ids})
    ents, stmts = report["entities"], report["statements"]
    print(f"documents: {len(ids)}")
    micro = ents["micro"]
    print(
        f"entities strict F1 {micro['strict']['f']:.3f}  partial F1 {micro['partial']['f']:.3f}  "
        f"untyped F1 {ents['untyped']['f']:.3f}  value agreement {micro['value_accuracy']:.3f}  "
        f"({micro['support']} vs {micro['predicted']} spans)"
    )
    for label, row in ents["per_label"].items():
        if row["support"] or row["predicted"]:
            f1, n1, n2 = row["strict"]["f"], row["support"], row["predicted"]
            print(f"  {label:<8} strict F1 {f1:.3f} ({n1} vs {n2})")
    for label, row in stmts["per_label"].items():
        print(f"statements {label:<11} char F1 {row['f']:.3f}  found {row['found_share']}")
    print(f"sections char agreement {report['sections']['accuracy']:.3f}")


if __name__ == "__main__":
    main()
