"""State travels with results: an Analysis carries the lexicon and codebook it was made with and the
hashes of every word list and of the package's code; keys change when any of them does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis import pipeline
from analysis.entities import load_entity_words
from analysis.errors import LexiconError
from analysis.persistence import code_sha256
from analysis.scale import store
from analysis.scale.partitions import ReadOptions

CUSTOM = {"actors": [
    {"id": "ruth", "name": "Dr Ruth Adeyemi", "type": "person", "group": "Scientists", "aliases": ["Ruth Adeyemi", "Adeyemi"]},
]}


@pytest.fixture(scope="module")
def custom_docs():
    return pd.DataFrame({"doc_id": ["a", "b"], "title": ["Adeyemi speaks", "A quiet day"],
                         "text": ["Ruth Adeyemi said the plan was good. Adeyemi smiled.", "Nothing happened at all."]})


@pytest.fixture(scope="module")
def custom_result(custom_docs):
    return wb.analyze(custom_docs, actors=CUSTOM, codebook="conflict-news")


def test_an_analysis_carries_its_lexicon_codebook_and_every_hash(custom_result):
    lexicon, codebook = wb.load_actors(CUSTOM), wb.load_frames("conflict-news")
    assert custom_result.actors.sha256 == lexicon.sha256 and custom_result.codebook.sha256 == codebook.sha256
    assert custom_result.meta["lexicons"] == {
        "actors": lexicon.sha256, "frames": codebook.sha256, "entities": load_entity_words().sha256,
        "cue_verbs": wb.load_cue_verbs().sha256}
    assert custom_result.meta["code"] == code_sha256()
    assert wb.load_actors(custom_result) is custom_result.actors
    assert wb.load_frames(custom_result) is custom_result.codebook


def test_downstream_functions_given_the_analysis_use_its_lexicon_not_the_shipped_one(custom_result):
    rolled = wb.entities_by(custom_result.entities, actors=custom_result)
    assert "Dr Ruth Adeyemi" in set(rolled["name"])
    with pytest.warns(UserWarning) as caught:  # the old fallback: the shipped lexicon has no Ruth, and says so
        shipped = wb.entities_by(custom_result.entities)
    assert "Dr Ruth Adeyemi" not in set(shipped["name"])
    assert str(caught[0].message) == (
        "entities_by: 1 linked actor(s) (ruth) are not in the shipped actor lexicon, so their group is left "
        "empty; pass the lexicon the entities were linked with: actors=result (the Analysis) or "
        "actors='your-actors.yml'")
    who = wb.tables.who_is_in_it(custom_result.mentions, actors=custom_result)
    assert who.loc[who["actor_id"] == "ruth", "group"].tolist() == ["Scientists"]


def test_compare_groups_counts_frames_with_the_analysis_codebook(custom_docs, custom_result):
    comparison = wb.tables.compare_groups(custom_result, custom_docs.assign(outlet=["x", "y"]), by="outlet")
    assert set(comparison.frames["frame_id"]) <= set(custom_result.codebook.frames["frame_id"])
    assert set(comparison.frames["frame_id"]) == set(wb.load_frames("conflict-news").frames["frame_id"])


@pytest.mark.parametrize("layout", ["save", "analyze_corpus"])
def test_a_saved_analysis_comes_back_with_its_lexicon_and_codebook(tmp_path, custom_docs, custom_result, layout):
    if layout == "save":
        back = wb.load_analysis(custom_result.save(tmp_path / "saved"))
    else:
        custom_docs.to_parquet(tmp_path / "corpus.parquet", index=False)
        back = wb.load_analysis(wb.analyze_corpus(tmp_path / "corpus.parquet", out=tmp_path / "out", actors=CUSTOM,
                                                  codebook="conflict-news", progress=False))
    assert back.actors.sha256 == custom_result.actors.sha256
    assert back.actors.actors["name"].tolist() == ["Dr Ruth Adeyemi"]
    assert back.codebook.sha256 == custom_result.codebook.sha256
    assert "Dr Ruth Adeyemi" in set(wb.entities_by(back.entities, actors=back)["name"])


def test_a_saved_analysis_names_where_its_lexicon_and_codebook_came_from(tmp_path, custom_docs):
    from analysis.pipeline import saved_source

    path = tmp_path / "ruth.yml"
    path.write_text(wb.load_actors(CUSTOM).to_yaml())
    back = wb.load_analysis(wb.analyze(custom_docs, actors=path).save(tmp_path / "saved"))
    assert back.actors.source == f"{path} (as saved with the analysis)"
    assert back.codebook.source.endswith("lexicons/generic.yml (as saved with the analysis)")
    mapped = wb.load_analysis(wb.analyze(custom_docs, actors=CUSTOM).save(tmp_path / "mapped"))
    assert mapped.actors.source == "saved with the analysis", "never '<mapping>'"
    assert saved_source(None) == saved_source("<mapping>") == "saved with the analysis"


def test_an_analysis_without_its_lexicon_says_what_to_pass(custom_result):
    import dataclasses

    old = dataclasses.replace(custom_result, actors=None, codebook=None)
    with pytest.raises(LexiconError, match="does not record its actor lexicon .* pass the lexicon it was made with"):
        wb.load_actors(old)
    with pytest.raises(LexiconError, match="does not record its frame codebook"):
        wb.load_frames(old)


def _meta(documents):
    return pipeline.analysis_meta({"documents": 1}, wb.load_actors(), wb.load_frames(), "textblob")


def _run_key():
    return store.run_key("corpus", partition_size=10, options=ReadOptions(), actors=wb.load_actors(),
                         frames=wb.load_frames(), tone_engine="textblob", fingerprint={"files": 1})


def test_changed_cue_verbs_give_new_analysis_and_run_keys(monkeypatch):
    before, run_before = _meta(None)["key"], _run_key()
    assert _meta(None)["key"] == before and _run_key() == run_before  # stable
    other = wb.load_cue_verbs({"cue_verbs": [{"lemma": "say", "addressee": "to", "clause": "bare",
                                             "forms": ["say", "says", "said", "saying"]}]})
    assert other.sha256 != wb.load_cue_verbs().sha256
    monkeypatch.setattr(pipeline, "load_cue_verbs", lambda: other)
    assert _meta(None)["lexicons"]["cue_verbs"] == other.sha256
    assert _meta(None)["key"] != before
    assert _run_key() != run_before


def test_a_changed_code_hash_gives_new_analysis_and_run_keys(monkeypatch):
    before, run_before = _meta(None)["key"], _run_key()
    monkeypatch.setattr(pipeline, "code_sha256", lambda: "0" * 64)  # store.run_key uses pipeline.keyed_settings
    assert _meta(None)["key"] != before
    assert _run_key() != run_before


def test_the_code_hash_covers_code_and_shipped_data_and_nothing_else(tmp_path):
    package = tmp_path / "pkg"
    shutil.copytree(Path(wb.__file__).parent / "lexicons", package / "lexicons")
    (package / "module.py").write_text("x = 1\n")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"compiled")
    first = code_sha256(str(package))
    (package / "notes.txt").write_text("not code")
    (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"recompiled")
    assert code_sha256.__wrapped__(str(package)) == first
    (package / "module.py").write_text("x = 2\n")
    assert code_sha256.__wrapped__(str(package)) != first
    (package / "module.py").write_text("x = 1\n")
    with (package / "lexicons" / "cue_verbs.yml").open("a") as handle:
        handle.write("\n# an edited word list\n")
    assert code_sha256.__wrapped__(str(package)) != first
