"""Error types shared by the whole package.

Every error a user can trigger with bad input is an :class:`InputError` whose message names the
place (file, row or line, lexicon entry) and says what to do about it.
"""

from __future__ import annotations

__all__ = ["InputError", "LexiconError", "where"]


class InputError(ValueError):
    """Bad input: the message names the file (and row, line or entry) and the fix."""


class LexiconError(InputError):
    """A lexicon or codebook file that does not validate: names the file, entry, field and fix."""


def where(source: object, *, row: int | None = None, line: int | None = None) -> str:
    """Format a location for an error message: ``'data.csv, row 12'`` or ``'a.jsonl, line 3'``."""
    place = str(source)
    if row is not None:
        place += f", row {row}"
    if line is not None:
        place += f", line {line}"
    return place
