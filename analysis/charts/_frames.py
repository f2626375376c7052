"""Frame charts: the frame profile of documents or outlets, and which actors appear under which frames."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.errors import InputError
from analysis.framing import below_threshold_units
from analysis.charts._base import (
    FADED_OPACITY,
    MUTED_COLOR,
    SEQUENTIAL_SCALE,
    chart_table,
    count_axis,
    column_label,
    empty_figure,
    frame_colors,
    hover_lines,
    new_figure,
    number,
    period_label,
    require_choice,
    require_unique,
    resolve_colors,
    safe_text,
    shorten,
    UPRIGHT_LABEL_WIDTH,
    tick_labels,
    upright_labels_px,
    wrap_text,
)

__all__ = ["frame_profile", "actor_frame_heatmap"]


#: The width in pixels assumed for a frame profile's bars (a report's chart beside its legend): how
#: many characters of a bar's name fit under it (:func:`analysis.charts._base.tick_labels`).
BARS_WIDTH_PX = 640


def bar_labels(names: Sequence[str]) -> tuple[list[str], int | None]:
    """The tick labels under the bars named ``names`` (as written, not escaped) and their angle, the bars
    sharing :data:`BARS_WIDTH_PX` (:func:`analysis.charts._base.tick_labels`): level on one line where
    every name fits its bar's slot, level in up to three lines of the slot's width where that holds
    every name, else upright and cut. Escaped. Slanted names ("The Northern Ledger & Evening Standard
    Online" at 30 degrees) ran across the next bars and out of the chart, and squeezed the plot on a
    narrow page."""
    return tick_labels(names, width_px=BARS_WIDTH_PX)


#: Height in pixels of a bar chart's plot area, title and axis title, without its tick labels (plotly's
#: default chart is 450 px in all, its bottom margin room for level names only).
_PLOT_WITH_TITLES_PX = 420


def _upright_height(names: Sequence[str]) -> int:
    """The height of a bar chart whose bar names ``names`` (as written) are set upright: the plot area as
    in a chart of level names plus the longest name's length (:func:`analysis.charts._base.upright_labels_px`,
    at most :data:`analysis.charts._base.UPRIGHT_LABEL_WIDTH` characters). Eight headlines
    under a 450-px chart left a plot 70 px high (red team rt17 L3). ``_upright_height(["A" * 40])``: 724."""
    return _PLOT_WITH_TITLES_PX + upright_labels_px(min(max((len(name) for name in names), default=0),
                                                         UPRIGHT_LABEL_WIDTH))


#: Values that are shares of a bar's hits (``frames`` and ``frames_by``'s ``share``): a bar of them where
#: no frame is present is drawn as "below threshold", not as shares (:func:`frame_profile`).
SHARE_VALUES = ("share",)


def _hits_of(table: pd.DataFrame, frame_ids: Sequence[str], names: Mapping[str, str] | None) -> str:
    """'Responsibility 1 hit, Conflict 2 hits': the term hits per frame of ``table`` (its ``hits``
    column; "" without one), frames with none left out, escaped."""
    if "hits" not in table.columns:
        return ""
    hits = pd.to_numeric(table["hits"], errors="coerce").fillna(0).groupby(list(frame_ids), sort=False).sum()
    return ", ".join(f"{safe_text((names or {}).get(f, f))} {n:g} hit{'s' if n != 1 else ''}"
                     for f, n in hits.items() if n)


def _ids(values: pd.Series) -> list[str]:
    return ["(none)" if pd.isna(v) else str(v) for v in values]


def frame_profile(
    frames: pd.DataFrame,
    *,
    by: str = "doc_id",
    frame: str = "frame_id",
    value: str = "share",
    names: Mapping[str, str] | None = None,
    bar_names: Mapping[str, str] | None = None,
    period: str | None = None,
    barmode: str = "stack",
    colors: Mapping[str, str] | None = None,
    top: int | None = None,
    title: str | None = "Frame profile",
) -> go.Figure:
    """Each document's (or outlet's) frames as stacked bars: one bar per ``by`` value, one colour
    per frame.

    Input: ``wb.frames(documents)`` at document level (or a table per outlet): one row per
    ``by`` value and frame, columns ``by`` (default doc_id; e.g. "outlet"), ``frame`` (frame id) and
    ``value`` (default share; e.g. hits or hits_per_1000_words). ``names`` maps frame ids to
    display labels; ``bar_names`` maps ``by`` values to the bars' labels (document id -> headline:
    the tick shows it shortened, the hover in full; a value it lacks, or maps to nothing, shows as
    itself, and two bars of one label stay two bars); ``period``: "day", "week" or "month" when each
    ``by`` value is the first day of such a period (``by="period"`` of ``wb.with_period``): bars are
    labelled, and hovered, "week of 2024-05-06" or "May 2024", not by a bare date. Bars and frames keep the table's order (one document's bar is labelled "this
    document", not by its id). ``barmode``: "stack" or "group". A bar whose values are all 0 (no
    frame term in its documents) is not a blank slot: it reads "no frame terms" (a figure
    annotation at its place); when no bar has a term, the chart is one line saying so. A frame with no term in any bar has no legend entry: the legend's
    title names it ("no terms found: ..."); the legend shows even when one frame has terms.
    Colours from ``colors`` (frame id -> colour; default :func:`frame_colors` of the ids). With a
    ``present`` column (the document-level table and ``wb.frames_by`` have one), a bar part whose
    frame is not present (terms found, fewer than the codebook's threshold in every document of the
    bar) is drawn faded and hatched, and says so in
    its hover and under the legend's title: the chart then agrees with the frame counts and findings.
    A bar of shares (``value="share"``) with terms but no frame present is not drawn as shares (one
    stray term would stand as a full bar, "100% responsibility"): it reads "below threshold (N term
    hits)" (N from a ``hits`` column), its frames named under the legend's title ("below threshold
    only: ...") when no other bar draws them; when no bar has a frame present, the chart is one line
    saying so, with each frame's hits. On hit counts (``value="hits"``) such bars are drawn, faded.

    ``top``: draw at most ``top`` bars; never more than :data:`FRAME_PROFILE_MAX_BARS` (40) whatever
    ``top`` is, except bars of periods (``period`` given: a time axis keeps every period), so that a
    corpus of 998 articles is not 998 bars whose names pile into black blocks (red team rux18 H2). The
    bars kept are those with the most frame term hits (the ``hits`` column; without one, the largest
    summed ``value``; ties: the table's order), drawn in the table's order; the legend's title says
    how many of how many are shown ("40 of 998 articles shown, those with the most frame term hits;
    958 left out"). An analyst reading a corpus' frames per article wants the articles that carry
    frames; every article's shares stay in the frames table (``frames_for_table``), and frames by
    outlet or period are ``frames_by`` (the corpus report's "Compared by group" and "Frames").
    """
    fn = "frame_profile"
    table = chart_table(frames, fn, columns={"by": by, "frame": frame, "value": value},
                        source="the document-level table wb.frames(documents) returns")
    if table.empty:
        return empty_figure("No frame found", title=title, hint="no frame's terms reach the codebook's threshold here; try another codebook (-p frames=conflict-news) or your own YAML")
    if not (pd.to_numeric(table[value], errors="coerce").fillna(0) != 0).any():
        return empty_figure("No frame terms in these articles", title=title,
                            hint="none of the codebook's terms occurs in their text; try another codebook "
                                 "(-p frames=conflict-news) or your own YAML")
    require_choice(barmode, ("stack", "group"), name="barmode", fn=fn)
    require_unique(table, [by, frame], fn, hint=f"Pass one row per {by} and frame.")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise InputError(f"{fn}: top={top!r}; give a whole number of bars >= 1, or None")
    table, cut = _most_framed(table, by=by, value=value, top=top, period=period)
    frame_ids = _ids(table[frame])
    order = list(dict.fromkeys(frame_ids))
    palette = resolve_colors(order, colors, default=frame_colors(order))
    bars = [safe_text(v, missing="(none)") for v in table[by]]
    bar_order = list(dict.fromkeys(bars))
    full = {bar: raw for bar, raw in zip(bars, table[by])}  # escaped bar -> its by value
    if period is not None and bar_names is None:
        bar_names = {raw: period_label(raw, period) for raw in full.values()}
    label_of = {bar: (bar_names or {}).get(full[bar]) for bar in bar_order}
    label_of = {bar: bar if label is None or pd.isna(label) or not str(label).strip() else str(label)
                for bar, label in label_of.items()}
    hover_of = {bar: label if label == bar else wrap_text(label) for bar, label in label_of.items()}
    raw = pd.to_numeric(table[value], errors="coerce").tolist()
    below = ([not (pd.notna(p) and bool(p)) for p in table["present"]] if "present" in table.columns
             else [False] * len(table))  # terms found, but fewer than the frame's threshold
    # a bar of shares where no frame reaches its threshold is no bar: one stray term would stand as a full
    # "100% responsibility"; it reads "below threshold" with its hits instead
    # (the rule of the frames table too: analysis.framing.below_threshold_units)
    unframed = ({bar: hits for bar, hits in below_threshold_units(table.assign(**{by: bars}), by=by, value=value)
                 .itertuples(index=False, name=None)} if value in SHARE_VALUES and "present" in table.columns else {})
    values = [None if bars[i] in unframed else v for i, v in enumerate(raw)]
    found = {f for f, v in zip(frame_ids, raw) if v == v and v != 0}
    present = {f for f, v in zip(frame_ids, values) if v is not None and v == v and v != 0}
    absent = [fid for fid in order if fid not in found] if found else []
    below_only = [fid for fid in order if fid in found and fid not in present]
    if unframed and len(unframed) == len(bar_order):
        hits = _hits_of(table, frame_ids, names)
        return empty_figure("No frame reaches its threshold" + (" in this document" if by == "doc_id" and len(bar_order) == 1 else ""),
                            title=title, hint=f"terms found, each below its frame's threshold{': ' + hits if hits else ''}; "
                                              "a frame counts as present from its threshold on (see the codebook)")
    fig = new_figure(title)
    for fid in order:
        if fid in absent or fid in below_only:  # no bar drawn: named under the legend, not an entry with no bar
            continue
        label = safe_text((names or {}).get(fid, fid))
        rows = [i for i, f in enumerate(frame_ids) if f == fid]
        fig.add_trace(go.Bar(
            x=[bars[i] for i in rows], y=[values[i] for i in rows], name=label, marker_color=palette[fid],
            # faded and hatched in white over the frame's own colour (the colour stays readable: a
            # hatch in the colour on white left two faded frames looking alike)
            marker_opacity=[FADED_OPACITY if below[i] else 1.0 for i in rows],
            marker_pattern=dict(shape=["/" if below[i] else "" for i in rows], fillmode="overlay",
                                fgcolor="white", solidity=0.3),
            hovertext=[hover_lines(f"<b>{label}</b>", f"{hover_of[bars[i]]}: {number(values[i])} {column_label(value)}",
                                   *(["below the frame's threshold: not counted as present"] if below[i] else []))
                       for i in rows],
            hoverinfo="text",
        ))
    totals = pd.Series(raw, dtype=float).abs().fillna(0).groupby(bars, sort=False).sum()
    empty = [bar for bar, total in totals.items() if total == 0]
    for bar in empty:  # an honest zero, said in words: an empty slot with a label reads as a rendering fault
        fig.add_annotation(x=bar, y=0, yanchor="bottom", text="no frame terms", showarrow=False,
                           textangle=-90 if len(totals) > 8 else 0, font=dict(size=12, color="#555555"))
    for bar, hits in unframed.items():  # (two lines of about 15 characters: upright where bars are narrow)
        fig.add_annotation(x=bar, y=0, yanchor="bottom", showarrow=False, textangle=-90 if len(totals) > 4 else 0,
                           text=f"below threshold<br>({hits:g} term hit{'s' if hits != 1 else ''})" if hits == hits
                           else "below threshold", font=dict(size=12, color="#555555"))
    one_document = by == "doc_id" and len(set(bars)) == 1  # an article brief: its id tells a reader nothing
    shown = [html.unescape(bar) if label_of[bar] == bar else shorten(label_of[bar], width=48) for bar in bar_order]
    ticks, angle = bar_labels(shown)
    if angle == 90 and not one_document:  # upright names take their length below the plot: the plot keeps its height
        fig.update_layout(height=_upright_height(shown))
    fig.update_layout(
        showlegend=True,  # plotly hides the legend of a single trace: one frame with terms would go unnamed
        barmode=barmode, legend_title_text="frame" + (
            "<br><span style='font-size:11px;color:#555555'>faded, hatched: terms found, below the frame's "
            "threshold</span>" if any(b and v is not None and v == v and v != 0 for b, v in zip(below, values))
            else "") + (
            "<br><span style='font-size:11px;color:#555555'>below threshold only: "
            + ", ".join(safe_text((names or {}).get(fid, fid)) for fid in below_only) + "</span>" if below_only else "")
        + ("<br><span style='font-size:11px;color:#555555'>no terms found: "
            + ", ".join(safe_text((names or {}).get(fid, fid)) for fid in absent) + "</span>" if absent else "")
        + ("<br><span style='font-size:11px;color:#555555'>" + "<br>".join(safe_text(line) for line in textwrap.wrap(
            f"{len(bar_order):,} of {cut:,} {'articles' if by == 'doc_id' else column_label(by) + ' values'} shown, "
            f"those with the most frame term hits; {cut - len(bar_order):,} left out", width=38)) + "</span>"
           if cut else ""),
        xaxis=dict(type="category", categoryorder="array", categoryarray=bar_order,
                   title_text="this document" if one_document else "article" if bar_names and by == "doc_id"
                   else column_label(by), showticklabels=not one_document,
                   **(dict(tickmode="array", tickvals=bar_order, ticktext=ticks) if ticks != bar_order else {}),
                   **(dict(tickangle=angle) if angle is not None else {})),
        yaxis=dict(title_text=column_label(value), rangemode="tozero", **count_axis(
            table[value], top=pd.Series(values, dtype=float).clip(lower=0).groupby(bars).sum().max()
            if barmode == "stack" else None)),
    )
    return fig


#: The most bars :func:`frame_profile` draws (but bars of periods), whatever its ``top``: 40 names still
#: stand upright under a report's 640 px of bars; 998 articles drew black blocks of names.
FRAME_PROFILE_MAX_BARS = 40


def _most_framed(table: pd.DataFrame, *, by: str, value: str, top: int | None,
                 period: str | None) -> tuple[pd.DataFrame, int]:
    """The rows of ``table`` whose ``by`` value is among the ``top`` (at most
    :data:`FRAME_PROFILE_MAX_BARS`; no cap for periods) with the most term hits (``hits``; else the
    summed absolute ``value``; ties: the table's order), in the table's order, and the number of bars
    there were when some were cut (0: none cut)."""
    limit = top if period is not None else min(top, FRAME_PROFILE_MAX_BARS) if top is not None else FRAME_PROFILE_MAX_BARS
    keys = pd.Series(_ids(table[by]), index=table.index)
    bars = list(dict.fromkeys(keys))
    if limit is None or len(bars) <= limit:
        return table, 0
    weight = pd.to_numeric(table["hits" if "hits" in table.columns else value], errors="coerce").abs().fillna(0)
    totals = weight.groupby(keys, sort=False).sum().reindex(bars)
    kept = set(totals.sort_values(ascending=False, kind="stable").index[:limit])
    return table[keys.isin(kept).to_numpy()], len(bars)


def actor_frame_heatmap(
    actor_frames: pd.DataFrame,
    *,
    actor_id: str = "actor_id",
    actor: str = "actor",
    frame: str = "frame_id",
    value: str = "sentences",
    names: Mapping[str, str] | None = None,
    fill_value: float | None = 0,
    order: Sequence[str] | None = None,
    top: int | None = None,
    title: str | None = "Actors and frames",
) -> go.Figure:
    """Actors (rows) by frames (columns), the cell shade and number giving ``value``.

    Input: ``wb.actor_frames(mentions, frames)``: one row per actor and frame, columns
    ``actor_id`` (row key), ``frame`` (frame id), ``value`` (default sentences; e.g. hits or share)
    and, when present, ``actor`` (the row's display name). ``names`` maps actor and frame ids to
    display labels (e.g. the codebook's labels); it wins over the ``actor`` column. A pair with no
    row is drawn as ``fill_value`` (0: no row means no sentences; None leaves the cell blank).
    Actors and frames keep the table's order. The colour scale is the template's sequential one
    (single hue); there are no categories, so this builder takes no ``colors``.

    ``order``: actor ids, the most mentioned first (a report passes ``list(colors)``, the keys of
    ``wb.tables.report_colors(mentions)``: its ranking by mentions, the order of its other actor charts): rows follow it,
    the table's actors it lacks after them in the table's order. ``top``: draw the first ``top`` actors
    of that order; never more than :data:`HEATMAP_MAX_ACTORS` (40) whatever ``top`` is, so that no call
    draws a chart of thousands of rows (a corpus of 2,976 entities drew one 89,460 px tall, red team
    rux18 H1). Without ``order``, a cut keeps the actors with the largest total ``value`` (ties: the
    table's order), drawn in the table's order. When actors are cut, a note under the chart says how
    many are shown of how many ("12 of 2,976 actors shown, the most mentioned; 2,964 left out").
    """
    fn = "actor_frame_heatmap"
    table = chart_table(actor_frames, fn, columns={"actor_id": actor_id, "frame": frame, "value": value},
                        source="the table wb.actor_frames(mentions, frames) returns")
    if table.empty:
        return empty_figure("No actor appears in a framed sentence", title=title, hint="actors and frame terms never share a sentence here")
    require_unique(table, [actor_id, frame], fn, hint="Pass one row per actor and frame.")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise InputError(f"{fn}: top={top!r}; give a whole number of actors >= 1, or None")
    long = pd.DataFrame({"a": _ids(table[actor_id]), "f": _ids(table[frame]),
                         "v": pd.to_numeric(table[value], errors="coerce").to_numpy()})
    actors, frame_ids = list(dict.fromkeys(long["a"])), list(dict.fromkeys(long["f"]))
    shown_name = dict(zip(long["a"], table[actor])) if actor in table.columns else {}
    actors, in_all = _heatmap_rows(long, actors, order=order, top=top), len(actors)
    long = long[long["a"].isin(actors)]
    wide = long.pivot(index="a", columns="f", values="v").reindex(index=actors, columns=frame_ids)
    if fill_value is not None:
        wide = wide.fillna(fill_value)
    label = {k: safe_text((names or {}).get(k, shown_name.get(k, k)), missing=k) for k in [*actors, *frame_ids]}
    rows, cols = [label[a] for a in actors], [label[f] for f in frame_ids]
    z = [[None if pd.isna(v) else float(v) for v in wide.loc[a]] for a in actors]
    text = [[number(v) if v is not None else "" for v in row] for row in z]
    hover = [[hover_lines(f"<b>{rows[i]}</b> · {cols[j]}", f"{column_label(value)}: {text[i][j] or 'no row'}")
              for j in range(len(cols))] for i in range(len(rows))]
    fig = new_figure(title, height=max(320, 30 * len(actors) + 180))
    shown = [v for row in z for v in row if v is not None]
    # counts and shares start the scale at 0 (one cell of 1 is not "the middle of 0.5 to 1.5")
    low, high = (0.0, max(max(shown), 1e-9)) if shown and min(shown) >= 0 else (None, None)
    fig.add_trace(go.Heatmap(
        z=z, x=cols, y=rows, text=text, texttemplate="%{text}", hovertext=hover, hoverinfo="text", zmin=low,
        zmax=high, colorscale=SEQUENTIAL_SCALE, xgap=2, ygap=2,
        colorbar=dict(title=dict(text=column_label(value))),
    ))
    fig.update_layout(
        # no axis title: the column labels are the frames, and a title on top sat on the chart's title
        xaxis=dict(type="category", title_text="", side="top", showgrid=False),
        yaxis=dict(type="category", autorange="reversed", title_text="", showgrid=False),
        margin_t=120,  # the frame names sit on top, under the title
    )
    if len(actors) < in_all:  # under the plot (the frame names are on top): how many rows were cut, and which kept
        kept = "the most mentioned" if order is not None else f"those with the most {column_label(value)}"
        fig.add_annotation(text=safe_text(f"{len(actors):,} of {in_all:,} actors shown, {kept}; "
                                          f"{in_all - len(actors):,} left out."),
                           xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top", yshift=-8,
                           showarrow=False, font=dict(size=12, color=MUTED_COLOR))
    return fig


#: The most actors (rows) :func:`actor_frame_heatmap` draws, whatever its ``top``: 40 rows make a chart
#: about 1,400 px tall, still read at a glance; a corpus of thousands of entities drew 89,460 px.
HEATMAP_MAX_ACTORS = 40


def _heatmap_rows(long: pd.DataFrame, actors: list[str], *, order: Sequence[str] | None,
                  top: int | None) -> list[str]:
    """The actor keys a heatmap draws, in drawing order: ``actors`` (the table's order) ranked by
    ``order`` (those it lacks after, in the table's order) and cut to ``top``, at most
    :data:`HEATMAP_MAX_ACTORS`; without ``order`` a cut keeps the largest totals of ``long["v"]`` (stable),
    drawn in the table's order."""
    limit = min(top, HEATMAP_MAX_ACTORS) if top is not None else HEATMAP_MAX_ACTORS
    if order is not None:
        known = set(actors)
        ranked = [a for a in dict.fromkeys(_ids(pd.Series(list(order), dtype=object))) if a in known]
        placed = set(ranked)
        return (ranked + [a for a in actors if a not in placed])[:limit]
    if len(actors) <= limit:
        return actors
    totals = long.groupby("a", sort=False)["v"].sum().reindex(actors).fillna(0)
    kept = set(totals.sort_values(ascending=False, kind="stable").index[:limit])
    return [a for a in actors if a in kept]
