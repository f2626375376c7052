"""What every chart builder shares: the template, the colours, safe text, input checks, empty figures.

Nothing here changes plotly's global state: the template is built on request and applied to each
figure explicitly (``fig.update_layout(template=workbench_template())``).
"""

from __future__ import annotations

import html
import math
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.errors import ChartTableError, InputError, require_columns, require_table

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "FRAME_PALETTE",
    "SIGN_COLORS",
    "FONT_FAMILY",
    "workbench_template",
    "actor_colors",
    "frame_colors",
    "safe_text",
    "OTHERS_COLOR",
    "DAY_FORMAT",
    "ChartNote",
]

#: The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours that stay
#: distinguishable under the common colour-vision deficiencies.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish green": "#009E73",
    "reddish purple": "#CC79A7",
    "sky blue": "#56B4E9",
    "vermillion": "#D55E00",
    "yellow": "#F0E442",
    "black": "#000000",
}

#: Categorical colours in the order they are handed out. Every one stands out from a white page by a
#: contrast ratio of 3:1 or more (WCAG 2.1, 1.4.11, for lines and marks), which Okabe–Ito's orange (2.2),
#: sky blue (2.3) and yellow (1.3) do not: the Okabe–Ito colours that do (blue, bluish green, reddish
#: purple, vermillion, black) keep their places, the rest were picked by a search over published
#: qualitative palettes (Tol, Kelly, ColorBrewer, Tableau), darkened to 3:1 where needed, and CIELAB
#: colours of that contrast. The search kept, by CIEDE2000 (the standard measure of how different two
#: colours look): the first twelve 20 or more apart, all twenty 15 or more, two of the darker colours
#: (CIELAB L* below 45) 22 or more, as dark marks are harder to tell apart (the old wine #882255 and
#: maroon #800000, 23 apart but both dark reds, looked alike in a stacked bar), each colour and the
#: next 25 or more (neighbours in a stack or legend), every colour 20 or more
#: from the grey of "others", and the first eight at least as far apart under simulated red-green
#: colour-vision deficiency (Machado et al. 2009) as the Okabe–Ito eight are (12 against 11.5). Twenty
#: actors get a colour of their own; charts also name what they colour.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue (Okabe–Ito)
    "#692C04",  # chestnut
    "#009E73",  # bluish green (Okabe–Ito)
    "#CC79A7",  # reddish purple (Okabe–Ito)
    "#B2044E",  # raspberry
    "#D55E00",  # vermillion (Okabe–Ito)
    "#9080F6",  # periwinkle
    "#000000",  # black (Okabe–Ito)
    "#604E97",  # violet (Kelly)
    "#349FB0",  # teal blue (Tableau cyan, darkened)
    "#948A55",  # khaki (Tol sand, darkened)
    "#0E5C5B",  # dark teal
    "#D51B1D",  # red (ColorBrewer Set1)
    "#C58500",  # amber (Kelly orange yellow, darkened)
    "#B339A0",  # magenta (Tol purple)
    "#0C7118",  # green (Tol green)
    "#BA7A6C",  # rose brown (Kelly salmon, darkened)
    "#63A21D",  # leaf green (ColorBrewer Dark2, darkened)
    "#FA406B",  # rose red
    "#554C02",  # dark olive
)

#: Frame colours in the order they are handed out. A frame below its threshold is drawn faded
#: (:data:`FADED_OPACITY`), so frame colours must stay apart faded too: the first five (a codebook's
#: usual number of frames) differ by a CIEDE2000 of 21 or more solid, faded, and faded against solid;
#: then the rest of the palette. Solid, each has a contrast of 3:1 or more on white.
FRAME_PALETTE: tuple[str, ...] = ("#0072B2", "#C58500", "#009E73", "#604E97", "#800000", "#CC79A7", "#D55E00") + \
    tuple(c for c in PALETTE if c not in {"#0072B2", "#C58500", "#009E73", "#604E97", "#CC79A7", "#D55E00", "#000000"})

#: How a category below its threshold is drawn (frames: terms found, too few to count the frame).
FADED_OPACITY = 0.5

#: The colour of everything beyond the palette ("others"), and of keys a mapping lacks.
OTHERS_COLOR = "#BBBBBB"

