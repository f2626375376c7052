"""Entity errors a new user's red team met (session 12): names, titles and short forms. Each rule on a
small inline text of its own with exact, hand-checked expectations; each test fails on the code before
its rule."""

from __future__ import annotations

import analysis as wb

from entity_rows import NONE, docs, found, rows


def test_an_honorific_without_its_full_stop_is_an_honorific():
    # British style writes "Mr", "Ms", "Mrs", "Dr" without a full stop: they were stop words, dropped, so
    # "Mr Quayle" stated no gender and went to the most recent Quayle, the woman. Not an acronym in
    # capitals ("DR Congo", "MS" the illness), nor "Dr" after a name (a street: "Elm Dr")
    e = found("Nurse Owen Quayle treated the boy. Councillor Ruth Quayle praised the ward. "
              "\"We were lucky,\" Mr Quayle said. Ms Quayle agreed.",
              "Dr Nadia Osei lives at 4 Elm Dr in Leeds.",
              "Aid reached DR Congo. People with MS Quayle said were ignored.")
    assert rows(e, "doc_id", "text", "entity", "title", "gender") == [
        ("d0", "Owen Quayle", "Owen Quayle", "nurse", "male"),
        ("d0", "Ruth Quayle", "Ruth Quayle", "councillor", "female"),
        ("d0", "Quayle", "Owen Quayle", "mr", "male"),
        ("d0", "Quayle", "Ruth Quayle", "ms", "female"),
        ("d1", "Nadia Osei", "Nadia Osei", "dr", "female"),
        ("d1", "Elm", "Elm", None, None), ("d1", "Leeds", "Leeds", None, None),
        ("d2", "DR Congo", "DR Congo", None, None), ("d2", "MS Quayle", "MS Quayle", None, None)]
    q = wb.quotes(docs("Nurse Owen Quayle treated the boy. Councillor Ruth Quayle praised the ward. "
                       "\"We were lucky,\" Mr Quayle said."), NONE)
    assert q[["speaker", "quote"]].values.tolist() == [["Owen Quayle", "We were lucky"]]


def test_a_titled_name_ending_in_a_place_word_before_of_is_a_person_of_an_organisation():
    # "Hall", "Park", "Marsh" are place words ("Bay of Bengal" stays one place), so "Joanne Hall of
    # Kelsford Police" stayed one name, typed an organisation by "Police", its title not stripped, and
    # the later "Hall said" went to the other Hall. A first name before the word, or a title before the
    # name, makes it a person's name; the organisation is a name of its own. A title of several title
    # phrases opening a sentence is taken whole ("Chief Scientist": "chief" alone is also an adjective)
    e = found("Detective Chief Inspector Joanne Hall of Kelsford Police said the driver had been arrested. "
              "\"Nobody was injured,\" Hall said. Councillor Mark Hall visited the scene later.",
              "Simon Park of Tarrow Borough Council said the road would reopen. Storms over the Bay of Bengal eased.",
              "Chief Scientist Ann Cole of Kelsford Police said the samples were clean.")
    assert rows(e, "doc_id", "text", "entity", "type", "title", "via") == [
        ("d0", "Joanne Hall", "Joanne Hall", "person", "detective chief inspector", "name"),
        ("d0", "Kelsford Police", "Kelsford Police", "organization", None, "name"),
        ("d0", "Hall", "Joanne Hall", "person", None, "short"),
        ("d0", "Mark Hall", "Mark Hall", "person", "councillor", "name"),
        ("d1", "Simon Park", "Simon Park", "person", None, "name"),
        ("d1", "Tarrow Borough Council", "Tarrow Borough Council", "organization", None, "name"),
        ("d1", "Bay of Bengal", "Bay of Bengal", "place", None, "name"),
        ("d2", "Ann Cole", "Ann Cole", "person", "chief scientist", "name"),
        ("d2", "Kelsford Police", "Kelsford Police", "organization", None, "name")]
    q = wb.quotes(docs("Detective Chief Inspector Joanne Hall of Kelsford Police said the driver had been arrested. "
                       "\"Nobody was injured,\" Hall said. Councillor Mark Hall visited the scene later."), NONE)
    assert q[["speaker", "quote"]].values.tolist() == [["Joanne Hall", "the driver had been arrested"],
                                                       ["Joanne Hall", "Nobody was injured"]]


