"""Reports from a saved analysis: ``wb.tables.report_analysis`` reads one instead of analysing again,
restricted to the documents a report keeps (``analysis.pipeline.filter_analysis``), with the lexicon and
codebook it was made with, and says so in the provenance."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError
from analysis.persistence import corpus_fingerprint
from analysis.pipeline import TABLES, filter_analysis
from analysis.tables import report_analysis


@pytest.fixture(scope="module")
def saved(small_corpus, tmp_path_factory):
    """The three-article corpus analysed from its articles, and saved both ways: by Analysis.save
    ("meta.json") and by analyze_corpus ("manifest.json")."""
    root = tmp_path_factory.mktemp("saved")
    direct = report_analysis(small_corpus)
    folders = {"meta.json": direct.save(root / "saved"),
               "manifest.json": wb.analyze_corpus(small_corpus, out=root / "streamed", progress=False)}
    return direct, folders


def _assert_same_tables(result, expected):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(expected, name), obj=name)


@pytest.mark.parametrize("layout", ["meta.json", "manifest.json"])
def test_a_saved_analysis_is_read_not_analysed_again_and_equals_analysing_the_articles(saved, small_corpus, layout):
    direct, folders = saved
    result = report_analysis(folders[layout])
    assert direct.documents["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert (len(direct.sentences), len(direct.mentions), len(direct.quotes)) == (9, 17, 4)
    _assert_same_tables(result, direct)
    assert result.actors.sha256 == wb.load_actors(None).sha256
    assert result.codebook.name == "generic-news-frames"
    assert result.meta["saved_analysis"] == {"path": str(folders[layout]), "file": layout,
                                             "corpus": corpus_fingerprint(direct.documents)}
    assert "saved_analysis" not in direct.meta, "an analysis of articles is not a saved one"


@pytest.mark.parametrize("layout", ["meta.json", "manifest.json"])
@pytest.mark.parametrize(("limits", "kept"), [
    ({"outlets": "Wire"}, ["a1", "a3"]),
    ({"start": "2024-05-09"}, ["a2", "a3"]),
    ({"where": "outlet == 'Daily'"}, ["a2"]),
    ({"one_document": True, "doc_id": "a3"}, ["a3"]),
    ({"one_document": True}, ["a1"]),
])
def test_the_reports_filters_restrict_every_table_of_a_saved_analysis(saved, small_corpus, layout, limits, kept):
    _, folders = saved
    result = report_analysis(folders[layout], **limits)
    for name in TABLES:
        if name != "entity_table":
            assert set(getattr(result, name)["doc_id"]) <= set(kept), name
    assert result.documents["doc_id"].tolist() == kept
    expected = report_analysis(small_corpus, **limits)  # the kept articles analysed on their own
    _assert_same_tables(result, expected)
    assert result.meta["key"] == expected.meta["key"] and result.meta["corpus"]["documents"] == len(kept)
    assert result.meta["saved_analysis"]["corpus"]["documents"] == 3, "the fingerprint it was saved with"


def test_filter_analysis_keeps_the_rows_of_the_documents_asked_for(saved):
    direct, _ = saved
    assert filter_analysis(direct, doc_ids=["a1", "a2", "a3", "nope"]) is direct, "all kept: the same analysis"
    only = filter_analysis(direct, doc_ids=["a2"])
    assert only.quotes["quote"].tolist() == ["We want a ceasefire"]
    assert sorted(only.entity_table["entity"]) == sorted(set(only.entities["entity"]))
    assert only.entity_table["mentions"].sum() == len(only.entities[only.entities["via"] != "pronoun"])
    assert filter_analysis(direct, doc_ids=[]).documents.empty


def test_a_lexicon_or_codebook_other_than_the_saved_one_is_refused_naming_both(saved, tmp_path):
    _, folders = saved
    folder = folders["manifest.json"]
    generic, conflict = wb.load_frames("generic"), wb.load_frames("conflict-news")
    with pytest.raises(InputError) as caught:
        report_analysis(folder, codebook="conflict-news")
    assert str(caught.value) == (
        f"{folder} is an analysis made with the frame codebook (generic-news-frames, {generic.source}, sha256 "
        f"{generic.sha256[:12]}), not with --frames conflict-news (conflict-news-frames, {conflict.source}, sha256 "
        f"{conflict.sha256[:12]}): a report from a saved analysis shows its tables as they were analysed and never "
        "mixes two frame codebooks. Run the analysis again with --frames conflict-news (python -m analysis analyze "
        "--corpus ARTICLES --out NEW_FOLDER --frames conflict-news) and report from that, or leave --frames "
        "(codebook=) out to report with the frame codebook the analysis was made with")
    lexicon = tmp_path / "mine.yml"
    lexicon.write_text("actors:\n  - id: hamas\n    name: Hamas\n    type: organization\n")
    with pytest.raises(InputError, match=rf"made with the actor lexicon \(.*actors\.yml, sha256 \w{{12}}\), not with "
                                         rf"--actors {re.escape(str(lexicon))} \({re.escape(str(lexicon))}, sha256"):
        report_analysis(folder, actors=lexicon)
    same = report_analysis(folder, actors=wb.load_actors(None).source, codebook="generic")  # the same, given
    assert same.codebook.sha256 == generic.sha256
    with pytest.raises(InputError, match=r"is a saved analysis, read as it was saved: leave out format='csv', which "
                                         r"only reading articles uses"):
        report_analysis(folder, format="csv")


def test_provenance_says_the_report_was_made_from_the_saved_analysis(saved):
    direct, folders = saved
    result = report_analysis(folders["manifest.json"], outlets="wire")
    record = wb.record_provenance(result.documents, result=result).record
    assert record["corpus"] == corpus_fingerprint(result.documents)
    assert record["saved_analysis"] == {"path": str(folders["manifest.json"]), "file": "manifest.json",
                                        "corpus": corpus_fingerprint(direct.documents)}
    assert "saved_analysis" not in wb.record_provenance(direct.documents, result=direct).record
    summary = wb.record_provenance(result.documents, result=result)._repr_mimebundle_()["text/plain"]
    assert summary.endswith(f"; from the saved analysis {folders['manifest.json']} (manifest.json, 3 documents, "
                            f"sha256 {corpus_fingerprint(direct.documents)['content_sha256'][:12]})")


def _corpus_with_a_wire_copy(path):
    """Three articles as a CSV at ``path``: a2 is a copy of a1 (the same body), a3 another story."""
    body = ("Mayor Helen Stroud said the stadium vote would go ahead on Tuesday despite the protests outside "
            "the town hall, and that the council had answered every question the residents had asked.")
    pd.DataFrame({"id": ["a1", "a2", "a3"], "title": ["Vote on", "Vote on (wire copy)", "Other story"],
                  "text": [body, body, "Tom Reyes said the club would appeal against the ruling of the court."],
                  "date": ["2024-05-08", "2024-05-09", "2024-05-09"]}).to_csv(path, index=False)


def test_reports_leave_out_flagged_copies_when_asked_from_articles_and_from_a_saved_analysis(tmp_path):
    # a user's corpus with a wire copy: "flagged duplicates 1", yet every count of the report included the copy
    _corpus_with_a_wire_copy(tmp_path / "c.csv")
    with pytest.warns(UserWarning, match=r"1 duplicate document\(s\) left out"):
        kept = report_analysis(tmp_path / "c.csv", drop_duplicates=True)
    assert kept.documents["doc_id"].tolist() == ["a1", "a3"]
    assert set(kept.quotes["doc_id"]) == {"a1", "a3"}
    assert [(e["row"], e["problem"], e["action"]) for e in kept.documents.attrs["load_report"]] == [
        (2, f"duplicate of doc_id a1 in {(tmp_path / 'c.csv').as_posix()}, row 1 (this is doc_id a2)",
         "dropped")]  # the copy is listed, with where its original is
    summary = wb.corpus_summary(kept.documents).set_index("field")["value"]
    assert (summary["documents"], summary["duplicates left out (not counted)"]) == ("2", "1")
    assert "duplicates kept (flagged, counted)" not in summary  # none kept: no 0 next to the 1
    every = report_analysis(tmp_path / "c.csv")
    assert every.documents["doc_id"].tolist() == ["a1", "a2", "a3"] and every.documents["duplicate_of"].tolist()[1] == "a1"
    saved = every.save(tmp_path / "saved")
    with pytest.warns(UserWarning, match=r"left out 1 article\(s\) flagged as copies"):
        from_saved = report_analysis(saved, drop_duplicates=True)
    assert from_saved.documents["doc_id"].tolist() == ["a1", "a3"] and set(from_saved.quotes["doc_id"]) == {"a1", "a3"}


def test_a_saved_analysis_of_a_dataframe_without_dates_or_duplicate_flags_is_read(tmp_path):
    # an analysis of one's own DataFrame has no published or duplicate_of column: reading it for a
    # report once raised KeyError ('duplicate_of', then 'published')
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["One", "Two"],
                              "text": ["Miriam Okafor won.", "Miriam Okafor spoke."]})
    folder = wb.analyze(documents).save(tmp_path / "saved")
    result = report_analysis(folder, start=None)
    assert result.documents["doc_id"].tolist() == ["a", "b"]
    with pytest.raises(InputError, match="start='2024-01-01' leaves no documents: no document has a date"):
        report_analysis(folder, start="2024-01-01")


@pytest.mark.parametrize("layout", ["meta.json", "manifest.json"])
def test_load_analysis_of_some_documents_reads_their_rows_and_equals_filtering_the_whole(saved, layout):
    _, folders = saved
    whole = wb.load_analysis(folders[layout])
    for ids in (["a2"], ["a3", "a1", "nope"]):
        part = wb.load_analysis(folders[layout], doc_ids=ids)
        expected = filter_analysis(whole, doc_ids=ids)
        _assert_same_tables(part, expected)
        assert part.meta["corpus"] == expected.meta["corpus"] and part.meta["key"] == expected.meta["key"]
    assert wb.load_analysis(folders[layout], doc_ids=["a1", "a2", "a3"]).entity_table.equals(whole.entity_table), \
        "every document: the analysis as saved"
    assert wb.load_analysis(folders[layout], doc_ids=["a2"]).documents.index.tolist() == [1], "its place, as filtered"


@pytest.mark.parametrize("layout", ["meta.json", "manifest.json"])
def test_saved_documents_and_saved_tables_read_only_what_is_asked(saved, layout):
    from analysis.pipeline import saved_documents, saved_tables

    direct, folders = saved
    documents, meta = saved_documents(folders[layout], without=("text",))
    assert "text" not in documents.columns and documents["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert documents["title"].tolist() == direct.documents["title"].tolist()
    assert meta["corpus"] == corpus_fingerprint(direct.documents)
    tables = saved_tables(folders[layout], ["quotes", "entity_table"], doc_ids=["a2"])
    assert list(tables) == ["quotes", "entity_table"]
    assert tables["quotes"]["quote"].tolist() == ["We want a ceasefire"]
    assert set(tables["entity_table"]["doc_id"]) == {"a2"}, "the entity table: the entities first named there"


def test_a_brief_of_a_saved_analysis_reads_only_its_article_rows(saved, monkeypatch):
    """The brief of ONE article of a saved 600-article analysis read every table whole (+110 MB):
    now only the article's rows of the tables it shows are read (the entities of every article are read for
    the corpus' actor order, the documents without their texts to choose the article)."""
    import analysis.persistence as persistence

    _, folders = saved
    read: dict[str, set] = {}
    original = persistence.restore_lists

    def spy(name, table):
        read.setdefault(name, set()).update(table["doc_id"] if "doc_id" in table else [])
        if name == "documents" and "text" in table:
            read.setdefault("document texts", set()).update(table["doc_id"])
        return original(name, table)

    monkeypatch.setattr(persistence, "restore_lists", spy)
    for layout in ("meta.json", "manifest.json"):
        read.clear()
        result = report_analysis(folders[layout], one_document=True, doc_id="a2")
        assert result.documents["doc_id"].tolist() == ["a2"]
        for name in ("sentences", "mentions", "quotes", "tone", "frames", "actor_tone", "document texts"):
            assert name in read and read[name] <= {"a2"}, (layout, name)
        assert read["sentences"] == read["document texts"] == {"a2"}


