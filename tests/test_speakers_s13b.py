"""Speaker leftovers of session 13 (lfix13): each rule on a small inline text of our own with exact,
hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

from entity_rows import found, quote_rows, rows


def test_a_saints_name_in_the_possessive_before_a_cue_leaves_the_cue_a_verb():
    # "Doctors at St. Mary's said ..." gave no row: a possessive before a cue made the cue a noun ("the
    # governor's warning"); a capitalised possessive opened by "St."/"Mt." is a name, the cue a verb;
    # "the governor's warning" and a plain possessive ("Ruiz's said") still give no row
    assert quote_rows("Doctors at St. Mary's said the ward was full.",
                   "Nurses at St. Brendan's Hospital warned that the ward was full.",
                   "The governor's warning that the bridge was unsafe went unheeded.",
                   "Volunteers at Ruiz's said the kitchen was closed.") == [
        ("d0", "reported", "the ward was full", "Doctors at St. Mary's", "nominal", None),
        ("d1", "reported", "the ward was full", "Nurses at St. Brendan's Hospital", "nominal", None)]


def test_an_organisation_noun_the_entity_layer_links_links_its_officials():
    # "Council officials said" six sentences after "Harlow County Council" stayed unlinked (the quote
    # layer looks five sentences back) while the entity layer linked "Council" to the council; the noun's
    # own entity link is now taken first; with two councils named (the entity layer links neither) or
    # none, it stays unlinked
    council = "organization:harlow_county_council"
    assert quote_rows(
        "Harlow County Council approved the budget. Parking was scarce. Buses were late. Porters were busy. "
        "Visitors queued. Rain fell. Council officials said the road would close.",
        "Harlow County Council and Harlow Town Council met. Council officials said the road would close.",
        "Parking was scarce. Council officials said the road would close.") == [
        ("d0", "reported", "the road would close", "Harlow County Council", "nominal", council),
        ("d1", "reported", "the road would close", "Council officials", "nominal", None),
        ("d2", "reported", "the road would close", "Council officials", "nominal", None)]
    assert rows(found("Harlow County Council approved the budget. Parking was scarce. Buses were late. Porters "
                      "were busy. Visitors queued. Rain fell. Council officials said the road would close."),
                "sentence_id", "text", "entity_id") == [
        (1, "Harlow County Council", council), (7, "Council", council)]


def test_an_affiliation_before_a_title_and_name_takes_no_person_type_from_a_list():
    # "Tom Reid and Brookfield manager Sam Hale": "Brookfield" stood beside "Tom Reid and" and took his
    # type by coordination (person:brookfield); a name right before a person's title and name is an
    # affiliation, no member of the list: it keeps its own evidence (session 15: the word after it, "manager",
    # a team's role of ``team_words``, makes it the team, an organisation, over the gazetteer's town)
    e = found("Ashvale manager Tom Reid and Brookfield manager Sam Hale met on Saturday.",
              "Tom Reid and Ashvale manager Sam Hale met.")
    assert rows(e, "doc_id", "text", "entity_id", "title", "evidence") == [
        ("d0", "Ashvale", "organization:ashvale", None, "team word: manager"),
        ("d0", "Tom Reid", "person:tom_reid", "manager", "title: manager"),
        ("d0", "Brookfield", "organization:brookfield", None, "team word: manager"),
        ("d0", "Sam Hale", "person:sam_hale", "manager", "title: manager"),
        ("d1", "Tom Reid", "person:tom_reid", None, "first name: Tom"),
        ("d1", "Ashvale", "organization:ashvale", None, "team word: manager"),
        ("d1", "Sam Hale", "person:sam_hale", "manager", "title: manager")]


def test_a_plural_title_before_a_name_is_the_title_not_part_of_the_name():
    # "Agents Luca Bianchi and Pia Roth": "Agents" stayed in the name (person:agents_luca_bianchi); the
    # plural of a one-word title ("agent", now a title; "officer") before a first name, or before two
    # words ending in a surname, is the title; "Agent Orange" after "The" stays one name ("agent" is an
    # ambiguous title and "orange" an English word); "Officers Training Corps" stays an organisation
    e = found("Agents Luca Bianchi and Pia Roth were there.", "Officers Tom Reid and Ann Kerr arrived.",
              "The Agent Orange program ended.", "Officers Training Corps cadets marched.")
    assert rows(e, "doc_id", "text", "entity_id", "title") == [
        ("d0", "Luca Bianchi", "person:luca_bianchi", "agents"), ("d0", "Pia Roth", "person:pia_roth", None),
        ("d1", "Tom Reid", "person:tom_reid", "officers"), ("d1", "Ann Kerr", "person:ann_kerr", None),
        ("d2", "Agent Orange", "other:agent_orange", None),
        ("d3", "Officers Training Corps", "organization:officers_training_corps", None)]
    assert quote_rows("Agents Luca Bianchi said the talks went well.") == [
        ("d0", "reported", "the talks went well", "Luca Bianchi", "name", "person:luca_bianchi")]


def test_a_title_with_of_before_a_name_leaves_the_name_the_speaker():
    # verification red team: "director of football Ian Marsh said" gave the nominal speaker "director of
    # football Ian Marsh" (the head taken before "of": "director", a speaker noun); the lower-case words
    # after "of" and a name to the end are a title before that name; a name as the preposition's object
    # stays no speaker ("Nurses at St. Brendan's Hospital")
    assert quote_rows('"We move on," director of football Ian Marsh said.',
                   "Head of communications Ana Ruiz said the talks were over.",
                   "Nurses at St. Brendan's Hospital warned that wards were short.") == [
        ("d0", "direct", "We move on", "Ian Marsh", "name", "person:ian_marsh"),
        ("d1", "reported", "the talks were over", "Ana Ruiz", "name", "person:ana_ruiz"),
        ("d2", "reported", "wards were short", "Nurses at St. Brendan's Hospital", "nominal", None)]
