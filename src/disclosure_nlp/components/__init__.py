"""Pipeline components, one module each; importing this registers their factories."""

from .report_meta import ReportMetaInferrer, make_report_meta
from .sections import SectionSegmenter, make_section_segmenter
from .tables import TableParser, make_table_parser

__all__ = [
    "ReportMetaInferrer",
    "SectionSegmenter",
    "TableParser",
    "make_report_meta",
    "make_section_segmenter",
    "make_table_parser",
]
