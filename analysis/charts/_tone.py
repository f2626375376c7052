"""Tone charts: the tone of one article in reading order, and the mean tone around each actor."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analysis.charts._base import (
    FEW_COLOR,
    MUTED_COLOR,
    count_axis,
    SIGN_COLORS,
    bold,
    chart_table,
    column_label,
    distinct_names,
    NO_ACTORS_HINT,
    NO_DATES_HINT,
    empty_figure,
    hover_lines,
    labels_of,
    new_figure,
    number,
    require_unique,
    safe_text,
    sign_of,
    signed,
    wrap_text,
)
from analysis.errors import InputError, require_columns, require_table

__all__ = ["tone_arc", "actor_tone_bars", "TONE_MIN_SENTENCES"]

#: The fewest sentences (or mentions) behind an actor's mean tone for :func:`actor_tone_bars` to draw it
#: with the others; fewer are set apart in grey. One number for every report (the article brief used 2,
#: the corpus report 3).
TONE_MIN_SENTENCES = 3

_SIGNS = ("negative", "neutral", "positive")


#: The width of a sentence's bar in the tone arc, in sentences (ids are one apart). Set on every bar
#: trace: plotly otherwise sizes each trace's bars by the smallest gap between its own x values, so
#: the negative bars of sentences 1, 5 and 7 would be two sentences wide and overlap their neighbours.
ARC_BAR_WIDTH = 0.8

#: Characters per line of the colour rule under :func:`actor_tone_bars` (the plot can be narrow beside long names).
RULE_WIDTH = 72

def _sign_palette(colors: Mapping[str, str] | None) -> dict[str, str]:
    return {**SIGN_COLORS, **({k: str(v) for k, v in colors.items()} if colors else {})}


# -------------------------------------------------------------------------------------- tone arc


def _one_document(table: pd.DataFrame, doc_id: str, chosen: object, fn: str) -> tuple[pd.DataFrame, str]:
    ids = pd.unique(table[doc_id].astype(str))
    if chosen is None:
        if len(ids) > 1:
            shown = ", ".join(map(repr, ids[:3])) + (", ..." if len(ids) > 3 else "")
            raise InputError(f"{fn}: the table holds {len(ids)} documents ({shown}); the arc follows one "
                             "article: pass doc_id='<id>'")
        return table, str(ids[0])
    if str(chosen) not in set(ids):
        raise InputError(f"{fn}: doc_id {chosen!r} is not in the table; its documents include "
                         f"{', '.join(map(repr, ids[:3]))}")
    return table[table[doc_id].astype(str) == str(chosen)], str(chosen)


def tone_arc(
    tone: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    doc_id: str | None = None,
    score: str = "polarity",
    text: str = "text",
    section: str = "section",
    colors: Mapping[str, str] | None = None,
    title: str | None = "Tone through the article",
) -> go.Figure:
    """Each sentence's score in reading order through one article: a bar per sentence, coloured by
    sign (a grey dot on the zero line for a score of 0, or none), with dotted lines and the
    section's name where a section begins; hovering a bar or dot shows the sentence. The x axis runs
    from the first sentence to the last (half a bar either side), with no negative positions.

    Input: ``wb.tone(documents)`` at sentence level: columns doc_id, sentence_id and ``score``
    (default polarity). The sentence's ``text`` and ``section`` come from
    ``sentences=wb.sentences(documents)``, or from the tone table itself when it has them (without
    either, the hover has no sentence and no sections are marked). ``doc_id``: the article to draw;
    may be left out when the table holds one. Three traces: negative and positive bars, neutral dots;
    ``colors`` maps those names to colours.
    """
    fn = "tone_arc"
    table = chart_table(tone, fn, columns={"doc_id": "doc_id", "sentence_id": "sentence_id", "score": score},
                        source="the sentence-level table wb.tone(documents) returns")
    if table.empty:
        return empty_figure("No sentences found", title=title, hint="the documents have no text; check the load report")
    table, chosen = _one_document(table, "doc_id", doc_id, fn)
    table = table.drop(columns=[c for c in (text, section) if c in table.columns and sentences is not None])
    if sentences is not None:
        require_columns(sentences, {"doc_id": "doc_id", "sentence_id": "sentence_id", "text": text}, fn=fn,
                        fix="pass the table wb.sentences(documents) returns", name="sentences")
        extra = [c for c in (text, section) if c in sentences.columns]
        lookup = sentences.loc[sentences["doc_id"].astype(str) == chosen, ["sentence_id", *extra]]
        table = table.merge(lookup.drop_duplicates("sentence_id"), on="sentence_id", how="left")
    require_unique(table, ["sentence_id"], fn, hint="Pass one row per sentence.")
    table = table.sort_values("sentence_id", kind="stable").reset_index(drop=True)
    values = pd.to_numeric(table[score], errors="coerce")
    has_text, has_section = text in table.columns, section in table.columns
    extra_scores = [c for c in ("subjectivity",) if c in table.columns and c != score]
    sections = table[section].tolist() if has_section else [None] * len(table)
    texts = table[text].tolist() if has_text else [None] * len(table)
    extras = [(column_label(c), table[c].tolist()) for c in extra_scores]
    hover = []
    for i, (sid, value) in enumerate(zip(table["sentence_id"], values)):
        head = f"<b>sentence {number(sid)}</b>" + (f" · {safe_text(sections[i])}" if has_section else "")
        scores = " · ".join([f"{column_label(score)} {signed(value)}"]
                            + [f"{label} {number(column[i])}" for label, column in extras])
        hover.append(hover_lines(head, scores, wrap_text(texts[i]) if has_text else ""))
    signs = [sign_of(v) for v in values]
    palette = _sign_palette(colors)
    fig = new_figure(title)
    for sign in _SIGNS:
        rows = [i for i, s in enumerate(signs) if s == sign]
        common = dict(x=[int(table["sentence_id"].iloc[i]) for i in rows],
                      y=[0.0 if pd.isna(values.iloc[i]) else float(values.iloc[i]) for i in rows],
                      name=sign, hovertext=[hover[i] for i in rows], hoverinfo="text")
        if sign == "neutral":  # a bar of height 0 cannot be seen or hovered: a dot on the zero line
            fig.add_trace(go.Scatter(mode="markers", marker=dict(color=palette[sign], size=7), **common))
        else:
            fig.add_trace(go.Bar(marker_color=palette[sign], width=ARC_BAR_WIDTH, **common))
    if has_section:
        _mark_sections(fig, table["sentence_id"].tolist(), table[section].tolist())
    yaxis = dict(title_text=column_label(score), zeroline=True, zerolinecolor=MUTED_COLOR)
    if values.dropna().between(-1, 1).all():
        yaxis["range"] = [-1.05, 1.05]
    ids = pd.to_numeric(table["sentence_id"], errors="coerce").dropna()
    # the axis runs from the first sentence to the last (half a bar either side), never from before the
    # headline: plotly's own range pads to -1, -2 or -3 depending on the width
    ends = {"range": [float(ids.min()) - 0.5, float(ids.max()) + 0.5]} if len(ids) else {}
    fig.update_layout(barmode="overlay", yaxis=yaxis,
                      xaxis=dict(title_text="sentence (reading order)", zeroline=False,
                                 **count_axis(table["sentence_id"]), **ends),
                      legend=dict(orientation="h", y=-0.18), margin_t=100)
    return fig


def _mark_sections(fig: go.Figure, sentence_ids: list, sections: list) -> None:
    """A dotted line and the section's name where each section begins."""
    previous: object = object()
    for sid, name in zip(sentence_ids, sections):
        name = None if not isinstance(name, str) and pd.isna(name) else name
        if name != previous:
            fig.add_shape(type="line", x0=sid - 0.5, x1=sid - 0.5, y0=0, y1=1, xref="x", yref="paper",
                          line=dict(color=MUTED_COLOR, width=1, dash="dot"))
            fig.add_annotation(x=sid - 0.5, y=1.0, xref="x", yref="paper", text=safe_text(name, missing="(none)"),
                               showarrow=False, xanchor="left", yanchor="bottom", textangle=-30,
                               font=dict(size=11, color=MUTED_COLOR))
            previous = name


