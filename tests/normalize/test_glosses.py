"""Reading text without the pinyin glosses of mirrored pages (normalize/glosses.py)."""

import pytest

from disclosure_nlp.normalize.glosses import span_in_text, without_glosses

# (text, the copy without glosses); shapes from mirrored report pages of the external
# development excerpts
CASES = [
    ("通過白云區(qū)政府門戶網(wǎng)站發(fā)布", "通過白云區政府門戶網站發布"),
    ("檢查新媒體69個(gè),涵蓋微信公眾號(hào)", "檢查新媒體69個,涵蓋微信公眾號"),
    ("國(guó)辦發(fā)〔2017〕47號(hào)", "國辦發〔2017〕47號"),
    # no tone mark, no gloss: URLs, enumerators, years and plain words stay
    ("网站(www)及(一)(2019)", "网站(www)及(一)(2019)"),
    ("(fā)開頭", "(fā)開頭"),  # no character before it: no gloss
    # toneless glosses, also in runs, where a text has several; Latin words stay
    ("發揮國(guo)資(zi)委網站、“四個(ge)意識”", "發揮國資委網站、“四個意識”"),
    ("中(zhong)(zhong)(zhong)華人(ren)民共和(he)國", "中華人民共和國"),
    ("微信(wechat)、報告(pdf)、網(ge)", "微信(wechat)、報告(pdf)、網(ge)"),  # one is too few
    ("發(fā)布國(guo)資", "發布國資"),  # beside a tone-marked one, one is enough
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_without_glosses(text, expected):
    reading, positions = without_glosses(text)
    assert reading == expected
    assert len(positions) == len(reading) + 1
    assert all(text[positions[i]] == c for i, c in enumerate(reading))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "通過白云區(qū)政府門戶網(wǎng)站發(fā)布",
            "白云區政府門戶網站",
            "白云區(qū)政府門戶網(wǎng)站",
        ),
        # a gloss right after the last character stays inside the span
        ("新媒體69個(gè),涵蓋", "69個", "69個(gè)"),
        ("47號(hào))", "47號", "47號(hào)"),
        ("中(zhong)(zhong)(zhong)華人(ren)民", "中", "中(zhong)(zhong)(zhong)"),
    ],
)
def test_span_in_text(text, span, expected):
    reading, positions = without_glosses(text)
    start = reading.index(span)
    new_start, new_end = span_in_text(text, positions, start, start + len(span))
    assert text[new_start:new_end] == expected
