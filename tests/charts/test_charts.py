"""Chart builders: tested on the figure's data (traces, values, order, colours, hover text), never on pixels."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import charts
from analysis.charts._base import MISSING_COLOR, wrap_text
from analysis.errors import InputError

EVIL = "<img src=x onerror=alert(1)>"
EVIL_SAFE = "&lt;img src=x onerror=alert(1)&gt;"
BOLD = "<b>Bold</b> & Co"
BOLD_SAFE = "&lt;b&gt;Bold&lt;/b&gt; &amp; Co"


def strings(obj):
    """Every string anywhere in a figure's JSON (trace data, layout, annotations, template)."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from strings(value)
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            yield from strings(value)
    elif isinstance(obj, np.ndarray):
        yield from strings(obj.tolist())


def assert_escaped(fig: go.Figure) -> None:
    found = list(strings(fig.to_plotly_json()))
    assert not [s for s in found if "<img" in s or "<script" in s or "<b>Bold" in s]
    assert any(EVIL_SAFE in s for s in found)


def annotation_texts(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


# ------------------------------------------------------------------------------------ fixtures


@pytest.fixture
def rollup() -> pd.DataFrame:
    return pd.DataFrame({
        "group": ["Israel", "Israel", "United States", "United States"],
        "actor_id": ["netanyahu", "israel", "biden", "israel"],
        "actor": ["Benjamin Netanyahu", "Israel", "Joe Biden", "Israel"],
        "mentions": [7, 16, 8, 2],
    })


@pytest.fixture
def sents() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d1"] * 5,
        "sentence_id": [0, 1, 2, 3, 4],
        "paragraph_id": [0, 1, 1, 2, 3],
        "section": ["headline", "standfirst", "body", "body", "Why It Matters"],
        "text": ["Israel defies U.S.", "Netanyahu said Israel will stand alone.",
                 "Biden warned Israel; Israeli officials shrugged.", "It was bad.", "Good talks ahead."],
        "start": [0, 0, 40, 90, 110],
        "end": [18, 39, 88, 101, 127],
    })


COLORS = {"netanyahu": "#111111", "israel": "#222222", "biden": "#333333"}


# --------------------------------------------------------------------------- template and colours


def test_template_is_okabe_ito_with_readable_fonts_and_white_background():
    t = charts.workbench_template()
    assert list(t.layout.colorway)[:8] == ["#0072B2", "#692C04", "#009E73", "#CC79A7", "#B2044E", "#D55E00",
                                           "#9080F6", "#000000"]  # the most distinct first, for the key actors
    assert len(t.layout.colorway) == 20 and len(set(t.layout.colorway)) == 20
    assert charts.OTHERS_COLOR not in t.layout.colorway
    assert "system-ui" in t.layout.font.family and "DejaVu Sans" in t.layout.font.family
    assert t.layout.font.size >= 12 and t.layout.plot_bgcolor == "white" and t.layout.paper_bgcolor == "white"
    assert t.layout.xaxis.gridcolor == t.layout.yaxis.gridcolor == "#E5E5E5"


def test_template_keeps_legends_compact_and_the_title_at_the_top_at_any_height():
    # red team: a legend of 13 actors ended behind a scroll bar (10 px between one-actor legend groups);
    # the title of a 1,120 px chart of panels (y=0.97 of the height) sat on the first panel's title
    t = charts.workbench_template()
    assert t.layout.legend.tracegroupgap == 0
    assert (t.layout.title.y, t.layout.title.yref, t.layout.title.yanchor, t.layout.title.pad.t) == (
        1.0, "container", "top", 14)


def test_importing_the_package_leaves_plotly_global_template_alone():
    code = ("import plotly.io as pio; before = pio.templates.default; names = set(pio.templates); "
            "import analysis; from analysis import charts; charts.mentions_by_group; "
            "assert pio.templates.default == before, pio.templates.default; "
            "assert set(pio.templates) == names; print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr


def test_actor_colors_most_mentioned_first_distinct_up_to_twenty_then_grey_others():
    ids = [f"a{i:02d}" for i in range(25)][::-1] + ["a03", "a03", "a07", None]
    colors = charts.actor_colors(ids)
    assert list(colors)[:3] == ["a03", "a07", "a00"]  # most mentioned first, then ties in id order
    assert colors["a03"] == "#0072B2" and colors["a07"] == "#692C04" and colors["a00"] == "#009E73"
    assert len({colors[k] for k in list(colors)[:20]}) == 20, "twenty actors, twenty colours"
    assert {colors[k] for k in list(colors)[20:]} == {charts.OTHERS_COLOR}, "the smallest go to grey others"
    assert charts.actor_colors(reversed(ids)) == colors  # order does not matter


def test_actor_colors_ranked_take_the_palette_in_the_order_given():
    ranked = charts.actor_colors(["b", "a", "b", None, *[f"x{i:02d}" for i in range(20)]], ranked=True)
    assert list(ranked)[:3] == ["b", "a", "x00"] and ranked["b"] == charts.PALETTE[0] and ranked["a"] == charts.PALETTE[1]
    assert ranked["x17"] == charts.PALETTE[19] and ranked["x18"] == charts.OTHERS_COLOR


def test_safe_text_escapes_markup_and_quotes_the_way_plotly_decodes():
    assert charts.safe_text(EVIL) == EVIL_SAFE
    assert charts.safe_text('He said "no" & left') == "He said &#34;no&#34; &amp; left"
    assert charts.safe_text("it's") == "it&#x27;s"
    assert charts.safe_text(None) == "" and charts.safe_text(float("nan"), missing="-") == "-"
    assert charts.safe_text(pd.NA) == ""


def test_wrap_text_breaks_long_sentences_after_escaping():
    text = " ".join(["<b>word</b>"] * 20)
    wrapped = wrap_text(text, width=30)
    lines = wrapped.split("<br>")
    assert len(lines) > 1 and all("<b>" not in line for line in lines)
    assert all(line.count("&lt;b&gt;word&lt;/b&gt;") >= 1 for line in lines)  # no entity split
    assert wrap_text("x" * 1000).endswith("…")


ALL_BUILDERS = ["mentions_by_group", "prominence_scatter", "voice_bars", "cooccurrence_network",
                "attention_over_time", "tone_arc", "actor_tone_bars", "frame_profile", "actor_frame_heatmap",
                "outlet_comparison", "kwic_table"]


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_every_builder_returns_a_figure_with_the_template_and_an_empty_notice(name):
    fig = getattr(charts, name)(pd.DataFrame(), **({"term": "x"} if name == "kwic_table" else {}))
    assert isinstance(fig, go.Figure)
    assert len(fig.data) == 0
    assert list(fig.layout.template.layout.colorway) == list(charts.PALETTE)
    assert len(fig.layout.annotations) == 1 and fig.layout.annotations[0].text.startswith(("No ", "Nothing "))
    bundle = fig._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}, "in a report: one line of text, never an empty panel"
    assert bundle["text/html"].startswith('<p class="wb-note">') and ": " in bundle["text/plain"]


@pytest.mark.parametrize("name", [n for n in ALL_BUILDERS if n != "kwic_table"])
def test_every_builder_names_itself_and_the_missing_column(name):
    table = pd.DataFrame({"unrelated": [1, 2]})
    with pytest.raises(InputError, match=rf"^{name}: the table lacks column\(s\) \w+ \(the \w+= column\)[^;]*; "
                                         r"its columns are: unrelated\. Pass \w+='<column>'"):
        getattr(charts, name)(table)


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_every_builder_refuses_a_non_table(name):
    with pytest.raises(InputError, match=rf"^{name}: (the table|sentences) must be (the sentences table \(a pandas "
                                         r"DataFrame\)|a pandas DataFrame), not a list; pass "):
        getattr(charts, name)([1, 2, 3])


VIEWS = ("_by_group", "_over_time", "_bars", "_scatter", "_network", "_arc", "_heatmap", "_profile",
         "_comparison", "_table")


@pytest.mark.parametrize("name", ALL_BUILDERS)
def test_every_builder_keeps_the_naming_grammar_and_the_call_shape(name):
    import inspect

    assert name in charts.__all__ and name.endswith(VIEWS)
    assert all(f"``{view}``" in charts.__doc__ for view in VIEWS)  # the grammar is written down
    fn = getattr(charts, name)
    params = list(inspect.signature(fn).parameters.values())
    assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD  # the table, first
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
    assert "title" in inspect.signature(fn).parameters
    assert ("colors" in inspect.signature(fn).parameters) == (name not in ("actor_frame_heatmap", "kwic_table"))
    assert inspect.signature(fn).return_annotation in (go.Figure, "go.Figure")
    assert "Input:" in fn.__doc__ or "Either" in fn.__doc__


def test_traces_that_share_a_cycled_colour_differ_by_pattern_symbol_or_dash():
    ids = [f"a{i}" for i in range(9)]  # nine actors, a mapping that gives a8 a0's colour
    shared = {k: charts.PALETTE[i % 8] for i, k in enumerate(ids)}
    rollup = pd.DataFrame({"group": "g", "actor_id": ids, "actor": ids, "mentions": range(1, 10)})
    bars = charts.mentions_by_group(rollup, colors=shared).data
    assert bars[8].marker.color == bars[0].marker.color
    assert [t.marker.pattern.shape for t in bars] == [""] * 8 + ["/"]
    prominence = pd.DataFrame({"doc_id": "d", "actor_id": ids, "actor": ids, "mentions": 1, "first_sentence": 0,
                               "first_position": 0.0})
    assert [t.marker.symbol for t in charts.prominence_scatter(prominence, colors=shared).data] == ["circle"] * 8 + ["square"]
    daily = pd.DataFrame({"day": "2024-05-01", "actor_id": ids, "actor": ids, "mentions": 1})
    lines = charts.attention_over_time(daily, colors=shared).data
    assert [t.line.dash for t in lines] == ["solid"] * 8 + ["dash"]


# --------------------------------------------------------------------------- mentions_by_group


