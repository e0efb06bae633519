"""Build and load the package's pipelines."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .errors import Errors
from .tokenizer import create_chinese_tokenizer  # noqa: F401  (registers the tokenizer)
from .training import suggesters  # noqa: F401  (registers the suggester of trained pipelines)

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
    for name in pipes:
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def load(name: str | Path | None = None, **kwargs) -> Language:
    """Load a pipeline: the default one (no argument), or a spaCy package or directory.

    Nothing is downloaded: the default pipeline is built from the resources
    that ship inside the package.
    """
    if name is None:
        return build_default_pipeline()
    try:
        return spacy.load(name, **kwargs)
    except (OSError, ValueError) as err:
        raise OSError(Errors.E041.format(name=str(name), error=err)) from err
