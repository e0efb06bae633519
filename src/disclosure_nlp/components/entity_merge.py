"""Rules plus a statistical ner: ``disclosure_entity_hold`` and ``disclosure_entity_merge``.

A hybrid pipeline runs a statistical ``ner`` and the rule components
(``disclosure_quantities``, ``disclosure_names``) over the same text. The rule
components merge what they find with ``doc.ents`` longer-wins, which would let
a long, wrong ner span beat a rule entity; so the two sources are kept apart
and merged once, by a stated policy:

- ``disclosure_entity_hold`` (right after ``ner``) moves the entities in
  ``doc.ents`` to the span group ``doc.spans[spans_key]`` and empties
  ``doc.ents``, so the rule components write theirs undisturbed;
- ``disclosure_entity_merge`` (after the rule components) adds the held
  entities to ``doc.ents`` by the policy:

  1. the rules win: a held entity that overlaps a rule entity is dropped;
  2. a held entity is added only if its label is one of ``add_labels`` (the
     labels where the statistical model adds more right entities than wrong
     ones to what the rules found: chosen on dev, see configs/README.md);
  3. held entities that start inside a statutory table block or a web
     furniture line (``doc.spans["tables"]``, ``["furniture"]``) are dropped,
     like rule entities;
  4. held entities that overlap each other: the longer wins (they never do
     when they come from one ``ner``).

The added entities get no value here: ``disclosure_entity_values`` after the
merge gives them values and attributes. The held group stays in ``doc.spans``
(for inspection) unless ``keep_held`` is false.

This is one module for a pair of components that only work together (as
spaCy's ``pipeline/functions.py`` holds several small ones).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from ..errors import Errors
from ..extensions import register_extensions
from .entity_spans import (
    ENTITY_LABELS,
    FoundEntity,
    RangeSet,
    existing_entities,
    resolve_overlaps,
    write_entities,
)

DEFAULT_SPANS_KEY = "ner"


def _check_spans_key(spans_key: str) -> str:
    if not isinstance(spans_key, str) or not spans_key.strip():
        raise ValueError(Errors.E153.format(value=spans_key))
    return spans_key


def merge_entities(
    rules: Iterable[FoundEntity], held: Iterable[FoundEntity], add_labels: Iterable[str]
) -> list[FoundEntity]:
    """The merge policy as data: the held entities to add to the rule entities.

    Rules win on overlap; only held entities of ``add_labels`` are added; held
    entities that overlap each other keep the longer one.
    """
    allowed = set(add_labels)
    taken = RangeSet((e.start, e.end) for e in rules)
    added = []
    for ent in resolve_overlaps(e for e in held if e.label in allowed):
        if taken.overlaps(ent.start, ent.end):
            continue
        added.append(ent)
    return added


class EntityHolder:
    """spaCy component: moves ``doc.ents`` into ``doc.spans[spans_key]`` and empties them."""

    def __init__(
        self, nlp: Language, name: str = "disclosure_entity_hold", spans_key: str = "ner"
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = _check_spans_key(spans_key)

    def initialize(self, get_examples: Callable | None = None, *, nlp=None) -> None:
        """Nothing to load: the component has no data."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = list(doc.ents)
        doc.ents = []
        return doc


class EntityMerger:
    """spaCy component: the held entities merged into ``doc.ents`` by the policy above."""

    def __init__(
        self,
        nlp: Language,
        name: str = "disclosure_entity_merge",
        spans_key: str = "ner",
        add_labels: Sequence[str] = (),
        keep_held: bool = True,
    ) -> None:
        register_extensions()
        unknown = [label for label in add_labels if label not in ENTITY_LABELS]
        if unknown:
            raise ValueError(Errors.E154.format(labels=unknown, allowed=ENTITY_LABELS))
        self.name = name
        self.spans_key = _check_spans_key(spans_key)
        self.add_labels = tuple(add_labels)
        self.keep_held = keep_held

    def initialize(self, get_examples: Callable | None = None, *, nlp=None) -> None:
        """Nothing to load: the policy is the component's config."""

    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(self.spans_key)
        if group is None:
            return doc
        held = [FoundEntity(s.start_char, s.end_char, s.label_) for s in group]
        added = merge_entities(existing_entities(doc), held, self.add_labels)
        if added:
            written = write_entities(doc, added)
            for span in written:  # no value yet: disclosure_entity_values reads it
                span._.value = None
                span._.attrs = None
        if not self.keep_held:
            del doc.spans[self.spans_key]
        return doc

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, object]:
        """Scores of the held (statistical) entities alone, against the gold ``doc.ents``.

        ``held_ents_f``, ``held_ents_p``, ``held_ents_r``, ``held_ents_per_type``: what
        the ner found before the merge, so training can pick the best ner checkpoint
        also where the merge adds none of its entities. Needs ``keep_held``.
        """
        key = self.spans_key

        def getter(doc: Doc, attr: str):
            return doc.spans.get(key, doc.ents)

        scores = Scorer.score_spans(examples, "ents", getter=getter, has_annotation=None)
        return {f"held_{name}": value for name, value in scores.items()}


@Language.factory(
    "disclosure_entity_hold",
    assigns=["doc.spans", "doc.ents"],
    requires=["doc.ents"],
    default_config={"spans_key": DEFAULT_SPANS_KEY},
)
def make_entity_holder(nlp: Language, name: str, spans_key: str) -> EntityHolder:
    """Factory of :class:`EntityHolder`: put it right after the statistical ``ner``."""
    return EntityHolder(nlp, name, spans_key=spans_key)


@Language.factory(
    "disclosure_entity_merge",
    assigns=["doc.ents"],
    requires=["doc.ents", "doc.spans"],
    default_config={"spans_key": DEFAULT_SPANS_KEY, "add_labels": [], "keep_held": True},
    default_score_weights={
        "held_ents_f": 0.0,
        "held_ents_p": 0.0,
        "held_ents_r": 0.0,
        "held_ents_per_type": None,
    },
)
def make_entity_merger(
    nlp: Language, name: str, spans_key: str, add_labels: list[str], keep_held: bool
) -> EntityMerger:
    """Factory of :class:`EntityMerger`: put it after the rule components.

    ``add_labels``: the labels whose held entities are added where they overlap no
    rule entity; ``keep_held``: leave the held group in ``doc.spans``.
    """
    return EntityMerger(nlp, name, spans_key=spans_key, add_labels=add_labels, keep_held=keep_held)
