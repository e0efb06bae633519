"""The packaged tokenizer: offline pkuseg, numbers cut from their neighbours."""

from __future__ import annotations

import pytest
from spacy.util import get_words_and_spaces

from disclosure_nlp.tokenizer import (
    PKUSEG_MODEL_DIR,
    load_split_rules,
    split_word,
    words_and_spaces,
)

from .conftest import corpus_text

RULES = load_split_rules()


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("信息2889条", ["信息", "2889", "条"]),
        ("27.6万元", ["27.6", "万元"]),
        ("1,316.84万元", ["1,316.84", "万元"]),
        ("98.2%", ["98.2", "%"]),
        ("“12317”", ["“", "12317", "”"]),
        ("0812-2222301", ["0812", "-", "2222301"]),
        ("２０１９年", ["２０１９", "年"]),
        ("fpb.smx.gov.cn", ["fpb", ".", "smx", ".", "gov", ".", "cn"]),
        ("政务公开", ["政务公开"]),
        ("2019.", ["2019", "."]),
    ],
)
def test_split_word(word, pieces):
    assert split_word(word, RULES) == pieces


def test_model_ships_inside_the_package():
    assert (PKUSEG_MODEL_DIR / "weights.npz").exists()
    assert (PKUSEG_MODEL_DIR / "features.msgpack").exists()


def test_tokens_keep_the_text(nlp):
    text = "2019年,共主动公开信息数2500余条,“12317”扶贫监督举报电话。\n公开率达到了100%。"
    doc = nlp(text)
    assert doc.text == text
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    for piece in ("2500", "12317", "100", "2019"):
        i = text.index(piece)
        assert i in starts and i + len(piece) in ends


def test_user_dictionary_terms_stay_whole(nlp):
    doc = nlp("加强政务新媒体管理,规范依申请公开工作,开通微信公众号。")
    words = [t.text for t in doc]
    for term in ("政务新媒体", "依申请公开", "微信公众号"):
        assert term in words


def test_pipeline_round_trip_offline(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    text = "市扶贫办发布信息2889条。"
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "words, text",
    [
        (["发布", "信息", "2889", "条"], "发布信息2889条"),
        (["新闻", "中心", "政府", "信息"], "新闻中心 政府信息"),  # a PDF space: a word's space
        (["一", "、", "总体"], "  一、总体  \n"),  # leading and trailing white space
        (["门", "户", "网", "站"], "门 户\t网\n\n站"),  # tabs and breaks: tokens of their own
        (["a", " ", "b"], "a  b"),  # white-space words are dropped, the text's spaces kept
        ([], "   "),
        (["信息"], "信息"),
    ],
)
def test_words_and_spaces_matches_spacy(words, text):
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


@pytest.mark.parametrize("doc_id", ["seed-001", "seed-004", "gidar-104"])
def test_words_and_spaces_matches_spacy_on_reports(nlp, doc_id):
    text = corpus_text(doc_id)
    words = nlp.tokenizer.pkuseg_seg.cut(text)
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


def test_words_and_spaces_refuses_words_of_another_text():
    with pytest.raises(ValueError, match="E194"):
        words_and_spaces(["发布", "信息"], "发布消息")
