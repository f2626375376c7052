from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.tables import document_card, select_document, with_period


@pytest.fixture
def documents() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "b"],
        "title": ["First", "Second"],
        "outlet": ["Wire", pd.NA],
        "published": pd.to_datetime(["2024-05-09T10:00:00Z", None], utc=True),
        "tags": [["Biden", "Israel"], []],
    })


def test_select_document_defaults_to_the_first(documents):
    assert select_document(documents)["doc_id"].tolist() == ["a"]


def test_select_document_by_id(documents):
    assert select_document(documents, doc_id="b")["title"].tolist() == ["Second"]


def test_select_document_unknown_id_names_it_and_known_ones(documents):
    with pytest.raises(InputError, match=r"^doc_id 'zz' is not in the corpus; ids it has \(headline in brackets\): "
                                         r"a \(First\), b \(Second\); wb\.load_corpus\(corpus\)\[\['doc_id', 'title', "
                                         r"'source'\]\] lists them all \(from a shell: python -c "
                                         r"\"import analysis as wb; print\(wb\.load_corpus\('CORPUS'\)"
                                         r"\[\['doc_id', 'title'\]\]\.to_string\(\)\)\"\)$"):
        select_document(documents, doc_id="zz")


def test_select_document_on_an_empty_corpus_says_so():
    with pytest.raises(InputError, match="no documents"):
        select_document(pd.DataFrame({"doc_id": []}))


def test_document_card_lists_present_fields_only(documents):
    card = document_card(select_document(documents, doc_id="b"))
    assert card.to_dict("list") == {"field": ["doc_id", "title"], "value": ["b", "Second"]}
    full = document_card(documents)
    assert full.set_index("field")["value"].to_dict() == {
        "doc_id": "a", "title": "First", "outlet": "Wire",
        "published": "2024-05-09 10:00 UTC", "tags": "Biden, Israel",
    }
    assert document_card(documents, with_doc_id=False).to_dict("list") == {
        "field": ["title", "outlet", "published", "tags"],
        "value": ["First", "Wire", "2024-05-09 10:00 UTC", "Biden, Israel"]}


def _dated() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["Wire", "Daily", "Wire", "Daily"],
        "published": pd.to_datetime(["2024-05-08T23:00:00Z", "2024-05-09T10:00:00Z", "2024-05-10T00:00:00Z", None],
                                    utc=True),
    })


def test_filter_documents_by_whole_days_and_outlets():
    from analysis.tables import filter_documents

    docs = _dated()
    assert filter_documents(docs, start="2024-05-09")["doc_id"].tolist() == ["b", "c"]
    assert filter_documents(docs, end="2024-05-09")["doc_id"].tolist() == ["a", "b"], "end day is included"
    assert filter_documents(docs, start="2024-05-09", end="2024-05-09")["doc_id"].tolist() == ["b"]
    assert filter_documents(docs, outlets=["Wire"])["doc_id"].tolist() == ["a", "c"]
    assert filter_documents(docs, outlets="Daily")["doc_id"].tolist() == ["b", "d"]
    assert filter_documents(docs)["doc_id"].tolist() == ["a", "b", "c", "d"], "no limits keeps undated ones"
    assert filter_documents(docs, outlets=" wire ")["doc_id"].tolist() == ["a", "c"], "case and spaces ignored"


def test_same_spellings_write_one_outlet_once_and_say_so():
    # rux18 M6: a real corpus wrote "thehuffingtonpost" (26 articles) and "The Huffington Post" (11), "foxnews"
    # and "Fox News", "rt" and "RT": the outlet comparison drew each as two outlets
    from analysis.tables import filter_documents, same_spellings

    docs = pd.DataFrame({"doc_id": list("abcdefghij"), "outlet": [
        "thehuffingtonpost", "thehuffingtonpost", "The Huffington Post", "foxnews", "Fox News", "rt", "RT",
        "breitbart.com", "Breitbart", None]})
    merged = same_spellings(docs)
    assert merged["outlet"].tolist()[:9] == ["The Huffington Post"] * 3 + ["Fox News"] * 2 + ["RT"] * 2 + \
        ["Breitbart"] * 2
    assert merged["outlet"].isna().tolist()[-1], "a missing outlet stays missing"
    assert docs["outlet"].iloc[0] == "thehuffingtonpost", "the table given is not changed"
    assert merged.attrs["spellings"] == {
        "column": "outlet", "replaced": {"thehuffingtonpost": "The Huffington Post", "foxnews": "Fox News",
                                         "rt": "RT", "breitbart.com": "Breitbart"},
        "articles": {"thehuffingtonpost": 2, "foxnews": 1, "rt": 1, "breitbart.com": 1}}
    # names that are not one outlet stay apart; nothing to merge, no note
    apart = same_spellings(pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["The Times", "The Sunday Times",
                                                                              "Times of India"]}))
    assert apart["outlet"].tolist() == ["The Times", "The Sunday Times", "Times of India"]
    assert apart.attrs["spellings"]["replaced"] == {}
    # of two written forms the more frequent; a tie keeps the first in the table
    assert same_spellings(pd.DataFrame({"doc_id": list("abc"), "outlet": ["Fox news", "Fox News", "Fox News"]}))[
        "outlet"].tolist() == ["Fox News"] * 3
    # filter_documents finds an outlet by any of its spellings
    assert filter_documents(docs, outlets="The Huffington Post")["doc_id"].tolist() == ["a", "b", "c"]
    assert filter_documents(docs, outlets=["fox news"])["doc_id"].tolist() == ["d", "e"]


def test_filter_documents_that_leave_nothing_name_the_limit_and_what_the_corpus_holds():
    from analysis.tables import filter_documents

    docs = _dated()
    with pytest.raises(InputError, match=r"outlets='Nowhere' leaves no documents: the outlets in the corpus "
                                         r"are Daily, Wire; change or drop the limit"):
        filter_documents(docs, outlets="Nowhere")
    with pytest.raises(InputError, match=r"start='2030-01-01' leaves no documents: the corpus's dates run "
                                         r"from 2024-05-08 to 2024-05-10"):
        filter_documents(docs, start="2030-01-01")
    with pytest.raises(InputError, match=r"where=\"outlet == 'Wire'\" matches none of the 2 documents left"):
        filter_documents(docs, outlets="Daily", where="outlet == 'Wire'")
    empty = docs.iloc[:0]
    assert filter_documents(empty, outlets="Daily").empty, "an empty corpus stays empty, no error"


def test_filter_documents_with_start_after_end_names_both_dates():
    from analysis.tables import filter_documents

    with pytest.raises(InputError) as caught:
        filter_documents(_dated(), start="2024-05-10", end="2024-05-09")
    assert str(caught.value) == ("start='2024-05-10' is after end='2024-05-09': start is the first day to "
                                 "include and end the last; swap them or drop one")


def test_filter_documents_names_a_bad_date():
    from analysis.tables import filter_documents

    with pytest.raises(InputError, match=r"start='last week' is not a date; write it as YYYY-MM-DD"):
        filter_documents(_dated(), start="last week")


