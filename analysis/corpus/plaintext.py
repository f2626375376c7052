"""Plain text and markdown files to the fields of one document.

* The title is the first non-empty line (a leading markdown ``#`` marker stripped), unless
  ``title_from_first_line=False``: then the title is "" and every line is text.
* The remaining lines become paragraphs (rules in :mod:`analysis.corpus.paragraphs`).
* Markdown only: a YAML front matter block (``---`` on the first line, closed by ``---``) gives
  metadata like a sidecar does; headings (``## Background``) become heading paragraphs
  ``Background:`` (a colon added unless the heading ends in punctuation) so that the sentence
  segmenter treats them as sections; a heading line is always a paragraph of its own (as rule P3
  of :mod:`analysis.text` has it), never joined with the lines around it; images are dropped, links keep their text, ``**``/``__``/
  backtick and single-``*`` emphasis markers are removed.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from analysis.corpus.paragraphs import join_paragraphs, normalise_newlines, paragraphs_of_lines
from analysis.corpus.sidecars import yaml_problem
from analysis.lexicon_io import safe_load

__all__ = ["FrontMatterError", "parse_text", "split_front_matter"]

_TITLE_MARK_RE = re.compile(r"^#{1,6}\s+")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_MD_MARKS_RE = re.compile(r"\*\*|__|`")
_MD_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])")


def _strip_inline(line: str) -> str:
    """Markdown inline markup to plain text: images dropped, links to their text, emphasis unmarked."""
    line = _MD_IMAGE_RE.sub("", line)
    line = _MD_LINK_RE.sub(lambda m: m["text"], line)
    line = _MD_MARKS_RE.sub("", line)
    return _MD_EMPHASIS_RE.sub(lambda m: m["text"], line)


class FrontMatterError(ValueError):
    """A markdown front matter block that is not a YAML mapping."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, the rest) of a markdown text; ({}, text) when there is none.

    Raises :class:`FrontMatterError` when the block is not valid YAML or not a mapping.
    """
    text = normalise_newlines(text)
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    block, rest = text[4:end], text[end + 4 :]
    try:
        meta = safe_load(block)
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({yaml_problem(exc, first_line=2)})") from exc
    if meta is None:
        return {}, rest
    if not isinstance(meta, dict):
        kind = type(meta).__name__
        raise FrontMatterError(f"front matter must be a mapping of keys to values, not a {kind}")
    return meta, rest.split("\n", 1)[1] if "\n" in rest else ""


def _markdown_lines(line: str) -> list[str]:
    """One markdown line as plain-text lines: a heading between blank lines (its own paragraph)."""
    heading = _MD_HEADING_RE.match(line.strip())
    if heading:
        text = _strip_inline(heading["text"]).strip()
        return ["", text if not text or text[-1] in ".:?!" else text + ":", ""]
    return [_strip_inline(line)]


def parse_text(text: str, *, title_from_first_line: bool = True, markdown: bool = False) -> dict[str, Any]:
    """Parse a plain-text (or markdown, without its front matter) document.

    Returns a dict with ``title`` (str, "" when not taken from the first line or the text is
    empty) and ``text`` (paragraphs separated by blank lines).
    """
    lines = normalise_newlines(text).split("\n")
    title = ""
    if title_from_first_line:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None:
            title = _TITLE_MARK_RE.sub("", lines[first].strip())
            if markdown:
                title = _strip_inline(title)
            lines = lines[first + 1 :]
    if markdown:
        lines = [out for line in lines for out in _markdown_lines(line)]
    return {"title": title, "text": join_paragraphs(paragraphs_of_lines(lines))}
