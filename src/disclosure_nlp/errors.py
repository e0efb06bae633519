"""Coded error and warning messages.

Every message says what was given, what is allowed, and how to fix it. Codes
are stable: add new ones, never reuse a retired code.

Exception tree::

    DisclosureError (ValueError)
    ├── ReadError        a file could not be read or decoded
    └── GoldDataError    a gold record does not match the corpus or the guideline
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # reading input
    E001 = "File not found: {path}. Pass an existing .txt, .htm or .html file or a folder."
    E002 = "Empty file: {path} has no bytes. Nothing to extract."
    E003 = (
        "Binary file: {path} looks like binary data ({reason}), not a text or HTML report. "
        "Convert it to text first (for PDFs: pdftotext)."
    )
    E004 = (
        "Undecodable file: {path} is not valid UTF-8, UTF-16 or GB18030 text. "
        "Re-save it in one of these encodings."
    )
    E005 = (
        "File too large: {path} has {size} bytes, more than the limit of {limit}. "
        "Split it, or raise the limit if it really is one report (extract --max-bytes, "
        "max_bytes in Python)."
    )
    E006 = "Unsupported file type: {path}. Supported: {suffixes}."
    E007 = "No text: {path} decoded to {chars} characters of white space only."
    E008 = "Processing failed for {doc_id}: {error}"
    E009 = "Cannot read {path}: {reason}. Check that the file is readable by this user."
    # segmentation
    E010 = "Segmentation changed the text: gold {gold!r} vs predicted {pred!r}."
    E011 = (
        "Checksum mismatch for {path}: sha256 {got}, expected {want}. Download "
        "`pip download --no-deps --no-binary :all: pkuseg==0.0.25` again."
    )
    E012 = (
        "The packaged segmentation model is missing at {path}. Reinstall the package, or "
        "rebuild it with `disclosure-nlp build-segmenter`."
    )
    E013 = "Bad token-split rules in {path}: {problem}."
    # components and resources
    E020 = "Bad rule file {path}: {problem}."
    E021 = "Unknown section label {label!r} in {path}. Allowed: {allowed}."
    E022 = "Unknown key {key!r} in {what}. Allowed keys: {allowed}."
    # gold data and evaluation
    E030 = "Gold record {doc_id}: {problem}"
    E031 = "Gold file {path}, line {line}: {problem}"
    E032 = "No corpus text for gold record {doc_id} in {corpus}."
    E033 = "Cannot evaluate {path}: give a pipeline (a name or a directory) or a facts JSONL file."
    E034 = (
        "Cannot read the gold file {path}: {error}. Give a JSONL file of gold records "
        "(annotations/gold.jsonl) or a folder of them."
    )
    E035 = "Cannot read the split file {path}: {error}. Give annotations/splits.json (--splits)."
    E036 = "No split {split!r} in {path}: it has {names}, or use all (every gold record)."
    E037 = "Facts file not found: {path}. Give a JSONL file written by disclosure-nlp extract."
    # command line
    E040 = "No input files found under {paths} (looked for {suffixes})."
    E041 = "Cannot load the pipeline {name!r}: {error}"
    E042 = (
        "Cannot write to {path}: {problem}. Give a file name such as facts.jsonl in an "
        "existing folder, or - for stdout."
    )
    E043 = "Config file not found: {path}. Give a training config such as configs/ner.cfg."
    E044 = "Unknown kind of doc_id {kind!r}. Allowed: {allowed}."
    E045 = (
        "The output {path} is also an input file: extract would overwrite it. Give another "
        "output file (-o facts.jsonl)."
    )
    E046 = "Unknown record kind {kind!r}. Allowed: {allowed}."
    E047 = (
        "Not a shard: {text!r}. Give K/N with 1 <= K <= N, e.g. --shard 3/8 for the third "
        "of eight parts (one task of a job array each)."
    )
    # normalization
    E050 = (
        "Not a count: {text!r}. Expected a number with an optional measure word, e.g. "
        "2889条, 100余篇, 10万条次, 19.4万, 三个. If the measure word is missing from "
        "resources/units.json (count_units), add it there."
    )
    E051 = (
        "Not a count: {text!r} is a duration ({unit!r} is a time unit). Durations and time "
        "limits are no COUNT (ANNOTATION.md section 1); leave the span out."
    )
    E052 = "Not a percentage: {text!r}. Expected a number with % or ％, 百分之… or …成."
    E053 = (
        "Not an amount of money: {text!r}. Expected a number followed by one of {units}, "
        "e.g. 27.6万元, 0元."
    )
    E054 = (
        "Bad report year {year!r}: give a year between {low} and {high}, or None when the "
        "report's year is unknown."
    )
    E055 = "No digits in the phone number {text!r}. Pass the span of the number itself."
    # entity components
    E070 = "Bad rule file {path}: missing keys {keys}. Start from the packaged file and edit it."
    E071 = "Unknown entity label {label!r} in {path}. Allowed here: {allowed}."
    E072 = "Unknown pattern kind {kind!r} in {path}. Allowed: {allowed}."
    E073 = (
        'Unknown fragment {{{name}}} in a pattern of {path}. Define it under "fragments" (or '
        "use one built from the word lists: COUNT_UNITS, UNIT_FIRST, MONEY_UNITS, MONEY_BLOCK, "
        "YEAR_EDGE_BLOCK)."
    )
    E074 = (
        "Bad entry {entry!r} under {key} in {path}: give a word (or name) and a type, the type "
        "one of the channel types of ANNOTATION.md section 1 (wechat, weibo, newspaper, "
        "tv_radio, programme, column, website, platform, app, bulletin, other)."
    )
    # statements (problems and improvements)
    E090 = "Bad statement unit rules in {path}: {problem}. See resources/statement_units.json."
    E091 = "Bad statement cue rules in {path}: {problem}. See resources/statement_cues.json."
    E092 = (
        "{name} needs doc.spans['statement_units'], which is missing. Add "
        "disclosure_statement_units before it in the pipeline."
    )
    E093 = "Bad {what} {value!r}: give a number between 0 and 1."
    E094 = (
        "No statement units to train on: the {count} training documents gave no units. "
        "Pass gold records with their text (load_gold) and a non-empty split."
    )
    E095 = (
        "Cannot load the statement baseline from {path}: {problem}. Train it with "
        "StatementBaseline.fit and save it with save()."
    )
    # trained statement classifiers and baselines
    E130 = (
        "The suggester needs doc.spans[{key!r}], which is missing. Put "
        "disclosure_statement_units before the span categorizer in the pipeline (and, for "
        "training, in [training] annotating_components)."
    )
    E131 = "Bad {what} {value!r}: give a non-empty span group name, e.g. 'statements'."
    E132 = (
        "The span group {key!r} has {spans} spans but {scores} scores under "
        "attrs['scores']. Put disclosure_span_scores right after the component that writes "
        "the group (spancat)."
    )
    E133 = (
        "Cannot train from {path}: {problem}. A config has either an [nlp] section (a spaCy "
        "pipeline, trained by spacy train) or a [baseline] section (see "
        "configs/statements_sklearn.cfg)."
    )
    E134 = (
        "{name} has no fitted statement baseline. Train one with `disclosure-nlp train "
        "configs/statements_sklearn.cfg -o DIR` and load DIR/model-best."
    )
    E135 = "Bad baseline setting {name} = {value!r}: {allowed}."
    E136 = (
        "The [training] section of {path} lacks {keys}. A baseline config names the gold file, "
        "the corpus folder, the split file and the train and dev splits there."
    )
    E137 = (
        "Bad section_labels {value!r}: give a non-empty list of distinct section labels, e.g. "
        '["PREAMBLE", "OVERVIEW", "ACTIVE", "REQUESTS", "REVIEW", "PROBLEMS", "OTHER"].'
    )
    # statutory tables
    E110 = "Bad table schema {path}: {problem}. resources/table_schema.json is the reference."
    E111 = "Unknown key {key!r} in {what}. Allowed keys: {allowed}."
    E112 = "Table schema {path} has the tables {tables}; it must have exactly {allowed}."
    E113 = "Table gold file {path}: {problem}"
    E114 = (
        "No table gold files (<doc_id>.json) in {path}. Pass the folder of hand-verified "
        "tables, e.g. annotations/tables."
    )
    E115 = "No corpus text for the table gold of {doc_id} in {corpus}."
    E116 = "Unknown report format {fmt!r} for the statutory tables. Allowed: {allowed} or None."
    # entity values, hybrid entities
    E150 = (
        "Bad entity value settings {path}: context_chars is {value!r}; give an integer "
        "between 0 and 200 (characters read around an entity)."
    )
    E151 = (
        "Bad entity value settings {path}: fallback_channel_type is {value!r}; give one of "
        "{allowed} (GUIDELINE.md section 8, decision 10: other)."
    )
    E152 = (
        "Bad entity value settings {path}: policy_marks is {value!r}; give a list of pairs of "
        'marks, two characters each, e.g. "《》".'
    )
    E153 = (
        "Bad spans_key {value!r}: give the non-empty name of the span group that holds the "
        "statistical entities (the same in disclosure_entity_hold and disclosure_entity_merge)."
    )
    E154 = "Unknown entity labels {labels} in add_labels. Allowed: {allowed}."
    E155 = (
        "--additions needs a hybrid pipeline with {pipe}; {name!r} has none. Train one with "
        "configs/ner_hybrid.cfg."
    )

    # statement score calibration
    E170 = (
        "Bad statement score calibration {path}: {problem}. resources/statement_calibration.json "
        "is the reference (method platt, slope >= 0, intercept); rebuild it with "
        "python -m disclosure_nlp.training.calibrate_statements."
    )
    E171 = (
        "Cannot fit the statement score calibration: {problem}. Give as many raw scores as "
        "right/wrong flags, at least one of each list."
    )


class Warnings(metaclass=ErrorsWithCodes):
    W001 = "Decoded {path} as {encoding} with replacement characters at {count} places."
    W002 = "{count} gold spans of {doc_id} do not align with token boundaries."
    W003 = (
        "A worker process stopped (killed for memory?): the {n} files not yet done are "
        "done in this process, one by one."
    )


class DisclosureError(ValueError):
    """Base class of the package's own errors."""


class ReadError(DisclosureError):
    """A file could not be read, decoded or recognised as a report."""


class GoldDataError(DisclosureError):
    """A gold record does not match its corpus text or the guideline."""
