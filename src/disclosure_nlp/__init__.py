"""disclosure_nlp: structured, evaluated facts from Chinese government
information disclosure annual reports (政府信息公开工作年度报告), with spaCy."""

from __future__ import annotations

from .extensions import register_extensions
from .extract import extract
from .io.dataset import records_to_dataset
from .io.jsonl import read_jsonl, write_jsonl
from .pipeline import build_default_pipeline, load

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "build_default_pipeline",
    "extract",
    "load",
    "read_jsonl",
    "records_to_dataset",
    "register_extensions",
    "write_jsonl",
]

register_extensions()