def _sentences() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3],
                         "section": ["headline", "body", "body", "body"],
                         "text": ["Head", "Bad news.", "Good news.", "Plain news."]})


def test_with_sentence_text_adds_the_evidence():
    from analysis.tables import with_sentence_text

    frames = pd.DataFrame({"doc_id": ["a"], "sentence_id": [2], "frame_id": ["conflict"], "hits": [1]})
    out = with_sentence_text(frames, _sentences())
    assert out.to_dict("records") == [{"doc_id": "a", "sentence_id": 2, "frame_id": "conflict", "hits": 1,
                                       "section": "body", "text": "Good news."}]
    quoted = pd.DataFrame({"doc_id": ["a"], "sentence_id": [1], "text": ["quote"]})
    assert with_sentence_text(quoted, _sentences())["sentence"].tolist() == ["Bad news."]


def test_key_sentences_takes_the_extremes_and_skips_zeros():
    from analysis.tables import key_sentences

    tone = pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "polarity": [0.0, -0.7, 0.7, 0.0]})
    out = key_sentences(tone, _sentences(), n=3)
    assert out[["end", "sentence_id", "polarity", "text"]].values.tolist() == [
        ["most negative", 1, -0.7, "Bad news."], ["most positive", 2, 0.7, "Good news."]]


def test_key_sentences_lists_no_negated_sentence_as_most_positive():
    # rt17 M4: "... women weren't listened to." was a "most positive" sentence (+0.50, from "safe"): TextBlob
    # reads "n't" as nothing. A sentence with a negation stays among the most negative
    from analysis.tables import key_sentences

    sents = pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "section": ["body"] * 4,
                          "text": ["They don\u2019t feel safe and women weren't listened to.", "A safe, good plan.",
                                   "It is not a bad plan.", "Nobody came, a terrible night."]})
    tone = pd.DataFrame({"doc_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3], "polarity": [0.5, 0.6, 0.35, -1.0]})
    out = key_sentences(tone, sents, n=3)
    assert out[["end", "sentence_id"]].values.tolist() == [["most negative", 3], ["most positive", 1]]
    # another score (VADER's compound reads negation itself) is taken as it is
    vader = key_sentences(tone.rename(columns={"polarity": "compound"}), sents, score="compound", n=3)
    assert vader[["end", "sentence_id"]].values.tolist() == [["most negative", 3], ["most positive", 1],
                                                            ["most positive", 0], ["most positive", 2]]


def test_has_negation_reads_the_negation_word_list_and_contractions():
    from analysis.tables import has_negation

    texts = pd.Series(["women weren\u2019t listened to", "It is not good", "A good day", None, "Nothing works",
                       "a notable cannon", "He can hardly cope", "without a plan"], index=list("abcdefgh"))
    assert has_negation(texts).to_dict() == {"a": True, "b": True, "c": False, "d": False, "e": True, "f": False,
                                             "g": True, "h": True}


def test_corpus_summary_counts_what_a_reader_checks_first():
    from analysis.tables import corpus_summary

    docs = _dated().assign(title=["A b", "C", "", "D e f"], text=["one two", "three", "four five six", ""],
                           duplicate_of=[pd.NA, pd.NA, "a", pd.NA])
    assert corpus_summary(docs).set_index("field")["value"].to_dict() == {
        "documents": "4", "words": "12", "outlets": "2", "first day": "2024-05-08", "last day": "2024-05-10",
        "undated documents": "1", "duplicates kept (flagged, counted)": "1"}



def test_corpus_summary_counts_duplicates_left_out_by_the_report_action_not_its_words():
    # the count matched the problem's text ("duplicate of ..."): rewording the message lost the count
    from analysis.corpus.report import DROPPED_DUPLICATE
    from analysis.tables import corpus_summary

    docs = _dated().assign(title="t", text="x")
    docs.attrs["load_report"] = [
        {"source": "a.csv", "row": 2, "line": None, "problem": "same text as doc_id x", "action": DROPPED_DUPLICATE},
        {"source": "a.csv", "row": 3, "line": None, "problem": "duplicate of doc_id x (skipped)", "action": "skipped"},
        {"source": "b.csv", "row": 1, "line": None, "problem": "a copy", "action": "dropped"}]
    assert corpus_summary(docs).set_index("field")["value"]["duplicates left out (not counted)"] == "2"


def test_corpus_summary_says_what_each_duplicate_count_counts():
    # the red team's report: "flagged duplicates 0" next to "duplicates left out 1"
    from analysis.corpus.report import DROPPED_DUPLICATE
    from analysis.tables import corpus_summary

    docs = _dated().assign(title="t", text="x", duplicate_of=pd.NA)
    assert corpus_summary(docs)["field"].tolist()[-1:] == ["duplicates kept (flagged, counted)"]
    assert corpus_summary(docs)["value"].tolist()[-1:] == ["0"]
    docs.attrs["load_report"] = [{"source": "a.csv", "row": 5, "line": None, "problem": "copy", "action": DROPPED_DUPLICATE}]
    assert corpus_summary(docs).tail(1).to_dict("list") == {"field": ["duplicates left out (not counted)"],
                                                             "value": ["1"]}, "no 0 of kept copies next to it"
    both = docs.assign(duplicate_of=[pd.NA, "a", pd.NA, pd.NA])
    assert corpus_summary(both).tail(2).to_dict("list") == {
        "field": ["duplicates kept (flagged, counted)", "duplicates left out (not counted)"], "value": ["1", "1"]}

# ------------------------------------------------------------------ issue 13: tables people read, findings

from analysis.readable import copyable_yaml, format_value, limits, show_table  # noqa: E402


def test_show_table_reads_like_a_report_table():
    voice = pd.DataFrame({"actor_id": ["a", "b"], "actor": ["Ann <b>", "Bob"], "doc_id": ["d1", "d1"],
                          "mentions": [1234, 2], "mention_share": [0.5, 0.0123], "mean_polarity": [-0.12345, 0.0],
                          "never_quoted": [True, False]})
    shown = show_table(voice, explain="Shares are of all mentions.")
    page = shown.to_html()
    assert list(shown.data.columns) == ["actor", "mentions", "mention_share", "mean_polarity", "never_quoted"], \
        "ids with a name beside them and the one-document doc_id are left out"
    assert "<th" in page and "index" not in page and "<th></th>" not in page
    assert ">share of mentions</th>" in page and ">mean tone</th>" in page, "columns named in words"
    for text in (">1,234<", ">50%<", ">1.2%<", ">-0.12<", ">0.00<", ">yes<", ">Ann &lt;b&gt;<"):
        assert text in page, text
    assert '<p class="wb-explain">Shares are of all mentions.</p>' in page


def test_show_table_collapses_long_tables_with_the_whole_table_as_csv():
    import base64
    import re

    table = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "text": [f"sentence {i}" for i in range(40)]})
    page = show_table(table, top=5, name="evidence").to_html()
    assert page.count("<tr>") == 1 + 5 and "Showing the first 5 of 40 rows." in page
    payload = re.search(r'download="evidence\.csv" href="data:text/csv;base64,([^"]+)"', page).group(1)
    csv = base64.b64decode(payload).decode()
    assert csv.splitlines()[0] == "article,text" and len(csv.splitlines()) == 41
    assert "Nothing found here" in show_table(table.iloc[:0], empty="Nothing found here").to_html()
    with pytest.raises(InputError, match=r"^show_table: the table lacks column\(s\) nope; pick from its columns: "):
        show_table(table, columns=["nope"])


