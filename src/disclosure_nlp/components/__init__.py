"""Pipeline components, one module each; importing this registers their factories."""

from .names import NameRecognizer, make_name_recognizer
from .quantities import QuantityRecognizer, make_quantity_recognizer
from .report_meta import ReportMetaInferrer, make_report_meta
from .sections import SectionSegmenter, make_section_segmenter

__all__ = [
    "NameRecognizer",
    "QuantityRecognizer",
    "ReportMetaInferrer",
    "SectionSegmenter",
    "make_name_recognizer",
    "make_quantity_recognizer",
    "make_report_meta",
    "make_section_segmenter",
]
