"""Sports copy a red team wrote about a football club (session 15, rt15 findings 2, 3, 4 and 6):
results lines, line-ups, match opponents, "Former <club> manager X", weekday abbreviations, "St.
James' Park" and "the Harlow boss said". Each rule on a small inline text written for this test, with
exact, hand-checked expectations; each test fails on the code before its rule. The same texts in
politics copy keep their old rows (no sports rule fires there)."""

from __future__ import annotations

import pandas as pd

from analysis.text import sentences
from entity_rows import found, quote_rows, rows


def test_a_results_line_in_the_body_keeps_both_teams():
    # rt15 #2: "Kingsford Rovers 0-3 Harlow Athletic." was read as a title-case line (names not named
    # elsewhere dropped): only "Kingsford" was left, a town. A results line (two names on the sides of a
    # score, alone, after a label or not) is written as prose is; the short form "Kingsford's" then is
    # the club
    e = found("Kingsford Rovers 0-3 Harlow Athletic. Kingsford's Marcus Webb was sent off.",
              "Full-time: Kingsford Rovers 0-3 Harlow Athletic. Sofia Reyes was delighted.")
    assert rows(e, "doc_id", "sentence_id", "text", "entity", "type", "via") == [
        ("d0", 1, "Kingsford Rovers", "Kingsford Rovers", "organization", "name"),
        ("d0", 1, "Harlow Athletic", "Harlow Athletic", "organization", "name"),
        ("d0", 2, "Kingsford", "Kingsford Rovers", "organization", "short"),
        ("d0", 2, "Marcus Webb", "Marcus Webb", "person", "name"),
        ("d1", 1, "Kingsford Rovers", "Kingsford Rovers", "organization", "name"),
        ("d1", 1, "Harlow Athletic", "Harlow Athletic", "organization", "name"),
        ("d1", 2, "Sofia Reyes", "Sofia Reyes", "person", "name")]


def test_a_side_of_a_score_opening_a_sentence_is_a_name_and_a_teams_opponent_a_team():
    # rt15 #2: "Arsenal beat Chelsea 2-0" lost "Arsenal" (a common word opening the sentence); the side
    # of a score facing another name is a name (not "Nobody beat them 2-0"). "Manchester United drew
    # with Everton": the opponent of a team in a sports story is a team (evidence "opponent: drew with");
    # not "Obama beat Romney" (no team), nor "Microsoft beat Smith in court" (a company is no team)
    e = found("Arsenal beat Chelsea 2-0. Manchester United drew with Everton. Nobody beat them 2-0 last year.",
              "Obama beat Romney in 2012. Microsoft beat Smith in court. The vote was 51-49.")
    assert rows(e, "doc_id", "sentence_id", "text")[:2] == [("d0", 1, "Arsenal"), ("d0", 1, "Chelsea")]
    assert rows(e, "doc_id", "sentence_id", "text", "type", "evidence")[2:] == [
        ("d0", 2, "Manchester United", "organization", "organization word: united"),
        ("d0", 2, "Everton", "organization", "opponent: drew with"),
        ("d1", 1, "Obama", "person", "surname: Obama"),
        ("d1", 1, "Romney", "other", "none"),
        ("d1", 2, "Microsoft", "organization", "known name"),
        ("d1", 2, "Smith", "person", "surname: Smith")]


def test_a_line_up_gives_its_team_and_its_players():
    # rt15 #3: "Harlow Athletic (4-3-3): Smith; Jones, Brown, Lee." gave no entity at all (a title-case
    # line); a line-up's team is an organisation and its players persons, names of no list included
    # ("Okoro"); surname-and-initial players stay apart ("Doyle C.", "Doyle J."), not one "Doyle"
    e = found("Harlow (4-3-3): Smith; Okoro, Brown, Lee.",
              "Harlow Athletic (4-4-2): Hart; Doyle C., Ali; Doyle J., Webb.")
    assert rows(e, "doc_id", "text", "entity", "type", "evidence") == [
        ("d0", "Harlow", "Harlow", "organization", "line-up: 4-3-3"),
        ("d0", "Smith", "Smith", "person", "line-up"),
        ("d0", "Okoro", "Okoro", "person", "line-up"),
        ("d0", "Brown", "Brown", "person", "line-up"),
        ("d0", "Lee", "Lee", "person", "line-up"),
        ("d1", "Harlow Athletic", "Harlow Athletic", "organization", "organization word: athletic"),
        ("d1", "Hart", "Hart", "person", "line-up"),
        ("d1", "Doyle C.", "Doyle C.", "person", "line-up"),
        ("d1", "Ali", "Ali", "person", "line-up"),
        ("d1", "Doyle J.", "Doyle J.", "person", "line-up"),
        ("d1", "Webb", "Webb", "person", "line-up")]


