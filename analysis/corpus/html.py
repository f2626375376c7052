"""HTML pages to the fields of one document, through trafilatura (offline: it gets the page's
text, never fetches anything).

Fields taken from the page: ``title``; ``author`` (several authors joined by "; ");
``published`` (the page's own publication date, with its time and zone when the page states
them, in any form the loader reads: trafilatura keeps only the day of a date that is not ISO 8601,
such as RFC 2822 ``Sat, 14 Mar 2026 23:30:00 -0500``, so the page's own text of that date is taken
from its ``<meta>`` tags, ``<time datetime>`` or JSON-LD ``datePublished`` when it states a time on
the day trafilatura chose); ``url`` (the canonical URL, else og:url); ``outlet`` (the site name); ``tags`` (the page's
categories then its tags/keywords, split on commas, duplicates removed); ``description`` (the
meta description, kept as an extra metadata column when a page has one: no column of missing values).

Text: trafilatura's main-content extraction, one paragraph per block element; a heading
(``<h2>Why It Matters</h2>``) becomes a heading paragraph ``Why It Matters:`` (a colon added
unless it ends in punctuation) and each list item a paragraph ``• item``. A first heading equal
to the title is dropped (it is the headline).

**HTML in a table's text or title field** (:func:`looks_like_html`, :func:`html_fragment_text`): a
field holding tags such as ``<p>``, ``<br>``, ``<a href=...>`` or a closing tag, or character
entities such as ``&quot;``, is converted to text by the same paragraph rules (block elements are
paragraphs, headings heading paragraphs, list items ``• item``), scripts and styles dropped,
entities decoded. Not trafilatura's main-content extraction: a fragment is all content, and the
extraction drops short ones (``<h1>Strike</h1>`` gives nothing). Two ``<br>`` in a row end a
paragraph, one is a space. A field with entities but no tag only has its entities decoded (its
lines stay as they are). Text with a ``<`` that is not a tag (``x < 5``) is not HTML.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html as html_entities
import re
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.article import byline_author, is_furniture_paragraph, is_wall_line
from analysis.corpus.bytescan import sparse_flatnonzero
from analysis.corpus.dates import TZINFOS
from analysis.corpus.paragraphs import BULLET, join_paragraphs
from analysis.corpus.report import LoadLog

__all__ = ["HTML_MARKUP", "convert_html_fields", "html_fragment_text", "looks_like_html", "parse_html"]

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
#: Days after today (UTC) that a page's date may lie and still be read by trafilatura, whose default
#: latest date is today: a morning story dated in India or Australia is "tomorrow" on a UTC machine the
#: evening before, and a date it rejects gives way to a guess (the 1st of the month).
DATE_DAYS_AHEAD = 7


def _date_params(today: dt.date) -> dict[str, Any]:
    """trafilatura's date settings on ``today``: :data:`_DATE_PARAMS` with ``max_date``
    :data:`DATE_DAYS_AHEAD` days after ``today``."""
    return {**_DATE_PARAMS, "max_date": (today + dt.timedelta(days=DATE_DAYS_AHEAD)).isoformat()}


_JSON_LD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]+)"')
#: Names of date tags that are not the publication date.
_NOT_PUBLISHED = re.compile(r"modif|updat|revis|expir|edit|read", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DAY_ONLY = re.compile(r"^(\d{4}-\d{2}-\d{2})T00:00:00$")


def _page_dates(html: str) -> list[tuple[str, bool]]:
    """The page's own texts of dates, in page order, each with whether it is metadata (read by lxml,
    trafilatura's parser): ``<meta>`` contents whose name holds "date" or "time" (except modification
    dates and reading times) and JSON-LD ``datePublished``/``dateCreated`` are metadata; ``<time
    datetime>`` values are not (a page lists other articles' times too)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:  # (as bytes: a page may declare its encoding, which lxml refuses in a str)
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, etree.ParserError):
        return []
    found: list[tuple[str, bool]] = []
    for element in root.iter("meta", "time", "script"):
        if element.tag == "meta":
            key = element.get("name") or element.get("property") or element.get("itemprop") or ""
            if ("date" in key.lower() or "time" in key.lower()) and not _NOT_PUBLISHED.search(key):
                found.append((element.get("content") or "", True))
        elif element.tag == "time":
            found.append((element.get("datetime") or "", False))
        elif "ld+json" in (element.get("type") or ""):
            found += [(text, True) for text in _JSON_LD_DATE.findall(element.text or "")]
    return [(text.strip(), metadata) for text, metadata in found if text.strip()]


