"""Main text of a report web page, extracted with a real HTML parser.

Scripts, styles, forms and navigation are dropped; the main content block is
chosen by the usual content containers of Chinese government CMSs (TRS_Editor,
zoom, content, article) when one holds most of the text; block elements end a
line; each ``<tr>`` becomes one line with its cells separated by `` | ``.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

DROP_TAGS = (
    "script", "style", "noscript", "iframe", "form", "nav", "header", "footer",
    "select", "button", "input", "textarea", "svg", "canvas", "template", "object",
)  # fmt: skip
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "table", "tbody", "thead", "blockquote", "pre", "dd", "dt", "dl",
    "hr", "title", "center", "body", "figure", "figcaption", "address",
}  # fmt: skip
# id/class fragments of navigation and page furniture
NAV_HINT = re.compile(
    r"(^|[-_\s])(nav|menu|breadcrumb|crumb|footer|header|share|sidebar|topbar|banner|"
    r"copyright|position|location|weizhi|dqwz|bottom|foot|toolbar|print)([-_\s]|$)",
    re.I,
)
# id/class fragments of the main content container
CONTENT_HINT = re.compile(r"TRS_Editor|zoom|content|article|detail|zwnr|main[-_]?text|text", re.I)


def _attr_text(tag: Tag) -> str:
    values = []
    for key in ("id", "class"):
        value = tag.get(key)
        if isinstance(value, list):
            values.extend(value)
        elif value:
            values.append(value)
    return " ".join(values)


def _parse(markup: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(markup, "lxml")
    except Exception:  # lxml missing or choked: the stdlib parser is slower but tolerant
        return BeautifulSoup(markup, "html.parser")


def _remove_furniture(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for node in soup.find_all(
        string=lambda s: isinstance(s, (Comment, Doctype, ProcessingInstruction))
    ):
        node.extract()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        if NAV_HINT.search(_attr_text(tag)) and len(tag.get_text(strip=True)) < 400:
            tag.decompose()


def _main_block(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    total = len(body.get_text(strip=True)) or 1
    best: Tag | None = None
    best_len = 0
    for tag in body.find_all(["div", "td", "article", "section", "main"]):
        if not CONTENT_HINT.search(_attr_text(tag)):
            continue
        n = len(tag.get_text(strip=True))
        if n > best_len:
            best, best_len = tag, n
    # a container is only trusted when it holds most of the page's text
    if best is not None and best_len >= 0.5 * total and best_len >= 100:
        return best
    return body


def _cell_text(cell: Tag) -> str:
    return re.sub(r"\s+", " ", cell.get_text(" ", strip=True))


def _render(node: Tag, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            text = str(child)
            if text.strip():
                out.append(re.sub(r"[ \t\r\n]+", " ", text))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            cells = [_cell_text(c) for c in child.find_all(["td", "th"], recursive=False)]
            out.append("\n" + " | ".join(cells) + "\n")
            continue
        block = child.name in BLOCK_TAGS
        if block:
            out.append("\n")
        _render(child, out)
        if block:
            out.append("\n")


def html_to_text(markup: str) -> str:
    """The main text of an HTML page, one block a line, table rows as ``a | b``."""
    soup = _parse(markup)
    title = soup.title.get_text(strip=True) if soup.title else ""
    _remove_furniture(soup)
    block = _main_block(soup)
    out: list[str] = []
    _render(block, out)
    text = "".join(out)
    lines = (line.strip(" \t\u3000\xa0") for line in text.splitlines())
    text = "\n".join(line for line in lines if line)
    if title and title not in text[:300]:
        text = f"{title}\n{text}"
    return text
