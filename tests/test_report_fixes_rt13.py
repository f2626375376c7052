"""Report findings of the session-13 red team (a hospital merger and a nurses' strike): each test asserts
what a reader of the report sees, with exact values on a small hand-checked input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb

REPO = Path(__file__).resolve().parents[1]
NO_LEXICON = {"actors": []}


def _notebook_sources(name: str) -> list[str]:
    return ["".join(c["source"]) for c in json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text())["cells"]]


# ---------------------------------------------------------------- #9: one page counts one way

WHITCOMBE = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Race", "Race 2"], "text": [
    "Thomas Whitcombe opened his campaign. Thomas Whitcombe said he would win.",
    "Whitcombe's campaign manager said the polls were wrong."]})


def _page_counts(entities: pd.DataFrame, table: pd.DataFrame) -> dict[str, int]:
    """The mentions the report's charts count per name, folding by ``table`` (wb.tables.entity_tables)."""
    sentences = wb.sentences(WHITCOMBE)
    mentions = wb.entities_as_mentions(entities, sentences=sentences, actors=NO_LEXICON, entity_table=table)
    shown = wb.tables.who_is_in_it(mentions, actors=NO_LEXICON, entity_table=table)
    return dict(zip(shown["actor"], shown["mentions"]))


def test_names_not_in_the_lexicon_count_as_the_pages_own_entity_table_folds():
    entities = wb.entities(WHITCOMBE, actors=NO_LEXICON)
    table = wb.entity_table(entities, actors=NO_LEXICON)
    assert same_as_of(table) == {"other:whitcombe": "person:thomas_whitcombe"}
    # the page's table links "Whitcombe" to Thomas Whitcombe: one candidate of 3, as the charts count it
    folded = wb.discover_actors(WHITCOMBE, NO_LEXICON, entities=entities, entity_table=table)
    assert dict(zip(folded["name"], folded["count"])) == {"Thomas Whitcombe": 3} == _page_counts(entities, table)
    # a page whose entity table keeps them apart (the brief's corpus-wide table, where the link was
    # ambiguous) lists them apart too: the same 2 and 1 as its "Who is in it", not a folded 3
    apart = table.assign(same_as=None)
    kept = wb.discover_actors(WHITCOMBE, NO_LEXICON, entities=entities, entity_table=apart)
    assert dict(zip(kept["name"], kept["count"])) == {"Thomas Whitcombe": 2, "Whitcombe": 1} \
        == _page_counts(entities, apart)
    assert kept["aliases"].tolist() == [["Thomas Whitcombe"], ["Whitcombe"]]


def same_as_of(table: pd.DataFrame) -> dict[str, str]:
    return {e: s for e, s in zip(table["entity_id"], table["same_as"]) if isinstance(s, str)}


def test_brief_and_corpus_report_fold_their_suggestions_by_their_own_entity_table_and_say_so():
    for name in ("article_brief", "corpus_report"):
        sources = _notebook_sources(name)
        call = next(s for s in sources if "unnamed = wb.discover_actors(" in s)
        assert "entity_table=result.entity_table)" in call, name
        heading = next(s for s in sources if s.startswith("## Names the lexicon does not cover yet"))
        assert "Mentions are counted as everywhere on this page: a short form the entity table links to a full " \
               "name (its `same_as`) counts as that name" in heading, name


def test_explore_shows_the_entity_counts_of_the_corpus_report_and_says_the_entity_table_does_not_fold():
    result = wb.tables.report_analysis(WHITCOMBE, actors=NO_LEXICON)
    # the raw entity table: Thomas Whitcombe 2, the short form a row of its own
    assert dict(zip(result.entity_table["entity"], result.entity_table["mentions"])) == {
        "Thomas Whitcombe": 2, "Whitcombe": 1}
    mentions = wb.tables.entity_tables(result)[0]
    report = wb.tables.who_is_in_it(mentions, actors=result.actors, entity_table=result.entity_table)
    explore = wb.entities_by(result.entities, actors=result)  # what the explore notebook shows
    assert dict(zip(explore["name"], explore["mentions"])) == {"Thomas Whitcombe": 3} \
        == dict(zip(report["actor"], report["mentions"]))
    sources = _notebook_sources("explore")
    assert any(s.endswith("wb.entities_by(result.entities, actors=result, quotes=result.quotes).head(10)")
               for s in sources)
    heading = next(s for s in sources if s.startswith("## 2. Entities"))
    assert "counted as the corpus report counts them (`wb.entities_by`)" in heading
    assert "`result.entity_table` has one row per entity as found, a short form apart from its full name" in heading


# ---------------------------------------------------------------- #10: the voice table's caption is true

