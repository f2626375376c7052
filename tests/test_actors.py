"""Actor lexicons, mentions (every matching rule of docs/design.md), pronouns, prominence, roll-ups,
co-occurrence and discovery: tiny inline corpora with exact, hand-counted expectations."""

from __future__ import annotations

import math
import random
import re
import string

import pandas as pd
import pytest
import yaml

import analysis as wb
from analysis.actors import MENTION_COLUMNS, ActorLexicon, _pronoun_spots, match_aliases
from analysis.discovery import DISCOVERY_COLUMNS, discovery_yaml


# ------------------------------------------------------------------------------------- helpers


def docs(*texts: str, titles: list[str] | None = None, **extra) -> pd.DataFrame:
    """A documents table, one document per text (doc ids d0, d1, ...)."""
    n = len(texts)
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "title": titles or [""] * n, "text": list(texts)})
    for key, values in extra.items():
        frame[key] = values
    return frame


def lexicon(*entries: dict) -> dict:
    return {"actors": list(entries)}


def person(actor_id: str, *aliases: str, gender: str | None = None, titles: list[str] | None = None) -> dict:
    entry = {"id": actor_id, "name": aliases[0], "type": "person", "aliases": list(aliases)}
    if gender:
        entry["gender"] = gender
    if titles:
        entry["titles"] = titles
    return entry


def org(actor_id: str, *aliases: str, kind: str = "organization", **more) -> dict:
    return {"id": actor_id, "name": aliases[0], "type": kind, "aliases": list(aliases), **more}


def counts(mentions: pd.DataFrame, *, via: tuple[str, ...] = ("alias", "title")) -> dict[str, int]:
    chosen = mentions[mentions["via"].isin(via)]
    return {k: int(v) for k, v in chosen["actor_id"].value_counts().sort_index().items()}


ISRAEL_US = lexicon(
    org("israel", "Israel", kind="country"),
    org("united_states", "United States", "U.S.", "US", kind="country"),
    person("biden", "Joe Biden", "Biden", "U.S. President Joe Biden", gender="male", titles=["president"]),
    person("netanyahu", "Benjamin Netanyahu", "Netanyahu", gender="male", titles=["prime minister"]),
)


