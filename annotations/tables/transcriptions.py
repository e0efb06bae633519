"""Hand transcriptions of the statutory tables of ten train/dev reports.

Each table below was typed by reading the corpus text cell by cell (not from
the parser's output); `python annotations/tables/transcriptions.py` expands
them into the gold files ``annotations/tables/<doc_id>.json``. A raw "" is a
blank cell (value null). ``ambiguous`` lists cells whose column (or row) cannot
be told from the text with certainty; ``checks`` holds the expected status of
every consistency check, computed by hand (see README.md in this folder).

Test documents are not transcribed (the project's rule: their texts are
never read during development).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / "corpus"

APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_institution",
    "other_organization",
    "total",
)
REVIEW_COLUMNS = ("upheld", "corrected", "other_result", "pending", "total")
REVIEW_ROWS = ("administrative_review", "litigation_direct", "litigation_after_review")
ACTIVE_2019 = {
    "regulations": ("made", "published", "total_published"),
    "normative_documents": ("made", "published", "total_published"),
    "administrative_licensing": ("items_last_year", "items_change", "decisions"),
    "other_external_services": ("items_last_year", "items_change", "decisions"),
    "administrative_penalty": ("items_last_year", "items_change", "decisions"),
    "administrative_coercion": ("items_last_year", "items_change", "decisions"),
    "administrative_fees": ("items_last_year", "items_change"),
    "centralized_procurement": ("procurement_items", "procurement_amount"),
}
ACTIVE_2021 = {
    "regulations": ("issued", "repealed", "in_force"),
    "normative_documents": ("issued", "repealed", "in_force"),
    "administrative_licensing": ("decisions",),
    "administrative_penalty": ("decisions",),
    "administrative_coercion": ("decisions",),
    "administrative_fees": ("fee_amount",),
}
WITHHELD = (
    "withheld_state_secret",
    "withheld_prohibited_by_law",
    "withheld_three_safeties",
    "withheld_third_party_rights",
    "withheld_internal_affairs",
    "withheld_process_information",
    "withheld_enforcement_files",
    "withheld_inquiry_matters",
)
UNAVAILABLE = ("unavailable_not_held", "unavailable_needs_creation", "unavailable_still_unclear")
NOT_PROCESSED = (
    "not_processed_petition",
    "not_processed_repeated",
    "not_processed_publications",
    "not_processed_excessive",
    "not_processed_confirmation",
)
OTHER_SUB = ("other_no_correction", "other_unpaid_fees", "other_other")
ROWS_2019 = (
    "new_received", "carried_over", "disclosed", "partially_disclosed", *WITHHELD,
    *UNAVAILABLE, *NOT_PROCESSED, "other_handling", "results_total", "carried_forward",
)  # fmt: skip
ROWS_2021_SPLIT = (
    "new_received", "carried_over", "disclosed", "partially_disclosed", *WITHHELD,
    *UNAVAILABLE, *NOT_PROCESSED, *OTHER_SUB, "results_total", "carried_forward",
)  # fmt: skip
Z7 = ["0"] * 7
B7 = [""] * 7
Z5 = ["0"] * 5


def zeros_pass(rows, review=True):
    """Checks of a table whose cells are all 0 or blank: every sum is 0 = 0."""
    out = [(f"requests.balance.{c}", "PASS", 0, 0) for c in APPLICANTS]
    out += [(f"requests.results_sum.{c}", "PASS", 0, 0) for c in APPLICANTS]
    out += [(f"requests.total_column.{r}", "PASS", 0, 0) for r in rows]
    if review:
        out += [(f"review.total.{r}", "PASS", 0, 0) for r in REVIEW_ROWS]
    return out


DOCS: dict[str, dict] = {}

# ---------------------------------------------------------------- seed-000
# 2019 format, one table row a line with | (colspan padding as trailing empties)
DOCS["seed-000"] = {
    "format": "2019-statutory",
    "layout": "one row a line, cells separated by |",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["5", "5", "5"],
        "administrative_licensing": ["0", "0", "0"],
        "other_external_services": ["0", "0", "0"],
        "administrative_penalty": ["0", "0", "0"],
        "administrative_coercion": ["0", "0", "0"],
        "administrative_fees": ["0", "0"],
        "centralized_procurement": ["0", "0"],
    },
    "requests": {row: Z7 for row in ROWS_2019},
    "review": {row: Z5 for row in REVIEW_ROWS},
    "ambiguous": [],
    # 未收到依申请公开信息申请报告 -> 0 requests received; table: 0
    "checks": [*zeros_pass(ROWS_2019), ("prose.requests_received", "PASS", 0, 0)],
}

# ---------------------------------------------------------------- seed-001
# 2021 format, one cell a line ending in |; the blank cells of a row collapse
# into one run of | after the values, so rows with some values are ambiguous
_s001_requests = {row: B7 for row in ROWS_2021_SPLIT}
for _row in ("new_received", "disclosed", "results_total"):
    del _s001_requests[_row]
DOCS["seed-001"] = {
    "format": "2021-statutory",
    "layout": "one cell a line ending in |, blank cells collapsed to a run of |",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["49", "0", "49"],
        "administrative_licensing": ["0"],
        "administrative_penalty": ["0"],
        "administrative_coercion": ["0"],
        "administrative_fees": ["0"],
    },
    "requests": _s001_requests,
    "review": {},
    "ambiguous": [
        {"table": "requests", "row": "new_received", "raw": ["13", "13"]},
        {"table": "requests", "row": "disclosed", "raw": ["13", "13"]},
        {"table": "requests", "row": "results_total", "raw": ["13", "13"]},
        # four values under fifteen columns: neither row nor column is certain
        {"table": "review", "row": None, "raw": ["1", "1", "2", "2"]},
    ],
    "checks": [
        *[(f"requests.balance.{c}", "UNCERTAIN", None, None) for c in APPLICANTS],
        *[(f"requests.results_sum.{c}", "UNCERTAIN", None, None) for c in APPLICANTS],
        *[
            (f"requests.total_column.{r}", "UNCERTAIN", None, None)
            if r in ("new_received", "disclosed", "results_total")
            else (f"requests.total_column.{r}", "PASS", 0, 0)
            for r in ROWS_2021_SPLIT
        ],
        *[(f"review.total.{r}", "UNCERTAIN", None, None) for r in REVIEW_ROWS],
    ],
}

# ---------------------------------------------------------------- seed-003
# 2019 format, one cell a line between "  " lines; a blank cell is a no-break
# space (several blanks: no-break spaces joined by spaces)
_s003_requests = {row: B7 for row in ROWS_2019}
_s003_requests.update(
    {
        "new_received": ["3", "1", "", "", "", "", "4"],
        "partially_disclosed": ["2", "1", "", "", "", "", "3"],
        "unavailable_not_held": ["1", "", "", "", "", "", "1"],
        "results_total": ["3", "1", "", "", "", "", "4"],
    }
)
_s003_totals = {"new_received": 4, "partially_disclosed": 3, "unavailable_not_held": 1,
                "results_total": 4}  # fmt: skip
DOCS["seed-003"] = {
    "format": "2019-statutory",
    "layout": "one cell a line, blank cells as no-break spaces",
    "active": {
        "regulations": ["", "", ""],
        "normative_documents": ["7", "7", "45"],
        "administrative_licensing": ["201", "", "31981"],
        "other_external_services": ["740", "-43", "335840"],
        "administrative_penalty": ["3181", "", "293"],
        "administrative_coercion": ["161", "", "41"],
        "administrative_fees": ["40", ""],
        "centralized_procurement": ["23", "1316.84万元"],
    },
    "requests": _s003_requests,
    "review": {
        "administrative_review": ["1", "0", "2", "1", "4"],
        "litigation_direct": ["1", "1", "3", "0", "5"],
        "litigation_after_review": Z5,
    },
    "ambiguous": [],
    "checks": [
        # new + carried = results total + carried forward (blank counts as 0)
        ("requests.balance.natural_person", "PASS", 3, 3),
        ("requests.balance.commercial_enterprise", "PASS", 1, 1),
        ("requests.balance.research_institution", "PASS", 0, 0),
        ("requests.balance.social_welfare_organization", "PASS", 0, 0),
        ("requests.balance.legal_service_institution", "PASS", 0, 0),
        ("requests.balance.other_organization", "PASS", 0, 0),
        ("requests.balance.total", "PASS", 4, 4),
        # (二) 2 + (四)1 1 = 3; (二) 1 = 1; total 3 + 1 = 4
        ("requests.results_sum.natural_person", "PASS", 3, 3),
        ("requests.results_sum.commercial_enterprise", "PASS", 1, 1),
        ("requests.results_sum.research_institution", "PASS", 0, 0),
        ("requests.results_sum.social_welfare_organization", "PASS", 0, 0),
        ("requests.results_sum.legal_service_institution", "PASS", 0, 0),
        ("requests.results_sum.other_organization", "PASS", 0, 0),
        ("requests.results_sum.total", "PASS", 4, 4),
        *[
            (f"requests.total_column.{r}", "PASS", _s003_totals.get(r, 0), _s003_totals.get(r, 0))
            for r in ROWS_2019
        ],
        ("review.total.administrative_review", "PASS", 4, 4),
        ("review.total.litigation_direct", "PASS", 5, 5),
        ("review.total.litigation_after_review", "PASS", 0, 0),
    ],
}

# ---------------------------------------------------------------- gidar-012
# 2021 format, Markdown tables with made-up headers (数据1 …), one table per group
_g012_requests = {
    "new_received": ["705", "3", "0", "0", "5", "0", "713"],
    "carried_over": ["36", "0", "0", "0", "0", "0", "36"],
    "disclosed": ["290", "1", "0", "0", "3", "0", "294"],
    "partially_disclosed": ["99", "0", "0", "0", "2", "0", "101"],
    "withheld_state_secret": Z7,
    "withheld_prohibited_by_law": Z7,
    "withheld_three_safeties": ["2", "0", "0", "0", "0", "0", "2"],
    "withheld_third_party_rights": ["2", "0", "0", "0", "0", "0", "2"],
    "withheld_internal_affairs": ["13", "0", "0", "0", "0", "0", "13"],
    "withheld_process_information": ["2", "0", "0", "0", "0", "0", "2"],
    "withheld_enforcement_files": ["4", "0", "0", "0", "0", "0", "4"],
    "withheld_inquiry_matters": ["9", "0", "0", "0", "0", "0", "9"],
    "unavailable_not_held": ["111", "0", "0", "0", "0", "0", "111"],
    "unavailable_needs_creation": ["2", "0", "0", "0", "0", "0", "2"],
    "unavailable_still_unclear": Z7,
    "not_processed_petition": ["12", "0", "0", "0", "0", "0", "12"],
    "not_processed_repeated": ["6", "1", "0", "0", "0", "0", "7"],
    "not_processed_publications": Z7,
    "not_processed_excessive": Z7,
    "not_processed_confirmation": Z7,
    "other_no_correction": ["9", "0", "0", "0", "0", "0", "9"],
    "other_unpaid_fees": ["7", "0", "0", "0", "0", "0", "7"],
    "other_other": ["142", "1", "0", "0", "0", "0", "143"],
    "results_total": ["710", "3", "0", "0", "5", "0", "718"],
    "carried_forward": ["31", "0", "0", "0", "0", "0", "31"],
}
DOCS["gidar-012"] = {
    "format": "2021-statutory",
    "layout": "Markdown tables",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["6", "1", "32"],
        "administrative_licensing": ["517645"],
        "administrative_penalty": ["693957"],
        "administrative_coercion": ["2154"],
        "administrative_fees": ["4068.208"],
    },
    "requests": _g012_requests,
    "review": {
        "administrative_review": ["27", "10", "9", "15", "61"],
        "litigation_direct": ["3", "0", "0", "0", "3"],
        "litigation_after_review": ["8", "0", "1", "1", "10"],
    },
    "ambiguous": [],
    "checks": [
        # 705+36 = 741 = 710+31; 3+0 = 3+0; 5+0 = 5+0; 713+36 = 749 = 718+31
        ("requests.balance.natural_person", "PASS", 741, 741),
        ("requests.balance.commercial_enterprise", "PASS", 3, 3),
        ("requests.balance.research_institution", "PASS", 0, 0),
        ("requests.balance.social_welfare_organization", "PASS", 0, 0),
        ("requests.balance.legal_service_institution", "PASS", 5, 5),
        ("requests.balance.other_organization", "PASS", 0, 0),
        ("requests.balance.total", "PASS", 749, 749),
        # natural: 290+99+32+113+18+158 = 710; commercial: 1+1+1 = 3; legal: 3+2 = 5;
        # total: 294+101+32+113+19+159 = 718
        ("requests.results_sum.natural_person", "PASS", 710, 710),
        ("requests.results_sum.commercial_enterprise", "PASS", 3, 3),
        ("requests.results_sum.research_institution", "PASS", 0, 0),
        ("requests.results_sum.social_welfare_organization", "PASS", 0, 0),
        ("requests.results_sum.legal_service_institution", "PASS", 5, 5),
        ("requests.results_sum.other_organization", "PASS", 0, 0),
        ("requests.results_sum.total", "PASS", 718, 718),
        *[
            (f"requests.total_column.{r}", "PASS", int(v[-1]), int(v[-1]))
            for r, v in _g012_requests.items()
        ],
        ("review.total.administrative_review", "PASS", 61, 61),
        ("review.total.litigation_direct", "PASS", 3, 3),
        ("review.total.litigation_after_review", "PASS", 10, 10),
        # 结转下一年 31 件 against 四、结转下年度继续办理 总计 31
        ("prose.carried_forward", "PASS", 31, 31),
    ],
}

# ---------------------------------------------------------------- gidar-105
# 2021 format, PDF text: one cell a line, labels out of place, nine and five
# rows of the requests table written column by column; (六) has no sub-rows
_g105_requests = {
    "new_received": ["95", "0", "0", "0", "0", "0", "95"],
    "carried_over": Z7,
    "disclosed": ["50", "0", "0", "0", "0", "0", "50"],
    "partially_disclosed": ["9", "0", "0", "0", "0", "0", "9"],
    "withheld_state_secret": Z7,
    "withheld_prohibited_by_law": Z7,
    "withheld_three_safeties": ["1", "0", "0", "0", "0", "0", "1"],
    "withheld_third_party_rights": Z7,
    "withheld_internal_affairs": Z7,
    "withheld_process_information": ["1", "0", "0", "0", "0", "0", "1"],
    "withheld_enforcement_files": ["1", "0", "0", "0", "0", "0", "1"],
    "withheld_inquiry_matters": Z7,
    "unavailable_not_held": ["31", "0", "0", "0", "0", "0", "31"],
    "unavailable_needs_creation": ["1", "0", "0", "0", "0", "0", "1"],
    "unavailable_still_unclear": Z7,
    "not_processed_petition": ["1", "0", "0", "0", "0", "0", "1"],
    "not_processed_repeated": Z7,
    "not_processed_publications": Z7,
    "not_processed_excessive": Z7,
    "not_processed_confirmation": Z7,
    "other_handling": Z7,
    "results_total": ["95", "0", "0", "0", "0", "0", "95"],
    "carried_forward": Z7,
}
_g105_rows = tuple(_g105_requests)
DOCS["gidar-105"] = {
    "format": "2021-statutory",
    "layout": "PDF text, one cell a line, page numbers, scrambled labels",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["3", "0", "8"],
        "administrative_licensing": ["9487"],
        "administrative_penalty": ["2776"],
        "administrative_coercion": ["84"],
        "administrative_fees": ["7545"],
    },
    "requests": _g105_requests,
    "review": {
        "administrative_review": ["1", "1", "0", "0", "2"],
        "litigation_direct": ["1", "0", "0", "0", "1"],
        "litigation_after_review": ["2", "0", "1", "0", "3"],
    },
    "ambiguous": [],
    "checks": [
        ("requests.balance.natural_person", "PASS", 95, 95),
        *[(f"requests.balance.{c}", "PASS", 0, 0) for c in APPLICANTS[1:-1]],
        ("requests.balance.total", "PASS", 95, 95),
        # 50 + 9 + (1+1+1) + (31+1) + 1 + 0 = 95
        ("requests.results_sum.natural_person", "PASS", 95, 95),
        *[(f"requests.results_sum.{c}", "PASS", 0, 0) for c in APPLICANTS[1:-1]],
        ("requests.results_sum.total", "PASS", 95, 95),
        *[
            (f"requests.total_column.{r}", "PASS", int(v[-1]), int(v[-1]))
            for r, v in _g105_requests.items()
        ],
        ("review.total.administrative_review", "PASS", 2, 2),
        ("review.total.litigation_direct", "PASS", 1, 1),
        ("review.total.litigation_after_review", "PASS", 3, 3),
    ],
}

# ---------------------------------------------------------------- fragments
# the text stops inside the ACTIVE table: no requests or review table
DOCS["gidar-019"] = {
    "format": "2019-statutory",
    "layout": "tab-separated cells",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["5", "5", "5"],
        "administrative_licensing": ["0", "0", "0"],
        "other_external_services": ["0", "0", "0"],
        "administrative_penalty": ["0", "0", "0"],
        "administrative_coercion": ["0", "0", "0"],
        "administrative_fees": ["0", "0"],
        "centralized_procurement": ["1", "8040"],
    },
    "requests": {},
    "review": {},
    "ambiguous": [],
    "checks": [],
}
DOCS["gidar-022"] = {
    "format": "2021-statutory",
    "layout": "one row a line with | (fragment)",
    "active": {"regulations": ["0", "0", "0"], "normative_documents": ["0", "0", "0"]},
    "requests": {},
    "review": {},
    "ambiguous": [],
    "checks": [],
}
DOCS["gidar-023"] = {
    "format": "2021-statutory",
    "layout": "one cell a line (fragment cut after the first value)",
    "active": {},
    "requests": {},
    "review": {},
    # 规章 then a single 0 and the end of the text: the row is cut, and in this
    # layout a blank cell leaves no trace, so the 0 has no certain column
    "ambiguous": [{"table": "active", "row": "regulations", "raw": ["0"]}],
    "checks": [],
}
DOCS["gidar-032"] = {
    "format": "2019-statutory",
    "layout": "one cell a line ending in | (fragment)",
    "active": {"regulations": ["0", "0", "0"], "normative_documents": ["2", "2", "9"]},
    "requests": {},
    "review": {},
    "ambiguous": [],
    "checks": [],
}
DOCS["gidar-039"] = {
    "format": "2019-statutory",
    "layout": "one row a line with | (fragment; 其他对 cut)",
    "active": {
        "regulations": ["0", "0", "0"],
        "normative_documents": ["0", "0", "0"],
        "administrative_licensing": ["0", "0", "0"],
    },
    "requests": {},
    "review": {},
    "ambiguous": [],
    "checks": [],
}


def _value(raw: str) -> int | float | None:
    text = raw.removesuffix("万元")
    if not text:
        return None
    number = float(text)
    return int(number) if number.is_integer() else number


def expand(doc_id: str, spec: dict) -> dict:
    """The gold file of one document: one cell per (table, row, column)."""
    active_columns = ACTIVE_2019 if spec["format"] == "2019-statutory" else ACTIVE_2021
    cells = []
    for table in ("active", "requests", "review"):
        for row, raws in spec[table].items():
            if table == "active":
                columns = active_columns[row]
            elif table == "requests":
                columns = APPLICANTS
            else:
                columns = REVIEW_COLUMNS
            assert len(raws) == len(columns), (doc_id, table, row)
            for column, raw in zip(columns, raws, strict=True):
                cells.append(
                    {"table": table, "row": row, "column": column, "value": _value(raw),
                     "raw": raw, "ambiguous": False}
                )  # fmt: skip
    for amb in spec["ambiguous"]:
        for raw in amb["raw"]:
            cells.append(
                {"table": amb["table"], "row": amb["row"], "column": None, "value": _value(raw),
                 "raw": raw, "ambiguous": True}
            )  # fmt: skip
    checks = [
        {"name": name, "status": status, "left": left, "right": right}
        for name, status, left, right in spec["checks"]
    ]
    text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return {
        "doc_id": doc_id,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "format": spec["format"],
        "layout": spec["layout"],
        "verified": "by hand, cell by cell against the corpus text",
        "cells": cells,
        "checks": checks,
    }


def dumps(gold: dict) -> str:
    """JSON with one cell or check a line."""
    lines = ["{"]
    for key, value in gold.items():
        if isinstance(value, list):
            items = [json.dumps(v, ensure_ascii=False) for v in value]
            body = ",\n".join(f"  {item}" for item in items)
            lines.append(f'"{key}": [\n{body}\n ],' if items else f'"{key}": [],')
        else:
            lines.append(f'"{key}": {json.dumps(value, ensure_ascii=False)},')
    lines[-1] = lines[-1].rstrip(",")
    return "\n ".join(lines[:-1]) + "\n " + lines[-1] + "\n}\n"


def main() -> None:
    for doc_id, spec in DOCS.items():
        path = HERE / f"{doc_id}.json"
        path.write_text(dumps(expand(doc_id, spec)), encoding="utf-8")
        print(path.name, len(spec["checks"]), "checks")


if __name__ == "__main__":
    main()