def _stated_dates(html: str) -> list[str]:
    """The page's own texts of dates with a time, in page order (:func:`_page_dates`, metadata or not)."""
    return [text for text, _ in _page_dates(html) if _CLOCK.search(text)]


def _local_day(text: str) -> dt.date | None:
    """The calendar day ``text`` names in its own zone (RFC 2822 first, then any form dateutil reads)."""
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text, tzinfos=TZINFOS).date()
    except (ValueError, OverflowError, TypeError):
        return None


def _published(date: str | None, html: str) -> str | None:
    """The page's publication date: trafilatura's ``date``, with two corrections.

    - A date the page's metadata states (:func:`_page_dates`: ``<meta>`` or JSON-LD, with a year) wins
      over a ``date`` on none of the days the page states, or no ``date``: trafilatura rejects a date
      outside its window (after :data:`DATE_DAYS_AHEAD` days from today, before 1995) and then guesses
      one from the page (the 1st of a month it names), and a guess never replaces a date the page gives.
    - When ``date`` has no time (a date that is not ISO 8601, of which it keeps the day only), the
      page's first stated date with a time on that same day (:func:`_stated_dates`).
    """
    stated = _page_dates(html)
    days = {_local_day(text) for text, _ in stated}
    own = [text for text, metadata in stated if metadata and _YEAR.search(text) and _local_day(text) is not None]
    if own and (not date or _local_day(date) not in days):
        return own[0]
    day = _DAY_ONLY.match(date or "")
    if day is None:
        return date or None
    wanted = dt.date.fromisoformat(day.group(1))
    return next((text for text, _ in stated if _CLOCK.search(text) and _local_day(text) == wanted), date)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _heading(text: str) -> str:
    return text if not text or text[-1] in ".:?!" else text + ":"


def _body_paragraphs(body: Any) -> list[str]:
    """Paragraphs of trafilatura's XML body (elements head, p, list/item, quote, table, ...)."""
    paragraphs: list[str] = []
    for element in body:
        tag = element.tag
        if tag == "list":
            paragraphs.extend(BULLET + _clean(" ".join(item.itertext())) for item in element.findall("item"))
        elif tag == "head":
            paragraphs.append(_heading(_clean(" ".join(element.itertext()))))
        elif tag == "table":
            paragraphs.extend(_clean(" ".join(row.itertext())) for row in element.iter("row"))
        else:
            paragraphs.append(_clean(" ".join(element.itertext())))
    return [p for p in paragraphs if p and p != BULLET.strip()]


def _tags(*groups: list[str] | None) -> list[str]:
    tags = [t.strip() for group in groups for value in (group or []) for t in value.split(",")]
    return list(dict.fromkeys(t for t in tags if t))