def test_mentions_by_group_one_stacked_trace_per_actor_in_table_order(rollup):
    fig = charts.mentions_by_group(rollup, colors=COLORS)
    assert [t.type for t in fig.data] == ["bar"] * 3
    assert [t.name for t in fig.data] == ["Benjamin Netanyahu", "Israel", "Joe Biden"]
    israel = fig.data[1]
    assert list(israel.x) == ["Israel", "United States"] and list(israel.y) == [16, 2]
    assert [t.marker.color for t in fig.data] == ["#111111", "#222222", "#333333"]
    assert fig.layout.barmode == "stack"
    assert list(fig.layout.xaxis.categoryarray) == ["Israel", "United States"]
    assert israel.hovertext[1] == "<b>Israel</b><br>United States: 2 mentions"


def test_legend_height_grows_a_chart_whose_legend_would_not_fit():
    from analysis.charts._base import legend_height

    assert legend_height(13) is None  # 190 + 24 + 13 * 19 + 4 = 465: the default 480 px hold it
    assert legend_height(15) == 503 and legend_height(21) == 617
    assert legend_height(14, title_lines=2) == 508


def test_mentions_by_group_is_tall_enough_for_every_legend_entry():
    # red team: the 12th and 13th actors of "Who is in the news" were cut off the legend
    many = pd.DataFrame({"group": ["people"] * 21, "actor_id": [f"a{i}" for i in range(21)],
                         "actor": [f"Actor {i}" for i in range(21)], "mentions": 1})
    assert charts.mentions_by_group(many).layout.height == 617
    assert charts.mentions_by_group(many.head(13)).layout.height is None
    daily = pd.DataFrame({"day": "2024-05-01", "actor_id": [f"a{i}" for i in range(15)],
                          "actor": [f"Actor {i}" for i in range(15)], "mentions": 1})
    assert charts.attention_over_time(daily).layout.height == 527  # two title lines: "6 of 15 drawn; ..."
    assert charts.attention_over_time(daily, shown=None).layout.height == 503


def test_mentions_by_group_grouped_default_colours_and_name_keys(rollup):
    fig = charts.mentions_by_group(rollup, barmode="group")
    assert fig.layout.barmode == "group"
    default = charts.actor_colors(rollup["actor_id"].unique())  # without colors=: each id once, in id order
    assert [t.marker.color for t in fig.data] == [default["netanyahu"], default["israel"], default["biden"]]
    no_ids = rollup.drop(columns="actor_id")  # names become the colour keys; a key the mapping lacks is grey
    fig = charts.mentions_by_group(no_ids, colors={"Israel": "#ABCDEF"})
    assert [t.marker.color for t in fig.data] == [MISSING_COLOR, "#ABCDEF", MISSING_COLOR]


def test_mentions_by_group_refuses_to_add_up_rows_and_bad_barmode(rollup):
    twice = pd.concat([rollup, rollup.iloc[[0]]])
    with pytest.raises(InputError, match=r"mentions_by_group: 2 rows share group='Israel', actor_id='netanyahu'; the chart draws one row per group and actor_id and does not add rows up"):
        charts.mentions_by_group(twice)
    with pytest.raises(InputError, match="barmode='overlay'; use 'stack' or 'group'"):
        charts.mentions_by_group(rollup, barmode="overlay")
    with pytest.raises(InputError, match=r"mentions_by_group: the table lacks column\(s\) outlet \(the group= column\)"):
        charts.mentions_by_group(rollup, group="outlet")


def test_mentions_by_group_escapes_group_and_actor_names(rollup):
    rollup.loc[0, "actor"] = EVIL
    rollup.loc[2, "group"] = BOLD
    fig = charts.mentions_by_group(rollup)
    assert fig.data[0].name == EVIL_SAFE and fig.data[2].x[0] == BOLD_SAFE
    assert fig.data[0].hovertext[0].startswith(f"<b>{EVIL_SAFE}</b>")
    assert_escaped(fig)


# ----------------------------------------------------------------------------------- prominence


@pytest.fixture
def prominence() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["d1", "d1", "d1"],
        "actor_id": ["israel", "netanyahu", "biden"],
        "actor": ["Israel", "Benjamin Netanyahu", "Joe Biden"],
        "mentions": [4, 1, 2],
        "sentences": [4, 1, 1],
        "first_sentence": [0, 1, 2],
        "first_position": [0.0, 0.25, 0.5],
        "in_headline": [True, False, False],
        "in_lead": [True, True, False],
    })


def test_prominence_scatter_points_colours_and_evidence_hover(prominence, sents):
    fig = charts.prominence_scatter(prominence, sentences=sents, colors=COLORS)
    assert [t.type for t in fig.data] == ["scatter"] * 3
    assert [(list(t.x), list(t.y)) for t in fig.data] == [([0.0], [4]), ([0.25], [1]), ([0.5], [2])]
    assert [t.marker.color for t in fig.data] == ["#222222", "#111111", "#333333"]
    hover = fig.data[2].hovertext[0]
    assert hover.startswith("<b>Joe Biden</b><br>mentions: 2<br>")
    assert "(sentence 2)" in hover and "in the headline" not in hover
    assert hover.endswith("first mention: <i>Biden warned Israel; Israeli officials shrugged.</i>")
    assert "in the headline, in the lead" in fig.data[0].hovertext[0]
    assert list(fig.layout.xaxis.range) == [-0.05, 1.05]


def test_prominence_scatter_draws_actors_at_one_place_side_by_side():
    # red team: Tomás Reyes and WSU, both first named in sentence 8 once, were one dot (Reyes hidden)
    table = pd.DataFrame({"doc_id": ["d"] * 3, "actor_id": ["reyes", "wsu", "marsh"],
                          "actor": ["Tomás Reyes", "WSU", "Helen Marsh"], "first_position": [0.8, 0.8, 0.3],
                          "mentions": [1, 1, 2], "first_sentence": [8, 8, 3]})
    fig = charts.prominence_scatter(table)
    assert [list(t.x) for t in fig.data] == [[pytest.approx(0.8 - 0.009)], [pytest.approx(0.8 + 0.009)], [0.3]]
    assert fig.data[0].hovertext[0].endswith(": 0.800 (sentence 8)"), "the hover gives the true place"


def test_prominence_scatter_is_tall_enough_for_every_legend_entry():
    # the seed's brief: 17 actors in a legend with a scroll bar (Egypt and the rest below it)
    many = pd.DataFrame({"doc_id": "d", "actor_id": [f"a{i}" for i in range(21)],
                         "actor": [f"Actor {i}" for i in range(21)], "first_position": 0.5, "mentions": 1,
                         "first_sentence": 3})
    assert charts.prominence_scatter(many).layout.height == 617
    assert charts.prominence_scatter(many.head(13)).layout.height is None


def test_prominence_scatter_labels_the_most_mentioned_and_works_without_sentences(prominence):
    fig = charts.prominence_scatter(prominence, labels=2)
    assert [list(t.text) for t in fig.data] == [["Israel"], [""], ["Joe Biden"]]
    assert [t.mode for t in fig.data] == ["markers+text", "markers", "markers+text"]
    assert "first mention:" not in fig.data[0].hovertext[0]
    assert all(t.mode == "markers" for t in charts.prominence_scatter(prominence, labels=0).data)
    with pytest.raises(InputError, match="labels=True"):
        charts.prominence_scatter(prominence, labels=True)


def test_prominence_scatter_of_one_actor_names_its_articles_not_the_actor_again():
    """An actor profile: 4 articles, two of them at the same place (first named in the headline, 3
    mentions). Labelling every point with the actor's name said nothing, and hid one point under another."""
    table = pd.DataFrame({"doc_id": ["e1", "e2", "e3", "e4"], "actor_id": ["hollis"] * 4,
                          "actor": ["Janet & Hollis"] * 4, "mentions": [3, 3, 3, 2], "first_sentence": [0, 1, 0, 1],
                          "first_position": [0.0, 1 / 6, 0.0, 1 / 6]})
    headlines = {"e1": "Mayor Hollis faces challenger in tight Riverside race", "e3": "Hollis campaign rejects claims",
                 "e2": "Debate turns to housing"}
    fig = charts.prominence_scatter(table, names=headlines, colors={"hollis": "#123456"}, labels=2)
    assert fig.layout.title.text == "How early and how often Janet &amp; Hollis appears in each article"
    assert [t.name for t in fig.data] == [
        "1. Mayor Hollis faces challenger in tight Riverside race and 1 more", "2. Debate turns to housing",
        "1 more place(s): hover for the headline"], "numbered on the chart, headlines in the legend"
    assert [list(t.text) if t.text else None for t in fig.data] == [["1 (2 articles)"], ["2"], None]
    assert [(list(t.x), list(t.y), list(t.customdata)) for t in fig.data] == [
        ([0.0], [3], [2]), ([1 / 6], [3], [1]), ([1 / 6], [2], [1])], "e1 and e3 share a place: one point for both"
    assert {t.marker.color for t in fig.data} == {"#123456"}
    assert fig.data[0].hovertext[0].startswith(
        "<b>Mayor Hollis faces challenger in tight Riverside race</b><br><b>Hollis campaign rejects claims</b>")
    assert fig.data[2].hovertext[0].startswith("<b>e4</b>"), "no headline: the id"
    assert not any(t.name == "Janet &amp; Hollis" for t in fig.data), "the actor's name is in the title, once"
    assert [t.name for t in charts.prominence_scatter(table, labels=0).data] == ["articles: hover for the headline"]


def test_hovers_escape_a_name_or_headline_once():
    # "Clerk&#x27;s" and a literal "<br>" showed in the hovers: text escaped twice
    table = pd.DataFrame({"doc_id": ["e1", "e2"], "actor_id": ["x", "x"], "actor": ["X", "X"], "mentions": [3, 1],
                          "first_sentence": [0, 2], "first_position": [0.0, 0.5]})  # one actor's articles
    headline = "The clerk's office says the recount of every ballot in the county will begin on Monday morning"
    fig = charts.prominence_scatter(table, names={"e1": headline})
    assert fig.data[0].hovertext[0].startswith("<b>The clerk&#x27;s office says the recount of every ballot in the "
                                               "county will<br>begin on Monday morning</b>")
    voice = pd.DataFrame({"actor": ["the clerk's office"], "mentions": [1], "quoted_direct": [0], "quoted_reported": [1]})
    assert charts.voice_bars(voice).data[0].hovertext[0].startswith("<b>the clerk&#x27;s office</b><br>")