def write(tmp_path, text: str, name: str = "actors.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------- lexicon


def test_default_lexicon_loads_and_is_cached():
    lex = wb.load_actors()
    assert lex is wb.load_actors()
    assert isinstance(lex, ActorLexicon)
    assert list(lex.actors.columns) == ["actor_id", "name", "type", "group", "gender", "aliases", "titles"]
    assert list(lex.aliases.columns) == ["term", "actor_id", "kind"]
    ids = set(lex.actors["actor_id"])
    seed_actors = {"netanyahu", "biden", "ben_gvir", "smotrich", "kirby", "burns", "israel", "united_states",
                   "hamas", "palestinians", "house_democrats", "egypt", "cia", "nsc", "idf", "biden_administration"}
    assert seed_actors <= ids
    assert {"sinwar", "gantz", "gallant", "blinken", "qatar", "unrwa", "un", "hezbollah", "iran", "abbas",
            "palestinian_authority", "gaza_health_ministry", "icc", "icj", "austin", "sullivan", "harris",
            "trump"} <= ids
    persons = lex.actors[lex.actors["type"] == "person"]
    assert persons["gender"].notna().all()
    assert lex.actors["group"].notna().all()
    assert len(lex.sha256) == 64


def test_default_lexicon_keeps_demonyms_and_metonyms_out():
    terms = set(wb.load_actors().aliases["term"])
    assert not {"Israeli", "Palestinian", "American", "Washington", "America", "Jerusalem"} & terms
    # explicit multi-word aliases for the military instead
    lex = wb.load_actors()
    idf = lex.aliases[lex.aliases["actor_id"] == "idf"]["term"]
    assert {"Israeli troops", "IDF", "Israel Defense Forces"} <= set(idf)


def test_mapping_and_file_give_the_same_lexicon_and_hash(tmp_path):
    path = write(tmp_path, yaml.safe_dump(ISRAEL_US))
    from_file, from_mapping = wb.load_actors(path), wb.load_actors(ISRAEL_US)
    assert from_file.sha256 == from_mapping.sha256
    assert from_file.source == str(path) and from_mapping.source == "<mapping>"
    assert from_file.actors.drop(columns=["aliases", "titles"]).equals(
        from_mapping.actors.drop(columns=["aliases", "titles"]))
    assert wb.load_actors(from_file) is from_file


def test_lexicon_round_trips_through_to_yaml(tmp_path):
    lex = wb.load_actors(ISRAEL_US)
    again = wb.load_actors(yaml.safe_load(lex.to_yaml()))
    assert again.sha256 == lex.sha256


def test_aliases_default_to_the_name_and_titles_are_lower_cased():
    lex = wb.load_actors(lexicon({"id": "cia", "name": "CIA", "type": "organization", "titles": ["Spy Agency"]}))
    assert lex.aliases.to_dict("records") == [
        {"term": "CIA", "actor_id": "cia", "kind": "alias"},
        {"term": "spy agency", "actor_id": "cia", "kind": "title"},
    ]


def actors_error(source) -> str:
    """The message of the LexiconError ``load_actors(source)`` raises (the test fails if it raises none)."""
    with pytest.raises(wb.LexiconError) as err:
        wb.load_actors(source)
    return str(err.value)


GOOD = """actors:
  - id: israel
    name: Israel
    type: country
    aliases: [Israel]
  - id: hamas
    name: Hamas
    type: organization
    aliases: [Hamas]
"""


@pytest.mark.parametrize(("old", "new", "message"), [
    pytest.param("id: hamas", "id: israel",
                 "line 6: actors entry 2 (id 'israel'), field 'id': duplicate id 'israel', already used by entry 1 "
                 "(line 2); give each actor its own id, or merge the two entries", id="duplicate id"),
    pytest.param("aliases: [Hamas]", 'aliases: [Hamas, ""]',
                 "line 9: actors entry 2 (id 'hamas'), field 'aliases': item 2 is empty; remove it or write the alias "
                 "(quote it if it starts with a YAML special character)", id="empty alias"),
    pytest.param("type: organization", "type: militia",
                 "line 8: actors entry 2 (id 'hamas'), field 'type': 'militia' is not a known type; use one of "
                 "person | organization | country | place | group | other", id="unknown type"),
    pytest.param("    name: Hamas\n", "",  # the field is absent: the line is the entry's
                 "line 6: actors entry 2 (id 'hamas'), field 'name': missing or empty; give the display name, "
                 "e.g. 'Benjamin Netanyahu'", id="missing name"),
    pytest.param("id: hamas", "id: Hamas",
                 "line 6: actors entry 2 (id 'Hamas'), field 'id': 'Hamas' is not lower-case; write 'hamas'",
                 id="id not lower-case"),
])
def test_an_entry_error_names_the_file_line_entry_field_and_fix(tmp_path, old, new, message):
    path = write(tmp_path, GOOD.replace(old, new))
    assert actors_error(path) == f"{path}, {message}"


def test_error_alias_claimed_by_two_actors(tmp_path):
    path = write(tmp_path, GOOD.replace("aliases: [Hamas]", "aliases: [Hamas, Israel]"))
    message = actors_error(path)
    assert message.startswith(f"{path}, line 9: actors entry 2 (id 'hamas'), field 'aliases': alias 'Israel' "
                              "is also claimed by entry 1 (id 'israel', line 5)")
    assert "remove it from one of them" in message


@pytest.mark.parametrize(("entries", "message"), [
    pytest.param([{"id": "a", "name": "A", "type": "person", "aliases": ["Ann"]},
                  {"id": "a", "name": "B", "type": "person", "aliases": ["Bea"]}],
                 "<mapping>: actors entry 2 (id 'a'), field 'id': duplicate id 'a', already used by entry 1; "
                 "give each actor its own id, or merge the two entries", id="duplicate id"),
    pytest.param([{"id": "a", "name": "A", "type": "person", "aliases": ["Ann"]},
                  {"id": "b", "name": "B", "type": "person", "aliases": ["Ann"]}],
                 "<mapping>: actors entry 2 (id 'b'), field 'aliases': alias 'Ann' is also claimed by entry 1 "
                 "(id 'a'); an alias must name one actor: remove it from one of them (use 'titles' for words "
                 "several actors share)", id="alias of two actors"),
])
def test_an_error_in_a_mapping_names_no_line(entries, message):
    # a lexicon given as a mapping has no lines: the message names none (never "line None")
    assert actors_error({"actors": entries}) == message


def test_error_malformed_yaml(tmp_path):
    path = write(tmp_path, GOOD.replace("aliases: [Hamas]", "aliases: [Hamas"))
    message = actors_error(path)
    assert message.startswith(f"{path}, line ")
    assert "malformed YAML" in message and "check the indentation" in message


def test_error_unknown_field_and_missing_actors_list(tmp_path):
    path = write(tmp_path, GOOD.replace("aliases: [Hamas]", "alias: [Hamas]"))
    with pytest.raises(wb.LexiconError, match=r"line 9: actors entry 2 \(id 'hamas'\), field 'alias': "
                                               r"unknown field; known fields are id, name"):
        wb.load_actors(path)
    with pytest.raises(wb.LexiconError, match=r"<mapping>: no 'actors:' list"):
        wb.load_actors({"people": []})


def test_error_gender_and_mapping_source():
    assert actors_error(lexicon(person("kirby", "John Kirby", gender="m"))) == (
        "<mapping>: actors entry 1 (id 'kirby'), field 'gender': 'm' is not one of male, female, nonbinary, unknown; "
        "or leave the field out")


def test_error_missing_file(tmp_path):
    with pytest.raises(wb.LexiconError, match="nope.yml: file not found"):
        wb.load_actors(tmp_path / "nope.yml")


# ------------------------------------------------------------------------- matching: each rule


def mentions_in(*texts: str, lex=ISRAEL_US, **kw) -> pd.DataFrame:
    return wb.mentions(docs(*texts), lex, **kw)


def test_output_schema_and_offsets():
    m = mentions_in("Netanyahu met Biden in Israel.", "The U.S. backs Israel.")
    assert list(m.columns) == list(MENTION_COLUMNS)
    assert m.dtypes["sentence_id"] == "int64" and m.dtypes["start"] == "int64"
    sents = wb.sentences(docs("Netanyahu met Biden in Israel.", "The U.S. backs Israel."))
    text = dict(zip(zip(sents["doc_id"], sents["sentence_id"]), sents["text"]))
    for row in m.itertuples():
        assert text[(row.doc_id, row.sentence_id)][row.start:row.end] == row.alias


def test_aliases_match_on_word_edges_only():
    # "Israel" inside "Israeli" and "Israelis" is no mention; digits are no edge either ("US2")
    m = mentions_in("Israeli troops and Israelis entered. Israel agreed. US2 and USA are not US.")
    assert counts(m) == {"israel": 1, "united_states": 1}
    assert m.loc[m["actor_id"] == "united_states", "alias"].tolist() == ["US"]


def test_dotted_alias_matches_before_comma_and_at_sentence_end():
    m = mentions_in("He flew to the U.S., Israel's ally.", "Weapons came from the U.S.")
    assert m[["doc_id", "alias"]].values.tolist() == [["d0", "U.S."], ["d0", "Israel"], ["d1", "U.S."]]


def test_aliases_are_case_sensitive():
    m = mentions_in("Tell us about israel and ISRAEL.", "US aid to Israel.")
    assert counts(m) == {"israel": 1, "united_states": 1}


def test_possessives_are_mentions():
    m = mentions_in("Netanyahu's cabinet met.", "Netanyahu’s cabinet met.", "Israel's army and Biden's aides.")
    assert counts(m) == {"biden": 1, "israel": 1, "netanyahu": 2}


def test_leftmost_longest_each_character_once():
    # "U.S. President Joe Biden" is one Biden mention, not also a U.S. one
    m = mentions_in("U.S. President Joe Biden spoke.")
    assert m[["actor_id", "alias", "start", "end"]].values.tolist() == [
        ["biden", "U.S. President Joe Biden", 0, 24]]
    # overlapping aliases of different actors: the leftmost wins, then the longest at that start
    lex = lexicon(org("ny", "New York", kind="other"), org("nyt", "York Times"), org("nytimes", "New York Times Co"))
    m = mentions_in("The New York Times and the New York Times Co.", lex=lex)
    assert m[["actor_id", "alias"]].values.tolist() == [["ny", "New York"], ["nytimes", "New York Times Co"]]


def test_a_longer_alias_that_fails_its_edges_does_not_hide_a_shorter_one():
    lex = lexicon(org("israel", "Israel", kind="country"), org("isr_army", "Israel Army"))
    m = mentions_in("Israel Army7 moved; Israel Army moved.", lex=lex)
    assert m["alias"].tolist() == ["Israel", "Israel Army"]


def test_titles_match_case_insensitively_only_where_an_alias_appears():
    m = mentions_in("Netanyahu spoke. Later the Prime Minister left. The PRIME MINISTER returned.",
                    "The prime minister of Spain spoke.")
    assert counts(m) == {"netanyahu": 3}
    assert m["via"].tolist() == ["alias", "title", "title"] and m["doc_id"].unique().tolist() == ["d0"]


def test_a_title_right_before_a_name_is_part_of_it():
    m = mentions_in("Prime Minister Benjamin Netanyahu spoke. The prime minister left.")
    assert m[["alias", "via"]].values.tolist() == [["Benjamin Netanyahu", "alias"], ["prime minister", "title"]]


def test_a_title_right_before_another_name_belongs_to_that_name():
    # regression (issue 11): on a 2012-2020 corpus "President Obama" and "former President Bill Clinton"
    # were counted as Biden through his title "president"
    lex = lexicon(person("biden", "Joe Biden", "Biden", titles=["president", "former president"]))
    m = mentions_in("Biden spoke. President Obama and former President Bill Clinton listened. The president "
                    "left on Monday. The President Monday said no. President Biden waved.", lex=lex)
    # (rt11: the document gives "president" to Obama, so the bare "the president" is no mention of Biden)
    assert m[["alias", "via"]].values.tolist() == [["Biden", "alias"], ["Biden", "alias"]]
    m = mentions_in("Biden spoke. President Biden waved. The president left on Monday.", lex=lex)
    assert m[["alias", "via"]].values.tolist() == [["Biden", "alias"], ["Biden", "alias"], ["president", "title"]]


def test_a_title_the_document_gives_another_person_is_no_mention_of_the_lexicon_holder():
    # rt11 F3 (a10): the lexicon titles Helen Vasquez "mayor"; the article names "Mayor Daniel Osei"
    lex = lexicon(person("helen", "Helen Vasquez", titles=["mayor"]), person("osei", "Daniel Osei", "Osei"))
    text = "Mayor Daniel Osei beat Helen Vasquez. The mayor said it would pay for itself."
    assert mentions_in(text, lex=lex)[["actor_id", "via"]].values.tolist() == [["osei", "alias"], ["helen", "alias"]]
    m = mentions_in("Daniel Osei, the mayor, beat Helen Vasquez. The mayor left.",
                    "Helen Vasquez spoke. Mayor Vasquez met Daniel Osei. The mayor left.", lex=lex)
    assert m[["doc_id", "actor_id", "via"]].values.tolist() == [
        ["d0", "osei", "alias"], ["d0", "helen", "alias"],
        ["d1", "helen", "alias"], ["d1", "osei", "alias"], ["d1", "helen", "title"]]
    out = wb.quotes(pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [text]}), lex)
    assert out[["speaker", "speaker_id"]].values.tolist() == [["Daniel Osei", "osei"]]