def test_show_table_names_ids_and_formats_lists():
    frames = pd.DataFrame({"frame_id": ["conflict"], "terms": [["rift", "critic*"]]})
    page = show_table(frames, names={"frame_id": {"conflict": "Conflict"}}).to_html()
    assert ">Conflict<" in page and ">rift, critic*<" in page
    assert format_value("share", 0.25) == ("25%", True) and format_value("voice_gap", 0.1) == ("+10 pts", True)


def test_copyable_yaml_has_a_copy_button_and_escapes():
    candidates = pd.DataFrame({"name": ["Ruth <Adeyemi>"], "suggested_id": ["ruth"], "type": ["person"],
                               "aliases": [["Ruth <Adeyemi>"]], "titles": [[]], "count": [3],
                               "yaml": ["- id: ruth\n  name: Ruth <Adeyemi>\n  type: person\n"]})
    page = copyable_yaml(candidates)._repr_html_()
    assert "<button" in page and ">Copy</button>" in page and "<pre>actors:" in page
    assert "&lt;Adeyemi&gt;" in page and "<Adeyemi>" not in page
    assert copyable_yaml(candidates.iloc[:0])._repr_html_() == ""


def test_limits_quote_the_validation_figures():
    assert "macro-F1 0.40" in limits("tone").text
    import json

    from analysis.validation import FIGURES_PATH

    held_out = json.loads(FIGURES_PATH.read_text(encoding="utf-8"))["measures"]["frames"]["held_out"]["frames"]
    f1 = [v["f1"] for v in held_out.values()]
    assert f"F1 {min(f1):.2f} to {max(f1):.2f} (96 held-out articles)" in limits("frames").text
    # rt17 M4: the tone chart's colour rule, with the actor-level rule's figure (net share, 694 article-person units)
    assert limits("actor_tone").text.endswith(
        "coloured by the model's verdict: the share of those sentences it labels positive minus the share it labels "
        "negative (blue above 0, orange below, grey hatched at 0, neutral; the actor-level rule, macro-F1 0.65 on an "
        "article's main person), so an actor the model calls neutral in every sentence is grey whichever way the "
        "mean leans.")
    with pytest.raises(InputError, match="limits\\('nope'\\)"):
        limits("nope")


@pytest.fixture(scope="module")
def seed_analysis(seed_path):
    import analysis as wb

    documents = wb.load_corpus(seed_path)
    return documents, wb.analyze(documents)


def test_findings_state_the_charts_numbers_with_evidence(seed_analysis):
    import analysis as wb

    documents, result = seed_analysis
    found = wb.findings(result)
    assert found.title == "Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive"
    assert 3 <= len(found.table) <= 5 and found.table["evidence"].str.len().gt(0).all()
    direct = result.mentions[result.mentions["via"] != "pronoun"]["actor"].value_counts()
    first = found.table["finding"].iloc[0]
    assert first.startswith(f"{direct.index[0]} is mentioned most: {direct.iloc[0]} times"), first
    bundle = found._repr_mimebundle_()
    assert bundle["application/vnd.media-workbench.title+json"] == {"title": found.title}
    assert 'id="findings"' in bundle["text/html"] and "&#x27;" not in found.title
    assert wb.findings(result, title="My title").title == "My title"


def test_with_period_chooses_day_week_or_month_from_the_range():
    from analysis.tables import period_unit, with_period

    days = pd.DataFrame({"published": pd.to_datetime(["2024-05-01", "2024-05-02", None], utc=True)})
    weekly = pd.date_range("2024-05-01", "2024-08-08", freq="7D")  # 15 articles over 99 days, one a week
    weeks = pd.DataFrame({"published": pd.to_datetime(weekly, utc=True)})
    months = pd.DataFrame({"published": pd.to_datetime(["2023-01-15", "2024-08-08"], utc=True)})
    assert [period_unit(t) for t in (days, weeks, months)] == ["day", "week", "month"]
    assert with_period(weeks)["period"].tolist()[:2] == ["2024-04-29", "2024-05-06"], "weeks start on Monday"
    assert with_period(weeks.iloc[[0, -1]])["period"].tolist() == ["2024-05-01", "2024-08-01"], \
        "2 articles 14 weeks apart: sparse weeks, so months"
    assert with_period(months)["period"].tolist() == ["2023-01-01", "2024-08-01"]
    assert with_period(days)["period"].isna().tolist() == [False, False, True], "undated stays undated"


def test_period_in_use_is_not_applicable_without_dates():
    # an undated corpus's header read "period: day (not given: chosen by the report)"
    from analysis.tables import NO_PERIOD, period_in_use, with_period

    weekly = pd.DataFrame({"published": pd.to_datetime(pd.date_range("2024-05-01", "2024-08-08", freq="7D"), utc=True)})
    assert period_in_use(with_period(weekly)) == "week"
    assert period_in_use(with_period(weekly, period="month")) == "month"
    undated = pd.DataFrame({"published": pd.to_datetime([None, None], utc=True)})
    assert with_period(undated).attrs["period_unit"] == "day", "with_period still names a unit"
    assert period_in_use(with_period(undated)) == NO_PERIOD == "n/a (no dates in this corpus)"
    assert period_in_use(with_period(pd.DataFrame({"doc_id": ["a"]}))) == NO_PERIOD, "no published column"


def test_lump_values_keeps_the_top_groups_and_others():
    from analysis.tables import lump_values

    docs = pd.DataFrame({"outlet": ["a", "a", "b", "c", None]})
    assert lump_values(docs, column="outlet", top=1)["outlet"].tolist()[:4] == ["a", "a", "others", "others"]
    with pytest.raises(InputError, match=r"^column 'bias' \(the column to group by\) is not in the documents; columns "
                                         r"are outlet: pick one \(in a report: -p group_by=outlet\)$"):
        lump_values(docs, column="bias")


def test_filter_documents_where_any_column_and_a_bad_query_named():
    from analysis.tables import filter_documents

    docs = pd.DataFrame({"doc_id": ["a", "b"], "published": [None, None], "topic": ["immigration", "economy"]})
    assert filter_documents(docs, where="topic == 'immigration'")["doc_id"].tolist() == ["a"]
    with pytest.raises(InputError, match=r"where='topc == 1': .*documents' columns \(doc_id, published, topic\)"):
        filter_documents(docs, where="topc == 1")