def test_prominence_scatter_escapes_names_and_the_sentence(prominence, sents):
    prominence.loc[1, "actor"] = EVIL
    sents.loc[1, "text"] = f"He wrote {EVIL} and <script>x()</script> here."
    fig = charts.prominence_scatter(prominence, sentences=sents)
    hover = fig.data[1].hovertext[0]
    assert hover.startswith(f"<b>{EVIL_SAFE}</b>")
    assert f"He wrote {EVIL_SAFE} and &lt;script&gt;x()&lt;/script&gt; here." in hover
    assert fig.data[1].text[0] == EVIL_SAFE
    assert_escaped(fig)


# ---------------------------------------------------------------------------------------- voice


@pytest.fixture
def voice() -> pd.DataFrame:
    return pd.DataFrame({
        "actor_id": ["hamas", "netanyahu", "biden"],
        "actor": ["Hamas", "Benjamin Netanyahu", "Joe Biden"],
        "mentions": [4, 7, 8],
        "quoted_direct": [0, 3, 0],
        "quoted_reported": [0, 1, 2],
        "never_quoted": [True, False, False],
    })


def test_voice_bars_wide_mentions_bar_and_stacked_quote_bars(voice):
    fig = charts.voice_bars(voice)
    assert [(t.type, t.name) for t in fig.data] == [
        ("bar", "mentions"), ("bar", "quoted directly"), ("bar", "quoted in reported speech"),
        ("scatter", "never quoted")]
    mentions, direct, reported, never = fig.data
    assert list(mentions.y) == ["Joe Biden", "Benjamin Netanyahu", "Hamas"] and list(mentions.x) == [8, 7, 4]
    assert list(direct.x) == [0, 3, 0] and list(direct.base) == [0, 0, 0]
    assert list(reported.x) == [2, 1, 0] and list(reported.base) == [0, 3, 0]  # stacked on the direct ones
    assert mentions.width > direct.width and fig.layout.barmode == "overlay"
    assert list(never.y) == ["Hamas"] and list(never.x) == [4] and "never quoted" in never.text[0]
    assert fig.layout.yaxis.autorange == "reversed"  # most mentioned at the top
    # the legend sits at the foot of the figure, in the bottom margin, never over the axis title
    # ("count"): a fraction of the plot area (y=-0.12) ran into it on charts of few actors
    assert (fig.layout.legend.yref, fig.layout.legend.y, fig.layout.legend.yanchor) == ("container", 0, "bottom")
    assert fig.layout.margin.b >= 100
    assert list(charts.voice_bars(voice, sort=False).data[0].y) == ["Hamas", "Benjamin Netanyahu", "Joe Biden"]
    assert mentions.hovertext[1] == ("<b>Benjamin Netanyahu</b><br>mentions: 7<br>quoted directly: 3<br>"
                                     "quoted in reported speech: 1")


def test_voice_bars_never_quoted_without_the_flag_column_and_colours(voice):
    fig = charts.voice_bars(voice.drop(columns="never_quoted").assign(quoted_reported=[0, 1, 0]),
                            colors={"mentions": "#101010", "never quoted": "#202020"})
    never = fig.data[-1]
    assert never.name == "never quoted" and list(never.y) == ["Joe Biden", "Hamas"]
    assert fig.data[0].marker.color == "#101010" and never.textfont.color == "#202020"
    everyone_quoted = voice.assign(quoted_direct=[1, 1, 1], never_quoted=False)
    assert [t.name for t in charts.voice_bars(everyone_quoted).data][-1] != "never quoted"


def test_voice_bars_cut_a_long_described_speaker_on_the_axis_and_give_it_whole_in_the_hover(voice):
    # the red team's brief: "unofficial results posted by the Harlan County Clerk's office early Wednesday"
    # as a speaker's name took half the chart's width
    long = "unofficial results posted by the Harlan County Clerk's office early Wednesday"
    table = pd.concat([voice, pd.DataFrame({"actor_id": [long], "actor": [long], "mentions": [0], "quoted_direct": [0],
                                            "quoted_reported": [1], "never_quoted": [False]})], ignore_index=True)
    fig = charts.voice_bars(table)
    escaped = "unofficial results posted by the Harlan County Clerk&#x27;s office early Wednesday"
    assert fig.layout.yaxis.tickvals[-1] == escaped == fig.data[0].y[-1], "the category stays the whole name"
    assert fig.layout.yaxis.ticktext[-1] == "unofficial results posted by the Harlan…"
    assert list(fig.layout.yaxis.ticktext[:3]) == ["Joe Biden", "Benjamin Netanyahu", "Hamas"], "short names whole"
    assert fig.data[0].hovertext[-1].startswith(f"<b>{escaped}</b>")
    cut_after_markup = table.assign(actor=table["actor"].str.replace("unofficial", "<b>unofficial</b>"))
    assert charts.voice_bars(cut_after_markup).layout.yaxis.ticktext[-1] == "&lt;b&gt;unofficial&lt;/b&gt; results posted by the…", \
        "cut before escaping: no entity split"


def test_voice_bars_escapes_names(voice):
    voice.loc[0, "actor"] = EVIL
    fig = charts.voice_bars(voice)
    assert fig.data[0].y[2] == EVIL_SAFE and fig.data[-1].y[0] == EVIL_SAFE
    assert_escaped(fig)


# -------------------------------------------------------------------------------- co-occurrence


@pytest.fixture
def pairs() -> pd.DataFrame:
    return pd.DataFrame({"actor_a": ["israel", "biden", "biden"], "actor_b": ["united_states", "netanyahu", "israel"],
                         "count": [12, 6, 3], "pmi": [0.2, 1.1, -0.4]})


def test_cooccurrence_network_circle_layout_and_edge_widths(pairs):
    fig = charts.cooccurrence_network(pairs, max_width=12)
    edges, mids, nodes = fig.data[:3], fig.data[3], fig.data[4]
    assert len(fig.data) == 5 and all(t.mode == "lines" for t in edges)
    assert list(nodes.text) == ["biden", "israel", "netanyahu", "united_states"]  # sorted ids
    assert (nodes.x[0], nodes.y[0]) == (0.0, 1.0)  # first at the top, then clockwise
    assert (nodes.x[1], nodes.y[1]) == (1.0, 0.0)
    assert all(math.isclose(x * x + y * y, 1.0) for x, y in zip(nodes.x, nodes.y))
    assert [t.line.width for t in edges] == [12.0, 6.0, 3.0]
    assert list(edges[0].x) == [1.0, -1.0] and list(edges[0].y) == [0.0, 0.0]  # israel -> united_states
    assert list(nodes.marker.color) == [charts.actor_colors(["biden", "israel", "netanyahu", "united_states"])[n]
                                        for n in nodes.text]


def test_cooccurrence_network_hover_names_top_and_weights(pairs):
    fig = charts.cooccurrence_network(pairs, names={"biden": "Joe Biden", "netanyahu": "Benjamin Netanyahu"}, top=2,
                                      colors={"biden": "#123456"})
    mids, nodes = fig.data[-2], fig.data[-1]
    assert len(fig.data) == 4  # two edges kept
    assert list(mids.hovertext) == ["<b>israel</b> – <b>united_states</b><br>sentences with both: 12",
                                    "<b>Joe Biden</b> – <b>Benjamin Netanyahu</b><br>sentences with both: 6"]
    assert list(mids.x) == [0.0, 0.0]  # midpoints of the two diameters
    assert nodes.marker.color[0] == "#123456" and nodes.marker.color[1] == MISSING_COLOR
    with pytest.raises(InputError, match=r"cooccurrence_network: pair 'biden'-'israel' has weight -0.4; .* >= 0"):
        charts.cooccurrence_network(pairs, weight="pmi")


def test_cooccurrence_network_escapes_names(pairs):
    fig = charts.cooccurrence_network(pairs, names={"biden": EVIL})
    assert fig.data[-1].text[0] == EVIL_SAFE
    assert fig.data[-2].hovertext[1].startswith(f"<b>{EVIL_SAFE}</b>")
    assert_escaped(fig)


def test_cooccurrence_network_of_one_pair_is_a_sentence_not_a_chart(pairs):
    # the red team's one-article brief: two dots and a line
    note = charts.cooccurrence_network(pairs.head(1), names={"israel": "Israel"})
    assert isinstance(note, charts.ChartNote) and len(note.data) == 0
    assert note.note == ("Only one pair of actors appears together: Israel and united_states (sentences with both: 12): "
                         "a network needs two pairs or more")
    assert len(charts.cooccurrence_network(pairs.head(2)).data) == 4, "two pairs: a chart"
    assert isinstance(charts.cooccurrence_network(pairs, top=1), charts.ChartNote)


def _shown_label_boxes(fig):
    """The pixel box (left, bottom, right, top) of every name the network draws, for a plot area 760
    pixels wide, names of 7 pixels a character and 16 a line (the test's own geometry, not the chart's)."""
    nodes = fig.data[-1]
    plot_h = fig.layout.height - 130
    if fig.layout.yaxis.scaleanchor == "x":
        sx = sy = min(760, plot_h) / 3.2
    else:
        sx, sy = 760 / 2.6, plot_h / 2.24
    boxes = []
    for x, y, text, position, size in zip(nodes.x, nodes.y, nodes.text, nodes.textposition, nodes.marker.size):
        if not text:
            continue
        cx, cy, r, w, h = x * sx, y * sy, size / 2, 7.0 * len(text), 16.0
        vertical, horizontal = position.split()
        side = r + 2 if vertical == "middle" or horizontal == "center" else r * 0.6
        left = cx - w / 2 if horizontal == "center" else cx + side if horizontal == "right" else cx - side - w
        bottom = cy - h / 2 if vertical == "middle" else cy + side if vertical == "top" else cy - side - h
        boxes.append((left, bottom, left + w, bottom + h))
    return boxes


