"""HTML pages to the fields of one document, through trafilatura (offline: it gets the page's
text, never fetches anything).

Fields taken from the page: ``title``; ``author`` (several authors joined by "; ");
``published`` (the page's own publication date, with its time and zone when the page states
them); ``url`` (the canonical URL, else og:url); ``outlet`` (the site name); ``tags`` (the page's
categories then its tags/keywords, split on commas, duplicates removed); ``description`` (the
meta description, kept as an extra metadata column when present).

Text: trafilatura's main-content extraction, one paragraph per block element; a heading
(``<h2>Why It Matters</h2>``) becomes a heading paragraph ``Why It Matters:`` (a colon added
unless it ends in punctuation) and each list item a paragraph ``• item``. A first heading equal
to the title is dropped (it is the headline).
"""

from __future__ import annotations

from typing import Any

from analysis.corpus.paragraphs import BULLET, join_paragraphs

__all__ = ["parse_html"]

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


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


def parse_html(html: str) -> dict[str, Any]:
    """Parse one HTML page; returns title, text, author, published, url, outlet, tags, description.

    Missing values are None (tags: []); ``text`` is "" when trafilatura finds no main content.
    """
    import trafilatura  # imported here: heavy, and only needed for HTML input

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return {"title": "", "text": "", "tags": []}
    title = _clean(doc.title or "")
    paragraphs = _body_paragraphs(doc.body) if doc.body is not None else []
    if paragraphs and title and paragraphs[0].rstrip(":") == title:
        paragraphs = paragraphs[1:]
    return {
        "title": title,
        "text": join_paragraphs(paragraphs),
        "author": doc.author or None,
        "published": doc.date or None,
        "url": doc.url or None,
        "outlet": doc.sitename or None,
        "tags": _tags(doc.categories, doc.tags),
        "description": doc.description or None,
    }