def test_titles_never_hide_names():
    lex = lexicon(org("cia", "CIA"), person("burns", "Bill Burns", titles=["cia director"]))
    m = mentions_in("CIA director Bill Burns flew. The CIA director landed.", lex=lex)
    assert m[["actor_id", "alias"]].values.tolist() == [["cia", "CIA"], ["burns", "Bill Burns"], ["cia", "CIA"]]


def test_a_shared_title_goes_to_the_most_recently_named_holder():
    lex = lexicon(person("biden", "Biden", titles=["president"]), person("macron", "Macron", titles=["president"]))
    m = mentions_in("The president spoke. Biden arrived. Macron followed. The president left.", lex=lex)
    # first "president": nobody named before it, so the next named holder (Biden); the last: Macron
    assert m[["actor_id", "via"]].values.tolist() == [
        ["biden", "title"], ["biden", "alias"], ["macron", "alias"], ["macron", "title"]]


def test_ten_thousand_alias_lexicon_gives_the_same_mentions():
    rng = random.Random(7)
    entries = list(ISRAEL_US["actors"])
    seen = set()
    while len(seen) < 10_000:
        seen.add(" ".join(rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=6))
                          for _ in range(2)))
    entries += [{"id": f"a{i}", "name": name, "type": "person", "aliases": [name]}
                for i, name in enumerate(sorted(seen))]
    big = wb.load_actors({"actors": entries})
    assert int((big.aliases["kind"] == "alias").sum()) >= 10_000
    texts = ("U.S. President Joe Biden met Netanyahu in Israel. The president said the U.S. would wait.",)
    small_m = mentions_in(*texts)
    big_m = mentions_in(*texts, lex=big)
    pd.testing.assert_frame_equal(small_m, big_m)
    assert len(big_m) == 5


def test_empty_lexicon_and_empty_corpus():
    m = mentions_in("Israel and Biden.", lex={"actors": []})
    assert m.empty and list(m.columns) == list(MENTION_COLUMNS)
    m = wb.mentions(docs(), ISRAEL_US)
    assert m.empty and list(m.columns) == list(MENTION_COLUMNS)


def test_match_aliases_on_a_string():
    assert match_aliases("the U.S., Israel's Israeli", ISRAEL_US) == [
        (4, 8, "united_states", "U.S."), (10, 16, "israel", "Israel")]


def test_precomputed_sentences_are_used():
    d = docs("Israel spoke.")
    sents = wb.sentences(d).assign(text=["Biden spoke."])  # a sentences table that says otherwise
    assert wb.mentions(d, ISRAEL_US, sentences=sents)["actor_id"].tolist() == ["biden"]
    with pytest.raises(wb.InputError, match=r"the sentences table lacks column\(s\) section"):
        wb.mentions(d, ISRAEL_US, sentences=sents.drop(columns=["section"]))


# ----------------------------------------------------------------------------------- pronouns


PEOPLE = lexicon(person("kirby", "John Kirby", "Kirby", gender="male"),
                 person("harris", "Kamala Harris", "Harris", gender="female"),
                 person("burns", "Bill Burns", "Burns"),
                 org("hamas", "Hamas"))


def pronouns(*texts: str, lex=PEOPLE) -> list[list]:
    m = wb.mentions(docs(*texts), lex)
    return m.loc[m["via"] == "pronoun", ["doc_id", "sentence_id", "actor_id", "alias"]].values.tolist()


def test_sentence_initial_pronoun_resolves_to_the_last_person_of_its_gender():
    assert pronouns("Kirby met Harris. She left. He stayed.") == [
        ["d0", 2, "harris", "She"], ["d0", 3, "kirby", "He"]]


def test_cue_pronoun_anywhere_in_a_sentence():
    assert pronouns('Kirby spoke. "We will not stop," he said, and she added nothing.',
                    "Harris spoke. Later, she also said it was over.") == [
        ["d0", 2, "kirby", "he"], ["d1", 2, "harris", "she"]]


def test_pronouns_without_a_cue_mid_sentence_are_left_alone():
    assert pronouns("Kirby spoke and he appeared calm. They said he left.") == []


def test_persons_without_gender_match_either_pronoun_and_organizations_never():
    assert pronouns("Harris spoke. Burns met Hamas. She left. He stayed.") == [
        ["d0", 3, "burns", "She"], ["d0", 4, "burns", "He"]]


