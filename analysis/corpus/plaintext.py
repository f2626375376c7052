"""Plain text and markdown files to the fields of one document.

* The title is the first non-empty line (a leading markdown ``#`` marker stripped), unless
  ``title_from_first_line=False``: then the title is "" and every line is text.
* The remaining lines become paragraphs (rules in :mod:`analysis.corpus.paragraphs`).
* Metadata at the top of the file (:func:`split_metadata`), read like a sidecar (same key aliases):
  a YAML front matter block (``---`` on the first line, closed by ``---``), or, in plain text, a
  header block of ``Key: value`` lines ending at a blank line whose first key is a documents field
  (``Title:``, ``Headline:``, ``Date:``, ``Outlet:``, ``Source:``, ``Author:``, ``URL:``, ``Tags:``
  ...; ``Text:``/``Body:`` and ``Id:`` are not header keys). When the metadata gives the title, the
  first line of the body is dropped only when it is a title line (it repeats the title, or it is a
  markdown ``#`` heading); a first paragraph of prose stays in the text.
* Markdown only: headings (``## Background``) become heading paragraphs
  ``Background:`` (a colon added unless the heading ends in punctuation) so that the sentence
  segmenter treats them as sections; a heading line is always a paragraph of its own (as rule P3
  of :mod:`analysis.text` has it), never joined with the lines around it; images are dropped, links keep their text, ``**``/``__``/
  backtick and single-``*`` emphasis markers are removed.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from analysis.corpus.article import is_chrome_line
from analysis.corpus.fields import canonical_key
from analysis.corpus.paragraphs import join_paragraphs, normalise_newlines, paragraphs_of_lines
from analysis.corpus.sidecars import canonical_fields, yaml_problem
from analysis.lexicon_io import safe_load

__all__ = ["FrontMatterError", "is_title_line", "parse_text", "parse_text_file", "split_front_matter", "split_header",
           "split_metadata"]

_TITLE_MARK_RE = re.compile(r"^#{1,6}\s+")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_MD_MARKS_RE = re.compile(r"\*\*|__|`")
_HEADER_LINE_RE = re.compile(r"(?P<key>[A-Za-z][A-Za-z _-]{0,29}?)[ \t]*:[ \t]*(?P<value>.*?)\s*")
_NOT_HEADER_KEYS = frozenset({"text", "doc_id"})
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


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, the rest) of a plain text that opens with a ``Key: value`` header block.

    The block is the lines before the first blank line; every one must be ``Key: value`` (a key of
    at most 30 letters, spaces, hyphens or underscores), the first key a documents field other
    than text and id (:func:`analysis.corpus.fields.canonical_key`), and text must follow the
    blank line. Otherwise ``({}, text)``: "Update: talks resumed" or a body with no header stays
    text. A file of header lines only (two documents fields or more, no text after them: an article
    saved without its body) is a header with an empty rest, so that the loader names the file as one
    with no text instead of reading "Outlet: City Wire" as its text. Keys are returned as written;
    empty values are left out, except an empty title ("Title:" with nothing after it), kept as "": the
    article has no headline, and its first paragraph stays text instead of becoming one.
    """
    text = normalise_newlines(text)
    start = len(text) - len(text.lstrip("\n"))
    end = text.find("\n\n", start)
    header_only = end < 0 or not text[end:].strip()
    block = text[start:].rstrip("\n") if header_only else text[start:end]
    matches = [_HEADER_LINE_RE.fullmatch(line) for line in block.split("\n")]
    if not all(matches):
        return {}, text
    keys = [canonical_key(m["key"]) for m in matches]
    if keys[0] is None or keys[0] in _NOT_HEADER_KEYS:
        return {}, text
    if header_only and (len(set(keys) - {None}) < 2 or set(keys) & _NOT_HEADER_KEYS):
        return {}, text  # one "Title: ..." line alone is a text, not a header
    header = {m["key"].strip(): m["value"] for m, key in zip(matches, keys) if m["value"] or key == "title"}
    return header, "" if header_only else text[end + 2 :]


def split_metadata(text: str, *, markdown: bool = False) -> tuple[dict[str, Any], str]:
    """(metadata, the rest) of a text or markdown file: its front matter, else (plain text only) its
    header block (:func:`split_header`); ``({}, text)`` when it has neither.

    Raises :class:`FrontMatterError` when a front matter block is not a YAML mapping.
    """
    if markdown or normalise_newlines(text).startswith("---\n"):
        return split_front_matter(text)
    return split_header(text)


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
    empty) and ``text`` (paragraphs separated by blank lines). Lines of page chrome that end the
    text ("Share", "Advertisement", "Read more": whole lines of :data:`CHROME_TOKENS
    <analysis.corpus.article.CHROME_TOKENS>`, as a scraped article drops them) are not text.
    """
    lines = normalise_newlines(text).split("\n")
    while lines and (not lines[-1].strip() or is_chrome_line(lines[-1])):
        lines.pop()
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


def is_title_line(body: str, title: str, *, markdown: bool = False) -> bool:
    """True when the body's first non-empty line is a title line: it repeats ``title`` (spacing and
    case aside, a ``#`` marker stripped) or, in markdown, is a ``#`` heading."""
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    if markdown and _TITLE_MARK_RE.match(first):
        return True
    words = _TITLE_MARK_RE.sub("", first).split()
    return " ".join(words).casefold() == " ".join(title.split()).casefold()


def parse_text_file(text: str, *, title_from_first_line: bool = True, markdown: bool = False) -> dict[str, Any]:
    """Parse a whole plain-text or markdown file: metadata at the top (:func:`split_metadata`,
    keys mapped like a sidecar's), then the body (:func:`parse_text`).

    Returns the metadata fields plus ``title`` and ``text``. A title given by the metadata wins; the
    body's first line is then dropped only when it is a title line (it repeats that title, or is a
    markdown ``#`` heading), else it stays in ``text``.
    """
    meta, body = split_metadata(text, markdown=markdown)
    fields = canonical_fields(meta)
    title = fields.get("title")
    first_is_title = title_from_first_line and (title is None or is_title_line(body, str(title), markdown=markdown))
    return {**parse_text(body, title_from_first_line=first_is_title, markdown=markdown), **fields}
