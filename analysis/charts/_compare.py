"""Small multiples: one panel per outlet, the same measure in each, on a shared scale."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.charts._base import (
    axis_values,
    chart_table,
    count_axis,
    color_keys,
    column_label,
    empty_figure,
    FEW_COLOR,
    hover_lines,
    key_column,
    labels_of,
    MUTED_COLOR,
    number,
    point_label,
    require_choice,
    require_unique,
    resolve_colors,
    safe_text,
    shorten,
    TEXT_COLOR,
    upright_labels_px,
    tick_labels,
    workbench_template,
    wrapped_label,
)
from analysis.errors import InputError

__all__ = ["outlet_comparison"]

#: Characters of a bar's category name shown under it (the whole name is in the hover): "Information
#: Commissioner's Office" whole, not "Information…".
X_LABEL_WIDTH = 34


#: The width in pixels assumed for the panels of :func:`outlet_comparison` together (a report's chart
#: area; a wider page leaves more room, never less), a panel's plot height and the room a panel's title
#: takes; a tick label's character is :data:`analysis.charts._base.TICK_CHAR_PX`.
PANELS_WIDTH_PX = 900
PANEL_PX = 260
PANEL_TITLE_PX = 50
TITLE_CHAR_PX = 8  # a panel title's character (its font is larger than a tick label's)
TITLE_LINE_PX = 19
LABEL_LINE_PX = 16  # a line of a bar's name under its bar
#: The chart width in pixels the bar names under the panels are set for: a narrow page's (a report in
#: half a laptop screen). Level names set for :data:`PANELS_WIDTH_PX` ran into each other there.
LABELS_WIDTH_PX = 600


def panel_width(panels: int, *, width_px: float = PANELS_WIDTH_PX) -> float:
    """The width in pixels of one of ``panels`` panels side by side in ``width_px``."""
    return width_px * (1 - 0.06 * (panels - 1)) / max(panels, 1)


def panel_titles(names: Sequence[str], *, panels: int) -> list[str]:
    """The panels' titles (``names``: outlet names, escaped), each wrapped into at most two lines as wide
    as its panel of ``panels`` side by side in :data:`PANELS_WIDTH_PX` (:func:`wrapped_label`): a long
    name ran into the next panel's title and past the chart's right edge."""
    return [wrapped_label(html.unescape(name), width=int(panel_width(panels) // TITLE_CHAR_PX), max_lines=2)
            for name in names]


def x_labels(labels: Sequence[str], *, panels: int, per_panel: int) -> tuple[list[str], int]:
    """The tick labels of the bar names ``labels`` (escaped, as the x categories) under
    :func:`outlet_comparison`'s ``panels`` side by side with up to ``per_panel`` bars each, and their
    angle, as the frame profile sets its names (:func:`analysis.charts._base.tick_labels` with a bar's
    slot of its panel in a chart :data:`LABELS_WIDTH_PX` wide): level on one line where every name fits
    its slot, level in up to three lines where that holds them, else upright (90). Never left to plotly
    (angle 0 for level names): on a narrow page it slanted level names, which ran under the next names
    and below the room left for them ("English Football Le")."""
    ticks, angle = tick_labels([html.unescape(str(v)) for v in labels],
                               width_px=panel_width(panels, width_px=LABELS_WIDTH_PX), slots=max(per_panel, 1))
    return ticks, 0 if angle is None else angle


def x_labels_upright(labels: Sequence[str], *, panels: int, per_panel: int) -> bool:
    """Whether bar names under :func:`outlet_comparison`'s panels are set upright (tick angle 90,
    :func:`x_labels`): when the names of ``labels`` (plotly markup counted as written) are too long for
    their bar's slot even in three lines, ``panels`` side by side with up to ``per_panel`` bars each in
    :data:`LABELS_WIDTH_PX`. A slanted name (plotly's own 30 degrees) reaches past its panel into the
    next one's names."""
    return x_labels(labels, panels=panels, per_panel=per_panel)[1] == 90


def panel_spacing(upright: Sequence[str], *, rows: int, title_lines: int = 1, label_lines: int = 1) -> dict[str, float]:
    """The figure ``height``, ``vertical_spacing`` (make_subplots' fraction), ``margin_b`` and ``margin_t``
    (pixels) of ``rows`` rows of panels whose x tick labels are ``upright`` (empty: level labels of
    ``label_lines`` lines) and whose titles take up to ``title_lines`` lines: each row :data:`PANEL_PX`
    high, the gap under it the labels' length plus a panel title. One row of level labels, one-line titles:
    ``{"height": 400, "vertical_spacing": 0.0, "margin_b": 60, "margin_t": 70}``."""
    labels_px = (upright_labels_px(max((len(html.unescape(str(v))) for v in upright), default=0)) if upright
                 else 14 + LABEL_LINE_PX * max(label_lines, 1))
    extra = TITLE_LINE_PX * (max(title_lines, 1) - 1)
    gap = labels_px + PANEL_TITLE_PX + extra
    plot = rows * PANEL_PX + (rows - 1) * gap
    bottom = max(60, labels_px + 30)
    top = 70 + extra
    return {"height": max(400, plot + top + bottom), "vertical_spacing": gap / plot if rows > 1 else 0.0,
            "margin_b": bottom, "margin_t": top}


def outlet_comparison(
    table: pd.DataFrame,
    *,
    outlet: str = "outlet",
    x: str = "actor",
    y: str = "mentions",
    color: str | None = "actor_id",
    kind: str = "bar",
    panels_per_row: int = 3,
    shared_y: bool = True,
    colors: Mapping[str, str] | None = None,
    title: str | None = "Outlets compared",
    min_n: int = 0,
) -> go.Figure:
    """One panel per outlet (``make_subplots``), each drawing ``y`` against ``x`` as bars or lines.

    Input: any tidy table with an outlet column, e.g. ``wb.mentions_by(mentions, documents,
    by=("outlet", "actor"))`` (the defaults), an actor tone summary by outlet (``y="mean_polarity"``)
    or frame scores per outlet (``x="frame_id"``, ``color=None``). Columns: ``outlet`` (one panel
    per value, in name order with "others" and then "(no outlet)" last, so that every chart of a report
    lists them alike; NA is "(no outlet)"), ``x`` (categories or times), ``y`` (the
    measure), ``color`` (colour key, e.g. actor_id; when None or absent the ``x`` value is the key).
    A summary with a 95% interval (``ci_low``, ``ci_high``, as ``actor_tone_by`` gives) draws it as
    error bars, and its size (``n_sentences``, ``n_mentions`` or ``documents``) is in the hover.
    ``kind``: "bar" or "line" (one line per colour key per panel). Panels share the y scale unless
    ``shared_y=False``; bars: every panel lists its own x categories (no empty slot for a
    category only other panels have), in one order for all panels (the table's). Colours from
    ``colors`` (key -> colour). ``min_n``: a bar whose size (as above) is below it is drawn grey, with no
    interval, and a line says so (the tone comparison passes 3 sentences, as the tone chart greys its
    actors: a mean of one sentence read as solid as one of fifty); 0: no bar is.
    """
    fn = "outlet_comparison"
    table = chart_table(table, fn, columns={"outlet": outlet, "x": x, "y": y},
                        source="a table with one row per outlet and x value, e.g. "
                               "wb.mentions_by(mentions, documents, by=('outlet', 'actor'))")
    if table.empty:
        return empty_figure("Nothing to compare", title=title, hint="the table has no rows; check the group_by column and the where filter")
    require_choice(kind, ("bar", "line"), name="kind", fn=fn)
    if isinstance(panels_per_row, bool) or not isinstance(panels_per_row, int) or panels_per_row < 1:
        raise InputError(f"{fn}: panels_per_row={panels_per_row!r}; give a whole number >= 1")
    keys = color_keys(table, color, x)
    unique_by = list(dict.fromkeys([outlet, x, key_column(table, color, x)]))
    require_unique(table, unique_by, fn, hint=f"Pass one row per {' and '.join(unique_by)}.")
    panels = labels_of(table[outlet], missing="(no outlet)")
    # panels in name order, "others" and "(no outlet)" last: the same order in every chart of a report,
    # whatever order each table comes in
    order = sorted(dict.fromkeys(panels), key=lambda p: (p in ("others", "(no outlet)"), p == "(no outlet)", p.casefold()))
    xs = labels_of(table[x]) if kind == "bar" else axis_values(table[x])
    hover_x = xs
    if kind == "bar":  # long category names ("two officials familiar with the inquiry") run into the next
        cut = [safe_text(shorten(v, width=X_LABEL_WIDTH)) if isinstance(v, str) else full  # panel: cut (before
               for v, full in zip(table[x], xs)]                                          # escaping), whole in the hover
        if len(set(cut)) == len(set(xs)):
            xs = cut
    ys = pd.to_numeric(table[y], errors="coerce").tolist()
    # a summary with a 95% interval (actor_tone_by: ci_low, ci_high) draws it; its size (n_sentences, ...)
    # is in the hover, so that a bar from one sentence does not read as solid as one from fifty
    interval = kind == "bar" and {"ci_low", "ci_high"} <= set(table.columns)
    lows = pd.to_numeric(table["ci_low"], errors="coerce").fillna(pd.Series(ys, index=table.index)).tolist() if interval else []
    highs = pd.to_numeric(table["ci_high"], errors="coerce").fillna(pd.Series(ys, index=table.index)).tolist() if interval else []
    size = next((c for c in ("n_sentences", "n_mentions", "documents") if c in table.columns and c != y), None)
    sizes = pd.to_numeric(table[size], errors="coerce").tolist() if size else []
    few = [bool(min_n) and bool(size) and not (sizes[i] >= min_n) for i in range(len(table))]
    key_order = list(dict.fromkeys(keys))
    # the legend names a key by its display name: the actor's name for actor ids, else the key column
    if color is None or color not in table.columns:
        label_column = x
    else:
        label_column = "actor" if color == "actor_id" and "actor" in table.columns else color
    key_label: dict[str, str] = {}
    for k, v in zip(keys, table[label_column]):
        key_label.setdefault(k, safe_text(v, missing="(none)"))
    palette = resolve_colors(key_order, colors)
    n_cols = min(panels_per_row, len(order))
    n_rows = math.ceil(len(order) / n_cols)
    from plotly.subplots import make_subplots

    per_panel = max((sum(p == name for p, _ in dict.fromkeys(zip(panels, xs))) for name in order), default=1) \
        if kind == "bar" else 0
    categories = list(dict.fromkeys(xs)) if kind == "bar" else []
    ticks, angle = x_labels(categories, panels=n_cols, per_panel=per_panel) if kind == "bar" else ([], None)
    upright = angle == 90
    titles = panel_titles(order, panels=n_cols)
    space = panel_spacing(categories if upright else [], rows=n_rows,
                          title_lines=max(t.count("<br>") + 1 for t in titles),
                          label_lines=max((t.count("<br>") + 1 for t in ticks), default=1))
    fig = make_subplots(rows=n_rows, cols=n_cols, subplot_titles=titles, shared_yaxes="all" if shared_y else False,
                        horizontal_spacing=0.06, vertical_spacing=space["vertical_spacing"])
    fig.update_layout(template=workbench_template(), height=space["height"], margin_b=space["margin_b"],
                      margin_t=space["margin_t"])
    for annotation, name, shown_as in zip(fig.layout.annotations, order, titles):
        if shown_as.replace("<br>", " ") != name:  # cut: the whole name on hover
            annotation.hovertext = name
    if kind == "bar":  # level (in lines) or upright, never slanted by plotly: a slanted name ran into
        fig.update_xaxes(tickangle=angle)  # the next panel's names and below the chart's bottom
    if title:
        fig.update_layout(title_text=safe_text(title))
    # no legend when it would repeat the x axis (bars of actors coloured by actor)
    legend_shown: set[str] = set(key_order) if label_column == x else set()
    for p, name in enumerate(order):
        row, col = p // n_cols + 1, p % n_cols + 1
        in_panel = [i for i, pn in enumerate(panels) if pn == name]
        for key in key_order:
            rows = [i for i in in_panel if keys.iloc[i] == key]
            if not rows:
                continue
            if kind == "line":
                rows.sort(key=lambda i: xs[i])
            hover = [hover_lines(f"<b>{key_label[key]}</b> · {name}",
                                 f"{point_label(hover_x[i])}: {number(ys[i])} {column_label(y)}",
                                 *([f"95% interval {number(lows[i])} to {number(highs[i])}"] if interval else []),
                                 *([f"n = {number(sizes[i])} {column_label(size)}"] if size else []))
                     for i in rows]
            common = dict(name=key_label[key], legendgroup=key, showlegend=key not in legend_shown,
                          hovertext=hover, hoverinfo="text")
            if kind == "bar":
                error = dict(type="data", symmetric=False, color=TEXT_COLOR, thickness=1, width=3,
                             array=[0.0 if few[i] else max(0.0, highs[i] - ys[i]) for i in rows],
                             arrayminus=[0.0 if few[i] else max(0.0, ys[i] - lows[i]) for i in rows]) \
                    if interval else None
                trace = go.Bar(x=[xs[i] for i in rows], y=[ys[i] for i in rows],
                               marker_color=[FEW_COLOR if few[i] else palette[key] for i in rows]
                               if any(few[i] for i in rows) else palette[key],
                               error_y=error, **common)
            else:
                trace = go.Scatter(x=[xs[i] for i in rows], y=[ys[i] for i in rows], mode="lines+markers",
                                   line=dict(color=palette[key], width=2), marker=dict(color=palette[key]), **common)
            fig.add_trace(trace, row=row, col=col)
            legend_shown.add(key)
    if kind == "bar":
        # one order for all panels, each listing only its own categories: a category of another
        # panel would be an empty slot that reads as a measured zero
        rank = {category: i for i, category in enumerate(categories)}
        tick_of = dict(zip(categories, ticks))
        for p, name in enumerate(order):
            own = sorted({xv for pn, xv in zip(panels, xs) if pn == name}, key=rank.__getitem__)
            shown = [tick_of[c] for c in own]
            fig.update_xaxes(type="category", categoryorder="array", categoryarray=own,
                             **(dict(tickmode="array", tickvals=own, ticktext=shown) if shown != own else {}),
                             row=p // n_cols + 1, col=p % n_cols + 1)
        fig.update_layout(barmode="stack")
    heights = pd.Series(ys, dtype=float).clip(lower=0)
    top = heights.groupby([f"{pn}\x00{xv}" for pn, xv in zip(panels, xs)]).sum().max() if kind == "bar" else heights.max()
    fig.update_yaxes(rangemode="tozero" if kind == "bar" else "normal", **count_axis(table[y], top=top))
    fig.update_yaxes(title_text=column_label(y), col=1)
    fig.update_layout(legend_title_text=column_label(color if color and color in table.columns else x))
    if any(few):
        fig.add_annotation(text=safe_text(f"Grey: fewer than {min_n} {column_label(size)}, too few to compare."),
                           xref="paper", yref="paper", x=1, y=1.0, xanchor="right", yanchor="bottom", yshift=28,
                           showarrow=False, font=dict(size=12, color=MUTED_COLOR))
    return fig
