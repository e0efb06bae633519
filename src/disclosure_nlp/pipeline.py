"""Build and load the package's pipelines."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .errors import Errors
from .io.readers import DEFAULT_MAX_BYTES
from .tokenizer import create_chinese_tokenizer  # noqa: F401  (registers the tokenizer)
from .training import architectures, suggesters  # noqa: F401  (used by trained pipelines)

# names that stand for the packaged rule pipeline (--model default, evaluate default)
DEFAULT_PIPELINE_NAMES = ("default", "rules")

DEFAULT_PIPES = (
    "disclosure_sections",
    "disclosure_report_meta",
    "disclosure_quantities",
    "disclosure_names",
    "disclosure_statement_units",
    "disclosure_statements",
    "disclosure_tables",
)
TOKENIZER_CONFIG = {"@tokenizers": "disclosure_nlp.ChineseTokenizer.v1", "segmenter": "pkuseg"}


def blank() -> Language:
    """A Chinese pipeline with the package's tokenizer and no components."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": TOKENIZER_CONFIG}})
    nlp.tokenizer.initialize()
    return nlp


def build_default_pipeline(pipes: tuple[str, ...] = DEFAULT_PIPES) -> Language:
    """The default rule pipeline, built from the packaged resources (offline)."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": TOKENIZER_CONFIG}})
    # spaCy's limit of 1,000,000 characters guards the memory of a parser or ner; the rule
    # pipeline has neither and reads every text the reader admits (max_bytes of a file
    # decode to at most as many characters): benchmarks/long_texts.py measures it
    nlp.max_length = DEFAULT_MAX_BYTES
    for name in pipes:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def resolve_model_dir(name: str | Path) -> str | Path:
    """``DIR/model-best`` for a training output folder ``DIR``, else ``name`` unchanged."""
    path = Path(name)
    if path.is_dir() and not (path / "config.cfg").is_file():
        best = path / "model-best"
        if (best / "config.cfg").is_file():
            return best
    return name


VALUES_PIPE = "disclosure_entity_values"


def add_entity_values(nlp: Language) -> Language:
    """Give values to the entities of a pipeline that finds entities but no values.

    A pipeline with a component that assigns ``doc.ents`` (a trained ``ner``, an
    ``entity_ruler``) and none that assigns ``span._.value`` gets
    ``disclosure_entity_values`` at its end, with ``disclosure_report_meta``
    before it where it has none (dates without a year take the report's year).
    Other pipelines are returned as they are.
    """
    assigns = [nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names]
    finds = any("doc.ents" in a for a in assigns)
    values = any("span._.value" in a for a in assigns)
    if not finds or values or VALUES_PIPE in nlp.pipe_names:
        return nlp
    added = []
    if "disclosure_report_meta" not in nlp.pipe_names:
        added.append(nlp.add_pipe("disclosure_report_meta", first=True))
    added.append(nlp.add_pipe(VALUES_PIPE))
    for pipe in added:
        pipe.initialize()
    return nlp


def load(name: str | Path | None = None, values: bool = True, **kwargs) -> Language:
    """Load a pipeline: the default one (no argument, "default" or "rules"), or a spaCy
    package or directory.

    Nothing is downloaded: the default pipeline is built from the resources
    that ship inside the package. A training output folder (``disclosure-nlp
    train ... -o DIR``, no ``config.cfg`` of its own) stands for its
    ``model-best``. ``values``: a loaded pipeline that finds entities without
    values (a plain trained ``ner``) gets them from ``disclosure_entity_values``
    (:func:`add_entity_values`).
    """
    if name is None or (str(name) in DEFAULT_PIPELINE_NAMES and not Path(name).exists()):
        return build_default_pipeline()
    name = resolve_model_dir(name)
    try:
        nlp = spacy.load(name, **kwargs)
    except (OSError, ValueError) as err:
        raise OSError(Errors.E041.format(name=str(name), error=err)) from err
    return add_entity_values(nlp) if values else nlp