def test_voice_for_chart_cuts_by_mentions_and_keeps_every_quoted_actor():
    from analysis.tables import voice_for_chart

    voice = pd.DataFrame({"actor": list("ABCD"), "mentions": [1, 9, 5, 7], "quotes": [2, 0, 0, 0]})
    assert voice_for_chart(voice, top=2)["actor"].tolist() == ["B", "D", "A"]
    # a corpus of thousands of speakers: the top most quoted, not every one (a 20,000-article corpus
    # drew a chart of every quoted actor, tens of thousands of pixels tall)
    many = pd.DataFrame({"actor": list("ABCDEF"), "mentions": [9, 8, 3, 2, 1, 1], "quotes": [0, 0, 1, 5, 4, 0]})
    assert voice_for_chart(many, top=2)["actor"].tolist() == ["A", "B", "D", "E"]


def test_compare_groups_by_any_column_and_one_group_says_so(seed_analysis):
    import analysis as wb
    from analysis.charts import ChartNote

    documents, result = seed_analysis
    two = pd.concat([documents, documents.assign(doc_id="copy", topic="other")], ignore_index=True)
    two["topic"] = two["topic"].fillna("war") if "topic" in two else ["war", "other"]
    analysis = wb.analyze(two)
    comparison = wb.tables.compare_groups(analysis, two, by="topic")
    assert isinstance(comparison, wb.tables.GroupComparison) and comparison.by == "topic"
    assert comparison.groups == ["war", "other"] or sorted(comparison.groups) == ["other", "war"]
    assert set(comparison.attention["topic"]) == {"war", "other"}
    assert set(comparison.tone["topic"]) == {"war", "other"} and "mean_target_polarity" in comparison.tone
    assert not isinstance(comparison.attention_chart(), ChartNote)
    single = wb.tables.compare_groups(result, documents, by="outlet")
    assert isinstance(single.attention_chart(), ChartNote)  # the seed gives no outlet: not "Only one outlet ((none))"
    assert single.attention_chart().note.startswith("No document here gives its outlet: attention, voice")
    one = wb.tables.compare_groups(result, documents.assign(outlet="Ledger"), by="outlet")
    assert one.attention_chart().note.startswith("Only one outlet (Ledger) in these documents: attention")
    with pytest.raises(InputError, match="group_by='bias' is not a column"):
        wb.tables.compare_groups(result, documents, by="bias")


def test_setup_notebook_shows_tables_and_analysis_readably(seed_analysis):
    from analysis.display import analysis_html, frame_html

    documents, result = seed_analysis
    page = frame_html(documents)
    assert page.index(">doc_id<") < page.index(">title<") < page.index(">text<"), "key columns first"
    assert 'title="' in page and "…</td>" in page, "long text cut, whole on hover"
    assert "1 rows, " in page
    grouped = frame_html(result.mentions.groupby("actor").size().to_frame("n"))
    assert ">actor<" in grouped, "a meaningful index becomes a column"
    summary = analysis_html(result)
    assert "<code>result.mentions</code>" in summary and result._repr_html_() == summary


# ------------------------------------------------------------------ report helpers the notebooks call


def _mentions(rows) -> pd.DataFrame:
    """A mentions table: (doc_id, actor_id, actor, via) rows."""
    return pd.DataFrame(rows, columns=["doc_id", "actor_id", "actor", "via"]).assign(sentence_id=0)


def test_undated_note_counts_the_undated_and_is_silent_when_all_or_none_are():
    from analysis.tables import undated_note

    from analysis.corpus import CorpusWarning

    documents = pd.DataFrame({"published": ["2024-05-01", None, "2024-05-03", "not a date"]})
    unreadable = r"^undated_note: 1 published value\(s\) could not be read as dates \(first: 'not a date' of row {}\)"
    with pytest.warns(CorpusWarning, match=unreadable.format(4)):
        assert undated_note(documents).text == ("2 of 4 articles have no date: they are counted everywhere except "
                                                "in the charts over time.")
    assert undated_note(documents.iloc[[0, 2]]).text == ""
    with pytest.warns(CorpusWarning, match=unreadable.format(2)):
        assert undated_note(documents.iloc[[1, 3]]).text == "", "the chart over time says so itself"
    assert undated_note(pd.DataFrame({"title": ["x"]})).text == ""


def test_period_unit_grows_until_the_articles_fill_the_periods():
    from analysis.tables import period_unit, with_period

    def dated(*days):
        return pd.DataFrame({"published": pd.to_datetime(list(days), utc=True)})

    # /work/mytest/election: 4 articles on 4 days of a 33-day span: 30 of 34 days would be zeros
    election = dated("2026-10-02", "2026-10-16", "2026-10-20", "2026-11-04")
    assert period_unit(election) == "week", "4 of the 6 weeks from Sep 28 to Nov 2 hold an article"
    assert with_period(election)["period"].tolist() == ["2026-09-28", "2026-10-12", "2026-10-19", "2026-11-02"]
    assert with_period(election).attrs["period_unit"] == "week"
    assert with_period(election, period="day").attrs["period_unit"] == "day", "period= overrides the rule"
    assert with_period(election, period="")["period"].iloc[0] == "2026-09-28", "empty text: the rule decides"
    # most days hold an article: day
    assert period_unit(dated("2024-05-01", "2024-05-02", "2024-05-04")) == "day"
    # few days hold one, but those that do hold 3 or more (a busy news day each week): day
    busy = dated(*(["2024-05-01"] * 3 + ["2024-05-08"] * 3 + ["2024-05-15"] * 4))
    assert period_unit(busy) == "day"
    assert period_unit(busy, min_documents=4) == "week"
    # sparse days and sparse weeks: month (2 articles 3 weeks apart: 2 of 4 weeks still count as half)
    assert period_unit(dated("2024-05-01", "2024-05-30")) == "month"
    assert period_unit(dated("2024-05-01", "2024-05-22")) == "week"
    # a long range never gets finer than its span allows, however dense
    assert period_unit(dated(*pd.date_range("2024-01-01", "2024-12-31", freq="D").astype(str))) == "month"
    assert period_unit(dated("2024-05-01")) == "day"
    assert period_unit(pd.DataFrame({"published": pd.to_datetime([None, None], utc=True)})) == "day"


def test_attention_by_period_draws_the_top_actors_per_period_or_says_why_not():
    from analysis.charts import ChartNote
    from analysis.tables import attention_panel

    documents = with_period(pd.DataFrame({"doc_id": ["a", "b", "c"],
                                          "published": ["2024-05-01", "2024-05-02", "2024-05-02"]}), period="day")
    mentions = _mentions([("a", "x", "X", "alias"), ("b", "x", "X", "alias"), ("c", "y", "Y", "alias"),
                          ("c", "y", "Y", "alias"), ("c", "z", "Z", "alias")])
    fig = attention_panel(mentions, documents, top=2)
    assert fig.layout.title.text == "Mentions per day"
    assert {trace.name: list(trace.y) for trace in fig.data} == {"X": [1.0, 1.0], "Y": [0.0, 2.0]}, "z is third"
    one_day = with_period(documents.assign(published="2024-05-01"), period="day")
    note = attention_panel(mentions, one_day)
    assert isinstance(note, ChartNote) and note.note.startswith("Every dated article falls in one day (2024-05-01)")
    undated = with_period(documents.assign(published=None), period="day")
    assert attention_panel(mentions, undated).note.startswith("No dates in this corpus")
    # it was titled "Mentions per day" over a corpus without dates: no day was counted
    assert attention_panel(mentions, undated).layout.title.text == "Mentions over time"


