"""Actor charts: who is in the news, how prominently, with whom, and who gets to speak."""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts._base import (
    DASHES,
    DEFAULT_HEIGHT,
    count_axis,
    PATTERNS,
    SYMBOLS,
    axis_values,
    HIGHLIGHT_COLOR,
    OKABE_ITO,
    bold,
    chart_table,
    color_keys,
    column_label,
    date_axis,
    distinct_names,
    NO_ACTORS_HINT,
    NO_VOICES_HINT,
    NO_DATES_HINT,
    empty_figure,
    first_labels,
    hover_lines,
    key_column,
    labels_of,
    legend_height,
    new_figure,
    number,
    repeats,
    period_label,
    require_choice,
    require_unique,
    resolve_colors,
    safe_text,
    MUTED_COLOR,
    NAME_LABEL_WIDTH,
    shorten,
    shown as shown_value,
    wrap_text,
)
from analysis.errors import InputError, require_columns
from analysis.quotes import top_voices

__all__ = ["mentions_by_group", "prominence_scatter", "voice_bars", "cooccurrence_network",
           "attention_over_time"]

_ROLLUP_HINT = "the table wb.mentions_by(mentions, documents, by=(...)) returns"


# ------------------------------------------------------------------------------ mentions by group


def mentions_by_group(
    rollup: pd.DataFrame,
    *,
    group: str = "group",
    actor: str = "actor",
    actor_id: str = "actor_id",
    value: str = "mentions",
    barmode: str = "stack",
    colors: Mapping[str, str] | None = None,
    title: str | None = "Mentions by group",
    last: str | None = "others",
) -> go.Figure:
    """Actor mentions per group as bars, stacked (``barmode="stack"``) or side by side ("group").

    Input: one row per group and actor, e.g. ``wb.mentions_by(mentions, documents,
    by=("group", "actor"))`` (or by outlet: ``group="outlet"``). Columns: ``group`` (x axis),
    ``actor`` (display name), ``actor_id`` (colour key; the name when absent), ``value`` (bar
    height). One trace per actor, colour from ``colors`` (actor id -> colour). Groups and actors keep
    the table's order; sort the table to change it. The actor keyed ``last`` (default "others", the
    rest row of :func:`analysis.tables.lump_actors`) is drawn last: on top of every stack.
    """
    fn = "mentions_by_group"
    hint = _ROLLUP_HINT.replace("(...)", "('group', 'actor')")
    table = chart_table(rollup, fn, columns={"group": group, "actor": actor, "value": value}, source=hint)
    if table.empty:
        return empty_figure("No actor mentions found", title=title, hint=NO_ACTORS_HINT)
    require_choice(barmode, ("stack", "group"), name="barmode", fn=fn)
    keys = color_keys(table, actor_id, actor)
    require_unique(table, [group, key_column(table, actor_id, actor)], fn,
                   hint=f"Pass one row per group and actor, e.g. {hint}.")
    names = first_labels(table, keys, actor)
    if last is not None and last in names:
        names = {**{k: v for k, v in names.items() if k != last}, last: names[last]}
    palette = resolve_colors(list(names), colors)
    groups = labels_of(table[group])
    again = dict(zip(names, repeats([palette[k] for k in names])))
    fig = new_figure(title)
    for key in names:
        rows = (keys == key).to_numpy()
        xs = [g for g, r in zip(groups, rows) if r]
        ys = table.loc[rows, value].tolist()
        fig.add_trace(go.Bar(
            x=xs, y=ys, name=names[key], legendgroup=key,
            marker=dict(color=palette[key], pattern_shape=PATTERNS[again[key] % len(PATTERNS)]),
            hovertext=[hover_lines(bold(table.loc[rows, actor].iloc[0]), f"{g}: {number(y)} {column_label(value)}")
                       for g, y in zip(xs, ys)],
            hoverinfo="text",
        ))
    order = list(dict.fromkeys(groups))
    heights = pd.to_numeric(table[value], errors="coerce").clip(lower=0)
    top = heights.groupby(groups).sum().max() if barmode == "stack" else heights.max()
    fig.update_layout(
        height=legend_height(len(names)),
        barmode=barmode, legend_title_text="actor",
        xaxis=dict(type="category", categoryorder="array", categoryarray=order, title_text=column_label(group)),
        yaxis=dict(title_text=column_label(value), rangemode="tozero", **count_axis(table[value], top=top)),
    )
    return fig


# ----------------------------------------------------------------------------------- prominence


def _sentence_texts(keys: pd.DataFrame, sentences: pd.DataFrame, fn: str) -> list[object]:
    """The text of sentence (doc_id, sentence_id) for each row of ``keys`` (NA where absent)."""
    require_columns(sentences, ["doc_id", "sentence_id", "text"], fn=fn,
                    fix="pass the table wb.sentences(documents) returns", name="sentences")
    lookup = sentences[["doc_id", "sentence_id", "text"]].copy()
    lookup["doc_id"] = lookup["doc_id"].astype(str)
    lookup["sentence_id"] = pd.to_numeric(lookup["sentence_id"], errors="coerce")
    lookup = lookup.drop_duplicates(["doc_id", "sentence_id"])
    left = pd.DataFrame({"doc_id": keys.iloc[:, 0].astype(str).to_numpy(),
                         "sentence_id": pd.to_numeric(keys.iloc[:, 1], errors="coerce").to_numpy()})
    return left.merge(lookup, on=["doc_id", "sentence_id"], how="left")["text"].tolist()


#: The plot area (pixels, width and height) a prominence scatter's names are placed in: a report's chart
#: beside its legend at the default height (480 px less the template's 130 px of margins).
SCATTER_PLOT_PX = (560.0, 350.0)
#: A scatter marker's radius in pixels (size 12).
SCATTER_MARKER_PX = 6.0
#: The places a scatter point's name may take, on the side it faces (see :func:`label_positions`).
_SCATTER_PLACES = ("top", "bottom", "middle")


