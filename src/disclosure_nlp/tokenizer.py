"""spaCy's Chinese tokenizer with pkuseg, the packaged model and a split step.

pkuseg glues numbers to neighbouring characters (信息2889条) and quotes to
names, so entity boundaries would fall inside tokens. After segmentation each
word is cut wherever the character class changes (digits, Latin letters,
other characters) and punctuation becomes a token of its own; the rules live in
``resources/token_split.json``. The segmentation model and the domain user
dictionary ship inside the package, so the tokenizer works offline right
after ``pip install``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry

from .doc_text import remember_text
from .errors import Errors

RESOURCES = Path(__file__).parent / "resources"
PKUSEG_MODEL_DIR = RESOURCES / "pkuseg_model"
USER_DICT_PATH = RESOURCES / "user_dict.txt"
SPLIT_RULES_PATH = RESOURCES / "token_split.json"

_DIGIT, _LATIN, _OTHER, _ALONE = 0, 1, 2, 3


@dataclass(frozen=True)
class SplitRules:
    """Character classes that decide where a segmented word is cut."""

    digits: frozenset[str]
    latin: frozenset[str]
    digit_joiners: frozenset[str]
    alone: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict, path: Path | str = "<dict>") -> SplitRules:
        allowed = {"description", "classes", "digit_joiners", "always_alone"}
        unknown = set(data) - allowed
        if unknown:
            raise ValueError(
                Errors.E013.format(path=path, problem=f"unknown keys {sorted(unknown)}")
            )
        classes = data.get("classes", {})
        if set(classes) != {"digit", "latin"}:
            raise ValueError(
                Errors.E013.format(path=path, problem="classes must be exactly digit and latin")
            )
        return cls(
            digits=frozenset(classes["digit"]),
            latin=frozenset(classes["latin"]),
            digit_joiners=frozenset(data.get("digit_joiners", "")),
            alone=frozenset(data.get("always_alone", "")),
        )

    def char_class(self, char: str) -> int:
        if char in self.digits:
            return _DIGIT
        if char in self.latin:
            return _LATIN
        if char in self.alone:
            return _ALONE
        return _OTHER


@lru_cache(maxsize=4)
def load_split_rules(path: Path = SPLIT_RULES_PATH) -> SplitRules:
    """Read and validate the token-split rules (cached: built once)."""
    return SplitRules.from_dict(srsly.read_json(path), path)


def split_word(word: str, rules: SplitRules) -> list[str]:
    """Cut one segmented word at character-class changes.

    >>> split_word("信息2889条", load_split_rules())
    ['信息', '2889', '条']
    """
    if len(word) == 1:
        return [word]
    classes = [rules.char_class(c) for c in word]
    # a decimal point or thousands separator between two digits stays in the number
    for i in range(1, len(word) - 1):
        if word[i] in rules.digit_joiners and classes[i - 1] == classes[i + 1] == _DIGIT:
            classes[i] = _DIGIT
    pieces: list[str] = []
    start = 0
    for i in range(1, len(word)):
        if classes[i] != classes[i - 1] or classes[i] == _ALONE:
            pieces.append(word[start:i])
            start = i
    pieces.append(word[start:])
    return pieces


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces of a Doc of ``text`` from its segmented ``words``: spaCy's
    ``get_words_and_spaces``, with the same result, in linear time.

    spaCy's copies the rest of the text for every word it aligns (``text[pos:].index``),
    so its time grows with the square of the text's length (27 s for 774,200 characters,
    as long as segmenting them). Here each word is looked up from where the last one
    ended; whitespace between words becomes a token, a single space after a word its
    ``space``.
    """
    if "".join("".join(words).split()) != "".join(text.split()):
        return get_words_and_spaces(words, text)  # raises spaCy's E194, naming both
    out_words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.find(word, pos)
        if start < 0:  # a word with spaces of its own that the text writes otherwise
            return get_words_and_spaces(words, text)  # raises spaCy's E194
        if start > pos:
            out_words.append(text[pos:start])
            spaces.append(False)
        out_words.append(word)
        spaces.append(False)
        pos = start + len(word)
        if pos < len(text) and text[pos] == " ":
            spaces[-1] = True
            pos += 1
    if pos < len(text):
        out_words.append(text[pos:])
        spaces.append(False)
    return out_words, spaces


def split_words(words: list[str], rules: SplitRules) -> list[str]:
    """Apply :func:`split_word` to every word of a segmentation."""
    out: list[str] = []
    for word in words:
        out.extend(split_word(word, rules))
    return out


class DisclosureTokenizer(ChineseTokenizer):
    """pkuseg segmentation with the packaged model, followed by the split step."""

    def __init__(self, vocab, segmenter: str = "pkuseg") -> None:
        super().__init__(vocab, segmenter=segmenter)
        self.split_rules = load_split_rules()

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        pkuseg_model: str | None = None,
        pkuseg_user_dict: str | None = None,
    ) -> None:
        """Load the segmentation model: the packaged one unless a path is given."""
        model = Path(pkuseg_model) if pkuseg_model else PKUSEG_MODEL_DIR
        if not (model / "weights.npz").exists():
            raise FileNotFoundError(Errors.E012.format(path=model))
        # spaCy's zh defaults pass "default" (pkuseg's own dictionary): use the domain one
        if pkuseg_user_dict in (None, "default"):
            pkuseg_user_dict = str(USER_DICT_PATH)
        user_dict = pkuseg_user_dict
        super().initialize(
            get_examples, nlp=nlp, pkuseg_model=str(model), pkuseg_user_dict=user_dict
        )
        if self.pkuseg_seg is not None:
            # pkuseg's dictionary merge step follows another word standard
            self.pkuseg_seg.postprocesser.do_process = False

    def __call__(self, text: str) -> Doc:
        if self.segmenter != "pkuseg":
            return super().__call__(text)
        if self.pkuseg_seg is None:
            self.initialize()
        words = split_words(self.pkuseg_seg.cut(text), self.split_rules)
        words, spaces = words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        remember_text(doc, text)  # the words and spaces spell exactly this text
        return doc


@registry.tokenizers("disclosure_nlp.ChineseTokenizer.v1")
def create_chinese_tokenizer(
    segmenter: str = "pkuseg",
) -> Callable[[Language], DisclosureTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "disclosure_nlp.ChineseTokenizer.v1"``."""

    def make(nlp: Language) -> DisclosureTokenizer:
        return DisclosureTokenizer(nlp.vocab, segmenter=segmenter)

    return make