def test_time_panels_of_a_corpus_without_dates_are_titled_over_time_and_have_no_limit_line():
    from analysis.readable import limits
    from analysis.tables import frames_panel

    undated = with_period(pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "text": ["x", "y"],
                                        "published": [None, None]}))
    frames = pd.DataFrame({"doc_id": ["a"], "frame_id": ["conflict"], "hits": [1]})
    note = frames_panel(frames, undated)
    assert note.layout.title.text == "Frames over time" and note.note.startswith("No dates in this corpus: ")
    assert limits("attention", documents=undated).text == "", "no chart over time: no line about it"
    dated = with_period(undated.assign(published=["2024-05-01", "2024-05-02"]))
    assert limits("attention", documents=dated).text == limits("attention").text != ""


def test_weekly_attention_ticks_fall_on_the_mondays_its_points_stand_for():
    from analysis.tables import attention_panel

    # the election corpus: weeks Sep 28 .. Nov 2; plotly's own ticks were Sundays (Sep 27, Oct 4, ...)
    documents = with_period(pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                                          "published": ["2026-10-02", "2026-10-16", "2026-10-20", "2026-11-04"]}))
    mentions = _mentions([("a", "x", "X", "alias"), ("d", "x", "X", "alias")])
    fig = attention_panel(mentions, documents)
    assert fig.layout.title.text == "Mentions per week"
    assert list(fig.data[0].x) == ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02"]
    assert list(fig.data[0].y) == [1.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    assert (fig.layout.xaxis.tick0, fig.layout.xaxis.dtick) == ("2026-09-28", 7 * 86_400_000)
    assert fig.layout.xaxis.title.text == "week (starting Monday, UTC)"
    monthly = attention_panel(mentions, with_period(documents, period="month"))
    assert (monthly.layout.xaxis.tick0, monthly.layout.xaxis.dtick, monthly.layout.xaxis.title.text) == (
        "2026-10-01", "M1", "month (UTC)")


def test_weekly_and_monthly_time_charts_say_what_a_point_stands_for_in_the_hover():
    # a weekly point's hover showed a bare date (2026-09-28) that reads as one day
    from analysis.tables import attention_panel, frames_panel

    documents = with_period(pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                                          "published": ["2026-10-02", "2026-10-16", "2026-10-20", "2026-11-04"]}))
    assert documents.attrs["period_unit"] == "week"
    mentions = _mentions([("a", "x", "X", "alias"), ("d", "x", "X", "alias")])
    hover = attention_panel(mentions, documents).data[0].hovertext
    assert hover[0] == "<b>X</b><br>week of 2026-09-28: 1 mentions" and hover[1] == "<b>X</b><br>week of 2026-10-05: 0 mentions"
    monthly = attention_panel(mentions, with_period(documents, period="month")).data[0].hovertext
    assert list(monthly) == ["<b>X</b><br>October 2026: 1 mentions", "<b>X</b><br>November 2026: 1 mentions"]
    daily = attention_panel(mentions, with_period(documents, period="day")).data[0].hovertext
    assert daily[0] == "<b>X</b><br>2026-10-02: 1 mentions", "a day is a date"
    document_frames = pd.DataFrame({"doc_id": list("abcd"), "frame_id": ["conflict"] * 4, "hits": [1, 1, 1, 1],
                                    "present": [True] * 4, "share": [1.0] * 4})
    frames = frames_panel(document_frames, documents, names={"conflict": "Conflict"})
    assert frames.data[0].hovertext[0] == "<b>Conflict</b><br>week of 2026-09-28: 1 share"
    # the weeks without an article (5 Oct, 26 Oct) are empty slots, labelled without a count (session 18)
    assert list(frames.layout.xaxis.ticktext) == ["week of 2026-09-28<br>1 article", "week of 2026-10-05",
                                                  "week of 2026-10-12<br>1 article", "week of 2026-10-19<br>1 article",
                                                  "week of 2026-10-26", "week of 2026-11-02<br>1 article"]
    assert list(frames.layout.xaxis.tickvals) == ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19",
                                                  "2026-10-26", "2026-11-02"]


def test_frames_over_time_rolls_frames_up_per_period_leaving_undated_out():
    from analysis.tables import frames_panel

    documents = with_period(pd.DataFrame({"doc_id": ["a", "b", "c"],
                                          "published": ["2024-05-01", "2024-05-02", None]}), period="day")
    document_frames = pd.DataFrame({"doc_id": ["a", "b", "c"], "frame_id": ["conflict"] * 3, "hits": [2, 3, 5],
                                    "present": [True, True, True], "share": [1.0, 1.0, 1.0]})
    fig = frames_panel(document_frames, documents, names={"conflict": "Conflict"})
    assert fig.layout.title.text == "Frames per day"
    assert [(trace.name, list(trace.x)) for trace in fig.data] == [("Conflict", ["2024-05-01", "2024-05-02"])]
    assert frames_panel(document_frames, documents.iloc[[0, 2]]).note.startswith(
        "Every dated article falls in one day")


def test_a_period_without_frame_terms_reads_as_zero_not_as_a_blank_slot():
    from analysis.tables import frames_panel

    # the election corpus' last article (2026-11-04) holds no frame term: its slot was blank, with a label
    documents = with_period(pd.DataFrame({"doc_id": ["a", "b", "c"],
                                          "published": ["2026-10-02", "2026-10-02", "2026-11-04"]}), period="day")
    document_frames = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c"],
                                    "frame_id": ["conflict", "morality"] * 3, "hits": [2, 1, 1, 0, 0, 0],
                                    "present": [True, True, True, False, False, False],
                                    "share": [2 / 3, 1 / 3, 1.0, 0.0, 0.0, 0.0]})
    fig = frames_panel(document_frames, documents, names={"conflict": "Conflict", "morality": "Morality"})
    assert {trace.name: list(trace.y) for trace in fig.data} == {"Conflict": [0.75, 0.0], "Morality": [0.25, 0.0]}
    assert [(a.x, a.y, a.text) for a in fig.layout.annotations] == [("2026-11-04", 0, "no frame terms")]
    # the 32 days between are empty slots (session 18): a label every third day, the counts in the hover
    assert len(fig.layout.xaxis.categoryarray) == 34 and list(fig.layout.xaxis.tickvals)[:2] == ["2026-10-02",
                                                                                              "2026-10-05"]
    assert fig.data[0].hovertext[1].endswith("<br>1 article")


