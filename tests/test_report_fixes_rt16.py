"""Report fixes of the session-16 red team (rt16: a wildfire corpus; F1, F6, F13, F15, F19): each test
asserts what a reader of the report or the command line sees, with exact values on a small
hand-checked input."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis import charts
from analysis.errors import ChartTableError, InputError

NO_LEXICON = {"actors": []}

# ------------------------------------ F1/F15: one entity, one name (a dateline's ALL-CAPS form)

DATELINE = pd.DataFrame({
    "doc_id": ["a", "b"], "title": ["Fire grows near town", "Fire slows"],
    "text": ["SACRAMENTO — The fire grew on Tuesday, officials in Sacramento said.\n\nCrews from Sacramento "
             "arrived at noon.", "The fire slowed on Wednesday. Crews went home to Sacramento."],
    "published": pd.to_datetime(["2026-08-12", "2026-08-13"], utc=True)})


def test_a_dateline_form_is_no_second_name_of_the_entity_in_mentions_and_counts():
    result = wb.tables.report_analysis(DATELINE, actors=NO_LEXICON)
    mentions, _, _ = wb.tables.entity_tables(result)
    sacramento = mentions[mentions["actor_id"] == "place:sacramento"]
    assert sacramento["alias"].tolist() == ["SACRAMENTO", "Sacramento", "Sacramento", "Sacramento"]
    assert set(sacramento["actor"]) == {"Sacramento"}, "the entity table's name on every mention"
    documents = wb.with_period(result.documents, period="day")
    counts = wb.mentions_by(mentions, documents, by=("period", "actor"))
    rows = counts[counts["actor_id"] == "place:sacramento"]
    assert rows[["period", "actor", "mentions"]].values.tolist() == [["2026-08-12", "Sacramento", 3],
                                                                     ["2026-08-13", "Sacramento", 1]]
    table = wb.entities_by(result.entities, actors=result)
    assert table.loc[table["key"] == "place:sacramento", "name"].tolist() == ["Sacramento"]


def test_a_single_word_written_as_often_in_capitals_and_in_mixed_case_is_named_in_mixed_case():
    one = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [
        "JACKSON, Calif. — The fire moved toward the town of Jackson on Tuesday."]})
    result = wb.tables.report_analysis(one, actors=NO_LEXICON)
    table = result.entity_table
    assert table.loc[table["entity_id"] == "place:jackson", ["entity", "mentions"]].values.tolist() == [["Jackson", 2]]
    mentions, _, _ = wb.tables.entity_tables(result)
    assert mentions.loc[mentions["actor_id"] == "place:jackson", ["alias", "actor"]].values.tolist() == [
        ["JACKSON", "Jackson"], ["Jackson", "Jackson"]], "a brief's 'Jackson ... mentioned most', not 'JACKSON'"


def test_mentions_by_actor_gives_one_row_per_actor_id_named_as_most_of_its_mentions():
    mentions = pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "actor_id": ["x"] * 3 + ["y"],
                             "actor": ["X CORP", "X Corp", "X Corp", "Y"], "via": ["alias"] * 4})
    documents = pd.DataFrame({"doc_id": ["a"]})
    out = wb.mentions_by(mentions, documents, by=("actor",))
    assert out[["actor_id", "actor", "mentions", "share"]].values.tolist() == [["x", "X Corp", 3, 0.75],
                                                                               ["y", "Y", 1, 0.25]]


def test_a_chart_given_two_rows_for_one_mark_is_a_chart_table_error_and_a_report_says_it_is_its_own_fault():
    from analysis.reports import describe_failure

    rows = pd.DataFrame({"day": ["2026-08-12"] * 2, "actor_id": ["p"] * 2, "actor": ["P", "P"], "mentions": [1, 2]})
    with pytest.raises(ChartTableError) as raised:
        charts.attention_over_time(rows, time="day")
    assert isinstance(raised.value, InputError)
    assert str(raised.value) == (
        "attention_over_time: 2 rows share day='2026-08-12', actor='p'; the chart draws one row per day and actor "
        "and does not add rows up. Pass one row per time and actor, e.g. the table wb.mentions_by(mentions, "
        "documents, by=('day', 'actor')) returns.")

    class NotebookError(Exception):
        ename, evalue = "ChartTableError", str(raised.value)

    assert describe_failure(NotebookError()) == (
        "ChartTableError: the report made a table one of its charts cannot draw (attention_over_time: 2 rows share "
        "day='2026-08-12', actor='p'; the chart draws one row per day and actor and does not add rows up.) - a "
        "fault of the workbench's report, not of your corpus or parameters; please report it with the corpus it "
        "ran on.")


# ------------------------------------------- F19: group_by and actor_id checked before a kernel starts

TWO = pd.DataFrame({"doc_id": ["x", "y"], "title": ["Fire grows", "Evacuees return"], "outlet": ["Courier", "Wire"],
                    "text": ["Gov. Teresa Almonte toured the shelter.", "Harold Pickett said the dog was safe."]})


def test_check_report_choices_names_an_unknown_group_column_and_an_actor_no_text_writes():
    with pytest.raises(InputError) as raised:
        wb.tables.check_report_choices(TWO, group_by="outlett")
    assert str(raised.value) == ("column 'outlett' (the column to group by) is not in the documents; columns are "
                                 "doc_id, title, outlet, text: pick one (in a report: -p group_by=outlet)")
    with pytest.raises(InputError) as raised:
        wb.tables.check_report_choices(TWO, actor_id="Harold Pikett")
    assert str(raised.value) == (
        "actor_id 'Harold Pikett' is not mentioned in this corpus: no headline or text writes it, and it is no id of "
        "the actor lexicon. Pass an id of the actor lexicon, or a name as the corpus report shows it.")
    with pytest.raises(InputError, match="^actor_id 'Ridge Pickett' is not mentioned"):
        wb.tables.check_report_choices(TWO, actor_id="Ridge Pickett")
    for fine in ("harold  PICKETT", "person:harold_pickett", "Governor Teresa Almonte", "Dr. Harold Pickett",
                 "Evacuees", "icrc", None, ""):
        wb.tables.check_report_choices(TWO, group_by="outlet", actor_id=fine)
    wb.tables.check_report_choices(TWO.drop(columns="text"), actor_id="anyone")  # no texts read: left to the report
    from analysis.entity_words import without_titles

    assert without_titles("gov. teresa almonte") == "teresa almonte"


def test_a_report_with_an_unknown_group_column_or_actor_stops_before_its_kernel_with_exit_status_2(tmp_path, capsys):
    from analysis.cli import main

    corpus = tmp_path / "corpus.csv"
    TWO.to_csv(corpus, index=False)
    out = tmp_path / "out"
    assert main(["report", "corpus_report", "--corpus", str(corpus), "--out", str(out), "-p", "group_by=outlett"]) == 2
    assert capsys.readouterr().err.startswith("error: column 'outlett' (the column to group by) is not in the documents")
    assert main(["report", "actor_profile", "--corpus", str(corpus), "--out", str(out), "-p", "actor_id=Nobody"]) == 2
    assert capsys.readouterr().err.startswith("error: actor_id 'Nobody' is not mentioned in this corpus: no headline")
    assert not out.exists(), "no output folder, no .failed.ipynb"


# ------------------------------------------- F13: a bar where no frame reaches its threshold

def _frames_table(rows):
    return pd.DataFrame(rows, columns=["period", "frame_id", "hits", "share", "present"])


def test_a_bar_of_shares_where_no_frame_is_present_reads_below_threshold_not_a_full_bar():
    table = _frames_table([("2026-08-12", "conflict", 0, 0.0, False), ("2026-08-12", "responsibility", 1, 1.0, False),
                           ("2026-08-13", "conflict", 3, 0.75, True), ("2026-08-13", "responsibility", 1, 0.25, False),
                           ("2026-08-14", "conflict", 0, 0.0, False), ("2026-08-14", "responsibility", 0, 0.0, False)])
    fig = charts.frame_profile(table, by="period")
    assert [(t.name, list(t.x), list(t.y)) for t in fig.data] == [
        ("conflict", ["2026-08-12", "2026-08-13", "2026-08-14"], [None, 0.75, 0.0]),
        ("responsibility", ["2026-08-12", "2026-08-13", "2026-08-14"], [None, 0.25, 0.0])]
    assert list(fig.data[1].marker.pattern.shape) == ["/", "/", "/"], "a part below threshold in a framed bar: hatched"
    assert [(a.x, a.text) for a in fig.layout.annotations] == [("2026-08-14", "no frame terms"),
                                                               ("2026-08-12", "below threshold<br>(1 term hit)")]
    on_hits = charts.frame_profile(table, by="period", value="hits")
    assert list(on_hits.data[1].y) == [1, 1, 0], "drawn on hit counts, a single hit is a bar of one hit"


def test_one_article_with_no_frame_present_is_said_in_words():
    table = pd.DataFrame({"doc_id": ["a", "a"], "frame_id": ["conflict", "responsibility"], "hits": [0, 1],
                          "share": [0.0, 1.0], "present": [False, False]})
    fig = charts.frame_profile(table, names={"responsibility": "Responsibility"})
    assert not fig.data
    assert [a.text for a in fig.layout.annotations] == [
        "No frame reaches its threshold in this document: terms found, each below its frame&#x27;s threshold: "
        "Responsibility 1 hit; a frame counts as present from its threshold on (see the codebook)"]
    only_below = pd.concat([table, table.assign(doc_id="b", hits=[2, 0], share=[1.0, 0.0], present=[True, False])])
    legend = charts.frame_profile(only_below, names={"responsibility": "Responsibility"}).layout.legend.title.text
    assert "below threshold only: Responsibility" in legend and "no terms found" not in legend


# ------------------------------------------- F6: days of a time zone the user names (UTC by default)

EVENING = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["A", "B", "C"], "text": ["One.", "Two.", "Three."],
                        "published": pd.to_datetime(["2026-08-12T09:00:00-07:00", "2026-08-12T21:10:00-07:00",
                                                     "2026-08-13T18:40:00-07:00"], utc=True)})


def test_with_period_bins_by_the_calendar_days_of_the_zone_given_and_shows_times_in_it():
    assert wb.with_period(EVENING, period="day")["period"].tolist() == ["2026-08-12", "2026-08-13", "2026-08-14"]
    local = wb.with_period(EVENING, period="day", tz="America/Los_Angeles")
    assert local["period"].tolist() == ["2026-08-12", "2026-08-12", "2026-08-13"]
    assert local.attrs["period_zone"] == "America/Los_Angeles"
    assert str(local["published"].iloc[1]) == "2026-08-12 21:10:00-07:00", "the same moment, on the zone's clock"
    assert wb.with_period(EVENING, period="day", tz="-07:00").attrs["period_zone"] == "UTC-07:00"
    assert wb.with_period(EVENING, period="day").attrs["period_zone"] == "UTC"
    zoned = wb.tables.in_zone(EVENING, tz="America/Los_Angeles")
    assert wb.with_period(zoned, period="day")["period"].tolist() == ["2026-08-12", "2026-08-12", "2026-08-13"], \
        "documents in a zone keep its days"
    from analysis.display import frame_html

    shown = frame_html(zoned[["published"]])
    assert [t in shown for t in ("2026-08-12 09:00 PDT", "2026-08-12 21:10 PDT", "2026-08-13 18:40 PDT")] == [True] * 3


def test_day_limits_summary_and_profile_days_are_days_of_the_zone():
    kept = wb.tables.filter_documents(EVENING, start="2026-08-12", end="2026-08-12", tz="America/Los_Angeles")
    assert kept["doc_id"].tolist() == ["a", "b"]
    assert wb.tables.filter_documents(EVENING, start="2026-08-12", end="2026-08-12")["doc_id"].tolist() == ["a"]
    summary = wb.corpus_summary(wb.tables.in_zone(EVENING, tz="America/Los_Angeles"))
    assert dict(zip(summary["field"], summary["value"]))["last day"] == "2026-08-13"
    assert dict(zip(wb.corpus_summary(EVENING)["field"], wb.corpus_summary(EVENING)["value"]))["last day"] == "2026-08-14"


def test_a_zone_is_a_name_an_offset_or_utc_and_anything_else_is_said():
    assert [wb.tables.zone_label(z) for z in (None, "", "utc", "Z", "+05:30", "UTC+2", "Europe/Berlin")] == [
        "UTC", "UTC", "UTC", "UTC", "UTC+05:30", "UTC+02:00", "Europe/Berlin"]
    for bad in ("Pacific", "Mars/Olympus", "+25:00"):
        with pytest.raises(InputError) as raised:
            wb.tables.in_zone(EVENING, tz=bad)
        assert str(raised.value) == (f"tz={bad!r} is not a time zone: write a zone name such as 'America/Los_Angeles' "
                                     "or 'Europe/Berlin', an offset from UTC such as '-07:00', or 'UTC'")
    from analysis.reports import check_parameter_value

    assert check_parameter_value("tz", "America/Los_Angeles") == "America/Los_Angeles"
    with pytest.raises(InputError, match=r"^-p tz='Pacific': tz expects a time zone"):
        check_parameter_value("tz", "Pacific")


def test_time_charts_name_the_zone_their_days_are_in():
    mentions = pd.DataFrame({"doc_id": ["a", "b", "c"], "sentence_id": [0, 0, 0], "actor_id": ["x"] * 3,
                             "actor": ["X"] * 3, "via": ["alias"] * 3})
    local = wb.with_period(EVENING, period="day", tz="America/Los_Angeles")
    fig = wb.tables.attention_panel(mentions, local)
    assert (list(fig.data[0].x), list(fig.data[0].y)) == (["2026-08-12", "2026-08-13"], [2.0, 1.0])
    assert fig.layout.xaxis.title.text == "day (America/Los_Angeles)"
    assert wb.tables.attention_panel(mentions, wb.with_period(EVENING, period="day")).layout.xaxis.title.text == \
        "day (UTC)"
    frames = pd.DataFrame({"doc_id": ["a", "b", "c"], "frame_id": ["conflict"] * 3, "hits": [2, 2, 2],
                           "share": [1.0] * 3, "present": [True] * 3})
    panel = wb.tables.frames_panel(frames, local)
    assert panel.layout.xaxis.title.text == "day (America/Los_Angeles)"
    assert list(panel.layout.xaxis.ticktext) == ["2026-08-12<br>2 articles", "2026-08-13<br>1 article"]


def test_a_profile_counts_its_first_and_last_day_in_the_zone_given():
    evening = DATELINE.assign(published=pd.to_datetime(["2026-08-12T21:00:00-07:00", "2026-08-13T08:00:00-07:00"],
                                                       utc=True))
    result = wb.tables.report_analysis(evening, actors=NO_LEXICON)
    days = {tz: dict(zip(card["field"], card["value"])) for tz in (None, "America/Los_Angeles")
            for card in [wb.actor_profile(result, actor_id="Sacramento", tz=tz).card]}
    assert (days[None]["first day"], days[None]["last day"]) == ("2026-08-13", "2026-08-13")
    assert (days["America/Los_Angeles"]["first day"], days["America/Los_Angeles"]["last day"]) == (
        "2026-08-12", "2026-08-13")
