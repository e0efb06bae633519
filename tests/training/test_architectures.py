"""disclosure_nlp.SectionAwareEmbed.v1: each token's section, added to its embedding."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.ml.models import MultiHashEmbed
from spacy.tokens import Span
from spacy.util import registry
from thinc.api import Config

from disclosure_nlp.training.architectures import (
    build_section_aware_embed,
    section_columns,
    section_features,
)

LABELS = ["PREAMBLE", "OVERVIEW", "PROBLEMS"]
TEXT = "一、概述\n全年主动公开信息36条。\n二、存在的主要问题及改进情况\n一是公开不及时。"


@pytest.fixture(scope="module")
def doc():
    from disclosure_nlp.pipeline import build_default_pipeline

    return build_default_pipeline(("disclosure_sections",))(TEXT)


def test_section_columns(doc):
    assert [(s.label_, s.text.strip()) for s in doc.spans["sections"]] == [
        ("OVERVIEW", "一、概述\n全年主动公开信息36条。"),
        ("PROBLEMS", "二、存在的主要问题及改进情况\n一是公开不及时。"),
    ]
    columns = section_columns(doc, LABELS)
    problems = doc.spans["sections"][1]
    assert columns[: problems.start].tolist() == [1] * problems.start
    assert columns[problems.start :].tolist() == [2] * (len(doc) - problems.start)
    # a label missing from the list, and a Doc without sections, use the last column
    assert section_columns(doc, ["PROBLEMS"]).tolist()[0] == 1
    blank = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})("公开")
    assert section_columns(blank, LABELS).tolist() == [3, 3]


def test_section_features_one_hot(doc):
    layer = section_features(LABELS)
    layer.initialize()
    (out,) = layer.predict([doc])
    assert out.shape == (len(doc), 4)
    assert out.sum(axis=1).tolist() == [1.0] * len(doc)
    assert out[0].tolist() == [0.0, 1.0, 0.0, 0.0]
    assert out[-1].tolist() == [0.0, 0.0, 1.0, 0.0]


def test_embed_width_and_gradient(doc):
    embed = MultiHashEmbed(
        width=32, attrs=["NORM", "PREFIX"], rows=[50, 50], include_static_vectors=False
    )
    model = build_section_aware_embed(embed, 16, LABELS)
    model.initialize(X=[doc])
    out, backprop = model.begin_update([doc])
    assert out[0].shape == (len(doc), 16)
    backprop([numpy.ones_like(out[0])])  # the one-hot part has no weights and no gradient


def test_sections_change_the_vectors(doc):
    embed = MultiHashEmbed(width=8, attrs=["NORM"], rows=[50], include_static_vectors=False)
    model = build_section_aware_embed(embed, 8, LABELS)
    model.initialize(X=[doc])
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    plain = nlp.make_doc("公开")
    placed = nlp.make_doc("公开")
    placed.spans["sections"] = [Span(placed, 0, 2, label="PROBLEMS")]
    a, b = model.predict([plain, placed])
    assert not numpy.allclose(a, b)


def test_resolved_from_a_config():
    config = Config().from_str(
        """
        [model]
        @architectures = "disclosure_nlp.SectionAwareEmbed.v1"
        width = 24
        section_labels = ["PROBLEMS"]

        [model.embed]
        @architectures = "spacy.MultiHashEmbed.v2"
        width = 24
        attrs = ["NORM"]
        rows = [100]
        include_static_vectors = false
        """
    )
    model = registry.resolve(config)["model"]
    assert model.get_dim("nO") == 24


@pytest.mark.parametrize("labels", [[], ["PROBLEMS", "PROBLEMS"], [1, 2]])
def test_bad_section_labels(labels):
    with pytest.raises(ValueError, match="E137"):
        section_features(labels)