def test_who_is_in_it_groups_by_lexicon_group_else_entity_kind_direct_mentions_only():
    from analysis.tables import who_is_in_it

    lexicon = {"actors": [{"id": "biden", "name": "Joe Biden", "type": "person", "group": "United States",
                           "aliases": ["Biden"]}]}
    mentions = _mentions([("a", "biden", "Joe Biden", "alias"), ("a", "biden", "Joe Biden", "pronoun"),
                          ("a", "person:ruth_adeyemi", "Ruth Adeyemi", "name"),
                          ("a", "person:tom_becker", "Tom Becker", "name"),
                          ("a", "person:tom_becker", "Tom Becker", "name"),
                          ("b", "place:harborview", "Harborview", "name")])
    entity_table = pd.DataFrame({"entity_id": ["place:harborview"], "type": ["place"]})
    got = who_is_in_it(mentions, actors=lexicon, entity_table=entity_table)
    assert got.values.tolist() == [
        ["people (not in the lexicon)", "person:tom_becker", "Tom Becker", 2],
        ["people (not in the lexicon)", "person:ruth_adeyemi", "Ruth Adeyemi", 1],
        ["United States", "biden", "Joe Biden", 1],
        ["places (not in the lexicon)", "place:harborview", "Harborview", 1],
    ]


def test_who_is_in_it_groups_a_lexicon_actor_with_no_group_by_its_lexicon_type():
    # pasted from the report's YAML (no groups): never "not in the lexicon"; a country or place is a
    # place, and an actor of type other takes the type of the entity it links to ("Grange Lane" pasted
    # as other before the lexicon had a place type)
    from analysis.tables import who_is_in_it

    lexicon = {"actors": [{"id": "stroud", "name": "Helen Stroud", "type": "person", "aliases": ["Stroud"]},
                          {"id": "millfield_road", "name": "Millfield Road", "type": "place",
                           "aliases": ["Millfield Road"]},
                          {"id": "grange_lane", "name": "Grange Lane", "type": "other", "aliases": ["Grange Lane"]},
                          {"id": "echo", "name": "Echo", "type": "other", "aliases": ["Echo"]},
                          {"id": "wales", "name": "Wales", "type": "country", "aliases": ["Wales"]}]}
    mentions = _mentions([("a", "stroud", "Helen Stroud", "alias"), ("a", "millfield_road", "Millfield Road", "alias"),
                          ("a", "grange_lane", "Grange Lane", "alias"), ("a", "echo", "Echo", "alias"),
                          ("a", "wales", "Wales", "alias"), ("a", "place:london", "London", "name")])
    entity_table = pd.DataFrame({"entity_id": ["place:grange_lane", "other:echo", "place:london"],
                                 "type": ["place", "other", "place"], "actor_id": ["grange_lane", "echo", None]})
    got = who_is_in_it(mentions, actors=lexicon, entity_table=entity_table)
    assert got.values.tolist() == [
        ["places (in the lexicon, no group)", "grange_lane", "Grange Lane", 1],
        ["places (in the lexicon, no group)", "millfield_road", "Millfield Road", 1],
        ["places (in the lexicon, no group)", "wales", "Wales", 1],
        ["other names (in the lexicon, no group)", "echo", "Echo", 1],
        ["people (in the lexicon, no group)", "stroud", "Helen Stroud", 1],
        ["places (not in the lexicon)", "place:london", "London", 1],
    ]


def test_report_colors_give_mentioned_actors_then_unmentioned_speakers_their_own_colour():
    from analysis.charts import PALETTE
    from analysis.tables import report_colors

    mentions = _mentions([("a", "y", "Y", "alias"), ("a", "x", "X", "alias"), ("b", "x", "X", "alias")])
    voice = pd.DataFrame({"actor_id": ["x", None], "actor": ["X", "An Official"]}).astype({"actor_id": "object"})
    colors = report_colors(mentions, voice)
    assert colors == {"x": PALETTE[0], "y": PALETTE[1], "An Official": PALETTE[2]}, "x twice; never mentioned: last"
    assert report_colors(mentions) == {"x": PALETTE[0], "y": PALETTE[1]}


def test_report_colors_of_part_of_a_corpus_keep_the_corpus_colours():
    # the article brief ranked its actors within the article: its second actor took the colour the
    # corpus report gives the corpus' second, another actor
    from analysis.charts import OTHERS_COLOR, PALETTE
    from analysis.tables import report_colors

    article = _mentions([("a", "y", "Y", "alias"), ("a", "y", "Y", "alias"), ("a", "w", "W", "alias"),
                         ("a", "q", "Q", "alias")])
    corpus_order = ["x", "y", "q"]  # the corpus: x most mentioned, then y, then q; w beyond (or not in it)
    assert list(report_colors(article).items()) == [("y", PALETTE[0]), ("q", PALETTE[1]), ("w", PALETTE[2])], \
        "the article's own ranks (a tie: by name)"
    colors = report_colors(article, corpus_order=corpus_order)
    assert colors == {"y": PALETTE[1], "w": PALETTE[3], "q": PALETTE[2]}, \
        "y and q as in the corpus; w the first colour no corpus actor holds"
    full = [f"k{i}" for i in range(len(PALETTE))]  # every colour held by an actor of the corpus
    crowded = report_colors(article, corpus_order=["y", *full][:len(PALETTE)])
    assert crowded == {"y": PALETTE[0], "q": PALETTE[1], "w": PALETTE[2]}, \
        "then the colours of corpus actors absent from the article (k0, k1, ...), in order"
    one = _mentions([(chr(97 + i), f"n{i}", f"N{i}", "alias") for i in range(len(PALETTE) + 1)])
    shared = report_colors(one, corpus_order=["n0"])
    assert shared["n0"] == PALETTE[0] and sorted(shared.values()) == sorted([*PALETTE, OTHERS_COLOR]), \
        "21 actors, 20 colours: one grey, no colour twice"


def test_report_colors_rank_by_direct_mentions_then_name_as_the_most_mentioned_actor_is_chosen():
    # the corpus report, the actor profile and the guided tour coloured one person differently; they
    # now all rank the corpus' actors this way, the actor profile's default actor first
    from analysis.charts import PALETTE
    from analysis.tables import report_colors

    mentions = _mentions([("a", "z", "Ann", "name"), ("a", "z", "Ann", "name"),  # 2 direct
                          ("a", "b", "Zoe", "name"), ("b", "b", "Zoe", "pronoun"), ("b", "b", "Zoe", "pronoun"),
                          ("b", "c", "Bob", "name"),                            # Zoe and Bob: 1 direct each
                          ("b", "p", "Pam", "pronoun"), (None, None, None, "name")])  # only a pronoun; no key
    colors = report_colors(mentions)
    assert list(colors) == ["z", "c", "b", "p"], "Ann (2); Bob before Zoe: a tie, by name; Pam: no direct mention"
    assert list(colors.values()) == list(PALETTE[:4])
    assert list(report_colors(mentions[mentions["actor_id"] != "b"])) == ["z", "c", "p"]
    tie = _mentions([("a", "b", "Zoe", "name"), ("a", "a", "Yan", "name"), ("a", "c", "Amy", "name")])
    assert list(report_colors(tie)) == ["c", "a", "b"], "a tie goes to the name first in alphabetical order"