def scatter_label_box(x: float, y: float, position: str, *, chars: int) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top, in pixels) a name of ``chars`` characters (7 px each, a line
    16 px high) takes at plotly ``position`` ("top right", "middle left" ...) beside a scatter marker
    (:data:`SCATTER_MARKER_PX`) at (``x``, ``y``) pixels: above or below the marker starting 2 px from
    its centre, or level with it 3 px clear of it. ``scatter_label_box(100, 100, "top right", chars=4)``
    is ``(102, 106, 130, 122)``."""
    w, h, r = chars * LABEL_CHAR_PX, LABEL_LINE_PX, SCATTER_MARKER_PX
    vertical, horizontal = position.split()
    offset = r + 3 if vertical == "middle" else 2
    left = x + offset if horizontal == "right" else x - offset - w
    bottom = y - h / 2 if vertical == "middle" else y + r if vertical == "top" else y - r - h
    return left, bottom, left + w, bottom + h


def label_positions(xs: np.ndarray, ys: np.ndarray, named: np.ndarray, *, lengths: Sequence[int],
                    x_range: Sequence[float] | None = None, y_range: Sequence[float] | None = None,
                    plot_px: Sequence[float] = SCATTER_PLOT_PX) -> list[str | None]:
    """Where each point's name goes, so that names stay inside the chart and apart; None for a named
    point whose name finds no room (the hover and the legend still name it), and "top right" or
    "top left" for the others (no name is written there).

    The named points are placed one by one, most ``ys`` first (ties in table order), as the network's
    names are (each name's box: :func:`scatter_label_box` of its ``lengths`` characters): above the
    point, below it, then level with it, on the side away from the
    nearer edge of the x range (right of a point in its left half, left in its right half), then the
    same on the other side; the first place whose name stays inside the plot (``plot_px`` pixels for
    ``x_range`` and ``y_range``, each the data's range when None) and overlaps no name placed before and
    no other point's marker. Deterministic: the same points give the same places.
    """
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    finite_x, finite_y = xs[np.isfinite(xs)], ys[np.isfinite(ys)]
    x_lo, x_hi = (x_range if x_range is not None else
                  (finite_x.min(), finite_x.max()) if finite_x.size else (0.0, 1.0))
    y_lo, y_hi = (y_range if y_range is not None else
                  (finite_y.min(), finite_y.max()) if finite_y.size else (0.0, 1.0))
    scale = (plot_px[0] / ((x_hi - x_lo) or 1.0), plot_px[1] / ((y_hi - y_lo) or 1.0))
    middle = (x_lo + x_hi) / 2
    ok = np.isfinite(xs) & np.isfinite(ys)
    px, py = (xs - x_lo) * scale[0], (ys - y_lo) * scale[1]
    r = SCATTER_MARKER_PX
    markers = {i: (px[i] - r, py[i] - r, px[i] + r, py[i] + r) for i in np.flatnonzero(ok)}
    out: list[str | None] = ["top right" if not ok[i] or xs[i] <= middle else "top left" for i in range(len(xs))]
    placed: list[tuple[float, float, float, float]] = []
    for i in sorted(np.flatnonzero(np.asarray(named, dtype=bool) & ok), key=lambda i: (-ys[i], i)):
        first = "right" if xs[i] <= middle else "left"
        sides = (first, "left" if first == "right" else "right")
        out[i] = None
        for position in (f"{v} {side}" for side in sides for v in _SCATTER_PLACES):
            box = scatter_label_box(px[i], py[i], position, chars=int(lengths[i]))
            inside = 0 <= box[0] and box[2] <= plot_px[0] and 0 <= box[1] and box[3] <= plot_px[1]
            if inside and not any(_overlap(box, other) for other in placed) and \
                    not any(_overlap(box, markers[j]) for j in markers if j != i):
                placed.append(box)
                out[i] = position
                break
    return out


def prominence_scatter(
    prominence: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    x: str = "first_position",
    y: str = "mentions",
    actor: str = "actor",
    actor_id: str = "actor_id",
    doc_id: str = "doc_id",
    first_sentence: str = "first_sentence",
    labels: int = 5,
    names: Mapping[str, str] | None = None,
    colors: Mapping[str, str] | None = None,
    title: str | None = "Prominence: how early and how often each actor appears",
) -> go.Figure:
    """Each actor's first-mention position (x) against its number of mentions (y), one point per
    document and actor.

    With one actor in several documents (an actor profile) the chart is about the documents: each
    point is labelled with its document's headline (``names``: document id -> headline, as in
    ``kwic_table``; an id not in it is shown as is): the ``labels`` points with the most mentions are
    numbered on the chart and their headlines listed in the legend, documents at the same place are
    one point (a larger marker, numbered "1 (2 articles)") whose legend entry and hover name them all ("… and 1 more"), the
    other points name their headline in the hover, and the default title names the actor.

    Input: ``wb.prominence(mentions, sentences)``: columns ``x`` (default first_position,
    0 = first sentence .. 1 = last), ``y`` (mentions), ``actor``, ``actor_id`` (colour key; the name
    when absent), ``doc_id``, ``first_sentence``. Pass ``sentences=wb.sentences(documents)`` to show
    the first-mention sentence in the hover. ``labels``: how many points get the actor's name written
    beside them, those with the largest ``y`` first (0: none; the hover and legend name them all).
    One trace per actor, colour from ``colors`` (actor id -> colour).
    """
    fn = "prominence_scatter"
    if isinstance(labels, bool) or not isinstance(labels, int) or labels < 0:
        raise InputError(f"{fn}: labels={labels!r}; give how many points to name (0 for none)")
    table = chart_table(prominence, fn, columns={"x": x, "y": y, "actor": actor, "doc_id": doc_id,
                                                 "first_sentence": first_sentence},
                        source="the table wb.prominence(mentions, sentences) returns")
    if table.empty:
        return empty_figure("No actors found", title=title, hint=NO_ACTORS_HINT)
    evidence = (_sentence_texts(table[[doc_id, first_sentence]], sentences, fn) if sentences is not None
                else [None] * len(table))
    keys = color_keys(table, actor_id, actor)
    actor_names = first_labels(table, keys, actor)
    palette = resolve_colors(list(actor_names), colors)
    several_docs = table[doc_id].nunique() > 1
    if len(actor_names) == 1 and several_docs:  # one actor's profile: the points are its documents
        who = str(table[actor].iloc[0])
        return _documents_scatter(
            table, evidence, x=x, y=y, doc_id=doc_id, first_sentence=first_sentence, labels=labels,
            headlines=names, color=palette[next(iter(actor_names))],
            title=f"How early and how often {who} appears in each article"
            if title == "Prominence: how early and how often each actor appears" else title)
    flag_names = [name for col, name in (("in_headline", "in the headline"), ("in_lead", "in the lead"))
                  if col in table.columns]
    flag_values = [table[col].fillna(False).astype(bool).tolist() for col in ("in_headline", "in_lead")
                   if col in table.columns]
    hover = []
    for i, (who, doc, xv, yv, first) in enumerate(zip(table[actor], table[doc_id], table[x], table[y],
                                                     table[first_sentence])):
        flags = ", ".join(name for name, values in zip(flag_names, flag_values) if values[i])
        hover.append(hover_lines(
            bold(who) + (f" · document {safe_text(doc)}" if several_docs else ""),
            f"{column_label(y)}: {number(yv)}",
            f"{column_label(x)}: {number(xv)} (sentence {number(first)})",
            safe_text(flags),
            ("first mention: <i>" + wrap_text(evidence[i]) + "</i>") if isinstance(evidence[i], str) else "",
        ))
    ranked = np.argsort(-pd.to_numeric(table[y], errors="coerce").fillna(-np.inf).to_numpy(), kind="stable")
    named = np.zeros(len(table), dtype=bool)
    named[ranked[:labels]] = True
    again = dict(zip(actor_names, repeats([palette[k] for k in actor_names])))
    xs = _dodged(pd.to_numeric(table[x], errors="coerce").to_numpy(dtype=float),
                 pd.to_numeric(table[y], errors="coerce").to_numpy(dtype=float))
    values = pd.to_numeric(table[x], errors="coerce")
    unit = bool(values.notna().all() and values.between(0, 1).all())  # positions 0..1: a fixed range
    top = pd.to_numeric(table[y], errors="coerce").max()
    height = legend_height(len(actor_names))  # every actor in the legend, no scroll bar
    positions = label_positions(
        xs, pd.to_numeric(table[y], errors="coerce").to_numpy(dtype=float), named,
        lengths=[len(str(who)) for who in table[actor]], x_range=[-0.05, 1.05] if unit else None,
        y_range=[0.0, float(top) * 1.15] if pd.notna(top) and top > 0 else None,
        plot_px=(SCATTER_PLOT_PX[0], (height or DEFAULT_HEIGHT) - (DEFAULT_HEIGHT - SCATTER_PLOT_PX[1])))
    named &= np.array([p is not None for p in positions])  # no room: the hover and legend name it
    fig = new_figure(title, height=height)
    for key in actor_names:
        rows = (keys == key).to_numpy()
        fig.add_trace(go.Scatter(
            x=xs[rows].tolist(), y=table.loc[rows, y].tolist(), name=actor_names[key],
            mode="markers+text" if named[rows].any() else "markers", cliponaxis=False,
            text=[actor_names[key] if n else "" for n in named[rows]],
            textposition=[pos or "top right" for pos, r in zip(positions, rows) if r],
            marker=dict(color=palette[key], size=12, line=dict(width=1, color="white"),
                        symbol=SYMBOLS[again[key] % len(SYMBOLS)]),
            hovertext=[h for h, r in zip(hover, rows) if r], hoverinfo="text", legendgroup=key,
        ))
    xaxis = dict(title_text=column_label(x), zeroline=False)
    if unit:
        xaxis["range"] = [-0.05, 1.05]
    yaxis = dict(title_text=column_label(y), rangemode="tozero", **count_axis(table[y]))
    if pd.notna(top) and top > 0:
        yaxis["range"] = [0, float(top) * 1.15]  # room for the name above the highest point
    fig.update_layout(xaxis=xaxis, yaxis=yaxis, legend_title_text="actor")
    return fig


#: How far apart (in x units: 0 = first sentence, 1 = last) points at one place are drawn side by side.
DODGE = 0.018


def _dodged(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """``xs`` with the points that share a place (x and y) drawn side by side, :data:`DODGE` apart and
    centred on it, in table order: two actors first named in the same sentence as often are both seen
    (the hover gives the true value)."""
    out = xs.astype(float).copy()
    places: dict[tuple, list[int]] = {}
    for i, place in enumerate(zip(np.round(xs, 6), ys)):
        if not (np.isnan(place[0]) or np.isnan(place[1])):
            places.setdefault(place, []).append(i)
    for rows in places.values():
        for k, i in enumerate(rows):
            out[i] += (k - (len(rows) - 1) / 2) * DODGE
    return out


def _documents_scatter(table: pd.DataFrame, evidence: list, *, x: str, y: str, doc_id: str, first_sentence: str,
                       labels: int, headlines: Mapping[str, str] | None, color: str, title: str | None) -> go.Figure:
    """prominence_scatter of one actor over several documents: one point per place; the ``labels``
    places with the most mentions are numbered on the chart ("1 (4 articles)" where several articles share
    the place), their headlines in the legend."""
    def headline(doc: object) -> str:
        name = (headlines or {}).get(doc)
        return name if isinstance(name, str) and name.strip() else str(doc)

    xs = pd.to_numeric(table[x], errors="coerce")
    ys = pd.to_numeric(table[y], errors="coerce")
    places: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(xs.round(6), ys)):
        places.setdefault(key, []).append(i)
    groups = list(places.values())
    py = np.array([ys.iat[g[0]] for g in groups], dtype=float)
    ranked = [int(i) for i in np.argsort(-np.nan_to_num(py, nan=-np.inf), kind="stable")]
    numbered = ranked[:labels]
    fig = new_figure(title)

    def point(g: list[int]) -> tuple[str, str]:
        """(legend name, hover) of the place of rows ``g``."""
        titles = [headline(d) for d in table[doc_id].iloc[g]]
        more = f" and {len(titles) - 1} more" if len(titles) > 1 else ""
        # wrap_text escapes (bold() would escape it again: "&amp;#x27;", a literal "<br>")
        listed = [f"<b>{wrap_text(t)}</b>" for t in titles[:6]] + ([safe_text(f"and {len(titles) - 6} more")]
                                                                   if len(titles) > 6 else [])
        first = evidence[g[0]] if len(g) == 1 else None
        return shorten(titles[0], width=60) + more, hover_lines(
            *listed,
            f"{column_label(y)}: {number(ys.iat[g[0]])}",
            f"{column_label(x)}: {number(xs.iat[g[0]])}" + (
                f" (sentence {number(table[first_sentence].iat[g[0]])})" if len(g) == 1 else ""),
            ("first mention: <i>" + wrap_text(first) + "</i>") if isinstance(first, str) else "")

    def size(g: list[int]) -> int:
        return 12 + 4 * min(len(g) - 1, 3)  # documents at one place: a larger point

    for rank, i in enumerate(numbered, start=1):  # numbered on the chart, the headline in the legend
        g = groups[i]
        name, hover = point(g)
        fig.add_trace(go.Scatter(
            x=[xs.iat[g[0]]], y=[ys.iat[g[0]]], mode="markers+text", cliponaxis=False,
            text=[str(rank) if len(g) == 1 else f"{rank} ({len(g)} articles)"],  # one point, several articles: said
            textposition="top center", name=safe_text(f"{rank}. {name}"), customdata=[len(g)],
            marker=dict(color=color, size=size(g), line=dict(width=1, color="white")),
            hovertext=[hover], hoverinfo="text"))
    rest = [groups[i] for i in ranked[labels:]]
    if rest:
        hovers = [point(g)[1] for g in rest]
        fig.add_trace(go.Scatter(
            x=[xs.iat[g[0]] for g in rest], y=[ys.iat[g[0]] for g in rest], mode="markers", cliponaxis=False,
            name=f"{len(rest)} more place(s): hover for the headline" if numbered else "articles: hover for the headline",
            customdata=[len(g) for g in rest], opacity=0.6,
            marker=dict(color=color, size=[size(g) for g in rest], line=dict(width=1, color="white")),
            hovertext=hovers, hoverinfo="text"))
    xaxis = dict(title_text=column_label(x), zeroline=False)
    if xs.notna().all() and xs.between(0, 1).all():
        xaxis["range"] = [-0.05, 1.05]
    top = ys.max()
    yaxis = dict(title_text=column_label(y), rangemode="tozero", **count_axis(table[y]))
    if pd.notna(top) and top > 0:
        yaxis["range"] = [0, float(top) * 1.15]
    fig.update_layout(xaxis=xaxis, yaxis=yaxis, showlegend=True, legend_title_text="article",
                      legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, xanchor="left"))
    return fig


# ----------------------------------------------------------------------------------------- voice

VOICE_COLORS: dict[str, str] = {
    "mentions": "#A6CEE3",  # a light blue behind the darker quote bars
    "quoted_direct": OKABE_ITO["blue"],
    "quoted_reported": OKABE_ITO["orange"],
    "never quoted": HIGHLIGHT_COLOR,
}


#: Characters per line of the note saying what the unnamed sources' bar of :func:`voice_bars` holds.
UNNAMED_NOTE_WIDTH = 100


#: The height of a line of the note over the voice chart (12 px type), by which its top margin grows.
NOTE_LINE_PX = 16


def voice_bars(
    voice: pd.DataFrame,
    *,
    actor: str = "actor",
    mentions: str = "mentions",
    quoted: Sequence[str] = ("quoted_direct", "quoted_reported"),
    never_quoted: str | None = "never_quoted",
    sources: str | None = "sources",
    top: int | None = None,
    sort: bool = True,
    colors: Mapping[str, str] | None = None,
    title: str | None = "Mentioned and quoted",
) -> go.Figure:
    """Per actor, a wide bar of mentions with a narrow bar of quotes over it; "never quoted" marked.

    Input: the voice table (``wb.voice(...)``): one row per actor, columns ``actor``, ``mentions``
    and the ``quoted`` columns, stacked in that order in the narrow bar (default quoted_direct then
    quoted_reported). Actors flagged in the ``never_quoted`` column (when the table has it; else
    those whose quoted columns are all 0) get a "never quoted" label at the end of their bar (a
    trace of its own, in the legend). Actors run top to bottom by mentions, most first (``sort``;
    else the table's order). ``top`` keeps the ``top`` most mentioned actors **and the ``top`` most
    quoted ones** (so a quoted actor mentioned little still shows, while a corpus of thousands of
    speakers keeps a chart that can be read), and says how many were left out.
    ``colors`` maps the measure columns and "never quoted" to colours. A name longer than
    ``NAME_LABEL_WIDTH`` (40) characters is cut on its axis label, whole in the hover.
    A row with a value in the ``sources`` column (when the table has it) is not an actor but the
    unnamed sources lumped by ``wb.tables.lump_unnamed_sources`` ("officials", "a spokesman"): it is
    drawn last whatever its counts and never cut, its name in italics, and a note over the chart says
    how many quotations it holds and from which sources, as the findings count them apart. The note
    (with the actors left out) sits between the title and the plot: the top margin and the figure's
    height grow by :data:`NOTE_LINE_PX` per line of it.
    """
    fn = "voice_bars"
    table = chart_table(voice, fn, columns={"actor": actor, "mentions": mentions, "quoted": quoted},
                        source="the voice table (wb.voice) with one row per actor")
    if table.empty:
        return empty_figure("No actors found", title=title, hint=NO_VOICES_HINT)
    quoted = [quoted] if isinstance(quoted, str) else list(quoted)
    key = "actor_id" if "actor_id" in table.columns else actor
    table = table.assign(_key=color_keys(table, key, actor).to_numpy())
    require_unique(table.drop(columns=[key]).rename(columns={"_key": key}), [key], fn, hint="Pass one row per actor.")
    left_out = 0
    apart = table[sources].notna().to_numpy() if sources is not None and sources in table.columns else None
    lumped = table.iloc[0:0] if apart is None else table[apart]  # the unnamed sources: drawn last, never cut
    table = table if apart is None else table[~apart]
    if sort:
        table = table.assign(_m=pd.to_numeric(table[mentions], errors="coerce").fillna(0))
        table = table.sort_values("_m", ascending=False, kind="stable")
    left_quoted = 0
    if top is not None and len(table) > top:
        said = sum((pd.to_numeric(table[q], errors="coerce").fillna(0).to_numpy() for q in quoted), np.zeros(len(table)))
        rows = pd.RangeIndex(len(table))  # (by position: the table's order is the ranking by mentions)
        keep = rows.isin(top_voices(rows, quotes=pd.Series(said, index=rows), top=int(top)))
        left_out = int((~keep).sum())
        left_quoted = int((~keep & (said > 0)).sum())
        table = table[keep]
    n_actors = len(table)
    table = pd.concat([table, lumped]) if len(lumped) else table
    palette = {**VOICE_COLORS, **{q: VOICE_COLORS.get(q, c) for q, c in zip(quoted, (OKABE_ITO["blue"],
               OKABE_ITO["orange"], OKABE_ITO["bluish green"], OKABE_ITO["reddish purple"]))}}
    if colors is not None:
        palette.update({k: str(v) for k, v in colors.items()})
    names = distinct_names(table, key, actor)[1]
    counts = pd.to_numeric(table[mentions], errors="coerce").fillna(0).tolist()
    q_values = {q: pd.to_numeric(table[q], errors="coerce").fillna(0).tolist() for q in quoted}
    held = [None] * n_actors + [str(v) for v in lumped[sources]] if len(lumped) else [None] * n_actors
    hover = [hover_lines(f"<b>{name}</b>", *([f"{column_label(mentions)}: {number(m)}"] if held[i] is None
                                             else [f"from: {safe_text(held[i])}"]),  # names: escaped already
                         *[f"{column_label(q)}: {number(q_values[q][i])}" for q in quoted])
             for i, (name, m) in enumerate(zip(names, counts))]
    fig = new_figure(title, height=max(320, 34 * len(table) + 150))
    fig.add_trace(go.Bar(y=names, x=counts, orientation="h", name=column_label(mentions), width=0.8,
                         marker_color=palette[mentions], hovertext=hover, hoverinfo="text"))
    base = np.zeros(len(table))
    for q in quoted:
        values = np.asarray(q_values[q], dtype=float)
        fig.add_trace(go.Bar(y=names, x=values.tolist(), base=base.tolist(), orientation="h", width=0.4,
                             name=column_label(q), marker_color=palette[q], hovertext=hover, hoverinfo="text"))
        base = base + values
    if never_quoted is not None and never_quoted in table.columns:
        flags = table[never_quoted].fillna(False).astype(bool).tolist()
    else:
        flags = [bool(total == 0) for total in base]
    never = [i for i, flag in enumerate(flags) if flag]
    if never:
        fig.add_trace(go.Scatter(
            y=[names[i] for i in never], x=[counts[i] for i in never], mode="text", name="never quoted",
            text=["  never quoted"] * len(never), textposition="middle right",
            textfont=dict(color=palette["never quoted"], size=12), hovertext=[hover[i] for i in never],
            hoverinfo="text",
        ))
    fig.update_layout(
        barmode="overlay",
        # a speaker the text only describes ("unofficial results posted by the Harlan County Clerk's office
        # early Wednesday") would squeeze the bars: its tick is cut, the hover (and the table) give it whole
        yaxis=dict(type="category", categoryorder="array", categoryarray=names, autorange="reversed",
                   title_text="", tickmode="array", tickvals=names,
                   ticktext=[(f"<i>{label}</i>" if held[i] is not None else label) for i, label in enumerate(
                       safe_text(shorten(html.unescape(name), width=NAME_LABEL_WIDTH)) for name in names)]),
        xaxis=dict(title_text="count", rangemode="tozero"),
        # the legend at the foot of the figure, below the axis title, whatever the number of rows
        legend=dict(orientation="h", yref="container", y=0, yanchor="bottom"), margin_b=100,
    )
    # room for the label after the longest bar
    fig.update_xaxes(range=[0, max(counts + [float(base.max())]) * 1.25 or 1],
                     **count_axis(table[mentions], top=max(counts + [float(base.max())])))
    notes = []
    if left_out:
        notes.append(safe_text(
            f"{left_out:,} less mentioned actor(s) never quoted are left out." if not left_quoted else
            f"{left_out:,} less mentioned actor(s) are left out ({left_quoted:,} quoted less often than those shown)."))
    for i in range(n_actors, len(table)):  # what the unnamed sources' bar holds, as the findings say it
        n = int(base[i])
        note = (f"{html.unescape(names[i])}: {n:,} quotation{'s' if n != 1 else ''} from sources the text names "
                f"by a common noun, not actors: {held[i]}.").replace(" (", "\u00a0(")  # "officials (3)" on one line
        notes += [safe_text(line.replace("\u00a0(", " (")) for line in textwrap.wrap(note, width=UNNAMED_NOTE_WIDTH)]
    if notes:
        fig.add_annotation(text="<br>".join(notes), xref="paper", yref="paper", x=1, y=1.02, xanchor="right",
                           yanchor="bottom", showarrow=False, font=dict(size=12, color=MUTED_COLOR),
                           **(dict(align="right") if len(notes) > 1 else {}))
        # the note stands on the plot and grows upward: the top margin (and the figure) grow by its lines, so
        # it stays under the title and the toolbar however many lines it has (rt18 M7: 4 lines ran over both)
        top = fig.layout.margin.t if fig.layout.margin.t is not None else fig.layout.template.layout.margin.t
        grow = NOTE_LINE_PX * len(notes) + NOTE_LINE_PX // 2
        fig.update_layout(margin_t=top + grow, height=fig.layout.height + grow)
    return fig


# --------------------------------------------------------------------------------- co-occurrence


def _circle(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points on the unit circle, the first at the top, then clockwise."""
    angles = math.pi / 2 - 2 * math.pi * np.arange(n) / max(n, 1)
    return np.round(np.cos(angles), 12), np.round(np.sin(angles), 12)


def _force_layout(ids: list[str], edges: list[tuple[str, str, float]], *, iterations: int = 300
                  ) -> dict[str, tuple[float, float]]:
    """A deterministic force-directed layout (Fruchterman & Reingold 1991) scaled into [-1, 1]:
    connected actors pull together (by edge weight), all push apart; starts from the circle."""
    n = len(ids)
    xs, ys = _circle(n)
    pos = np.column_stack([xs, ys]).astype(float)
    index = {node: i for i, node in enumerate(ids)}
    wmax = max((w for *_, w in edges), default=1.0) or 1.0
    weights = np.zeros((n, n))
    for a, b, w in edges:
        weights[index[a], index[b]] = weights[index[b], index[a]] = 0.2 + 0.8 * w / wmax
    k = 3.0 / math.sqrt(max(n, 1))
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.sqrt((delta ** 2).sum(-1)) + 1e-9
        force = (k * k / distance ** 2 - weights * distance / k)[:, :, None] * delta
        np.einsum("iij->ij", force)[:] = 0
        move = force.sum(1)
        length = np.sqrt((move ** 2).sum(1))[:, None] + 1e-9
        pos += move / length * np.minimum(length, temperature)
        pos -= pos.mean(0)  # keep it centred (unconnected groups drift apart otherwise)
        temperature = max(temperature * 0.985, 0.002)
    spread = np.abs(pos).max(axis=0)
    pos /= np.where(spread > 0, spread, 1.0)  # fill the box: x and y each to [-1, 1]
    if n > 2:  # spread a dense core: half the position, half its rank on each axis (order kept)
        ranks = np.argsort(np.argsort(pos, axis=0, kind="stable"), axis=0, kind="stable") / (n - 1) * 2 - 1
        pos = 0.5 * pos + 0.5 * ranks
    return {node: (float(round(pos[i, 0], 6)), float(round(pos[i, 1], 6))) for i, node in enumerate(ids)}


def _components(ids: list[str], edges: list[tuple[str, str, float]]) -> list[list[str]]:
    """The connected groups of ``ids``, largest first (ties: by first id), each in id order."""
    parent = {node: node for node in ids}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b, _ in edges:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for node in ids:
        groups.setdefault(root(node), []).append(node)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


def _packed_layout(ids: list[str], edges: list[tuple[str, str, float]]) -> dict[str, tuple[float, float]]:
    """:func:`_force_layout` of each connected group in a box of its own, the boxes in rows filling
    [-1, 1] (a group's width grows with its number of actors): unconnected groups laid out together
    drift apart and each shrinks into a knot of names."""
    groups = _components(ids, edges)
    if len(groups) == 1:
        return _force_layout(ids, edges)
    n_rows = max(1, round(math.sqrt(len(groups) / 1.35)))  # the plot is about 1.35 times wider than high
    rows: list[list[list[str]]] = [[] for _ in range(n_rows)]
    for group in groups:  # largest first, each to the row holding fewest actors
        min(rows, key=lambda row: (sum(map(len, row)), rows.index(row))).append(group)
    rows = [row for row in rows if row]
    heights = [math.sqrt(max(map(len, row))) for row in rows]
    where: dict[str, tuple[float, float]] = {}
    top = 1.0
    for row, height in zip(rows, heights):
        row_h = 2 * height / sum(heights)
        left = -1.0
        for group in row:
            width = 2 * len(group) / sum(map(len, row))
            inner = set(group)
            local = _force_layout(group, [e for e in edges if e[0] in inner]) if len(group) > 2 else \
                dict(zip(group, [(-1.0, 0.0), (1.0, 0.0)]))
            for node, (x, y) in local.items():  # into the box, 15% of its width kept free on each side for
                where[node] = (round(left + width * (0.5 + 0.35 * x), 6),  # the names, 5% of its height
                               round(top - row_h * (0.5 - 0.45 * y), 6))
            left += width
        top -= row_h
    return where


#: What a pair's count is, by the unit :func:`analysis.cooccurrence` counted it in (``within``).
PAIR_COUNT_LABELS = {"sentence": "sentences with both", "document": "articles with both"}

#: The white halo around a network's names (plotly's text shadow): lines crossing a name pass under it.
LABEL_HALO = "1px 1px 1px white, -1px -1px 1px white, 1px -1px 1px white, -1px 1px 1px white"


def _pairs_of_strongest(table: pd.DataFrame, *, source: str, target: str, n: int) -> pd.DataFrame:
    """The rows of the pairs ``table`` (weights in ``_w``) among its ``n`` actors with the largest summed
    weight (ties: the smaller id first)."""
    a, b = table[source].astype(str), table[target].astype(str)
    strength = pd.concat([pd.Series(table["_w"].to_numpy(), index=a.to_numpy()),
                          pd.Series(table["_w"].to_numpy(), index=b.to_numpy())]).groupby(level=0).sum()
    ranked = sorted(strength.index, key=lambda node: (-float(strength[node]), node))[: max(n, 0)]
    keep = set(ranked)
    return table[(a.isin(keep) & b.isin(keep)).to_numpy(dtype=bool)]


def _label_position(x: float, y: float) -> str:
    if abs(x) < 0.2:
        return "top center" if y > 0 else "bottom center"
    return "middle right" if x > 0 else "middle left"


#: The network's assumed plot area width in pixels (a report's or notebook's chart is wider: names then
#: sit further apart than assumed, never closer), and a name's size: pixels per character and per line.
NETWORK_PLOT_WIDTH = 760
LABEL_CHAR_PX = 7.0
LABEL_LINE_PX = 16.0
_MARGINS_PX = 130  # the template's top and bottom margins


def _network_scale(*, circle: bool, height: int) -> tuple[float, float, float, float]:
    """Pixels per layout unit (x, y) and the half ranges (x, y) of :func:`cooccurrence_network`'s axes,
    for a figure ``height`` pixels high at :data:`NETWORK_PLOT_WIDTH`."""
    plot_h = height - _MARGINS_PX
    if circle:  # x and y to one scale (scaleanchor): the smaller of the two fits
        scale = min(NETWORK_PLOT_WIDTH, plot_h) / 3.2
        return scale, scale, 1.6, 1.6
    return NETWORK_PLOT_WIDTH / 2.6, plot_h / 2.24, 1.3, 1.12


def _label_box(x: float, y: float, position: str, *, chars: int, radius: float,
              scale: tuple[float, float]) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top, in pixels) a name of ``chars`` characters takes at plotly
    ``position`` ("middle right", "top center" ...) next to a marker of ``radius`` pixels at (x, y)."""
    cx, cy = x * scale[0], y * scale[1]
    w, h = chars * LABEL_CHAR_PX, LABEL_LINE_PX
    vertical, horizontal = position.split()
    gap = radius + 2
    if horizontal == "center":
        left = cx - w / 2
    else:
        left = cx + (gap if vertical == "middle" else radius * 0.6) if horizontal == "right" else \
            cx - w - (gap if vertical == "middle" else radius * 0.6)
    if vertical == "middle":
        bottom = cy - h / 2
    else:
        offset = gap if horizontal == "center" else radius * 0.6
        bottom = cy + offset if vertical == "top" else cy - offset - h
    return left, bottom, left + w, bottom + h


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


_POSITIONS = ("middle right", "middle left", "top center", "bottom center", "top right", "top left",
              "bottom right", "bottom left")


def _network_labels(where: dict[str, tuple[float, float]], ranked: list[str], display: dict[str, str],
                    radius: dict[str, float], *, circle: bool, height: int) -> dict[str, str]:
    """The position of each name drawn, for the ids in ``ranked`` (most connected first): the first
    place, from the one pointing away from the centre, where the name overlaps no name already
    placed, no other actor's marker, and stays within the chart; a name with no such place is left
    out (it is on hover)."""
    sx, sy, hx, hy = _network_scale(circle=circle, height=height)
    slack = 40  # pixels a name may reach into the margins (the text is not clipped)
    # a circle's x axis is scaled to its y axis and stretches over the plot's width (at least
    # NETWORK_PLOT_WIDTH): names at its sides have that room, not only the circle's own
    half_x = max(hx * sx, NETWORK_PLOT_WIDTH / 2) if circle else hx * sx
    bounds = (-half_x - slack, -hy * sy - slack / 2, half_x + slack, hy * sy + slack / 2)
    markers = {n: (where[n][0] * sx - radius[n], where[n][1] * sy - radius[n],
                   where[n][0] * sx + radius[n], where[n][1] * sy + radius[n]) for n in where}
    placed: list[tuple[float, float, float, float]] = []
    out: dict[str, str] = {}
    for node in ranked:
        x, y = where[node]
        first = _label_position(x, y)
        for position in (first, *[p for p in _POSITIONS if p != first]):
            box = _label_box(x, y, position, chars=len(html.unescape(display[node])), radius=radius[node], scale=(sx, sy))
            inside = bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]
            if inside and not any(_overlap(box, other) for other in placed) and \
                    not any(_overlap(box, markers[n]) for n in markers if n != node):
                placed.append(box)
                out[node] = position
                break
    return out


def cooccurrence_network(
    pairs: pd.DataFrame,
    *,
    source: str = "actor_a",
    target: str = "actor_b",
    weight: str = "count",
    names: Mapping[str, str] | None = None,
    top: int | None = None,
    min_weight: float | None = None,
    shown: int | None = None,
    within: str | None = None,
    layout: str = "auto",
    labels: int = 30,
    max_width: float = 10.0,
    colors: Mapping[str, str] | None = None,
    title: str | None = "Who appears with whom",
) -> go.Figure:
    """Actor pairs as a network: actors on a circle (sorted by id, first at the top, clockwise),
    one line per pair whose width grows with ``weight`` (the heaviest pair ``max_width`` px).

    Input: ``wb.cooccurrence(mentions)``: columns ``source``/``target`` (actor ids) and ``weight``
    (>= 0; default count). ``names`` maps ids to display names (e.g.
    ``dict(zip(mentions.actor_id, mentions.actor))``); ``top`` keeps the heaviest pairs only.
    Hovering a line's middle shows the pair and its weight. Node colours from ``colors`` (actor id
    -> colour). ``min_weight`` drops pairs below it (say so under the chart). ``layout``: "circle",
    "force" (a force-directed layout: actors that appear together sit together) or "auto" (circle up
    to 12 actors, else force; unconnected groups of actors each in a box of their own, side by side);
    nodes grow with their summed weight and the ``labels`` actors with the largest summed weight are
    named (the rest on hover), so 50 actors stay readable: a name that would run into another name or
    over another actor's dot goes to another side of its dot, or, with no free side, to the hover (a
    line under the chart counts them). ``shown``: draw only the ``shown`` actors with the largest summed
    weight (ties by id) and the pairs among them, and say so under the chart ("12 of 21 actors shown");
    None draws every actor (a near-complete graph of 20 actors is a hairball). ``within``: the unit the
    pairs were counted in, "sentence" or "document" (None: the one ``wb.cooccurrence`` recorded in the
    table's ``attrs``), so that a count reads "articles with both" or "sentences with both". Names
    have a white halo, so that lines do not run through them; a weak link is fainter than a strong
    one. The layout is display only: it says nothing about the actors.
    A single pair is a sentence (a :class:`ChartNote`), not a chart of two dots and a line.
    """
    fn = "cooccurrence_network"
    table = chart_table(pairs, fn, columns={"source": source, "target": target, "weight": weight},
                        source="the table wb.cooccurrence(mentions) returns")
    if table.empty:
        return empty_figure("No two actors appear together", title=title, hint="a network needs at least two actors in one sentence or article")
    w = pd.to_numeric(table[weight], errors="coerce")
    if w.isna().any() or (w < 0).any():
        bad = table.loc[w.isna() | (w < 0)].iloc[0]
        raise InputError(f"{fn}: pair {shown_value(bad[source])}-{shown_value(bad[target])} has weight {shown_value(bad[weight])}; line widths "
                         f"need a number >= 0: use weight='count' or 'jaccard' (pmi can be negative)")
    require_choice(layout, ("auto", "circle", "force"), name="layout", fn=fn)
    within = within if within is not None else pairs.attrs.get("within")
    weight_label = PAIR_COUNT_LABELS.get(within, column_label(weight)) if weight == "count" else column_label(weight)
    table = table.assign(_w=w)
    dropped = 0
    if min_weight is not None:
        dropped = int((table["_w"] < min_weight).sum())
        table = table[table["_w"] >= min_weight]
        if table.empty:
            return empty_figure(f"No pair of actors appears together {number(min_weight)} times or more", title=title,
                                hint="lower min_weight to see weaker links")
    in_all = len({str(v) for v in table[source]} | {str(v) for v in table[target]})
    if shown is not None:
        table = _pairs_of_strongest(table, source=source, target=target, n=int(shown))
    if top is not None:
        table = table.sort_values("_w", ascending=False, kind="stable").head(int(top))
    if len(table) == 1:  # one line between two dots: a sentence says it better than a chart
        only = table.iloc[0]
        both = [str((names or {}).get(str(v), v)) for v in (only[source], only[target])]
        return empty_figure(f"Only one pair of actors appears together: {both[0]} and {both[1]} "
                            f"({weight_label}: {number(only[weight])})", title=title,
                            hint="a network needs two pairs or more")
    ids = sorted({str(v) for v in table[source]} | {str(v) for v in table[target]})
    circle = layout == "circle" or (layout == "auto" and len(ids) <= 12)
    if circle:
        xs, ys = _circle(len(ids))
        where = {node: (float(px), float(py)) for node, px, py in zip(ids, xs, ys)}
    else:
        where = _packed_layout(ids, list(zip(table[source].astype(str), table[target].astype(str),
                                             table["_w"].astype(float))))
    strength = dict.fromkeys(ids, 0.0)
    for a, b, value in zip(table[source].astype(str), table[target].astype(str), table["_w"]):
        strength[a] += float(value)
        strength[b] += float(value)
    smax = max(strength.values()) or 1.0
    display = {node: safe_text((names or {}).get(node, node)) for node in ids}
    height = 560 if len(ids) <= 20 else 720
    sizes = {n: 10 + 14 * strength[n] / smax if len(ids) > 12 else 18 for n in ids}
    wanted = sorted(ids, key=lambda node: (-strength[node], node))[: max(int(labels), 0)]
    # names that would run into each other or over another actor's dot are moved, else left to the hover
    position = _network_labels(where, wanted, display, {n: sizes[n] / 2 for n in ids}, circle=circle, height=height)
    named = set(position)
    palette = resolve_colors(ids, colors)
    wmax = float(table["_w"].max()) or 1.0
    fig = new_figure(title, height=height)
    mid_x, mid_y, mid_hover = [], [], []
    for a, b, value, raw in zip(table[source].astype(str), table[target].astype(str), table["_w"],
                                  table[weight]):
        (ax, ay), (bx, by) = where[a], where[b]
        fig.add_trace(go.Scatter(
            x=[ax, bx], y=[ay, by], mode="lines", showlegend=False, hoverinfo="skip",
            # weak links faint, strong ones dark: in a near-complete graph the strong pairs still stand out
            line=dict(width=max(0.5, max_width * float(value) / wmax),
                      color=f"rgba(110,110,110,{0.2 + 0.5 * float(value) / wmax:.2f})"),
            name=f"{display[a]} – {display[b]}",
        ))
        mid_x.append((ax + bx) / 2)
        mid_y.append((ay + by) / 2)
        mid_hover.append(hover_lines(f"<b>{display[a]}</b> – <b>{display[b]}</b>",
                                     f"{weight_label}: {number(raw)}"))
    fig.add_trace(go.Scatter(x=mid_x, y=mid_y, mode="markers", name="pairs", showlegend=False,
                             marker=dict(size=14, color="rgba(0,0,0,0)"), hovertext=mid_hover, hoverinfo="text"))
    fig.add_trace(go.Scatter(
        x=[where[n][0] for n in ids], y=[where[n][1] for n in ids], mode="markers+text", name="actors",
        text=[display[n] if n in named else "" for n in ids],
        textposition=[position.get(n, _label_position(*where[n])) for n in ids],
        textfont=dict(size=12, shadow=LABEL_HALO), cliponaxis=False, customdata=ids,
        marker=dict(size=[sizes[n] for n in ids],
                    color=[palette[n] for n in ids], line=dict(width=1.5, color="white")),
        hovertext=[hover_lines(f"<b>{display[n]}</b>", f"id: {safe_text(n)}") for n in ids], hoverinfo="text",
        showlegend=False,
    ))
    hidden = dict(visible=False, range=[-1.6, 1.6])
    if circle:
        fig.update_layout(xaxis=hidden, yaxis={**hidden, "scaleanchor": "x", "scaleratio": 1})
    else:  # a force layout fills the width: names are wide, the page is wider than high
        fig.update_layout(xaxis={**hidden, "range": [-1.3, 1.3]}, yaxis={**hidden, "range": [-1.12, 1.12]})
    notes = []
    if len(ids) < in_all:
        notes.append(f"{len(ids)} of {in_all} actors shown, those with the most links (summed {weight_label})")
    if dropped:
        notes.append(f"{dropped} weaker pair(s) (fewer than {number(min_weight)}) left out")
    if len(ids) > len(named):
        crowded = len(wanted) - len(named)
        notes.append(f"{len(named)} of {len(ids)} actors named" + (f" ({crowded} left unnamed where names would overlap)"
                                                                     if crowded else ", the most connected")
                     + "; hover for the rest")
    if notes:
        fig.add_annotation(text=safe_text("; ".join(notes).capitalize() + "."), xref="paper", yref="paper", x=0,
                           y=-0.02, xanchor="left", yanchor="top", showarrow=False, font=dict(size=12, color=MUTED_COLOR))
    return fig


# ----------------------------------------------------------------------------- attention over time


def _later_twins(series: Mapping[str, Sequence[float | None]]) -> dict[str, int]:
    """For each series (in drawing order), how many series drawn after it have exactly the same values:
    the line it is drawn under, and so how much wider it must be to show."""
    seen: dict[tuple, list[str]] = {}
    for key, values in series.items():
        seen.setdefault(tuple(values), []).append(key)
    return {key: len(keys) - 1 - k for keys in seen.values() for k, key in enumerate(keys)}


def attention_over_time(
    rollup: pd.DataFrame,
    *,
    time: str = "day",
    actor: str = "actor",
    actor_id: str = "actor_id",
    value: str = "mentions",
    fill_value: float | None = 0,
    times: Sequence[object] | None = None,
    period: str | None = None,
    colors: Mapping[str, str] | None = None,
    shown: int | None = 6,
    title: str | None = "Attention over time",
) -> go.Figure:
    """Mentions per day (or any time column) per actor, one line per actor.

    Input: one row per time and actor, e.g. ``wb.mentions_by(mentions, documents,
    by=("day", "actor"))``: columns ``time`` (dates, datetimes or ISO strings), ``actor``,
    ``actor_id`` (colour key; the name when absent), ``value``. Rows without a time (undated
    documents) are left out. Times are sorted; an actor without a
    row at a time the table has is drawn at ``fill_value`` (0: no row means no mentions; None leaves
    a gap). ``times``: every time to draw (e.g. each day of the corpus's range, so that a day without
    articles shows as ``fill_value`` instead of a line drawn straight across it). ``period``: "day",
    "week" or "month" when each time is the first day of such a period (``wb.with_period``); the hover
    then says so ("week of 2024-05-06", "May 2024") instead of showing a bare date. Colours from
    ``colors`` (actor id -> colour). ``shown``: how many lines are drawn at first, the actors with the
    most mentions in all (the others are in the legend, a click away: twelve lines are a tangle); None
    draws all. Two actors drawn at first with the same count at every time are not one line hiding the
    other: the one drawn first is wider, showing around the other.
    """
    fn = "attention_over_time"
    hint = _ROLLUP_HINT.replace("(...)", "('day', 'actor')")
    table = chart_table(rollup, fn, columns={"time": time, "actor": actor, "value": value}, source=hint)
    if table.empty:
        return empty_figure("No actor mentions found", title=title, hint=NO_ACTORS_HINT)
    table = table[table[time].notna()]
    if table.empty:
        return empty_figure("No dates in this corpus", title=title, hint=NO_DATES_HINT)
    keys = color_keys(table, actor_id, actor)
    frame = pd.DataFrame({"t": table[time].to_numpy(), "k": keys.to_numpy(),
                          "v": pd.to_numeric(table[value], errors="coerce").to_numpy()})
    require_unique(frame.rename(columns={"t": time, "k": "actor"}), [time, "actor"], fn,
                   hint=f"Pass one row per time and actor, e.g. {hint}.")
    names = first_labels(table, keys, actor)
    palette = resolve_colors(list(names), colors)
    wide = frame.pivot(index="t", columns="k", values="v")
    if times is not None:
        wide = wide.reindex(wide.index.union(pd.Index(list(times), dtype=wide.index.dtype)))
    wide = wide.sort_index()
    if fill_value is not None:
        wide = wide.fillna(fill_value)
    xs = axis_values(wide.index)
    labels = [period_label(t, period) for t in xs]
    again = dict(zip(names, repeats([palette[k] for k in names])))
    totals = wide.sum()
    first = set(sorted(names, key=lambda k: -float(totals.get(k, 0)))[:shown]) if shown is not None else set(names)
    series = {key: [None if pd.isna(v) else float(v) for v in wide[key]] for key in names}
    # only among the lines drawn at first: a wide line in the legend of a hidden actor reads as emphasis
    under = {key: 0 for key in names} | _later_twins({key: v for key, v in series.items() if key in first})
    fig = new_figure(title)
    for key in names:
        ys = series[key]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines+markers", name=names[key], legendgroup=key,
            visible=True if key in first else "legendonly",
            # a line drawn under an identical one is wider, so that both colours show
            line=dict(color=palette[key], width=2 + 3 * under[key], dash=DASHES[again[key] % len(DASHES)]),
            marker=dict(color=palette[key], size=6 + 4 * under[key], symbol=SYMBOLS[again[key] % len(SYMBOLS)]),
            hovertext=[hover_lines(f"<b>{names[key]}</b>", f"{t}: {number(v)} {column_label(value)}")
                       for t, v in zip(labels, ys)],
            hoverinfo="text",
        ))
    fig.update_layout(xaxis=dict(title_text=column_label(time), **date_axis(wide.index)),
                      yaxis=dict(title_text=column_label(value), rangemode="tozero", **count_axis(table[value])),
                      legend_title_text="actor" if len(first) == len(names) else
                      f"actor<br><span style='font-size:11px;color:#555555'>{len(first)} of {len(names)} drawn; "
                      "click a name to draw it</span>", hovermode="closest",
                      height=legend_height(len(names), title_lines=1 if len(first) == len(names) else 2))
    return fig