def test_a_headline_surname_goes_to_the_person_the_story_opens_with():
    # "Varga" in the headline, Teodor Varga (a first name in no list: not typed yet) in the first
    # sentence, his brother Dario Varga (a listed first name: a person) only at the end: the headline's
    # form went to the one typed person, Dario, and took the body's "Varga" and its quotation with it.
    # The body's bare surname goes to the person named before it, the headline's to the person named
    # first; to neither where two were first named in one sentence
    e = found('Teodor Varga completed his switch to Eastfield Rovers on Tuesday. "It is a proud day," Varga said. '
              'Dario Varga, his brother and agent, did not comment.',
              'Nadia Varga won the final in Leeds. Her cousin Dario Varga watched.',
              'Teodor Varga and his brother Bence Varga lost their appeal on Monday.',
              titles=["Varga completes switch", "Varga takes the title", "Varga brothers lose appeal"])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "via") == [
        ("d0", 0, "Varga", "Teodor Varga", "short"),
        ("d0", 1, "Teodor Varga", "Teodor Varga", "name"), ("d0", 1, "his", "Teodor Varga", "pronoun"),
        ("d0", 1, "Eastfield Rovers", "Eastfield Rovers", "name"),
        ("d0", 2, "Varga", "Teodor Varga", "short"),
        ("d0", 3, "Dario Varga", "Dario Varga", "name"), ("d0", 3, "his", "Dario Varga", "pronoun"),
        ("d1", 0, "Varga", "Nadia Varga", "short"),
        ("d1", 1, "Nadia Varga", "Nadia Varga", "name"), ("d1", 1, "Leeds", "Leeds", "name"),
        ("d1", 2, "Her", "Nadia Varga", "pronoun"), ("d1", 2, "Dario Varga", "Dario Varga", "name"),
        ("d2", 0, "Varga", "Varga", "name"),
        ("d2", 1, "Teodor Varga", "Teodor Varga", "name"), ("d2", 1, "his", "Teodor Varga", "pronoun"),
        ("d2", 1, "Bence Varga", "Bence Varga", "name")]
    # a lexicon naming both brothers gives the same: its aliases are full names
    lexicon = {"actors": [{"id": "teodor", "name": "Teodor Varga", "type": "person", "aliases": ["Teodor Varga"]},
                          {"id": "dario", "name": "Dario Varga", "type": "person", "aliases": ["Dario Varga"]}]}
    article = docs('Teodor Varga completed his switch to Eastfield Rovers on Tuesday. "It is a proud day," Varga '
                   'said. Dario Varga, his brother and agent, did not comment.', titles=["Varga completes switch"])
    for actors in (NONE, lexicon):
        q = wb.quotes(article, actors)
        assert q[["speaker", "quote"]].values.tolist() == [["Teodor Varga", "It is a proud day"]]


def test_a_double_barrelled_surname_opening_a_sentence_is_a_name():
    # "Pryce-Williams" ends in an "s" and is in no list as a whole: read as a capitalised plural noun
    # ("Workers at the plant said"), it was dropped at a sentence's start, and the mention lost; its last
    # part is a surname of the lists
    e = found("Councillor Megan Pryce-Williams opened the library on Monday. "
              "Pryce-Williams said that it had cost two million pounds. Workers at the site cheered.")
    assert rows(e, "sentence_id", "text", "entity", "via") == [
        (1, "Megan Pryce-Williams", "Megan Pryce-Williams", "name"),
        (2, "Pryce-Williams", "Megan Pryce-Williams", "short")]


def test_a_first_name_in_no_list_alone_is_the_one_person_named_with_it():
    # "Teodor" is in no first-name list: alone (in a quotation, "Teodor is our best player") it was a
    # person of its own, a separate actor. Before a surname of the lists the first word is a given name,
    # and alone it is the one person of the document named with it; with two Teodors, neither
    e = found('Eastfield Rovers striker Teodor Varga has asked to leave. "Teodor is our best player," Gwen Whitlock '
              'said. "Both clubs know what Teodor wants," his agent said.',
              "Teodor Varga met Teodor Kask. Teodor said nothing.")
    assert rows(e[e["via"] != "pronoun"], "doc_id", "sentence_id", "text", "entity", "via") == [
        ("d0", 1, "Eastfield Rovers", "Eastfield Rovers", "name"), ("d0", 1, "Teodor Varga", "Teodor Varga", "name"),
        ("d0", 2, "Teodor", "Teodor Varga", "short"), ("d0", 2, "Gwen Whitlock", "Gwen Whitlock", "name"),
        ("d0", 3, "Teodor", "Teodor Varga", "short"),
        ("d1", 1, "Teodor Varga", "Teodor Varga", "name"), ("d1", 1, "Teodor Kask", "Teodor Kask", "name"),
        ("d1", 2, "Teodor", "Teodor", "name")]


def test_a_place_an_organisation_is_named_of_is_a_place_not_a_person_nor_its_namesake_organisation():
    # "Radcliffe" is a surname of the lists and a town: beside "the University of Radcliffe" a headline's
    # "Radcliffe" was a person by the surname list, and "from Radcliffe library" (no surname after
    # "from") the first word of Radcliffe Police, so counted as the police. The document names an
    # organisation "of" it: the place
    e = found("Staff at the University of Radcliffe walked out on Monday over pay. Inspector Ruth Kell of "
              "Radcliffe Police said the protest was peaceful.",
              "Officers removed students from the University of Radcliffe library. Radcliffe Police made no arrests.",
              titles=["Radcliffe staff strike over pay", "Students removed from Radcliffe library"])
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "evidence") == [
        ("d0", 0, "Radcliffe", "Radcliffe", "place", "place of: University of Radcliffe"),
        ("d0", 1, "University of Radcliffe", "University of Radcliffe", "organization", "organization word: university"),
        ("d0", 2, "Ruth Kell", "Ruth Kell", "person", "title: inspector"),
        ("d0", 2, "Radcliffe Police", "Radcliffe Police", "organization", "organization word: police"),
        ("d1", 0, "Radcliffe", "Radcliffe", "place", "place of: University of Radcliffe"),
        ("d1", 1, "University of Radcliffe", "University of Radcliffe", "organization", "organization word: university"),
        ("d1", 2, "Radcliffe Police", "Radcliffe Police", "organization", "organization word: police")]


def test_a_town_is_no_short_form_of_an_organisation_when_another_name_holds_it_too():
    # across the corpus the town "Radcliffe" (typed by the gazetteer alone) was same_as the one
    # organisation whose name starts with it, the lecturers' association, so the association's count
    # took in the town (and discover_actors offered "Radcliffe" as its alias); the University of
    # Radcliffe holds the word too: it is the place both are named after. A leading part no other name
    # holds still joins its organisation (the town "Northfield" of a headline -> Northfield Dairy)
    e = found("Lecturers marched from Radcliffe to the city hall on Monday.",
              "The Radcliffe Lecturers' Association called the strike.",
              "Pay at the University of Radcliffe has fallen.",
              "Milk prices fell. The Northfield Dairy Cooperative said farmers were losing money.",
              "Farmers met in Leeds on Monday.",
              titles=["", "", "", "", "Northfield farmers meet"])
    t = wb.entity_table(e, actors=NONE)
    assert rows(t, "entity_id", "type", "evidence", "same_as") == [
        ("place:radcliffe", "place", "gazetteer: town", None),
        ("organization:radcliffe_lecturers_association", "organization", "organization word: association", None),
        ("organization:university_of_radcliffe", "organization", "organization word: university", None),
        ("organization:northfield_dairy_cooperative", "organization", "organization word: cooperative", None),
        ("place:northfield", "place", "gazetteer: town", "organization:northfield_dairy_cooperative"),
        ("place:leeds", "place", "gazetteer: city", None)]
