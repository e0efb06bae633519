"""Read report files into text: encodings detected, HTML reduced to its main text.

A reader never raises on bad input inside a batch: :func:`read_document`
returns a :class:`ReadResult` whose ``error`` says what was wrong, so the
caller can write an error record and go on.

File names are text in every record: a name whose bytes are no UTF-8 (a GBK
name from a Windows archive) is read as GB18030, else written with ``\\x``
escapes (:func:`path_text`), so a record never carries undecodable characters.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, ReadError
from .html import html_to_text

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# control characters that never occur in a text report (tab, LF, CR, FF are fine)
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\x0c"}


@dataclass
class ReadResult:
    """One input file: its text, or the reason it could not be read."""

    doc_id: str
    source: str
    text: str = ""
    encoding: str | None = None
    error: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a NUL byte in every other position."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese report is made of (ASCII, CJK, CJK punctuation).

    Binary data decoded as UTF-16 spreads over the whole Unicode range instead.
    """
    sample = text[:4000]
    if not sample:
        return 0.0
    ok = sum(
        1
        for c in sample
        if c.isascii()
        or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u2000" <= c <= "\u206f"
    )
    return ok / len(sample)


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") / len(text)


def path_text(path: Path | str) -> str:
    """A path as text fit for records and messages.

    Python keeps the bytes of a file name that is no UTF-8 as lone surrogates
    (``\\udcb1``), which no JSON writer accepts. Such a name is decoded as
    GB18030 (Windows writes Chinese names in GBK), else with ``\\x`` escapes.
    """
    text = str(path)
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes, detecting the encoding; returns (text, encoding).

    Order: a BOM; UTF-16 without BOM; strict UTF-8; then GB18030 and Big5,
    of which the decoding that strictly succeeds with the larger share of
    characters in the common CJK block wins (charset-normalizer breaks ties).
    Raises :class:`ReadError` for binary data and undecodable bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise ReadError(Errors.E004.format(path=path)) from err
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8000]:
        # UTF-16 Chinese has NUL bytes only beside ASCII characters: try it before
        # calling the file binary
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible_share(text) > 0.95 and not any(c in _CONTROL for c in text[:4000]):
                return text, encoding
        raise ReadError(Errors.E003.format(path=path, reason="NUL bytes"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_cjk_share(text), encoding, text))
    if len(candidates) == 2 and abs(candidates[0][0] - candidates[1][0]) < 0.02:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
        if best is not None:
            name = "big5" if "big5" in best.encoding else "gb18030"
            return data.decode(name), name
    if candidates:
        _, encoding, text = max(candidates)
        return text, encoding
    raise ReadError(Errors.E004.format(path=path))


def _check_text(text: str, path: str) -> None:
    sample = text[:20000]
    if not sample.strip():
        raise ReadError(Errors.E007.format(path=path, chars=len(text)))
    controls = sum(1 for c in sample if c in _CONTROL or c == "\ufffd")
    if controls / len(sample) > 0.02:
        raise ReadError(Errors.E003.format(path=path, reason="control characters"))


DOC_ID_KINDS = ("name", "path")


def doc_id_of(path: Path | str, kind: str = "name") -> str:
    """A document's id: its file name without the extension (``name``, INTERFACE.md), or
    its path as given, extension included (``path``: unique when folders of different
    years hold files of the same name, 2019/report.txt and 2020/report.txt)."""
    if kind not in DOC_ID_KINDS:
        raise ValueError(Errors.E044.format(kind=kind, allowed=DOC_ID_KINDS))
    name = path_text(path)
    return Path(name).stem if kind == "name" else Path(name).as_posix()


def read_document(
    path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str = "name"
) -> ReadResult:
    """Read one .txt or .html file; errors are returned in the result, not raised.

    ``doc_id``: how the document is named, ``name`` or ``path`` (:func:`doc_id_of`).
    """
    path = Path(path)
    name = path_text(path)
    result = ReadResult(doc_id=doc_id_of(path, doc_id), source=name)
    try:
        if not path.is_file():
            raise ReadError(Errors.E001.format(path=name))
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise ReadError(Errors.E006.format(path=name, suffixes=", ".join(SUPPORTED_SUFFIXES)))
        size = path.stat().st_size
        if size == 0:
            raise ReadError(Errors.E002.format(path=name))
        if size > max_bytes:
            raise ReadError(Errors.E005.format(path=name, size=size, limit=max_bytes))
        data = path.read_bytes()
        text, encoding = decode_bytes(data, name)
        _check_text(text, name)
        if suffix in HTML_SUFFIXES:
            text = html_to_text(text)
            _check_text(text, name)
        result.text, result.encoding = text, encoding
    except ReadError as err:
        result.error = str(err)
    except OSError as err:
        result.error = Errors.E009.format(path=name, reason=err.strerror or err)
    return result


def _file_entry(path: Path) -> bool:
    """Whether a folder entry stands for a file: a file, or a link that leads nowhere
    (broken or looping), which then gets an error record instead of vanishing."""
    return path.is_file() or (path.is_symlink() and not path.is_dir())


def iter_input_files(
    paths: Iterable[Path | str], suffixes: tuple[str, ...] = SUPPORTED_SUFFIXES
) -> Iterator[tuple[Path, bool]]:
    """Files named directly (always yielded) and supported files found in folders.

    Yields ``(path, named)``: a file named directly is yielded whatever its
    suffix, so that an unsupported one gets an error record; inside folders
    only files with a supported suffix are taken, sorted, recursively. A file
    reached twice (named and inside a folder given too) is yielded once.
    """
    if isinstance(paths, str | Path):  # one path, not the characters of one
        paths = [paths]
    seen: set[str] = set()

    def first_time(path: Path) -> bool:
        key = os.path.realpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _file_entry(child) and child.suffix.lower() in suffixes and first_time(child):
                    yield child, False
        elif first_time(path):
            yield path, True


def skipped_files(
    paths: Iterable[Path | str], suffixes: tuple[str, ...] = SUPPORTED_SUFFIXES
) -> list[Path]:
    """Files inside the given folders that extraction does not take (reported, not silent)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    out = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                child
                for child in sorted(path.rglob("*"))
                if _file_entry(child) and child.suffix.lower() not in suffixes
            )
    return out
