"""Leftovers of earlier red teams on the entity layer and speakers (session 17, issues 11 and 12): a
pronoun after a role subject ("The governor thanked crews. She said ..."), ... Each rule on small inline
texts of our own with exact, hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

import analysis as wb
from analysis.entities import appointed_as, role_opening

from entity_rows import NONE, docs, found, quote_rows, rows


def test_role_opening_names_the_role_a_sentence_opens_with_as_its_subject():
    assert [role_opening(t) for t in (
        "The governor thanked crews.", "The governor said.", "The county clerk said no.",
        "The governor's spokeswoman said no.", "The head coach said it.", "The former governor said no.",
        "The governor and the mayor met.", "The governor, Maria Alvarez, said.", "The company said so.",
        "Governor Maria Alvarez said so.")] == [
        ("governor",), ("governor",), ("county", "clerk"), ("spokeswoman",), ("head", "coach"), (),
        None, None, None, None]


def test_a_pronoun_after_a_role_subject_is_the_person_given_that_title_or_no_one():
    # the pronoun opening the sentence after "The governor thanked crews." went to Elaine Cho, the person
    # named last; it is the one person named with the title ("Gov. Maria Alvarez", also "Maria Alvarez,
    # the mayor,"), or no one when nobody (d1: "the mayor" not named) or two people (d2) are given it;
    # a pronoun of that gender after it, with nobody else named between, follows it (d3: "of her")
    texts = (
        'Gov. Maria Alvarez toured the shelter. Elaine Cho, a volunteer, handed out water. The governor thanked '
        'crews. "We will rebuild," she said.',
        'Maria Alvarez toured the shelter. Elaine Cho, a volunteer, handed out water. The mayor thanked crews. '
        '"We will rebuild," she said.',
        'Gov. Maria Alvarez toured. Gov. Ann Lee agreed. Elaine Cho handed out water. The governor thanked crews. '
        '"We will rebuild," she said.',
        'Gov. Maria Alvarez toured the shelter on Monday. Elaine Cho, a volunteer, handed out water. The governor '
        'thanked crews for their work.\n\n"She was kind. She listened," a resident said of her.',
        'Maria Alvarez, the mayor, toured. Elaine Cho handed out water. The mayor thanked crews. She said the city '
        'would rebuild.')
    e = found(*texts)
    assert rows(e[e["via"] == "pronoun"], "doc_id", "sentence_id", "text", "entity") == [
        ("d0", 4, "she", "Maria Alvarez"),
        ("d3", 4, "She", "Maria Alvarez"), ("d3", 5, "She", "Maria Alvarez"), ("d3", 5, "her", "Maria Alvarez"),
        ("d4", 4, "She", "Maria Alvarez")]
    assert quote_rows(*texts) == [
        ("d0", "direct", "We will rebuild", "Maria Alvarez", "pronoun", "person:maria_alvarez"),
        ("d1", "direct", "We will rebuild", None, "pronoun", None),
        ("d2", "direct", "We will rebuild", None, "pronoun", None),
        ("d3", "direct", "She was kind. She listened", "a resident", "nominal", None),
        ("d4", "reported", "the city would rebuild", "Maria Alvarez", "pronoun", "person:maria_alvarez")]


def test_a_pronoun_after_a_role_of_the_other_gender_is_left_to_the_other_rules_and_a_lower_rank_is_no_one():
    # a male governor: "she" is someone else (as before, the person named last); "Lt. Gov." is no governor,
    # so no one is named with the title: no one (Elaine Cho before)
    e = found('Gov. Tom Reed toured the shelter. Elaine Cho, a volunteer, handed out water. The governor thanked '
              'crews. "We will rebuild," she said.',
              'Lt. Gov. Maria Alvarez toured. Elaine Cho handed out water. The governor thanked crews. "We will '
              'rebuild," she said.')
    assert rows(e[e["via"] == "pronoun"], "doc_id", "text", "entity") == [("d0", "she", "Elaine Cho")]


def test_a_name_list_word_with_a_place_cue_is_the_town_an_institution_is_named_after():
    # "in Jackson", "the people of Jackson" beside Jackson High School: the town (the place cue beats the
    # first-name list), not the school's short form (d0, d1; "Lakeport" was already a town, as it is not in
    # the name lists); not where a person of the document goes by that word (d2), nor without a place cue (d3)
    e = found("Evacuees slept at Jackson High School on Thursday. The state would open a center in Jackson next week.",
              "Evacuees slept in the Jackson High School gym. The people of Jackson did their part.",
              "Jackson High School took in evacuees. Mayor Tom Jackson spoke. Crews stayed in Jackson overnight.",
              "Donors gave money to the Clinton Foundation. Money went to Clinton on Friday.")
    assert rows(e, "doc_id", "text", "entity", "type", "via") == [
        ("d0", "Jackson High School", "Jackson High School", "organization", "name"),
        ("d0", "Jackson", "Jackson", "place", "name"),
        ("d1", "Jackson High School", "Jackson High School", "organization", "name"),
        ("d1", "Jackson", "Jackson", "place", "name"),
        ("d2", "Jackson High School", "Jackson High School", "organization", "name"),
        ("d2", "Tom Jackson", "Tom Jackson", "person", "name"),
        ("d2", "Jackson", "Tom Jackson", "person", "short"),
        ("d3", "Clinton Foundation", "Clinton Foundation", "organization", "name"),
        ("d3", "Clinton", "Clinton Foundation", "organization", "short")]


def test_a_hyphenated_name_displays_as_written_most_often():
    # the display name was the form of most words split at spaces, so "Alexandria Ocasio Cortez", written
    # once, beat "Alexandria Ocasio-Cortez", written twice; a hyphen now parts words as a space does, and
    # how often each form is written decides (of equal counts, the first seen, as before)
    e = found("Rep. Alexandria Ocasio-Cortez spoke on Monday. Alexandria Ocasio-Cortez said the bill would pass.",
              "Alexandria Ocasio Cortez voted no.",
              "Sam Okafor-Lee said cots were ready. Later Sam Okafor Lee said more were coming.")
    assert rows(wb.entity_table(e), "entity_id", "entity", "variants") == [
        ("person:alexandria_ocasio_cortez", "Alexandria Ocasio-Cortez",
         ["Alexandria Ocasio-Cortez", "Alexandria Ocasio Cortez"]),
        ("person:sam_okafor_lee", "Sam Okafor-Lee", ["Sam Okafor Lee", "Sam Okafor-Lee"])]
    # in one document the two forms were two entities of one entity_id, each its own display name, and the
    # bare "Ocasio-Cortez" after them went to the hyphenated one only; now one entity, both forms names
    e = found("Rep. Alexandria Ocasio Cortez voted no. Alexandria Ocasio-Cortez said the bill failed. "
              "Alexandria Ocasio-Cortez left. Ocasio-Cortez smiled.")
    assert rows(e, "text", "entity", "via") == [
        ("Alexandria Ocasio Cortez", "Alexandria Ocasio-Cortez", "name"),
        ("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez", "name"),
        ("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez", "name"),
        ("Ocasio-Cortez", "Alexandria Ocasio-Cortez", "short")]


def test_the_head_coach_is_the_one_person_written_coach_before_the_name():
    # "Coach Dana Reyes ... The head coach said" stayed unlinked ("head coach" was looked for before a name,
    # or after it: "Reyes, the head coach,"); "Coach" alone before a name now counts, a rank below it never
    # ("Assistant coach Tom Bell"), and two coaches link no one; the entity layer's pronoun after the role
    # follows the same rule
    assert quote_rows(
        "Coach Dana Reyes led the drills on Monday. The head coach said the squad was ready.",
        "Coach Dana Reyes led the drills. Assistant coach Tom Bell watched. The head coach said the squad was ready.",
        "Coach Dana Reyes led the drills. Coach Tom Bell watched. The head coach said the squad was ready.") == [
        ("d0", "reported", "the squad was ready", "Dana Reyes", "nominal", "person:dana_reyes"),
        ("d1", "reported", "the squad was ready", "Dana Reyes", "nominal", "person:dana_reyes"),
        ("d2", "reported", "the squad was ready", "The head coach", "nominal", None)]
    e = found("Coach Dana Reyes led the drills. Sara Lind watched. The head coach thanked the fans. She said the "
              "squad was ready.",
              "Harlow Athletic have appointed Sofia Reyes as head coach. Sara Lind watched. The head coach thanked "
              "the fans. She said the squad was ready.")
    assert rows(e[e["via"] == "pronoun"], "doc_id", "text", "entity") == [("d0", "She", "Dana Reyes"),
                                                                          ("d1", "She", "Sofia Reyes")]


def test_appointed_as_is_a_title_given_by_an_appointment():
    # moved from the quote layer, so that the entity layer's pronoun after "The head coach ..." reads it too
    text = "Harlow Athletic have appointed Sofia Reyes as head coach. Reyes, who was named head coach, spoke."
    assert [appointed_as(text, start=s, end=e, title="head coach") for s, e in ((31, 42), (58, 63))] == [True, True]
    assert appointed_as("The club replaced Gary Pell as head coach.", start=18, end=27, title="head coach") is False


def test_voice_of_the_entities_names_and_counts_each_entity_as_entities_by_does():
    # voice(entities, ...) named an entity by the first form seen ("Alexandria Ocasio Cortez"), a linked
    # one by its entity's name, and kept "Vance" alone in one article as an actor of its own; it now reads
    # the entities as entities_as_mentions does: the entity table's name, short forms as their entity
    # (with their quotations), as entities_by names and counts them
    d = docs('Rep. Alexandria Ocasio Cortez voted no. "The bill failed," Alexandria Ocasio-Cortez said. '
             'Alexandria Ocasio-Cortez left.',
             "Maria Vance said the roads were open on Monday.",
             '"Crews stayed all night," Vance said.')
    e = wb.entities(d, actors=NONE)
    v = wb.voice(e, wb.quotes(d, NONE))
    assert rows(v, "actor_id", "actor", "mentions", "quotes") == [
        ("person:alexandria_ocasio_cortez", "Alexandria Ocasio-Cortez", 3, 1),
        ("person:maria_vance", "Maria Vance", 2, 2)]
    assert rows(wb.entities_by(e, actors=NONE), "key", "name", "mentions") == [
        ("person:alexandria_ocasio_cortez", "Alexandria Ocasio-Cortez", 3), ("person:maria_vance", "Maria Vance", 2)]