def test_a_brief_records_the_corpus_actor_order_from_articles_and_from_a_saved_analysis(saved, small_corpus):
    """The article brief coloured actors by their rank in the article, the other reports by their rank in
    the corpus: the brief now carries the corpus' order (report_colors(..., corpus_order=))."""
    direct, folders = saved
    mentions, _, _ = wb.tables.entity_tables(direct)
    corpus_order = list(wb.tables.report_colors(mentions))
    assert corpus_order[:3] == ["biden", "netanyahu", "hamas"]  # Hamas and Israel 3 each: by name
    from_articles = report_analysis(small_corpus, one_document=True, doc_id="a2")
    assert from_articles.meta["corpus_order"] == corpus_order
    for layout in ("meta.json", "manifest.json"):
        assert report_analysis(folders[layout], one_document=True, doc_id="a2").meta["corpus_order"] == corpus_order
    assert "corpus_order" not in report_analysis(small_corpus).meta, "a report on the whole corpus has its own order"
    assert wb.tables.corpus_actor_order(direct.entities, actors=direct.actors, n=2) == corpus_order[:2]


def test_a_doc_id_a_corpus_report_follows_is_checked_before_analysing(small_corpus, saved, monkeypatch):
    """explore's tone arc follows doc_id: a wrong one was named by tone_arc after the whole analysis;
    now report_analysis checks it first, with the message the article brief gives."""
    from analysis import pipeline

    def never(*args, **kwargs):
        raise AssertionError("analysed before the doc_id was checked")

    monkeypatch.setattr(pipeline, "analyze", never)
    _, folders = saved
    for source in (small_corpus, folders["meta.json"]):
        with pytest.raises(InputError, match=r"^doc_id 'zzz' is not in the corpus; ids it has \(headline in "
                                             r"brackets\): a1 \(Netanyahu rejects Biden warning\), a2 "):
            report_analysis(source, doc_id="zzz")
    monkeypatch.undo()
    assert report_analysis(small_corpus, doc_id="a2").documents["doc_id"].tolist() == ["a1", "a2", "a3"]


