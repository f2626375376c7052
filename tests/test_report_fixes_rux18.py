"""Red team rux18 (a newsroom editor's 1,000 real articles), report findings H1-H4 and L2:

- H1: the "Actors and frames" heatmap draws the report's ``top`` actors, most mentioned first, with a
  note saying how many are left out, and never more than HEATMAP_MAX_ACTORS rows (it drew 2,976);
- H2: the frame profile never draws more than FRAME_PROFILE_MAX_BARS bars (but periods): the articles
  with the most frame term hits, with a note (explore drew 998 bars);
- H3: the corpus report's summary counts every outlet, not the 8 largest + "others" (it said 9 of 62);
- H4/L2: evidence tables and their CSV downloads trace each row to its article (article, doc_id,
  outlet, date, sentence no.), and an article without a headline is named by the first words of its
  lead everywhere (the brief's page title, explore's tone arc title, tables).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import charts, tables
from analysis.charts import FRAME_PROFILE_MAX_BARS, HEATMAP_MAX_ACTORS
from analysis.errors import InputError
from analysis.readable import TRACE_WORDS, show_table

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _source(notebook: str) -> str:
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text())["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


# ------------------------------------------------------------------ H1: the actors-and-frames heatmap


def _actor_frames() -> pd.DataFrame:
    """Four actors in actor_frames' order (by id); by mentions the ranking is d, c, b, a."""
    return pd.DataFrame({"actor_id": ["a", "b", "c", "d"], "actor": ["Ann", "Bo", "Cy", "Di"],
                         "frame_id": ["x", "x", "y", "x"], "sentences": [5, 1, 3, 2]})


def test_the_heatmap_draws_the_top_actors_of_the_order_given_and_says_how_many_are_left_out():
    fig = charts.actor_frame_heatmap(_actor_frames(), order=["d", "c", "zz", "b", "a"], top=2)
    assert fig.data[0].y == ("Di", "Cy") and fig.data[0].x == ("x", "y")
    assert [list(row) for row in fig.data[0].z] == [[2.0, 0.0], [0.0, 3.0]]
    assert [a.text for a in fig.layout.annotations] == ["2 of 4 actors shown, the most mentioned; 2 left out."]
    # an actor the order lacks comes after those it names, in the table's order; nothing cut, no note
    fig = charts.actor_frame_heatmap(_actor_frames(), order=["c"])
    assert fig.data[0].y == ("Cy", "Ann", "Bo", "Di") and not fig.layout.annotations
    # without an order: the table's order, as before
    assert charts.actor_frame_heatmap(_actor_frames()).data[0].y == ("Ann", "Bo", "Cy", "Di")


def test_the_heatmap_without_an_order_keeps_the_largest_totals_in_the_tables_order():
    fig = charts.actor_frame_heatmap(_actor_frames(), top=2)
    assert fig.data[0].y == ("Ann", "Cy")
    assert [a.text for a in fig.layout.annotations] == ["2 of 4 actors shown, those with the most sentences; 2 left out."]


def test_the_heatmap_never_draws_more_than_its_cap_whatever_top_is():
    assert HEATMAP_MAX_ACTORS == 40
    many = pd.DataFrame({"actor_id": [f"a{i:03d}" for i in range(100)], "frame_id": "x", "sentences": range(100)})
    for top in (None, 500):
        fig = charts.actor_frame_heatmap(many, top=top)
        assert fig.data[0].y == tuple(f"a{i:03d}" for i in range(60, 100))
        assert fig.layout.height == 30 * 40 + 180
        assert [a.text for a in fig.layout.annotations] == ["40 of 100 actors shown, those with the most sentences; "
                                                            "60 left out."]
    with pytest.raises(InputError, match="top=0"):
        charts.actor_frame_heatmap(many, top=0)


def test_the_corpus_report_draws_the_heatmap_of_its_top_actors_in_its_ranking():
    assert ("wb.charts.actor_frame_heatmap(wb.actor_frames(mentions, result.frames), names=frame_names, "
            "order=list(colors), top=top)") in _source("corpus_report")


# --------------------------------------------------------------------------- H2: the frame profile


def _many_articles(n: int = 50) -> pd.DataFrame:
    """``n`` articles d0, d1, ...: article i has i hits in each of two frames."""
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n) for _ in (0, 1)], "frame_id": ["c", "r"] * n,
                         "share": [0.5] * (2 * n), "hits": [i for i in range(n) for _ in (0, 1)], "present": True})


def test_the_frame_profile_draws_the_articles_with_the_most_term_hits_and_says_how_many_are_left_out():
    assert FRAME_PROFILE_MAX_BARS == 40
    fig = charts.frame_profile(_many_articles())
    assert fig.data[0].x == tuple(f"d{i}" for i in range(10, 50))
    assert fig.layout.legend.title.text == (
        "frame<br><span style='font-size:11px;color:#555555'>40 of 50 articles shown, those with<br>"
        "the most frame term hits; 10 left out</span>")
    fig = charts.frame_profile(_many_articles(), top=3, bar_names={"d48": "Forty-eight"})
    assert fig.data[0].x == ("d47", "d48", "d49")
    assert "3 of 50 articles shown" in fig.layout.legend.title.text
    # few bars: nothing cut, no note
    fig = charts.frame_profile(_many_articles(5))
    assert len(fig.data[0].x) == 5 and "shown" not in fig.layout.legend.title.text
    with pytest.raises(InputError, match="top='3'"):
        charts.frame_profile(_many_articles(), top="3")


