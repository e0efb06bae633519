"""Cut a table region into tokens: row labels, values, markers, blanks, captions, text.

Step 1 of reading a table (see :mod:`.reader`). :class:`CellTokenizer` cuts each
line into pieces (``|``, Markdown, tab or wide-space separated, or one cell a
line) and classifies them with the schema's patterns; :func:`split_runs` groups
consecutive cells under the row label before them; :func:`place_row` places a
run's cells in columns when that is certain. Pure logic, no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..normalize.quantities import load_units
from .schema import ColumnSpec, TableSchema, TableSpec, normalize_label

LABEL, VALUE, MARKER, BLANK, TEXT, CAPTION, PAGE = (
    "label", "value", "marker", "blank", "text", "caption", "page",
)  # fmt: skip
CELL_KINDS = (VALUE, MARKER, BLANK)

_MD_SEPARATOR = re.compile(r"^[|｜]?\s*:?-{3,}:?\s*([|｜]\s*:?-{3,}:?\s*)*[|｜]?$")
_MD_HEADING = re.compile(r"^[ \t\u3000]*#{1,6}[ \t\u3000]*")
PIPE = re.compile(r"[|｜]")
_WIDE_GAP = re.compile(r"[ \u3000]{2,}|\u3000")
STRIP = " \t\u3000\xa0\r"
_THOUSANDS = re.compile(r"^([+-]?\d{1,3}(?:,\d{3})+)(\.\d+)?(\D*)$")
_MINUS = str.maketrans({"−": "-", "﹣": "-", "－": "-"})
_CHANGE_SIGNS = {"增": "+", "减": "-"}  # 增2 / 减1 in the 本年增/减 column
_WORD = re.compile(r"\S+")
_SPACED_DIGITS = re.compile(r"\d\s+[+-]?\d")


@dataclass
class Token:
    """A piece of a table region: what it is, where it is, how it lines up."""

    kind: str
    text: str
    start: int
    end: int
    line: int
    group: int = 0
    multi: bool = False  # on a line with several cells
    split: str = "line"  # how its line was cut: pipe, tab, space or line
    key: str | None = None
    is_group: bool = False
    value: int | float | None = None

    @property
    def filled(self) -> bool:
        return self.kind in (VALUE, MARKER)


@dataclass
class Run:
    """Consecutive cells (values, markers, blanks) and the label just before them."""

    cells: list[Token]
    anchor: Token | None

    @property
    def filled(self) -> int:
        return sum(1 for c in self.cells if c.filled)

    @property
    def has_values(self) -> bool:
        return any(c.kind == VALUE for c in self.cells)


def cell_unit(raw: str, column: ColumnSpec | None) -> str | None:
    """The unit of an amount of money: the one written in the cell (``251000元``), else
    the one its column's header states (本年收费金额(单位:万元)); None for counts, and
    for an amount whose unit is written nowhere (2019's 采购总金额 states none). A cell
    not placed in a column (``column`` None) has a unit only when it writes one."""
    if column is not None and not column.money:
        return None
    text = raw.strip(STRIP)
    written = next((u for u in load_units().money_units if text.endswith(u)), None)
    return written or (column.unit if column is not None else None)


def parse_cell_value(norm: str, value_re: re.Pattern) -> int | float | None:
    """The number in a normalised value cell (``1,316.84万元`` -> 1316.84, ``减1`` -> -1,
    as the 2019 form's 本年增/减 column writes a change); None if none."""
    norm = norm.translate(_MINUS)
    if norm[:1] in _CHANGE_SIGNS and norm[1:2].isdigit():
        norm = _CHANGE_SIGNS[norm[0]] + norm[1:]
    m = _THOUSANDS.match(norm)
    if m:
        norm = m.group(1).replace(",", "") + (m.group(2) or "") + m.group(3)
    m = value_re.match(norm)
    if not m:
        return None
    number = m.group("number")
    if "." in number:
        return float(number)
    return int(number)


class CellTokenizer:
    """Cuts a table region into tokens (pure; one per schema table)."""

    def __init__(self, schema: TableSchema) -> None:
        self.schema = schema

    # pieces of one line ----------------------------------------------------
    @staticmethod
    def pieces(line: str, markdown: bool, terminated: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, split) of the cells of a line, offsets into the line.

        ``markdown``: a line starting with ``|`` has nothing before it;
        ``terminated``: every cell is followed by ``|`` (``a | b |``), so an
        empty piece after the last ``|`` is no cell; otherwise (``a | b`` as the
        HTML reader joins cells) a line ending in ``|`` has an empty last cell.
        """
        content = line.strip(STRIP)
        if not content:
            return [(0, len(line), "line")]
        if PIPE.search(line):
            bounds, pos = [], 0
            for m in PIPE.finditer(line):
                bounds.append((pos, m.start()))
                pos = m.end()
            bounds.append((pos, len(line)))
            first = line[bounds[0][0] : bounds[0][1]]
            if markdown and not first.strip(STRIP):
                bounds = bounds[1:]
            if (
                (terminated or markdown)
                and bounds
                and not line[bounds[-1][0] : bounds[-1][1]].strip(STRIP)
            ):
                bounds = bounds[:-1]
            return [(a, b, "pipe") for a, b in bounds]
        lead = len(line) - len(line.lstrip(STRIP))
        if "\t" in content:
            out, pos = [], lead
            for part in content.split("\t"):
                out.append((pos, pos + len(part), "tab"))
                pos += len(part) + 1
            return out
        if _WIDE_GAP.search(content):
            words = re.finditer(r"\S+(?: \S+)*", content)
            return [(lead + m.start(), lead + m.end(), "space") for m in words]
        return [(0, len(line), "line")]

    def classify(self, piece: str, start: int, split: str, spec: TableSpec) -> list[Token]:
        """Tokens of one piece (offsets absolute); line and group are set by the caller."""
        stripped = piece.strip(STRIP)
        if not stripped:
            if split == "line":  # a line of no-break spaces: one blank cell each
                return [
                    Token(BLANK, "", start + i, start + i + 1, 0, split=split)
                    for i, ch in enumerate(piece)
                    if ch == "\xa0"
                ]
            pos = start + len(piece) - len(piece.lstrip(STRIP))
            return [Token(BLANK, "", pos, pos, 0, split=split)]
        s0 = start + piece.index(stripped)
        token = self.classify_text(stripped, s0, spec)
        token.split = split
        if token.kind not in (TEXT, LABEL):
            return [token]
        # several values on one line (1 0 1 0 0), or a label followed by its values (a label
        # matches with the values after it: 一、本年新收…申请数量 821 35 2 1 859)
        words = list(_WORD.finditer(stripped))
        if len(words) > 1:
            tokens = [self.classify_text(w.group(), s0 + w.start(), spec) for w in words]
            n_values = 0
            for tok in reversed(tokens):
                if tok.kind != VALUE:
                    break
                n_values += 1
            if n_values == len(tokens):
                for tok in tokens:
                    tok.split = "space"
                return tokens
            if n_values:
                head = words[len(words) - n_values - 1]
                label_text = stripped[: head.end()]
                label = self.classify_text(label_text, s0, spec)
                if label.kind == LABEL:
                    values = tokens[-n_values:]
                    for tok in (label, *values):
                        tok.split = "space"
                    return [label, *values]
        return [token]

    def classify_text(self, text: str, start: int, spec: TableSpec) -> Token:
        """One non-empty cell text: page number, value, marker, caption, label or text."""
        schema = self.schema
        norm = normalize_label(text)
        end = start + len(text)
        if any(p.match(norm) for p in schema.page_res):
            return Token(PAGE, text, start, end, 0)
        # digits apart (2 1 859) are several cells, never one number
        value = None if _SPACED_DIGITS.search(text) else parse_cell_value(norm, schema.value_re)
        if value is not None:
            return Token(VALUE, text, start, end, 0, value=value)
        if norm in schema.markers:
            return Token(MARKER, text, start, end, 0)
        if len(norm) <= 20 and schema.caption_re.search(norm):
            return Token(CAPTION, text, start, end, 0)
        if len(norm) <= schema.max_label_chars:
            match = spec.match_label(norm)
            if match:
                return Token(LABEL, text, start, end, 0, key=match[0], is_group=match[1])
        return Token(TEXT, text, start, end, 0)

    # a whole region ----------------------------------------------------------
    def tokenize(self, text: str, start: int, end: int, spec: TableSpec) -> list[Token]:
        """All tokens of ``text[start:end]`` with line and group numbers."""
        region = text[start:end]
        lines = region.split("\n")
        markdown = any(_MD_SEPARATOR.match(line.strip(STRIP)) for line in lines)
        piped = [line.rstrip(STRIP) for line in lines if PIPE.search(line)]
        terminated = sum(1 for line in piped if line.endswith(("|", "｜"))) * 2 >= len(piped)
        tokens: list[Token] = []
        group = 0
        in_vertical = False
        pos = start
        for index, line in enumerate(lines):
            offset = pos
            pos += len(line) + 1
            if not line.strip(" \t\u3000\r"):  # white space only, no no-break space
                group += 1
                in_vertical = False
                continue
            if _MD_SEPARATOR.match(line.strip(STRIP)):
                continue
            heading = _MD_HEADING.match(line)
            if heading:
                offset += heading.end()
                line = line[heading.end() :]
            line_tokens: list[Token] = []
            for a, b, split in self.pieces(line, markdown, terminated):
                line_tokens.extend(self.classify(line[a:b], offset + a, split, spec))
            row_labels = {t.key for t in line_tokens if t.kind == LABEL and not t.is_group}
            if len(row_labels) >= 2:  # a header line naming several rows (bogus headers)
                for tok in line_tokens:
                    if tok.kind == LABEL:
                        tok.kind, tok.key, tok.is_group = TEXT, None, False
            if not any(t.filled for t in line_tokens) and any(
                t.kind in (LABEL, TEXT, CAPTION) for t in line_tokens
            ):  # a header or label line: its empty pieces are colspan padding, not cells
                line_tokens = [t for t in line_tokens if t.kind != BLANK]
            cells = [t for t in line_tokens if t.kind in CELL_KINDS]
            single = len(line_tokens) == 1 and len(cells) == 1
            if single and in_vertical:
                pass  # the column of single-cell lines goes on
            else:
                group += 1
            in_vertical = single
            for tok in line_tokens:
                tok.line = index
                tok.group = group
                tok.multi = len(cells) > 1
            if not single:
                group += 1
            tokens.extend(line_tokens)
        return tokens


def split_runs(tokens: Sequence[Token]) -> list[Run]:
    """Runs of cells; labels and captions end a run, text and page numbers do not."""
    runs: list[Run] = []
    current: list[Token] = []
    anchor: Token | None = None
    pending: Token | None = None  # the last label since the previous run or caption

    def close() -> None:
        nonlocal current
        if current:
            runs.append(Run(current, anchor))
        current = []

    for tok in tokens:
        if tok.kind == CAPTION:
            close()
            pending = None
        elif tok.kind == LABEL:
            close()
            pending = tok
        elif tok.kind in CELL_KINDS:
            if not current:
                anchor, pending = pending, None
            current.append(tok)
    close()
    return runs


def has_blanks_in_place(runs: Iterable[Run]) -> bool:
    """True when some run has a blank between two filled cells: blanks keep their place."""
    for run in runs:
        seen_filled = False
        blank_after_filled = False
        for cell in run.cells:
            if cell.filled:
                if blank_after_filled:
                    return True
                seen_filled = True
            elif cell.kind == BLANK and seen_filled:
                blank_after_filled = True
    return False


def place_row(cells: Sequence[Token], n: int, in_place: bool) -> list[Token | None] | None:
    """The cell of each of n columns, when certain; None when the row is ambiguous.

    ``in_place``: the document keeps blank cells in their positions.
    """
    filled = [c for c in cells if c.filled]
    k = len(filled)
    if k == 0:
        return list(cells) if len(cells) == n else [None] * n
    if k == n:
        return filled
    if k > n:
        return None
    last = max(i for i, c in enumerate(cells) if c.filled)
    trimmed = list(cells[: last + 1])
    if len(trimmed) == n:  # blanks inside the row, each in its column
        return trimmed
    if in_place and len(trimmed) < n <= len(cells):
        return list(cells[:n])
    return None