def test_cooccurrence_network_names_never_overlap():
    # the red team's corpus report: three stories, three tight clusters of 10 actors, names on top of
    # each other ("Daniel Osei" over "Margaret Lindqvist" over "Helen Vasquez")
    stories = [[f"Person {s}{i} Longname" for i in range(10)] for s in "ABC"]
    rows = [(a, b, 1 + (i + j) % 3) for story in stories for i, a in enumerate(story) for j, b in enumerate(story)
            if i < j and (j - i) % 3 != 2]
    fig = charts.cooccurrence_network(pd.DataFrame(rows, columns=["actor_a", "actor_b", "count"]))
    boxes = _shown_label_boxes(fig)
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    assert overlapping == [] and len(boxes) == 30, (len(boxes), len(overlapping))
    assert annotation_texts(fig) == [], "every actor named"
    # each story in a box of its own: the three clusters side by side, each filling its third
    nodes = fig.data[-1]
    spans = {s: (min(x for x, t in zip(nodes.x, nodes.customdata) if t.startswith(f"Person {s}")),
                 max(x for x, t in zip(nodes.x, nodes.customdata) if t.startswith(f"Person {s}"))) for s in "ABC"}
    thirds = {"A": (-0.9, -0.4333), "B": (-0.2334, 0.2334), "C": (0.4333, 0.9)}  # each 70% of its box
    assert all(thirds[s][0] <= low and high <= thirds[s][1] for s, (low, high) in spans.items()), spans
    assert 0.85 < max(nodes.y) <= 0.9 and -0.9 <= min(nodes.y) < -0.85, "each fills its box's height"
    # long names in a crowd: those that would overlap are left to the hover, and the note says so
    crowd = pd.DataFrame(rows, columns=["actor_a", "actor_b", "count"]).replace(r"^Person (\w)(\d) Longname$",
                                                                               r"Person \1\2 with a very long name indeed",
                                                                               regex=True)
    # (ten of them on a circle all fit now: its x axis stretches over the chart's width, names at its sides
    # have that room)
    crowded = charts.cooccurrence_network(crowd, labels=30)
    named = sum(1 for t in crowded.data[-1].text if t)
    assert _shown_label_boxes(crowded) and named == 24
    assert annotation_texts(crowded) == ["24 of 30 actors named (6 left unnamed where names would overlap); hover for "
                                         "the rest."]
    # two actors on one spot: the second name goes to the other side, not over the first
    from analysis.charts._actors import _network_labels

    where = {"a": (0.5, 0.0), "b": (0.5, 0.0001), "c": (-0.5, 0.0)}
    placed = _network_labels(where, ["a", "b", "c"], {"a": "Alpha", "b": "Beta", "c": "Gamma"},
                             dict.fromkeys(where, 0.0), circle=True, height=560)
    assert placed == {"a": "middle right", "b": "middle left", "c": "middle left"}


# ---------------------------------------------------------------------------- attention over time


@pytest.fixture
def daily() -> pd.DataFrame:
    return pd.DataFrame({"day": ["2024-05-02", "2024-05-01", "2024-05-02", "2024-05-03", None],
                         "actor_id": ["israel", "israel", "biden", "biden", "biden"],
                         "actor": ["Israel", "Israel", "Joe Biden", "Joe Biden", "Joe Biden"],
                         "mentions": [5, 3, 2, 4, 9]})


def test_attention_over_time_one_line_per_actor_sorted_and_zero_filled(daily):
    fig = charts.attention_over_time(daily, colors=COLORS)
    assert [(t.type, t.mode, t.name) for t in fig.data] == [("scatter", "lines+markers", "Israel"),
                                                              ("scatter", "lines+markers", "Joe Biden")]
    israel, biden = fig.data
    assert list(israel.x) == ["2024-05-01", "2024-05-02", "2024-05-03"]
    assert list(israel.y) == [3, 5, 0] and list(biden.y) == [0, 2, 4]  # the undated row is left out
    assert israel.line.color == "#222222" and biden.line.color == "#333333"
    assert biden.hovertext[2] == "<b>Joe Biden</b><br>2024-05-03: 4 mentions"
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.dtick == 86_400_000  # whole days, no "06:00"
    grid = charts.attention_over_time(daily, times=["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04"])
    assert list(grid.data[0].x)[-1] == "2024-05-04" and list(grid.data[0].y) == [3, 5, 0, 0], \
        "a day without articles is drawn at 0, not skipped by a straight line"


def test_attention_over_time_two_actors_with_the_same_counts_stay_two_visible_lines():
    # session-14 leftover: two actors mentioned the same on every day drew one line, the second hiding the first
    same = pd.DataFrame({"day": ["2024-05-01", "2024-05-02"] * 3, "actor": ["A", "A", "B", "B", "C", "C"],
                         "mentions": [2, 1, 2, 1, 1, 1]})
    fig = charts.attention_over_time(same)
    assert [(t.name, t.line.width, t.marker.size) for t in fig.data] == [("A", 5, 10), ("B", 2, 6), ("C", 2, 6)]
    hidden = charts.attention_over_time(same, shown=1)  # B is in the legend only: no wide line there
    assert [(t.name, t.visible, t.line.width) for t in hidden.data] == [("A", True, 2), ("B", "legendonly", 2),
                                                                       ("C", "legendonly", 2)]


def test_attention_over_time_gaps_datetimes_and_duplicates(daily):
    daily = daily.dropna().assign(day=lambda d: pd.to_datetime(d["day"], utc=True))
    fig = charts.attention_over_time(daily, fill_value=None)
    assert list(fig.data[1].y) == [None, 2, 4]
    assert fig.data[0].hovertext[0] == "<b>Israel</b><br>2024-05-01: 3 mentions"
    with pytest.raises(InputError, match="attention_over_time: 2 rows share"):
        charts.attention_over_time(pd.concat([daily, daily.iloc[[0]]]))
    only_undated = pd.DataFrame({"day": [None], "actor": ["X"], "mentions": [1]})
    assert annotation_texts(charts.attention_over_time(only_undated))[0].startswith(
        "No dates in this corpus: add a published column or a metadata.csv")


def test_attention_over_time_draws_the_most_mentioned_and_keeps_the_rest_a_click_away():
    table = pd.DataFrame({"day": ["2024-05-01"] * 4, "actor_id": list("abcd"), "actor": list("ABCD"),
                          "mentions": [1, 5, 3, 5]})
    fig = charts.attention_over_time(table, shown=2)
    assert [(t.name, t.visible) for t in fig.data] == [("A", "legendonly"), ("B", True), ("C", "legendonly"),
                                                       ("D", True)]
    assert "2 of 4 drawn; click a name to draw it" in fig.layout.legend.title.text
    every = charts.attention_over_time(table, shown=None)
    assert {t.visible for t in every.data} == {True} and every.layout.legend.title.text == "actor"


def test_attention_over_time_escapes_names(daily):
    daily.loc[0:1, "actor"] = EVIL
    fig = charts.attention_over_time(daily)
    assert fig.data[0].name == EVIL_SAFE
    assert_escaped(fig)


# ------------------------------------------------------------------------------------- tone arc


@pytest.fixture
def tone_table() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d1"] * 5, "sentence_id": [4, 0, 1, 2, 3],
                         "polarity": [0.5, 0.0, 0.25, -0.1, -0.7], "subjectivity": [0.6, 0.0, 0.5, 0.1, 0.9]})


def test_tone_arc_bars_by_sign_in_reading_order_with_sentence_hover(tone_table, sents):
    fig = charts.tone_arc(tone_table, sentences=sents)
    negative, neutral, positive = fig.data
    assert (negative.type, neutral.type, positive.type) == ("bar", "scatter", "bar")
    assert (negative.name, neutral.name, positive.name) == ("negative", "neutral", "positive")
    assert list(negative.x) == [2, 3] and list(negative.y) == [-0.1, -0.7]
    assert list(positive.x) == [1, 4] and list(positive.y) == [0.25, 0.5]
    assert list(neutral.x) == [0] and list(neutral.y) == [0.0]
    assert (negative.marker.color, neutral.marker.color, positive.marker.color) == (
        charts.SIGN_COLORS["negative"], charts.SIGN_COLORS["neutral"], charts.SIGN_COLORS["positive"])
    assert negative.hovertext[0] == ("<b>sentence 2</b> · body<br>polarity -0.100 · subjectivity 0.100<br>"
                                     "Biden warned Israel; Israeli officials shrugged.")
    assert list(fig.layout.yaxis.range) == [-1.05, 1.05]


def test_tone_arc_bars_are_one_width_however_far_apart_a_sign_s_sentences_are():
    # negative sentences 1, 5 and 7, one positive: plotly alone drew the negative bars two sentences
    # wide (their smallest gap), overlapping the neighbours, and the lone positive bar narrower
    table = pd.DataFrame({"doc_id": ["d1"] * 8, "sentence_id": list(range(8)),
                          "polarity": [0.0, -0.1, 0.0, 0.0, 0.5, -0.05, 0.0, -0.25]})
    negative, _, positive = charts.tone_arc(table).data
    assert list(negative.x) == [1, 5, 7] and list(positive.x) == [4]
    assert (negative.width, positive.width) == (0.8, 0.8)
    assert charts.tone_arc(table).layout.barmode == "overlay"


def test_tone_arc_x_axis_runs_from_the_first_sentence_to_the_last(tone_table, sents):
    # red team: the axis started at -1 or -2 (plotly's padding), a sentence before the headline
    assert list(charts.tone_arc(tone_table, sentences=sents).layout.xaxis.range) == [-0.5, 4.5]
    later = tone_table.assign(sentence_id=tone_table["sentence_id"] + 3)  # a passage from sentence 3 on
    assert list(charts.tone_arc(later).layout.xaxis.range) == [2.5, 7.5]


def test_tone_arc_marks_where_each_section_begins(tone_table, sents):
    fig = charts.tone_arc(tone_table, sentences=sents)
    assert [s.x0 for s in fig.layout.shapes] == [-0.5, 0.5, 1.5, 3.5]
    assert annotation_texts(fig) == ["headline", "standfirst", "body", "Why It Matters"]


