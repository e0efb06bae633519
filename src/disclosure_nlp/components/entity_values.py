"""``disclosure_entity_values``: values and attributes for entities that have none.

The rule components (``disclosure_quantities``, ``disclosure_names``) give
every entity they find its value (ANNOTATION.md section 1) and attributes; a
statistical ``ner`` only finds spans. This component reads the value of every
entity in ``doc.ents`` whose ``span._.attrs`` is still None, with the same
rules (the packaged ``quantities.json`` and ``names.json``) and the package's
normalizers:

1. the rule finders read a window of text around the entity; where they find
   the very same span with the same label, its value and attributes are taken
   (so a ner entity gets exactly what the rules would have given it);
2. otherwise the span is read on its own: ``parse_count``, ``parse_percent``,
   ``parse_money``, ``parse_date`` (with the report year of ``doc._.report``),
   ``normalize_phone``, ``parse_doc_number``; a CHANNEL's type comes from what
   the text shows (a URL, a known outlet, the media word that ends the name,
   one written right after or before it, a title's ending) and is ``other``
   where it shows none (GUIDELINE.md section 8, decision 10).

A value that cannot be read stays None (a wrong number is worse than none).
An entity whose value was set without attributes keeps its value and gets the
attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..doc_text import doc_text
from ..errors import DisclosureError, Errors
from ..evaluation.gold import CHANNEL_TYPES
from ..extensions import register_extensions
from ..normalize import (
    normalize_phone,
    parse_count,
    parse_date,
    parse_doc_number,
    parse_money,
    parse_number,
    parse_percent,
)
from ..normalize.script import simplified_copy
from ..resources import resource_path
from .entity_spans import FoundEntity
from .names import RULES_FILE as NAME_RULES_FILE
from .names import NameFinder, NameRules, load_name_rules
from .quantities import MAGNITUDES, QuantityFinder, counted_item
from .quantity_rules import QUANTITY_LABELS, QuantityRules, load_quantity_rules
from .quantity_rules import RULES_FILE as QUANTITY_RULES_FILE
from .rule_io import check_rule_keys

SETTINGS_FILE = "entity_values.json"
NAME_LABELS = ("CHANNEL", "POLICY", "DOC_NO")
_SPACES_RE = re.compile(r"\s+")
_LEADING_NUMBER_RE = re.compile(
    r"^[0-9０-９.．,零〇○一二两三四五六七八九十百千万亿]+(?:[余多])?(?:[万亿]+)?"
)
_YEAR_ONLY_RE = re.compile(r"^(?:19|20)[0-9]{2}$")


def _unspaced(text: str) -> str:
    return _SPACES_RE.sub("", text)


@dataclass(frozen=True)
class ValueSettings:
    """The settings of ``resources/entity_values.json``, validated."""

    context_chars: int
    fallback_channel_type: str
    policy_marks: tuple[str, ...]
    description: dict | str | None = None

    KEYS = ("description", "context_chars", "fallback_channel_type", "policy_marks")

    @classmethod
    def from_dict(cls, data: dict, path: str = "<dict>") -> ValueSettings:
        """Validate and build the settings; raises ValueError with a coded message."""
        check_rule_keys(data, cls.KEYS, path)
        window = data["context_chars"]
        if isinstance(window, bool) or not isinstance(window, int) or not 0 <= window <= 200:
            raise ValueError(Errors.E150.format(path=path, value=window))
        if data["fallback_channel_type"] not in CHANNEL_TYPES:
            raise ValueError(
                Errors.E151.format(
                    path=path, value=data["fallback_channel_type"], allowed=CHANNEL_TYPES
                )
            )
        marks = data["policy_marks"]
        if not all(isinstance(m, str) and len(m) == 2 for m in marks):
            raise ValueError(Errors.E152.format(path=path, value=marks))
        return cls(
            context_chars=window,
            fallback_channel_type=data["fallback_channel_type"],
            policy_marks=tuple(marks),
            description=data.get("description"),
        )

    def to_dict(self) -> dict:
        return {
            "description": self.description,
            "context_chars": self.context_chars,
            "fallback_channel_type": self.fallback_channel_type,
            "policy_marks": list(self.policy_marks),
        }


def load_value_settings(path: Path | None = None) -> ValueSettings:
    """Read and validate the settings: the packaged file unless a path is given."""
    path = Path(path) if path else resource_path(SETTINGS_FILE)
    return ValueSettings.from_dict(srsly.read_json(path), str(path))


class EntityValueReader:
    """Pure logic: the value and attributes of one entity of a text."""

    def __init__(
        self, settings: ValueSettings, quantity_rules: QuantityRules, name_rules: NameRules
    ) -> None:
        self.settings = settings
        self.quantity_rules = quantity_rules
        self.name_rules = name_rules
        self.quantities = QuantityFinder(quantity_rules)
        self.names = NameFinder(name_rules)
        self.media_types = {**self.names.quoted_media, **self.names.media}
        self.readers: dict[str, Callable[[str, int | None], tuple[object, dict]]] = {
            "COUNT": self._count,
            "PERCENT": self._percent,
            "MONEY": self._money,
            "DATE": self._date,
            "HOTLINE": self._hotline,
        }

    # the rules on a window of text --------------------------------------------------
    def from_rules(
        self, text: str, start: int, end: int, label: str, report_year: int | None = None
    ) -> FoundEntity | None:
        """What the rule finders give the very same span in its context, or None."""
        window = self.settings.context_chars
        head = max(0, start - window)
        piece = text[head : min(len(text), end + window)]
        if label in QUANTITY_LABELS:
            found = self.quantities.find(piece, report_year)
        elif label in NAME_LABELS:
            found = self.names.find(piece, report_year)
        else:
            return None
        for ent in found:
            if (ent.start + head, ent.end + head, ent.label) == (start, end, label):
                return FoundEntity(start, end, label, ent.value, dict(ent.attrs))
        return None

    # the span on its own ------------------------------------------------------------
    def _count(self, span: str, report_year: int | None) -> tuple[object, dict]:
        try:
            count = parse_count(span)
            return count.value, {"unit": count.unit, "approximate": count.approximate}
        except DisclosureError:
            pass
        core = _unspaced(span)
        if core in MAGNITUDES:  # 破亿, 破千万 (decision 6)
            number = parse_number(MAGNITUDES[core])
            return number.value if number else None, {"unit": None, "approximate": False}
        match = _LEADING_NUMBER_RE.match(core)  # 8大板块, 十二大项
        number = parse_number(match.group()) if match else None
        if number is None:
            return None, {}
        unit = core[match.end() :].lstrip("大") or None
        return number.value, {"unit": unit, "approximate": number.approximate}

    @staticmethod
    def _percent(span: str, report_year: int | None) -> tuple[object, dict]:
        try:
            number = parse_percent(span)
        except DisclosureError:
            return None, {}
        return number.value, {"approximate": number.approximate}

    @staticmethod
    def _money(span: str, report_year: int | None) -> tuple[object, dict]:
        try:
            money = parse_money(span)
        except DisclosureError:
            return None, {}
        return money.value, {"unit": money.unit, "approximate": money.approximate}

    @staticmethod
    def _date(span: str, report_year: int | None) -> tuple[object, dict]:
        core = span.strip()
        if _YEAR_ONLY_RE.match(core):  # a bare year: (2018), 2018政府信息公开…
            return parse_date(core + "年"), {}
        written = parse_date(core)
        if written is not None:
            return written, {}
        value = parse_date(core, report_year) if report_year is not None else None
        return value, ({"year_from": "report"} if value is not None else {})

    @staticmethod
    def _hotline(span: str, report_year: int | None) -> tuple[object, dict]:
        try:
            digits = normalize_phone(span)
        except DisclosureError:
            return None, {}
        return (digits or None), {}

    def marks_around(self, text: str, start: int, end: int) -> str | None:
        """The pair of marks right around a span (《…》, “…”), or None."""
        if start == 0 or end >= len(text):
            return None
        pair = text[start - 1] + text[end]
        return pair if pair in self.settings.policy_marks else None

    def _list_end(self, text: str, start: int, end: int, marks: str | None) -> int:
        """Where the list of quoted names or titles that holds a marked span ends."""
        if not marks:
            return end
        head = max(0, start - 1 - self.names.rules["max_title_chars"])
        piece = text[head : end + 1 + self.names.rules["max_title_chars"]]
        titles = self.names.titles(piece)
        for group in self.names.groups(piece, [*titles, *self.names.quotes(piece, titles)]):
            if any(item.start + head == start - 1 for item in group):
                return group[-1].end + head
        return end + 1

    def channel(self, text: str, start: int, end: int) -> tuple[str, dict]:
        """A CHANNEL's type, from what the text shows, and its attributes."""
        names = self.names
        name = _unspaced(text[start:end])
        marks = self.marks_around(text, start, end)
        attrs: dict = {"type": None, "name": name}
        if marks:
            attrs["marks"] = marks
        kind: str | None = None
        media: str | None = None
        if names.url_re.fullmatch(text[start:end].strip()):
            kind = "website"
        elif name in names.outlets:
            kind = names.outlets[name]
        if kind is None:  # a column or channel that ends the name: …网站政府信息公开专栏
            for word, sub_kind in sorted(names.sub_channels.items(), key=lambda p: -len(p[0])):
                before = name[: -len(word)]
                if name.endswith(word) and names.media_re.search(before):
                    kind, media = sub_kind, word
                    break
        if kind is None:  # the media word that ends the name: 县政府门户网站, 惠企专栏
            for match in names.media_re.finditer(name):
                if match.end() == len(name):
                    media = _unspaced(match.group())
                    kind = names.media[media]
            if kind is not None and media and len(name) > len(media):
                attrs["owner"] = name[: -len(media)]
        if kind is None:  # a title's ending: 《三明日报》, 《三门峡新闻联播》
            kind = names._title_cue_type(name)
        if kind is None:  # a media word right after: “三明民政”微信公众号, “A”“B”等栏目
            after = names._after_list(text, self._list_end(text, start, end, marks))
            following = names.quoted_media_re.match(text, after) or names.title_media_re.match(
                text, after
            )
            if following is not None:
                media = _unspaced(following.group())
                kind = self.media_types.get(media)
        if kind is None:  # a media word right before: 微信公众号(三门峡微扶贫), 微信号“三明民政”
            before = text[max(0, start - 8) : start - (1 if marks else 0)].rstrip(" :：(（")
            for word, word_kind in names.preceding_media.items():
                if before.endswith(word):
                    kind, media = word_kind, word
                    break
        if kind is None:  # a media word inside the name: 云南扶贫热线微信公众号平台 …
            inside = list(names.media_re.finditer(name))
            if inside:
                media = _unspaced(inside[-1].group())
                kind = names.media.get(media)
        if kind is None:
            kind = self.settings.fallback_channel_type
            attrs["type_from"] = "fallback"
        attrs["type"] = kind
        if media:
            attrs["media"] = media
        return kind, attrs

    def read(
        self, text: str, start: int, end: int, label: str, report_year: int | None = None
    ) -> tuple[object, dict]:
        """The value and attributes of the entity ``text[start:end]`` labelled ``label``."""
        text = simplified_copy(text)
        ruled = self.from_rules(text, start, end, label, report_year)
        if ruled is not None:
            return ruled.value, ruled.attrs
        span = text[start:end]
        if label in self.readers:
            value, attrs = self.readers[label](span, report_year)
            if label in ("COUNT", "PERCENT", "MONEY"):
                attrs["modifiers"] = self.quantities.modifiers_before(text, start)
            return value, attrs
        if label == "CHANNEL":
            return self.channel(text, start, end)
        if label == "DOC_NO":
            number = parse_doc_number(span)
            return None, dict(number) if number else {}
        if label == "POLICY":
            return None, {"marks": self.marks_around(text, start, end)}
        return None, {}


