"""What every rule component shares: its rules are one JSON file of data.

A component class mixes in :class:`RuleFileIO`, names its ``rules_file`` (in
``resources/``) and ``rules_class`` (with ``from_dict(data, path)`` that
validates and ``to_dict()``), and defines ``set_rules`` (which also rebuilds
whatever is compiled from the rules). The rules then arrive through
``initialize(rules_path=...)`` (the packaged file by default) and travel with
``to_disk``/``from_disk`` and ``to_bytes``/``from_bytes``, never through the
factory config.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

import srsly
from spacy.language import Language

from ..errors import Errors
from ..resources import resource_path


def read_rules(rules_class: Any, path: Path | str) -> Any:
    """Read and validate a rules file with ``rules_class.from_dict``."""
    return rules_class.from_dict(srsly.read_json(path), str(path))


class RuleFileIO:
    """Mixin: initialize and (de)serialize a component whose rules are one JSON file."""

    rules_file: ClassVar[str]
    rules_class: ClassVar[Any]
    rules: Any

    def set_rules(self, rules: Any) -> None:  # pragma: no cover - each component defines it
        raise NotImplementedError

    @classmethod
    def packaged_rules(cls) -> Any:
        """The rules that ship in ``resources/``."""
        return read_rules(cls.rules_class, resource_path(cls.rules_file))

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        rules_path: str | None = None,
    ) -> None:
        """Load the rules: the packaged file unless a path is given."""
        path = Path(rules_path) if rules_path else resource_path(self.rules_file)
        self.set_rules(read_rules(self.rules_class, path))

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.rules_file, self.rules.to_dict())

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()):
        self.set_rules(read_rules(self.rules_class, Path(path) / self.rules_file))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.rules.to_dict())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        self.set_rules(self.rules_class.from_dict(srsly.msgpack_loads(data), "<bytes>"))
        return self


def check_rule_keys(
    data: dict, keys: tuple[str, ...], path: str, optional: tuple[str, ...] = ("description",)
) -> None:
    """Refuse unknown keys (E022) and missing ones (E070) of a rules file."""
    for key in data:
        if key not in keys:
            raise ValueError(Errors.E022.format(key=key, what=path, allowed=keys))
    missing = [k for k in keys if k not in optional and k not in data]
    if missing:
        raise ValueError(Errors.E070.format(path=path, keys=missing))


def compile_rule(pattern: str, path: str, what: str) -> re.Pattern:
    """``pattern`` compiled; a bad one (or no text) raises E020 naming the rules file and key."""
    try:
        return re.compile(pattern)
    except (re.error, TypeError) as err:
        raise ValueError(Errors.E020.format(path=path, problem=f"{what}: {err}")) from err