def test_a_weekday_abbreviation_before_a_date_ends_no_sentence_and_names_no_one():
    # rt15 #3: "on Sat. Sept. 12" split after "Sat." and gave the entity "Sat"; a weekday's abbreviation
    # is a suffix abbreviation (split only before a sentence starter: "in the Sun. The paper") and no
    # name before a month or day ("Mr Sun, 45," stays a person)
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""],
                         "text": ["It kicks off on Sat. Sept. 12 at noon. It ran in the Sun. The paper said so."]})
    assert sentences(docs)["text"].tolist() == [
        "It kicks off on Sat. Sept. 12 at noon.", "It ran in the Sun.", "The paper said so."]
    e = found("Fans meet on Sat. Sept. 12 in Leeds. Mr Sun, 45, spoke on Wed. 14 October.")
    assert rows(e, "text", "type") == [("Leeds", "place"), ("Sun", "person")]


def test_a_saints_name_with_the_apostrophe_alone_keeps_the_rest_of_the_name():
    # rt15 #3: "St. James' Park" gave "St. James" (the "s'" read as a plural possessive ending the name)
    e = found("The match at St. James' Park ended level. Patients at St Thomas' Hospital waited.")
    assert rows(e, "text", "entity", "type") == [
        ("St. James' Park", "St. James' Park", "place"),
        ("St Thomas' Hospital", "St Thomas' Hospital", "organization")]


def test_former_opening_a_sentence_before_an_affiliation_and_a_title_is_no_part_of_a_name():
    # rt15 #4: "Former Harlow manager Gary Pell" gave a person "Former Harlow"; "former" is the title's
    # (written after the affiliation): the affiliation is a name of its own. "Former President Bill
    # Clinton" keeps its title; "boss" is a title ("Reds boss Sofia Reyes")
    e = found("Former Harlow manager Gary Pell has joined Kingsford Rovers.",
              "Former Chelsea striker Marcus Webb has retired. Former President Bill Clinton spoke.",
              "Reds boss Sofia Reyes smiled.")
    assert rows(e, "doc_id", "sentence_id", "text", "title") == [
        ("d0", 1, "Harlow", None),
        ("d0", 1, "Gary Pell", "manager"),
        ("d0", 1, "Kingsford Rovers", None),
        ("d1", 1, "Chelsea", None),
        ("d1", 1, "Marcus Webb", "striker"),
        ("d1", 2, "Bill Clinton", "former president"),
        ("d2", 1, "Sofia Reyes", "boss")]


def test_the_team_boss_speaks_as_a_nominal_speaker_linked_to_the_teams_one_lead():
    # rt15 #6: '"...," the Harlow boss said.' gave no quotation ("boss" was no speaker noun), and "the
    # Rovers boss" spoke as the club. Now a nominal speaker, linked to the one person the text gives a
    # team lead's role (team_lead_nouns: boss, manager, head coach ...) with that team before it ("Kingsford
    # Rovers manager Stuart Lamb" for "the Rovers boss"; "Sofia Reyes, the Harlow Athletic head coach,");
    # unlinked with no one, a former manager only, or two leads of the team; never the team itself; a
    # campaign manager of politics copy stays as before
    assert quote_rows(
        '"We must improve," the Harlow boss said.',
        '"We must improve," said the Millbrook boss.',
        'Kingsford Rovers manager Stuart Lamb was unhappy. "We were second best," the Rovers boss admitted.',
        'Harlow manager Gary Pell left on Monday. Kingsford manager Stuart Lamb was happy. "We must improve," '
        'the Harlow boss said.',
        'Former Harlow manager Gary Pell joined Kingsford. "We must improve," the Harlow boss said.',
        'Harlow manager Gary Pell left. Harlow manager Sofia Reyes arrived. "We were good," the Harlow boss said.',
        'Sofia Reyes, the Harlow Athletic head coach, was happy. "We were good," the Harlow boss said.',
        'Ana Ruiz ran the Trump campaign. "We will win," the Trump campaign manager said.') == [
        ("d0", "direct", "We must improve", "the Harlow boss", "nominal", None),
        ("d1", "direct", "We must improve", "the Millbrook boss", "nominal", None),
        ("d2", "direct", "We were second best", "Stuart Lamb", "nominal", "person:stuart_lamb"),
        ("d3", "direct", "We must improve", "Gary Pell", "nominal", "person:gary_pell"),
        ("d4", "direct", "We must improve", "the Harlow boss", "nominal", None),
        ("d5", "direct", "We were good", "the Harlow boss", "nominal", None),
        ("d6", "direct", "We were good", "Sofia Reyes", "nominal", "person:sofia_reyes"),
        ("d7", "direct", "We will win", "the Trump campaign manager", "nominal", None)]
