"""Bytes to text: UTF-8 first, then a recorded fallback line by line; binary files refused.

Policy (documented in the README):

* A UTF-16 byte-order mark means UTF-16; otherwise the bytes are read as UTF-8, a UTF-8 BOM
  being dropped.
* Bytes that are not valid UTF-8 are not an error, and they do not change how the rest of the
  file is read: each *line* that is not valid UTF-8 is decoded as cp1252 (Windows Western, the
  usual culprit), or as latin-1 when cp1252 cannot map it (latin-1 maps every byte); every other
  line stays UTF-8. One stray byte in a UTF-8 file therefore alters one line, not the whole file.
  The lines decoded with a fallback are returned so the caller can list them in the load report.
* A NUL byte anywhere (outside UTF-16) marks a binary or corrupted file: not text, an
  ``InputError`` naming its line and offset.
* An HTML page that is not valid UTF-8 and declares its charset (``<meta charset>``, ``<meta
  http-equiv="Content-Type" content="...; charset=...">`` or an XML declaration, in its first 4 KB)
  is decoded with that charset (:func:`decode_html`): Shift_JIS, GB2312, ISO-8859-15 and the other
  legacy encodings of older news sites. ISO-8859-1 and US-ASCII are read as windows-1252, as
  browsers do (WHATWG Encoding Standard). A page that is valid UTF-8 is read as UTF-8 whatever it
  declares (a mislabelled page is far more common than a legacy page that happens to be valid UTF-8).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BinaryFileError", "Decoded", "declared_charset", "decode_bytes", "decode_html", "decode_text", "find_nul",
           "find_nul_in_file", "sniff_encoding"]

FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_BLOCK = 1 << 20


class BinaryFileError(ValueError):
    """A NUL byte in data that should be text; ``offset`` (0-based byte) and ``line`` (1-based) say where."""

    def __init__(self, offset: int, line: int) -> None:
        super().__init__(f"NUL byte at line {line}, offset {offset}")
        self.offset = offset
        self.line = line


@dataclass(frozen=True)
class Decoded:
    """Decoded text: ``encoding`` is 'utf-8' or 'utf-16' (or, from :func:`decode_html`, the codec of
    the charset the page declares); ``fallback`` maps the 1-based numbers of the lines that were not
    valid UTF-8 to the encoding they were decoded with; ``replaced``: bytes not valid in a declared
    charset, each replaced by U+FFFD."""

    text: str
    encoding: str
    fallback: dict[int, str] = field(default_factory=dict)
    replaced: int = 0

    def fallback_summary(self) -> dict[str, list[int]]:
        """Fallback encoding -> the line numbers decoded with it, ascending."""
        out: dict[str, list[int]] = {}
        for line, encoding in sorted(self.fallback.items()):
            out.setdefault(encoding, []).append(line)
        return out


def find_nul(data: bytes) -> int:
    """Offset of the first NUL byte in ``data`` (-1 if none); UTF-16 (with a BOM) has none by definition."""
    if data.startswith(_UTF16_BOMS):
        return -1
    return data.find(b"\x00")


def _nul_error(data: bytes, offset: int) -> BinaryFileError:
    return BinaryFileError(offset, data.count(b"\n", 0, offset) + 1)


def find_nul_in_file(path: Path) -> BinaryFileError | None:
    """The first NUL byte of a file (read block by block, the whole file), as an error; None if there is none."""
    lines, offset = 0, 0
    with open(path, "rb") as handle:
        block = handle.read(_BLOCK)
        if block.startswith(_UTF16_BOMS):
            return None
        while block:
            nul = block.find(b"\x00")
            if nul >= 0:
                return BinaryFileError(offset + nul, lines + block.count(b"\n", 0, nul) + 1)
            lines += block.count(b"\n")
            offset += len(block)
            block = handle.read(_BLOCK)
    return None


def sniff_encoding(head: bytes) -> str:
    """The encoding to try first for a file starting with ``head``: 'utf-16' or 'utf-8-sig'."""
    return "utf-16" if head.startswith(_UTF16_BOMS) else "utf-8-sig"


def _decode_line(line: bytes) -> tuple[str, str]:
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return line.decode("latin-1"), "latin-1"


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` by the policy in the module docstring.

    Raises :class:`BinaryFileError` (with the line and offset) when the data holds a NUL byte.
    """
    nul = find_nul(data)
    if nul >= 0:
        raise _nul_error(data, nul)
    first = sniff_encoding(data[:4])
    try:
        return Decoded(data.decode(first), first.removesuffix("-sig"))
    except UnicodeDecodeError as exc:
        if first == "utf-16":
            raise
        bad_at = exc.start
    data = data.removeprefix(codecs.BOM_UTF8)
    start = data.rfind(b"\n", 0, max(bad_at - 3, 0)) + 1  # the good part, decoded at once
    head = data[:start].decode("utf-8")
    number = head.count("\n") + 1
    pieces, fallback = [head], {}
    for line in data[start:].split(b"\n"):
        text, encoding = _decode_line(line)
        if encoding != "utf-8":
            fallback[number] = encoding
        pieces.append(text)
        pieces.append("\n")
        number += 1
    return Decoded("".join(pieces[:-1]), "utf-8", fallback)


_DECLARED_RE = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
#: Declared charsets browsers read as another (WHATWG Encoding Standard: these labels mean windows-1252).
_AS_WINDOWS_1252 = frozenset({"latin_1", "iso8859_1", "ascii"})


def declared_charset(head: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in ``head`` (its first bytes), or None
    when it declares none, an unknown one, or a Unicode one. ISO-8859-1 and US-ASCII give 'cp1252'."""
    match = _DECLARED_RE.search(head[:4096])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").strip().lower()
    try:
        codec = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    if codec.startswith("utf"):
        return None
    return "cp1252" if codec in _AS_WINDOWS_1252 else codec


def decode_html(data: bytes) -> Decoded:
    """Decode an HTML page: as :func:`decode_text`, except that a page which is not valid UTF-8 and
    declares a charset (:func:`declared_charset`) is decoded with that charset, a byte not valid in
    it replaced by U+FFFD and counted in ``replaced``. Raises :class:`BinaryFileError` for a NUL byte."""
    nul = find_nul(data)
    if nul >= 0:
        raise _nul_error(data, nul)
    charset = None if data.startswith((*_UTF16_BOMS, codecs.BOM_UTF8)) else declared_charset(data)
    if charset is None:
        return decode_text(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode(charset), charset)
    except UnicodeDecodeError:
        text = data.decode(charset, errors="replace")
        return Decoded(text, charset, replaced=text.count("\ufffd") - data.decode(charset, errors="ignore").count("\ufffd"))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``: 'utf-8' or 'utf-16', else the (first) fallback used.

    Kept for callers that need no line detail; see :func:`decode_text`.
    """
    decoded = decode_text(data)
    return decoded.text, next(iter(decoded.fallback.values()), decoded.encoding)