def test_tone_arc_picks_one_document_and_wraps_long_sentences(tone_table, sents):
    two = pd.concat([tone_table, tone_table.assign(doc_id="d2")])
    with pytest.raises(InputError, match=r"tone_arc: the table holds 2 documents \('d1', 'd2'\); .* doc_id="):
        charts.tone_arc(two, sentences=sents)
    with pytest.raises(InputError, match="doc_id 'd9' is not in the table"):
        charts.tone_arc(two, sentences=sents, doc_id="d9")
    sents.loc[3, "text"] = "word " * 40
    fig = charts.tone_arc(two, sentences=sents, doc_id="d1", colors={"negative": "#000001"})
    assert fig.data[0].hovertext[1].count("<br>") >= 4 and fig.data[0].marker.color == "#000001"
    plain = charts.tone_arc(tone_table)  # no sentences: numbers only, no section marks
    assert plain.data[0].hovertext[0] == "<b>sentence 2</b><br>polarity -0.100 · subjectivity 0.100"
    assert len(plain.layout.shapes) == 0


def test_tone_arc_escapes_sentences_and_section_names(tone_table, sents):
    sents.loc[2, "text"] = f"They said {EVIL}."
    sents.loc[4, "section"] = BOLD
    fig = charts.tone_arc(tone_table, sentences=sents)
    assert fig.data[0].hovertext[0].endswith(f"They said {EVIL_SAFE}.")
    assert BOLD_SAFE in annotation_texts(fig)
    assert_escaped(fig)


# ------------------------------------------------------------------------------- actor tone bars


@pytest.fixture
def tone_summary() -> pd.DataFrame:
    return pd.DataFrame({"actor_id": ["biden", "hamas", "israel"], "actor": ["Joe Biden", "Hamas", "Israel"],
                         "n_mentions": [8, 4, 16], "n_documents": [1, 1, 1],
                         "mean_polarity": [0.1, -0.3, 0.0], "ci_low": [-0.05, -0.5, np.nan],
                         "ci_high": [0.2, -0.1, np.nan]})


def test_actor_tone_bars_diverging_sorted_with_interval_error_bars(tone_summary):
    fig = charts.actor_tone_bars(tone_summary)
    bar, whiskers = fig.data
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.y) == ["Joe Biden (n=8)", "Israel (n=16)", "Hamas (n=4)"] and list(bar.x) == [0.1, 0.0, -0.3]
    # the intervals, a trace of their own: Israel has none, so no bar (plotly.js draws a null one as 0, with caps)
    assert bar.error_x.array is None and list(whiskers.y) == ["Joe Biden (n=8)", "Hamas (n=4)"]
    assert list(whiskers.x) == [0.1, -0.3] and whiskers.hoverinfo == "skip"
    assert list(whiskers.error_x.array) == pytest.approx([0.1, 0.2])
    assert list(whiskers.error_x.arrayminus) == pytest.approx([0.15, 0.2])
    assert list(bar.marker.color) == [charts.SIGN_COLORS["positive"], charts.SIGN_COLORS["neutral"],
                                      charts.SIGN_COLORS["negative"]]
    assert bar.hovertext[2] == ("<b>Hamas</b><br>mean polarity: -0.300<br>95% interval: -0.500 to -0.100"
                                "<br>n = 4 mentions")


def test_actor_tone_bars_table_order_and_one_row_per_actor(tone_summary):
    fig = charts.actor_tone_bars(tone_summary, sort=False, colors={"positive": "#00FF00"})
    assert list(fig.data[0].y) == ["Joe Biden (n=8)", "Hamas (n=4)", "Israel (n=16)"]
    assert fig.data[0].marker.color[0] == "#00FF00"
    assert list(fig.layout.xaxis.range) == pytest.approx([-0.55, 0.55])  # symmetric around 0
    with pytest.raises(InputError, match="actor_tone_bars: 2 rows share actor_id='hamas'"):
        charts.actor_tone_bars(pd.concat([tone_summary, tone_summary.iloc[[1]]]))
    with pytest.raises(InputError, match=r"the table lacks column\(s\) mean_compound \(the mean= column\)"):
        charts.actor_tone_bars(tone_summary, mean="mean_compound")


def test_actor_tone_bars_escapes_names(tone_summary):
    tone_summary.loc[1, "actor"] = EVIL
    fig = charts.actor_tone_bars(tone_summary)
    assert fig.data[0].y[2] == f"{EVIL_SAFE} (n=4)"
    assert_escaped(fig)


def test_actor_tone_bars_few_mentions_apart_in_grey_and_said(tone_summary):
    fig = charts.actor_tone_bars(tone_summary.assign(n_mentions=[8, 2, 16]), min_n=3)
    assert list(fig.data[0].y) == ["Joe Biden (n=8)", "Israel (n=16)", "Hamas (n=2)"], "the thin one goes last"
    assert fig.data[0].marker.color[2] == "#CCCCCC" and fig.data[0].marker.color[0] != "#CCCCCC"
    assert "fewer than 3 mentions" in annotation_texts(fig)[0]
    # without thin actors only the colour rule is written under the chart
    assert annotation_texts(charts.actor_tone_bars(tone_summary, min_n=3)) == [
        "Bar: the mean with its 95% interval; colour: its sign (blue above 0,<br>orange below)."]


def test_actor_tone_bars_set_apart_below_one_threshold_for_every_report(tone_summary):
    # the article brief drew actors of 2 sentences with the others, the corpus report set them apart
    assert charts.TONE_MIN_SENTENCES == 3
    fig = charts.actor_tone_bars(tone_summary.assign(n_mentions=[8, 2, 3]))
    assert list(fig.data[0].y)[-1] == "Hamas (n=2)" and fig.data[0].marker.color[-1] == "#CCCCCC"
    assert list(fig.data[0].marker.color).count("#CCCCCC") == 1, "3 is enough"
    assert annotation_texts(fig)[0] == "Grey, at the bottom: fewer than 3 mentions, too few to read a tone."


def test_actor_tone_bars_colour_by_the_net_share_of_labelled_sentences_not_the_mean():
    # rt17 M4: Helen Marchbank's five sentences were all labelled neutral by the target-aware model, yet her
    # mean target polarity (+0.15, interval above 0) was drawn as a blue, positive bar
    summary = pd.DataFrame({"actor_id": ["hm", "rb", "rw", "jo"], "actor": ["Helen Marchbank", "Rhiannon Blake",
                                                                            "Royal Wessex", "Julia Okafor"],
                            "n_sentences": [5, 4, 11, 3], "n_mentions": [5, 4, 11, 3],
                            "mean_target_polarity": [0.153, 0.230, -0.282, 0.074],
                            "ci_low": [0.091, 0.027, -0.496, -0.278], "ci_high": [0.210, 0.547, -0.051, 0.292],
                            "share_negative": [0.0, 0.0, 5 / 11, 1 / 3], "share_positive": [0.0, 0.25, 1 / 11, 1 / 3]})
    bar = charts.actor_tone_bars(summary).data[0]
    assert list(bar.y) == ["Rhiannon Blake (n=4)", "Helen Marchbank (n=5)", "Julia Okafor (n=3)", "Royal Wessex (n=11)"]
    assert list(bar.marker.color) == [charts.SIGN_COLORS["positive"], charts.SIGN_COLORS["neutral"],
                                      charts.SIGN_COLORS["neutral"], charts.SIGN_COLORS["negative"]]
    assert list(bar.marker.pattern.shape) == ["", "/", "/", ""]  # neutral: grey and hatched
    assert bar.hovertext[1] == ("<b>Helen Marchbank</b><br>mean target polarity: +0.153<br>95% interval: +0.091 to "
                                "+0.210<br>sentences labelled negative 0%, positive 0%: neutral<br>n = 5 sentences")
    assert annotation_texts(charts.actor_tone_bars(summary)) == [
        "Bar: the mean with its 95% interval. Colour: the share of sentences the<br>model labels positive minus the "
        "share the model labels negative (blue:<br>more positive, orange: more negative, grey hatched: as many, neutral),"
        "<br>whichever side of 0 the mean is on."]
    # a TextBlob summary's shares are of the sentences scoring < 0 / > 0: the rule says so
    textblob = summary.rename(columns={"mean_target_polarity": "mean_polarity"})
    assert "share of sentences scoring positive minus the share scoring negative" in annotation_texts(
        charts.actor_tone_bars(textblob))[0].replace("<br>", " ")


def test_voice_bars_top_cuts_by_mentions_and_keeps_every_quoted_actor():
    voice = pd.DataFrame({"actor": ["A", "B", "C", "D", "E"], "mentions": [9, 8, 7, 6, 1],
                          "quoted_direct": [0, 0, 0, 0, 1], "quoted_reported": [0, 0, 0, 0, 0]})
    fig = charts.voice_bars(voice, top=2)
    assert list(fig.data[0].y) == ["A", "B", "E"], "E is quoted: never cut"
    assert "2 less mentioned actor(s) never quoted are left out." in annotation_texts(fig)
    # the top most quoted, not every quoted actor: a corpus of thousands of speakers stays readable
    many = voice.assign(quoted_direct=[0, 0, 1, 5, 4], mentions=[9, 8, 3, 2, 1])
    fig = charts.voice_bars(many, top=2)
    assert list(fig.data[0].y) == ["A", "B", "D", "E"]
    assert "1 less mentioned actor(s) are left out (1 quoted less often than those shown)." in annotation_texts(fig)


def test_prominence_labels_stay_inside_and_apart():
    from analysis.charts._actors import label_positions

    xs = np.array([0.0, 0.02, 0.9, 0.5])
    ys = np.array([10.0, 10.0, 3.0, 1.0])
    positions = label_positions(xs, ys, np.array([True, True, True, False]), lengths=[6, 9, 5, 4],
                                x_range=[-0.05, 1.05], y_range=[0, 11.5])
    assert positions[0] == "top right" and positions[1] == "bottom right", "close names split up and down"
    assert positions[2] == "top left", "a name at the right edge goes left of its point"
    # the election brief: "Riverside Chamber of Commerce" (left of its point at 0.71) ran into "Elm Street"
    # (right of its point at 0.29), both at 1 mention
    xs, ys = np.array([0.0, 0.43, 0.0, 0.29, 0.71, 0.86]), np.array([3.0, 2.0, 1.0, 1.0, 1.0, 1.0])
    names = ["Janet Hollis", "Tomas Ruiz", "Riverside", "Elm Street", "Riverside Chamber of Commerce", "Alicia Brandt"]
    positions = label_positions(xs, ys, np.array([True] * 5 + [False]), lengths=[len(n) for n in names],
                                x_range=[-0.05, 1.05], y_range=[0, 3.45])
    assert positions == ["top right", "top right", "top right", "top right", "bottom left", "top left"], \
        "long names that would overlap split up; an unnamed point keeps its side"


