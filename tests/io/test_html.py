"""HTML: main text kept, furniture dropped, table rows as 'a | b' lines."""

from __future__ import annotations

from disclosure_nlp.io.html import html_to_text
from disclosure_nlp.io.readers import read_document
from tests.conftest import corpus_text

PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312">
<title>某局2019年政府信息公开工作年度报告_某市政府网</title>
<style>.x{{color:red}}</style><script>var tracker = 1;</script></head>
<body><div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>
<div class="breadcrumb">当前位置</div>
<div id="zoom" class="TRS_Editor">{body}
<table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td></tr>
<tr><td>规章</td><td>0</td><td>0</td></tr><tr><td>规范性文件</td><td>1</td><td></td></tr></table>
</div><div class="footer">版权所有 网站标识码</div></body></html>"""


def _body(text: str) -> str:
    return "".join(f"<p>{line}</p>" for line in text.splitlines()[:12])


def test_main_text_tables_and_no_furniture():
    prose = corpus_text("seed-000").splitlines()[:2]
    text = html_to_text(PAGE.format(body=_body("\n".join(prose))))
    assert prose[0] in text and prose[1] in text
    assert "信息内容 | 本年新制作数量 | 本年新公开数量" in text
    assert "规范性文件 | 1 |" in text.splitlines()  # the blank cell keeps its separator
    assert "tracker" not in text and "color:red" not in text
    assert "版权所有" not in text and "首页 >" not in text


def test_malformed_html_still_gives_text():
    text = html_to_text(
        "<html><body><div><p>一、总体情况<p>2019年发布信息<b>28条<table><tr><td>a<td>b"
    )
    assert "一、总体情况" in text
    assert "2019年发布信息28条" in text
    assert "a | b" in text


def test_html_file_in_gbk(tmp_path):
    prose = "\n".join(corpus_text("seed-000").splitlines()[:3])
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(body=_body(prose)).encode("gbk"))
    result = read_document(path)
    assert result.ok, result.error
    assert result.encoding == "gb18030"
    assert prose.splitlines()[1][:40] in result.text
