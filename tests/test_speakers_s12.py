"""Pronoun, title and speaker errors a user met (session 12): each rule on a small inline text with
exact, hand-checked expectations; each test fails on the code before its rule."""

from __future__ import annotations

import pandas as pd

import analysis as wb

from entity_rows import found, rows


def _quotes(*texts: str, titles: list[str] | None = None) -> list[tuple]:
    n = len(texts)
    d = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "title": titles or [""] * n, "text": list(texts)})
    out = wb.quotes(d, {"actors": []})
    return [(r.kind, r.quote, None if pd.isna(r.speaker) else r.speaker)
            for r in out.itertuples(index=False)]


FERRY = ('Port director Colin Frye said the ferry would run. Dock inspector Tendai Moyo, who checked the hull, '
         'welcomed the delay. "The hull needs work," he said.')


def test_a_pronoun_after_a_quotation_goes_to_the_titled_subject_of_the_sentence_before():
    # "Dock inspector Tendai Moyo ... welcomed the delay": the subject has a lower-case role title in
    # front and no known gender ("Tendai" is on no list); the "he" after the next quotation is his,
    # not the man of known gender named a sentence earlier
    e = found(FERRY)
    assert rows(e, "sentence_id", "text", "entity", "via") == [
        (1, "Colin Frye", "Colin Frye", "name"), (2, "Tendai Moyo", "Tendai Moyo", "name"),
        (3, "he", "Tendai Moyo", "pronoun")]
    assert _quotes(FERRY) == [("reported", "the ferry would run", "Colin Frye"),
                              ("direct", "The hull needs work", "Tendai Moyo")]


def test_a_third_person_pronoun_inside_a_quotation_is_never_its_speaker():
    # the speaker of '"Tiago is our best player and he is not for sale," Hartley said' would say "I":
    # the "he" is the player named before (or no one), wherever it stands in the quotation, also
    # with the speaker before the quotation and in a quotation's second sentence
    before = ("Dunmore Rovers winger Tiago Vidal asked to leave on Monday. Dunmore coach Brian Hartley insisted the "
              "22-year-old was staying. ")
    e = found(before + '"Tiago is our best player and he is not for sale," Hartley said.',
              before + 'Hartley said: "Tiago is our best player and he is not for sale."',
              before + '"Tiago is our best player. He is not for sale," Hartley said.',
              'Dunmore coach Brian Hartley insisted the winger was staying. "Tiago is our best player and he is not '
              'for sale," Hartley said.')
    pronouns = e[e["via"] == "pronoun"]
    assert rows(pronouns, "doc_id", "sentence_id", "text", "entity") == [
        ("d0", 3, "he", "Tiago Vidal"), ("d1", 3, "he", "Tiago Vidal"), ("d2", 4, "He", "Tiago Vidal")]


def test_a_portfolio_before_a_title_is_part_of_the_title_not_an_entity():
    # "Transport Minister", "Data Commissioner", "Vice-Chancellor": the title of the person after it, no
    # "Transport" or "Data" entity; a title standing alone in apposition is no entity either. A name
    # before a title stays one ("Harlow Police", "Google", the party "Labour")
    e = found("Transport Minister Aoife Brennan opened the bridge. The Rural Affairs Secretary, Tom Hale, was absent. "
              "Vice-Chancellor Priya Natarajan spoke next, and Data Commissioner Ruth Okonjo sent a message.",
              "Harlow Police Commissioner Dev Anand resigned. Google chief executive Sundar Pichai and Labour MP "
              "Sarah Hill met.")
    assert rows(e, "doc_id", "text", "type", "title") == [
        ("d0", "Aoife Brennan", "person", "transport minister"), ("d0", "Tom Hale", "person", None),
        ("d0", "Priya Natarajan", "person", "vice-chancellor"), ("d0", "Ruth Okonjo", "person", "data commissioner"),
        ("d1", "Harlow Police", "organization", None), ("d1", "Dev Anand", "person", "commissioner"),
        ("d1", "Google", "organization", None), ("d1", "Sundar Pichai", "person", "chief executive"),
        ("d1", "Labour", "organization", None), ("d1", "Sarah Hill", "person", "mp")]
    # a portfolio that begins the name of an organisation of the document is that organisation again
    e = found("The Agriculture Department issued a recall on Monday. Agriculture Minister Claire Dubois said the "
              "farms were safe.")
    assert rows(e, "text", "entity", "via", "title") == [
        ("Agriculture Department", "Agriculture Department", "name", None),
        ("Agriculture", "Agriculture Department", "short", None),
        ("Claire Dubois", "Claire Dubois", "name", "agriculture minister")]


