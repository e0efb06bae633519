"""The spaCy component ``disclosure_names`` and its factory."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...doc_text import doc_text
from ...extensions import register_extensions
from ..entity_spans import FoundEntity, write_entities
from ..rule_io import RuleFileIO
from .finder import NameFinder
from .rules import RULES_FILE, NameRules, load_name_rules


class NameRecognizer(RuleFileIO):
    """spaCy component: CHANNEL, POLICY and DOC_NO entities in ``doc.ents``."""

    rules_file = RULES_FILE
    rules_class = NameRules

    def __init__(self, nlp: Language, name: str = "disclosure_names", overwrite: bool = False):
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.set_rules(load_name_rules())

    def set_rules(self, rules: NameRules) -> None:
        self.rules = rules
        self.finder = NameFinder(rules)

    def find(self, text: str) -> list[FoundEntity]:
        """The entities this component assigns, as data (no Doc needed)."""
        return self.finder.find(text)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            write_entities(doc, self.finder.find(doc_text(doc)), overwrite=self.overwrite)
        return doc


@Language.factory(
    "disclosure_names",
    assigns=["doc.ents", "span._.value", "span._.attrs"],
    requires=["doc.spans"],
    default_config={"overwrite": False},
)
def make_name_recognizer(nlp: Language, name: str, overwrite: bool) -> NameRecognizer:
    """Factory of :class:`NameRecognizer` (rules arrive through ``initialize``).

    ``overwrite``: drop the entities already in ``doc.ents`` instead of merging with them.
    """
    return NameRecognizer(nlp, name, overwrite=overwrite)