def test_network_force_layout_names_minimum_weight_and_fifty_actors():
    rng = np.random.default_rng(0)
    ids = [f"actor_{i:02d}" for i in range(50)]
    rows = [(ids[i], ids[j], int(rng.integers(1, 6))) for i in range(50) for j in range(i + 1, 50) if rng.random() < 0.08]
    pairs = pd.DataFrame(rows, columns=["actor_a", "actor_b", "count"])
    names = {i: i.replace("actor_", "Actor ") for i in ids}
    fig = charts.cooccurrence_network(pairs, names=names, min_weight=2, labels=30)
    nodes = fig.data[-1]
    kept = pairs[pairs["count"] >= 2]
    assert len(fig.data) == len(kept) + 2
    assert sum(1 for t in nodes.text if t) == 30 and all(t.startswith("Actor ") for t in nodes.text if t)
    points = np.column_stack([nodes.x, nodes.y])
    gaps = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1)) + np.eye(len(points)) * 9
    assert gaps.min() > 0.02, "no two actors on top of each other"
    assert max(abs(v) for v in [*nodes.x, *nodes.y]) == pytest.approx(1.0)
    assert "weaker pair(s) (fewer than 2) left out" in annotation_texts(fig)[0]
    again = charts.cooccurrence_network(pairs, names=names, min_weight=2, labels=30)
    assert list(again.data[-1].x) == list(nodes.x), "the layout is deterministic"


# --------------------------------------------------------------------------------- frame profile


@pytest.fixture
def frames() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame_id": ["conflict", "economic", "conflict", "morality"],
                         "hits": [3, 2, 1, 2], "share": [0.6, 0.4, 1 / 3, 2 / 3]})


def test_frame_profile_stacks_one_trace_per_frame_in_table_order(frames):
    fig = charts.frame_profile(frames)
    assert [t.name for t in fig.data] == ["conflict", "economic", "morality"]
    conflict = fig.data[0]
    assert list(conflict.x) == ["a", "b"] and list(conflict.y) == pytest.approx([0.6, 1 / 3])
    default = charts.frame_colors(frames["frame_id"])
    assert [t.marker.color for t in fig.data] == [default["conflict"], default["economic"], default["morality"]]
    assert fig.layout.barmode == "stack" and conflict.hovertext[1] == "<b>conflict</b><br>b: 0.333 share"
    assert fig.layout.xaxis.showticklabels is True and fig.layout.xaxis.title.text != "this document"
    one = charts.frame_profile(frames[frames["doc_id"] == "a"])
    assert one.layout.xaxis.showticklabels is False and one.layout.xaxis.title.text == "this document"


def test_frame_profile_by_outlet_hits_names_and_grouped(frames):
    by_outlet = frames.rename(columns={"doc_id": "outlet"})
    fig = charts.frame_profile(by_outlet, by="outlet", value="hits", names={"conflict": "Conflict"}, barmode="group",
                               colors={"conflict": "#0000AA"})
    assert fig.data[0].name == "Conflict" and list(fig.data[0].y) == [3, 1]
    assert fig.data[0].marker.color == "#0000AA" and fig.data[1].marker.color == MISSING_COLOR
    assert fig.layout.barmode == "group" and fig.layout.xaxis.title.text == "outlet"
    with pytest.raises(InputError, match="frame_profile: 2 rows share doc_id='a', frame_id='conflict'"):
        charts.frame_profile(pd.concat([frames, frames.iloc[[0]]]))


def test_frame_profile_names_frames_found_nowhere_under_the_legend_instead_of_listing_them(frames):
    frames = pd.concat([frames, pd.DataFrame({"doc_id": ["a", "b"], "frame_id": ["human", "human"],
                                              "hits": [0, 0], "share": [0.0, 0.0]})])
    fig = charts.frame_profile(frames, names={"human": "Human <interest>"})
    assert [t.name for t in fig.data] == ["conflict", "economic", "morality"]
    assert fig.layout.legend.title.text.endswith("no terms found: Human &lt;interest&gt;</span>")
    nothing = charts.frame_profile(frames.assign(share=0.0))  # no frame anywhere: one line says it, no empty axes
    assert not nothing.data and nothing.note.startswith("No frame terms in these articles")


def test_frame_profile_of_one_article_with_one_frame_names_it_in_the_legend_and_hover():
    # an article brief: one bar, "this document"; one frame has a term, two none
    one = pd.DataFrame({"doc_id": ["a", "a", "a"], "frame_id": ["responsibility", "conflict", "economic"],
                        "hits": [1, 0, 0], "share": [1.0, 0.0, 0.0]})
    fig = charts.frame_profile(one, names={"responsibility": "Attribution of responsibility",
                                           "conflict": "Conflict", "economic": "Economic consequences"})
    assert [t.name for t in fig.data] == ["Attribution of responsibility"]
    assert fig.layout.showlegend is True  # plotly would hide the legend of a single trace
    assert fig.data[0].hovertext[0].startswith("<b>Attribution of responsibility</b>")
    assert fig.layout.xaxis.title.text == "this document"
    assert fig.layout.legend.title.text.endswith("no terms found: Conflict, Economic consequences</span>")


def test_frame_profile_fades_a_frame_below_its_threshold():
    # the red team's brief: one term of "responsibility" drew a 100% bar while the findings said no
    # frame reaches its threshold; with the document table's present column the bar says it
    two = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame_id": ["responsibility", "conflict"] * 2,
                        "share": [1.0, 0.0, 0.4, 0.6], "present": [False, False, True, False]})
    fig = charts.frame_profile(two)
    responsibility, conflict = fig.data
    assert responsibility.marker.opacity == (0.5, 1.0) and responsibility.marker.pattern.shape == ("/", "")
    assert responsibility.hovertext[0].endswith("below the frame's threshold: not counted as present")
    assert "below" not in responsibility.hovertext[1]
    assert conflict.marker.opacity == (0.5, 0.5) and conflict.x == ("a", "b")
    assert "faded, hatched: terms found, below the frame's threshold" in fig.layout.legend.title.text
    assert "faded" not in charts.frame_profile(two.drop(columns="present")).layout.legend.title.text


def test_frame_profile_gives_each_generic_frame_its_own_colour_solid_and_faded():
    # the red team's screenshots: conflict (blue) and responsibility (sky blue), both below their threshold,
    # were two near-identical light-blue hatchings (faded to 0.35: CIEDE2000 5.9)
    from tests.charts.colour_difference import difference, faded

    ids = ["conflict", "economic", "human_interest", "morality", "responsibility"]  # the generic codebook
    table = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5, "frame_id": ids * 2, "share": [0.2] * 10,
                          "present": [True] * 5 + [False] * 5})
    fig = charts.frame_profile(table, by="outlet")
    assert [t.name for t in fig.data] == ids
    assert [t.marker.color for t in fig.data] == ["#0072B2", "#C58500", "#009E73", "#604E97", "#800000"]
    assert charts.frame_colors(ids) == dict(zip(ids, charts.FRAME_PALETTE))
    assert {t.marker.opacity for t in fig.data} == {(1.0, 0.5)}
    assert {(t.marker.pattern.shape, t.marker.pattern.fillmode, t.marker.pattern.fgcolor) for t in fig.data} \
        == {(("", "/"), "overlay", "white")}, "hatched in white over the frame's colour, not in the colour on white"
    drawn = [(t.marker.color, faded(t.marker.color, t.marker.opacity[1])) for t in fig.data]
    looks = [min(difference(a, b), difference(fa, fb), difference(a, fb), difference(fa, b))
             for i, (a, fa) in enumerate(drawn) for b, fb in drawn[i + 1:]]
    assert round(min(looks), 1) == 21.5, "solid or faded, no frame looks like another"


def test_frame_profile_labels_each_documents_bar_by_its_headline(frames):
    # the guided tour's frame chart was labelled by document id where a reader looks for the headline
    frames = pd.concat([frames, pd.DataFrame({"doc_id": ["c"], "frame_id": ["conflict"], "hits": [1], "share": [1.0]})])
    headlines = {"a": "Council backs <b>stadium</b> plan in a late-night vote after a long and angry debate",
                 "b": "Council backs <b>stadium</b> plan in a late-night vote after a long and angry debate",
                 "c": None}  # a and b share a headline; c has none
    fig = charts.frame_profile(frames, bar_names=headlines)
    assert list(fig.data[0].x) == ["a", "b", "c"], "one bar per document, even of one headline"
    # about 48 characters, cut at a space, in lines as wide as a third of the bars' width (30 characters)
    shown = "Council backs &lt;b&gt;stadium&lt;/b&gt;<br>plan in a…"
    assert list(fig.layout.xaxis.ticktext) == [shown, shown, "c"] and list(fig.layout.xaxis.tickvals) == ["a", "b", "c"]
    assert fig.data[0].hovertext[0] == ("<b>conflict</b><br>Council backs &lt;b&gt;stadium&lt;/b&gt; plan in a "
                                        "late-night vote after a long<br>and angry debate: 0.600 share")
    assert fig.data[0].hovertext[2] == "<b>conflict</b><br>c: 1 share", "no headline: the id"
    assert fig.layout.xaxis.title.text == "article"
    assert charts.frame_profile(frames).layout.xaxis.ticktext is None, "without bar_names: the ids, as before"


def test_frame_profile_of_many_headlines_set_upright_grows_by_their_length():
    # red team rt17 L3: eight upright headlines under a 450-px chart left a plot area 70 px high
    heads = {f"d{i}": f"Trust boss grilled by councillors over maternity failings {i}" for i in range(8)}
    table = pd.DataFrame({"doc_id": list(heads), "frame_id": "conflict", "hits": 3, "share": 1.0})
    fig = charts.frame_profile(table, bar_names=heads)
    assert fig.layout.xaxis.tickangle == 90
    assert fig.layout.xaxis.ticktext[0] == "Trust boss grilled by councillors over…"  # 40 characters at most
    assert fig.layout.height == 420 + 40 * 7 + 24  # the plot as tall as with level names, plus the names
    short = charts.frame_profile(table.head(2), bar_names=heads)
    assert short.layout.xaxis.tickangle != 90 and short.layout.height is None, "level names: plotly's height"