def test_possessive_mentions_are_passed_over_as_antecedents():
    # "Burns's warning": the subject, Kirby, is the antecedent (unless only a possessive precedes)
    assert pronouns("Kirby rejected Burns's warning. He added more.", "Burns's aides met. He spoke.") == [
        ["d0", 2, "kirby", "He"], ["d1", 2, "burns", "He"]]


def test_a_document_is_matched_in_one_pass_as_if_sentence_by_sentence():
    """Aliases, titles and pronoun cues are searched once per document, its sentences joined by a
    separator: nothing matches across two sentences ("... so did he" + "said the aide"), and a
    sentence's ends are word edges as in the sentence alone."""
    m = wb.load_actors(ISRAEL_US).matcher
    finite = wb.load_cue_verbs().finite_pattern
    texts = ["Biden met Netanyahu and so did he", "said the President of Israel", "Israel\x00Biden US",
             "", "he added, prime minister Netanyahu said", "He left; she also said no. USA", "the\nsaid"]
    assert m.alias_candidates(texts) == [m.alias_candidates([t])[0] for t in texts]
    assert m.title_candidates(texts) == [m.title_candidates([t])[0] for t in texts]
    assert [len(c) for c in m.alias_candidates(texts)] == [2, 1, 3, 0, 1, 0, 0]
    assert [[(s, e) for s, e, _ in c] for c in m.title_candidates(texts)] == [[], [(9, 18)], [], [], [(10, 24)],
                                                                             [], []]
    plain = re.compile(rf"(?<![\w-])(?P<p>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?:{finite})(?![\w-])")
    assert _pronoun_spots(texts, finite) == [[], [], [], [], [(0, 2, "he")], [(0, 2, "He"), (9, 12, "she")], []]
    rng = random.Random(3)
    words = ["he", "He", "she", "She", "the", "said", "added", "also", "-", "x", "\n", '"', "told"]
    for _ in range(200):
        sentence_texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(3)]
        got = _pronoun_spots(sentence_texts, finite)
        for text, spots in zip(sentence_texts, got):
            cue_spots = [(x.start("p"), x.end("p"), x.group("p")) for x in plain.finditer(text)]
            assert set(cue_spots) <= set(spots) and len(spots) - len(cue_spots) <= 1, (text, spots)
        assert got == [_pronoun_spots([t], finite)[0] for t in sentence_texts]


def test_no_antecedent_no_pronoun_row_and_option_off():
    assert pronouns("He spoke first. Kirby came.") == []
    m = wb.mentions(docs("Kirby came. He spoke."), PEOPLE, pronouns=False)
    assert m["via"].tolist() == ["alias"]


# ------------------------------------------------------------------------------------ the seed


SEED_ACTORS = lexicon(
    person("netanyahu", "Benjamin Netanyahu", "Netanyahu", "Israeli Prime Minister Benjamin Netanyahu",
           gender="male", titles=["prime minister"]),
    person("biden", "Joe Biden", "Biden", "U.S. President Joe Biden", gender="male", titles=["president"]),
    person("ben_gvir", "Itamar Ben-Gvir", "Ben-Gvir", gender="male", titles=["national security minister"]),
    person("smotrich", "Bezalel Smotrich", "Smotrich", gender="male", titles=["finance minister"]),
    person("kirby", "John Kirby", "Kirby", gender="male"),
    person("burns", "Bill Burns", "Burns", gender="male"),
    org("israel", "Israel", kind="country", group="Israel"),
    org("united_states", "United States", "U.S.", "US", kind="country", group="United States"),
    org("hamas", "Hamas", group="Palestinians"),
    org("palestinians", "Palestinians", "Palestinian civilians", kind="group", group="Palestinians"),
    org("house_democrats", "House Democrats", kind="group", group="United States"),
    org("egypt", "Egypt", kind="country"),
    org("cia", "CIA", group="United States"),
    org("nsc", "National Security Council", "U.S. National Security Council", group="United States"),
    org("idf", "Israeli military", "Israeli troops", "IDF", group="Israel"),
    org("biden_administration", "Biden administration", group="United States"),
)


@pytest.fixture(scope="module")
def seed(repo_dir):
    documents = wb.load_corpus(repo_dir / "seeds")
    return documents, wb.sentences(documents)


def test_seed_body_mentions_match_the_hand_count(seed):
    documents, sents = seed
    m = wb.mentions(documents, SEED_ACTORS, sentences=sents)
    body = m[m["section"] == "body"]
    # Hand count over the body paragraphs (sentences 5-16), read one by one:
    assert counts(body) == {
        "israel": 7,          # s5 "that Israel will", s6 "between Israel", s10 "Israel's largest", s13 "Israel's
                              # reliance", s14 "However, Israel", s15 "Israel's operation", s16 "Israel's plans"
                              # ("Israeli Prime Minister", "Israeli troops" are not Israel)
        "united_states": 8,   # s5 "the United States", s6 "the U.S. president's", s10 "the United States" and
                              # "the U.S., Israel's", s12 "to the U.S." (the NSC's "U.S." is inside the NSC alias),
                              # s13 "U.S. military", s14 "any U.S. block", s16 "The U.S. has"
        "netanyahu": 4,       # s5 "Israeli Prime Minister Benjamin Netanyahu" (one alias), s6 "Netanyahu's
                              # ministers", s7 "Netanyahu posted", s10 "Netanyahu's combative"
        "biden": 6,           # s5 "U.S. President Joe Biden" (one alias), s6 "president's" (title; Biden is named
                              # in the document), s7 "Biden's warning", s10 "Biden said", s11 "Hamas ♥️ Biden",
                              # s13 "urged Biden" ("Biden administration" is its own actor)
        "palestinians": 3,    # s10 "Palestinians have fled", s13 "Palestinian civilians", s15 "Palestinians have"
        "hamas": 2,           # s11 "Hamas ♥️ Biden", s16 "with Hamas"
        "ben_gvir": 1,        # s11 "national security minister Itamar Ben-Gvir" (title before the name: one)
        "smotrich": 1,        # s11 "finance minister Bezalel Smotrich"
        "biden_administration": 1,  # s11 "the Biden administration"
        "nsc": 1,             # s12 "U.S. National Security Council"
        "kirby": 1,           # s12 "John Kirby"
        "cia": 1,             # s12 "CIA director"
        "burns": 1,           # s12 "Bill Burns"
        "house_democrats": 1,  # s13
        "idf": 1,             # s15 "Israeli troops"
        "egypt": 1,           # s15 "with Egypt"
    }
    assert len(body[body["via"].isin(["alias", "title"])]) == 40
    # one pronoun: s8 "He added" -> Netanyahu (the subject of s7; "Biden's" is a possessive)
    assert body.loc[body["via"] == "pronoun", ["sentence_id", "actor_id", "alias"]].values.tolist() == [
        [8, "netanyahu", "He"]]


