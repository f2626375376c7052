"""Red team rt15 (a sports desk's own football-club corpus): a lexicon alias that differs from the text
only by case is named, not silently ignored; the British type spelling "organisation" is accepted; a
profile of a bare name that is also the surname of more mentioned people says so."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import analysis as wb
from analysis.discovery import alias_case_notes, alias_case_warning
from analysis.errors import LexiconError
from analysis.pipeline import warn_alias_case
from analysis.profiles import _also_named

CLUB = pd.DataFrame({
    "doc_id": ["a"], "title": ["Harlow Athletic sack Gary Pell"],
    "text": ["Harlow Athletic sacked manager Gary Pell on Monday. Pell said he was sad. "
             "Harlow Athletic will appoint a coach."]})
#: "harlow athletic" in lower case: aliases are case-sensitive, so it matches none of the three "Harlow
#: Athletic" (headline, sentences 1 and 3).
LOWER = {"actors": [
    {"id": "harlow_athletic", "name": "Harlow Athletic", "type": "organization", "aliases": ["harlow athletic"]},
    {"id": "pell", "name": "Gary Pell", "type": "person", "aliases": ["Gary Pell", "Pell"]}]}
NOTE = "the lexicon's harlow_athletic has the alias 'harlow athletic'; aliases are case-sensitive: write 'Harlow Athletic'"


def _discover(actors):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = wb.discover_actors(CLUB, actors)
    return found, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def test_alias_case_notes_name_the_actor_its_alias_and_the_form_to_write():
    table = wb.entity_table(wb.entities(CLUB, actors=LOWER), actors=LOWER)
    notes = alias_case_notes(table, actors=wb.load_actors(LOWER))
    assert notes.to_dict("records") == [{
        "actor_id": "harlow_athletic", "alias": "harlow athletic", "written": "Harlow Athletic",
        "entity_id": "organization:harlow_athletic", "mentions": 3, "note": NOTE}]
    # Gary Pell is linked (aliases written as the text writes them): no note for him
    assert table.set_index("entity_id").at["person:gary_pell", "actor_id"] == "pell"


def test_discover_actors_warns_once_and_puts_the_note_over_the_suggested_yaml():
    found, said = _discover(LOWER)
    assert said == [f"the actor lexicon: {NOTE} (3 mentions in the text)"]
    assert found[["name", "suggested_id", "count"]].values.tolist() == [["Harlow Athletic", "harlow_athletic_2", 3]]
    assert found["yaml"].iloc[0] == (f"# {NOTE}\n- id: harlow_athletic_2\n  name: Harlow Athletic\n"
                                     "  type: organization\n  aliases: [Harlow Athletic]\n")


def test_a_lexicon_file_is_named_by_its_file_name(tmp_path):
    path = tmp_path / "club.yml"
    path.write_text("actors:\n  - id: harlow_athletic\n    name: Harlow Athletic\n    type: organization\n"
                    "    aliases: [harlow athletic]\n", encoding="utf-8")
    _, said = _discover(str(path))
    assert said == [f"actor lexicon club.yml: {NOTE} (3 mentions in the text)"]


def test_no_note_when_the_alias_is_written_as_the_text_writes_it_nor_for_the_shipped_lexicon():
    right = {"actors": [{**LOWER["actors"][0], "aliases": ["Harlow Athletic"]}, LOWER["actors"][1]]}
    found, said = _discover(right)
    assert said == [] and found.empty
    # the shipped lexicon's aliases are not the user's to fix: no warning (its suggestions as before)
    assert _discover(None)[1] == []


def test_an_alias_written_both_ways_is_no_case_mistake():
    both = {"actors": [{**LOWER["actors"][0], "aliases": ["harlow athletic", "Harlow Athletic"]}]}
    table = wb.entity_table(wb.entities(CLUB, actors=both), actors=both)
    assert alias_case_notes(table, actors=wb.load_actors(both)).empty


def test_the_british_spelling_organisation_is_the_type_organization():
    lexicon = wb.load_actors({"actors": [{"id": "harlow_athletic", "name": "Harlow Athletic", "type": "organisation"}]})
    assert lexicon.actors[["actor_id", "type"]].values.tolist() == [["harlow_athletic", "organization"]]
    assert wb.load_actors(yaml_mapping(lexicon)).actors["type"].tolist() == ["organization"]
    with pytest.raises(LexiconError, match="'organisatoin' is not a known type; use one of person | organization"):
        wb.load_actors({"actors": [{"id": "x", "name": "X", "type": "organisatoin"}]})


def yaml_mapping(lexicon):
    import yaml

    return yaml.safe_load(lexicon.to_yaml())


BROTHERS = pd.DataFrame({
    "doc_id": ["a", "b"], "title": ["Callum Doyle scores", "Striker injured"],
    "text": ["Callum Doyle scored twice. Jamie Doyle watched his brother Callum Doyle. Callum Doyle celebrated. "
             "Jamie Doyle was injured.",
             "Doyle will begin rehabilitation next week, the club said."]})


def test_also_named_lists_the_more_mentioned_people_of_that_surname():
    mentions = pd.DataFrame({
        "actor_id": ["person:callum_doyle"] * 3 + ["person:jamie_doyle"] * 2 + ["person:doyle", "person:callum_doyle"],
        "actor": ["Callum Doyle"] * 3 + ["Jamie Doyle"] * 2 + ["Doyle", "Callum Doyle"],
        "alias": ["Callum Doyle"] * 3 + ["Jamie Doyle"] * 2 + ["Doyle", "he"],
        "via": ["name"] * 6 + ["pronoun"]})
    types = {"person:callum_doyle": "person", "person:jamie_doyle": "person", "person:doyle": "person"}
    assert _also_named(mentions, key="person:doyle", types=types) == (
        "Doyle is also the surname of Callum Doyle (3 mentions) and Jamie Doyle (2): pass one of those to profile them")
    assert _also_named(mentions, key="person:jamie_doyle", types=types) is None
    one = mentions[mentions["actor_id"] != "person:jamie_doyle"]
    assert _also_named(one, key="person:doyle", types={**types, "person:callum_doyle": "organization"}) == (
        "Doyle is also a short form of Callum Doyle (3 mentions): pass that name to profile it")


def test_actor_profile_of_a_bare_surname_says_whose_surname_it_also_is():
    result = wb.analyze(BROTHERS, actors={"actors": []})
    table = result.entity_table.set_index("entity_id")
    assert table.loc[["person:callum_doyle", "person:jamie_doyle", "person:doyle"], "mentions"].tolist() == [4, 2, 1]
    with pytest.warns(UserWarning) as caught:
        profile = wb.actor_profile(result, actor_id="Doyle")
    assert profile.actor_id == "person:doyle"
    assert [str(w.message) for w in caught] == [
        "Doyle is also the surname of Callum Doyle (4 mentions) and Jamie Doyle (2): pass one of those to profile them"]
    with warnings.catch_warnings():  # an entity id, or a full name, is what the user meant
        warnings.simplefilter("error")
        assert wb.actor_profile(result, actor_id="person:doyle").actor_id == "person:doyle"
        assert wb.actor_profile(result, actor_id="Callum Doyle").actor_id == "person:callum_doyle"


def _said(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if issubclass(w.category, UserWarning) and "case-sensitive" in str(w.message)]


def test_analyze_warns_once_over_the_whole_corpus_with_the_counts_of_its_entity_table():
    two = pd.concat([CLUB, CLUB.assign(doc_id="b")], ignore_index=True)
    result, said = _said(lambda: wb.analyze(two, actors=LOWER, partition_size=1))
    assert said == [f"the actor lexicon: {NOTE} (6 mentions in the text)"]  # both partitions' mentions, once
    # the page then builds its candidates from analyze's tables: the same text (a report shows it once), the
    # note over the YAML
    found, again = _said(lambda: wb.discover_actors(two, LOWER, sentences=result.sentences, entities=result.entities,
                                                    entity_table=result.entity_table))
    assert again == said and found["yaml"].iloc[0].startswith(f"# {NOTE}\n")
    assert alias_case_warning(alias_case_notes(result.entity_table, actors=result.actors), actors=result.actors) \
        == said[0]
    assert _said(lambda: warn_alias_case(result.entity_table, actors=result.actors))[1] == said
    assert _said(lambda: wb.analyze(two))[1] == []  # the shipped lexicon: never


def test_streaming_analyze_warns_like_analyze(tmp_path):
    corpus = tmp_path / "club.csv"
    CLUB.to_csv(corpus, index=False)
    lexicon = tmp_path / "club.yml"
    lexicon.write_text("actors:\n  - id: harlow_athletic\n    name: Harlow Athletic\n    type: organization\n"
                       "    aliases: [harlow athletic]\n", encoding="utf-8")
    _, said = _said(lambda: wb.analyze_corpus(corpus, out=tmp_path / "out", actors=lexicon,
                                              progress=False))
    assert said == [f"actor lexicon club.yml: {NOTE} (3 mentions in the text)"]