def test_voice_table_caption_says_places_are_left_out_of_the_share_of_mentions():
    d = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [
        "Maria Lindqvist flew to Denver on Monday. \"We will win,\" Maria Lindqvist said. "
        "Lindqvist met Tom Berg in Denver."]})
    result = wb.tables.report_analysis(d, actors=NO_LEXICON)
    mentions, quotes, _ = wb.tables.entity_tables(result)
    assert mentions["actor_id"].value_counts().to_dict() == {
        "person:maria_lindqvist": 3, "place:denver": 2, "person:tom_berg": 1}
    voice = wb.voice(mentions, quotes)
    # 3 of the 4 mentions of people (Denver's 2 left out), not 3 of all 6
    assert dict(zip(voice["actor"], voice["mention_share"])) == {"Tom Berg": 0.25, "Maria Lindqvist": 0.75}
    call = next(s for s in _notebook_sources("corpus_report") if 'name="who-speaks"' in s)
    assert ('explain="Shares of mentions are of the mentions of people, organisations and other names in these '
            'articles (places are left out unless they are quoted; pronouns are not counted); shares of quotations '
            'are of all quotations, those with no speaker found included; unnamed sources: the quotations of '
            'speakers named only by a common noun (officials, a spokesman), in one row."') in call


# ---------------------------------------------------------------- #12: a finding never cuts a tie

def _first_finding(text: str) -> str:
    result = wb.analyze(pd.DataFrame({"doc_id": ["a"], "title": ["Council row"], "text": [text]}), actors=NO_LEXICON)
    mentions, quotes, tone = wb.tables.entity_tables(result)
    return wb.findings(result, mentions=mentions, quotes=quotes, actor_tone=tone).table["finding"].iloc[0]


def test_the_actors_after_the_most_mentioned_are_a_whole_tie_or_the_first_three_and_how_many_more():
    # the red team's brief: "... 4 times; then Karen Whitlock (2) and Miriam Okonkwo (2)" where five had 2
    five = ("Ana Ruiz spoke first. Ana Ruiz left early. Ana Ruiz returned later. Tom Reyes came in. Tom Reyes went "
            "out. Lena Park came in. Lena Park went out. Omar Haddad came in. Omar Haddad went out. Eva Lund came in. "
            "Eva Lund went out. Ivo Berg came in. Ivo Berg went out.")
    assert _first_finding(five) == ("Ana Ruiz is mentioned most: 3 times; "
                                    "then Eva Lund, Ivo Berg, Lena Park and 2 more (2 each).")
    two = ("Ana Ruiz spoke first. Ana Ruiz left early. Ana Ruiz returned later. Tom Reyes came in. Tom Reyes went out. "
           "Lena Park came in. Lena Park went out. Omar Haddad came in.")
    assert _first_finding(two) == "Ana Ruiz is mentioned most: 3 times; then Lena Park and Tom Reyes (2 each)."
    after_one = ("Ana Ruiz spoke first. Ana Ruiz left early. Ana Ruiz returned later. Ana Ruiz sat. Tom Reyes came in. "
                 "Tom Reyes went out. Tom Reyes sat. Lena Park came in. Lena Park went out. Omar Haddad came in. "
                 "Omar Haddad went out. Eva Lund came in. Eva Lund sat. Ivo Berg came in. Ivo Berg sat.")
    assert _first_finding(after_one) == ("Ana Ruiz is mentioned most: 4 times; "
                                         "then Tom Reyes (3) and Eva Lund, Ivo Berg, Lena Park and 1 more (2 each).")


# ---------------------------------------------------------------- #15: charts and layout

def test_tone_around_actors_draws_no_interval_from_one_sentence_and_says_n_1():
    summary = pd.DataFrame({"actor_id": ["a", "b"], "actor": ["Ann Lee", "Bo Kim"], "n_sentences": [3, 1],
                            "n_mentions": [3, 1], "mean_polarity": [0.2, 0.08],
                            "ci_low": [0.1, 0.08], "ci_high": [0.3, 0.08]})  # one sentence: low = high = mean
    bar, whiskers = wb.charts.actor_tone_bars(summary, min_n=1).data
    assert list(bar.y) == ["Ann Lee (n=3)", "Bo Kim (n=1)"]
    # Ann Lee's interval only: Bo Kim gets no whisker (a null error value draws as a 0-length one, caps and all)
    assert list(whiskers.y) == ["Ann Lee (n=3)"] and list(whiskers.x) == [0.2]
    assert list(whiskers.error_x.array) == pytest.approx([0.1]) and list(whiskers.error_x.arrayminus) == pytest.approx([0.1])
    assert bar.error_x.array is None
    assert bar.hovertext[1] == ("<b>Bo Kim</b><br>mean polarity: +0.080<br>95% interval: none from n=1"
                                "<br>n = 1 sentences")


def test_warning_banners_wrap_whole_words_and_break_only_a_token_longer_than_the_line(tmp_path):
    # "see the Load report se ction of this page": JupyterLab's output pre has word-break: break-all
    import re

    import nbformat

    from analysis.reports import export_html

    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="warning: see the Load report section\n")]
    notebook.cells = [cell]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    page = export_html(path, title="t")
    ours = page[page.index('<style type="text/css">\n  .wb-header'):]
    ours = ours[:ours.index("</style>")]
    assert "break-all" not in ours
    rules = dict(re.findall(r"(body [^{]*pre) \{([^}]*)\}", ours))
    for selector in ("body .jp-OutputArea-output pre",
                     "body .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'] pre"):
        assert "word-break: normal;" in rules[selector] and "overflow-wrap: anywhere;" in rules[selector], selector
    assert "word-break: break-all;" in page, "JupyterLab's own rule, which ours overrides, is still on the page"