def test_a_nominal_role_speaker_links_to_the_one_person_the_text_gives_that_title():
    # "the minister said": the one person the document itself titled minister ("The Fisheries Minister,
    # Rosa Delgado,"; no lexicon), kept nominal; with two ministers named it stays unlinked
    one = ('The Fisheries Minister, Rosa Delgado, visited the harbour on Tuesday. Trawler owner Ian Cole said the '
           'quotas were unfair. "We will review the quotas," the minister said.')
    two = ('The Fisheries Minister, Rosa Delgado, visited the harbour on Tuesday. Finance Minister Omar Haddad stayed '
           'away. "We will review the quotas," the minister said.')
    assert _quotes(one, two) == [
        ("reported", "the quotas were unfair", "Ian Cole"),
        ("direct", "We will review the quotas", "Rosa Delgado"),
        ("direct", "We will review the quotas", "the minister")]


def test_a_town_and_city_named_in_a_sports_story_is_a_club_unless_the_gazetteer_knows_the_city():
    # "Castlebridge City signed the striker": a club (its bare "Castlebridge" its short form); a city
    # of the gazetteer stays a place in the same sentence ("Kansas City", "Mexico City"); without a
    # word of a sports story the name stays a place; a score is such a cue (and makes any name on
    # either side of it a club: "Arsenal", session 15)
    e = found("Castlebridge City signed the striker Davi Rocha, who grew up in Kansas City and Mexico City, for a "
              "club-record fee. Castlebridge won the league last season.",
              "Castlebridge City opened a new library on Monday.",
              "Manchester City beat Arsenal 2-1 on Sunday.")
    assert rows(e[e["type"] != "person"], "doc_id", "text", "entity", "type", "evidence") == [
        ("d0", "Castlebridge City", "Castlebridge City", "organization", "club: signed"),
        ("d0", "Kansas City", "Kansas City", "place", "place word: City"),
        ("d0", "Mexico City", "Mexico City", "place", "gazetteer: city"),
        ("d0", "Castlebridge", "Castlebridge City", "organization", "club: signed"),
        ("d1", "Castlebridge City", "Castlebridge City", "place", "place word: City"),
        ("d2", "Manchester City", "Manchester City", "organization", "club: 2-1"),
        ("d2", "Arsenal", "Arsenal", "organization", "club: 2–1")]


def test_a_quotation_over_several_paragraphs_is_one_quotation_of_its_speaker():
    # the news convention: no closing mark at the end of a paragraph, the next paragraph opens with a
    # mark again; the parts are one quotation, attributed to the speaker of the part that has one
    # (a pronoun after the last part: the person named before the quotation opens)
    intro = "Lena Kowalczyk, the harbour master, described the storm to reporters.\n\n"
    waves = "The waves came over the wall at midnight. We had never seen anything like it."
    boats = "By morning the boats were gone"
    assert _quotes(intro + f'"{waves}\n\n"{boats}," she said.',
                   intro + f'“{waves}\n\n“{boats},” Kowalczyk said.',
                   intro + f'"{waves}"\n\n"{boats}," she said.') == [
        ("direct", f"{waves} … {boats}", "Lena Kowalczyk"),
        ("direct", f"{waves} … {boats}", "Lena Kowalczyk"),
        ("direct", waves, None), ("direct", boats, "Lena Kowalczyk")]
    # closed: two quotations, the first with no cue; "she", three sentences after Lena Kowalczyk (a
    # woman by her first name) with nobody else named between, is her (was None: "too far back")
