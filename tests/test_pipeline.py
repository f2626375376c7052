"""analyze(): every table from one call, sentences computed once, and a Parquet round trip."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError
from analysis.pipeline import TABLES, analyze, load_analysis


@pytest.fixture(scope="module")
def seed_analysis(repo_dir=None):
    from pathlib import Path

    return analyze(wb.load_corpus(Path(__file__).resolve().parents[1] / "seeds"))


def test_analyze_returns_every_table_with_its_columns(seed_analysis):
    tables = seed_analysis.tables()
    assert list(tables) == list(TABLES)
    assert list(seed_analysis.sentences.columns) == list(wb.sentences(seed_analysis.documents).columns)
    assert {"actor_id", "via", "start", "end"} <= set(seed_analysis.mentions.columns)
    assert {"speaker_id", "kind", "quote"} <= set(seed_analysis.quotes.columns)
    assert {"polarity", "subjectivity"} <= set(seed_analysis.tone.columns)
    assert {"frame_id", "hits", "terms"} <= set(seed_analysis.frames.columns)
    assert {"actor_id", "stance", "target_polarity", "label"} <= set(seed_analysis.actor_tone.columns)  # issue 14: target-aware by default
    assert all(len(table) > 0 for table in tables.values())


def test_analyze_matches_the_functions_called_one_by_one(seed_analysis):
    documents = seed_analysis.documents
    pd.testing.assert_frame_equal(seed_analysis.sentences, wb.sentences(documents))
    pd.testing.assert_frame_equal(seed_analysis.mentions, wb.mentions(documents))
    pd.testing.assert_frame_equal(seed_analysis.tone, wb.tone(documents))
    pd.testing.assert_frame_equal(seed_analysis.frames, wb.frames(documents))
    assert len(seed_analysis.tone) == len(seed_analysis.sentences) == 24


def test_analyze_records_provenance(seed_analysis):
    meta = seed_analysis.meta
    assert meta["corpus"]["documents"] == 1
    assert meta["lexicons"]["actors"] == wb.load_actors().sha256
    assert meta["lexicons"]["frames"] == wb.load_frames().sha256


def test_save_and_load_round_trip_is_identical(seed_analysis, tmp_path):
    path = seed_analysis.save(tmp_path / "seed")
    loaded = load_analysis(path)
    for name, table in seed_analysis.tables().items():
        pd.testing.assert_frame_equal(loaded.tables()[name], table.reset_index(drop=True), obj=name)
    assert loaded.documents["tags"].tolist() == [["Biden", "Israel"]]
    assert loaded.meta == seed_analysis.meta
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed"], "no temporary folders left behind"


def test_save_replaces_an_earlier_analysis_whole(seed_analysis, tmp_path):
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "stale.parquet").write_text("old")
    seed_analysis.save(tmp_path / "seed")
    assert not (tmp_path / "seed" / "stale.parquet").exists()


def test_load_analysis_of_a_folder_that_is_not_one_says_so(tmp_path):
    with pytest.raises(InputError, match=r"not a saved analysis \(missing documents, sentences"):
        load_analysis(tmp_path)


def test_the_tone_engine_is_chosen_with_tone_engine(seed_analysis):
    documents = seed_analysis.documents
    vader = analyze(documents, tone_engine="vader")
    assert {"compound", "pos", "neu", "neg"} <= set(vader.tone.columns)
    pd.testing.assert_frame_equal(vader.tone, wb.tone(documents, tone_engine="vader"))
    assert vader.meta["tone_engine"] == "vader" and vader.meta["key"] != seed_analysis.meta["key"]
    with pytest.raises(InputError, match=r"engine='textblob'.*the tone engine is chosen with tone_engine="):
        analyze(documents, engine="textblob")


def test_the_key_covers_what_shapes_the_numbers(seed_analysis):
    from analysis.pipeline import analysis_key

    meta = seed_analysis.meta
    assert meta["key"] == analysis_key(meta) and len(meta["key"]) == 64
    assert analysis_key({**meta, "lexicons": {**meta["lexicons"], "actors": "0" * 64}}) != meta["key"]
    assert analysis_key({**meta, "versions": {**meta["versions"], "pandas": "0"}}) != meta["key"]


def test_split_documents_cuts_whole_documents_in_order_and_checks_the_size():
    from analysis.pipeline import split_documents

    documents = pd.DataFrame({"doc_id": list("abcde")})
    assert [list(p["doc_id"]) for p in split_documents(documents, partition_size=2)] == [["a", "b"], ["c", "d"], ["e"]]
    assert [len(p) for p in split_documents(documents, partition_size=9)] == [5]
    assert split_documents(documents.iloc[:0], partition_size=3) == []
    for bad in (0, 2.5, True):
        with pytest.raises(InputError, match=rf"partition_size={bad!r}: give a whole number of documents >= 1"):
            split_documents(documents, partition_size=bad)


def test_combine_partitions_concatenates_in_order_leaving_out_empty_parts():
    from analysis.pipeline import PARTITION_TABLES, combine_partitions

    def part(**filled):
        return {name: filled.get(name, pd.DataFrame({"n": pd.Series([], dtype="int64")})) for name in PARTITION_TABLES}

    first = part(mentions=pd.DataFrame({"n": [1, 2]}, index=[7, 8]))
    empty = part(mentions=pd.DataFrame({"n": pd.Series([], dtype="float64")}))
    second = part(mentions=pd.DataFrame({"n": [3]}, index=[0]))
    combined = combine_partitions([first, empty, second])
    assert list(combined) == list(PARTITION_TABLES)
    assert combined["mentions"]["n"].tolist() == [1, 2, 3] and combined["mentions"].index.tolist() == [0, 1, 2]
    assert combined["mentions"]["n"].dtype == "int64", "an empty float part cannot change the dtype"
    assert combined["tone"].empty and combined["tone"]["n"].dtype == "int64"
    assert combine_partitions([first])["mentions"].index.tolist() == [0, 1]


def test_corpus_tables_is_the_entity_table_of_the_combined_entities(seed_analysis):
    from analysis.pipeline import corpus_tables

    got = corpus_tables(seed_analysis.tables(), actors=None)
    assert list(got) == ["entity_table"]
    pd.testing.assert_frame_equal(got["entity_table"], wb.entity_table(seed_analysis.entities))


def test_check_actor_tone_method_names_the_two_methods():
    from analysis.pipeline import check_actor_tone_method

    check_actor_tone_method("target")
    check_actor_tone_method("sentence")
    with pytest.raises(InputError, match=r"^actor_tone_method='window': use 'target' or 'sentence'$"):
        check_actor_tone_method("window")


def test_lexicon_hashes_cover_every_word_list_an_analysis_reads():
    from analysis.cues import load_cue_verbs
    from analysis.entity_words import load_entity_words
    from analysis.pipeline import lexicon_hashes

    actors, codebook = wb.load_actors(), wb.load_frames()
    assert lexicon_hashes(actors, codebook) == {"actors": actors.sha256, "frames": codebook.sha256,
                                                "entities": load_entity_words().sha256,
                                                "cue_verbs": load_cue_verbs().sha256}


def test_analysis_of_rebuilds_an_analysis_from_its_tables_and_meta():
    from analysis.pipeline import Analysis, analysis_of

    tables = {name: pd.DataFrame() for name in TABLES}
    result = analysis_of(tables, {"tone_engine": "textblob"})
    assert isinstance(result, Analysis)
    assert result.meta == {"tone_engine": "textblob"}
    assert all(getattr(result, name) is tables[name] for name in TABLES)


def test_keyed_settings_are_what_analysis_and_run_keys_share():
    from analysis.persistence import code_sha256
    from analysis.pipeline import analysis_meta, keyed_settings, lexicon_hashes
    from analysis.provenance import package_versions

    actors, codebook = wb.load_actors(), wb.load_frames()
    settings = keyed_settings(actors, codebook, "vader", "sentence")
    assert settings == {"lexicons": lexicon_hashes(actors, codebook), "frames_codebook": codebook.name,
                        "tone_engine": "vader", "actor_tone_method": "sentence", "versions": package_versions(),
                        "code": code_sha256()}
    meta = analysis_meta({"documents": 0}, actors, codebook, "vader", "sentence")
    assert {k: meta[k] for k in settings} == settings and meta["corpus"] == {"documents": 0}


def test_an_analysis_without_lexicon_mentions_points_to_the_entity_layer():
    import pandas as pd

    own = pd.DataFrame({"doc_id": ["a"], "title": ["Vote count"],
                        "text": ["County clerk Ruth Adeyemi said the count was fair. Adeyemi met Paul Becker."]})
    result = wb.analyze(own)
    assert result.mentions.empty and len(result.entity_table) == 2
    assert repr(result).splitlines()[1] == (
        "mentions=0: the actor lexicon names no one in these documents; .entities and .entity_table list "
        "the 2 people, organisations and places found, analysis.tables.entity_tables(result) gives their "
        "mentions, quotes and actor tone as the reports count them, and analysis.discover_actors(...) "
        "suggests lexicon entries for them")
    mentions, quotes, tone = wb.tables.entity_tables(result)  # what the hint promises
    assert set(mentions["actor"]) == {"Ruth Adeyemi", "Paul Becker"} and len(tone) == len(mentions)
    assert "discover_actors" in result._repr_html_()
    seed = wb.analyze(pd.DataFrame({"doc_id": ["s"], "title": ["t"], "text": ["Netanyahu said no."]}))
    assert len(seed.mentions) and seed.hint() == "" and "\n" not in repr(seed)


def test_analyze_reuses_entities_found_for_a_corpus_holding_its_documents(monkeypatch):
    """The article brief found the entities of its article twice (alone, then with the corpus); analyze
    now takes them found (entities=): its rows of the documents analysed, in their order, the same tables."""
    from analysis import pipeline
    from analysis.pipeline import entities_of

    corpus = pd.DataFrame({
        "doc_id": ["d1", "d2", "d3"], "title": ["Strike vote", "Recall widens", "Plant closes"],
        "text": ["Grace Whitfield said members would vote on Friday.", "Martin Kessler apologised to customers.",
                 "Whitfield said the plant would close."]})
    found = wb.entities(corpus)
    assert found["doc_id"].tolist() == ["d1", "d2", "d3"]
    part = corpus.iloc[[2, 0]]  # d3 before d1: rows in the order of the documents analysed
    rows = entities_of(found, documents=part)
    assert rows["text"].tolist() == ["Whitfield", "Grace Whitfield"] and rows.index.tolist() == [0, 1]
    pd.testing.assert_frame_equal(rows, wb.entities(part))
    expected = analyze(part)
    monkeypatch.setattr(pipeline, "find_entities", lambda *a, **k: pytest.fail("entities found again"))
    reused = analyze(part, entities=found)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(reused, name), getattr(expected, name), obj=name)
    assert reused.meta["key"] == expected.meta["key"]
    assert entities_of(found, documents=corpus.iloc[[1]])["entity"].tolist() == ["Martin Kessler"]
    assert entities_of(found, documents=corpus.iloc[:0]).empty
    with pytest.raises(InputError, match=r"^analyze: the entities table lacks column\(s\) .*pass analysis\.entities"):
        analyze(part, entities=found.drop(columns=["gender"]))