#: Colours of signed scores (tone): negative, zero, positive.
SIGN_COLORS: dict[str, str] = {"negative": OKABE_ITO["vermillion"], "neutral": "#999999",
                               "positive": OKABE_ITO["blue"]}

#: System UI font first, DejaVu Sans where there is none (Linux without desktop fonts).
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"

MISSING_COLOR = OTHERS_COLOR  # a key the caller's colour mapping lacks
TEXT_COLOR = "#222222"
MUTED_COLOR = "#666666"
#: Bars from too few mentions or sentences to read (the tone chart, the outlet comparison).
FEW_COLOR = "#CCCCCC"
GRID_COLOR = "#E5E5E5"
AXIS_COLOR = "#B0B0B0"
HIGHLIGHT_COLOR = OKABE_ITO["vermillion"]
SEQUENTIAL_SCALE = [[0.0, "#F7FBFF"], [0.5, "#6BAED6"], [1.0, "#08306B"]]  # single hue: blue
DIVERGING_SCALE = [[0.0, OKABE_ITO["vermillion"]], [0.5, "#F7F7F7"], [1.0, OKABE_ITO["blue"]]]

HOVER_WIDTH = 70  # characters per line of hover text
NAME_LABEL_WIDTH = 40  # characters of an actor's or speaker's name on an axis label (whole in the hover)
HOVER_MAX_CHARS = 600  # longer evidence is cut with an ellipsis


# ------------------------------------------------------------------------------------ template


def workbench_template() -> go.layout.Template:
    """The workbench's plotly template: :data:`PALETTE` colours, readable fonts, white background, light grid.

    Built afresh on each call and never registered with plotly, so importing the package changes
    nothing; every chart builder applies it to its own figure. Apply it to a figure of your own with
    ``fig.update_layout(template=workbench_template())``.
    """
    axis = dict(
        gridcolor=GRID_COLOR, linecolor=AXIS_COLOR, zerolinecolor=AXIS_COLOR, zerolinewidth=1,
        ticks="outside", tickcolor=AXIS_COLOR, ticklen=4, showline=True, automargin=True,
        title=dict(standoff=8, font=dict(size=13)), tickfont=dict(size=12),
    )
    layout = go.Layout(
        font=dict(family=FONT_FAMILY, size=13, color=TEXT_COLOR),
        # the title a fixed 14 px below the top at any height (y=0.97 of a 1,120 px chart of panels sat on
        # the first panel's own title)
        title=dict(font=dict(size=17), x=0.0, xref="paper", xanchor="left", y=1.0, yref="container", yanchor="top",
                   pad=dict(t=14)),
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=list(PALETTE),
        colorscale=dict(sequential=SEQUENTIAL_SCALE, diverging=DIVERGING_SCALE),
        xaxis=axis,
        yaxis=axis,
        # no gap between legend groups: each actor is a group of its own, and plotly's 10 px between
        # groups made a legend of twelve actors longer than the plot (the last ones behind a scroll bar)
        legend=dict(font=dict(size=12), bgcolor="rgba(255,255,255,0.8)", itemclick="toggleothers", tracegroupgap=0),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=12, color=TEXT_COLOR), bgcolor="white",
                        bordercolor=AXIS_COLOR, align="left"),
        margin=dict(l=70, r=30, t=70, b=60),
        bargap=0.2,
        hovermode="closest",
    )
    data = dict(
        bar=[go.Bar(marker=dict(line=dict(width=0)))],
        heatmap=[go.Heatmap(colorscale=SEQUENTIAL_SCALE)],
        table=[go.Table(header=dict(fill=dict(color="#F0F0F0"), font=dict(size=13), line=dict(color=AXIS_COLOR)),
                        cells=dict(fill=dict(color="white"), font=dict(size=12), line=dict(color=GRID_COLOR)))],
    )
    return go.layout.Template(layout=layout, data=data)


# ------------------------------------------------------------------------------------- colours


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _key_colors(keys: Iterable[object], palette: Sequence[str] = PALETTE) -> dict[str, str]:
    """Most frequent key first (ties: sorted), each taking the next ``palette`` colour; beyond the
    palette, :data:`OTHERS_COLOR`."""
    counts: dict[str, int] = {}
    for k in keys:
        if not _is_missing(k):
            counts[str(k)] = counts.get(str(k), 0) + 1
    ranked = sorted(counts, key=lambda key: (-counts[key], key))
    return {key: palette[i] if i < len(palette) else OTHERS_COLOR for i, key in enumerate(ranked)}


