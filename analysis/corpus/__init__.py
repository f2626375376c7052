"""Corpus loaders: files and folders of news articles -> the documents table.

``load_corpus`` reads scraped-article text, plain text and markdown, HTML pages, and tables
(CSV, TSV, JSON Lines, JSON, Parquet), with sidecar metadata, dates parsed to UTC, stable doc
ids, duplicate flags and a load report (:func:`loader_report`). Parsing functions take strings and do no I/O:
:func:`parse_article`, :func:`parse_text`, :func:`parse_html`, :func:`parse_dates`.

Modules: ``loader`` (load_corpus, folders, formats), ``article``, ``plaintext``, ``html``,
``paragraphs`` (shared line/paragraph rules), ``tables`` (+ ``fields`` for column detection,
``tokenised`` for pre-tokenised text), ``sidecars``, ``dates``, ``decode`` (encodings, line by
line), ``files`` (only regular files are opened), ``duplicates``, ``documents`` (assembly, ids,
dtypes), ``report`` (the load report).
"""

from __future__ import annotations

from analysis.corpus.article import looks_like_article, parse_article
from analysis.corpus.dates import parse_dates
from analysis.corpus.duplicates import flag_duplicates
from analysis.corpus.html import parse_html
from analysis.corpus.loader import EXTENSIONS, FORMATS, load_corpus
from analysis.corpus.plaintext import parse_text
from analysis.corpus.report import CorpusWarning, load_report, loader_report

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "CorpusWarning",
    "flag_duplicates",
    "load_corpus",
    "loader_report",
    "looks_like_article",
    "parse_article",
    "parse_dates",
    "parse_html",
    "parse_text",
]
