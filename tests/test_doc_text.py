import spacy

from disclosure_nlp.components.entity_spans import split_tokens_at
from disclosure_nlp.doc_text import doc_text, remember_text


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


def test_remembered_text_is_returned_without_rebuilding():
    nlp = spacy.blank("zh")
    text = "2019年,共主动公开信息2500余条。"
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    assert doc_text(doc) is text


def test_the_package_tokenizer_hands_over_its_text(nlp):
    text = "第一句。\n\n  二、主动公开情况 发布信息2889条,\t“12317”热线。 "
    doc = nlp.make_doc(text)
    assert doc_text(doc) is text  # stored by the tokenizer, not rebuilt
    assert doc.text == text