def test_the_brief_of_a_flagged_copy_says_which_article_it_copies(tmp_path):
    """rt11: the brief of a wire copy (a05 of a04) did not say it was one."""
    _corpus_with_a_wire_copy(tmp_path / "c.csv")
    note = ("This article is flagged as a copy of article a1 (\u201cVote on\u201d), which comes first in the corpus (a "
            "near-identical text): the corpus report, explore and the actor profile leave it out by default.")
    saved = report_analysis(tmp_path / "c.csv").save(tmp_path / "saved")
    for source in (tmp_path / "c.csv", saved):
        copy = report_analysis(source, one_document=True, doc_id="a2")
        assert copy.meta["copy_of"] == {"doc_id": "a1", "title": "Vote on"}
        assert wb.findings(copy).warning == note
        card = wb.document_card(copy.documents, with_doc_id=False).set_index("field")["value"]
        assert card["copy of"] == "a1"
        original = report_analysis(source, one_document=True, doc_id="a1")
        assert "copy_of" not in original.meta and wb.findings(original).warning is None
        assert "copy of" not in set(wb.document_card(original.documents)["field"])


def test_a_brief_resolves_its_entities_by_the_corpus_as_the_corpus_report_does(tmp_path):
    """rt11 a07: an article writing only "Whitfield" showed a bare Whitfield in its brief (the article's
    entities resolved alone) and Grace Whitfield in the corpus report (same_as across the corpus)."""
    body = "Whitfield said members wanted an independent monitor at the plant. \"Nobody listened,\" she said."
    pd.DataFrame({"id": ["a1", "a2", "a3"],
                  "title": ["Union warns Northfield", "Workers vote to strike", "Workers vote to strike (wire copy)"],
                  "text": ["Grace Whitfield, president of the union, said staff had warned managers for months.",
                           body, body],
                  "date": ["2024-05-08", "2024-05-09", "2024-05-10"]}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.warns(UserWarning, match=r"1 duplicate document\(s\) left out"):
        corpus = report_analysis(tmp_path / "c.csv", drop_duplicates=True)  # as the corpus report reads it
    mentions, quotes, _ = wb.tables.entity_tables(corpus)
    assert mentions.loc[mentions["doc_id"] == "a2", ["actor_id", "actor", "alias"]].values.tolist() == [
        ["person:grace_whitfield", "Grace Whitfield", "Whitfield"], ["person:grace_whitfield", "Grace Whitfield", "she"]]
    saved = report_analysis(tmp_path / "c.csv").save(tmp_path / "saved")
    for source in (tmp_path / "c.csv", saved):
        for doc_id, whitfield in (("a2", 1), ("a3", 2)):  # a3, a copy: the corpus and the copy resolve it
            brief = report_analysis(source, one_document=True, doc_id=doc_id)
            mentions, quotes, _ = wb.tables.entity_tables(brief)
            assert mentions[["actor_id", "actor", "alias"]].values.tolist() == [
                ["person:grace_whitfield", "Grace Whitfield", "Whitfield"],
                ["person:grace_whitfield", "Grace Whitfield", "she"]], (source, doc_id)
            assert quotes[["speaker", "speaker_id", "speaker_entity_id"]].values.tolist() == [
                ["Grace Whitfield", "person:grace_whitfield", "person:whitfield"]] * 2
            table = brief.entity_table.set_index("entity_id")
            assert sorted(table.index) == ["person:grace_whitfield", "person:whitfield"], "not the corpus' Northfield"
            assert table.loc["person:whitfield", "same_as"] == "person:grace_whitfield"
            assert table["mentions"].to_dict() == {"person:grace_whitfield": 1, "person:whitfield": whitfield}
            assert brief.meta["corpus_order"] == ["person:grace_whitfield", "place:northfield"]
