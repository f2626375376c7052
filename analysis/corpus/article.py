"""Scraped news articles (text copied from a news page) to the fields of one document.

A scraped article looks like::

    Headline                                  <- title: the first non-empty line
                                              
    Standfirst paragraph ...                  <- standfirst (also the first paragraph of text)
                                              
    author-image                              <- page chrome (dropped)
    Jane Doe                                  <- byline (author)
    New Update                                <- page chrome (dropped)
    gaza-offensive                            <- image/URL slug (dropped)
                                              
    A Second Headline Like The First          <- subtitle (kept out of text)
                                              
    Body paragraph ...                        <- text
    Why It Matters:                           <- heading paragraph, kept in text
    • item                                    <- one paragraph per item ("-", "*" become "• ")
    @Biden Israel                             <- tag line: tags ["Biden", "Israel"]

The rules, as patterns (not the seed's exact strings):

* **Line kinds** in the head of the article: *chrome* = the whole line is one of the known
  page-chrome tokens :data:`CHROME_TOKENS` (case-insensitive, e.g. ``author-image``,
  ``New Update``, ``Share``, ``Advertisement``, ``Read more``); *by* = ``By <name>`` (also
  ``Written by``/``By:``); *date* = a short line holding a date with a 4-digit year, optionally
  after ``Published``/``Posted``/``Updated``; *slug* = one lowercase word or a hyphen/underscore
  joined slug (``netanyahu``, ``gaza-offensive``); *name* = 1-5 capitalised words (connectors
  such as ``and``, ``de``, ``van`` allowed), no digits or sentence punctuation.
* **Chrome block**: it starts at a *chrome* or *by* line lying in the first three blocks after
  the headline, and extends backwards and forwards over chrome/by/date/slug/name lines (blank
  lines ignored). A *name* line that starts a new block ends it when a byline was already seen
  or when it is not 2-4 words long (it is then a second-headline or body candidate). Known
  chrome-token lines are dropped anywhere in the article, not only in this block.
* **Standfirst**: the first paragraph between the headline and the chrome block; further
  paragraphs there are ordinary body paragraphs. No chrome block, no standfirst.
* **Byline** (author): the name of the first *by* line in the chrome block, else its first
  *name* line. A *date* line (not an ``Updated`` one) gives ``published``.
* **Second headline** (subtitle): the first block after the chrome block (after the headline
  when there is none) if it is a single line of at most 25 words not ending in ``.`` or ``:``
  and it closely resembles the headline (at least two shared words and half of the shorter
  line's words shared) or, right after a chrome block, is title case (every word of four or
  more letters capitalised).
* **Tag line**: the last non-empty line, if it is ``@Tag Tag ...`` (split on commas when it has
  any, else on spaces; ``@``/``#`` stripped) or ``Tags:``/``Topics:``/``Keywords:`` followed by
  a list separated by commas or semicolons.
* **Body**: the remaining lines as paragraphs (see :mod:`analysis.corpus.paragraphs`): headings
  such as ``Why It Matters:`` and each bullet item are paragraphs of their own; bullet markers
  become ``"• "``.

:func:`looks_like_article` decides whether a ``.txt`` file is a scraped article: it is when it
has a chrome block (a chrome or by line in the first three blocks after the headline) or a tag
line; otherwise it is plain text.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, NamedTuple

from analysis.corpus.paragraphs import join_paragraphs, normalise_newlines, paragraphs_of_block

__all__ = ["BYLINE_ROLE_WORDS", "CHROME_TOKENS", "LEAD_TOKENS", "WALL_PHRASES", "byline_author", "is_chrome_line",
           "is_furniture_paragraph", "is_wall_line", "looks_like_article", "parse_article", "parse_tag_line"]

#: Lines that are page furniture, not article text (compared case-insensitively, whole line).
CHROME_TOKENS: frozenset[str] = frozenset(
    {
        "advertisement", "advertisment", "ad", "sponsored", "sponsored content",
        "author-image", "author image", "author", "image", "photo", "video",
        "new update", "updated", "breaking", "live",
        "share", "share this", "share this article", "share article", "share on facebook",
        "share on twitter", "share on x", "share via email", "copy link", "print", "email",
        "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram",
        "read more", "read also", "also read", "see also", "related", "related articles",
        "subscribe", "sign up", "follow us", "listen", "listen to this article",
        "comments", "view comments", "skip to content", "menu",
    }
)

HEAD_BLOCKS = 3  # the chrome block must start within this many blocks after the headline
_MAX_CHROME_CHARS = 3 * max(map(len, CHROME_TOKENS))
_MAX_HEAD_LINE_CHARS = 100

_WS = re.compile(r"\s+")
_BY_RE = re.compile(r"^(?:written\s+|reported\s+)?by\s*:?\s+(?P<name>.+?)\s*$", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_LINE_RE = re.compile(
    r"^(?P<prefix>(?:(?:first\s+)?published|posted|(?:last\s+)?updated)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>(?=.*\b(?:19|20)\d{2}\b)"
    rf"(?=.*(?:\b{_MONTH}(?![a-z])|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}})).{{6,50}})$",
    re.IGNORECASE,
)
_SLUG_RE = re.compile(r"^(?=[a-z0-9_-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_NAME_CONNECTORS = frozenset(
    {"and", "&", "de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "da", "del", "di",
     "du", "dos", "y"}
)
_TAG_AT_RE = re.compile(r"^@[^\s@]\S*(?:\s+\S+){0,19}$")
_TAG_PREFIX_RE = re.compile(r"^(?:tags|topics|keywords)\s*:\s*(?P<tags>.+)$", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")
_ALPHA_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")

_SEED_KINDS = frozenset({"chrome", "by"})
_CHROME_KINDS = frozenset({"chrome", "by", "date", "slug", "name"})


class _Item(NamedTuple):
    block: int
    line: str


def is_chrome_line(line: str) -> bool:
    """True when the whole line is a known page-chrome token (see :data:`CHROME_TOKENS`)."""
    if len(line) > _MAX_CHROME_CHARS:
        return False
    return _WS.sub(" ", line.strip().lower()).rstrip(":") in CHROME_TOKENS


#: Chrome tokens that lead a line of furniture in, before a colon: "Share this article: Facebook
#: Twitter WhatsApp", "Related: Harlow fans march on town hall", "Read more: ...".
LEAD_TOKENS: frozenset[str] = frozenset(
    {"share", "share this", "share this article", "share article", "share this story", "related",
     "related articles", "related stories", "read more", "read also", "also read", "see also", "more on this story",
     "follow us", "most read"}
)
#: A lead-in line's text after the colon is at most this many words (a linked headline, not prose).
LEAD_MAX_WORDS = 20
_NEWSLETTER_RE = re.compile(r"^(?:sign up|subscribe)\b.{0,200}\bnewsletters?\b", re.IGNORECASE)
_SHARE_SPLIT_RE = re.compile(r"[\s|\u00b7\u2022,/]+")


#: The phrases of a page's wall lines (``wall_phrases`` of this YAML file, source stated in it and in
#: ``lexicons/README.md``): "enable JavaScript", "subscribe to read", "sign in to continue reading" ...
WALL_PHRASES = Path(__file__).resolve().parents[1] / "lexicons" / "page_walls.yml"
#: A wall line has at most this many words (a prompt, not prose).
WALL_LINE_MAX_WORDS = 30
_QUOTE_MARKS = re.compile("[\"“”]")


@functools.cache
def _wall_pattern() -> re.Pattern[str]:
    from analysis.lexicon_io import read_yaml  # (a YAML read on first use, not at import)

    phrases = read_yaml(WALL_PHRASES).data["wall_phrases"]
    alternatives = sorted({r"\s+".join(map(re.escape, phrase.lower().split())) for phrase in phrases}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


def is_wall_line(text: str) -> bool:
    """True when a line is what a page shows instead of its article: at most :data:`WALL_LINE_MAX_WORDS`
    words, no double quotation mark (a quote is prose), holding a phrase of :data:`WALL_PHRASES`
    ("Please enable JavaScript to read this article", "Subscribe to read the full story", "Sign in to
    continue reading")."""
    return len(text.split()) <= WALL_LINE_MAX_WORDS and not _QUOTE_MARKS.search(text) \
        and _wall_pattern().search(text) is not None


def is_furniture_paragraph(text: str) -> bool:
    """True when a paragraph at an article's edge is page furniture: a chrome line
    (:func:`is_chrome_line`), a line of one-word chrome tokens only ("Facebook Twitter WhatsApp",
    "Share | Email | Print"), a :data:`LEAD_TOKENS` lead-in with a colon and at most
    :data:`LEAD_MAX_WORDS` words after it, not ending in a full stop ("Share this article: Facebook
    Twitter WhatsApp", "Related: Harlow fans march on town hall"), a wall line (:func:`is_wall_line`: "Please
    enable JavaScript to read this article"), or a newsletter promotion of at most 40 words ("Sign up to the
    Harlow Gazette sport newsletter for ...") or a date line of a page's header or footer ("Tuesday 3 November
    2026, 09:00 GMT", "Updated 12:05 GMT": only words of dates and times, a digit among them)."""
    line = _WS.sub(" ", text.strip())
    if not line:
        return False
    if is_chrome_line(line) or _is_date_text(line) or is_wall_line(line):
        return True
    words = [w for w in _SHARE_SPLIT_RE.split(line.lower()) if w]
    if words and all(w in CHROME_TOKENS for w in words) and len(words) <= 8:
        return True
    head, colon, rest = line.partition(":")
    if colon and head.strip().lower() in LEAD_TOKENS and len(rest.split()) <= LEAD_MAX_WORDS \
            and not rest.rstrip().endswith("."):  # (a linked headline; "Related: police said it was fine." is prose)
        return True
    return bool(_NEWSLETTER_RE.match(line)) and len(line.split()) <= 40


def _is_name(text: str, *, max_words: int) -> bool:
    tokens = [t for t in re.split(r"[\s,]+", text) if t]
    if not 1 <= len(tokens) <= max_words or len(text) > 60:
        return False
    named = False
    for token in tokens:
        if token.lower() in _NAME_CONNECTORS:
            continue
        if not (token[0].isupper() and all(c.isalpha() or c in ".'’-" for c in token)):
            return False
        if token.endswith(".") and len(token) > 3:  # initials ("J.", "Jr.") only: "Body." ends a sentence
            return False
        named = True
    return named


#: What may stand between a byline's name and the date or time after it: "By Lena Marsh, Sunday 27
#: September 2026 18:05 BST", "By Jane Doe | 4 May 2026", "By Jane Doe - Updated 12:05 GMT".
_BY_DATE_RE = re.compile(r"^(?P<name>.+?)\s*(?:,|\||\u00b7|\s[-\u2013\u2014])\s*(?P<date>.+)$")
_DATE_WORD_RE = re.compile(
    rf"(?:{_MONTH}|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|\d{{1,2}}(?:st|nd|rd|th)?"
    r"|\d{4}|\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?-i:[A-Z]{2,5})|[+-]\d{2}:?\d{2}"
    r"|updated|published|posted|last|on|at)[,.:]?$", re.IGNORECASE)


def byline_author(line: str) -> str | None:
    """The author's name in a byline ``line`` ("By Jane Doe", "Written by Jane Doe", "By: Jane Doe"; also
    followed by a date or time, or a role ending in a word of :data:`BYLINE_ROLE_WORDS`, after a comma,
    "|", "·" or a dash: "By Lena Marsh, Sunday 27 September 2026 18:05 BST" gives "Lena Marsh", "By Tom
    Avery, Chief Sports Writer" "Tom Avery"), else None. The name is 1-8 capitalised words."""
    match = _BY_RE.match(line)
    if not match:
        return None
    cut = _BY_DATE_RE.match(match["name"])
    if cut and _is_name(cut["name"], max_words=8) and \
            (_is_date_text(cut["date"]) or cut["date"].split()[-1].lower() in BYLINE_ROLE_WORDS):
        return cut["name"]  # "By Lena Marsh, Sunday 27 September ...", "By Tom Avery, Chief Sports Writer"
    if _is_name(match["name"], max_words=8):
        return match["name"]
    return None


#: The last words of a byline's role after the author's name ("By Tom Avery, Chief Sports Writer"):
#: the role is left out of the author.
BYLINE_ROLE_WORDS: frozenset[str] = frozenset(
    {"writer", "correspondent", "editor", "reporter", "columnist", "journalist", "contributor", "staff",
     "producer", "analyst", "critic", "photographer", "desk", "bureau"}
)


def _is_date_text(text: str) -> bool:
    """True when ``text`` is a date or time only: words of dates (months, weekdays, day numbers, years,
    clock times, zone abbreviations, "Updated"), a digit among them ("Sunday 27 September 2026 18:05
    BST", "Updated 12:05 GMT"); "27 September 2026 the club had" is not."""
    words = text.split()
    return bool(words) and len(words) <= 10 and any(c.isdigit() for c in text) and all(
        _DATE_WORD_RE.match(w) for w in words)



def _kind(line: str) -> str:
    if len(line) > _MAX_HEAD_LINE_CHARS:  # chrome, byline, date, slug and name lines are all short
        return "text"
    if is_chrome_line(line):
        return "chrome"
    if byline_author(line) is not None:
        return "by"
    if _DATE_LINE_RE.match(line):
        return "date"
    if _SLUG_RE.match(line) and len(line) <= 80:
        return "slug"
    if _is_name(line, max_words=5):
        return "name"
    return "text"


def parse_tag_line(line: str) -> list[str] | None:
    """Tags of a tag line (``@Biden Israel``, ``@Joe Biden, Israel``, ``Tags: a, b``), else None."""
    line = line.strip()
    match = _TAG_PREFIX_RE.match(line)
    if match:
        parts = re.split(r"[,;]", match["tags"])
    elif _TAG_AT_RE.match(line) and not re.search(r"[.!?:]$", line) and len(line) <= 200:
        parts = line.split(",") if "," in line else line.split()
    else:
        return None
    tags = [p.strip().lstrip("@#").strip() for p in parts]
    return list(dict.fromkeys(t for t in tags if t))


def _items(lines: list[str]) -> list[_Item]:
    items: list[_Item] = []
    block = 0
    for line in lines:
        stripped = line.strip()
        if stripped:
            items.append(_Item(block, stripped))
        elif items and items[-1].block == block:
            block += 1
    return items


def _chrome_span(items: list[_Item], kinds: list[str]) -> tuple[int, int] | None:
    """(start, end) of the chrome block in ``items``, or None (rules in the module docstring)."""
    seed = next(
        (i for i, item in enumerate(items) if item.block >= HEAD_BLOCKS or kinds[i] in _SEED_KINDS),
        None,
    )
    if seed is None or items[seed].block >= HEAD_BLOCKS:
        return None
    start = seed
    while start > 0 and kinds[start - 1] in _CHROME_KINDS:
        start -= 1
    end = seed + 1
    byline_seen = any(kinds[i] in ("by", "name") for i in range(start, end))
    while end < len(items) and kinds[end] in _CHROME_KINDS:
        if kinds[end] == "name" and items[end].block != items[end - 1].block and (
            byline_seen or not 2 <= len(items[end].line.split()) <= 4
        ):
            break
        byline_seen = byline_seen or kinds[end] in ("by", "name")
        end += 1
    return start, end


def _paragraphs(items: list[_Item]) -> list[str]:
    """Paragraphs of items, blocks kept apart, known chrome-token lines dropped."""
    grouped: dict[int, list[str]] = {}
    for item in items:
        if not is_chrome_line(item.line):
            grouped.setdefault(item.block, []).append(item.line)
    return [p for block in grouped.values() for p in paragraphs_of_block(block)]


def _resembles(a: str, b: str) -> bool:
    words_a, words_b = set(_WORD_RE.findall(a.lower())), set(_WORD_RE.findall(b.lower()))
    common = len(words_a & words_b)
    return common >= 2 and common / min(len(words_a), len(words_b)) >= 0.5


def _is_title_case(line: str) -> bool:
    words = _ALPHA_WORD_RE.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    return len(words) >= 2 and bool(long_words) and all(w[0].isupper() for w in long_words)


def _is_second_headline(line: str, title: str, *, after_chrome: bool) -> bool:
    bare = line.rstrip("\"'”’")
    if bare.endswith((".", ":")) or len(line.split()) > 25:
        return False
    return _resembles(line, title) or (after_chrome and _is_title_case(line))


def _split_tag_line(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines without the trailing tag line, its tags) - tags empty when there is no tag line."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        return lines, []
    tags = parse_tag_line(lines[last])
    if tags is None:
        return lines, []
    return lines[:last], tags


def looks_like_article(text: str) -> bool:
    """True when ``text`` has a chrome block or a trailing tag line (see the module docstring)."""
    lines = normalise_newlines(text).split("\n")
    lines, tags = _split_tag_line(lines)
    if tags:
        return True
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return False
    items = [item for item in _items(lines[first + 1 : first + 200]) if item.block < HEAD_BLOCKS]
    return any(kind in _SEED_KINDS for kind in map(_kind, (item.line for item in items)))


def parse_article(text: str) -> dict[str, Any]:
    """Parse a scraped article into document fields.

    Returns a dict with: ``title`` (str, "" when the text is empty), ``text`` (paragraphs
    separated by blank lines, the standfirst first), ``standfirst``, ``subtitle``, ``author``,
    ``published`` (the raw date text) - each None when absent - and ``tags`` (list of str).
    """
    lines, tags = _split_tag_line(normalise_newlines(text).split("\n"))
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    fields: dict[str, Any] = {"title": "", "text": "", "standfirst": None, "subtitle": None,
                              "author": None, "published": None, "tags": tags}
    if first is None:
        return fields
    title = lines[first].strip()
    items = _items(lines[first + 1 :])
    kinds = [_kind(item.line) for item in items]
    span = _chrome_span(items, kinds)
    lead: list[str] = []
    rest = items
    if span is not None:
        start, end = span
        lead = _paragraphs(items[:start])
        rest = items[end:]
        chrome = list(zip(items[start:end], kinds[start:end]))
        fields["author"] = next((byline_author(i.line) for i, k in chrome if k == "by"), None) or next(
            (i.line for i, k in chrome if k == "name"), None
        )
        fields["published"] = next(
            (m["date"] for i, k in chrome if k == "date" and (m := _DATE_LINE_RE.match(i.line))
             and "updated" not in (m["prefix"] or "").lower()),
            None,
        )
    if rest and (len(rest) == 1 or rest[1].block != rest[0].block) and _is_second_headline(
        rest[0].line, title, after_chrome=span is not None
    ):
        fields["subtitle"] = rest[0].line
        rest = rest[1:]
    if lead:
        fields["standfirst"] = lead[0]
    fields["title"] = title
    fields["text"] = join_paragraphs(lead + _paragraphs(rest))
    return fields