class EntityValueFiller:
    """spaCy component: ``span._.value`` and ``span._.attrs`` for entities that have none."""

    def __init__(
        self, nlp: Language, name: str = "disclosure_entity_values", overwrite: bool = False
    ) -> None:
        register_extensions()
        self.name = name
        self.overwrite = overwrite
        self.set_rules(load_value_settings(), load_quantity_rules(), load_name_rules())

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        settings_path: str | None = None,
    ) -> None:
        """Load the settings (the packaged file unless a path is given) and the rule files."""
        settings = load_value_settings(Path(settings_path) if settings_path else None)
        self.set_rules(settings, load_quantity_rules(), load_name_rules())

    def set_rules(
        self, settings: ValueSettings, quantity_rules: QuantityRules, name_rules: NameRules
    ) -> None:
        self.reader = EntityValueReader(settings, quantity_rules, name_rules)

    @property
    def settings(self) -> ValueSettings:
        return self.reader.settings

    def __call__(self, doc: Doc) -> Doc:
        report = doc._.report or {}
        year = report.get("year")
        filled = []
        for ent in doc.ents:
            if ent._.attrs is not None and not self.overwrite:
                continue
            value, attrs = self.reader.read(
                doc_text(doc), ent.start_char, ent.end_char, ent.label_, year
            )
            if ent.label_ == "COUNT" and attrs.get("item") is None:
                attrs["item"] = counted_item(
                    doc,
                    ent.start_char,
                    ent.end_char,
                    attrs.get("modifiers", []),
                    self.reader.quantity_rules.item_words,
                )
            if ent._.value is None or self.overwrite:
                ent._.value = value
            ent._.attrs = attrs
            filled.append(ent)
        self._channel_types_from_document(doc, filled)
        return doc

    @staticmethod
    def _channel_types_from_document(doc: Doc, filled: list) -> None:
        """A channel whose own mention shows no medium takes the type another mention of
        the same name shows (三门峡微扶贫, after 微信公众号(三门峡微扶贫) elsewhere)."""
        shown: dict[str, str] = {}
        for ent in doc.ents:
            attrs = ent._.attrs or {}
            if ent.label_ == "CHANNEL" and ent._.value and attrs.get("type_from") != "fallback":
                shown.setdefault(_unspaced(ent.text), ent._.value)
        for ent in filled:
            attrs = ent._.attrs
            if ent.label_ != "CHANNEL" or attrs.get("type_from") != "fallback":
                continue
            kind = shown.get(_unspaced(ent.text))
            if kind is not None:
                ent._.value = kind
                ent._.attrs = {**attrs, "type": kind, "type_from": "document"}

    # serialization: the settings and both rule files -------------------------------
    def _to_dict(self) -> dict:
        return {
            SETTINGS_FILE: self.reader.settings.to_dict(),
            QUANTITY_RULES_FILE: self.reader.quantity_rules.to_dict(),
            NAME_RULES_FILE: self.reader.name_rules.to_dict(),
        }

    def _from_dict(self, data: dict, where: str) -> None:
        self.set_rules(
            ValueSettings.from_dict(data[SETTINGS_FILE], f"{where}/{SETTINGS_FILE}"),
            QuantityRules.from_dict(data[QUANTITY_RULES_FILE], f"{where}/{QUANTITY_RULES_FILE}"),
            NameRules.from_dict(data[NAME_RULES_FILE], f"{where}/{NAME_RULES_FILE}"),
        )

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file_name, data in self._to_dict().items():
            srsly.write_json(path / file_name, data)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> EntityValueFiller:
        path = Path(path)
        files = (SETTINGS_FILE, QUANTITY_RULES_FILE, NAME_RULES_FILE)
        self._from_dict({f: srsly.read_json(path / f) for f in files}, str(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._to_dict())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityValueFiller:
        self._from_dict(srsly.msgpack_loads(data), "<bytes>")
        return self


@Language.factory(
    "disclosure_entity_values",
    assigns=["span._.value", "span._.attrs"],
    requires=["doc.ents", "doc._.report"],
    default_config={"overwrite": False},
)
def make_entity_value_filler(nlp: Language, name: str, overwrite: bool) -> EntityValueFiller:
    """Factory of :class:`EntityValueFiller` (settings arrive through ``initialize``).

    ``overwrite``: read the values of every entity again, also of those that have them.
    """
    return EntityValueFiller(nlp, name, overwrite=overwrite)