def test_seed_headline_standfirst_and_takeaways(seed):
    documents, sents = seed
    m = wb.mentions(documents, SEED_ACTORS, sentences=sents)
    assert counts(m[m["section"] == "headline"]) == {"israel": 1, "united_states": 1}
    # standfirst: Israel x5 ("between Israel", "asserts Israel's", "Israel considers", "emphasize Israel's",
    # "from Israel's"), US x2, Netanyahu x3, Biden x2 ("Biden's warning", "Biden's stance"), Palestinians x1
    assert counts(m[m["section"] == "standfirst"]) == {
        "biden": 2, "israel": 5, "netanyahu": 3, "palestinians": 1, "united_states": 2}
    # "Why It Matters": "between Israel and the United States"
    assert counts(m[m["section"] == "Why It Matters"]) == {"israel": 1, "united_states": 1}
    # takeaways: 1 "Israel has vowed", "defying U.S."; 2 "between Israel and Hamas"; 3 "The U.S.", "Israel's
    # plans", "Hamas's position"; 4 "between Israel and the U.S.", "the Biden administration's" ("Israeli
    # ministers" is not in this lexicon); 5 none
    assert counts(m[m["section"] == "Key Takeaways"]) == {
        "biden_administration": 1, "hamas": 2, "israel": 4, "united_states": 3}


def test_seed_default_lexicon_finds_every_seed_actor(seed):
    documents, sents = seed
    found = set(wb.mentions(documents, sentences=sents)["actor_id"])
    assert {a["id"] for a in SEED_ACTORS["actors"]} <= found


# ------------------------------------------------------------------- prominence and roll-ups


def small_corpus() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    d = docs("Israel and Biden met.\n\nBiden spoke. Hamas answered.\n\nIsrael waited.",
             "Biden and Hamas talked. Hamas left.",
             titles=["Israel talks", ""],
             standfirst=[pd.NA, "Biden and Hamas talked. Hamas left."],
             outlet=["A", "B"],
             published=pd.to_datetime(["2024-05-10T23:00Z", "2024-05-11T01:00Z"], utc=True))
    sents = wb.sentences(d)
    return d, sents, wb.mentions(d, ISRAEL_US | {"actors": ISRAEL_US["actors"] + [
        org("hamas", "Hamas", group="Palestinians")]}, sentences=sents)


def test_prominence_exact():
    d, sents, m = small_corpus()
    p = wb.prominence(m, sents)
    assert list(p.columns) == ["doc_id", "actor_id", "actor", "mentions", "sentences", "first_sentence",
                               "first_position", "in_headline", "in_lead", "sentence_share"]
    # d0: headline "Israel talks" (s0), s1 "Israel and Biden met." (lead: first body paragraph),
    # s2 "Biden spoke.", s3 "Hamas answered.", s4 "Israel waited."  -> 5 sentences
    rows = {(r.doc_id, r.actor_id): r for r in p.itertuples()}
    israel = rows[("d0", "israel")]
    assert (israel.mentions, israel.sentences, israel.first_sentence, israel.first_position, israel.in_headline,
            israel.in_lead, israel.sentence_share) == (3, 3, 0, 0.0, True, True, 0.6)
    biden = rows[("d0", "biden")]
    assert (biden.mentions, biden.first_sentence, biden.first_position, biden.in_headline, biden.in_lead) == (
        2, 1, 0.25, False, True)
    hamas = rows[("d0", "hamas")]
    assert (hamas.first_sentence, hamas.first_position, hamas.in_lead, hamas.sentence_share) == (3, 0.75, False, 0.2)
    # d1: no headline; both sentences are the standfirst
    assert rows[("d1", "hamas")].mentions == 2 and rows[("d1", "hamas")].in_lead
    assert rows[("d1", "hamas")].first_position == 0.0
    assert p["doc_id"].tolist() == ["d0", "d0", "d0", "d1", "d1"]


def test_rollups_by_actor_group_outlet_and_day():
    d, sents, m = small_corpus()
    lex = wb.load_actors(ISRAEL_US | {"actors": ISRAEL_US["actors"] + [org("hamas", "Hamas", group="Palestinians")]})
    by_actor = wb.mentions_by(m, d)
    assert by_actor[["actor_id", "mentions", "documents", "sentences"]].values.tolist() == [
        ["hamas", 3, 2, 3], ["israel", 3, 1, 3], ["biden", 3, 2, 3]], "a tie: by display name (Joe Biden last)"
    assert by_actor["share"].tolist() == [1 / 3, 1 / 3, 1 / 3]
    by_group = wb.mentions_by(m, d, by="group", actors=lex)
    assert dict(zip(by_group["group"], by_group["mentions"])) == {"(no group)": 6, "Palestinians": 3}
    by_day = wb.mentions_by(m, d, by=("day", "actor"))
    assert by_day[["day", "actor_id", "mentions", "share"]].values.tolist() == [
        ["2024-05-10", "israel", 3, 0.5], ["2024-05-10", "biden", 2, 1 / 3], ["2024-05-10", "hamas", 1, 1 / 6],
        ["2024-05-11", "hamas", 2, 2 / 3], ["2024-05-11", "biden", 1, 1 / 3]]
    by_outlet = wb.mentions_by(m, d, by=("outlet",))
    assert by_outlet[["outlet", "mentions", "documents"]].values.tolist() == [["A", 6, 1], ["B", 3, 1]]
    with pytest.raises(wb.InputError, match=r"^mentions_by: the documents table lacks column\(s\) desk \(the by= column\); its columns are: "):
        wb.mentions_by(m, d, by=("desk",))


def test_cooccurrence_counts_pmi_and_jaccard():
    _, _, m = small_corpus()
    c = wb.cooccurrence(m)
    # sentences with actors: d0 s0 {israel}, s1 {israel, biden}, s2 {biden}, s3 {hamas}, s4 {israel},
    # d1 s1 {biden, hamas}, s2 {hamas}: N = 7; n_israel 3, n_biden 3, n_hamas 3
    assert c[["actor_a", "actor_b", "count", "n_a", "n_b"]].values.tolist() == [
        ["biden", "hamas", 1, 3, 3], ["biden", "israel", 1, 3, 3]]
    assert c["pmi"].tolist() == pytest.approx([math.log2(7 / 9)] * 2)
    assert c["jaccard"].tolist() == pytest.approx([1 / 5, 1 / 5])
    docs_level = wb.cooccurrence(m, within="document", n_units=10)
    assert docs_level[["actor_a", "actor_b", "count"]].values.tolist() == [
        ["biden", "hamas", 2], ["biden", "israel", 1], ["hamas", "israel", 1]]
    assert docs_level["pmi"].iloc[0] == pytest.approx(math.log2(2 * 10 / (2 * 2)))
    with pytest.raises(wb.InputError, match="within='paragraph'"):
        wb.cooccurrence(m, within="paragraph")


