"""Media workbench: who is in the news, who gets to speak, in what tone, under which frames.

The public API, re-exported here and kept small. Tables in, tables out::

    import analysis as wb
    docs = wb.load_corpus("seeds")
    sents = wb.sentences(docs)
"""

from __future__ import annotations

from analysis.display import setup_notebook
from analysis.errors import InputError, LexiconError
from analysis.provenance import record_provenance
from analysis.reports import render_report
from analysis.tables import document_card, select_document
from analysis.text import paragraphs, sentences, split_sentences

__all__ = [
    "InputError",
    "LexiconError",
    "setup_notebook",
    "record_provenance",
    "render_report",
    "document_card",
    "select_document",
    "sentences",
    "split_sentences",
    "paragraphs",
]
