"""Lines to paragraphs, shared by the plain-text, markdown and scraped-article parsers.

Rules (pure string functions):

* Line endings are normalised to ``\\n`` (CRLF and CR included), a BOM is dropped, trailing
  spaces are removed.
* A *block* is a run of non-blank lines; any number of blank lines separates blocks.
* Inside a block, a *bullet item* (a line starting with one of ``• ● ▪ ◦ · ‣ ∙ - *`` and a space)
  is a paragraph of its own, its marker normalised to ``"• "``; a numbered item (``1.``/``1)``)
  is a paragraph of its own with its number kept; a *heading* (a line of at most 8 words and 60
  characters, starting with a capital or digit, ending with ``:``, e.g. ``Why It Matters:``) is a
  paragraph of its own. Other consecutive lines are joined with a space (hard-wrapped text), and
  a line that follows a bullet item without a marker continues that item.
* ``text`` is the paragraphs joined by one blank line.
"""

from __future__ import annotations

import re

__all__ = [
    "BULLET",
    "blocks",
    "bullet_item",
    "is_heading",
    "join_paragraphs",
    "normalise_newlines",
    "paragraphs_of_block",
    "paragraphs_of_lines",
]

#: The marker every bullet item gets in ``text``.
BULLET = "• "

_BULLET_RE = re.compile(r"^[•●▪◦·‣∙*-]\s+(?P<item>\S.*)$")
_NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s+\S")
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 60


def normalise_newlines(text: str) -> str:
    """Drop a BOM, turn CRLF/CR into LF and strip trailing spaces from every line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into blocks of consecutive non-blank lines (each line stripped)."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def is_heading(line: str) -> bool:
    """A section heading: short (<= 8 words, <= 60 chars), starts with a capital or digit, ends with ':'."""
    line = line.strip()
    return (
        line.endswith(":")
        and len(line) <= _HEADING_MAX_CHARS
        and len(line.split()) <= _HEADING_MAX_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and ":" not in line[:-1]
    )


def bullet_item(line: str) -> str | None:
    """The item of a bullet line with its marker normalised to '• ', else None."""
    match = _BULLET_RE.match(line.strip())
    return BULLET + match["item"].strip() if match else None


def paragraphs_of_block(block: list[str]) -> list[str]:
    """Split one block into paragraphs: bullets, numbered items and headings stand alone."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in block:
        item = bullet_item(line)
        if item is not None or _NUMBERED_RE.match(line):
            if current:
                paragraphs.append(" ".join(current))
            current = [item if item is not None else line]
        elif is_heading(line):
            if current:
                paragraphs.append(" ".join(current))
            paragraphs.append(line)
            current = []
        else:
            current.append(line)  # hard-wrapped text, or the continuation of an item
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def paragraphs_of_lines(lines: list[str]) -> list[str]:
    """All paragraphs of a run of lines (blocks split by :func:`paragraphs_of_block`)."""
    return [p for block in blocks(lines) for p in paragraphs_of_block(block)]


def join_paragraphs(paragraphs: list[str]) -> str:
    """``text``: the non-empty paragraphs separated by one blank line."""
    return "\n\n".join(p for p in paragraphs if p)