def test_pronoun_rows_are_left_out_of_aggregates_unless_asked():
    d = docs("Kirby came. He said no.")
    sents = wb.sentences(d)
    m = wb.mentions(d, PEOPLE, sentences=sents)
    assert wb.prominence(m, sents)["mentions"].tolist() == [1]
    assert wb.prominence(m, sents, include_pronouns=True)["mentions"].tolist() == [2]
    assert wb.mentions_by(m, d)["mentions"].tolist() == [1]


# ---------------------------------------------------------------------------------- discovery


def test_discovery_on_the_seed_with_an_empty_lexicon(seed):
    documents, sents = seed
    c = wb.discover_actors(documents, {"actors": []}, sentences=sents)
    assert list(c.columns) == list(DISCOVERY_COLUMNS)
    by_name = {r.name: r for r in c.itertuples()}
    expected = {"Benjamin Netanyahu", "Joe Biden", "Itamar Ben-Gvir", "Bezalel Smotrich", "John Kirby", "Bill Burns",
                "Hamas", "Rafah", "Gaza", "Egypt", "CIA", "House Democrats", "Israel", "Palestinians"}
    assert expected <= set(by_name)
    # forms merged into one candidate, titles split off
    assert by_name["Benjamin Netanyahu"].aliases == ["Netanyahu", "Benjamin Netanyahu"]
    assert by_name["Benjamin Netanyahu"].titles == ["israeli prime minister"]
    # standfirst: "Netanyahu asserts", "Netanyahu's ministers", "prompting Netanyahu"; body: s5 "Israeli Prime
    # Minister Benjamin Netanyahu", s6 "Netanyahu's", s7 "Netanyahu posted", s10 "Netanyahu's combative"
    assert by_name["Benjamin Netanyahu"].count == 7
    assert by_name["Itamar Ben-Gvir"].titles == ["national security minister"]
    assert by_name["Bill Burns"].titles == ["cia director"]
    # the acronym is merged into its expansion (issue 11: the entity layer's acronym rule)
    assert by_name["United States"].aliases == ["U.S.", "United States", "US"]
    types = {name: by_name[name].type for name in expected}
    assert types == {"Benjamin Netanyahu": "person", "Joe Biden": "person", "Itamar Ben-Gvir": "person",
                     "Bezalel Smotrich": "person", "John Kirby": "person", "Bill Burns": "person",
                     "Hamas": "organization", "Rafah": "place", "Gaza": "place", "Egypt": "country", "CIA": "organization",
                     "House Democrats": "group", "Israel": "country", "Palestinians": "group"}
    # no function words, no demonyms, no headline words
    proposed = {a for aliases in c["aliases"] for a in aliases}
    assert not proposed & {"Meanwhile", "However", "Earlier", "Despite", "Amid", "As", "On", "In", "The",
                           "Thursday", "God", "X", "Israeli", "Palestinian", "Negotiations", "Defies", "Vows"}


def test_discovery_yaml_is_a_loadable_lexicon(seed):
    documents, sents = seed
    c = wb.discover_actors(documents, {"actors": []}, sentences=sents)
    text = discovery_yaml(c)
    assert text.startswith("actors:\n  - id: ")
    lex = wb.load_actors(yaml.safe_load(text))
    assert len(lex) == len(c)
    # and with it, everything proposed is now covered
    assert wb.discover_actors(documents, lex, sentences=sents).empty
    row = c[c["name"] == "Benjamin Netanyahu"].iloc[0]
    assert yaml.safe_load(row.yaml) == [{"id": "netanyahu", "name": "Benjamin Netanyahu", "type": "person",
                                         "aliases": ["Netanyahu", "Benjamin Netanyahu"],
                                         "titles": ["israeli prime minister"]}]


def test_discovery_suggests_a_place_that_is_no_country_as_a_place_and_the_pasted_entry_keeps_it_one():
    d = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [
        "Residents of Millfield Road met in Ashbury. \"We were not asked,\" said Helen Stroud. Egypt was not "
        "mentioned."]})
    c = wb.discover_actors(d, {"actors": []})
    assert c[["name", "type"]].values.tolist() == [["Millfield Road", "place"], ["Ashbury", "place"],
                                                  ["Helen Stroud", "person"], ["Egypt", "country"]]
    lex = wb.load_actors(yaml.safe_load(discovery_yaml(c)))
    e = wb.entities(d, actors=lex)
    assert e[["text", "type", "actor_id", "evidence"]].values.tolist() == [
        ["Millfield Road", "place", "millfield_road", "lexicon: place"], ["Ashbury", "place", "ashbury", "lexicon: place"],
        ["Helen Stroud", "person", "stroud", "lexicon: person"], ["Egypt", "place", "egypt", "lexicon: country"]]


def test_discovery_skips_known_names_and_applies_the_sentence_start_rule():
    d = docs("Negotiations resumed. Meanwhile, Kirby met Yahya Sinwar. Sinwar left.\n\n"
             "Egypt agreed. Talks with Egypt went on. The Houthis fired. Residents fled.")
    c = wb.discover_actors(d, PEOPLE)
    assert c["name"].tolist() == ["Yahya Sinwar", "Egypt", "Houthis"]
    assert c["aliases"].tolist() == [["Yahya Sinwar", "Sinwar"], ["Egypt"], ["Houthis"]]  # ties: longer first
    assert c["count"].tolist() == [2, 2, 1]
    assert c["type"].tolist() == ["person", "country", "group"]
    assert wb.discover_actors(d, PEOPLE, min_count=2)["name"].tolist() == ["Yahya Sinwar", "Egypt"]


def test_error_more_entry_problems(tmp_path):
    path = write(tmp_path, GOOD.replace("    type: organization\n", "    type: organization\n    type: group\n"))
    assert actors_error(path) == (f"{path}, line 9: actors entry 2 (id 'hamas'), field 'type': written twice in one "
                                  "entry; keep one (YAML would silently keep the last)")
    path = write(tmp_path, GOOD.replace("aliases: [Hamas]", "aliases: [Hamas, NO]"))
    assert actors_error(path) == (f'{path}, line 9: actors entry 2 (id \'hamas\'), field \'aliases\': item 2 was read '
                                  'by YAML as false; put it in quotes (e.g. "NO", "On")')
    with pytest.raises(wb.LexiconError, match=r"<mapping>: actors entry 1 is not a mapping"):
        wb.load_actors({"actors": ["Israel"]})
    with pytest.raises(wb.LexiconError, match=r"<mapping>: 'actors' must be a list of entries"):
        wb.load_actors({"actors": {"id": "israel"}})
    with pytest.raises(wb.LexiconError, match=r"<mapping>: unknown top-level key 'actor'"):
        wb.load_actors({"actors": [], "actor": []})
    with pytest.raises(wb.LexiconError, match=r"field 'id': 'house democrats' must be lower-case letters, digits"):
        wb.load_actors(lexicon(org("house democrats", "House Democrats", kind="group")))


