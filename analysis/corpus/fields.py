"""Which input column (or sidecar key) fills which documents column.

Auto-detection compares names case-insensitively, spaces and hyphens read as underscores, and a
camelCase name also as its words (``articleBody`` is ``article_body``, ``datePublished``
``date_published``, as schema.org's NewsArticle properties are often exported); the first alias
found, in the order below, wins:

============  =====================================================================
doc_id        doc_id, id, stories_id, story_id, article_id, document_id, docid, guid, uuid
title         title, headline, heading, head
text          text, body, content, article, article_text, full_text, fulltext, story, maintext, story_text,
              article_body, body_text, main_text, article_content, story_body
published     published, date, publish_date, publication_date, pub_date, published_at,
              publishedat, date_published, datetime, pubdate
outlet        outlet, media_name, media, publication, publisher, source_name, site_name,
              sitename, newspaper, source
author        author, authors, byline, creator, writer
url           url, link, canonical_url, article_url, permalink, href
tags          tags, keywords, categories
standfirst    standfirst, lede, dek
subtitle      subtitle, subheadline, subhead
============  =====================================================================

``source`` comes last for ``outlet`` on purpose: in the documents table ``source`` means where a
row was read from ('path, row N'), so an input ``source`` column is taken as the outlet when no
better outlet column exists (as in the narrative-framing TSV). An input column that is not used
and whose name is a documents column (e.g. a ``source`` column next to ``media_name``) is kept
as metadata under the name ``<name>_input``.

An explicit mapping (``columns={"text": "content", "published": "date"}``) wins over detection;
mapping a column to None (``columns={"doc_id": None}``) turns its detection off.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from analysis.errors import InputError
from analysis.schema import DOCUMENT_COLUMNS, OPTIONAL_DOCUMENT_COLUMNS

__all__ = [
    "ALIASES",
    "MAPPABLE",
    "as_strings",
    "canonical_key",
    "clash_name",
    "resolve_columns",
    "tag_list",
    "tag_lists",
]

ALIASES: dict[str, tuple[str, ...]] = {
    "doc_id": (
        "doc_id", "id", "stories_id", "story_id", "article_id", "document_id", "docid", "guid", "uuid",
    ),
    "title": ("title", "headline", "heading", "head"),
    "text": (
        "text", "body", "content", "article", "article_text", "full_text", "fulltext", "story", "maintext",
        "story_text", "article_body", "body_text", "main_text", "article_content", "story_body",
    ),
    "published": (
        "published", "date", "publish_date", "publication_date", "pub_date", "published_at", "publishedat",
        "date_published", "datetime", "pubdate",
    ),
    "outlet": (
        "outlet", "media_name", "media", "publication", "publisher", "source_name", "site_name", "sitename",
        "newspaper", "source",
    ),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "url": ("url", "link", "canonical_url", "article_url", "permalink", "href"),
    "tags": ("tags", "keywords", "categories"),
    "standfirst": ("standfirst", "lede", "dek"),
    "subtitle": ("subtitle", "subheadline", "subhead"),
}

#: The documents columns a mapping may fill.
MAPPABLE: tuple[str, ...] = tuple(ALIASES)
_RESERVED = frozenset(DOCUMENT_COLUMNS) | frozenset(OPTIONAL_DOCUMENT_COLUMNS)
_TAG_SPLIT_RE = re.compile(r"\s*[,;|]\s*")


_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _norm(name: object) -> str:
    return re.sub(r"[\s-]+", "_", str(name).strip().casefold())


def _norms(name: object) -> tuple[str, ...]:
    """The forms a name is compared in: as written (``articlebody``) and, for a camelCase name, as its
    words (``article_body``)."""
    plain = _norm(name)
    camel = _norm(_CAMEL_RE.sub("_", str(name).strip()))
    return (plain,) if camel == plain else (plain, camel)


_ALIAS_OF: dict[str, str] = {}
for _target, _names in ALIASES.items():
    for _name in _names:
        _ALIAS_OF.setdefault(_name, _target)


def canonical_key(name: object) -> str | None:
    """The documents column an input name stands for (``'publish_date'`` -> ``'published'``), else None."""
    return next((_ALIAS_OF[form] for form in _norms(name) if form in _ALIAS_OF), None)


def clash_name(name: str) -> str:
    """The metadata name for an unused input column whose name is a documents column."""
    return f"{name}_input" if name in _RESERVED else name


def resolve_columns(
    found: Iterable[object], columns: Mapping[str, str | None] | None = None
) -> dict[str, object]:
    """Map documents columns to input columns: ``{'text': 'content', 'published': 'date', ...}``.

    ``found`` are the input's column names; ``columns`` the user's explicit mapping. Raises
    :class:`~analysis.errors.InputError` (naming ``found``) for a mapping key that is not a mappable documents column; a mapped input column
    that is missing is returned as given (the caller reports it, naming the file).
    """
    columns = dict(columns or {})
    found = list(found)
    unknown = sorted(set(columns) - set(MAPPABLE))
    if unknown:
        swapped = {v: k for k, v in columns.items() if k in unknown and v in MAPPABLE and (not found or k in found)}
        has = f"; the input's columns are {', '.join(map(str, found))}" if found else ""
        hint = f"; did you mean columns={swapped!r}?" if swapped else ""
        raise InputError(
            f"columns={columns!r}: unknown documents column(s) {unknown}; keys must be among {list(MAPPABLE)}, "
            f"values name the input's columns (columns={{'text': 'body'}} reads the text from a 'body' column)"
            f"{has}{hint}"
        )
    by_norm: dict[str, object] = {}
    for name in found:
        for form in _norms(name):
            by_norm.setdefault(form, name)
    explicit = {v for v in columns.values() if v is not None}
    mapping: dict[str, object] = {k: v for k, v in columns.items() if v is not None}
    for target, names in ALIASES.items():
        if target in columns:
            continue
        for alias in names:
            name = by_norm.get(alias)
            if name is not None and name not in explicit and name not in mapping.values():
                mapping[target] = name
                break
    return mapping


def as_strings(values: pd.Series) -> pd.Series:
    """A column as pandas ``"string"`` dtype; list values (e.g. several authors) joined with "; "."""
    if values.dtype == object and values.isna().all():  # (a column no input had: nothing to convert)
        return pd.Series(pd.NA, index=values.index, dtype="string", name=values.name)
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = values.map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return values.astype("string")


def tag_list(value: object) -> list[str]:
    """One tags value as a list of str: lists kept, JSON arrays parsed, strings split on , ; |."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                parsed = json.loads(stripped)
            except ValueError:
                parsed = None
            if isinstance(parsed, list):
                return tag_list(parsed)
        return [t for t in _TAG_SPLIT_RE.split(stripped) if t]
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple, set)):
        return [str(t).strip() for t in value if t is not None and str(t).strip()]
    return [str(value)]


def tag_lists(values: pd.Series) -> pd.Series:
    """A Series of tag lists (object dtype) from any tags column; missing -> []."""
    missing = values.isna().to_numpy(dtype=bool)
    if missing.all():  # no tags column (most corpora): one fresh empty list per row, no per-value parsing
        return pd.Series([[] for _ in range(len(values))], index=values.index, dtype=object)
    return pd.Series([tag_list(v) for v in values], index=values.index, dtype=object)
