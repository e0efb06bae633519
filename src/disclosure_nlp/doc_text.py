"""``doc_text``: a Doc's text, built once; the tokenizer hands it over.

spaCy builds ``doc.text`` anew from every token on each access (one Python
Token object a token). Each rule component reads the whole text, some of them
more than once, so reading it through ``doc_text`` saves a pass over the
tokens per access. The package's tokenizer already holds the text it
segmented and stores it with ``remember_text``, so not even the first access
rebuilds it. A Doc's text never changes (splitting or merging tokens keeps
it), so the cache needs no invalidation; it holds the Doc weakly.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, read from the cache after the first call for this Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = doc.text
        _TEXTS[doc] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Store ``text`` as ``doc``'s text, for a Doc made from exactly this text.

    The caller vouches that ``doc.text == text``: the tokenizer, whose words and
    spaces are aligned to the text (``tokenizer.words_and_spaces``).
    """
    _TEXTS[doc] = text
