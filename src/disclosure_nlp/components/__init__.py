"""Pipeline components, one module each; importing this registers their factories."""

from .report_meta import ReportMetaInferrer, make_report_meta
from .sections import SectionSegmenter, make_section_segmenter

__all__ = ["ReportMetaInferrer", "SectionSegmenter", "make_report_meta", "make_section_segmenter"]
