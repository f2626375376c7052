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