def test_frame_profile_escapes_labels(frames):
    frames.loc[0, "doc_id"] = EVIL
    fig = charts.frame_profile(frames, names={"economic": BOLD})
    assert fig.data[0].x[0] == EVIL_SAFE and fig.data[1].name == BOLD_SAFE
    assert_escaped(fig)


# --------------------------------------------------------------------------- actor frame heatmap


@pytest.fixture
def actor_frames() -> pd.DataFrame:
    return pd.DataFrame({"actor_id": ["netanyahu", "netanyahu", "biden"], "frame_id": ["conflict", "economic", "conflict"],
                         "sentences": [3, 1, 2], "hits": [4, 1, 2]})


def test_actor_frame_heatmap_pivots_actors_by_frames_with_zeros(actor_frames):
    fig = charts.actor_frame_heatmap(actor_frames, names={"netanyahu": "Benjamin Netanyahu"})
    (heat,) = fig.data
    assert heat.type == "heatmap"
    assert list(heat.y) == ["Benjamin Netanyahu", "biden"] and list(heat.x) == ["conflict", "economic"]
    assert [list(row) for row in heat.z] == [[3, 1], [2, 0]]
    assert [list(row) for row in heat.text] == [["3", "1"], ["2", "0"]]
    assert heat.hovertext[1][1] == "<b>biden</b> · economic<br>sentences: 0"
    assert (heat.zmin, heat.zmax) == (0, 3), "counts: the scale runs from 0 to the largest cell"
    assert not fig.layout.xaxis.title.text, "the frames label their columns on top; an axis title there sat on the title"
    ones = charts.actor_frame_heatmap(actor_frames.assign(sentences=1)).data[0]
    assert (ones.zmin, ones.zmax) == (0, 1), "every cell 1: a scale of 0 to 1, not 0.5 to 1.5"


def test_actor_frame_heatmap_other_value_blank_cells_and_actor_names(actor_frames):
    named = actor_frames.assign(actor=["Benjamin Netanyahu", "Benjamin Netanyahu", "Joe Biden"])
    assert list(charts.actor_frame_heatmap(named).data[0].y) == ["Benjamin Netanyahu", "Joe Biden"]
    assert list(charts.actor_frame_heatmap(named, names={"biden": "Biden"}).data[0].y)[1] == "Biden"
    fig = charts.actor_frame_heatmap(actor_frames, value="hits", fill_value=None)
    assert [list(row) for row in fig.data[0].z] == [[4, 1], [2, None]]
    assert fig.data[0].hovertext[1][1].endswith("term hits: no row")
    assert fig.data[0].colorbar.title.text == "term hits"


def test_actor_frame_heatmap_escapes_labels(actor_frames):
    fig = charts.actor_frame_heatmap(actor_frames, names={"biden": EVIL, "economic": BOLD})
    assert fig.data[0].y[1] == EVIL_SAFE and fig.data[0].x[1] == BOLD_SAFE
    assert_escaped(fig)


# ----------------------------------------------------------------------------- outlet comparison


@pytest.fixture
def by_outlet() -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["AP", "AP", "Reuters", "Reuters", None],
        "actor_id": ["israel", "biden", "israel", "hamas", "israel"],
        "actor": ["Israel", "Joe Biden", "Israel", "Hamas", "Israel"],
        "mentions": [5, 2, 4, 1, 3],
    })


def _panel_of(trace) -> str:
    return trace.xaxis


def test_outlet_comparison_one_panel_per_outlet_own_categories_in_one_order(by_outlet):
    fig = charts.outlet_comparison(by_outlet, colors=COLORS)
    assert [a.text for a in fig.layout.annotations] == ["AP", "Reuters", "(no outlet)"]
    assert [(_panel_of(t), t.name, list(t.y)) for t in fig.data] == [
        ("x", "Israel", [5]), ("x", "Joe Biden", [2]), ("x2", "Israel", [4]), ("x2", "Hamas", [1]),
        ("x3", "Israel", [3])]
    assert fig.data[0].marker.color == "#222222" and fig.data[3].marker.color == MISSING_COLOR
    # Reuters never names Joe Biden: no empty slot for him there (it would read as a measured 0)
    assert [list(a.categoryarray) for a in (fig.layout.xaxis, fig.layout.xaxis2, fig.layout.xaxis3)] == [
        ["Israel", "Joe Biden"], ["Israel", "Hamas"], ["Israel"]]
    assert fig.layout.yaxis2.matches == "y"  # shared scale
    assert not any(t.showlegend for t in fig.data)  # the x axis already names the actors


def test_outlet_comparison_cuts_long_category_names_under_the_bars_and_keeps_them_whole_in_the_hover(by_outlet):
    by_outlet.loc[1, "actor"] = "two officials familiar with the inquiry & <more>"
    fig = charts.outlet_comparison(by_outlet)
    assert list(fig.data[1].x) == ["two officials familiar with the…"]  # 34 characters at most
    assert fig.data[1].hovertext[0].endswith("two officials familiar with the inquiry &amp; &lt;more&gt;: 2 mentions")
    assert list(fig.layout.xaxis.categoryarray) == ["Israel", "two officials familiar with the…"]


def test_outlet_comparison_sets_names_upright_when_they_would_run_into_the_next_panel(by_outlet):
    # red team: names slanted at 30 degrees ran under the next panel's names
    from analysis.charts._compare import panel_spacing, x_labels_upright

    level = charts.outlet_comparison(by_outlet)
    assert level.layout.xaxis.tickangle == 0 and level.layout.height == 400, "level, never slanted by plotly"
    by_outlet.loc[1, "actor"] = "two officials familiar with the inquiry"
    wrapped = charts.outlet_comparison(by_outlet)
    # "two officials familiar with the…" in a slot of 600 px / 3 panels / 2 bars: 12 characters a line
    assert [wrapped.layout[f"xaxis{n}"].tickangle for n in ("", "2", "3")] == [90, 90, 90]
    assert (wrapped.layout.height, wrapped.layout.margin.b) == (608, 278)  # 248 px of names under each row
    assert x_labels_upright(["Joe Biden"], panels=3, per_panel=2) is False  # 9 characters in a slot of 12
    assert x_labels_upright(["two officials familiar…"], panels=3, per_panel=2) is False  # 3 lines of 12
    assert x_labels_upright(["two officials familiar with the…"], panels=3, per_panel=2) is True  # 4 lines
    assert panel_spacing([], rows=1) == {"height": 400, "vertical_spacing": 0.0, "margin_b": 60, "margin_t": 70}
    assert panel_spacing(["abcdefghij"], rows=2) == {"height": 858, "vertical_spacing": 144 / 664, "margin_b": 124,
                                                     "margin_t": 70}
    assert panel_spacing([], rows=1, label_lines=2) == {"height": 406, "vertical_spacing": 0.0, "margin_b": 76,
                                                        "margin_t": 70}


def test_outlet_comparison_draws_a_tone_summary_with_its_interval_and_size(by_outlet):
    # a user's "Tone around actors, by outlet": a bar from one sentence looked as solid as one from fifty
    tone = by_outlet.drop(columns="mentions").assign(
        mean_target_polarity=[0.25, -0.5, 0.0, 0.1, -0.2], ci_low=[0.1, -0.5, -0.3, 0.1, -0.4],
        ci_high=[0.4, -0.5, 0.2, 0.1, 0.0], n_sentences=[12, 1, 7, 1, 3])
    fig = charts.outlet_comparison(tone, y="mean_target_polarity")
    first = fig.data[0]
    assert list(first.error_y.array) == [pytest.approx(0.15)] and list(first.error_y.arrayminus) == [pytest.approx(0.15)]
    assert list(fig.data[1].error_y.array) == [0.0]  # one sentence: no interval to draw
    assert first.hovertext[0].endswith("0.250 mean target polarity<br>95% interval 0.100 to 0.400<br>n = 12 sentences")
    assert charts.outlet_comparison(by_outlet).data[0].error_y.array is None  # counts have no interval


def test_outlet_comparison_panels_in_name_order_others_and_no_outlet_last(by_outlet):
    shuffled = pd.concat([by_outlet.iloc[[4, 2, 0]], pd.DataFrame({"outlet": ["others"], "actor_id": ["hamas"],
                                                                    "actor": ["Hamas"], "mentions": [1]})])
    fig = charts.outlet_comparison(shuffled.assign(outlet=shuffled["outlet"].replace({"AP": "ap"})))
    assert [a.text for a in fig.layout.annotations] == ["ap", "Reuters", "others", "(no outlet)"]


def test_outlet_comparison_lines_and_panels_per_row(by_outlet):
    table = pd.DataFrame({"outlet": ["AP", "AP", "AP", "BBC", "CNN", "DW"], "day": ["2", "1", "1", "1", "1", "1"],
                          "actor_id": ["a", "a", "b", "a", "a", "a"], "actor": ["A", "A", "B", "A", "A", "A"],
                          "mentions": [2, 1, 7, 1, 1, 1]})
    fig = charts.outlet_comparison(table, x="day", kind="line", panels_per_row=2)
    axes = sorted(k for k in fig.layout.to_plotly_json() if k.startswith("xaxis"))
    assert len(axes) == 4 and fig.layout.xaxis3.domain[0] == fig.layout.xaxis.domain[0]  # 2 x 2 grid
    assert list(fig.data[0].x) == ["1", "2"] and list(fig.data[0].y) == [1, 2]  # sorted along x
    assert [t.showlegend for t in fig.data[:3]] == [True, True, False]
    with pytest.raises(InputError, match="kind='pie'; use 'bar' or 'line'"):
        charts.outlet_comparison(by_outlet, kind="pie")
    with pytest.raises(InputError, match="panels_per_row=0"):
        charts.outlet_comparison(by_outlet, panels_per_row=0)


