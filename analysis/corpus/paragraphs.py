"""Lines to paragraphs, shared by the plain-text, markdown and scraped-article parsers.

Rules (pure string functions):

* Line endings are normalised to ``\\n`` (CRLF and CR included), a BOM is dropped, trailing
  spaces are removed.
* A *block* is a run of non-blank lines; any number of blank lines separates blocks.
* The rules for bullets and headings are the paragraph rules of :mod:`analysis.text` (one home),
  applied to lines, so that every paragraph made here is read the same way when the text is split
  into sentences:
* Inside a block, a *bullet item* (a line starting with a bullet marker of rule P2: one of
  ``• · ▪ ◦ ‣ ● ∙``, or ``-``, ``*``, ``–`` followed by whitespace) is a paragraph of its own, its
  marker normalised to ``"• "`` (a marker with no item after it is dropped); a numbered item
  (``1.``, ``12)``, up to three digits, then whitespace) is a paragraph of its own with its number
  kept; a *heading* is a paragraph of its own: a line that is a heading by rule P4
  (:func:`analysis.text.heading_name`, e.g. ``Why It Matters:`` or ``**Key takeaways:**``) and
  starts with a capital letter or a digit (a hard-wrapped line of prose that ends with a colon
  starts lower-case). Other consecutive lines are joined with a space (hard-wrapped text), and a
  line that follows a bullet item without a marker continues that item.
* ``text`` is the paragraphs joined by one blank line.
"""

from __future__ import annotations

import re

from analysis.text import bullet_marker, heading_name

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

_HEADING_START = re.compile(r"[#*_\s]*(?P<first>\w)")


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
    """A section heading line: a heading by rule P4 of :mod:`analysis.text` that starts with a capital or digit."""
    start = _HEADING_START.match(line)
    return (start is not None and (start["first"].isupper() or start["first"].isdigit())
            and heading_name(line) is not None)


def bullet_item(line: str) -> str | None:
    """A bullet line (rule P2 of :mod:`analysis.text`) as a paragraph, else None.

    The item with its marker normalised to '• ' ('' for a marker alone); a numbered item as it
    is, number kept.
    """
    line = line.strip()
    marker = bullet_marker(line)
    if marker is None:
        return None
    item = line[marker.end():].strip()
    if not item:
        return ""
    return line if marker.group(0)[0].isdigit() else BULLET + item


def paragraphs_of_block(block: list[str]) -> list[str]:
    """Split one block into paragraphs: bullets, numbered items and headings stand alone."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in block:
        item = bullet_item(line)
        if item is not None:
            if current:
                paragraphs.append(" ".join(current))
            current = [item] if item else []
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