def test_the_frame_profile_keeps_every_period_of_a_time_axis():
    months = pd.date_range("2010-01-01", periods=50, freq="MS")
    table = _many_articles().assign(doc_id=[m for m in months for _ in (0, 1)]).rename(columns={"doc_id": "period"})
    fig = charts.frame_profile(table, by="period", period="month")
    assert len(fig.data[0].x) == 50 and "shown" not in fig.layout.legend.title.text


def test_explore_draws_its_frame_profile_through_the_capped_chart():
    assert "wb.charts.frame_profile(document_frames, bar_names=headlines, names=frame_names)" in _source("explore")


# ----------------------------------------------------------------------------- H3: outlets counted


def test_the_corpus_summary_counts_the_outlets_before_any_lumping():
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "title": "t", "text": "x",
                              "outlet": [f"o{i}" for i in range(12)]})
    assert dict(zip(*tables.corpus_summary(documents).to_dict("list").values()))["outlets"] == "12"
    lumped = tables.lump_values(documents, column="outlet", top=8)
    assert dict(zip(*tables.corpus_summary(lumped).to_dict("list").values()))["outlets"] == "9"  # the bug: 8 + others
    source = _source("corpus_report")
    assert "documents = wb.with_period(result.documents, period=period, tz=tz)" in source
    # lumping is for the group comparison only
    assert source.count("wb.tables.lump_values(") == 1
    assert "wb.tables.compare_groups(result, wb.tables.lump_values(documents, column=group_by, top=8)" in source
    for notebook in ("explore", "actor_profile", "article_brief"):
        assert "lump_values" not in _source(notebook)


# ------------------------------------------------------------ H4 / L2: tracing rows to their articles


def _documents() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "b", "c"], "title": ["Votes counted", "  ", None],
        "text": ["x", "One two three four five six seven eight nine", ""],
        "outlet": ["Wire", None, "Daily"],
        "published": pd.to_datetime(["2024-05-02 03:30", None, "2024-05-02 12:00"], utc=True),
    })


def test_article_labels_name_an_article_by_headline_else_its_first_words_else_its_id():
    assert tables.LABEL_WORDS == 8
    assert tables.article_labels(_documents()) == {"a": "Votes counted", "b": "One two three four five six seven eight …",
                                                   "c": "c"}
    short = _documents().assign(text=["x", "Only three words", ""], title=[None, None, "Two  spaces"])
    assert tables.article_labels(short) == {"a": "x", "b": "Only three words", "c": "Two spaces"}
    assert tables.article_labels(_documents().drop(columns=["title", "text"])) == {"a": "a", "b": "b", "c": "c"}


def test_with_article_puts_article_doc_id_outlet_date_and_sentence_in_front():
    quotes = pd.DataFrame({"doc_id": ["b", "a", "zz"], "quote": ["q1", "q2", "q3"], "sentence_id": [3, 1, 2]})
    got = tables.with_article(quotes, _documents())
    assert list(got.columns) == ["article", "doc_id", "outlet", "date", "sentence_id", "quote"]
    assert got.astype(object).where(got.notna(), None).to_dict("list") == {
        "article": ["One two three four five six seven eight …", "Votes counted", "zz"],
        "doc_id": ["b", "a", "zz"], "outlet": [None, "Wire", None], "date": [None, "2024-05-02", None],
        "sentence_id": [3, 1, 2], "quote": ["q1", "q2", "q3"]}
    # the day in the documents' zone: 03:30 UTC on 2 May is 1 May in California
    west = tables.with_article(quotes, tables.in_zone(_documents(), tz="America/Los_Angeles"))
    assert west["date"].tolist()[1] == "2024-05-01"
    # a documents table without outlet or dates: no such columns
    bare = tables.with_article(quotes[["doc_id", "quote"]], _documents()[["doc_id", "title", "text"]])
    assert list(bare.columns) == ["article", "doc_id", "quote"]
    # ... or with those columns empty (an undated corpus, no outlets): no column of blanks either
    empty = tables.with_article(quotes[["doc_id", "quote"]], _documents().assign(outlet=None, published=pd.NaT))
    assert list(empty.columns) == ["article", "doc_id", "quote"]
    with pytest.raises(InputError, match="doc_id"):
        tables.with_article(quotes.drop(columns="doc_id"), _documents())


def _csv(shown) -> str:
    link = re.search(r'href="data:text/csv;base64,([^"]+)"', shown.to_html())
    return base64.b64decode(link.group(1)).decode("utf-8")