# ------------------------------------------------------------------------------- actor tone bars


def actor_tone_bars(
    summary: pd.DataFrame,
    *,
    actor: str = "actor",
    mean: str | None = None,
    low: str = "ci_low",
    high: str = "ci_high",
    n: str | None = None,
    sort: bool = True,
    min_n: int | None = None,
    colors: Mapping[str, str] | None = None,
    title: str | None = "Tone around each actor",
) -> go.Figure:
    """Mean score per actor as diverging horizontal bars with the 95% interval as error bars.

    Input: ``wb.actor_tone_by(wb.actor_tone(documents))``: one row per actor, columns
    ``actor`` (display name), ``mean`` (default: the first of mean_polarity, mean_target_polarity,
    mean_compound the table has), ``low``/``high`` (the interval;
    drawn as a second trace of the rows that have one: rows with NA bounds get no error bar, nor do rows
    of n below 2, as one sentence gives no interval, and the hover says "none from n=1") and ``n`` (default: n_sentences, the sentences behind the
    mean, where the table has it, else n_mentions; shown in each label as "n=" and in the hover).
    ``sort`` orders actors by the mean, most positive at the top; else the table's order, top down.
    Colour: with ``share_negative`` and ``share_positive`` in the table (``actor_tone_by`` gives them), the
    sign of their difference, the **net share** (``_verdict_of``): blue when more of the actor's
    sentences are positive than negative, orange when more are negative, grey and hatched when as many
    (neutral) — with the target-aware model, the sentences the model *labels* so, the actor-level rule
    validated on NewsMTSC (lexicons/README.md, "Document- and actor-level tone"); so an actor whose every
    sentence the model calls neutral is drawn neutral even where the mean of p_positive - p_negative
    leans above 0 (rt17 M4). Without the shares, the sign of the mean. A line under the chart states the
    rule; the hover gives the shares. ``colors`` maps negative/neutral/positive to colours. Every actor's
    label carries its n. Actors with an n below ``min_n`` (None: :data:`TONE_MIN_SENTENCES`, 3) are
    drawn apart, below the others and in light grey, and a line above the chart says so: their mean
    rests on too little to read.
    """
    if min_n is None:
        min_n = TONE_MIN_SENTENCES
    fn = "actor_tone_bars"
    hint = "the table wb.actor_tone_by(wb.actor_tone(documents)) returns"
    require_table(summary, fn=fn, name=None, fix="pass " + hint)
    table = summary
    if table.empty:
        return empty_figure("No tone around actors", title=title, hint=NO_ACTORS_HINT)
    if mean is None:
        mean = next((c for c in ("mean_polarity", "mean_target_polarity", "mean_compound") if c in table.columns),
                    "mean_polarity")
    if n is None:
        n = "n_sentences" if "n_sentences" in table.columns else "n_mentions"
    require_columns(table, {"actor": actor, "mean": mean, "low": low, "high": high, "n": n}, fn=fn, fix="pass " + hint)
    key = "actor_id" if actor == "actor" and "actor_id" in table.columns else actor
    require_unique(table, [key], fn, hint="Pass one row per actor (summarise with by=('actor_id',), or "
                                          "filter a summary by outlet or day first).")
    counts = pd.to_numeric(table[n], errors="coerce").fillna(0)
    table = table.assign(_few=(counts < min_n).to_numpy(), _m=pd.to_numeric(table[mean], errors="coerce"))
    if sort:
        table = table.sort_values(["_few", "_m"], ascending=[True, False], kind="stable", na_position="last")
    else:
        table = table.sort_values("_few", kind="stable")
    few = table["_few"].tolist()
    means = pd.to_numeric(table[mean], errors="coerce")
    lows = pd.to_numeric(table[low], errors="coerce")
    highs = pd.to_numeric(table[high], errors="coerce")
    names = [f"{label} (n={number(k)})" for label, k in zip(distinct_names(table, key, actor)[1], table[n])]
    # one sentence gives no interval: no whisker (a zero-length one draws caps that read as an interval)
    single = (pd.to_numeric(table[n], errors="coerce").fillna(0) < 2).to_numpy()
    lows, highs = lows.mask(single), highs.mask(single)
    plus = [None if pd.isna(h) or pd.isna(m) else float(h - m) for h, m in zip(highs, means)]
    minus = [None if pd.isna(lo) or pd.isna(m) else float(m - lo) for lo, m in zip(lows, means)]
    palette = _sign_palette(colors)
    by_shares = {"share_negative", "share_positive"} <= set(table.columns)
    labelled = mean == "mean_target_polarity"  # the target-aware model's shares are of its labels
    if by_shares:
        negs = pd.to_numeric(table["share_negative"], errors="coerce")
        poss = pd.to_numeric(table["share_positive"], errors="coerce")
        verdicts = [_verdict_of(neg, pos) for neg, pos in zip(negs, poss)]
        word = "labelled" if labelled else "scoring"
        shares = [f"sentences {word} negative {100 * neg:.0f}%, positive {100 * pos:.0f}%: "
                  f"{verdict}" if not (pd.isna(neg) or pd.isna(pos)) else "" for neg, pos, verdict in zip(negs, poss, verdicts)]
    else:
        verdicts = [sign_of(m) for m in means]
        shares = [""] * len(table)
    hover = [hover_lines(bold(table[actor].iloc[i]),
                         f"{column_label(mean)}: {signed(means.iloc[i])}",
                         f"95% interval: none from n={number(table[n].iloc[i])}" if single[i] else
                         f"95% interval: {signed(lows.iloc[i])} to {signed(highs.iloc[i])}",
                         shares[i],
                         f"n = {number(table[n].iloc[i])} {column_label(n)}")
             for i in range(len(table))]
    fig = new_figure(title, height=max(340, 34 * len(table) + 220))
    fig.add_trace(go.Bar(
        y=names, x=[None if pd.isna(m) else float(m) for m in means], orientation="h", name=column_label(mean),
        marker_color=[FEW_COLOR if f else palette[v] for v, f in zip(verdicts, few)],
        marker_pattern=dict(shape=["/" if v == "neutral" and not f else "" for v, f in zip(verdicts, few)],
                            fgcolor="white", size=6, solidity=0.3),
        hovertext=hover, hoverinfo="text", showlegend=False,
    ))
    # the intervals as a trace of their own, of the actors that have one: plotly.js draws a missing
    # (null) error value of a trace as 0, a zero-length whisker whose caps read as an interval
    has = [p is not None or m is not None for p, m in zip(plus, minus)]
    if any(has):
        fig.add_trace(go.Scatter(
            y=[y for y, h in zip(names, has) if h], x=[float(m) for m, h in zip(means, has) if h], mode="markers",
            marker=dict(size=1, opacity=0), hoverinfo="skip", showlegend=False, name="95% interval",
            error_x=dict(type="data", symmetric=False, array=[p or 0.0 for p, h in zip(plus, has) if h],
                         arrayminus=[m or 0.0 for m, h in zip(minus, has) if h], color=MUTED_COLOR, thickness=1.5,
                         width=4),
        ))
    span = max([abs(v) for v in [*lows.dropna(), *highs.dropna(), *means.dropna()]] + [0.05])
    fig.update_layout(
        yaxis=dict(type="category", categoryorder="array", categoryarray=names, autorange="reversed",
                   title_text=""),
        xaxis=dict(title_text=column_label(mean), range=[-span * 1.1, span * 1.1], zeroline=True,
                   zerolinecolor=MUTED_COLOR, zerolinewidth=1.5),
    )
    if any(few):
        fig.add_annotation(text=safe_text(f"Grey, at the bottom: fewer than {min_n} {column_label(n)}, too few to read a tone."),
                           xref="paper", yref="paper", x=1, y=1.0, xanchor="right", yanchor="bottom", showarrow=False,
                           font=dict(size=12, color=MUTED_COLOR))
    rule = wrap_text(_colour_rule(by_shares=by_shares, labelled=labelled), width=RULE_WIDTH, max_chars=1000)
    fig.add_annotation(text=rule, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top", yshift=-48,
                       align="left", showarrow=False, font=dict(size=12, color=MUTED_COLOR))
    fig.update_layout(margin_b=70 + 17 * (rule.count("<br>") + 1))
    return fig


def _verdict_of(share_negative: float, share_positive: float) -> str:
    """'negative', 'neutral' or 'positive': the sign of the net share ``share_positive - share_negative``
    (the actor-level rule of the target-aware model, neutral band [0, 0]: chosen on NewsMTSC train,
    macro-F1 0.65 on devtest; lexicons/README.md). Missing shares give 'neutral'."""
    if pd.isna(share_negative) or pd.isna(share_positive) or share_positive == share_negative:
        return "neutral"
    return "positive" if share_positive > share_negative else "negative"


def _colour_rule(*, by_shares: bool, labelled: bool) -> str:
    """The line under :func:`actor_tone_bars` that states how its bars are coloured (plain text): by the net
    share of the sentences the model labels (``labelled``: the target-aware model) or that score negative /
    positive when ``by_shares``, else by the sign of the mean."""
    if not by_shares:
        return "Bar: the mean with its 95% interval; colour: its sign (blue above 0, orange below)."
    which = "the model labels" if labelled else "scoring"
    return ("Bar: the mean with its 95% interval. Colour: the share of sentences " + which + " positive minus the "
            "share " + which + " negative (blue: more positive, orange: more negative, grey hatched: as many, "
            "neutral), whichever side of 0 the mean is on.")
