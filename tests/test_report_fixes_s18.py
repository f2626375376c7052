"""Report fixes from the session-18 red team (rux18: a newsroom editor with 1,000 real articles)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import charts
from analysis.charts._base import FEW_COLOR


def _tone_by_outlet() -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["Drudge", "Drudge", "Wire", "Wire"],
        "actor_id": ["pruitt", "obama", "pruitt", "obama"],
        "actor": ["Scott Pruitt", "Barack Obama", "Scott Pruitt", "Barack Obama"],
        "mean_polarity": [0.48, -0.31, 0.05, -0.10],
        "ci_low": [0.48, -0.31, -0.10, -0.30],
        "ci_high": [0.48, -0.31, 0.20, 0.10],
        "n_sentences": [1, 1, 12, 3],
    })


def test_a_tone_bar_from_too_few_sentences_is_grey_with_no_interval_and_a_line_says_so():
    # rux18 M4: the drudgereport panel showed Scott Pruitt at +0.48 and Barack Obama at -0.31 from one sentence
    # each as full coloured bars (n only in the hover): an editor reads "Drudge is positive about Pruitt"
    colors = {"pruitt": "#0072B2", "obama": "#E69F00"}
    fig = charts.outlet_comparison(_tone_by_outlet(), y="mean_polarity", colors=colors, min_n=3)
    # panels in name order: Drudge (x axis "x"), Wire ("x2")
    bars = {(t.xaxis, t.name): (t.marker.color, [round(e, 2) for e in t.error_y.array]) for t in fig.data}
    assert bars == {("x", "Scott Pruitt"): ((FEW_COLOR,), [0.0]), ("x", "Barack Obama"): ((FEW_COLOR,), [0.0]),
                    ("x2", "Scott Pruitt"): ("#0072B2", [0.15]), ("x2", "Barack Obama"): ("#E69F00", [0.2])}, \
        "one sentence is grey with no interval; 3 sentences is enough"
    notes = [a.text for a in fig.layout.annotations if "too few" in (a.text or "")]
    assert notes == ["Grey: fewer than 3 sentences, too few to compare."]
    # without min_n nothing is grey and nothing is said
    plain = charts.outlet_comparison(_tone_by_outlet(), y="mean_polarity", colors=colors)
    assert FEW_COLOR not in [t.marker.color for t in plain.data]
    assert not [a for a in plain.layout.annotations if "too few" in (a.text or "")]


def test_the_corpus_reports_tone_by_outlet_greys_a_mean_of_one_sentence():
    import analysis as wb

    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "outlet": ["Daily", "Wire"], "text": [
        "Mayor Dana Price gave a wonderful speech.",
        "Mayor Dana Price gave a wonderful speech. Price praised the brave crews. Price won a great victory."]})
    result = wb.analyze(documents, actors={"actors": []})
    mentions, quotes, tone = wb.tables.entity_tables(result)
    comparison = wb.tables.compare_groups(result, result.documents, by="outlet", mentions=mentions, quotes=quotes,
                                          actor_tone=tone)
    assert comparison.tone[["outlet", "n_sentences"]].values.tolist() == [["Daily", 1], ["Wire", 3]]
    fig = comparison.tone_chart()
    assert [t.marker.color for t in fig.data] == [(FEW_COLOR,), "#0072B2"]
    assert [a.text for a in fig.layout.annotations if "too few" in (a.text or "")] == [
        "Grey: fewer than 3 sentences, too few to compare."]


def test_frames_per_month_leave_an_empty_slot_for_a_month_without_articles():
    # rux18 M5: months 2006-05 and 2009-03 stood side by side, so a gap of years read as one month
    import analysis as wb

    documents = wb.load_corpus(pd.DataFrame({
        "doc_id": list("abcd"), "title": [""] * 4,
        "text": ["The protest turned into a fierce dispute between unions and the government."] * 4,
        "published": ["2006-01-05", "2006-02-05", "2006-05-05", "2006-08-09"]}))
    result = wb.analyze(documents)
    document_frames = wb.frames(documents, result.codebook, level="document")
    fig = wb.tables.frames_panel(document_frames, wb.with_period(result.documents, period="month"))
    assert list(fig.layout.xaxis.categoryarray) == [f"2006-0{m}-01" for m in range(1, 9)]
    assert list(fig.layout.xaxis.ticktext) == ["January 2006<br>1 article", "February 2006<br>1 article",
                                               "March 2006", "April 2006", "May 2006<br>1 article", "June 2006",
                                               "July 2006", "August 2006<br>1 article"]
    assert charts.period_label("2006-03-01", "month") == "March 2006"
    assert fig.layout.xaxis.title.text == "month (UTC) (an empty slot: no article that month)"
    assert [tuple(t.x) for t in fig.data] == [("2006-01-01", "2006-02-01", "2006-05-01", "2006-08-01")]
    # no gap: the bars as before, each labelled with its articles
    close = wb.load_corpus(pd.DataFrame({"doc_id": list("ab"), "title": [""] * 2, "text": [
        "The protest turned into a fierce dispute between unions and the government."] * 2,
        "published": ["2006-01-05", "2006-02-05"]}))
    fig = wb.tables.frames_panel(wb.frames(close, result.codebook, level="document"),
                                 wb.with_period(wb.analyze(close).documents, period="month"))
    assert list(fig.layout.xaxis.ticktext) == ["January 2006<br>1 article", "February 2006<br>1 article"]


def test_the_voice_note_writes_thousands_with_separators():
    # rux18 L1: "4694 less mentioned actor(s) are left out (836 quoted ...)" where the page writes "1,253"
    table = pd.DataFrame({"actor_id": [f"a{i}" for i in range(1_030)], "actor": [f"Actor {i}" for i in range(1_030)],
                          "mentions": list(range(2_000, 970, -1)), "quoted_direct": [1] * 1_030,
                          "quoted_reported": [0] * 1_030})
    fig = charts.voice_bars(table, top=20)
    notes = [a.text for a in fig.layout.annotations if "left out" in (a.text or "")]
    assert len(notes) == 1 and notes[0].startswith("1,010 less mentioned actor(s) are left out (1,010 quoted")


def test_an_age_apposition_with_a_role_makes_a_one_name_woman_a_person_with_her_quotation():
    # rt18 (min_quote_speaker_lost): "Lakshmi, a 29-year-old accounts assistant," was typed other, her quote lost
    import analysis as wb

    def typed(text: str) -> list[tuple[str, str]]:
        found = wb.entities(pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [text]}), actors={"actors": []})
        return [(r.text, r.type) for r in found.itertuples()]

    text = ('Lakshmi, a 29-year-old accounts assistant at Varuna Infra, noticed the problem.\n\n'
            '"I asked my manager and he told me to forget it," she said.')
    assert typed(text)[0] == ("Lakshmi", "person")
    quotes = wb.quotes(pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [text]}), actors={"actors": []})
    assert quotes["speaker"].tolist() == ["Lakshmi"]
    assert typed("Brackley, a 30-year-old mother of two, said she was afraid.")[0] == ("Brackley", "person")
    # a thing has an age too
    assert typed("Grafton, a 90-year-old bridge, fell.") == [("Grafton", "place")]
    assert typed("Hoover Dam, a 90-year-old dam, burst.") == [("Hoover Dam", "other")]


def test_an_article_without_paragraph_breaks_has_a_lead_of_three_sentences():
    # rux18 L2: every actor of an article written as one paragraph was "in the lead: yes" (one named first
    # in sentence 39 too)
    import analysis as wb

    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Council votes"], "text": [
        "Mayor Dana Price opened the meeting. The council voted on the budget. Critics spoke. "
        "Residents waited. Omar Haddad, a resident, objected late in the evening."]})
    sentences = wb.sentences(documents)
    mentions = wb.entities_as_mentions(wb.entities(documents, sentences=sentences, actors={"actors": []}))
    lead = wb.prominence(mentions, sentences).set_index("actor")["in_lead"].to_dict()
    assert lead == {"Dana Price": True, "Omar Haddad": False}


def test_the_suggested_lexicon_gives_no_organisation_kind_alone_as_an_alias():
    # rux18 L4: the suggested YAML for the EPA had aliases [EPA, Environmental Protection Agency, Agency]:
    # "Agency" would link every capitalised agency of a corpus
    import analysis as wb

    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "text": [
        "The Environmental Protection Agency (EPA) proposed a rule. The Agency said the rule would cut pollution. "
        "EPA officials agreed.",
        "The Environmental Protection Agency said on Monday it would act. The Agency declined to comment."]})
    suggested = wb.discover_actors(documents, {"actors": []})
    assert suggested[["name", "type", "aliases"]].values.tolist() == [
        ["Environmental Protection Agency", "organization", ["Environmental Protection Agency", "EPA"]]]


@pytest.mark.slow  # two process pools
def test_analyze_says_when_workers_had_nothing_to_do(tmp_path, capsys):
    # rux18 L6: --workers 2 on 1,000 documents made one partition (default size 1,000): one worker idled, unsaid
    import json

    from analysis.cli import main

    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"title": f"Vote {i}", "text": f"The council met on day {i}."}) + "\n"
                              for i in range(5)), encoding="utf-8")
    assert main(["analyze", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--engine", "processes",
                 "--workers", "2", "--partition-size", "10"]) == 0
    out = capsys.readouterr().out
    assert ("note: 5 documents made 1 partition(s) of up to 10 for 2 workers, so 1 of them had nothing to do; "
            "--partition-size 3 gives each worker a partition") in out
    assert main(["analyze", "--corpus", str(corpus), "--out", str(tmp_path / "out2"), "--engine", "processes",
                 "--workers", "2", "--partition-size", "3"]) == 0
    assert "nothing to do" not in capsys.readouterr().out