def test_prominence_needs_the_sentences_the_mentions_came_from():
    d = docs("Israel spoke.", "Biden spoke.")
    m = wb.mentions(d, ISRAEL_US)
    with pytest.raises(wb.InputError, match=r"mentions table: doc 'd1' sentence 1 is not in the sentences table"):
        wb.prominence(m, wb.sentences(d.iloc[:1]))
    with pytest.raises(wb.InputError, match=r"^prominence: the mentions table lacks column\(s\) via; pass the output of "):
        wb.prominence(m.drop(columns=["via"]), wb.sentences(d))


def test_discovery_name_shapes():
    d = docs("Yesterday Sen. Elizabeth Warren (D-Mass.) met Mayor Bill de Blasio about Obama-era rules. "
             "Warren spoke. I'm sure, said de Blasio, that the Ministry of Health will act.")
    c = wb.discover_actors(d, {"actors": []})
    assert c[["name", "aliases", "titles", "type"]].values.tolist() == [
        ["Elizabeth Warren", ["Elizabeth Warren", "Warren"], ["sen."], "person"],
        ["Bill de Blasio", ["Bill de Blasio", "de Blasio"], ["mayor"], "person"],
        ["Ministry of Health", ["Ministry of Health"], [], "organization"]]


def test_discover_actors_suggests_no_given_name_alone_as_an_alias():
    # verification red team: "Daniel is a professional" (a lone first name, linked to Daniel Okafor in
    # its article) made "Daniel" an alias of the suggestion: pasted into a lexicon it would count every
    # Daniel of a corpus; the entity keeps the variant, the suggestion leaves it out
    d = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Okafor signs", "Okafor again"], "text": [
        'Daniel Okafor signed for Rovers. "Daniel is a professional," said coach Ann Lee. Okafor smiled.',
        "Okafor scored twice on Saturday."]})
    assert wb.entity_table(wb.entities(d, actors={"actors": []}))["variants"].iloc[0] == ["Okafor", "Daniel Okafor", "Daniel"]
    found = wb.discover_actors(d, {"actors": []})
    assert found[["name", "aliases"]].values.tolist() == [
        ["Daniel Okafor", ["Okafor", "Daniel Okafor"]], ["Rovers", ["Rovers"]], ["Ann Lee", ["Ann Lee"]]]


def test_discover_actors_folds_a_short_form_seen_alone_into_its_full_name():
    # "Whitcombe" is written alone only in the second article; entity_table links it (same_as) to
    # Thomas Whitcombe, so the suggestion is one actor with both forms, not a second "whitcombe_2"
    d = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Race", "Race 2"], "text": [
        "Thomas Whitcombe opened his campaign. Thomas Whitcombe said he would win.",
        "Whitcombe's campaign manager said the polls were wrong."]})
    found = wb.discover_actors(d, {"actors": []})
    assert found[["name", "suggested_id", "type", "count", "documents"]].values.tolist() == [
        ["Thomas Whitcombe", "whitcombe", "person", 3, 2]]
    assert found["aliases"].tolist() == [["Thomas Whitcombe", "Whitcombe"]]


def test_discover_actors_of_one_article_names_a_short_form_by_the_corpus_entity_it_is_the_same_as():
    # red team: the article brief listed "Whitfield" under "Names the lexicon does not cover yet" while
    # every chart of the same brief used the corpus' full name (entities_as_mentions with same_as)
    d = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Race", "Race 2"], "text": [
        "Thomas Whitcombe opened his campaign. Thomas Whitcombe said he would win.",
        "Whitcombe's campaign manager said the polls were wrong. Dana Osei agreed."]})
    corpus = wb.entities(d, actors={"actors": []})
    table = wb.entity_table(corpus)
    article = d[d["doc_id"] == "b"]
    alone = wb.discover_actors(article, {"actors": []}, entities=corpus[corpus["doc_id"] == "b"])
    assert alone["name"].tolist() == ["Whitcombe", "Dana Osei"], "without the corpus table: the bare form"
    found = wb.discover_actors(article, {"actors": []}, entities=corpus[corpus["doc_id"] == "b"], entity_table=table)
    assert found[["name", "suggested_id", "type", "count", "documents"]].values.tolist() == [
        ["Thomas Whitcombe", "whitcombe", "person", 1, 1], ["Dana Osei", "osei", "person", 1, 1]]
    assert found["aliases"].tolist() == [["Thomas Whitcombe", "Whitcombe"], ["Dana Osei"]]
    lexicon = {"actors": [{"id": "whitcombe", "name": "Thomas Whitcombe", "type": "person",
                           "aliases": ["Thomas Whitcombe"]}]}
    linked = wb.entities(d, actors=lexicon)
    covered = wb.discover_actors(article, lexicon, entities=linked[linked["doc_id"] == "b"],
                                 entity_table=wb.entity_table(linked))
    assert covered["name"].tolist() == ["Dana Osei"], "a short form of a lexicon actor is covered"


def test_discovery_suggestions_load_as_one_lexicon_with_unique_ids_and_aliases_and_no_honorifics():
    # a company typed a place by "into" in one article and an organisation in two others; a person and a
    # country written "Jordan"; honorifics (Dr., Ms., Mr.) before names
    d = docs("Investors poured money into Brightwave last year. Dr. Ines Varga, a researcher, warned them.",
             "Brightwave said in a statement on Friday that Ms. Varga was wrong. Mr. Tomas Reyes agreed.",
             "Brightwave's chief executive resigned. Rep. Jordan visited Jordan on Monday. Jordan said it was "
             "a good trip.",
             "King Abdullah of Jordan welcomed the visit to Jordan.")
    c = wb.discover_actors(d, {"actors": []})
    assert c[["name", "suggested_id", "type", "aliases", "titles", "count", "documents"]].values.tolist() == [
        ["Jordan", "jordan", "country", ["Jordan"], [], 4, 2],
        ["Brightwave", "brightwave", "organization", ["Brightwave"], [], 3, 3],  # one company, not two
        ["Ines Varga", "varga", "person", ["Ines Varga", "Varga"], [], 2, 2],  # no "dr." nor "ms." title
        ["Tomas Reyes", "reyes", "person", ["Tomas Reyes"], [], 1, 1],
        # the person "Jordan" is left out: its only alias names the country suggested before it
        ["Abdullah", "abdullah", "person", ["Abdullah"], ["king"], 1, 1]]
    lex = wb.load_actors(yaml.safe_load(discovery_yaml(c)))  # loads as written
    assert lex.actors["actor_id"].tolist() == ["jordan", "brightwave", "varga", "reyes", "abdullah"]
    assert lex.aliases["term"].tolist() == ["Jordan", "Brightwave", "Ines Varga", "Varga", "Tomas Reyes", "Abdullah",
                                            "king"]


