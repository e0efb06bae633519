"""Pipeline components, one module each; importing this registers their factories."""

from .entity_merge import EntityHolder, EntityMerger, make_entity_holder, make_entity_merger
from .entity_values import EntityValueFiller, make_entity_value_filler
from .names import NameRecognizer, make_name_recognizer
from .quantities import QuantityRecognizer, make_quantity_recognizer
from .report_meta import ReportMetaInferrer, make_report_meta
from .sections import SectionSegmenter, make_section_segmenter
from .span_scores import SpanScoreWriter, make_span_score_writer
from .statement_baseline import (
    StatementBaselineClassifier,
    make_statement_baseline_classifier,
)
from .statement_units import StatementUnitSplitter, make_statement_unit_splitter
from .statements import StatementClassifier, make_statement_classifier
from .tables import TableParser, make_table_parser

__all__ = [
    "EntityHolder",
    "EntityMerger",
    "EntityValueFiller",
    "NameRecognizer",
    "QuantityRecognizer",
    "ReportMetaInferrer",
    "SectionSegmenter",
    "SpanScoreWriter",
    "StatementBaselineClassifier",
    "StatementClassifier",
    "StatementUnitSplitter",
    "TableParser",
    "make_entity_holder",
    "make_entity_merger",
    "make_entity_value_filler",
    "make_name_recognizer",
    "make_quantity_recognizer",
    "make_report_meta",
    "make_section_segmenter",
    "make_span_score_writer",
    "make_statement_baseline_classifier",
    "make_statement_classifier",
    "make_statement_unit_splitter",
    "make_table_parser",
]