#: A tag (opening, closing or empty) or a character entity: what marks a table field as HTML.
HTML_MARKUP = (
    r"(?i)<(?:p|br|hr|a|div|span|b|i|u|em|strong|small|sup|sub|font|img|h[1-6]|ul|ol|li|dl|dt|dd|table|tr|td|th"
    r"|thead|tbody|blockquote|q|cite|figure|figcaption|section|article|header|footer|nav|aside|main|pre|code"
    r"|script|style|noscript|iframe|html|head|body|meta|link|title)(?:\s[^<>]*)?/?>"
    r"|</[a-z][a-z0-9]*\s*>|&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});"
)
_MARKUP_RE = re.compile(HTML_MARKUP)
CONVERTED = "converted from HTML"  # the load report's action
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "figure",
    "figcaption", "pre", "table", "thead", "tbody", "tr", "ul", "ol", "dl", "dt", "dd", "hr", "body", "html",
    "h1", "h2", "h3", "h4", "h5", "h6", "li",
})
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "iframe"})
_HEADING_MARK = "\u2060\u2063"  # (word joiner + invisible separator: a marker no fragment holds in this order)


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds an HTML tag or character entity (:data:`HTML_MARKUP`)."""
    return any(m[0][0] == "<" or html_entities.unescape(m[0]) != m[0]  # (an entity must be a real one)
               for m in _MARKUP_RE.finditer(text))


def html_fragment_text(fragment: str, *, one_line: bool = False) -> str:
    """The text of an HTML fragment (a table's text or title field), paragraphs separated by blank
    lines as :func:`parse_html` gives them; ``one_line``: the words on one line (for a title)."""
    from lxml import etree
    from lxml import html as lxml_html  # (trafilatura's own parser)

    if not any(m[0][0] == "<" for m in _MARKUP_RE.finditer(fragment)):  # entities only: decoded, lines kept
        text = html_entities.unescape(fragment)
        return _clean(text) if one_line else text

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html_entities.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag.lower() in _DROPPED_TAGS:
            if element.getparent() is not None:
                element.drop_tree()  # (keeps the text after it)
            continue
        tag = tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK_TAGS:
            start = BULLET if tag == "li" else _HEADING_MARK if tag[0] == "h" and tag[1:].isdigit() else ""
            element.text = "\n\n" + start + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        elif tag in ("td", "th"):
            element.tail = " " + (element.tail or "")
    text = root.text_content()
    if one_line:
        return _clean(text.replace(_HEADING_MARK, ""))
    paragraphs = []
    for block in re.split(r"\n[ \t\r\f\v]*\n", text):
        paragraph = _clean(block)
        if paragraph.startswith(_HEADING_MARK):
            paragraph = _heading(_clean(paragraph[len(_HEADING_MARK):]))
        if paragraph and paragraph != BULLET.strip():
            paragraphs.append(paragraph)
    return join_paragraphs(paragraphs)


def _markup_candidates(values: pd.Series) -> np.ndarray:
    """True where a value holds a "<" or "&" (where markup may be). An Arrow-backed column is scanned
    as its bytes (the UTF-8 of "<" and "&" is never part of another character), a few times faster
    than a regular expression; other columns by ``str.contains``."""
    chunks = getattr(values.array, "_pa_array", None)
    if not isinstance(chunks, pa.ChunkedArray) or not all(
            pa.types.is_string(c.type) or pa.types.is_large_string(c.type) for c in chunks.chunks):
        return values.str.contains("[<&]", regex=True, na=False).to_numpy(dtype=bool)
    out = np.zeros(len(values), dtype=bool)
    base = 0
    for chunk in chunks.chunks:
        _validity, offsets_buffer, data_buffer = chunk.buffers()
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(offsets_buffer, dtype=width)[chunk.offset:chunk.offset + len(chunk) + 1]
        if len(chunk) and data_buffer is not None and offsets[-1] > offsets[0]:
            data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0]:offsets[-1]]
            hits = sparse_flatnonzero((data == 0x3C) | (data == 0x26)) + offsets[0]
            out[base + np.searchsorted(offsets, hits, side="right") - 1] = True
        base += len(chunk)
    return out & values.notna().to_numpy(dtype=bool)


#: What every match of :data:`HTML_MARKUP` starts with: "<" or "&" then a character that is neither a
#: space nor itself (a tag's name or "/", an entity's "#" or name); RE2's ``\s`` is ASCII only, so this
#: matches wherever the markup pattern does (and more: "AT&T", "a <b").
_MARKUP_START = r"<[^\s<]|&[^\s&]"


def _maybe_markup(values: pd.Series, at: np.ndarray) -> np.ndarray:
    """The positions among ``at`` (ascending) whose value may hold markup: those matching
    :data:`_MARKUP_START`, found by Arrow's regex engine on an Arrow-backed column (the full check,
    :func:`looks_like_html`, is Python's regex and an entity lookup per match); other columns: ``at``."""
    chunks = getattr(values.array, "_pa_array", None)
    if not isinstance(chunks, pa.ChunkedArray) or not len(at):
        return at
    found = pc.match_substring_regex(chunks.take(pa.array(at)), _MARKUP_START)
    return at[pc.fill_null(found, False).to_numpy(zero_copy_only=False)]


def convert_html_fields(frame: pd.DataFrame, log: LoadLog) -> pd.DataFrame:
    """``frame`` (documents rows of a table, with the internal ``__file__`` and ``__row__`` columns)
    with each title and text field that holds HTML markup (:func:`looks_like_html`) converted to text
    (:func:`html_fragment_text`), noted in ``log`` per file and field (action ``converted from HTML``)."""
    for column in ("title", "text"):
        if column not in frame.columns:
            continue
        values = frame[column]
        candidates = _markup_candidates(values)
        if not candidates.any():
            continue
        at = [i for i in _maybe_markup(values, np.flatnonzero(candidates)).tolist() if looks_like_html(values.iat[i])]
        if not at:
            continue
        converted = values.copy()  # (the other values as they are: an Arrow column stays one, not copied to Python)
        converted.iloc[at] = [html_fragment_text(values.iat[i], one_line=column == "title") for i in at]
        frame = frame.assign(**{column: converted})
        files, rows = frame["__file__"].to_numpy(dtype=object)[at], frame["__row__"].to_numpy()[at]
        for label in dict.fromkeys(files):
            mine = [int(r) for r in rows[files == label]]
            shown = ", ".join(map(str, mine[:5])) + (f" and {len(mine) - 5} more" if len(mine) > 5 else "")
            which = f"row {mine[0]}" if len(mine) == 1 else f"{len(mine)} rows (rows {shown})"
            log.note(label, f"the {column} of {which} held HTML markup (tags or entities such as &quot;): "
                     "converted to plain text as .html files are", CONVERTED, row=mine[0] if len(mine) == 1 else None)
    return frame


#: A page whose extracted text is shorter than this is checked for an article of its own: trafilatura's
#: precision mode must find text there, and the page must hold text outside its furniture (see
#: :func:`parse_html`).
FURNITURE_CHECK_WORDS = 100

#: Elements that are page furniture wherever they stand, and the words of a ``class`` or ``id`` (split at
#: spaces, hyphens and underscores) that make an element furniture: consent and cookie banners, menus,
#: sharing and newsletter boxes, related links, headers and footers of the site.
FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "script", "style", "noscript", "iframe",
                  "template", "svg")
