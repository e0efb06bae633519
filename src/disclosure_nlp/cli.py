"""The command line: ``disclosure-nlp`` (also ``python -m disclosure_nlp``)."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import typer

from .errors import Errors
from .io.readers import (
    DEFAULT_MAX_BYTES,
    DOC_ID_KINDS,
    SUPPORTED_SUFFIXES,
    doc_id_of,
    iter_input_files,
    path_text,
    skipped_files,
)
from .io.shards import parse_shard, take_shard

app = typer.Typer(
    name="disclosure-nlp",
    help="Facts from Chinese government information disclosure annual reports.",
    add_completion=False,
    no_args_is_help=True,
)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Report files (.txt, .htm, .html) or folders."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="JSONL file to write ('-' for stdout)."
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        help="Pipeline name or directory (default: the pipeline packaged with disclosure_nlp).",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        help="Processes, each reading and processing whole files (output in file order).",
    ),
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Larger files get an error record (E005)."
    ),
    doc_ids: str = typer.Option(
        "name",
        "--doc-ids",
        help="name: the file name without extension; path: the path as given, extension "
        "included (unique across folders such as 2019/ and 2020/).",
    ),
    shard: str | None = typer.Option(
        None,
        "--shard",
        help="K/N: read only the K-th of N disjoint parts of the input files (every N-th "
        "file from the K-th), one task of a cluster job array each; cat joins the outputs.",
    ),
) -> None:
    """Extract document, section, entity, statement, table and check records as JSONL."""
    from .extract import extract as run_extract
    from .io.jsonl import write_jsonl
    from .pipeline import load

    missing = [path_text(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        _fail(Errors.E001.format(path=", ".join(missing)))
    if doc_ids not in DOC_ID_KINDS:
        _fail(Errors.E044.format(kind=doc_ids, allowed=", ".join(DOC_ID_KINDS)))
    try:
        part = parse_shard(shard) if shard is not None else None
    except ValueError as err:
        _fail(str(err))
    _check_output(output)
    inputs = list(iter_input_files(paths))
    if any(named and _same_file(p, output) for p, named in inputs):
        _fail(Errors.E045.format(path=path_text(output)))
    files = [p for p, _ in inputs if not _same_file(p, output)]  # an earlier output in a folder
    if not files:
        _fail(Errors.E040.format(paths=", ".join(map(path_text, paths)), suffixes=_SUFFIXES))
    skipped = skipped_files(paths)
    if skipped:
        note = f"{_count(len(skipped), 'file')} with other suffixes not read: {_some(skipped)}"
        typer.echo(f"note: {note}", err=True)
    shared = _shared_doc_ids(files) if doc_ids == "name" else []
    if shared:
        typer.echo(
            f"note: {_count(len(shared), 'doc_id')} shared by several files (each file's "
            f"records follow its own document record; --doc-ids path keeps them apart): "
            f"{_some(shared)}",
            err=True,
        )
    if part is not None:
        total, files = len(files), take_shard(files, part)
        typer.echo(
            f"note: shard {part} takes {len(files)} of {_count(total, 'input file')}", err=True
        )
    try:
        nlp = load(model)
    except OSError as err:
        _fail(str(err))
    nlp.max_length = max(nlp.max_length, max_bytes)  # a file of n bytes has at most n characters
    counts: Counter[str] = Counter()
    start = time.perf_counter()

    def counted(records):
        for record in records:
            counts[record["kind"]] += 1
            if record["kind"] == "document" and record["status"] == "error":
                counts["errors"] += 1
            yield record

    try:
        records = run_extract(files, nlp=nlp, workers=workers, max_bytes=max_bytes, doc_ids=doc_ids)
        write_jsonl(output, counted(records))
    except OSError as err:  # the disk filled up, the folder went away
        _fail(Errors.E042.format(path=output, problem=err.strerror or err))
    seconds = time.perf_counter() - start
    errors = counts.pop("errors", 0)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "no records"
    if errors:
        summary += f" ({_count(errors, 'document')} with an error record)"
    typer.echo(f"wrote {output}: {summary} in {seconds:.1f}s", err=True)


_SUFFIXES = ", ".join(SUPPORTED_SUFFIXES)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _some(items: Sequence, shown: int = 5) -> str:
    """The first few of ``items`` (paths by their name) for a one-line note."""
    names = [path_text(i.name) if isinstance(i, Path) else str(i) for i in items[:shown]]
    return ", ".join(names) + (" …" if len(items) > shown else "")


def _check_output(output: Path) -> None:
    """Fail before any work when the output cannot be a file (no folder, or a folder)."""
    if str(output) == "-":
        return
    if output.is_dir():
        _fail(Errors.E042.format(path=output, problem="it is a folder"))
    if not output.parent.is_dir():
        _fail(Errors.E042.format(path=output, problem=f"the folder {output.parent} does not exist"))


def _same_file(path: Path, output: Path) -> bool:
    """Whether an input is the output file itself (an output written inside an input folder)."""
    # realpath, not Path.resolve: a looping link raises there (and gets an E001 record here)
    return str(output) != "-" and os.path.realpath(path) == os.path.realpath(output)


def _shared_doc_ids(files: Sequence[Path]) -> list[str]:
    """doc_ids (file names without extension) that more than one input file has."""
    counts = Counter(doc_id_of(f) for f in files)
    return sorted(doc_id for doc_id, n in counts.items() if n > 1)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: Path = typer.Argument(..., help="A config file (configs/*.cfg)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output folder."),
) -> None:
    """Train from a config, as `spacy train`; settings are overridden as there
    (--paths.train FILE, --training.seed 1: any --section.key value after the options).

    A config with an \\[nlp] section is a spaCy pipeline (spacy train); one with a
    \\[baseline] section is the scikit-learn statement baseline, fitted on the train
    split, scored on dev and saved as a pipeline to OUTPUT/model-last and model-best.
    """
    from spacy.cli._util import parse_config_overrides
    from spacy.util import load_config

    from . import pipeline  # noqa: F401  (registers tokenizer, components and suggesters)
    from .errors import DisclosureError
    from .training import corpus  # noqa: F401  (registers the reader)
    from .training.train_baseline import config_kind

    if not config.is_file():
        _fail(Errors.E043.format(path=config))
    overrides = parse_config_overrides(ctx.args)
    try:
        kind = config_kind(load_config(config, overrides=overrides, interpolate=False), config)
    except ValueError as err:
        _fail(str(err))
    if kind == "pipeline":
        from spacy.cli.train import train as spacy_train

        spacy_train(config, output, overrides=overrides)
        return
    from .training.train_baseline import train_baseline

    try:
        train_baseline(
            load_config(config, overrides=overrides, interpolate=False), output, config, typer.echo
        )
    except (DisclosureError, ValueError, OSError, KeyError) as err:
        _fail(str(err))


_CORPUS_HELP = (
    "Folder of the corpus texts (default: ./corpus, else the corpus/ of the checkout the "
    "gold file is in)."
)
_SPLITS_HELP = (
    "The split file (default: ./annotations/splits.json, else the splits.json beside the "
    "gold file)."
)


def _beside_gold(gold: Path, corpus: Path | None, splits: Path | None) -> tuple[Path, Path]:
    """The corpus folder and split file: as given; else those of the working folder; else
    those of the checkout the gold file is in (annotations/gold.jsonl -> corpus/,
    annotations/splits.json), so that evaluate works from any folder."""
    folder = (gold if gold.is_dir() else gold.parent).resolve()
    bases = [folder, *list(folder.parents)[:2]]
    if corpus is None:
        found = [b / "corpus" for b in bases if (b / "corpus").is_dir()]
        corpus = Path("corpus") if Path("corpus").is_dir() or not found else found[0]
    if splits is None:
        default = Path("annotations/splits.json")
        found = [
            p
            for b in bases
            for p in (b / "splits.json", b / "annotations" / "splits.json")
            if p.is_file()
        ]
        splits = default if default.is_file() or not found else found[0]
    return corpus, splits


@app.command()
def evaluate(
    target: str = typer.Argument(
        ..., help="Pipeline ('default', a name or a directory) or a facts JSONL file."
    ),
    gold: Path = typer.Argument(..., help="Gold JSONL file or folder (annotations/gold.jsonl)."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the report as JSON."),
    split: str = typer.Option("all", help="train, dev, test or all (annotations/splits.json)."),
    splits: Path | None = typer.Option(None, help=_SPLITS_HELP),
    corpus: Path | None = typer.Option(None, help=_CORPUS_HELP),
    compare: list[str] = typer.Option(
        [], "--compare", help="More pipelines or facts files, shown beside TARGET."
    ),
    tables: Path | None = typer.Option(
        None, "--tables", help="Folder of hand-verified tables: also score table cells and checks."
    ),
    additions: bool = typer.Option(
        False,
        "--additions",
        help="For a hybrid pipeline: what its ner would add to the rules, per label.",
    ),
) -> None:
    """Score a pipeline or facts file against gold (ANNOTATION.md section 7)."""
    import srsly

    from .errors import DisclosureError
    from .evaluation.evaluate import evaluate_target, format_report, load_target
    from .evaluation.gold import load_gold, split_ids
    from .evaluation.hybrid import MERGE_PIPE, format_additions, held_additions
    from .evaluation.tables import evaluate_tables_target, format_tables_report, load_table_gold

    corpus, splits = _beside_gold(gold, corpus, splits)
    try:
        golds = load_gold(gold, corpus)
        ids = split_ids(splits, split)
        table_golds = load_table_gold(tables, corpus) if tables else []
    except (DisclosureError, OSError, KeyError) as err:
        _fail(str(err))
    if ids is not None:
        golds = [g for g in golds if g["doc_id"] in ids]
        table_golds = [g for g in table_golds if g["doc_id"] in ids]
    reports = {}
    table_reports = {}
    addition_reports = {}
    for name in [target, *compare]:
        try:
            loaded = load_target(name)
            reports[name] = evaluate_target(loaded, golds)
            if tables:
                table_reports[name] = evaluate_tables_target(loaded, table_golds)
            if additions:
                if isinstance(loaded, Path) or MERGE_PIPE not in loaded.pipe_names:
                    _fail(Errors.E155.format(name=name, pipe=MERGE_PIPE))
                addition_reports[name] = held_additions(loaded, golds)
        except (OSError, ValueError) as err:
            _fail(Errors.E033.format(path=name) + f" ({err})")
    for name, report in reports.items():
        absent = report.get("documents_without_facts", [])
        if absent:
            typer.echo(
                f"note: {name} has no records of {len(absent)} of the {len(golds)} gold "
                f"documents (scored as finding nothing): {_some(absent)}",
                err=True,
            )
    typer.echo(f"split: {split}, gold documents: {len(golds)}")
    typer.echo(format_report(reports))
    if tables:
        typer.echo("")
        typer.echo(format_tables_report(table_reports))
    for name, found in addition_reports.items():
        rule_f1 = {
            label: row["strict"]["f"]
            for label, row in reports[name]["entities"]["per_label"].items()
        }
        typer.echo("")
        typer.echo(f"{name}\n" + format_additions(found, rule_f1))
    if output:
        result = {"split": split, "reports": reports}
        if tables:
            result["tables"] = table_reports
        if additions:
            result["additions"] = addition_reports
        srsly.write_json(output, result)


@app.command()
def convert(
    gold: Path = typer.Argument(..., help="Gold JSONL file or folder."),
    output: Path = typer.Option(Path("training/corpus"), "-o", "--output", help="Output folder."),
    splits: Path | None = typer.Option(None, help=_SPLITS_HELP),
    corpus: Path | None = typer.Option(None, help=_CORPUS_HELP),
) -> None:
    """Gold data to spaCy DocBins (train/dev/test.spacy), reporting misaligned spans."""
    from .errors import DisclosureError
    from .pipeline import blank
    from .training.corpus import convert_gold

    corpus, splits = _beside_gold(gold, corpus, splits)
    try:
        report = convert_gold(blank(), gold, corpus, splits, output)
    except (DisclosureError, OSError) as err:
        _fail(str(err))
    typer.echo(report.summary())
    typer.echo(f"wrote {output}/train.spacy, dev.spacy, test.spacy")


@app.command("build-segmenter")
def build_segmenter_cmd(
    sdist: Path = typer.Option(
        ..., help="pkuseg-0.0.25.tar.gz (pip download --no-deps --no-binary :all: pkuseg==0.0.25)."
    ),
    ud_dir: Path = typer.Option(..., help="Folder with zh_gsdsimp-ud-dev/test.conllu."),
    corpus: Path = typer.Option(Path("corpus"), help="Corpus folder with the report texts."),
    splits: Path = typer.Option(
        Path("annotations/splits.json"), help="Document splits; test documents are left out."
    ),
    output: Path = typer.Option(
        Path("src/disclosure_nlp/resources/pkuseg_model"), "-o", "--output"
    ),
    work_dir: Path = typer.Option(
        Path("training/segmenter"), help="Folder for intermediate models."
    ),
    iterations: int = typer.Option(15, help="Training iterations of the compact model."),
) -> None:
    """Rebuild the compact pkuseg model that ships inside the package."""
    import srsly

    from .training.segmenter import build_segmenter

    split = srsly.read_json(splits)
    texts = [
        (corpus / f"{d}.txt").read_text(encoding="utf-8") for d in split["train"] + split["dev"]
    ]
    scores = build_segmenter(sdist, ud_dir, texts, output, work_dir, student_iterations=iterations)
    typer.echo(
        f"UD test word F1 {scores['f1']:.4f} "
        f"(P {scores['precision']:.4f}, R {scores['recall']:.4f})"
    )


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
