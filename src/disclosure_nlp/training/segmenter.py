"""Build the compact pkuseg segmentation model that ships inside the package.

The recipe (``disclosure-nlp build-segmenter``, documented in the README):

1. Take the pretrained mixed-domain model from the PyPI source distribution
   ``pkuseg==0.0.25`` (checksum pinned: the model is a pickle) as the teacher.
2. Fine-tune the teacher on the UD Chinese GSDSimp dev set, so that it follows
   one consistent word standard.
3. Let that teacher segment the report texts of the corpus (training and dev
   documents only: the held-out test documents are never seen), apply the
   package's token-split rules to its output, and train a compact model from
   scratch on those texts plus the UD dev sentences.

The compact model is a few MB instead of 180 MB. Its word F1 on the UD test
set and the share of gold entity boundaries that fall on token boundaries are
reported by ``disclosure-nlp benchmark-segmenter``.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import Errors

TEACHER_SDIST_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
TEACHER_MEMBER_PREFIX = "pkuseg-0.0.25/pkuseg/models/default/"


def read_conllu_words(path: Path) -> list[list[str]]:
    """Sentences of a CoNLL-U file as lists of word forms (multi-word ranges skipped)."""
    sentences: list[list[str]] = []
    words: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append(words)
                words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(cols[1])
    if words:
        sentences.append(words)
    return sentences


def boundary_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, float]:
    """Word precision, recall and F1 over character spans (the usual CWS score)."""

    def spans(words: Sequence[str]) -> set[tuple[int, int]]:
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out

    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred, strict=True):
        if "".join(g) != "".join(p):
            raise ValueError(Errors.E010.format(gold="".join(g)[:30], pred="".join(p)[:30]))
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "words": n_gold}


def extract_teacher(sdist: Path, dest: Path) -> Path:
    """Unpack the pretrained model folder of pkuseg 0.0.25 after checking the checksum."""
    digest = hashlib.sha256(Path(sdist).read_bytes()).hexdigest()
    if digest != TEACHER_SDIST_SHA256:
        raise ValueError(Errors.E011.format(path=sdist, got=digest, want=TEACHER_SDIST_SHA256))
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist, "r:gz") as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.startswith(TEACHER_MEMBER_PREFIX):
                name = member.name[len(TEACHER_MEMBER_PREFIX) :]
                if "/" in name:
                    continue
                source = tar.extractfile(member)
                assert source is not None
                (dest / name).write_bytes(source.read())
    return dest


def _write_words(path: Path, sentences: Iterable[Sequence[str]]) -> int:
    n = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for words in sentences:
            words = [w for w in words if w.strip()]
            if words:
                out.write(" ".join(words) + "\n")
                n += 1
    return n


def train_pkuseg(
    sentences: Sequence[Sequence[str]],
    heldout: Sequence[Sequence[str]],
    out_dir: Path,
    iterations: int,
    init_model: Path | None = None,
    seed: int = 0,
) -> Path:
    """Train (or fine-tune) a pkuseg model; seeded, single process.

    ``heldout`` is only scored in pkuseg's log after each iteration; the model
    saved is the last iteration's, so the held-out sentences never select it.
    """
    import numpy as np
    import spacy_pkuseg

    random.seed(seed)
    np.random.seed(seed)
    with tempfile.TemporaryDirectory() as tmp:
        train_file, test_file = Path(tmp) / "train.txt", Path(tmp) / "test.txt"
        _write_words(train_file, sentences)
        _write_words(test_file, heldout)
        out_dir = Path(out_dir)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        spacy_pkuseg.train(
            str(train_file),
            str(test_file),
            str(out_dir),
            train_iter=iterations,
            init_model=str(init_model) if init_model else None,
        )
    return out_dir


def segment_lines(
    cut: Callable[[str], list[str]], lines: Iterable[str], split: Callable[[list[str]], list[str]]
) -> list[list[str]]:
    """Segment each non-empty line, then apply the token-split rules."""
    out = []
    for line in lines:
        line = line.strip()
        if line:
            out.append(split(cut(line)))
    return out


def build_segmenter(
    sdist: Path,
    ud_dir: Path,
    texts: Sequence[str],
    out_dir: Path,
    work_dir: Path,
    teacher_iterations: int = 3,
    student_iterations: int = 15,
    seed: int = 0,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Run the whole recipe; returns the student's word scores on the UD test set."""
    import spacy_pkuseg

    from ..tokenizer import load_split_rules, split_words

    work_dir = Path(work_dir)
    ud_dev = read_conllu_words(Path(ud_dir) / "zh_gsdsimp-ud-dev.conllu")
    ud_test = read_conllu_words(Path(ud_dir) / "zh_gsdsimp-ud-test.conllu")
    rules = load_split_rules()

    log("extracting the teacher model from the pkuseg 0.0.25 sdist")
    teacher_base = extract_teacher(sdist, work_dir / "teacher-base")
    log(f"fine-tuning the teacher on {len(ud_dev)} UD dev sentences")
    teacher_dir = train_pkuseg(
        ud_dev, ud_dev[-50:], work_dir / "teacher", teacher_iterations, teacher_base, seed
    )
    teacher = spacy_pkuseg.pkuseg(str(teacher_dir), user_dict=None)

    lines = [line for text in texts for line in text.splitlines()]
    silver = segment_lines(teacher.cut, lines, lambda ws: split_words(ws, rules))
    log(f"teacher segmented {len(silver)} report lines; training the compact student")
    student_dir = train_pkuseg(
        [*ud_dev, *silver], ud_dev[-50:], work_dir / "student", student_iterations, None, seed
    )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("features.msgpack", "weights.npz"):
        shutil.copy(student_dir / name, out_dir / name)
    student = spacy_pkuseg.pkuseg(str(out_dir), user_dict=None)
    pred = [student.cut("".join(words)) for words in ud_test]
    scores = boundary_f1(ud_test, pred)
    log(f"student word F1 on UD test: {scores['f1']:.4f}")
    return scores