def test_explore_documents_table_gives_the_cut_text_a_wide_column_and_the_whole_text_on_hover():
    from analysis.display import frame_html

    text = "Nurses at St. Brendan's Hospital warned on Thursday that the planned merger would leave wards short. " * 2
    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Nurses warn merger will thin staffing on wards"],
                              "outlet": ["Northfield Post"], "text": [text]})
    page = frame_html(documents)
    cut = text[:120].rstrip()
    assert (f'<td style="text-align:left;min-width:24em;max-width:40em" title="{text.replace(chr(39), "&#x27;")}">'
            f'{cut.replace(chr(39), "&#x27;")}…</td>') in page
    assert '<td style="text-align:left;min-width:12em">Nurses warn merger will thin staffing on wards</td>' in page
    # a short value stays on one line (rt15: "2026-10-" / "05" in a narrow column)
    assert '<td style="text-align:left;white-space:nowrap">Northfield Post</td>' in page


def test_a_corpus_that_names_no_one_says_so_once_and_points_to_no_yaml():
    # title_only.csv: the brief said "copy the YAML under 'Names the lexicon does not cover yet'" (there was
    # none), then a second box, "Nothing to show."
    d = pd.DataFrame({"doc_id": ["a"], "headline": ["Strike looms"]})  # no text column: headline-only
    with pytest.warns(UserWarning, match="has no text column"):
        result = wb.tables.report_analysis(d, one_document=True)
    mentions, quotes, tone = wb.tables.entity_tables(result)
    unnamed = wb.discover_actors(result.documents, result.actors, sentences=result.sentences,
                                 entities=result.entities, entity_table=result.entity_table)
    assert mentions.empty and unnamed.empty
    lines = wb.findings(result, mentions=mentions, quotes=quotes, actor_tone=tone, unnamed=unnamed,
                        entity_table=result.entity_table).table["finding"].tolist()
    assert lines[0] == "No person, organisation or place is named in the article, so there is no one to count."
    prominence = wb.prominence(mentions, result.sentences)
    assert wb.charts.prominence_scatter(prominence, title="Who is in it, and how early").note == \
        "No actors found: no person, organisation or place is named in these texts"
    assert wb.charts.voice_bars(wb.voice(mentions, quotes)).note == \
        "No actors found: no person or organisation is named in these texts, and no place is quoted"
    assert wb.charts.kwic_table(result.sentences, mentions=mentions).note == \
        "No mentions found: no person, organisation or place is named in these texts"
    # the table under the chart shows nothing of its own (the chart said why), not "Nothing to show."
    assert wb.show_table(prominence, columns=["actor", "mentions"], empty=None).to_html() == ""
    assert "Nothing to show." in wb.show_table(prominence, columns=["actor", "mentions"]).to_html()
    for name, table in (("article_brief", 'name="who-is-in-it", empty=None)'),
                        ("corpus_report", 'name="who-speaks", empty=None)')):
        assert any(s.endswith(table) for s in _notebook_sources(name)), name


# ---------------------------------------------------------------- #16: docs

def test_readme_lists_the_validation_notebook_among_the_reports():
    readme = (REPO / "README.md").read_text()
    reports = readme[readme.index("## Reports"):]
    rows = [line.split("|")[1].strip() for line in reports[:reports.index("```")].splitlines() if line.startswith("| `")]
    assert rows == ["`article_brief`", "`corpus_report`", "`actor_profile`", "`explore`", "`validation`"]
    assert {f"`{p.stem}`" for p in (REPO / "notebooks").glob("*.ipynb")} == set(rows), "every notebook, no other"


def test_quotes_spans_is_a_string_of_start_end_pairs_as_documented():
    text = 'Mayor Ana Ruiz spoke on Monday. "We will not close the pool," Ruiz said. "It stays open all summer."'
    q = wb.quotes(pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [text]}), NO_LEXICON)
    assert q[["quote", "spans", "start", "end"]].values.tolist() == [
        ["We will not close the pool … It stays open all summer.", "33 59;74 99", 33, 99]]
    parts = [tuple(map(int, p.split())) for p in q["spans"].iloc[0].split(";")]  # as the docstring says
    assert [text[s:e] for s, e in parts] == ["We will not close the pool", "It stays open all summer."]
    assert " … ".join(text[s:e] for s, e in parts) == q["quote"].iloc[0]
    assert "``spans`` is a string, not a list" in wb.quotes.__doc__
    assert ("- ``spans`` (str): a string, not a list: the parts as 'start end;start end' ('410 451;473 527': "
            "field[410:451] and field[473:527]; one part: 'start end'), field-relative; "
            "quote == ' … '.join(field[s:e] for each)") in " ".join(wb.quotes.__doc__.split())
    readme = (REPO / "README.md").read_text()
    assert ("spans (the parts of a split quotation, one string of field offsets: `'410 451;473 527'` is `text[410:451]` "
            "and `text[473:527]`; one part: `'start end'`)") in readme
