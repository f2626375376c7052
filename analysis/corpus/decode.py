"""Bytes to text: UTF-8 first, then a recorded fallback; binary files refused.

Policy (documented in the README):

* A UTF-16 byte-order mark means UTF-16; otherwise the bytes are read as UTF-8, a UTF-8 BOM
  being dropped.
* Bytes that are not valid UTF-8 are not an error: they are decoded as cp1252 (Windows Western,
  the usual culprit), or as latin-1 when cp1252 cannot map them (latin-1 maps every byte). The
  fallback is recorded in the load report.
* A NUL byte (outside UTF-16) marks a binary file: not text, an ``InputError``.
"""

from __future__ import annotations

import codecs

__all__ = ["BinaryFileError", "decode_bytes", "find_nul", "sniff_encoding"]

FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class BinaryFileError(ValueError):
    """Raised by :func:`decode_bytes` for bytes holding a NUL byte; ``offset`` says where."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"NUL byte at offset {offset}")
        self.offset = offset


def find_nul(data: bytes) -> int:
    """Offset of the first NUL byte in ``data`` (-1 if none); UTF-16 (with a BOM) has none by definition."""
    if data.startswith(_UTF16_BOMS):
        return -1
    return data.find(b"\x00")


def sniff_encoding(head: bytes) -> str:
    """The encoding to try first for a file starting with ``head``: 'utf-16' or 'utf-8-sig'."""
    return "utf-16" if head.startswith(_UTF16_BOMS) else "utf-8-sig"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` where encoding is the one that worked.

    ``encoding`` is 'utf-8' or 'utf-16' for the normal case, else the fallback used ('cp1252' or
    'latin-1'). Raises :class:`BinaryFileError` when the data holds a NUL byte.
    """
    nul = find_nul(data)
    if nul >= 0:
        raise BinaryFileError(nul)
    first = sniff_encoding(data[:4])
    try:
        return data.decode(first), first.removesuffix("-sig")
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover
