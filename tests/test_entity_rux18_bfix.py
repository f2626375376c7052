"""Entity and pronoun cases of a newsroom corpus (session 18, red team rux18 H5, H6, L5): a congressman whose
surname is a country of the lexicon, an object pronoun after "said when <name> first <verb>", and an
emphatic reflexive after a noun. Each rule on a small inline text written for this test, with exact,
hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

from entity_rows import found, rows

JORDAN = {"actors": [{"id": "jordan", "name": "Jordan", "type": "country", "aliases": ["Jordan"]},
                     {"id": "egypt", "name": "Egypt", "type": "country", "aliases": ["Egypt"]}]}


def test_a_first_name_before_a_country_alias_keeps_the_person_apart_from_the_country():
    # rux18 H5: "Jim Jordan" got no first-name evidence (Jordan is a gazetteer word), so only weak evidence
    # ("surname used alone"), and the one-word alias "Jordan" linked all his mentions to the country
    e = found("Jim Jordan said the bill was dead. Jordan said he would vote no.", actors=JORDAN)
    assert rows(e, "text", "entity", "type", "via", "actor_id") == [
        ("Jim Jordan", "Jim Jordan", "person", "name", None), ("Jordan", "Jim Jordan", "person", "short", None),
        ("he", "Jim Jordan", "person", "pronoun", None)]


def test_the_country_beside_the_congressman_still_links_in_one_document_and_across_documents():
    # "Jordan and Egypt" (coordinated with a country of the gazetteer) and "to Jordan" are the country,
    # even after a Jim Jordan of the document; the next document's "in Jordan" too
    e = found("Jim Jordan said the bill was dead. Jordan said he would vote no. Jordan and Egypt signed a deal. "
              "The senator flew to Jordan last week. Aid to Egypt or Jordan rose.",
              "Officials in Jordan welcomed it.", actors=JORDAN)
    assert rows(e, "doc_id", "sentence_id", "text", "entity_id", "type", "actor_id") == [
        ("d0", 1, "Jim Jordan", "person:jim_jordan", "person", None),
        ("d0", 2, "Jordan", "person:jim_jordan", "person", None),
        ("d0", 2, "he", "person:jim_jordan", "person", None),
        ("d0", 3, "Jordan", "place:jordan", "place", "jordan"), ("d0", 3, "Egypt", "place:egypt", "place", "egypt"),
        ("d0", 4, "Jordan", "place:jordan", "place", "jordan"),
        ("d0", 5, "Egypt", "place:egypt", "place", "egypt"), ("d0", 5, "Jordan", "place:jordan", "place", "jordan"),
        ("d1", 1, "Jordan", "place:jordan", "place", "jordan")]
    # with no lexicon, a first name before "and" is no place: "Jordan and Georgia" stays the person's
    e = found("Jim Jordan spoke. Jordan and Georgia voted no.")
    assert rows(e, "text", "entity", "type") == [
        ("Jim Jordan", "Jim Jordan", "person"), ("Jordan", "Jim Jordan", "person"), ("Georgia", "Georgia", "place")]


def test_an_object_pronoun_is_not_the_subject_after_an_adverb_that_ends_in_no_ly():
    # rux18 H6: "when Mr. Trump first nominated him" gave "him" to Trump ("first" was no adverb of the
    # binding rule, only "-ly" words and a few others were)
    e = found("John Kelly arrived. Mr. Kelly said when Mr. Trump first nominated him for the post.",
              "Tom Bell left because Sam Hughes never really trusted him.",
              "Tom Bell spoke as Sam Hughes had just thanked him.")
    assert rows(e, "doc_id", "text", "entity", "via") == [
        ("d0", "John Kelly", "John Kelly", "name"), ("d0", "Kelly", "John Kelly", "short"),
        ("d0", "Trump", "Trump", "name"), ("d0", "him", "John Kelly", "pronoun"),
        ("d1", "Tom Bell", "Tom Bell", "name"), ("d1", "Sam Hughes", "Sam Hughes", "name"),
        ("d1", "him", "Tom Bell", "pronoun"),
        ("d2", "Tom Bell", "Tom Bell", "name"), ("d2", "Sam Hughes", "Sam Hughes", "name"),
        ("d2", "him", "Tom Bell", "pronoun")]


def test_pronouns_after_a_bound_object_continue_its_person():
    # the pronouns after "him" that binding gave to Kelly (not Trump, named after Kelly) continue Kelly while
    # no one else is named ("his family", "he"), also in the next sentence; a he/she in a later sentence
    # whose sentence before opened with the binding subject is that subject ("Merkley thanked him. He")
    e = found("John Kelly arrived. Mr. Kelly said when Mr. Trump first nominated him that his family was proud. "
              "Aides thanked him and his wife, and he smiled.",
              "Andrew Wheeler testified. Jeff Merkley thanked him and then let him have it. He then noted the data.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity") == [
        ("d0", 1, "John Kelly", "John Kelly"), ("d0", 2, "Kelly", "John Kelly"), ("d0", 2, "Trump", "Trump"),
        ("d0", 2, "him", "John Kelly"), ("d0", 2, "his", "John Kelly"),
        ("d0", 3, "him", "John Kelly"), ("d0", 3, "his", "John Kelly"), ("d0", 3, "he", "John Kelly"),
        ("d1", 1, "Andrew Wheeler", "Andrew Wheeler"), ("d1", 2, "Jeff Merkley", "Jeff Merkley"),
        ("d1", 2, "him", "Andrew Wheeler"), ("d1", 2, "him", "Andrew Wheeler"), ("d1", 3, "He", "Jeff Merkley")]


def test_an_object_before_a_comma_and_a_participle_is_not_its_subject():
    # "Panetta endorsed General Kelly, calling him ...": the participle's subject is the sentence's (Panetta),
    # so "him" may be Kelly; a name opening the sentence still binds ("Kelly, calling him a liar, left")
    e = found("Leon Panetta endorsed John Kelly, calling him an excellent choice.",
              "Tom Bell met Sam Hughes. Sam Hughes, calling him a liar, left.")
    assert rows(e, "doc_id", "text", "entity", "via") == [
        ("d0", "Leon Panetta", "Leon Panetta", "name"), ("d0", "John Kelly", "John Kelly", "name"),
        ("d0", "him", "John Kelly", "pronoun"),
        ("d1", "Tom Bell", "Tom Bell", "name"), ("d1", "Sam Hughes", "Sam Hughes", "name"),
        ("d1", "Sam Hughes", "Sam Hughes", "name"), ("d1", "him", "Tom Bell", "pronoun")]


def test_an_emphatic_reflexive_after_a_noun_is_the_nouns_not_the_last_named_man():
    # rux18 L5: "much like the devil himself" went to Aaron Hall; a role's reflexive is the one person
    # titled so ("the governor herself"), none when nobody is ("The senator himself"); a verb's reflexive
    # and one after a verb's object ("built the house himself": the subject's) are as before
    e = found("Aaron Hall wrote about it. The politicians, much like the devil himself, hate it.",
              "Gov. Maria Alvarez toured the site. Tom Bell came. Even the governor herself was moved.",
              "Tom Bell came. The senator himself said no.",
              "Tom Bell built the house himself. Sam Hughes told himself to wait.")
    assert rows(e, "doc_id", "text", "entity", "via") == [
        ("d0", "Aaron Hall", "Aaron Hall", "name"),
        ("d1", "Maria Alvarez", "Maria Alvarez", "name"), ("d1", "Tom Bell", "Tom Bell", "name"),
        ("d1", "herself", "Maria Alvarez", "pronoun"),
        ("d2", "Tom Bell", "Tom Bell", "name"),
        ("d3", "Tom Bell", "Tom Bell", "name"), ("d3", "himself", "Tom Bell", "pronoun"),
        ("d3", "Sam Hughes", "Sam Hughes", "name"), ("d3", "himself", "Sam Hughes", "pronoun")]


def test_units_and_numbered_labels_are_no_entities():
    # rux18 M3: "Celsius" (36), "Fahrenheit" (12) and "Category" (14, "a Category 4 storm") were actors;
    # units (YAML ``units``) are no entity alone, a label (``numbered_labels``) none before its number
    e = found("Temperatures rose 2 degrees Celsius (3.6 degrees Fahrenheit) last year.",
              "Hurricane Michael made landfall as a Category 4 storm. Category Partners said it would help.",
              "Anders Celsius proposed the scale.")
    assert rows(e, "doc_id", "text", "entity", "type") == [
        ("d1", "Hurricane Michael", "Hurricane Michael", "other"),
        ("d1", "Category Partners", "Category Partners", "organization"),
        ("d2", "Anders Celsius", "Anders Celsius", "person")]


def test_a_generational_suffix_is_part_of_the_name_never_a_name_of_its_own():
    # rux18 M3: "Jr" was an entity ("Roger Pielke, Jr.", "UPDATE II"), and "Martin Luther King Jr." was split
    # at the title word "King" into "Martin Luther" and a person "Jr"; "Don Jr." after "Donald Trump Jr."
    # stays that name's short form (YAML ``name_suffixes``)
    e = found("Martin Luther King Jr. spoke in Atlanta.",
              "University of Colorado professor Roger Pielke, Jr. published a paper. UPDATE II: he replied.",
              "Donald Trump Jr. criticized the choice. Don Jr. has criticized it before.")
    assert rows(e, "doc_id", "text", "entity", "type", "via") == [
        ("d0", "Martin Luther King Jr", "Martin Luther King Jr", "person", "name"),
        ("d0", "Atlanta", "Atlanta", "place", "name"),
        ("d1", "University of Colorado", "University of Colorado", "organization", "name"),
        ("d1", "Roger Pielke", "Roger Pielke", "person", "name"), ("d1", "he", "Roger Pielke", "person", "pronoun"),
        ("d2", "Donald Trump Jr", "Donald Trump Jr", "person", "name"),
        ("d2", "Jr", "Donald Trump Jr", "person", "short")]


def test_a_headline_run_into_the_first_sentence_splits_at_its_verb_beside_a_name_of_the_document():
    # rux18 M3: narrative-framing texts open with their title-case headline run into the first sentence:
    # "Trump Accuses California" and "Stop Trump" were persons (and took every later bare "Trump"); a
    # third-person verb ("Accuses") or an opening imperative ("Stop") beside a name the document writes on
    # its own elsewhere splits the run; participles naming things stay ("United States"); only at the start
    e = found("Trump Accuses California Of Hurting Farmers The president said that California was wasting "
              "water. Later, Trump said farmers suffered.",
              "Environmentalists Flood The Courts To Stop Trump's Agenda The groups sued. The United States said "
              "Trump was wrong.",
              "Farmers met. Later, Trump Accuses California appeared on a banner. Trump said no.")
    assert rows(e, "doc_id", "text", "entity") == [
        ("d0", "Trump", "Trump"), ("d0", "California", "California"), ("d0", "Hurting Farmers", "Hurting Farmers"),
        ("d0", "California", "California"), ("d0", "Trump", "Trump"),
        ("d1", "Environmentalists Flood", "Environmentalists Flood"), ("d1", "Courts", "Courts"),
        ("d1", "Trump", "Trump"), ("d1", "Agenda", "Agenda"),
        ("d1", "United States", "United States"), ("d1", "Trump", "Trump"),
        ("d2", "Trump Accuses California", "Trump Accuses California"), ("d2", "Trump", "Trump")]
