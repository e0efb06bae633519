"""Shards of a batch: one run of ``extract`` per task of a cluster job array.

``--shard K/N`` (K from 1 to N, as GNU ``split -n l/K/N`` counts) takes every
N-th input file, starting from the K-th, of the list every task builds alike
(files named, then folders walked in sorted order). The N shards of the same
paths are disjoint and together hold every file once, so their outputs, put
end to end (``cat facts-*.jsonl``), hold the records of one run over all of
them. Taking every N-th file rather than a block of files gives each shard
files from every folder, so a folder of long reports does not land on one task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

from ..errors import Errors

T = TypeVar("T")

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


class Shard(NamedTuple):
    """The ``index``-th (from 1) of ``count`` shards."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``"3/8"`` -> ``Shard(3, 8)``; anything else raises ValueError (E047)."""
    match = _SHARD.fullmatch(text)
    if match is None:
        raise ValueError(Errors.E047.format(text=text))
    return check_shard(Shard(int(match.group(1)), int(match.group(2))))


def check_shard(shard: tuple[int, int]) -> Shard:
    """The shard as a :class:`Shard`, if 1 <= index <= count; else ValueError (E047)."""
    index, count = shard
    if not (isinstance(index, int) and isinstance(count, int) and 1 <= index <= count):
        raise ValueError(Errors.E047.format(text=f"{index}/{count}"))
    return Shard(index, count)


def take_shard(items: Sequence[T], shard: tuple[int, int] | None) -> list[T]:
    """The items of ``shard`` (every count-th, from the index-th); all of them for None."""
    if shard is None:
        return list(items)
    index, count = check_shard(shard)
    return list(items[index - 1 :: count])
