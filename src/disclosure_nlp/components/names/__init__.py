"""``disclosure_names``: CHANNEL, POLICY and DOC_NO entities.

Names come in three shapes, and the finder reads each (rules:
``resources/names.json``):

- **Titles** in 《》 (nested marks and PDF line breaks allowed) are POLICY when
  they end with a policy cue (条例, 办法, 通知, 要点 …) and are no budget or
  report (GUIDELINE.md §8.11, §8.15); CHANNEL when they name an outlet
  (《三明日报》) or a media word follows them or the list they stand in
  (《项目进行时》《乡村梦想家》等专栏); otherwise nothing.
- **Quoted names** (“” 「」 "" ‘’) are CHANNELs when a media word follows the
  list they stand in (“扶贫政策法规”“建议提案”栏目, “中国上海”门户网站) or
  precedes them (微信号“三明民政”), or when they name their medium themselves
  (“惠企专栏”); quotes and media word stay outside the span (ANNOTATION.md §5).
- **Unquoted names**: an owner plus a media word (县政府门户网站, 我‹局网站›,
  靖江教育微信公众号, 三门峡广播电视台新闻频道), known outlets (人民网), URLs;
  exact policy titles without marks (政府信息公开条例, 2018年政府信息公开工作要点);
  document numbers (攀东府办〔2019〕29号, 国务院令第711号).

``span._.value`` is the channel type for a CHANNEL and None otherwise;
``span._.attrs`` holds the channel's name, owner and media word, the marks of a
POLICY, and the issuer, year and serial of a DOC_NO.

The package holds one component (``component.py``) and its pure finder, split by
the shape of name each part reads:

- ``rules.py``: ``names.json`` loaded and validated; ``compiled.py``: its patterns
  compiled once, the base of every part;
- ``marked.py``: titles and quoted names; ``owners.py``: owners before a media word;
  ``unquoted.py``: owner-and-medium names, known outlets, URLs, recurring names;
  ``lists.py``: names a list shows; ``policies.py``: unmarked policies and document
  numbers; ``filters.py``: what looks like a name and is none;
- ``finder.py``: :class:`NameFinder`, the whole text in the order the parts run.
"""

from .component import NameRecognizer, make_name_recognizer
from .finder import NameFinder
from .rules import RULES_FILE, NameRules, load_name_rules, load_place_names

__all__ = [
    "RULES_FILE",
    "NameFinder",
    "NameRecognizer",
    "NameRules",
    "load_name_rules",
    "load_place_names",
    "make_name_recognizer",
]
