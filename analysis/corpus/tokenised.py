"""Pre-tokenised text: detected, and replaced by an untokenised column where the table has one.

Some research corpora store text as tokens joined by spaces, punctuation split off
(``Quetta , Mr. Rahami visited Karachi , Pakistan .``). Sentence splitting, quote detection and
tone all read such text worse. Rules (documented in the README):

* A text *looks pre-tokenised* when at least two commas or full stops stand alone, with a space
  before them (``Karachi , Pakistan .``), and such stand-alone marks outnumber the marks attached
  to a word (``Mr.``). Only commas and full stops count: French typography puts a space before
  ``; : ! ?`` but never before them.
* A column looks pre-tokenised when at least half of its first 200 non-empty values do.
* When the detected text column looks pre-tokenised and the table has an *untokenised
  alternative* - a column whose name is a text column name plus ``original``, ``raw``,
  ``untokenized``/``untokenised`` or ``detokenized``/``detokenised`` (``content_original``,
  ``raw_text``, ``text_untokenized``, ...) that does not look pre-tokenised itself - that column
  is used instead (noted in the load report). Otherwise a warning says the text looks
  pre-tokenised. An explicit ``columns={"text": ...}`` is always obeyed.
* Text, markdown and HTML files whose text looks pre-tokenised are loaded as they are, each
  listed in the load report, with one warning giving their number.
"""

from __future__ import annotations

import re
from itertools import islice

import pandas as pd

from analysis.corpus.fields import ALIASES
from analysis.corpus.report import REPORT_PLACE, LoadLog

__all__ = ["alternative_columns", "looks_pretokenised", "note_pretokenised_files", "prefer_untokenised"]

_SPACED = re.compile(r"(?<=\S) [,.](?=\s|$)")
_ATTACHED = re.compile(r"\w[,.](?=\s|$)")
_AFFIXES = frozenset({"original", "orig", "raw", "untokenized", "untokenised", "detokenized", "detokenised"})
_SAMPLE = 200


def _tokenised(text: str) -> bool:
    if text.count(" ,") + text.count(" .") < 2:  # fewer than two stand-alone marks (a quick upper bound)
        return False
    spaced = len(_SPACED.findall(text))
    return spaced >= 2 and spaced > len(_ATTACHED.findall(text))


def looks_pretokenised(values: pd.Series) -> bool:
    """True when at least half of the first 200 non-empty string values look pre-tokenised."""
    sample = list(islice((v for v in values.head(_SAMPLE * 5) if isinstance(v, str) and v.strip()), _SAMPLE))
    return bool(sample) and 2 * sum(map(_tokenised, sample)) >= len(sample)


def alternative_columns(found: list[str], column: str) -> list[str]:
    """Columns other than ``column`` named like an untokenised text column (``content_original``)."""
    out = []
    for name in found:
        parts = re.split(r"[\s_-]+", name.strip().casefold())
        if name == column or not _AFFIXES & set(parts):
            continue
        if "_".join(p for p in parts if p not in _AFFIXES) in ALIASES["text"]:
            out.append(name)
    return out


def prefer_untokenised(table: pd.DataFrame, found: list[str], column: object, label: str, log: LoadLog) -> object:
    """The text column to use: ``column``, or an untokenised alternative when ``column`` looks pre-tokenised."""
    if column not in table or not looks_pretokenised(table[column]):
        return column
    for other in alternative_columns(found, str(column)):
        if not looks_pretokenised(table[other]) and table[other].notna().any():
            log.note(label, f"text column {column!r} looks pre-tokenised (spaces before commas and full stops); "
                     f"used the untokenised column {other!r} instead", "used untokenised column")
            return other
    log.warn_later(
        f"{label}: text column {column!r} looks pre-tokenised (tokens joined by spaces, as in "
        "'Karachi , Pakistan .'), and the table has no untokenised alternative (such as "
        f"'{column}_original'); sentence splitting, quotes and tone read such text less well. "
        "Detokenise the text, or pass columns={'text': '<column>'} naming an untokenised column."
    )
    log.note(label, f"text column {column!r} looks pre-tokenised (spaces before commas and full stops)",
             "loaded as it is")
    return column


def note_pretokenised_files(records: list[dict], log: LoadLog) -> None:
    """Report text/markdown/HTML documents (records with ``text`` and ``__file__``) that look pre-tokenised."""
    files = [r["__file__"] for r in records if isinstance(r.get("text"), str) and _tokenised(r["text"])]
    for file in files:
        log.note(file, "text looks pre-tokenised (spaces before commas and full stops)", "loaded as it is")
    if files:
        log.warn_later(
            f"{len(files)} file(s) hold text that looks pre-tokenised (tokens joined by spaces, as in "
            f"'Karachi , Pakistan .'), e.g. {files[0]}; sentence splitting, quotes and tone read such text "
            f"less well. Detokenise the text; the files are listed in {REPORT_PLACE}."
        )
