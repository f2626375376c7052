"""Report leftovers of the session-14 red team and its verification (rt14 #14, #16, #20, ver14 notes):
each test asserts what a reader of the report or the command line sees, with exact values on a small
hand-checked input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import charts
from analysis.errors import InputError

REPO = Path(__file__).resolve().parents[1]
NO_LEXICON = {"actors": []}


def _notebook_sources(name: str) -> list[str]:
    return ["".join(c["source"]) for c in json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text())["cells"]]


# ------------------------------------------- #14: the network shows the most linked actors, says so

# five actors: a-b 3, a-c 2, b-c 1, c-d 1, d-e 1 -> summed weights a 5, b 4, c 4, d 2, e 1
PAIRS = pd.DataFrame({"actor_a": ["a", "a", "b", "c", "d"], "actor_b": ["b", "c", "c", "d", "e"],
                      "count": [3, 2, 1, 1, 1]})


def test_network_draws_the_shown_most_linked_actors_and_says_how_many_of_all():
    fig = charts.cooccurrence_network(PAIRS, shown=3)
    nodes = fig.data[-1]
    assert list(nodes.customdata) == ["a", "b", "c"], "a 5, b 4, c 4 (d 2 and e 1 left out)"
    assert len(fig.data) == 3 + 2, "the three pairs among them, the pairs' hover layer and the actors"
    assert [a.text for a in fig.layout.annotations] == ["3 of 5 actors shown, those with the most links (summed "
                                                        "sentences with both)."]
    assert fig.data[-1].textfont.shadow.startswith("1px 1px 1px white"), "names over lines keep a white halo"
    # a tie at the cut goes to the smaller id: b and c both 4
    assert "appears together: a and b (sentences with both: 3)" in charts.cooccurrence_network(PAIRS, shown=2).note
    everyone = charts.cooccurrence_network(PAIRS)
    assert list(everyone.data[-1].customdata) == ["a", "b", "c", "d", "e"] and not everyone.layout.annotations


def test_network_words_its_counts_by_the_unit_cooccurrence_counted_in():
    documents = pd.DataFrame({"doc_id": ["x", "y"], "title": ["", ""], "text": [
        "Ruth Kell met Tomas Okafor. Anna Berg stayed home.", "Ruth Kell and Anna Berg spoke. Tomas Okafor left."]})
    mentions = wb.entities_as_mentions(wb.entities(documents, actors=NO_LEXICON), sentences=wb.sentences(documents),
                                       actors=NO_LEXICON)
    by_article = wb.cooccurrence(mentions, within="document")
    assert by_article.attrs["within"] == "document" and wb.cooccurrence(mentions).attrs["within"] == "sentence"
    assert by_article["count"].tolist() == [2, 2, 2], "every pair in both articles"
    fig = charts.cooccurrence_network(by_article)
    assert fig.data[-2].hovertext[0].endswith("articles with both: 2")
    one = charts.cooccurrence_network(by_article, shown=2)
    assert one.note.startswith("Only one pair of actors appears together: ") and "(articles with both: 2)" in one.note, \
        "one pair left: a sentence, not a chart"
    assert charts.cooccurrence_network(by_article, within="sentence").data[-2].hovertext[0].endswith(
        "sentences with both: 2"), "within= given wins over the table's attrs"


def test_network_note_says_the_unit_the_chart_computed():
    assert str(wb.limits("network", within="document")) == (
        "Two actors are linked when they are named in the same article (a line's width: how many articles name "
        "both); the layout is for reading only: distance on the page means nothing.")
    assert str(wb.limits("network", within="sentence")).startswith(
        "Two actors are linked when they are named in the same sentence (a line's width: how many sentences name "
        "both);")
    with pytest.raises(InputError, match="limits: within='paragraph'; use 'sentence' or 'document'"):
        wb.limits("network", within="paragraph")
    report = _notebook_sources("corpus_report")
    assert "Actors named in the same article, linked by how many articles name both: the `top` most linked " \
           "actors (the line under the chart says how many of all)." in "\n".join(report)
    assert 'wb.charts.cooccurrence_network(wb.cooccurrence(mentions, within="document"), names=names, shown=top, ' \
           'min_weight=1, colors=colors)' in report
    assert 'wb.limits("network", within="document")' in report
    brief = _notebook_sources("article_brief")
    assert 'wb.limits("network", within="sentence")' in brief
    assert any('wb.cooccurrence(mentions, within="sentence"), names=names, shown=15' in s for s in brief)


# --------------------------------------------- #16: long outlet names fit their panels and bars

LONG = "The Northern Ledger & Evening Standard Online"


def test_wrapped_label_breaks_at_spaces_escapes_and_cuts_after_its_last_line():
    from analysis.charts._base import wrapped_label

    assert wrapped_label(LONG, width=30) == "The Northern Ledger &amp; Evening<br>Standard Online"
    assert wrapped_label("City Wire", width=30) == "City Wire"
    assert wrapped_label("Harbour City Independent Business & Technology Review", width=10, max_lines=3) == \
        "Harbour<br>City<br>Independe…"
    assert wrapped_label("<b>Supercalifragilistic</b> Times", width=12) == "&lt;b&gt;Supercal…<br>Times"


def test_outlet_panels_wrap_a_long_outlet_name_over_two_lines_with_room_above():
    from analysis.charts._compare import panel_titles

    table = pd.DataFrame({"outlet": [LONG, "City Wire", "The Valley Courier and Weekend Gazette of the Lower Districts"],
                          "actor_id": ["a", "a", "a"], "actor": ["Ann", "Ann", "Ann"], "mentions": [1, 2, 3]})
    fig = charts.outlet_comparison(table)
    assert [a.text for a in fig.layout.annotations] == [
        "City Wire", "The Northern Ledger &amp; Evening<br>Standard Online",
        "The Valley Courier and Weekend<br>Gazette of the Lower Districts"]  # 33 characters a line (264 px / 8)
    assert [a.hovertext for a in fig.layout.annotations] == [None, None, None], "nothing cut: no hover needed"
    assert fig.layout.margin.t == 89 and fig.layout.height == 409, "one more title line: 19 px more on top"
    cut = panel_titles(["A very long outlet name that goes on and on past two lines of its panel"], panels=3)
    assert cut == ["A very long outlet name that goes<br>on and on past two lines of its…"]
    long_names = charts.outlet_comparison(table.assign(outlet=[LONG + " and More of the Same News Online",
                                                                "City Wire", "X"]))
    assert long_names.layout.annotations[1].hovertext == LONG.replace("&", "&amp;") + \
        " and More of the Same News Online"


def test_frame_profile_sets_long_outlet_names_level_in_lines_or_upright_by_the_room_under_each_bar():
    from analysis.charts._frames import bar_labels

    three = ["City Wire", LONG, "Harbour City Independent Business & Technology Review"]
    # three bars: 30 characters a line under each
    assert bar_labels(three) == (["City Wire", "The Northern Ledger &amp; Evening<br>Standard Online",
                                  "Harbour City Independent<br>Business &amp; Technology Review"], 0)
    assert bar_labels(["AP", "BBC"]) == (["AP", "BBC"], None), "names that fit stay as they are"
    nine = three + [f"Outlet number {i} of the long list" for i in range(6)]
    labels, angle = bar_labels(nine)
    assert angle == 90 and labels[2] == "Harbour City Independent Business &amp;…", "9 bars: 10 characters each"
    frames = pd.DataFrame({"outlet": three, "frame_id": ["conflict"] * 3, "share": [0.5, 0.25, 1.0]})
    fig = charts.frame_profile(frames, by="outlet")
    assert list(fig.layout.xaxis.ticktext) == bar_labels(three)[0] and fig.layout.xaxis.tickangle == 0
    assert list(fig.layout.xaxis.tickvals) == ["City Wire", "The Northern Ledger &amp; Evening Standard Online",
                                               "Harbour City Independent Business &amp; Technology Review"]


def test_outlet_bars_keep_a_name_of_34_characters_whole():
    table = pd.DataFrame({"outlet": ["AP", "AP"], "actor_id": ["ico", "x"],
                          "actor": ["Information Commissioner's Office", "Independent Couriers Union of the North"],
                          "mentions": [3, 1]})
    fig = charts.outlet_comparison(table)
    assert list(fig.layout.xaxis.categoryarray) == ["Information Commissioner&#x27;s Office",
                                                    "Independent Couriers Union of the…"]


# ------------------------------------------ #20: bad corpus input said before a kernel starts

@pytest.fixture
def empty_folder(tmp_path) -> Path:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.bin").write_text("not an article")
    return tmp_path / "empty"


def test_report_documents_names_a_corpus_with_no_readable_article(empty_folder, tmp_path):
    with pytest.warns(UserWarning):
        with pytest.raises(InputError) as raised:
            wb.tables.report_documents(empty_folder, errors="skip")
    assert str(raised.value) == (
        f"{empty_folder}: no readable article ({empty_folder}: no document files in the folder; "
        f"{empty_folder / 'notes.bin'}: not a document: unknown format '.bin' (supported: .txt, .text, .md, .markdown, "
        ".html, .htm, .xhtml, .csv, .tsv, .tab, .jsonl, .ndjson, .json, .parquet, .pq)); check the path, or add files "
        "the workbench can read (.txt, .md, .html, .csv, .jsonl, .json, .parquet)")
    (tmp_path / "no_text.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match=r"no_text.csv: no text column and no title column \(columns found: a, b\)"):
        wb.tables.report_documents(tmp_path / "no_text.csv")
    two = pd.DataFrame({"doc_id": ["x", "y"], "title": ["A", "B"], "text": ["One text.", "Two text."],
                        "published": ["2026-10-05", "2026-10-06"]})
    assert wb.tables.report_documents(two, doc_id="y", one_document=True)["doc_id"].tolist() == ["y"]
    assert wb.tables.report_documents(two, end="2026-10-05")["doc_id"].tolist() == ["x"]
    with pytest.raises(InputError, match="start='2030-01-01' leaves no documents"):
        wb.tables.report_documents(two, start="2030-01-01")
    with pytest.raises(InputError, match="doc_id 'z' is not in the corpus"):
        wb.tables.report_documents(two, doc_id="z")
    with pytest.raises(InputError, match="^the DataFrame: the table has no rows; pass a DataFrame with one row per article"):
        wb.tables.report_documents(two.head(0))


def test_render_report_refuses_a_bad_corpus_before_any_kernel_or_folder(empty_folder, tmp_path):
    from analysis.reports import check_corpus, render_report

    out = tmp_path / "out"
    with pytest.raises(InputError, match="no document files in the folder"):
        render_report("corpus_report", out_dir=out, parameters={"corpus": str(empty_folder)})
    assert not out.exists(), "no half-written output folder, no .failed.ipynb"
    with pytest.raises(InputError, match="no readable article"):
        check_corpus("article_brief", {"corpus": str(empty_folder), "errors": "skip"})
    check_corpus("explore", {})  # the default corpus, ../seeds, read from the notebook's folder
    with pytest.raises(InputError, match="doc_id 'nope' is not in the corpus"):
        check_corpus("explore", {"doc_id": "nope"})
    check_corpus("validation", {})  # a notebook that reads no corpus is not checked


def test_cli_says_a_bad_corpus_at_once_with_exit_status_2_and_writes_nothing(empty_folder, tmp_path, capsys):
    from analysis.cli import main

    out = tmp_path / "out"
    status = main(["report", "article_brief", "--corpus", str(empty_folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(f"error: {empty_folder}: no document files in the folder;") and "failed" not in err
    assert not out.exists()
    status = main(["report", "article_brief", "--corpus", str(empty_folder), "--out", str(out), "--each",
                   "doc_id=a,b"])
    assert status == 2 and not out.exists(), "a batch is refused before any worker starts"


# ------------------------------------------------ ver14: one share of mentions on every page

def test_explore_share_counts_as_the_corpus_reports_share_of_mentions():
    d = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [
        "Maria Lindqvist flew to Denver on Monday. \"We will win,\" Maria Lindqvist said. "
        "Lindqvist met Tom Berg in Denver."]})
    result = wb.tables.report_analysis(d, actors=NO_LEXICON)
    table = wb.entities_by(result.entities, actors=result, quotes=result.quotes)
    shares = dict(zip(table["name"], table["share"]))
    assert shares["Maria Lindqvist"] == 0.75 and shares["Tom Berg"] == 0.25 and math.isnan(shares["Denver"])
    mentions, quotes, _ = wb.tables.entity_tables(result)
    voice = wb.voice(mentions, quotes)
    assert dict(zip(voice["actor"], voice["mention_share"])) == {"Tom Berg": 0.25, "Maria Lindqvist": 0.75}
    assert dict(zip(table["name"], table["mentions"])) == {"Maria Lindqvist": 3, "Denver": 2, "Tom Berg": 1}
    heading = next(s for s in _notebook_sources("explore") if s.startswith("## 2. Entities"))
    assert "a place is left out of it (its share empty) unless it is quoted" in heading


def test_a_place_that_speaks_counts_in_the_shares():
    entities = pd.DataFrame({"doc_id": ["a"] * 3, "sentence_id": [0, 1, 2], "start": [0, 0, 0], "end": [5, 6, 5],
                             "text": ["Ann X", "Russia", "Ann X"], "entity_id": ["person:ann_x", "place:russia",
                                                                               "person:ann_x"],
                             "entity": ["Ann X", "Russia", "Ann X"], "type": ["person", "place", "person"],
                             "via": ["name"] * 3, "title": [None] * 3, "actor_id": [None] * 3})
    quiet = wb.entities_by(entities, actors=NO_LEXICON)
    assert dict(zip(quiet["name"], quiet["share"].fillna(-1))) == {"Ann X": 1.0, "Russia": -1}
    speaking = wb.entities_by(entities, actors=NO_LEXICON, quotes=pd.DataFrame({"speaker_entity_id": ["place:russia"]}))
    assert dict(zip(speaking["name"], speaking["share"])) == {"Ann X": 2 / 3, "Russia": 1 / 3}


# ------------------------------------------ ver14: the explore documents table fits the page

def test_displayed_tables_scroll_inside_a_page_wide_box_and_keep_short_values_on_one_line():
    from analysis.display import frame_html

    documents = pd.DataFrame({"doc_id": ["62a80eb24feef823"], "published": [pd.Timestamp("2026-10-05", tz="UTC")],
                              "title": ["<b>Dashly</b> confirms breach exposed data of 1.2 million customers"]})
    page = frame_html(documents)
    assert page.startswith('<div class="wb-frame-wrap" style="max-width:100%;overflow-x:auto"><table ')
    assert page.endswith("</table></div><p>1 rows, 3 columns.</p>")
    assert '<td style="text-align:left;white-space:nowrap">2026-10-05</td>' in page
    assert '<td style="text-align:left;white-space:nowrap">62a80eb24feef823</td>' in page
    assert ('<td style="text-align:left;min-width:12em">&lt;b&gt;Dashly&lt;/b&gt; confirms breach exposed data of '
            '1.2 million customers</td>') in page, "untrusted text stays escaped"
