import spacy

from disclosure_nlp.components.doc_text import doc_text
from disclosure_nlp.components.entity_spans import split_tokens_at


def test_doc_text_is_the_text_and_survives_token_splits():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("我局通过门户网站发布信息2889条。")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once
    split_tokens_at(doc, [3, 7])
    assert doc_text(doc) == doc.text


def test_doc_text_of_different_docs():
    nlp = spacy.blank("zh")
    first, second = nlp.make_doc("一、总体情况"), nlp.make_doc("二、主动公开")
    assert (doc_text(first), doc_text(second)) == ("一、总体情况", "二、主动公开")
    assert doc_text(nlp.make_doc("")) == ""
