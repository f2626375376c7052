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
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BinaryFileError", "Decoded", "decode_bytes", "decode_text", "find_nul", "find_nul_in_file",
           "sniff_encoding"]

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
    """Decoded text: ``encoding`` is 'utf-8' or 'utf-16'; ``fallback`` maps the 1-based numbers of
    the lines that were not valid UTF-8 to the encoding they were decoded with."""

    text: str
    encoding: str
    fallback: dict[int, str] = field(default_factory=dict)

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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``: 'utf-8' or 'utf-16', else the (first) fallback used.

    Kept for callers that need no line detail; see :func:`decode_text`.
    """
    decoded = decode_text(data)
    return decoded.text, next(iter(decoded.fallback.values()), decoded.encoding)