def test_discovery_titles_keep_roles_and_drop_forms_of_address():
    d = docs("Labour MP Dame Sarah Hill spoke. Father Tomas Bello and Sir Alan Pike agreed. Prof. Ada Kline "
             "disagreed, as did Professor Ada Kline.")
    c = wb.discover_actors(d, {"actors": []})
    assert c[["name", "titles"]].values.tolist() == [
        ["Ada Kline", ["professor"]],  # "prof." is an abbreviation of address, "professor" a role
        ["Labour", []], ["Sarah Hill", ["mp"]],  # "mp dame": the role kept
        ["Tomas Bello", []], ["Alan Pike", []]]


def test_discovery_counts_distinct_documents_and_never_suggests_an_alias_two_persons_share():
    # the headline's "Vasquez" and the body's "Mateo Vasquez": one candidate in two articles, not 2 + 1;
    # "Marsh" could be Helen or Owen Marsh: an alias of neither, and ids from the full names
    d = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "title": ["Vasquez suspended after failed test", "Appeal",
                                                                "Talks", "Strike"], "text": [
        "Mateo Vasquez was suspended on Wednesday. Vasquez told reporters he was innocent.",
        "Mateo Vasquez will appeal, his lawyer said on Friday.",
        "Nurse Helen Marsh met Dr. Owen Marsh on Friday. Owen Marsh said the talks had been useful.",
        "Helen Marsh spoke to the strikers on Monday. Marsh said the strike would go on."]})
    c = wb.discover_actors(d, {"actors": []})
    assert c[["name", "suggested_id", "aliases", "count", "documents"]].values.tolist() == [
        ["Mateo Vasquez", "vasquez", ["Mateo Vasquez", "Vasquez"], 4, 2],
        ["Helen Marsh", "helen_marsh", ["Helen Marsh"], 3, 2],
        ["Owen Marsh", "owen_marsh", ["Owen Marsh"], 2, 1]]


def test_a_pronoun_inside_quotation_marks_is_no_mention_of_the_actor_named_before():
    # inside a quotation the speaker talks about someone ("He" is her player, not the coach); outside
    # it, the pronoun is the writer's and goes to the most recent person actor
    lex = {"actors": [{"id": "brandt", "name": "Elena Brandt", "type": "person", "gender": "female",
                       "aliases": ["Elena Brandt", "Brandt"]}]}
    d = docs("Elena Brandt defended her player.\n\n'He is not a cheat,' Brandt said. \"He never lied,\" she "
             "added. “She will appeal,” he said.\n\nShe said the team would appeal.")
    m = wb.mentions(d, lex)
    assert m[["sentence_id", "alias", "via", "start"]].values.tolist() == [
        [1, "Elena Brandt", "alias", 0], [2, "Brandt", "alias", 21], [3, "she", "pronoun", 17],
        [5, "She", "pronoun", 0]]


def test_actor_ranking_counts_direct_mentions_and_breaks_ties_by_name_then_key():
    from analysis.actors import actor_ranking

    rows = [("d1", "z", "Ann", "alias"), ("d2", "z", "Ann", "title"),   # 2 direct, in 2 documents
            ("d1", "b", "Zoe", "alias"), ("d1", "b", "Zoe", "pronoun"), ("d2", "b", "Zoe", "pronoun"),
            ("d1", "c", "Bob", "alias"),                                # Zoe and Bob: 1 direct each -> by name
            ("d1", "k2", "Kim", "alias"), ("d1", "k1", "Kim", "alias"),  # same name: by key
            ("d2", "p", "Pam", "pronoun"),                              # only a pronoun: 0, last
            ("d2", None, None, "alias")]                                # no key: left out
    ranked = actor_ranking(pd.DataFrame(rows, columns=["doc_id", "actor_id", "actor", "via"]))
    assert ranked.to_dict("list") == {"actor_id": ["z", "c", "k1", "k2", "b", "p"],
                                      "actor": ["Ann", "Bob", "Kim", "Kim", "Zoe", "Pam"],
                                      "mentions": [2, 1, 1, 1, 1, 0], "documents": [2, 1, 1, 1, 1, 0]}
    empty = actor_ranking(pd.DataFrame(columns=["doc_id", "actor_id", "actor", "via"]))
    assert list(empty.columns) == ["actor_id", "actor", "mentions", "documents"] and empty.empty
    with pytest.raises(wb.InputError, match=r"^actor_ranking: the mentions table lacks column\(s\) via; "):
        actor_ranking(pd.DataFrame({"doc_id": ["d"], "actor_id": ["a"], "actor": ["A"]}))


def test_a_title_two_lexicon_actors_share_is_the_one_the_document_writes_it_with():
    # verify11: the suggested lexicon titled both candidates "mayor"; "Mayor Daniel Osei ... Helen Vasquez
    # criticised ... The mayor said" gave the bare title to Helen Vasquez, the one named last
    lexicon = {"actors": [{"id": "helen", "name": "Helen Vasquez", "type": "person", "titles": ["mayor"]},
                          {"id": "osei", "name": "Daniel Osei", "type": "person", "titles": ["mayor"]}]}
    docs = wb.load_corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["x", "y", "z"], "text": [
        "Mayor Daniel Osei opened the bridge. Helen Vasquez criticised the cost. The mayor said it would pay.",
        "Helen Vasquez spoke. Daniel Osei listened. The mayor said little.",
        "Mayor Daniel Osei met Mayor Helen Vasquez. The mayor said little."]}))
    found = wb.mentions(docs, lexicon)
    titles = found[found["via"] == "title"]
    assert titles[["doc_id", "sentence_id", "actor_id"]].values.tolist() == [
        ["a", 3, "osei"],  # the document writes the title with Osei only
        ["b", 3, "osei"]]  # written with nobody: the owner named last, as before; c: with both, nobody's


def test_mentions_by_breaks_ties_by_name_as_the_ranking_does():
    # on tied counts the charts built from mentions_by listed actors by key, the findings and colours by name
    mentions = pd.DataFrame({"doc_id": ["d"] * 4, "sentence_id": [0, 1, 2, 3], "actor_id": ["aa", "zz", "aa", "zz"],
                             "actor": ["Zoe Ames", "Ada Zell", "Zoe Ames", "Ada Zell"], "via": ["alias"] * 4})
    documents = pd.DataFrame({"doc_id": ["d"], "text": ["x"]})
    assert wb.mentions_by(mentions, documents)["actor"].tolist() == ["Ada Zell", "Zoe Ames"]
    from analysis.actors import actor_ranking

    assert actor_ranking(mentions)["actor"].tolist() == ["Ada Zell", "Zoe Ames"]
