"""Keyword in context: every occurrence of a term (or every mention) with the words around it."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts._base import (
    HIGHLIGHT_COLOR,
    TEXT_COLOR,
    empty_figure,
    new_figure,
    number,
    require_table,
    safe_text,
)
from analysis.errors import InputError, require_columns

__all__ = ["kwic_table"]

_SENTENCES_HINT = "the table wb.sentences(documents) returns"


def term_pattern(term: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """The regex of a search term: literal, on word edges (no letter or digit directly before or
    after), a trailing ``*`` matching any word ending (as in frame codebooks: ``criticiz*``)."""
    core = term.strip()
    prefix = core.endswith("*")
    core = core.rstrip("*").strip()
    if not core:
        raise InputError(f"kwic_table: term={term!r} is empty; give a word or phrase such as 'Netanyahu' or 'ceasefire*'")
    body = re.escape(core) + (r"[^\W_]*" if prefix else "")
    return re.compile(r"(?<![^\W_])" + body + r"(?![^\W_])", 0 if case_sensitive else re.IGNORECASE)


def _left(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut at a space, with an ellipsis when cut."""
    before = text[:start]
    if len(before) <= width:
        return before.rstrip()
    cut = before[-width:].rstrip()
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < len(cut) - 1 else cut)


def _right(text: str, end: int, width: int) -> str:
    after = text[end:]
    if len(after) <= width:
        return after.lstrip()
    cut = after[:width].lstrip()
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "…"


