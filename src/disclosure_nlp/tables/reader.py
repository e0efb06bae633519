"""Read the statutory tables of a report: from text to cells keyed by the schema.

The same table reaches us in many flattened forms: one row a line with ``|``
(HTML rendered by the reader, copied web tables), Markdown tables, tab- or
space-separated cells, one cell a line (with ``|`` after each cell, or PDF
text with page numbers such as ``-2-`` between cells, headers broken across
lines, labels out of place and blocks of rows written column by column), and
blank cells as empty ``| |`` pieces, no-break spaces, or nothing at all.

Reading runs in three steps:

1. :class:`CellTokenizer` cuts the table's region into tokens: row labels
   (recognised by the schema's patterns), values, markers (``/``, ``—``,
   ``无``: raw text, no value), explicit blanks, captions (第二十条第(一)项),
   page numbers and other text (headers, notes).
2. *Rows mode* (the usual case): each run of cells belongs to the row label
   just before it. A row is placed when that is certain: all its columns have
   a value, no value at all (all blank), or its blank cells are evidently in
   place (the run has exactly one cell per column with blanks inside, or the
   document shows elsewhere that its blanks keep their positions). A row
   whose blank cells were lost is *ambiguous*: its values are reported with
   no column, never guessed.
3. *Stream mode*, for text where values are not next to their labels (PDF
   text) and for the review table (one physical row under three headers):
   the values are read in order and fill the rows found in the region in
   schema order, row by row, or column by column where the text writes a
   block of rows as columns (n groups of r values). The result is kept only
   when every value lands in a row, every row is filled, and each label next
   to a run of values names one of the rows that run fills; otherwise the
   values are reported as ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import Errors
from .schema import FORMATS, TABLE_NAMES, TableSchema, TableSpec, load_table_schema, normalize_label

LABEL, VALUE, MARKER, BLANK, TEXT, CAPTION, PAGE = (
    "label", "value", "marker", "blank", "text", "caption", "page",
)  # fmt: skip
CELL_KINDS = (VALUE, MARKER, BLANK)

_MD_SEPARATOR = re.compile(r"^[|｜]?\s*:?-{3,}:?\s*([|｜]\s*:?-{3,}:?\s*)*[|｜]?$")
_MD_HEADING = re.compile(r"^[ \t\u3000]*#{1,6}[ \t\u3000]*")
_PIPE = re.compile(r"[|｜]")
_WIDE_GAP = re.compile(r"[ \u3000]{2,}|\u3000")
_STRIP = " \t\u3000\xa0\r"
_THOUSANDS = re.compile(r"^([+-]?\d{1,3}(?:,\d{3})+)(\.\d+)?(\D*)$")
_MINUS = str.maketrans({"−": "-", "﹣": "-", "－": "-"})
_WORD = re.compile(r"\S+")


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


@dataclass
class ParsedCell:
    """One cell: row and column keys (None where not certain), value, raw text, offsets."""

    table: str
    row: str | None
    column: str | None
    value: int | float | None
    raw: str
    start: int | None
    end: int | None
    ambiguous: bool = False

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
            "ambiguous": self.ambiguous,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ParsedCell:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


@dataclass
class ParsedTable:
    """A table as read: its region, mode, the rows found and the cells.

    ``rows``: the data rows whose labels the region has, in schema order.
    ``ambiguous_rows``: rows whose values could not be placed in columns.
    ``missing_rows``: rows whose label is there but whose cells are cut off.
    """

    name: str
    start: int
    end: int
    mode: str
    rows: list[str] = field(default_factory=list)
    ambiguous_rows: list[str] = field(default_factory=list)
    missing_rows: list[str] = field(default_factory=list)
    cells: list[ParsedCell] = field(default_factory=list)

    def cell(self, row: str, column: str) -> ParsedCell | None:
        """The placed (not ambiguous) cell at row, column."""
        for cell in self.cells:
            if cell.row == row and cell.column == column and not cell.ambiguous:
                return cell
        return None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "start": self.start,
            "end": self.end,
            "mode": self.mode,
            "rows": list(self.rows),
            "ambiguous_rows": list(self.ambiguous_rows),
            "missing_rows": list(self.missing_rows),
            "cells": [c.to_dict() for c in self.cells],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ParsedTable:
        return cls(
            name=data["name"],
            start=data["start"],
            end=data["end"],
            mode=data["mode"],
            rows=list(data["rows"]),
            ambiguous_rows=list(data["ambiguous_rows"]),
            missing_rows=list(data["missing_rows"]),
            cells=[ParsedCell.from_dict(c) for c in data["cells"]],
        )


@dataclass
class TablesResult:
    """Everything read from one report: format, tables by name, checks."""

    format: str | None
    tables: dict[str, ParsedTable]
    checks: list = field(default_factory=list)  # list[Check]

    def to_dict(self) -> dict:
        """Plain data (str keys, lists, numbers): survives DocBin and multiprocessing."""
        return {
            "format": self.format,
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, data: dict) -> TablesResult:
        from .checks import Check

        return cls(
            format=data["format"],
            tables={n: ParsedTable.from_dict(t) for n, t in data["tables"].items()},
            checks=[Check.from_dict(c) for c in data["checks"]],
        )

    def records(self) -> list[dict]:
        """``table`` and ``check`` records (INTERFACE.md), without ``doc_id``."""
        out = []
        for name in TABLE_NAMES:
            table = self.tables.get(name)
            if table is None:
                continue
            for cell in table.cells:
                record = {"kind": "table", **cell.to_dict()}
                out.append(record)
        out.extend({"kind": "check", **c.to_dict()} for c in self.checks)
        return out


def parse_cell_value(norm: str, value_re: re.Pattern) -> int | float | None:
    """The number in a normalised value cell (``1,316.84万元`` -> 1316.84); None if none."""
    norm = norm.translate(_MINUS)
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
        content = line.strip(_STRIP)
        if not content:
            return [(0, len(line), "line")]
        if _PIPE.search(line):
            bounds, pos = [], 0
            for m in _PIPE.finditer(line):
                bounds.append((pos, m.start()))
                pos = m.end()
            bounds.append((pos, len(line)))
            first = line[bounds[0][0] : bounds[0][1]]
            if markdown and not first.strip(_STRIP):
                bounds = bounds[1:]
            if (
                (terminated or markdown)
                and bounds
                and not line[bounds[-1][0] : bounds[-1][1]].strip(_STRIP)
            ):
                bounds = bounds[:-1]
            return [(a, b, "pipe") for a, b in bounds]
        lead = len(line) - len(line.lstrip(_STRIP))
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
        stripped = piece.strip(_STRIP)
        if not stripped:
            if split == "line":  # a line of no-break spaces: one blank cell each
                return [
                    Token(BLANK, "", start + i, start + i + 1, 0, split=split)
                    for i, ch in enumerate(piece)
                    if ch == "\xa0"
                ]
            pos = start + len(piece) - len(piece.lstrip(_STRIP))
            return [Token(BLANK, "", pos, pos, 0, split=split)]
        s0 = start + piece.index(stripped)
        token = self.classify_text(stripped, s0, spec)
        token.split = split
        if token.kind != TEXT:
            return [token]
        # several values on one line (1 0 1 0 0), or a label followed by its values
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
        value = parse_cell_value(norm, schema.value_re)
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
        markdown = any(_MD_SEPARATOR.match(line.strip(_STRIP)) for line in lines)
        piped = [line.rstrip(_STRIP) for line in lines if _PIPE.search(line)]
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
            if _MD_SEPARATOR.match(line.strip(_STRIP)):
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


class TableReader:
    """Pure logic: report text, sections and table blocks in, :class:`TablesResult` out."""

    def __init__(self, schema: TableSchema | None = None) -> None:
        self.schema = schema or load_table_schema()
        self.tokenizer = CellTokenizer(self.schema)

    # where the tables are -------------------------------------------------------
    def regions(
        self,
        text: str,
        sections: Sequence[tuple[int, int, str]],
        blocks: Sequence[tuple[int, int]],
    ) -> dict[str, tuple[int, int]]:
        """The range of each table: from its section's first table block to the last cell line.

        The blocks of ``disclosure_sections`` can stop short of the last cells
        (a lone value line, labels printed after the values), so the range runs
        on over the following lines until a line of prose or the section's end.
        """
        out: dict[str, tuple[int, int]] = {}
        for name in TABLE_NAMES:
            spec = self.schema.tables[name]
            for sec_start, sec_end, label in sections:
                if label != spec.section:
                    continue
                inside = [(s, e) for s, e in blocks if sec_start <= s < sec_end]
                if not inside:
                    continue
                start = min(s for s, _ in inside)
                end = self._extend(text, max(e for _, e in inside), sec_end, spec)
                out[name] = (start, end)
                break
        return out

    def _extend(self, text: str, end: int, limit: int, spec: TableSpec) -> int:
        pos = end
        for line in text[end:limit].split("\n"):
            line_start, pos = pos, pos + len(line) + 1
            stripped = line.strip(_STRIP)
            norm = normalize_label(stripped)
            if not norm and "\xa0" not in line:
                continue
            is_label = (
                len(norm) <= self.schema.max_label_chars and spec.match_label(norm) is not None
            )
            prose = len(norm) > self.schema.prose_line_chars or stripped.endswith("。")
            if prose and not is_label and not _PIPE.search(line):
                break
            end = line_start + len(line.rstrip(" \t\u3000\r"))
        return min(end, limit)

    def detect_format(
        self, text: str, regions: dict[str, tuple[int, int]], fallback: str | None = None
    ) -> str | None:
        """2019 or 2021 form, from the tables' own wording; else the fallback (report metadata)."""
        joined = normalize_label("".join(text[s:e] for s, e in regions.values()))
        counts = {
            fmt: sum(joined.count(normalize_label(w)) for w in words)
            for fmt, words in self.schema.format_vocabulary.items()
        }
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return fallback if fallback in FORMATS else None

    # reading ---------------------------------------------------------------------
    def read(
        self,
        text: str,
        sections: Sequence[tuple[int, int, str]],
        blocks: Sequence[tuple[int, int]],
        fmt: str | None = None,
    ) -> TablesResult:
        """Read every statutory table of a report and run the checks.

        ``sections``: (start, end, label) of the top-level sections; ``blocks``:
        (start, end) of the statutory table blocks (``disclosure_sections``);
        ``fmt``: the report's format from its metadata, used when the tables'
        own wording does not tell 2019 from 2021.
        """
        from .checks import prose_checks, run_checks

        if fmt is not None and fmt not in FORMATS:
            fmt = None
        regions = self.regions(text, sections, blocks)
        tokens = {
            name: self.tokenizer.tokenize(text, s, e, self.schema.tables[name])
            for name, (s, e) in regions.items()
        }
        table_format = self.detect_format(text, regions, fmt)
        in_place = has_blanks_in_place(run for toks in tokens.values() for run in split_runs(toks))
        tables = {}
        for name, (start, end) in regions.items():
            if not any(t.kind == LABEL for t in tokens[name]):
                continue  # no label of the form: not a statutory table
            truncated = not text[end:].strip()
            tables[name] = self.parse_table(
                self.schema.tables[name], tokens[name], table_format, in_place, truncated,
                (start, end),
            )  # fmt: skip
        checks = run_checks(self.schema, tables)
        checks += prose_checks(self.schema, text, tables, list(regions.values()))
        return TablesResult(table_format, tables, checks)

    def parse_table(
        self,
        spec: TableSpec,
        tokens: list[Token],
        fmt: str | None,
        in_place: bool,
        truncated: bool,
        span: tuple[int, int],
    ) -> ParsedTable:
        """Cells of one table from its tokens."""
        present = {t.key for t in tokens if t.kind == LABEL and not t.is_group}
        parents = {r.parent for r in spec.rows if r.parent and r.key in present}
        for tok in tokens:  # a split row's parent is a heading
            if tok.kind == LABEL and tok.key in parents:
                tok.is_group = True
        table = ParsedTable(spec.name, span[0], span[1], spec.mode)
        modes = set()
        if spec.mode == "stream":
            rows = [r.key for r in spec.rows if r.columns_for(fmt) is not None]
            subtables = [tokens]
        else:
            rows = [r.key for r in spec.rows if r.key in present and r.key not in parents]
            subtables = self._subtables(tokens)
        table.rows = rows
        for sub in subtables:
            sub_present = {t.key for t in sub if t.kind == LABEL and not t.is_group}
            sub_rows = rows if spec.mode == "stream" else [r for r in rows if r in sub_present]
            runs = split_runs(sub)
            last = truncated and sub is subtables[-1]
            result = None
            if spec.mode == "rows":
                result = self._rows_mode(spec, sub, runs, sub_rows, fmt, in_place, last)
                if result is not None:
                    modes.add("rows")
            if result is None:
                result = self._stream_mode(spec, runs, sub_rows, fmt, in_place)
                modes.add("stream")
            cells, ambiguous, missing = result
            table.cells.extend(cells)
            table.ambiguous_rows.extend(ambiguous)
            table.missing_rows.extend(missing)
        table.mode = "mixed" if len(modes) > 1 else (modes.pop() if modes else spec.mode)
        return table

    @staticmethod
    def _subtables(tokens: list[Token]) -> list[list[Token]]:
        subs: list[list[Token]] = [[]]
        for tok in tokens:
            if tok.kind == CAPTION and subs[-1]:
                subs.append([])
            subs[-1].append(tok)
        return subs

    # rows mode ---------------------------------------------------------------------
    def _rows_mode(
        self,
        spec: TableSpec,
        tokens: list[Token],
        runs: list[Run],
        rows: list[str],
        fmt: str | None,
        in_place: bool,
        truncated: bool,
    ) -> tuple[list[ParsedCell], list[str], list[str]] | None:
        """Cells when every run of values sits right after its row label; else None."""
        by_row: dict[str, list[Run]] = {}
        for run in runs:
            anchor = run.anchor
            if anchor is None or anchor.is_group or anchor.key not in rows:
                if run.has_values:
                    return None  # values with no label of their own: not this layout
                continue  # blank or marker padding under headers
            by_row.setdefault(anchor.key, []).append(run)
        chosen: dict[str, Run] = {}
        for key, row_runs in by_row.items():
            filled = [r for r in row_runs if r.filled]
            if len(filled) > 1:
                return None
            columns = spec.row(key).columns_for(fmt)
            if filled and columns is not None and filled[0].filled > len(columns):
                return None
            chosen[key] = filled[0] if filled else row_runs[0]
        last_label = next((t for t in reversed(tokens) if t.kind == LABEL), None)
        cut_row = None
        if truncated and tokens:
            if tokens[-1].kind == LABEL and not tokens[-1].is_group:
                cut_row = tokens[-1].key  # the text ends on this label
            elif last_label is not None and tokens[-1].kind in CELL_KINDS:
                cut_row = last_label.key  # the text ends inside this row's cells
        cells: list[ParsedCell] = []
        ambiguous: list[str] = []
        missing: list[str] = []
        for key in rows:
            columns = spec.row(key).columns_for(fmt)
            run = chosen.get(key)
            if run is None:
                if key == cut_row:
                    missing.append(key)
                    continue
                if columns is None:
                    ambiguous.append(key)
                    continue
                cells.extend(
                    ParsedCell(spec.name, key, col, None, "", None, None) for col in columns
                )
                continue
            placed = None
            if columns is not None and not (key == cut_row and run.filled < len(columns)):
                placed = place_row(run.cells, len(columns), in_place)
            if placed is None:
                ambiguous.append(key)
                cells.extend(self._ambiguous(spec.name, key, run.cells))
                continue
            cells.extend(self._placed(spec.name, key, columns, placed))
        return cells, ambiguous, missing

    # stream mode -------------------------------------------------------------------
    def _stream_mode(
        self,
        spec: TableSpec,
        runs: list[Run],
        rows: list[str],
        fmt: str | None,
        in_place: bool,
    ) -> tuple[list[ParsedCell], list[str], list[str]]:
        """Cells when the values fill the rows in order with certainty; else all ambiguous."""
        runs = [r for r in runs if r.filled]
        assigned = self._fill(spec, runs, rows, fmt) if rows else None
        # a blank in a stream counts only where blanks are known to keep their place
        if (
            assigned is not None
            and not in_place
            and any(c is not None and c.kind == BLANK for cs in assigned.values() for c in cs)
        ):
            assigned = None
        if assigned is None:
            row = rows[0] if len(rows) == 1 else None
            cells = [c for run in runs for c in self._ambiguous(spec.name, row, run.cells)]
            return cells, list(rows), []
        cells = []
        for key in rows:
            columns = spec.row(key).columns_for(fmt)
            cells.extend(self._placed(spec.name, key, columns, assigned[key]))
        return cells, [], []

    def _fill(
        self, spec: TableSpec, runs: list[Run], rows: list[str], fmt: str | None
    ) -> dict[str, list[Token | None]] | None:
        assigned: dict[str, list[Token | None]] = {}
        p = 0
        for run in runs:
            first = p
            p = self._consume(spec, run, rows, p, fmt, assigned)
            if p is None:
                return None
            anchor = run.anchor
            if (
                anchor is not None
                and not anchor.is_group
                and anchor.key in rows
                and anchor.key not in rows[first:p]
            ):
                return None
        if p != len(rows):
            return None
        return assigned

    @staticmethod
    def _groups(cells: list[Token]) -> list[list[Token]]:
        groups: list[list[Token]] = []
        for cell in cells:
            if groups and groups[-1][-1].group == cell.group:
                groups[-1].append(cell)
            else:
                groups.append([cell])
        return groups

    def _consume(
        self,
        spec: TableSpec,
        run: Run,
        rows: list[str],
        p: int,
        fmt: str | None,
        assigned: dict[str, list[Token | None]],
    ) -> int | None:
        """Fill rows from ``p`` with the run's cells; the next row index, None on failure."""

        def width(index: int) -> int | None:
            if index >= len(rows):
                return None
            columns = spec.row(rows[index]).columns_for(fmt)
            return len(columns) if columns else None

        groups = self._groups(run.cells)
        buffer: list[Token] = []
        i = 0
        while i < len(groups):
            group = groups[i]
            vertical = len(group) > 1 and not group[0].multi
            if vertical:  # r rows written column by column: n groups of r cells
                r = len(group)
                if buffer or p + r > len(rows):
                    return None
                widths = {width(p + j) for j in range(r)}
                if len(widths) != 1 or None in widths:
                    return None
                n = widths.pop()
                block = groups[i : i + n]
                if len(block) != n or any(len(g) != r or g[0].multi for g in block):
                    return None
                for j in range(r):
                    assigned[rows[p + j]] = [block[c][j] for c in range(n)]
                p += r
                i += n
                continue
            buffer.extend(group)
            i += 1
            while buffer:
                n = width(p)
                if n is None:
                    if all(c.kind == BLANK for c in buffer):
                        buffer = []
                        break
                    return None
                if len(buffer) < n:
                    break
                assigned[rows[p]] = buffer[:n]
                buffer = buffer[n:]
                p += 1
            if buffer and group[0].split == "pipe" and all(c.kind == BLANK for c in buffer):
                buffer = []  # padding at the end of a physical row
        if buffer and not all(c.kind == BLANK for c in buffer):
            return None
        return p

    # cells --------------------------------------------------------------------------
    @staticmethod
    def _placed(
        table: str, row: str, columns: Sequence[str], placed: Sequence[Token | None]
    ) -> list[ParsedCell]:
        out = []
        for column, tok in zip(columns, placed, strict=True):
            if tok is None:
                out.append(ParsedCell(table, row, column, None, "", None, None))
            else:
                out.append(ParsedCell(table, row, column, tok.value, tok.text, tok.start, tok.end))
        return out

    @staticmethod
    def _ambiguous(table: str, row: str | None, cells: Iterable[Token]) -> list[ParsedCell]:
        return [
            ParsedCell(table, row, None, c.value, c.text, c.start, c.end, ambiguous=True)
            for c in cells
            if c.filled
        ]


def read_tables(
    text: str,
    sections: Sequence[tuple[int, int, str]] | None = None,
    blocks: Sequence[tuple[int, int]] | None = None,
    fmt: str | None = None,
    reader: TableReader | None = None,
) -> TablesResult:
    """Read the statutory tables of a report text.

    Without ``sections``/``blocks`` they are found with the packaged section
    rules (as ``disclosure_sections`` does).
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(Errors.E116.format(fmt=fmt, allowed=FORMATS))
    if sections is None or blocks is None:
        from ..components.sections import SectionFinder, load_section_rules

        finder = SectionFinder(load_section_rules())
        sections = finder.sections(text)
        blocks = finder.tables(text, sections)
    return (reader or TableReader()).read(text, sections, blocks, fmt)


__all__ = [
    "BLANK",
    "CAPTION",
    "LABEL",
    "MARKER",
    "PAGE",
    "TEXT",
    "VALUE",
    "CellTokenizer",
    "ParsedCell",
    "ParsedTable",
    "Run",
    "TableReader",
    "TablesResult",
    "Token",
    "has_blanks_in_place",
    "parse_cell_value",
    "place_row",
    "read_tables",
    "split_runs",
]
