"""The chart helpers of ``analysis.charts._base`` shared by every builder: exact values on tiny inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts._base import (MISSING_COLOR, ChartNote, axis_values, chart_table, color_keys, column_label,
                                   date_axis, distinct_names, empty_figure, hover_lines, key_column, labels_of,
                                   new_figure, period_label, point_label, require_choice, require_unique,
                                   resolve_colors, sign_of)
from analysis.errors import InputError


def test_resolve_colors_takes_the_callers_mapping_and_greys_keys_it_lacks():
    assert resolve_colors(["a", "b"], {"a": "#111111"}) == {"a": "#111111", "b": MISSING_COLOR}
    assert resolve_colors(["a", "b"], None, {"b": "#222222"}) == {"a": MISSING_COLOR, "b": "#222222"}
    own = resolve_colors(["a", "b"], None)
    assert set(own) == {"a", "b"} and own["a"] != own["b"]


def test_date_axis_gives_whole_day_ticks_for_midnight_dates_within_two_weeks():
    assert date_axis(["2024-01-01", "2024-01-05"]) == {"type": "date", "tickformat": "%-d %b %Y",
                                                        "hoverformat": "%-d %b %Y", "dtick": 86_400_000}
    assert date_axis(["2024-01-01", "2024-03-01"]) == {"type": "date", "tickformat": "%-d %b %Y",
                                                        "hoverformat": "%-d %b %Y"}
    assert date_axis(["2024-01-01 06:00"]) == {}, "a time of day keeps plotly's ticks"
    from analysis import charts

    assert charts.DAY_FORMAT == "%-d %b %Y", "3 Nov 2026: day month year, read the same way everywhere"
    assert date_axis([None]) == {}
    assert date_axis(["not a date"]) == {}


def test_column_label_names_known_columns_and_spaces_the_rest():
    assert column_label("hits_per_1000_words") == "hits per 1,000 words"
    assert column_label("my_column") == "my column"
    assert column_label("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_period_label_says_what_a_weekly_or_monthly_point_stands_for():
    assert period_label("2024-05-06", "week") == "week of 2024-05-06"
    assert period_label(pd.Timestamp("2024-05-01"), "month") == "May 2024"
    assert period_label("2024-05-06", "day") == period_label("2024-05-06", None) == "2024-05-06"
    assert period_label("Daily", "week") == "Daily", "no date: shown as it is"
    assert period_label(None, "week") == "n/a"


def test_point_label_dates_numbers_and_text():
    assert point_label(pd.Timestamp("2024-03-05")) == "2024-03-05"
    assert point_label(pd.Timestamp("2024-03-05 14:30")) == "2024-03-05 14:30"
    assert point_label(1234) == "1,234"
    assert point_label("already &amp; escaped") == "already &amp; escaped"


def test_sign_of():
    assert [sign_of(v) for v in (-0.5, 0, 0.2, float("nan"))] == ["negative", "neutral", "positive", "neutral"]


def test_chart_table_checks_the_drawn_columns_of_a_table_with_rows_only():
    table = pd.DataFrame({"a": [1]})
    assert chart_table(table, "bars", columns={"x": "a"}, source="wb.frames(documents)") is table
    with pytest.raises(InputError) as raised:
        chart_table(table, "bars", columns={"x": "a", "y": "b"}, source="wb.frames(documents)")
    assert str(raised.value) == ("bars: the table lacks column(s) b (the y= column); its columns are: a. "
                                 "Pass y='<column>' to name the right one, or pass wb.frames(documents)")
    empty = pd.DataFrame()
    assert chart_table(empty, "bars", columns={"y": "b"}, source="-") is empty  # drawn as a note
    with pytest.raises(InputError) as raised:  # the one check of analysis.errors, with the builder's fix
        chart_table({}, "bars", columns={"y": "b"}, source="wb.frames(documents)")
    assert str(raised.value) == "bars: the table must be a pandas DataFrame, not a dict; pass wb.frames(documents)"


def test_require_choice_lists_the_options():
    require_choice("stack", ("stack", "group"), name="barmode", fn="bars")
    with pytest.raises(InputError, match=r"^bars: barmode='pile'; use 'stack' or 'group'$"):
        require_choice("pile", ("stack", "group"), name="barmode", fn="bars")
    with pytest.raises(InputError, match=r"^net: layout=None; use 'auto', 'circle' or 'force'$"):
        require_choice(None, ("auto", "circle", "force"), name="layout", fn="net")


def test_require_unique_refuses_two_rows_for_one_mark():
    require_unique(pd.DataFrame({"k": [1, 2]}), ["k"], "bars", hint="aggregate first")
    with pytest.raises(InputError, match=r"bars: 2 rows share k=1; .* aggregate first"):
        require_unique(pd.DataFrame({"k": [1, 1]}), ["k"], "bars", hint="aggregate first")


def test_key_column_and_color_keys_fall_back_to_the_label():
    table = pd.DataFrame({"actor_id": ["a:1", None, None], "name": ["One", "Two", None]})
    assert key_column(table, "actor_id", "name") == "actor_id"
    assert key_column(table, "entity_id", "name") == "name"
    assert key_column(table, None, "name") == "name"
    assert color_keys(table, "actor_id", "name").tolist() == ["a:1", "Two", "(none)"]


def test_distinct_names_tags_a_name_two_keys_share():
    table = pd.DataFrame({"key": ["person:cf", "org:cf", "person:x"],
                          "name": ["Coastal Freight", "Coastal Freight", "<X>"]})
    keys, names = distinct_names(table, "key", "name")
    assert keys.tolist() == ["person:cf", "org:cf", "person:x"]
    assert names == ["Coastal Freight (person)", "Coastal Freight (org)", "&lt;X&gt;"]


def test_axis_values_and_labels_of_escape_text_only():
    assert axis_values(["<a>", 1.5, None]) == ["&lt;a&gt;", 1.5, None]
    assert labels_of(["<a>", None]) == ["&lt;a&gt;", "(none)"]
    assert labels_of([None], missing="-") == ["-"]


def test_new_figure_escapes_its_title_and_sets_the_height():
    fig = new_figure("<b>T</b>", height=300)
    assert fig.layout.title.text == "&lt;b&gt;T&lt;/b&gt;"
    assert fig.layout.height == 300
    assert new_figure(None).layout.title.text is None


def test_empty_figure_is_a_note_with_the_hint():
    fig = empty_figure("no dates", title="Timeline", hint="add dates")
    assert isinstance(fig, ChartNote)
    assert fig.note == "no dates: add dates"
    assert fig._repr_mimebundle_()["text/plain"] == "no dates: add dates"


def test_hover_lines_drops_empty_lines():
    assert hover_lines("a", "", "b") == "a<br>b"
    assert hover_lines() == ""


def test_first_labels_takes_each_keys_first_label_and_tags_a_name_two_keys_share():
    from analysis.charts._base import first_labels

    table = pd.DataFrame({"key": ["person:cf", "org:cf", "person:cf", "x"],
                          "name": ["Coastal Freight", "Coastal Freight", "Later name", None]})
    assert first_labels(table, table["key"], "name") == {
        "person:cf": "Coastal Freight (person)", "org:cf": "Coastal Freight (org)", "x": "(none)"}


def test_shorten_cuts_at_a_space_with_an_ellipsis_and_keeps_a_word_ending_at_the_width():
    from analysis.charts._base import shorten

    headline = "Mayor Hollis faces challenger in tight Riverside race"
    assert shorten(headline, width=60) == headline
    assert shorten(headline, width=48) == "Mayor Hollis faces challenger in tight Riverside…", "48 characters end a word"
    assert shorten(headline, width=45) == "Mayor Hollis faces challenger in tight…"
    assert shorten("Debate   turns,  to housing", width=14) == "Debate turns…", "spaces made one; no comma before …"
    assert shorten("x" * 20, width=8) == "xxxxxxxx…", "one long word: cut inside it"
    assert shorten("<b>A & B</b>", width=60) == "<b>A & B</b>", "not escaped: the caller escapes"


def test_colour_difference_matches_the_published_ciede2000_test_pairs():
    from tests.charts.colour_difference import de2000_lab, difference, faded

    # Sharma, Wu & Dalal (2005), table 1, pairs 1 and 7
    assert round(de2000_lab((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4) == 2.0425
    assert round(de2000_lab((50, 0, 0), (50, -1, 2)), 4) == 2.3669
    assert difference("#123456", "#123456") == 0 and faded("#000000", 0.5) == "#808080"


def test_the_palette_gives_no_two_actors_shades_of_one_hue():
    from analysis.charts import OKABE_ITO, OTHERS_COLOR, PALETTE
    from tests.charts.colour_difference import difference

    first, rest = PALETTE[:12], PALETTE
    pairs = lambda colours: [(difference(a, b), a, b) for i, a in enumerate(colours) for b in colours[i + 1:]]
    # the old palette's closest pairs: blue #0072B2 and "mid blue" #1F78B4 (2.3), sky blue #56B4E9 and
    # pale cyan #88CCEE (8.0), vermillion #D55E00 and rust #B15928 (8.7)
    assert min(pairs(first))[0] >= 20, min(pairs(first))  # the twelve most mentioned: clearly apart
    assert min(pairs(rest))[0] >= 15, min(pairs(rest))
    assert min(difference(c, OTHERS_COLOR) for c in PALETTE) >= 20, "no actor looks like the grey of 'others'"
    kept = ("blue", "bluish green", "reddish purple", "vermillion", "black")
    assert [PALETTE[i] for i in (0, 2, 3, 5, 7)] == [OKABE_ITO[k] for k in kept], "their Okabe–Ito colours stay"


def test_every_palette_colour_stands_out_on_white_and_dark_or_adjacent_ones_stay_apart():
    # red team: the yellow line was faint on white (#F0E442: 1.3:1), wine #882255 and maroon #800000 looked alike
    from analysis.charts import FRAME_PALETTE, OKABE_ITO, PALETTE
    from tests.charts.colour_difference import contrast_on_white, difference, lab, simulated

    assert round(contrast_on_white("#F0E442"), 2) == 1.32 and round(contrast_on_white("#0072B2"), 2) == 5.19
    assert round(min(contrast_on_white(c) for c in PALETTE), 2) == 3.06
    assert min(contrast_on_white(c) for c in FRAME_PALETTE) >= 3
    dark = [c for c in PALETTE if lab(c)[0] < 45]
    assert len(dark) == 7 and round(min(difference(a, b) for i, a in enumerate(dark) for b in dark[i + 1:]), 1) == 22.3
    assert round(min(difference(a, b) for a, b in zip(PALETTE, PALETTE[1:])), 1) == 26.1, "neighbours in a stack"
    first = PALETTE[:8]
    seen = lambda colours: min(difference(simulated(a, k), simulated(b, k)) for k in ("protan", "deutan")
                               for i, a in enumerate(colours) for b in colours[i + 1:])
    assert round(seen(tuple(OKABE_ITO.values())), 1) == 11.5 and round(seen(first), 1) == 12.3, \
        "under red-green colour-vision deficiency the first eight stay as far apart as Okabe–Ito's"


def test_new_figure_wraps_a_long_title_clear_of_the_toolbar():
    # the guided tour's "Tone through the article: <headline>" ran under the chart's toolbar
    from analysis import charts

    title = "Tone through the article: Vasquez and Osei make final pitch as Marlow Springs votes Tuesday"
    fig = new_figure(title)
    assert fig.layout.title.text == ("Tone through the article: Vasquez and Osei make final pitch as Marlow<br>"
                                     "Springs votes Tuesday")
    assert fig.layout.margin.t == 92
    assert new_figure("Who & whom").layout.title.text == "Who &amp; whom" and new_figure("Who").layout.margin.t is None
    tone = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [0, 1], "polarity": [0.1, -0.2]})
    assert "<br>" in charts.tone_arc(tone, doc_id="a", title=title).layout.title.text


def test_upright_labels_px_is_seven_pixels_a_character_plus_the_tick():
    from analysis.charts._base import upright_labels_px

    assert (upright_labels_px(0), upright_labels_px(40)) == (24, 304)