def actor_colors(actor_ids: Iterable[object], *, ranked: bool = False) -> dict[str, str]:
    """A colour per actor id: the most frequent id takes the first (most distinct) palette colour, the
    next the second, and so on (ties in id order); beyond the palette's 20 colours, the rest are the
    grey of "others" (:data:`OTHERS_COLOR`). ``ranked=True``: the ids are already in rank order (most
    mentioned first) and each takes the next colour in that order (a repeated id keeps its first place).

    Pass every mention (e.g. ``actor_colors(mentions["actor_id"])``) so the key actors get the most
    distinct colours. Deterministic: the same ids give the same mapping in every run. The reports
    all take theirs from :func:`analysis.tables.report_colors` of the corpus' mentions (the corpus'
    most-mentioned order), so an actor has one colour in every chart of every report on a corpus.
    """
    if not ranked:
        return _key_colors(actor_ids)
    order = dict.fromkeys(str(k) for k in actor_ids if not _is_missing(k))
    return {key: PALETTE[i] if i < len(PALETTE) else OTHERS_COLOR for i, key in enumerate(order)}


def frame_colors(frame_ids: Iterable[object]) -> dict[str, str]:
    """A colour per frame id, by the same rule as :func:`actor_colors` (most frequent first), from
    :data:`FRAME_PALETTE`: colours that stay apart when a frame below its threshold is drawn faded."""
    return _key_colors(frame_ids, FRAME_PALETTE)


def resolve_colors(keys: Sequence[str], colors: Mapping[str, str] | None,
                   default: Mapping[str, str] | None = None) -> dict[str, str]:
    """The colour of each key: from ``colors`` when given (keys it lacks are grey), else ``default``
    (else :func:`actor_colors` of the keys)."""
    if colors is not None:
        return {k: str(colors.get(k, MISSING_COLOR)) for k in keys}
    chosen = dict(default) if default is not None else _key_colors(keys)
    return {k: chosen.get(k, MISSING_COLOR) for k in keys}


def repeats(colors_in_order: Sequence[str]) -> list[int]:
    """For each trace, how many earlier traces of the same chart have its colour (0 for the first).

    Beyond eight keys the palette cycles; builders turn this count into a dash, pattern or marker
    symbol so that two traces sharing a colour still differ."""
    seen: dict[str, int] = {}
    out = []
    for color in colors_in_order:
        out.append(seen.get(color, 0))
        seen[color] = out[-1] + 1
    return out


DASHES = ("solid", "dash", "dot", "dashdot")
PATTERNS = ("", "/", ".", "x")
SYMBOLS = ("circle", "square", "diamond", "triangle-up")


#: How a chart writes a calendar day (a plotly/d3 time format): "3 Nov 2026", read the same way everywhere
#: (not the US "Nov 3, 2026" nor "11/3"), as the report's header writes its time. Time axes of days and
#: weeks (:func:`date_axis`, :func:`analysis.tables.with_period`'s ticks) and their hovers use it.
DAY_FORMAT = "%-d %b %Y"


def date_axis(values: Iterable[object]) -> dict:
    """x-axis settings for calendar days: whole-day ticks (no "06:00") when every value is a date
    at midnight and the span is at most two weeks; nothing otherwise."""
    raw = [v for v in values if not _is_missing(v)]
    if not raw:
        return {}
    try:
        times = pd.to_datetime(pd.Series(raw, dtype=object).astype(str), errors="coerce", utc=True, format="mixed")
    except (TypeError, ValueError):
        return {}
    if times.isna().any() or not (times == times.dt.normalize()).all():
        return {}
    settings: dict = {"type": "date", "tickformat": DAY_FORMAT, "hoverformat": DAY_FORMAT}
    if (times.max() - times.min()).days <= 14:
        settings["dtick"] = 86_400_000  # one day in milliseconds
    return settings


def count_axis(values: pd.Series, *, top: float | None = None) -> dict:
    """Axis settings for counts: whole-number ticks (0, 1, 2 ...; never 0.5) when ``values`` is an
    integer column and the axis ends at 10 or below; nothing otherwise (plotly's own steps are whole
    numbers above that, and a column of shares or means keeps plotly's ticks). ``top``: where the axis
    ends when that is not the largest value (stacked bars end at their sums)."""
    if not (pd.api.types.is_integer_dtype(values) or pd.api.types.is_bool_dtype(values)):
        return {}
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    end = float(top) if top is not None else float(numbers.max()) if len(numbers) else 0.0
    return {"tick0": 0, "dtick": 1} if end <= 10 else {}


