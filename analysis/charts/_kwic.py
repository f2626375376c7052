"""Keyword in context: every occurrence of a term (or every mention) with the words around it."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts._base import (
    HIGHLIGHT_COLOR,
    NO_ACTORS_HINT,
    TEXT_COLOR,
    empty_figure,
    new_figure,
    number,
    safe_text,
    shorten,
)
from analysis.errors import InputError, require_columns, require_table

__all__ = ["kwic_table"]

_SENTENCES_HINT = "the table wb.sentences(documents) returns"
_MENTIONS_FIX = "pass rows of the table wb.mentions(documents) returns"


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


#: Plotly table geometry, measured on rendered reports (headless Chromium, 1300 px window: charts are
#: 1070 px wide): a one-line row is 26 px, each wrapped line adds 20 px; a character of the 12 px font
#: takes about 6.2 px (6.4 here, to err towards room to spare); the title, header and margins 170 px.
_ROW_PX, _LINE_PX, _CHAR_PX, _FRAME_PX = 26, 20, 6.4, 170


def table_height(columns: list[list[str]], *, widths: list[float], width: float = 1060) -> int:
    """The height in pixels a plotly table of ``columns`` (cell texts, column by column) needs to show
    every row without its own scroll bar, at ``width`` pixels wide (1060: a little narrower than a
    report's charts, so rows rather wrap less than estimated than more; in a narrower window the
    table scrolls inside its box for what does not fit). Each row is as tall as its most wrapped
    cell; a cell's lines are its length over the characters its column holds, plus one for words
    that do not fit at a line's end."""
    inner = (width - 40) / sum(widths)  # the table's margins are 20 px a side
    holds = [max(4, int((inner * w - 16) / _CHAR_PX)) for w in widths]  # 8 px of padding a side
    total = _FRAME_PX
    for cells in zip(*columns):
        lines = max(_lines(re.sub(r"<[^>]+>", "", str(text)), n) for text, n in zip(cells, holds))
        total += _ROW_PX + _LINE_PX * (lines - 1)
    return int(total)


def _lines(text: str, holds: int) -> int:
    """How many lines ``text`` wraps to at ``holds`` characters a line, cut at spaces."""
    lines, used = 1, 0
    for word in html.unescape(text).split():
        need = len(word) + (1 if used else 0)
        if used and used + need > holds:
            lines, used = lines + 1, len(word)
        else:
            used += need
        while used > holds:  # a word longer than a line
            lines, used = lines + 1, used - holds
    return lines


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
    (e.g. ``dict(zip(documents.doc_id, documents.title))``; an id not in it is shown as is; cut to
    about 60 characters). The figure is as tall as its rows need (:func:`table_height`), so every row
    shows on the page: no scroll box inside the chart, nothing cut off.
    ``width``: characters of context on each side (cut at a space, marked "…"); ``limit``: at most
    this many rows (the title says how many there were). All text is escaped before the highlight
    tags go in. The table has no categories, so this builder takes no ``colors``.
    """
    fn = "kwic_table"
    require_table(sentences, fn=fn, name="sentences", fix="pass " + _SENTENCES_HINT)
    if mentions is not None:
        require_table(mentions, fn=fn, name="mentions", fix=_MENTIONS_FIX)
    table = sentences
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
                            if term is not None else NO_ACTORS_HINT)
    require_columns(table, ["doc_id", "sentence_id", "text"], fn=fn, fix="pass " + _SENTENCES_HINT, name="sentences")
    rows = _term_rows(table, pattern) if term is not None else _mention_rows(table, mentions, fn)
    if not rows:
        return empty_figure(f"No matches found for '{term}'" if term is not None else "No mentions found",
                            title=title, hint="try another spelling, a shorter term or a regular expression"
                            if term is not None else NO_ACTORS_HINT)
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
        shown = [shorten(_display_name(names, r[0]), width=60) for r in rows]  # 3 lines at most
        columns, header, widths, align = ([[safe_text(d) for d in shown], *columns], ["document", *header],
                                          [3.0 if names else 1.7, *widths], ["left", *align])
    if with_actor:
        columns.append([safe_text(r[2]) for r in rows])
        header.append("actor")
        widths.append(1.4)
        align.append("left")
    columns += [left, match, right]
    header += ["left context", safe_text(term) if term is not None else "mention", "right context"]
    widths += [3.6, 1.6, 3.6]
    align += ["right", "center", "left"]
    height = table_height(columns, widths=widths)
    fig = new_figure(title, height=height)
    fig.update_layout(title_y=1 - 18 / height)  # 18 px from the top: the template's 0.97 of a tall table is inside it
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
    require_columns(mentions, ["doc_id", "sentence_id", "start", "end"], fn=fn, fix=_MENTIONS_FIX, name="mentions")
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