def kwic_table(
    sentences: pd.DataFrame,
    *,
    term: str | None = None,
    mentions: pd.DataFrame | None = None,
    width: int = 60,
    case_sensitive: bool = False,
    limit: int | None = 500,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Keyword in context as a plotly table: document (when the rows come from more than one),
    sentence, left context, the match (bold, highlighted), right context — one row per occurrence, in
    the sentences table's order.

    Either ``term``: searched in the ``text`` of ``sentences`` (``wb.sentences(documents)``) on word
    edges, case-insensitively unless ``case_sensitive``, a trailing ``*`` matching any ending; or
    ``mentions``: rows of ``wb.mentions(...)`` (filter it to one actor first), whose
    ``start``/``end`` index into their sentence's text (an ``actor`` column, when present and naming
    more than one actor, is shown). ``names`` maps document ids to what the document column shows
    (e.g. ``dict(zip(documents.doc_id, documents.title))``; an id not in it is shown as is).
    ``width``: characters of context on each side (cut at a space, marked "…"); ``limit``: at most
    this many rows (the title says how many there were). All text is escaped before the highlight
    tags go in. The table has no categories, so this builder takes no ``colors``.
    """
    fn = "kwic_table"
    table = require_table(sentences, fn)
    if (term is None) == (mentions is None):
        raise InputError(f"{fn}: pass either term='...' or mentions=<mentions rows>, not "
                         f"{'both' if term is not None else 'neither'}")
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise InputError(f"{fn}: width={width!r}; give a whole number of characters >= 1")
    heading = f"Keyword in context: {term}" if term is not None else "Mentions in context"
    title = heading if title is None else title
    if term is not None:
        pattern = term_pattern(term, case_sensitive=case_sensitive)  # checks the term first
    if table.empty or (mentions is not None and mentions.empty):
        return empty_figure(f"No matches found for '{term}'" if term is not None else "No mentions found",
                            title=title, hint="try another spelling, a shorter term or a regular expression"
                            if term is not None else "the lexicon names no one here")
    require_columns(table, ["doc_id", "sentence_id", "text"], fn=fn, fix="pass " + _SENTENCES_HINT, name="sentences")
    rows = _term_rows(table, pattern) if term is not None else _mention_rows(table, mentions, fn)
    if not rows:
        return empty_figure(f"No matches found for '{term}'" if term is not None else "No mentions found",
                            title=title, hint="try another spelling, a shorter term or a regular expression"
                            if term is not None else "the lexicon names no one here")
    total = len(rows)
    if limit is not None and total > limit:
        rows = rows[:limit]
        title = f"{title} (first {limit:,} of {total:,})"
    with_actor = len({r[2] for r in rows if r[2] is not None}) > 1  # one actor (a profile): its title says who
    left = [safe_text(_left(text, s, width)) for _, _, _, text, s, e in rows]
    # plotly.js wraps table cells at spaces before reading tags, so a tag with an attribute breaks:
    # the match is bold, and its whole column is coloured through cells.font.color
    match = [f"<b>{safe_text(text[s:e])}</b>" for _, _, _, text, s, e in rows]
    right = [safe_text(_right(text, e, width)) for _, _, _, text, s, e in rows]
    columns, header, widths, align = [[number(r[1]) for r in rows]], ["sentence"], [1.2], ["right"]
    if len({r[0] for r in rows}) > 1:  # one document (an article brief): its id would tell a reader nothing
        shown = [_display_name(names, r[0]) for r in rows]
        columns, header, widths, align = ([[safe_text(d) for d in shown], *columns], ["document", *header],
                                          [2.6 if names else 1.7, *widths], ["left", *align])
    if with_actor:
        columns.append([safe_text(r[2]) for r in rows])
        header.append("actor")
        widths.append(1.4)
        align.append("left")
    columns += [left, match, right]
    header += ["left context", safe_text(term) if term is not None else "mention", "right context"]
    widths += [4.0, 1.6, 4.0]
    align += ["right", "center", "left"]
    fig = new_figure(title, height=min(900, 170 + 44 * len(rows)))
    font_colors = [TEXT_COLOR] * len(columns)
    font_colors[-2] = HIGHLIGHT_COLOR
    fig.add_trace(go.Table(
        columnwidth=widths,
        header=dict(values=[f"<b>{h}</b>" for h in header], align=align),
        cells=dict(values=columns, align=align, height=26, font=dict(color=font_colors)),
    ))
    fig.update_layout(margin=dict(l=20, r=20, t=70, b=20))
    return fig


def _display_name(names: Mapping[str, object] | None, key: object) -> object:
    """``names[key]`` when it is non-empty text, else ``key`` (a document without a headline keeps its id)."""
    name = (names or {}).get(key)
    return name if isinstance(name, str) and name.strip() else key


def _term_rows(table: pd.DataFrame, pattern: re.Pattern[str]) -> list[tuple]:
    """(doc_id, sentence_id, None, text, start, end) of every match, in table order."""
    texts = table["text"].astype(object).where(table["text"].notna(), "")
    hits = texts.str.contains(pattern, regex=True)
    out = []
    for doc, sid, text in zip(table.loc[hits, "doc_id"], table.loc[hits, "sentence_id"], texts[hits]):
        out.extend((doc, sid, None, text, m.start(), m.end()) for m in pattern.finditer(text))
    return out


def _mention_rows(table: pd.DataFrame, mentions: pd.DataFrame, fn: str) -> list[tuple]:
    """(doc_id, sentence_id, actor, sentence text, start, end) of every mention, in mentions order."""
    require_table(mentions, fn)
    require_columns(mentions, ["doc_id", "sentence_id", "start", "end"], fn=fn,
                    fix="pass rows of the table wb.mentions(documents) returns", name="mentions")
    lookup = {(str(d), int(s)): t for d, s, t in zip(table["doc_id"], table["sentence_id"], table["text"])}
    actors = mentions["actor"] if "actor" in mentions.columns else [None] * len(mentions)
    out = []
    for k, (doc, sid, start, end, actor) in enumerate(zip(mentions["doc_id"], mentions["sentence_id"],
                                                           mentions["start"], mentions["end"], actors)):
        text = lookup.get((str(doc), int(sid)))
        if not isinstance(text, str):
            raise InputError(f"{fn}: mentions row {k} (doc_id {doc!r}, sentence {sid}) has no sentence in the "
                             "sentences table; pass the sentences the mentions were found in")
        if not 0 <= int(start) <= int(end) <= len(text):
            raise InputError(f"{fn}: mentions row {k} (doc_id {doc!r}, sentence {sid}): start={start}, end={end} "
                             f"do not fall in the sentence's {len(text)} characters; start/end must index into "
                             "the sentence's text, as wb.mentions gives them")
        out.append((doc, sid, actor, text, int(start), int(end)))
    return out