FURNITURE_NAMES = frozenset({
    "cookie", "cookies", "consent", "gdpr", "cmp", "banner", "newsletter", "subscribe", "subscription", "share",
    "sharing", "social", "menu", "navbar", "navigation", "nav", "breadcrumb", "breadcrumbs", "promo", "related",
    "footer", "header", "masthead", "advert", "advertisement", "ads", "sidebar", "paywall", "modal", "popup",
    "overlay"})
_NAME_SPLIT = re.compile(r"[\s_-]+")


def _precise_text(html: str, trafilatura: Any) -> bool:
    """Whether trafilatura's precision mode finds any main text in ``html``."""
    doc = trafilatura.bare_extraction(html, favor_precision=True, include_comments=False, include_tables=True)
    return doc is not None and bool((doc.text or "").strip())


_BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
                         "blockquote", "td", "th", "br", "dd", "dt", "figcaption", "pre"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _own_text(html: str) -> bool:
    """Whether the page's body holds any text outside its furniture: :data:`FURNITURE_TAGS` and the
    elements a ``class`` or ``id`` word of :data:`FURNITURE_NAMES` marks ("cookie-banner", "site_footer")
    removed with what they hold, and wall lines (:func:`analysis.corpus.article.is_wall_line`: "Please
    enable JavaScript to read this article", "Subscribe to read") are no text either. Trafilatura falls back to such text on a page with nothing else (a
    consent wall gives "We use cookies. Accept all." or its footer), so a page without text of its own
    has no article whatever the extraction returned."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page: leave the decision to the extraction
        return True
    body = root.find("body")
    if body is None:
        return True
    doomed = [element for element in body.iter() if isinstance(element.tag, str) and (
        element.tag in FURNITURE_TAGS or any(
            word in FURNITURE_NAMES
            for word in _NAME_SPLIT.split(f"{element.get('class', '')} {element.get('id', '')}".lower()) if word))]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # (the text after it, its tail, stays)
    for element in body.iter(*_BLOCK_TAGS):
        element.text, element.tail = "\n" + (element.text or ""), "\n" + (element.tail or "")  # (each block its own lines)
    sentences = (part for line in body.text_content().splitlines() for part in _SENTENCE_END.split(line.strip()))
    return any(part and not is_wall_line(part) for part in sentences)


#: The paragraphs at the start of a page's text searched for a byline and furniture.
HEAD_PARAGRAPHS = 3


def _without_edge_furniture(paragraphs: list[str], *, author: str | None) -> tuple[list[str], str | None]:
    """(``paragraphs`` without the furniture and byline at their edges, the byline's author): among the
    first :data:`HEAD_PARAGRAPHS` paragraphs, furniture (:func:`analysis.corpus.article.is_furniture_paragraph`)
    and a byline (:func:`analysis.corpus.article.byline_author`: "By Lena Marsh, Sunday 27 September
    2026 18:05 BST") are dropped while they lead the text; at the end, furniture ("Share this article:
    Facebook Twitter WhatsApp", "Related: ..."). The byline is dropped only when the page's metadata
    gives no ``author`` or gives the same name (case aside): the metadata's author wins."""
    head: list[str] = []
    byline = None
    kept = list(paragraphs)
    while kept and len(head) < HEAD_PARAGRAPHS:
        name = byline_author(kept[0]) if byline is None else None
        if name is not None and author is not None and name.casefold() != author.casefold():
            break
        if name is None and not is_furniture_paragraph(kept[0]):
            break
        byline = byline or name
        head.append(kept.pop(0))
    while kept and is_furniture_paragraph(kept[-1]):
        kept.pop()
    return kept, byline


def parse_html(html: str) -> dict[str, Any]:
    """Parse one HTML page; returns title, text, author, published, url, outlet, tags, and description
    when the page has one.

    Missing values are None (tags: []); ``text`` is "" when trafilatura finds no main content, and
    when what it finds in a page is short (under :data:`FURNITURE_CHECK_WORDS` words) and either the
    page holds no text outside its furniture (:func:`_own_text`: navigation, headers, footers, and
    elements whose class or id names a cookie banner, menu, share box ...) or trafilatura's precision
    mode (``favor_precision``) finds nothing there: a section page, consent wall or error page whose
    only text is navigation, a cookie banner or a footer. A byline written in the text ("By Lena
    Marsh, Sunday 27 September 2026 18:05 BST") and furniture at the text's edges ("Share this
    article: Facebook Twitter WhatsApp", "Related: ...", a newsletter promotion) are not text: the rules
    of scraped ``.txt`` articles (:func:`_without_edge_furniture`); the byline gives ``author`` when
    the page's metadata gives none.
    """
    import trafilatura  # imported here: heavy, and only needed for HTML input

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_date_params(dt.datetime.now(dt.timezone.utc).date()),
    )
    if doc is None:
        return {"title": "", "text": "", "tags": []}
    title = _clean(doc.title or "")
    paragraphs = _body_paragraphs(doc.body) if doc.body is not None else []
    if paragraphs and sum(len(p.split()) for p in paragraphs) < FURNITURE_CHECK_WORDS \
            and (not _own_text(html) or not _precise_text(html, trafilatura)):
        paragraphs = []
    if paragraphs and title and paragraphs[0].rstrip(":") == title:
        paragraphs = paragraphs[1:]
    paragraphs, byline = _without_edge_furniture(paragraphs, author=doc.author or None)
    return {
        "title": title,
        "text": join_paragraphs(paragraphs),
        "author": doc.author or byline,
        "published": _published(doc.date, html),
        "url": doc.url or None,
        "outlet": doc.sitename or None,
        "tags": _tags(doc.categories, doc.tags),
        **({"description": doc.description} if doc.description else {}),  # (no empty column of pages without one)
    }