# ----------------------------------------------------------------------------------- safe text


def safe_text(value: object, *, missing: str = "") -> str:
    """``value`` as text that plotly.js (and a browser) shows literally: the one escaping helper.

    Every piece of article text (sentences, quotes, titles, actor, outlet and frame names, terms,
    column names) goes through here before it becomes a hover label, a tick label, a trace name, a
    title or a table cell. plotly.js reads a subset of HTML in those strings (``<b>``, ``<a href>``,
    ``<span style>``, ``<br>``); after :func:`html.escape` none of it is markup. ``&quot;`` is
    written ``&#34;`` because plotly.js decodes numeric entities and only a few named ones.
    Missing values (None, NA, NaN) give ``missing``.
    """
    if _is_missing(value):
        return missing
    return html.escape(str(value), quote=True).replace("&quot;", "&#34;")


def shorten(text: object, *, width: int = 60) -> str:
    """``text`` (whitespace runs made one space) cut at a space to at most about ``width`` characters,
    with an ellipsis when cut; a word ending exactly at ``width`` stays. Not escaped."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    head = text[:width + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else text[:width]
    return cut.rstrip(" ,;:-—") + "…"


def wrapped_label(value: object, *, width: int, max_lines: int = 2) -> str:
    """A label (an outlet's name under its bar, a panel's title) in lines of at most ``width``
    characters, cut at spaces, joined by ``<br>`` after escaping; at most ``max_lines`` lines, the last
    one ending in an ellipsis where the name goes on (the whole name is in the hover). A word longer
    than ``width`` is cut with an ellipsis. ``wrapped_label("The Northern Ledger & Evening Standard
    Online", width=30)`` is ``"The Northern Ledger &amp; Evening<br>Standard Online"``."""
    raw = " ".join(str(value).split())
    width = max(int(width), 4)
    lines = textwrap.wrap(raw, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    lines = [line if len(line) <= width else shorten(line, width=width - 1) for line in lines]
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [shorten(" ".join(lines[max_lines - 1:]), width=width - 1)]
    return "<br>".join(safe_text(line) for line in lines)


#: A tick label's character in pixels (12 px font): how many characters of a name fit under its bar.
TICK_CHAR_PX = 7
#: Characters of a bar's name set upright under a narrow bar (the whole name is in the hover).
UPRIGHT_LABEL_WIDTH = 40


def upright_labels_px(longest: int) -> int:
    """The room in pixels below a plot for bar names set upright whose longest has ``longest`` characters
    (:data:`TICK_CHAR_PX` a character, plus the tick and its gap)."""
    return longest * TICK_CHAR_PX + 24


def tick_labels(names: Sequence[str], *, width_px: float, slots: int | None = None) -> tuple[list[str], int | None]:
    """The tick labels under bars named ``names`` (as written, not escaped) and their angle, for bars
    that share ``width_px`` pixels in ``slots`` slots (None: one per name): level on one line where
    every name fits its slot (angle None), level in up to three lines of the slot's width where that
    holds every name whole (:func:`wrapped_label`; angle 0), else upright (90 degrees, reading down from the
    bar) and cut at :data:`UPRIGHT_LABEL_WIDTH` characters. Escaped. Slanted names ran across the next
    bars and were cut at the chart's bottom. ``tick_labels(["AP", "The Northern Ledger & Evening
    Standard Online"], width_px=640)``: ``(["AP", "The Northern Ledger &amp; Evening Standard<br>Online"], 0)``."""
    fits = int(width_px / max(slots or len(names), 1) / TICK_CHAR_PX)
    if all(len(name) <= fits for name in names):
        return [safe_text(name) for name in names], None
    wrapped = [wrapped_label(name, width=fits, max_lines=3) for name in names]
    if fits >= 10 and all(w.replace("<br>", " ") == safe_text(" ".join(name.split())) for w, name in zip(wrapped, names)):
        return wrapped, 0  # every name whole in its lines (a name cut further would read as another)
    return [safe_text(shorten(name, width=UPRIGHT_LABEL_WIDTH)) for name in names], 90


def wrap_text(value: object, *, width: int = HOVER_WIDTH, max_chars: int = HOVER_MAX_CHARS) -> str:
    """Escaped text broken into lines of about ``width`` characters joined by ``<br>``.

    Whitespace runs become one space; text longer than ``max_chars`` is cut with an ellipsis. Lines
    are cut at spaces only, so an escape sequence is never split; ``<br>`` goes in after escaping.
    """
    if _is_missing(value):
        return ""
    raw = " ".join(str(value).split())
    if len(raw) > max_chars:
        raw = raw[: max_chars - 1].rstrip() + "…"
    lines = textwrap.wrap(raw, width=width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(safe_text(line) for line in lines)


def bold(value: object) -> str:
    """Escaped text in bold (the tags are ours, the text is escaped)."""
    return f"<b>{safe_text(value)}</b>"


#: Display names of the workbench's usual columns (anything else: underscores become spaces).
COLUMN_LABELS: dict[str, str] = {
    "mentions": "mentions",
    "documents": "documents",
    "sentences": "sentences",
    "share": "share",
    "hits": "term hits",
    "hits_per_1000_words": "hits per 1,000 words",
    "first_position": "first mention (0 = start of article, 1 = end)",
    "first_sentence": "first mention (sentence number)",
    "sentence_share": "share of sentences",
    "quoted_direct": "quoted directly",
    "quoted_reported": "quoted in reported speech",
    "quote_share": "quote share",
    "polarity": "polarity",
    "subjectivity": "subjectivity",
    "compound": "compound score",
    "mean_polarity": "mean polarity",
    "mean_compound": "mean compound score",
    "n_mentions": "mentions",
    "n_sentences": "sentences",
    "n_documents": "documents",
    "count": "sentences with both",
    "sentence_id": "sentence",
    "doc_id": "document",
    "frame_id": "frame",
    "actor_id": "actor",
    "day": "day",
}


def column_label(column: object) -> str:
    """A readable, escaped label for a column name."""
    name = str(column)
    return safe_text(COLUMN_LABELS.get(name, name.replace("_", " ")))


def number(value: object) -> str:
    """A number for hover text: whole numbers with thousands separators, else three decimals."""
    if _is_missing(value):
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return safe_text(value)
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.3f}"


def signed(value: object) -> str:
    """A signed score with three decimals: ``+0.250``, ``-0.100``, ``0.000``."""
    if _is_missing(value):
        return "n/a"
    v = float(value)  # type: ignore[arg-type]
    return "0.000" if v == 0 else f"{v:+.3f}"


def point_label(value: object) -> str:
    """A point's x value for hover text: a date as YYYY-MM-DD (with the time when it has one), a
    number as :func:`number` gives it, text as it is (already escaped by :func:`axis_values`)."""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str):
        return value
    return number(value)


def period_label(value: object, period: str | None) -> str:
    """A time point for hover text and ticks, saying what it stands for: with ``period`` "week", the
    week starting that day ("week of 2024-05-06"); "month": the month ("May 2024"); else
    :func:`point_label` (a day: "2024-05-06"). A value that is no date is shown as it is."""
    shown = point_label(value)
    if period not in ("week", "month") or _is_missing(value):
        return shown
    try:
        moment = pd.Timestamp(str(value))
    except (TypeError, ValueError):
        return shown
    return f"week of {moment:%Y-%m-%d}" if period == "week" else f"{moment:%B %Y}"


def sign_of(value: float) -> str:
    """'negative', 'neutral' or 'positive' (the keys of :data:`SIGN_COLORS`)."""
    if _is_missing(value) or value == 0:
        return "neutral"
    return "negative" if value < 0 else "positive"


# --------------------------------------------------------------------------------------- checks


def chart_table(data: object, fn: str, *, columns: Mapping[str, str | Sequence[str]], source: str) -> pd.DataFrame:
    """The table a builder draws: ``data`` when it is a DataFrame (InputError naming the builder
    ``fn`` otherwise) with the ``columns`` it draws (column role -> column name(s); InputError naming
    each missing one, its role and "pass <source>" otherwise). An empty table is returned unchecked:
    the builder draws it as a note saying there is nothing to show, whatever its columns."""
    require_table(data, fn=fn, name=None, fix="pass " + source)
    if not data.empty:
        require_columns(data, columns, fn=fn, fix="pass " + source)
    return data


def require_choice(value: object, options: Sequence[str], *, name: str, fn: str) -> None:
    """InputError "<fn>: <name>=<value>; use 'a', 'b' or 'c'" unless ``value`` is one of ``options``."""
    if value not in options:
        quoted = [f"'{option}'" for option in options]
        raise InputError(f"{fn}: {name}={value!r}; use {', '.join(quoted[:-1])} or {quoted[-1]}")


def shown(value: object) -> str:
    """A value for an error message: ``'text'`` or ``3``, never ``np.int64(3)``."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy scalar -> Python
        except (TypeError, ValueError):
            pass
    return repr(value)


def require_unique(table: pd.DataFrame, keys: Sequence[str], fn: str, *, hint: str) -> None:
    """Charts draw rows, they never aggregate: two rows for one mark is a ChartTableError (an InputError)
    whose ``hint`` ("Pass one row per ...") follows the description."""
    dup = table.duplicated(list(keys), keep=False)
    if dup.any():
        first = table.loc[dup, list(keys)].iloc[0]
        where = ", ".join(f"{k}={shown(first[k])}" for k in keys)
        raise ChartTableError(
            f"{fn}: {int(dup.sum())} rows share {where}; the chart draws one row per "
            f"{' and '.join(keys)} and does not add rows up. {hint}")


def key_column(table: pd.DataFrame, key: str | None, label: str) -> str:
    """The column whose values key the colours: ``key`` when the table has it, else ``label``."""
    return key if key is not None and key in table.columns else label


def color_keys(table: pd.DataFrame, key: str | None, label: str) -> pd.Series:
    """The colour key of each row as str: the ``key`` column, or the ``label`` column when the
    table has no ``key`` column (e.g. a table with actor names but no ids) or the row's key is
    missing (a speaker linked to no actor or entity, "a senior official", is keyed by its words)."""
    column = key_column(table, key, label)
    labels = table[label] if label in table.columns else pd.Series(None, index=table.index, dtype=object)
    return pd.Series([str(v) if not _is_missing(v) else "(none)" if _is_missing(name) else str(name)
                      for v, name in zip(table[column], labels)], index=table.index, dtype=object)


def distinct_names(table: pd.DataFrame, key: str | None, label: str) -> tuple[pd.Series, list[str]]:
    """Each row's colour key and an escaped label that no other key shares.

    Two keys with one display name (the person and the company "Coastal Freight", two entities of one
    name) get the key's kind or id in brackets: "Coastal Freight (person)", "Coastal Freight (other)".
    """
    keys = color_keys(table, key, label)
    names = labels_of(table[label])
    owners: dict[str, set[str]] = {}
    for k, name in zip(keys, names):
        owners.setdefault(name, set()).add(k)
    return keys, [_tagged(name, k) if len(owners[name]) > 1 else name for k, name in zip(keys, names)]


def first_labels(table: pd.DataFrame, keys: pd.Series, label: str) -> dict[str, str]:
    """key -> escaped display label of its first row, keys in order of first appearance; two keys
    of one name get the key's kind or id in brackets ("Coastal Freight (person)"), as in
    :func:`distinct_names`."""
    out: dict[str, str] = {}
    for key, value in zip(keys, table[label]):
        if key not in out:
            out[key] = safe_text(value, missing="(none)")
    counts = Counter(out.values())
    return {key: _tagged(name, key) if counts[name] > 1 else name for key, name in out.items()}


def _tagged(name: str, key: str) -> str:
    """``name`` made distinct by its key's kind (``person:x`` -> "name (person)") or, without one, the key."""
    return f"{name} ({safe_text(key.split(':', 1)[0] if ':' in key else key)})"


def axis_values(values: Iterable[object]) -> list[object]:
    """Values for a numeric or date axis: text escaped (it may become a tick label), the rest as is."""
    return [safe_text(v) if isinstance(v, str) else v for v in values]


def labels_of(values: Iterable[object], *, missing: str = "(none)") -> list[str]:
    """Escaped display labels for category values (missing ones shown as ``missing``)."""
    return [safe_text(v, missing=missing) for v in values]


# -------------------------------------------------------------------------------------- figures


#: Characters of a chart title per line: a longer title (one naming a headline) is wrapped, so that it
#: does not run under the chart's toolbar at the top right.
TITLE_WIDTH = 70


#: A report's chart height when the figure sets none (analysis.display's renderer), the template's top
#: and bottom margins with room for the x axis' tick labels, and a vertical legend's parts, in pixels
#: (measured in Chromium: 19 px an entry at the template's 12 px legend font, 23 px the title line).
DEFAULT_HEIGHT = 480
_FRAME_PX = 70 + 60 + 60
LEGEND_ENTRY_PX = 19
LEGEND_TITLE_PX = 24


def legend_height(entries: int, *, title_lines: int = 1) -> int | None:
    """The figure height at which a vertical legend of ``entries`` items under a title of
    ``title_lines`` lines shows whole, without a scroll bar (plotly caps it at the plot's height);
    None when the default height (:data:`DEFAULT_HEIGHT`) already holds it. ``legend_height(21)``:
    617 px; ``legend_height(12)``: None."""
    needed = _FRAME_PX + LEGEND_TITLE_PX * max(title_lines, 0) + LEGEND_ENTRY_PX * max(entries, 0) + 4
    return needed if needed > DEFAULT_HEIGHT else None


def new_figure(title: str | None, *, height: int | None = None) -> go.Figure:
    """An empty figure with the workbench template and an escaped title (wrapped after about
    :data:`TITLE_WIDTH` characters, the top margin grown by a line for each line added)."""
    fig = go.Figure()
    fig.update_layout(template=workbench_template())
    if title:
        text = wrap_text(title, width=TITLE_WIDTH, max_chars=3 * TITLE_WIDTH)
        fig.update_layout(title_text=text)
        if text.count("<br>"):
            fig.update_layout(margin_t=70 + 22 * text.count("<br>"))
    if height is not None:
        fig.update_layout(height=height)
    return fig


#: Why an actor chart is empty. The reports chart every entity found, the lexicon's or not, so an empty
#: table means the texts name no one (a corpus of headlines only, a column of outlets taken for the
#: text): there is no name to suggest for the lexicon either.
NO_ACTORS_HINT = "no person, organisation or place is named in these texts"
#: Why the voice chart is empty: as :data:`NO_ACTORS_HINT`, but a place counts there only when it is quoted.
NO_VOICES_HINT = "no person or organisation is named in these texts, and no place is quoted"
#: What to do when no document has a date.
NO_DATES_HINT = "add a published column or a metadata.csv with dates (see the README, \"Your own articles\")"


class ChartNote(go.Figure):
    """A figure with nothing to draw. In a notebook or a report it shows as one line of text saying
    why and what to do (never an empty panel); as a figure it holds the same line as an annotation.

    ``note`` holds the line (plain text).
    """

    def __init__(self, message: str, *, title: str | None = None, hint: str | None = None) -> None:
        super().__init__()
        text = message + (f": {hint}" if hint else "")
        self.update_layout(
            template=workbench_template(), height=160,
            xaxis=dict(visible=False), yaxis=dict(visible=False),
            annotations=[dict(text=safe_text(text), xref="paper", yref="paper", x=0.5, y=0.5,
                              showarrow=False, font=dict(size=15, color=MUTED_COLOR))],
        )
        if title:
            self.update_layout(title_text=safe_text(title))
        object.__setattr__(self, "_wb_note", text)
        object.__setattr__(self, "_wb_title", title)

    @property
    def note(self) -> str:
        return self._wb_note

    def _note_html(self) -> str:
        title = f"<strong>{safe_text(self._wb_title)}.</strong> " if self._wb_title else ""
        return f'<p class="wb-note">{title}{safe_text(self._wb_note)}</p>'

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        return {"text/html": self._note_html(), "text/plain": self._wb_note}

    def _ipython_display_(self):
        from IPython.display import HTML, display

        display(HTML(self._note_html()))

    def show(self, *args, **kwargs):
        self._ipython_display_()


def empty_figure(message: str, *, title: str | None, hint: str | None = None) -> go.Figure:
    """Nothing to draw: a :class:`ChartNote` with ``message`` (and ``hint``: what to do about it)."""
    return ChartNote(message, title=title, hint=hint)


def hover_lines(*lines: str) -> str:
    """Join already-escaped hover lines with ``<br>``, dropping empty ones."""
    return "<br>".join(line for line in lines if line)
