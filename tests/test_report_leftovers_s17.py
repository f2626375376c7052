"""Session 17 report leftovers: the explore report's frames table follows the frame chart's
below-threshold rule (one helper, analysis.framing.below_threshold_units)."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest

from analysis import charts, tables
from analysis.errors import InputError
from analysis.framing import below_threshold_units

# ------------------------------------------- 1. frames table: a unit with terms but no frame present


def _document_frames() -> pd.DataFrame:
    """Article a: one conflict hit, below threshold (the 100% the explore table showed); b: conflict present
    (3 hits) beside one human-interest hit below threshold; c: no terms at all."""
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c"],
        "frame_id": ["conflict", "human_interest"] * 3,
        "hits": [1, 0, 3, 1, 0, 0],
        "share": [1.0, 0.0, 0.75, 0.25, 0.0, 0.0],
        "present": [False, False, True, False, False, False],
    })


def test_below_threshold_units_names_the_units_with_terms_and_no_frame_present_with_their_hits():
    table = _document_frames()
    got = below_threshold_units(table)
    assert got.to_dict("list") == {"doc_id": ["a"], "hits": [1.0]}
    assert below_threshold_units(table, value="hits").to_dict("list") == {"doc_id": ["a"], "hits": [1.0]}
    two = pd.concat([table, table.assign(doc_id="d", hits=[2, 1, 0, 0, 0, 0],
                                         share=[2 / 3, 1 / 3, 0, 0, 0, 0], present=False)])
    assert below_threshold_units(two).to_dict("list") == {"doc_id": ["a", "d"], "hits": [1.0, 3.0]}
    no_hits = below_threshold_units(table.drop(columns="hits"))
    assert list(no_hits["doc_id"]) == ["a"] and math.isnan(no_hits["hits"].iloc[0])
    none = below_threshold_units(table[table["doc_id"] != "a"])
    assert list(none.columns) == ["doc_id", "hits"] and none.empty
    with pytest.raises(InputError, match="present"):
        below_threshold_units(table.drop(columns="present"))


def test_the_frames_table_says_below_threshold_where_the_chart_does_not_100_percent():
    table = _document_frames()
    shown = tables.frames_for_table(table)
    assert shown["share"].tolist() == ["below threshold (1 term hit)", None, 0.75, 0.25, 0.0, 0.0]
    assert shown.drop(columns="share").equals(table.drop(columns="share")), "every other column as it was"
    two_hits = tables.frames_for_table(table.assign(hits=[2, 0, 3, 1, 0, 0]))
    assert two_hits["share"].tolist()[:2] == ["below threshold (2 term hits)", None]
    assert tables.frames_for_table(table[table["doc_id"] != "a"])["share"].tolist() == [0.75, 0.25, 0.0, 0.0]
    # the chart applies the same rule to the same table: article a is the one bar it annotates
    fig = charts.frame_profile(table)
    assert [(a.x, a.text) for a in fig.layout.annotations] == [("c", "no frame terms"),
                                                               ("a", "below threshold<br>(1 term hit)")]
    with pytest.raises(InputError, match="share"):
        tables.frames_for_table(table.drop(columns="share"))


def test_the_frames_table_reads_below_threshold_in_the_page():
    from analysis.readable import show_table

    page = show_table(tables.frames_for_table(_document_frames()), columns=["doc_id", "share"], top=0).to_html()
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    assert cells == ["a", "below threshold (1 term hit)", "a", "", "b", "75%", "b", "25%", "c", "0%", "c", "0%"]


def test_explore_shows_its_frames_table_through_frames_for_table():
    import json
    from pathlib import Path

    cells = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb").read_text())["cells"]
    shown = [c for c in cells if "name=\"frames-by-article\"" in "".join(c["source"])]
    assert len(shown) == 1 and "wb.show_table(wb.tables.frames_for_table(document_frames)" in "".join(shown[0]["source"])


# ------------------------------------------- 2. -p tz=-0700: text parameters are kept as written

@pytest.mark.parametrize("text, expected", [
    ("tz=-0700", ("tz", "-0700")),  # YAML 1.1: the octal number -448
    ("tz=+0530", ("tz", "+0530")),  # 344
    ("tz=-7:00", ("tz", "-7:00")),  # base 60: -420
    ("tz=-07:00", ("tz", "-07:00")),
    ("tz=", ("tz", "")),
    ("tz=null", ("tz", None)),
    ("doc_id=0123", ("doc_id", "0123")),  # 83
    ("title=true", ("title", "true")),
    ("top=0700", ("top", 448)),  # not a text parameter: read as YAML, as before
])
def test_a_text_parameter_stays_the_text_as_written(text, expected):
    from analysis.cli import parse_parameter

    assert parse_parameter(text) == expected


def test_each_value_of_a_text_parameter_stays_text_and_the_zones_they_name():
    from analysis.cli import parse_each
    from analysis.reports import TEXT_PARAMETERS

    assert parse_each("tz=-0700,+0530, -07:00") == ("tz", ["-0700", "+0530", "-07:00"])
    assert [tables.zone_label(z) for z in ("-0700", "+0530", "-7:00", "UTC+2")] == [
        "UTC-07:00", "UTC+05:30", "UTC-07:00", "UTC+02:00"]
    assert TEXT_PARAMETERS == ("tz", "doc_id", "actor_id", "term", "title", "where", "group_by")
    # the report keywords among them are text in report_analysis' signature too
    import inspect

    keywords = inspect.signature(tables.report_analysis).parameters
    assert {name: str(keywords[name].annotation) for name in TEXT_PARAMETERS if name in keywords} == {
        "tz": "str | None", "doc_id": "str | None", "where": "str | None"}


def test_a_zone_the_report_cannot_read_names_the_parameter_and_the_forms_it_takes():
    from analysis.reports import check_parameter_value

    forms = ('tz expects a time zone: a name such as "America/Los_Angeles", an offset from UTC such as '
             '"-07:00", "-0700" or "+05:30", or "UTC"')
    with pytest.raises(InputError) as number:
        check_parameter_value("tz", -700)
    assert str(number.value) == f'-p tz=-700: {forms}; got -700 (a number; give tz as text, e.g. tz="-07:00")'
    with pytest.raises(InputError) as unsigned:
        check_parameter_value("tz", "0700")
    assert str(unsigned.value) == (f"-p tz='0700': {forms}; got '0700' (an offset starts with + or -: "
                                   '"+07:00" east of UTC, "-07:00" west)')
    with pytest.raises(InputError) as name:
        check_parameter_value("tz", "Pacific")
    assert str(name.value) == f"-p tz='Pacific': {forms}; got 'Pacific'"
    assert [check_parameter_value("tz", z) for z in ("-0700", "+05:30", "Europe/Berlin")] == [
        "-0700", "+05:30", "Europe/Berlin"]


def test_the_command_hands_the_report_its_zone_and_a_text_default_as_written(monkeypatch):
    import analysis.cli as cli

    seen = {}

    def fake_render(notebook, *, out_dir, parameters, name, shared_js):
        seen.update(parameters)
        raise InputError("stop here")

    monkeypatch.setattr("analysis.reports.render_report", fake_render)
    assert cli.main(["report", "corpus_report", "--out", "x", "-p", "tz=-0700", "-p", "title=0700",
                     "-p", "group_by=2024", "-p", "top=5"]) == 2
    assert seen == {"tz": "-0700", "title": "0700", "group_by": "2024", "top": 5}


@pytest.mark.slow
def test_explore_renders_with_a_zone_written_without_a_colon_and_one_bar_of_unnamed_sources(tmp_path, capsys):
    from pathlib import Path

    from analysis.cli import main

    corpus = Path(__file__).resolve().parent / "data" / "own_articles"
    assert main(["report", "explore", "--corpus", str(corpus), "--out", str(tmp_path), "-p", "tz=-0700"]) == 0
    page = (tmp_path / "explore" / "explore.html").read_text()
    assert "UTC-07:00" in page
    manifest = json.loads((tmp_path / "explore" / "manifest.json").read_text())
    assert manifest["parameters"]["tz"] == "-0700"
    cells = json.loads((tmp_path / "explore" / "explore.ipynb").read_text())["cells"]
    voice_cell = next(c for c in cells if "wb.charts.voice_bars(" in "".join(c["source"]))
    figure = next(o["data"]["application/vnd.plotly.v1+json"] for o in voice_cell["outputs"]
                  if "application/vnd.plotly.v1+json" in o.get("data", {}))
    bars = figure["data"][0]["y"]
    # the poll is a source the text names by a common noun, counted apart by the findings: one bar, last
    assert bars[-1] == "unnamed sources" and not any("Westbay University released" in b for b in bars)
    assert figure["layout"]["yaxis"]["ticktext"][-1] == "<i>unnamed sources</i>"
    assert "not actors: a poll by Westbay University released on Thursday (1)." in \
        figure["layout"]["annotations"][-1]["text"].replace("<br>", " ")


# ------------------------------------------- 3. one rule for the "who speaks" cut: top mentioned + top quoted

def test_top_voices_keeps_the_first_ranked_and_the_most_quoted_with_ties_in_order():
    from analysis.quotes import top_voices

    quotes = pd.Series({"a": 0, "b": 0, "c": 1, "d": 5, "e": 4, "f": 4})
    assert top_voices(["a", "b", "c", "d", "e", "f"], quotes=quotes, top=2) == ["a", "b", "d", "e"]
    assert top_voices(["d", "a", "b"], quotes=quotes, top=2) == ["d", "a", "e"], "no key twice"
    assert top_voices(["a", "b"], quotes=quotes, top=5) == ["a", "b", "d", "e", "f", "c"]
    assert top_voices(["a", "b", "c"], quotes=pd.Series({"a": 0, "b": 0}), top=1) == ["a"], "the unquoted are not kept"
    assert top_voices([], quotes=pd.Series(dtype=float), top=3) == []
    assert top_voices(range(4), quotes=pd.Series([0.0, float("nan"), 2.0, 2.0]), top=1) == [0, 2]


def test_the_chart_the_table_and_the_group_panels_cut_by_the_same_rule(monkeypatch):
    """voice_bars, voice_for_chart and compare_groups call top_voices."""
    import sys

    import analysis as wb

    chart_module, quotes_module = sys.modules["analysis.charts._actors"], sys.modules["analysis.quotes"]
    calls = []
    real = quotes_module.top_voices

    def spy(ranked, *, quotes, top):
        calls.append(top)
        return real(ranked, quotes=quotes, top=top)

    monkeypatch.setattr(chart_module, "top_voices", spy)
    monkeypatch.setattr(quotes_module, "top_voices", spy)
    voice = pd.DataFrame({"actor_id": list("ABCDEF"), "actor": list("ABCDEF"), "mentions": [9, 8, 3, 2, 1, 1],
                          "quoted_direct": [0, 0, 1, 5, 4, 0], "quoted_reported": [0, 0, 0, 0, 0, 0]})
    voice["quotes"] = voice["quoted_direct"] + voice["quoted_reported"]
    assert list(charts.voice_bars(voice, top=2).data[0].y) == ["A", "B", "D", "E"]
    assert tables.voice_for_chart(voice, top=2)["actor"].tolist() == ["A", "B", "D", "E"]
    assert calls == [2, 2]
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["Ledger", "Courier"], "title": ["Depot vote", "Depot vote delayed"],
        "text": ["Mayor Ann Ruiz backed the depot. \"We need it,\" said Tom Baker. Ruiz met Lena Ortiz.",
                 "Ann Ruiz and Lena Ortiz spoke. \"It can wait,\" said Omar Haddad. \"Not now,\" Haddad said."]})
    result = wb.analyze(documents)
    mentions, quotes, _ = tables.entity_tables(result)
    comparison = tables.compare_groups(result, documents, by="outlet", top=1, mentions=mentions, quotes=quotes)
    assert calls == [2, 2, 1]
    # the top mentioned (Ann Ruiz) and the top quoted (Omar Haddad, twice), in each outlet where they occur
    assert sorted(zip(comparison.voice["outlet"], comparison.voice["actor"])) == [
        ("Courier", "Ann Ruiz"), ("Courier", "Omar Haddad"), ("Ledger", "Ann Ruiz")]


# ------------------------------------------- 4. unnamed sources: one bar, as the findings count them apart

FIRE = ("Ann Lee said the road was closed. Ann Lee said the school was shut. Bo Diaz said the fire was out. "
        "Officials said the town was safe. Officials said the roads would reopen. The sheriff's office said "
        "the orders were lifted. Caltrans said the highway would reopen.")


@pytest.fixture(scope="module")
def fire():
    import analysis as wb

    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Fire"], "text": [FIRE]})
    result = wb.analyze(documents, actors={"actors": []})
    mentions, quotes, _ = tables.entity_tables(result)
    return result, quotes, wb.voice(mentions, quotes)


def test_unnamed_source_rows_are_the_nominal_speakers_linked_to_nothing(fire):
    from analysis.quotes import unnamed_source_rows

    _, quotes, voice = fire
    rows = unnamed_source_rows(voice, quotes=quotes)
    assert sorted(voice.loc[rows, "actor"]) == ["Officials", "the sheriff's office"]
    assert sorted(voice.loc[~rows & (voice["quotes"] > 0), "actor"]) == ["Ann Lee", "Bo Diaz", "Caltrans"], \
        "a name the entity layer missed (Caltrans) stays a speaker"


def test_unnamed_sources_text_lists_them_as_the_findings_do():
    from analysis.findings import unnamed_sources_text

    rows = pd.DataFrame({"actor": ["Officials", "the sheriff's office", "analysts", "Forecasters", "the district"],
                         "quotes": [3, 2, 2, 1, 1]})
    assert unnamed_sources_text(rows) == "officials (3), the sheriff's office and analysts (2 each) and 2 more"
    assert unnamed_sources_text(rows.tail(2)) == "forecasters and the district (1 each)"
    assert unnamed_sources_text(rows.iloc[:0]) == ""


def test_lump_unnamed_sources_gives_them_one_last_row_with_their_sums(fire):
    _, quotes, voice = fire
    lumped = tables.lump_unnamed_sources(voice, quotes=quotes)
    assert len(lumped) == len(voice) - 1 and list(lumped.columns) == [*voice.columns, "sources"]
    last = lumped.iloc[-1]
    assert last["actor"] == tables.UNNAMED_SOURCES == "unnamed sources" and pd.isna(last["actor_id"])
    assert (last["mentions"], last["quoted_direct"], last["quoted_reported"], last["quotes"]) == (0, 0, 3, 3)
    assert last["quote_share"] == pytest.approx(3 / 7) and last["voice_gap"] == pytest.approx(-3 / 7)
    assert last["mention_share"] == 0 and not last["never_quoted"]
    assert last["sources"] == "officials (2) and the sheriff's office (1)"
    assert lumped["sources"].iloc[:-1].isna().all()
    assert lumped.dtypes.drop("sources").equals(voice.dtypes)
    named_only = voice[~voice["actor"].isin(["Officials", "the sheriff's office"])]
    assert tables.lump_unnamed_sources(named_only, quotes=quotes).equals(
        named_only.reset_index(drop=True).assign(sources=pd.Series(pd.NA, index=range(len(named_only)), dtype="object")))
    with pytest.raises(InputError, match="quotes"):
        tables.lump_unnamed_sources(voice.drop(columns="quotes"), quotes=quotes)


def _voice_table(rows):
    table = pd.DataFrame(rows, columns=["actor_id", "actor", "mentions", "quoted_direct", "quoted_reported", "sources"])
    return table.assign(quotes=table["quoted_direct"] + table["quoted_reported"])


VOICE = _voice_table([("lee", "Ann Lee", 5, 2, 0, pd.NA), ("diaz", "Bo Diaz", 4, 0, 0, pd.NA),
                      ("moe", "Cy Moe", 3, 1, 0, pd.NA), ("fox", "Di Fox", 1, 0, 0, pd.NA),
                      (pd.NA, "unnamed sources", 0, 1, 3, "officials (3) and a spokesman (1)")])


def test_the_who_speaks_chart_draws_unnamed_sources_as_one_last_bar_never_cut_and_says_what_it_holds():
    fig = charts.voice_bars(VOICE, top=2)
    assert list(fig.data[0].y) == ["Ann Lee", "Bo Diaz", "Cy Moe", "unnamed sources"], \
        "Di Fox cut (never quoted), the unnamed sources kept, last, though 0 mentions"
    assert list(fig.layout.yaxis.ticktext) == ["Ann Lee", "Bo Diaz", "Cy Moe", "<i>unnamed sources</i>"]
    assert [list(t.x) for t in fig.data[1:3]] == [[2, 0, 1, 1], [0, 0, 0, 3]]
    assert [a.text for a in fig.layout.annotations] == [
        "1 less mentioned actor(s) never quoted are left out.<br>unnamed sources: 4 quotations from sources the "
        "text names by a common noun, not actors:<br>officials (3) and a spokesman (1)."]
    assert fig.data[0].hovertext[-1] == ("<b>unnamed sources</b><br>from: officials (3) and a spokesman (1)<br>"
                                         "quoted directly: 1<br>quoted in reported speech: 3")
    assert tables.voice_for_chart(VOICE, top=2)["actor"].tolist() == ["Ann Lee", "Bo Diaz", "Cy Moe", "unnamed sources"]
    plain = charts.voice_bars(VOICE.drop(columns="sources"), top=2)  # without the column: a row like any other
    assert list(plain.data[0].y) == ["Ann Lee", "Bo Diaz", "unnamed sources"]
    assert [a.text for a in plain.layout.annotations] == [
        "2 less mentioned actor(s) are left out (1 quoted less often than those shown)."]


def test_the_group_panels_lump_unnamed_sources_per_group_and_draw_them_grey():
    import analysis as wb
    from analysis.charts import OTHERS_COLOR

    documents = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Ledger", "Courier"], "title": ["Fire", "Fire"],
                              "text": [FIRE, "Ann Lee said the fire was out. Analysts said insurers would pay."]})
    result = wb.analyze(documents, actors={"actors": []})
    mentions, quotes, tone = tables.entity_tables(result)
    comparison = tables.compare_groups(result, documents, by="outlet", top=1, mentions=mentions, quotes=quotes,
                                       actor_tone=tone)
    unnamed = comparison.voice[comparison.voice["actor"] == "unnamed sources"]
    assert unnamed[["outlet", "actor_id", "quotes", "sources"]].values.tolist() == [
        ["Ledger", "unnamed sources", 3, "officials (2) and the sheriff's office (1)"],
        ["Courier", "unnamed sources", 1, "analysts (1)"]]
    assert "Officials" not in set(comparison.voice["actor"])
    colors = {t.name: t.marker.color for t in comparison.voice_chart().data}
    assert colors["unnamed sources"] == OTHERS_COLOR


def test_the_reports_draw_the_who_speaks_chart_and_table_from_the_lumped_voice_table():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "notebooks"
    for name, calls in {"article_brief": 1, "corpus_report": 2, "explore": 1}.items():
        text = "".join("".join(c["source"]) for c in json.loads((folder / f"{name}.ipynb").read_text())["cells"])
        assert text.count("wb.tables.lump_unnamed_sources(voice, quotes=quotes)") == calls, name
        assert "voice_bars(voice," not in text and "voice_for_chart(voice," not in text, name
