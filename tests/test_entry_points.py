"""Every entry point in pyproject.toml names the function registered under that name."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from spacy.util import registry

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
ENTRY_POINTS = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["entry-points"]
REGISTRIES = {
    "spacy_misc": registry.misc,
    "spacy_architectures": registry.architectures,
    "spacy_readers": registry.readers,
    "spacy_tokenizers": registry.tokenizers,
}


def _target(value: str):
    module, _, attr = value.partition(":")
    return getattr(importlib.import_module(module), attr)


@pytest.mark.parametrize(
    ("group", "name", "value"),
    [
        (group, name, value)
        for group, points in ENTRY_POINTS.items()
        if group in REGISTRIES
        for name, value in points.items()
    ],
)
def test_registered_functions(group, name, value):
    target = _target(value)  # importing the module registers the name
    assert REGISTRIES[group].get(name) is target


@pytest.mark.parametrize(("name", "value"), list(ENTRY_POINTS["spacy_factories"].items()))
def test_factories(name, value):
    target = _target(value)
    assert registry.factories.get(name) is target


def test_the_new_statement_functions_have_entry_points():
    assert {"disclosure_span_scores", "disclosure_statement_baseline"} <= set(
        ENTRY_POINTS["spacy_factories"]
    )
    assert set(ENTRY_POINTS["spacy_misc"]) == {
        "disclosure_nlp.StatementBaseline.v1",
        "disclosure_nlp.statement_unit_suggester.v1",
    }
    assert set(ENTRY_POINTS["spacy_architectures"]) == {"disclosure_nlp.SectionAwareEmbed.v1"}
