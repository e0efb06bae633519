"""The schema of the statutory tables (``resources/table_schema.json``), validated.

The schema names every table, row and column with a stable key and the
form's Chinese label per format, says which columns each row has in each
format, how a label cell is recognised (regular expressions over the
normalised cell text) and which consistency checks hold between the cells.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import srsly

from ..errors import Errors
from ..resources import resource_path

SCHEMA_FILE = "table_schema.json"
FORMATS = ("2019-statutory", "2021-statutory")
TABLE_NAMES = ("active", "requests", "review")
TABLE_MODES = ("rows", "stream")
CHECK_KINDS = ("column_balance", "rows_sum", "columns_sum")

TOP_KEYS = (
    "description", "version", "formats", "value_pattern", "markers", "page_patterns",
    "caption_pattern", "max_label_chars", "prose_line_chars", "format_vocabulary", "tables",
    "checks", "prose_checks",
)  # fmt: skip
TABLE_KEYS = ("label", "section", "mode", "columns", "groups", "rows")
ROW_KEYS = ("key", "labels", "patterns", "columns", "result", "group", "parent", "item")
GROUP_KEYS = ("key", "labels", "patterns")
COLUMN_KEYS = ("key", "labels", "unit", "money")
CHECK_KEYS = ("name", "table", "kind", "left", "right", "total", "description")
PROSE_KEYS = (
    "name", "table", "row", "column", "patterns", "zero_patterns", "exclude", "description",
)  # fmt: skip

_SPACE_RE = re.compile(r"\s+")
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』《》")


def normalize_label(text: str) -> str:
    """A cell's text as the patterns see it: NFKC, no white space, no quotes.

    ``（二）部分公开（区分处理的， 只计…`` -> ``(二)部分公开(区分处理的,只计…``.
    """
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


def _compile(pattern: str, path: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise ValueError(Errors.E110.format(path=path, problem=f"{pattern!r}: {err}")) from err


def _check_keys(data: dict, allowed: tuple[str, ...], what: str) -> None:
    for key in data:
        if key not in allowed:
            raise ValueError(Errors.E111.format(key=key, what=what, allowed=allowed))


@dataclass(frozen=True)
class ColumnSpec:
    """A column: key, label per format, the unit its header states, and whether it holds
    amounts of money (2019's 采购总金额 does, and states no unit)."""

    key: str
    labels: dict[str, str]
    unit: str | None = None
    money: bool = False


@dataclass(frozen=True)
class GroupSpec:
    """A label that heads several rows (三、本年度办理结果, (三)不予公开) and holds no cells."""

    key: str
    labels: dict[str, str]
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class RowSpec:
    """A row: key, label and columns per format, how its label cell is recognised.

    ``result``: one of the handling results summed into (七)总计. ``parent``:
    the row this one splits (the 2021 form splits (六)其他处理 in three); when
    a report has the split rows, the parent is a heading without cells.
    """

    key: str
    labels: dict[str, str]
    patterns: tuple[re.Pattern, ...]
    columns: dict[str, tuple[str, ...]]
    result: bool = False
    group: str | None = None
    parent: str | None = None
    item: str | None = None

    def columns_for(self, fmt: str | None) -> tuple[str, ...] | None:
        """The row's column keys in a format; None when the format or the row there is unknown."""
        if fmt is None:
            values = set(self.columns.values())
            return next(iter(values)) if len(values) == 1 else None
        return self.columns.get(fmt)


@dataclass(frozen=True)
class TableSpec:
    """One statutory table: its section, how its cells run (rows or one stream), rows, columns."""

    name: str
    label: str
    section: str
    mode: str
    columns: tuple[ColumnSpec, ...]
    groups: tuple[GroupSpec, ...]
    rows: tuple[RowSpec, ...]

    def column(self, key: str) -> ColumnSpec:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def row(self, key: str) -> RowSpec:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def match_label(self, norm: str) -> tuple[str, bool] | None:
        """(key, is_group) of the row or group whose label the normalised text is; rows first."""
        for row in self.rows:
            if any(p.search(norm) for p in row.patterns):
                return row.key, False
        for group in self.groups:
            if any(p.search(norm) for p in group.patterns):
                return group.key, True
        return None


@dataclass(frozen=True)
class CheckSpec:
    """A consistency check between cells (see ``checks`` in the schema)."""

    name: str
    table: str
    kind: str
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    total: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ProseCheckSpec:
    """A figure stated in the narrative, compared with one cell."""

    name: str
    table: str
    row: str
    column: str
    patterns: tuple[re.Pattern, ...]
    zero_patterns: tuple[re.Pattern, ...]
    exclude: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class TableSchema:
    """The whole schema; ``data`` keeps the validated JSON for saving."""

    data: dict
    formats: tuple[str, ...]
    value_re: re.Pattern
    markers: frozenset[str]
    page_res: tuple[re.Pattern, ...]
    caption_re: re.Pattern
    max_label_chars: int
    prose_line_chars: int
    format_vocabulary: dict[str, tuple[str, ...]]
    tables: dict[str, TableSpec]
    checks: tuple[CheckSpec, ...]
    prose_checks: tuple[ProseCheckSpec, ...]

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> TableSchema:
        """Validate and compile the schema; raises ValueError with E110/E111."""
        _check_keys(data, TOP_KEYS, path)
        try:
            formats = tuple(data["formats"])
            if set(formats) - set(FORMATS):
                raise ValueError(
                    Errors.E110.format(path=path, problem=f"formats {formats}, allowed {FORMATS}")
                )
            if set(data["tables"]) != set(TABLE_NAMES):
                raise ValueError(
                    Errors.E112.format(
                        tables=sorted(data["tables"]), path=path, allowed=TABLE_NAMES
                    )
                )
            tables = {
                name: cls._table(name, data["tables"][name], formats, path) for name in TABLE_NAMES
            }
            checks = tuple(cls._check(c, tables, path) for c in data["checks"])
            prose = tuple(cls._prose(c, tables, path) for c in data["prose_checks"])
            vocabulary = {f: tuple(words) for f, words in data["format_vocabulary"].items()}
            if set(vocabulary) - set(formats):
                raise ValueError(
                    Errors.E110.format(path=path, problem="format_vocabulary names unknown formats")
                )
            return cls(
                data=data,
                formats=formats,
                value_re=_compile(data["value_pattern"], path),
                markers=frozenset(normalize_label(m) for m in data["markers"]),
                page_res=tuple(_compile(p, path) for p in data["page_patterns"]),
                caption_re=_compile(data["caption_pattern"], path),
                max_label_chars=int(data["max_label_chars"]),
                prose_line_chars=int(data["prose_line_chars"]),
                format_vocabulary=vocabulary,
                tables=tables,
                checks=checks,
                prose_checks=prose,
            )
        except KeyError as err:
            raise ValueError(Errors.E110.format(path=path, problem=f"missing key {err}")) from err

    @staticmethod
    def _table(name: str, data: dict, formats: tuple[str, ...], path: str) -> TableSpec:
        what = f"{path} table {name!r}"
        _check_keys(data, TABLE_KEYS, what)
        if data["mode"] not in TABLE_MODES:
            raise ValueError(
                Errors.E110.format(path=path, problem=f"{name}: mode {data['mode']!r}, "
                                   f"allowed {TABLE_MODES}")
            )  # fmt: skip
        columns = []
        for col in data["columns"]:
            _check_keys(col, COLUMN_KEYS, f"{what} column")
            columns.append(
                ColumnSpec(
                    col["key"], dict(col["labels"]), col.get("unit"), bool(col.get("money", False))
                )
            )
        column_keys = {c.key for c in columns}
        groups = []
        for group in data["groups"]:
            _check_keys(group, GROUP_KEYS, f"{what} group")
            patterns = tuple(_compile(p, path) for p in group["patterns"])
            groups.append(GroupSpec(group["key"], dict(group["labels"]), patterns))
        group_keys = {g.key for g in groups}
        rows = []
        seen: set[str] = set()
        for row in data["rows"]:
            _check_keys(row, ROW_KEYS, f"{what} row")
            key = row["key"]
            if key in seen:
                raise ValueError(Errors.E110.format(path=path, problem=f"row {key!r} twice"))
            seen.add(key)
            row_columns = {}
            for fmt, cols in row["columns"].items():
                unknown = [c for c in cols if c not in column_keys]
                if fmt not in formats or unknown:
                    raise ValueError(
                        Errors.E110.format(
                            path=path, problem=f"row {key!r}: format {fmt!r} or columns {unknown}"
                        )
                    )
                row_columns[fmt] = tuple(cols)
            if row.get("group") and row["group"] not in group_keys | {
                r["key"] for r in data["rows"]
            }:
                raise ValueError(
                    Errors.E110.format(path=path, problem=f"row {key!r}: group {row['group']!r}")
                )
            if row.get("parent") and row["parent"] not in seen:
                raise ValueError(
                    Errors.E110.format(
                        path=path, problem=f"row {key!r}: parent {row['parent']!r} must come first"
                    )
                )
            rows.append(
                RowSpec(
                    key=key,
                    labels=dict(row["labels"]),
                    patterns=tuple(_compile(p, path) for p in row["patterns"]),
                    columns=row_columns,
                    result=bool(row.get("result", False)),
                    group=row.get("group"),
                    parent=row.get("parent"),
                    item=row.get("item"),
                )
            )
        return TableSpec(
            name=name,
            label=data["label"],
            section=data["section"],
            mode=data["mode"],
            columns=tuple(columns),
            groups=tuple(groups),
            rows=tuple(rows),
        )

    @staticmethod
    def _check(data: dict, tables: dict[str, TableSpec], path: str) -> CheckSpec:
        _check_keys(data, CHECK_KEYS, f"{path} check")
        if data["kind"] not in CHECK_KINDS or data["table"] not in tables:
            raise ValueError(
                Errors.E110.format(
                    path=path, problem=f"check {data['name']!r}: kind {data['kind']!r} "
                    f"(allowed {CHECK_KINDS}) or table {data['table']!r}"
                )
            )  # fmt: skip
        table = tables[data["table"]]
        row_keys = {r.key for r in table.rows}
        column_keys = {c.key for c in table.columns}
        names = [*data.get("left", []), *data.get("right", [])]
        total = data.get("total")
        bad = [n for n in names if n not in row_keys]
        if total is not None and total not in (
            row_keys if data["kind"] == "rows_sum" else column_keys
        ):
            bad.append(total)
        if bad:
            raise ValueError(
                Errors.E110.format(path=path, problem=f"check {data['name']!r} names {bad}")
            )
        return CheckSpec(
            name=data["name"],
            table=data["table"],
            kind=data["kind"],
            left=tuple(data.get("left", ())),
            right=tuple(data.get("right", ())),
            total=total,
            description=data.get("description", ""),
        )

    @staticmethod
    def _prose(data: dict, tables: dict[str, TableSpec], path: str) -> ProseCheckSpec:
        _check_keys(data, PROSE_KEYS, f"{path} prose check")
        table = tables.get(data["table"])
        if (
            table is None
            or data["row"] not in {r.key for r in table.rows}
            or data["column"] not in {c.key for c in table.columns}
        ):
            raise ValueError(
                Errors.E110.format(path=path, problem=f"prose check {data['name']!r} cell")
            )
        for pattern in data["patterns"]:
            if "(?P<number>" not in pattern:
                raise ValueError(
                    Errors.E110.format(path=path, problem=f"{pattern!r} has no (?P<number>…) group")
                )
        return ProseCheckSpec(
            name=data["name"],
            table=data["table"],
            row=data["row"],
            column=data["column"],
            patterns=tuple(_compile(p, path) for p in data["patterns"]),
            zero_patterns=tuple(_compile(p, path) for p in data["zero_patterns"]),
            exclude=tuple(data.get("exclude", ())),
            description=data.get("description", ""),
        )

    def to_dict(self) -> dict:
        return self.data


def load_table_schema(path: Path | str | None = None) -> TableSchema:
    """The packaged schema, or the one at ``path``."""
    path = Path(path) if path else resource_path(SCHEMA_FILE)
    return TableSchema.from_dict(srsly.read_json(path), str(path))