def test_outlet_comparison_escapes_outlets_and_names(by_outlet):
    by_outlet.loc[0:1, "outlet"] = EVIL
    by_outlet.loc[3, "actor"] = BOLD
    fig = charts.outlet_comparison(by_outlet)
    assert fig.layout.annotations[0].text == EVIL_SAFE and fig.data[3].x[0] == BOLD_SAFE
    assert_escaped(fig)
    lines = charts.outlet_comparison(by_outlet.assign(day=[EVIL, "2", "1", "1", "1"]), x="day", kind="line")
    assert EVIL_SAFE in list(lines.data[0].x) and lines.data[0].hovertext[0].endswith(f"{EVIL_SAFE}: 5 mentions")
    assert_escaped(lines)


# ------------------------------------------------------------------------------------------ kwic


def _cells(fig: go.Figure) -> list[list[str]]:
    return [list(col) for col in fig.data[0].cells.values]


def test_kwic_table_finds_a_term_on_word_edges_case_insensitively(sents):
    fig = charts.kwic_table(sents, term="israel")
    header = list(fig.data[0].header.values)
    assert header == ["<b>sentence</b>", "<b>left context</b>", "<b>israel</b>", "<b>right context</b>"]
    sid, left, match, right = _cells(fig)  # one document: no document column
    assert sid == ["0", "1", "2"]  # "Israeli" in sentence 2 is not a match
    assert match == ["<b>Israel</b>"] * 3
    assert left == ["", "Netanyahu said", "Biden warned"]
    assert right == ["defies U.S.", "will stand alone.", "; Israeli officials shrugged."]
    assert fig.data[0].cells.font.color[2] == "#D55E00"
    prefix = charts.kwic_table(sents, term="Israel*")
    assert _cells(prefix)[2] == ["<b>Israel</b>", "<b>Israel</b>", "<b>Israel</b>", "<b>Israeli</b>"]
    two = charts.kwic_table(pd.concat([sents, sents.assign(doc_id="d2")]), term="israel")
    assert two.data[0].header.values[0] == "<b>document</b>" and _cells(two)[0] == ["d1"] * 3 + ["d2"] * 3
    assert charts.kwic_table(sents, term="israel", case_sensitive=True).layout.annotations[0].text == (
        "No matches found for &#x27;israel&#x27;: try another spelling, a shorter term or a regular expression")


def test_kwic_table_from_mentions_offsets_and_context_width(sents):
    mentions = pd.DataFrame({"doc_id": ["d1", "d1"], "sentence_id": [1, 2], "actor": ["Israel", "Joe Biden"],
                             "start": [15, 0], "end": [21, 5]})
    fig = charts.kwic_table(sents, mentions=mentions, width=10)
    sid, actor, left, match, right = _cells(fig)
    assert actor == ["Israel", "Joe Biden"] and match == ["<b>Israel</b>", "<b>Biden</b>"]
    assert left == ["…said", ""] and right == ["will…", "warned…"]
    bad = mentions.assign(end=[99, 5])
    with pytest.raises(InputError, match=r"kwic_table: mentions row 0 \(doc_id 'd1', sentence 1\): start=15, end=99"):
        charts.kwic_table(sents, mentions=bad)
    with pytest.raises(InputError, match="either term='...' or mentions=<mentions rows>, not both"):
        charts.kwic_table(sents, term="x", mentions=mentions)
    with pytest.raises(InputError, match="not neither"):
        charts.kwic_table(sents)


def test_kwic_table_of_one_actor_across_documents_shows_headlines_not_ids(sents):
    two = pd.concat([sents, sents.assign(doc_id="d2")])
    mentions = pd.DataFrame({"doc_id": ["d1", "d2"], "sentence_id": [1, 2], "actor": ["Joe Biden"] * 2,
                             "start": [0, 0], "end": [9, 5]})
    fig = charts.kwic_table(two, mentions=mentions, names={"d1": "Israel defies U.S."})
    assert list(fig.data[0].header.values) == ["<b>document</b>", "<b>sentence</b>", "<b>left context</b>",
                                               "<b>mention</b>", "<b>right context</b>"]
    assert _cells(fig)[0] == ["Israel defies U.S.", "d2"]  # an id without a name is shown as is


def test_kwic_table_limits_rows_and_says_so(sents):
    fig = charts.kwic_table(sents, term="Israel", limit=2)
    assert _cells(fig)[0] == ["0", "1"]
    assert fig.layout.title.text == "Keyword in context: Israel (first 2 of 3)"
    with pytest.raises(InputError, match=r"kwic_table: term='\*' is empty"):
        charts.kwic_table(sents, term="*")


def test_kwic_table_escapes_every_cell_before_highlighting(sents):
    sents.loc[1, "text"] = f"{EVIL} Netanyahu <script>alert(2)</script>"
    sents.loc[1, "doc_id"] = BOLD
    fig = charts.kwic_table(pd.concat([sents, sents.iloc[[1]].assign(doc_id="d2")]), term="Netanyahu")
    doc, sid, left, match, right = _cells(fig)  # two documents: the document column is shown, escaped
    assert doc == [BOLD_SAFE, "d2"] and left == [EVIL_SAFE] * 2 and match == ["<b>Netanyahu</b>"] * 2
    assert right == ["&lt;script&gt;alert(2)&lt;/script&gt;"] * 2
    hostile_term = charts.kwic_table(sents, term=EVIL)
    assert _cells(hostile_term)[2] == [f"<b>{EVIL_SAFE}</b>"]  # its one document: no document column
    assert hostile_term.layout.title.text == f"Keyword in context: {EVIL_SAFE}"
    assert_escaped(fig)


def test_two_actors_with_one_name_get_distinct_labels():
    voice = pd.DataFrame({"actor_id": ["person:coastal_freight", "other:coastal_freight"],
                          "actor": ["Coastal Freight", "Coastal Freight"], "mentions": [3, 2],
                          "quoted_direct": [1, 0], "quoted_reported": [0, 0]})
    fig = charts.voice_bars(voice)
    assert list(fig.data[0].y) == ["Coastal Freight (person)", "Coastal Freight (other)"]


def test_voice_bars_key_speakers_linked_to_no_actor_by_their_words():
    # wb.voice gives speakers linked to no actor or entity a row with actor_id NA ("a senior official")
    voice = pd.DataFrame({"actor_id": ["person:ann_lee", pd.NA, pd.NA],
                          "actor": ["Ann Lee", "A spokesperson for Coastal Freight", "a poll by Westbay University"],
                          "mentions": [3, 0, 0], "quoted_direct": [1, 0, 0], "quoted_reported": [0, 1, 1],
                          "never_quoted": [False, False, False]})
    fig = charts.voice_bars(voice)
    drawn = {label for trace in fig.data for label in (trace.y if trace.y is not None else ())}
    assert drawn == {"Ann Lee", "A spokesperson for Coastal Freight", "a poll by Westbay University"}


# ------------------------------------------------------------------ integer ticks on count axes


def test_count_axis_whole_ticks_only_for_small_integer_columns():
    from analysis.charts._base import count_axis

    assert count_axis(pd.Series([0, 3])) == {"tick0": 0, "dtick": 1}
    assert count_axis(pd.Series([2, 10])) == {"tick0": 0, "dtick": 1}
    assert count_axis(pd.Series([2, 11])) == {}, "plotly's own steps are whole numbers from here"
    assert count_axis(pd.Series([1, 2]), top=12) == {}, "stacked bars end at their sum"
    assert count_axis(pd.Series([0.5, 1.0])) == {}, "shares and means keep plotly's ticks"
    assert count_axis(pd.Series([], dtype="int64")) == {"tick0": 0, "dtick": 1}


def test_count_charts_show_whole_number_ticks_never_halves(rollup, prominence, voice, daily, tone_table, frames,
                                                             by_outlet):
    small = charts.mentions_by_group(rollup.assign(mentions=[1, 2, 1, 1])).layout.yaxis
    assert (small.tick0, small.dtick) == (0, 1), "stacks of 3 at most: ticks 0, 1, 2, 3"
    assert charts.mentions_by_group(rollup).layout.yaxis.dtick is None, "stacks reach 23"
    sixes = rollup.assign(mentions=[6, 6, 1, 1])
    assert charts.mentions_by_group(sixes).layout.yaxis.dtick is None, "the Israel stack reaches 12"
    assert charts.mentions_by_group(sixes, barmode="group").layout.yaxis.dtick == 1, "side by side: 6 at most"
    shares = rollup.assign(share=[0.5, 0.5, 1.0, 0.0])
    assert charts.mentions_by_group(shares, value="share").layout.yaxis.dtick is None
    fig = charts.prominence_scatter(prominence)
    assert fig.layout.yaxis.dtick == 1 and fig.layout.xaxis.dtick is None, "mentions whole, positions not"
    assert charts.voice_bars(voice).layout.xaxis.dtick == 1
    assert charts.voice_bars(voice.assign(mentions=[40, 70, 80])).layout.xaxis.dtick is None
    assert charts.attention_over_time(daily).layout.yaxis.dtick == 1
    assert charts.tone_arc(tone_table).layout.xaxis.dtick == 1, "sentence numbers"
    assert charts.frame_profile(frames, value="hits").layout.yaxis.dtick == 1
    assert charts.frame_profile(frames).layout.yaxis.dtick is None, "shares"
    assert charts.outlet_comparison(by_outlet).layout.yaxis.dtick == 1


def test_time_charts_with_a_period_name_it_in_the_hover_not_a_bare_date():
    weekly = pd.DataFrame({"period": ["2024-05-06", "2024-05-13"], "actor_id": "x", "actor": "X", "mentions": [2, 1]})
    fig = charts.attention_over_time(weekly, time="period", period="week")
    assert list(fig.data[0].hovertext) == ["<b>X</b><br>week of 2024-05-06: 2 mentions",
                                           "<b>X</b><br>week of 2024-05-13: 1 mentions"]
    assert charts.attention_over_time(weekly, time="period").data[0].hovertext[0] == "<b>X</b><br>2024-05-06: 2 mentions"
    frames = pd.DataFrame({"period": ["2024-05-01", "2024-06-01"], "frame_id": "conflict", "share": [1.0, 1.0]})
    fig = charts.frame_profile(frames, by="period", period="month")
    assert list(fig.layout.xaxis.ticktext) == ["May 2024", "June 2024"]
    assert fig.data[0].hovertext[1] == "<b>conflict</b><br>June 2024: 1 share"
