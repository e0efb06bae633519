"""Every ``._`` attribute of the package, declared once.

Call :func:`register_extensions` (components do it in ``__init__``); it is
idempotent. Values are plain data (str, int, dict, list) so that annotated
Docs survive DocBin and multiprocessing.
"""

from __future__ import annotations

import srsly
from spacy.tokens import Doc, Span, Token

_REGISTERED = False
# doc._.tables lives in user_data as JSON text: msgpack (DocBin) turns lists into
# tuples, JSON gives back exactly the lists and dicts that were set
TABLES_KEY = "disclosure_tables_json"


def _section_of(doc: Doc, char: int) -> str | None:
    if "sections" not in doc.spans:
        return None
    for span in doc.spans["sections"]:
        if span.start_char <= char < span.end_char:
            return span.label_
    return None


def _token_section(token: Token) -> str | None:
    return _section_of(token.doc, token.idx)


def _span_section(span: Span) -> str | None:
    return _section_of(span.doc, span.start_char)


def _get_tables(doc: Doc) -> dict | None:
    raw = doc.user_data.get(TABLES_KEY)
    return None if raw is None else srsly.json_loads(raw)


def _set_tables(doc: Doc, value: dict | None) -> None:
    if value is None:
        doc.user_data.pop(TABLES_KEY, None)
    else:
        doc.user_data[TABLES_KEY] = srsly.json_dumps(value)


# name -> (object, keyword arguments of set_extension)
EXTENSIONS = {
    "section": [(Token, {"getter": _token_section}), (Span, {"getter": _span_section})],
    # entity values (ANNOTATION.md section 1) and their attributes
    "value": [(Span, {"default": None})],
    "attrs": [(Span, {"default": None})],
    # statement probability
    "score": [(Span, {"default": None})],
    # inferred document metadata: title, agency, year, format
    "report": [(Doc, {"default": None})],
    # statutory tables: {"format", "tables": {name: table}, "checks": [...]} (plain data)
    # (set it whole: the getter returns a fresh copy)
    "tables": [(Doc, {"getter": _get_tables, "setter": _set_tables})],
}


def register_extensions(force: bool = False) -> None:
    """Declare all extensions on Doc, Span and Token."""
    global _REGISTERED
    if _REGISTERED and not force:
        return
    for name, targets in EXTENSIONS.items():
        for cls, kwargs in targets:
            if force or not cls.has_extension(name):
                cls.set_extension(name, force=True, **kwargs)
    _REGISTERED = True
