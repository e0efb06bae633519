"""Read the statutory tables of a report: from text to cells keyed by the schema.

The same table reaches us in many flattened forms: one row a line with ``|``
(HTML rendered by the reader, copied web tables), Markdown tables, tab- or
space-separated cells, one cell a line (with ``|`` after each cell, or PDF
text with page numbers such as ``-2-`` between cells, headers broken across
lines, labels out of place and blocks of rows written column by column), and
blank cells as empty ``| |`` pieces, no-break spaces, or nothing at all.

Reading runs in three steps:

1. :class:`~.cells.CellTokenizer` cuts the table's region into tokens: row labels
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

from collections.abc import Iterable, Sequence

from ..errors import Errors
from ..normalize.script import simplified_copy
from .cells import (
    BLANK,
    CAPTION,
    CELL_KINDS,
    LABEL,
    PIPE,
    STRIP,
    CellTokenizer,
    Run,
    Token,
    cell_unit,
    has_blanks_in_place,
    place_row,
    split_runs,
)
from .records import ParsedCell, ParsedTable, TablesResult
from .schema import FORMATS, TABLE_NAMES, TableSchema, TableSpec, load_table_schema, normalize_label


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
            stripped = line.strip(STRIP)
            norm = normalize_label(stripped)
            if not norm and "\xa0" not in line:
                continue
            is_label = (
                len(norm) <= self.schema.max_label_chars and spec.match_label(norm) is not None
            )
            prose = len(norm) > self.schema.prose_line_chars or stripped.endswith("。")
            if prose and not is_label and not PIPE.search(line):
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
        own wording does not tell 2019 from 2021. The text is read in simplified
        characters (labels in traditional script or with PDF radicals: 自然⼈).
        """
        from .checks import prose_checks, run_checks

        text = simplified_copy(text)

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
                    ParsedCell(
                        spec.name, key, col, None, "", None, None,
                        unit=cell_unit("", spec.column(col)),
                    )
                    for col in columns
                )  # fmt: skip
                continue
            placed = None
            if columns is not None and not (key == cut_row and run.filled < len(columns)):
                placed = place_row(run.cells, len(columns), in_place)
            if placed is None:
                ambiguous.append(key)
                cells.extend(self._ambiguous(spec.name, key, run.cells))
                continue
            cells.extend(self._placed(spec, key, columns, placed))
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
            cells.extend(self._placed(spec, key, columns, assigned[key]))
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
        spec: TableSpec, row: str, columns: Sequence[str], placed: Sequence[Token | None]
    ) -> list[ParsedCell]:
        out = []
        for column, tok in zip(columns, placed, strict=True):
            raw = "" if tok is None else tok.text
            unit = cell_unit(raw, spec.column(column))
            if tok is None:
                out.append(ParsedCell(spec.name, row, column, None, "", None, None, unit=unit))
            else:
                out.append(
                    ParsedCell(
                        spec.name, row, column, tok.value, tok.text, tok.start, tok.end, unit=unit
                    )
                )
        return out

    @staticmethod
    def _ambiguous(table: str, row: str | None, cells: Iterable[Token]) -> list[ParsedCell]:
        return [
            ParsedCell(
                table, row, None, c.value, c.text, c.start, c.end, ambiguous=True,
                unit=cell_unit(c.text, None),
            )
            for c in cells
            if c.filled
        ]  # fmt: skip


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


__all__ = ["TableReader", "read_tables"]