def test_period_grid_lists_every_period_of_the_range_days_without_articles_included():
    from analysis.tables import period_grid, with_period

    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["x"] * 3, "text": ["y"] * 3,
                         "published": pd.to_datetime(["2025-03-04", "2025-03-08", None], utc=True)})
    assert period_grid(with_period(docs, period="day")) == [
        "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08"]
    assert period_grid(with_period(docs, period="week")) == ["2025-03-03"]
    assert period_grid(with_period(docs.iloc[[2]], period="day")) == []


def test_findings_report_a_most_positive_sentence_only_when_the_model_calls_it_positive(seed_analysis):
    import analysis as wb

    documents, result = seed_analysis
    tone = result.actor_tone.assign(label="neutral", target_polarity=0.05, p_positive=0.4, p_negative=0.35)
    lines = wb.findings(result, actor_tone=tone).table["finding"].tolist()
    assert not any(line.startswith("The most positive") or line.startswith("The most negative") for line in lines)
    first = tone.index[0]
    tone.loc[first, ["label", "target_polarity"]] = ["positive", 0.6]
    lines = wb.findings(result, actor_tone=tone).table["finding"].tolist()
    actor = tone.loc[first, "actor"]
    assert f"The most positive sentence about {actor}: tone +0.60 toward {actor} (from -1 to +1)." in lines
    # the same sentence with the actor as its speaker is its own words, not a sentence about it
    own = pd.DataFrame({"doc_id": [tone.loc[first, "doc_id"]], "sentence_id": [tone.loc[first, "sentence_id"]],
                        "speaker_id": [tone.loc[first, "actor_id"]], "speaker": [actor], "quote": ["We won."]})
    quotes = pd.concat([result.quotes, own], ignore_index=True)
    lines = wb.findings(result, actor_tone=tone, quotes=quotes).table["finding"].tolist()
    assert not any(line.startswith("The most positive") for line in lines)
    # no actor mentioned often enough, someone quoted: no tone finding, and no crash (a short brief)
    lines = wb.findings(result, actor_tone=tone, quotes=quotes, min_mentions=10_000).table["finding"].tolist()
    assert not any(line.startswith("The most") for line in lines)


def test_period_grid_without_the_stored_unit_lists_the_periods_it_has():
    from analysis.tables import period_grid, with_period

    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["x"] * 2, "text": ["y"] * 2,
                         "published": pd.to_datetime(["2025-03-17", "2025-03-03"], utc=True)})
    weekly = with_period(docs, period="week")
    assert period_grid(weekly) == ["2025-03-03", "2025-03-10", "2025-03-17"]
    weekly.attrs.clear()  # no unit: no daily grid guessed between weekly periods
    assert period_grid(weekly) == ["2025-03-03", "2025-03-17"]


def test_findings_name_a_tie_for_most_mentioned_and_only_frames_that_reach_their_threshold():
    import analysis as wb

    docs = pd.DataFrame({"doc_id": ["a"], "title": ["Council row over budget"],
                         "text": ["Mayor Anna Berg blamed Carl Dahl for the budget crisis. Carl Dahl said Anna Berg "
                                  "was responsible. Ruth Mensah watched."],
                         "published": pd.to_datetime(["2024-05-08"], utc=True)})
    result = wb.analyze(docs, actor_tone_method="sentence")
    mentions, quotes, tone = wb.tables.entity_tables(result)

    def found(threshold):
        document_frames = wb.frames(docs, result.codebook, level="document", sentences=result.sentences,
                                    mentions=result.entities, threshold=threshold)
        return wb.findings(result, mentions=mentions, quotes=quotes, actor_tone=tone,
                           document_frames=document_frames).table["finding"].tolist()

    # hits: responsibility 3 (blame*, crisis; responsib*), conflict 1 (blame*)
    every = found(None)
    assert every[0] == "Anna Berg and Carl Dahl are mentioned most, 2 times each; then Ruth Mensah (1)."
    assert every[-1].startswith("The dominant frame is responsibility: 3 term hits (75% of the hits of frames present)")
    assert found({"responsibility": 99})[-1].startswith(
        "The dominant frame is conflict: 1 term hit (100% of the hits of frames present)")
    assert found(99)[-1] == ("No frame reaches its threshold in the article: the codebook's frame terms occur too "
                             "rarely to name a dominant frame.")
    assert wb.findings(result, mentions=mentions, quotes=quotes, actor_tone=tone).table["finding"].tolist() == every


def test_lump_actors_keeps_the_top_and_sums_the_rest_of_each_group_so_stacks_add_up():
    import analysis as wb
    from analysis.tables import lump_actors

    table = pd.DataFrame({"group": ["people", "people", "people", "places", "places"],
                          "actor_id": ["p:a", "p:b", "p:c", "x:k", "x:m"], "actor": ["A", "B", "C", "K", "M"],
                          "mentions": [5, 2, 1, 4, 1]})
    out = lump_actors(table, n=2)  # the top 2 overall: A (5), K (4)
    assert out.values.tolist() == [["people", "p:a", "A", 5], ["people", "others", "other actors", 3],
                                   ["places", "x:k", "K", 4], ["places", "others", "other actors", 1]]
    assert out.groupby("group")["mentions"].sum().to_dict() == {"people": 8, "places": 5}  # every mention
    assert lump_actors(table, n=5).equals(table)
    fig = wb.charts.mentions_by_group(out)
    assert [t.name for t in fig.data] == ["A", "K", "other actors"] and list(fig.data[2].y) == [3, 1]  # on top
    assert list(fig.layout.xaxis.categoryarray) == ["people", "places"]


def _findings_of(text: str) -> pd.DataFrame:
    """The findings table of a one-article corpus, no lexicon, keyed as the reports key it."""
    import analysis as wb
    from analysis.tables import entity_tables

    result = wb.analyze(pd.DataFrame({"doc_id": ["a"], "title": ["Council row"], "text": [text]}),
                        actors={"actors": []})
    mentions, quotes, tone = entity_tables(result)
    return wb.findings(result, mentions=mentions, quotes=quotes, actor_tone=tone).table


def _quoted_most_evidence(text: str) -> str:
    """The evidence line of the 'is quoted most' finding of a one-article corpus, no lexicon."""
    table = _findings_of(text)
    return table.loc[table["finding"].str.contains("quoted most"), "evidence"].iloc[0]


def test_findings_show_reported_speech_as_its_sentence_and_prefer_direct_words():
    assert _quoted_most_evidence("Mayor Ana Ruiz said the budget was fair. Mayor Ana Ruiz said the vote would pass. "
                                 "Critics disagreed with Ana Ruiz.") == "Mayor Ana Ruiz said the budget was fair.", \
        "a paraphrase is not shown in quotation marks"
    assert _quoted_most_evidence("Mayor Ana Ruiz said the budget was fair. \"We will win the vote,\" Ana Ruiz said.") \
        == "\u201cWe will win the vote\u201d", "her own words, where there are some"