def test_an_evidence_table_and_its_csv_trace_every_row_to_its_article():
    assert TRACE_WORDS == {"article": "article", "doc_id": "doc id", "outlet": "outlet", "date": "date",
                           "sentence_id": "sentence no."}
    quotes = pd.DataFrame({"doc_id": ["b", "a"], "sentence_id": [3, 1], "speaker": ["Ann", None],
                           "quote": ["q1", "q2"]})
    shown = show_table(quotes, columns={"speaker": "speaker", "quote": "quotation"}, documents=_documents(), top=1)
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", shown.to_html())
    assert heads == ["article", "doc id", "outlet", "date", "sentence no.", "speaker", "quotation"]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", shown.to_html())
    assert cells == ["One two three four five six seven eight …", "b", "", "", "3", "Ann", "q1"]
    assert _csv(shown).splitlines() == ["article,doc id,outlet,date,sentence no.,speaker,quotation",
                                        "One two three four five six seven eight …,b,,,3,Ann,q1",
                                        "Votes counted,a,Wire,2024-05-02,1,,q2"]


def test_a_one_article_table_leaves_the_article_off_the_page_and_keeps_it_in_the_csv():
    rows = pd.DataFrame({"doc_id": ["a", "a"], "sentence_id": [1, 4], "frame_id": ["c", "r"], "text": ["s1", "s4"]})
    shown = show_table(rows, columns={"frame_id": "frame", "text": "sentence"}, names={"frame_id": {"c": "Conflict"}},
                       documents=_documents(), top=1)
    assert re.findall(r"<th[^>]*>([^<]*)</th>", shown.to_html()) == ["sentence no.", "frame", "sentence"]
    assert _csv(shown).splitlines() == ["article,doc id,outlet,date,sentence no.,frame,sentence",
                                        "Votes counted,a,Wire,2024-05-02,1,Conflict,s1",
                                        "Votes counted,a,Wire,2024-05-02,4,r,s4"]


def test_every_report_traces_its_evidence_tables_and_names_articles_by_their_labels():
    corpus, explore = _source("corpus_report"), _source("explore")
    profile, brief = _source("actor_profile"), _source("article_brief")
    for source in (corpus, explore, profile):
        assert "headlines = wb.tables.article_labels(documents)" in source
        assert 'documents["title"]' not in source
    traced = {name: len(re.findall(r"wb\.show_table\([^\n]*documents=(?:documents|article)[,)]", source))
              for name, source in (("corpus", corpus), ("explore", explore), ("profile", profile), ("brief", brief))}
    assert traced == {"corpus": 2, "explore": 3, "profile": 1, "brief": 3}
    assert 'names={"doc_id": headlines' not in corpus + explore + profile


def test_a_headline_less_article_titles_its_findings_with_the_first_words_of_its_lead():
    documents = pd.DataFrame({"doc_id": ["nf0"], "title": [""], "outlet": ["redstate"],
                              "text": ["Climate Alarmists Want to Rebrand Global Warming As Something Less Scary. "
                                       "Aaron Hall said so."]})
    result = wb.analyze(documents)
    assert wb.findings(result).title == "Climate Alarmists Want to Rebrand Global Warming As …"
    assert wb.findings(result, title="Mine").title == "Mine"
    titled = wb.analyze(documents.assign(title=["Rebrand"]))
    assert wb.findings(titled).title == "Rebrand"


# ------------------------------------------------------------------------------ rendered (slow)


@pytest.mark.slow
def test_rendered_corpus_report_counts_every_outlet_and_its_evidence_names_headline_less_articles(tmp_path):
    from analysis.reports import render_report

    stories = pd.DataFrame({
        "id": [f"s{i}" for i in range(10)],
        "title": ["" if i == 0 else f"Council votes on budget, part {i}" for i in range(10)],
        "text": [f'Mayor Ruth Adeyemi said the budget of part {i} was fair. "We kept our promise," Adeyemi said.'
                 for i in range(10)],
        "date": [f"2024-05-{i + 1:02d}" for i in range(10)],
        "outlet": [f"Outlet {i}" for i in range(10)],
    })
    stories.to_csv(tmp_path / "stories.csv", index=False)
    corpus = render_report("corpus_report", out_dir=tmp_path / "out", parameters={"corpus": str(tmp_path / "stories.csv")})
    page = Path(corpus.html).read_text()
    assert re.search(r"<td[^>]*>outlets</td><td[^>]*>10</td>", page)
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", page.split("Evidence", 1)[1])
    assert heads[:8] == ["article", "doc id", "outlet", "date", "sentence no.", "speaker", "kind", "quotation"]
    assert "Mayor Ruth Adeyemi said the budget of part …" in page  # s0 has no headline
    brief = render_report("article_brief", out_dir=tmp_path / "out",
                          parameters={"corpus": str(tmp_path / "stories.csv"), "doc_id": "s0"})
    page = Path(brief.html).read_text()
    # the page's title and heading, not the folder name "article_brief"
    assert "<title>Mayor Ruth Adeyemi said the budget of part …</title>" in page
    assert "<h1>Mayor Ruth Adeyemi said the budget of part …</h1>" in page