def test_findings_name_every_speaker_tied_for_quoted_most():
    # a user's brief said "Declan Fitzgerald is quoted most ... also quoted: Tobias Wren (2) and Helen Stroud (2)"
    # in a four-way tie, leaving the fourth out
    table = _findings_of("Mayor Ana Ruiz said the budget was fair. Ana Ruiz said the vote would pass. Tom Reyes said "
                         "the plan was late. Tom Reyes said the costs were high. Lena Park said the park would close. "
                         "Lena Park said the pool would stay open. Omar Haddad said nothing had changed.")
    line = table.loc[table["finding"].str.contains("quoted most"), "finding"].iloc[0]
    assert line.startswith("Ana Ruiz, Lena Park and Tom Reyes are quoted most, 2 quotations each of 7 (29% each); "
                           "also quoted: Omar Haddad (1).")
    # nobody quoted twice: nobody is quoted "most" (a user's brief listed six speakers "quoted most, 1 each")
    table = _findings_of(" ".join(f"{name} said the plan was late."
                                  for name in ("Ana Ruiz", "Tom Reyes", "Lena Park", "Omar Haddad")))
    assert table["finding"].str.contains("4 speakers are quoted once each (Ana Ruiz, Lena Park, Omar Haddad and 1 more).",
                                         regex=False).any()
    assert table["finding"].iloc[0].startswith("Ana Ruiz, Lena Park, Omar Haddad and 1 more are mentioned most, 1 time each")


def test_most_written_name_is_the_usual_form_of_the_most_mentioned_entity():
    from analysis.tables import most_written_name

    entities = pd.DataFrame({
        "entity_id": ["person:ruth_adeyemi", "person:ruth_adeyemi", "person:ruth_adeyemi", "person:tom_reyes",
                      "person:tom_reyes", "person:tom_reyes", "person:tom_reyes", "person:tom_reyes"],
        "text": ["Ruth Adeyemi", "Adeyemi", "Adeyemi", "Tom Reyes", "Reyes", "he", "he", "him"],
        "via": ["name", "short", "short", "name", "short", "pronoun", "pronoun", "pronoun"]})
    # Reyes has more rows, but three are pronouns: Adeyemi is named three times, Reyes twice
    assert most_written_name(entities) == "Adeyemi"
    assert most_written_name(entities[entities["entity_id"] == "person:tom_reyes"]) == "Tom Reyes"  # a tie: first met
    assert most_written_name(entities[entities["via"] == "pronoun"]) == "said"
    assert most_written_name(entities.iloc[0:0]) == "said"


def test_findings_show_a_window_of_a_run_on_sentence_around_the_mention():
    # scraped text without sentence punctuation: the findings quoted a whole 1,000-word "sentence"
    filler = " ".join(f"word{i}" for i in range(300))
    table = _findings_of(f"{filler} then Mayor Ana Ruiz spoke {filler} and more {filler}")
    evidence = table.loc[table["finding"].str.contains("mentioned most"), "evidence"].iloc[0]
    words = evidence.split()
    assert words[0] == "\u2026" and words[-1] == "\u2026", "cut at both ends, and says so"
    assert len(words) == 60 + 2
    assert "Mayor Ana Ruiz spoke" in evidence and words.index("Ana") == 21, "the name a third of the way in"
    short = _findings_of("Mayor Ana Ruiz said the budget was fair.")
    assert short["evidence"].iloc[0] == "Mayor Ana Ruiz said the budget was fair.", "a short sentence whole"


def test_frame_charts_of_articles_without_any_frame_term_are_one_line():
    # red team: "Frames, by outlet" and "Frames per day" were empty axes, every bar "no frame terms", with a legend
    from analysis.tables import frames_panel

    documents = with_period(pd.DataFrame({"doc_id": ["a", "b"], "published": ["2026-10-02", "2026-10-03"]}),
                            period="day")
    document_frames = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "frame_id": ["conflict", "morality"] * 2,
                                    "hits": [0] * 4, "present": [False] * 4, "share": [0.0] * 4})
    fig = frames_panel(document_frames, documents)
    assert fig.note == ("No frame terms in these articles: none of the codebook's terms occurs in their text; try "
                        "another codebook (-p frames=conflict-news) or your own YAML")
    assert not fig.data


def test_frames_per_day_over_four_weeks_labels_at_most_twelve_bars_and_counts_articles_in_the_hover():
    # session-14 leftover: 28 daily bars each labelled "2026-04-02<br>1 article" overlapped into one grey band
    from analysis.tables import frames_panel

    days = [f"2026-04-{d:02d}" for d in range(1, 29)]
    documents = with_period(pd.DataFrame({"doc_id": [f"d{k}" for k in range(28)], "published": days}), period="day")
    document_frames = pd.DataFrame({"doc_id": [f"d{k}" for k in range(28)], "frame_id": ["conflict"] * 28,
                                    "hits": [1] * 28, "present": [True] * 28, "share": [1.0] * 28})
    fig = frames_panel(document_frames, documents, names={"conflict": "Conflict"})
    assert list(fig.layout.xaxis.tickvals) == days[::3] and list(fig.layout.xaxis.ticktext) == days[::3]
    assert len(fig.data[0].x) == 28, "every day keeps its bar"
    assert fig.data[0].hovertext[1] == "<b>Conflict</b><br>2026-04-02: 1 share<br>1 article"


def test_compare_groups_voice_keeps_the_leaders_and_the_top_most_quoted_not_every_speaker():
    # a 20,000-article corpus report drew a bar for each of thousands of quoted actors in each outlet's panel
    import analysis as wb

    texts = ["Ann Lee met Bo Diaz and Cy Moe. Ann Lee spoke. Ann Lee waved. Bo Diaz nodded.",
             "Ann Lee met Bo Diaz. 'We will win,' Cy Moe said. 'We agree,' Di Fox said. 'Yes,' Di Fox said. "
             "'No,' Ed Ray said. 'Maybe,' Fa Gu said."]
    docs = wb.load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "text": texts,
                                        "outlet": ["Ledger", "Star"]}))
    result = wb.analyze(docs, actors={"actors": []})
    mentions = wb.entities_as_mentions(result.entities)
    comparison = wb.tables.compare_groups(result, docs, by="outlet", top=2, mentions=mentions, quotes=result.quotes)
    quoted = comparison.voice[comparison.voice["quotes"] > 0]
    # leaders by mentions: Ann Lee, Bo Diaz; the 2 most quoted: Di Fox (2), then Cy Moe (1, first of the ties)
    assert sorted(set(comparison.voice["actor"])) == ["Ann Lee", "Bo Diaz", "Cy Moe", "Di Fox"]
    assert sorted(quoted["actor"]) == ["Cy Moe", "Di Fox"]
