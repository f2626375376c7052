"""Red team rt17 (H8, H5): a lexicon alias is authoritative. Writing the lexicon a report asks for must fix
the report even where the entity layer typed or merged the name wrongly: an entity written as an alias
links to its actor and takes its type ("Royal Wessex", a person by "first name: Royal", is the trust);
a mention written as another actor's alias leaves a wrong merge ("Mrs Pryce", merged into the baby Ella
Pryce, is Laura Pryce), and the quotations it speaks take that actor's speaker_id."""

from __future__ import annotations

import analysis as wb
from analysis.entities import _written_alias

from entity_rows import docs, found, rows

TRUST = {"actors": [{"id": "royal_wessex", "name": "Royal Wessex Hospitals NHS Foundation Trust",
                     "type": "organization", "group": "NHS",
                     "aliases": ["Royal Wessex Hospitals NHS Foundation Trust", "Royal Wessex"]}]}
TRUST_TEXT = ("Maternity services run by Royal Wessex Hospitals NHS Foundation Trust were rated inadequate. "
              "Royal Wessex said £2.5m would be spent.")
PRYCE = {"actors": [{"id": "laura_pryce", "name": "Laura Pryce", "type": "person",
                     "aliases": ["Laura Pryce", "Mrs Pryce"]}]}
BABY = ("A coroner has issued a report after the death of baby Ella Pryce. "
        "Mrs Pryce said outside court: \"Ella's life mattered.\"")


def test_an_alias_the_entity_layer_typed_a_person_links_and_takes_the_actors_type():
    # without the lexicon "Royal Wessex" is a man ("first name: Royal"); the lexicon's alias makes it the trust
    alone = found(TRUST_TEXT, "Royal Wessex said it was sorry.")
    assert rows(alone, "doc_id", "text", "entity_id", "evidence", "gender") == [
        ("d0", "Royal Wessex Hospitals NHS Foundation Trust", "organization:royal_wessex_hospitals_nhs_foundation_trust",
         "organization word: trust", None),
        ("d0", "Royal Wessex", "person:royal_wessex", "first name: Royal", "male"),
        ("d1", "Royal Wessex", "person:royal_wessex", "first name: Royal", "male")]
    e = found(TRUST_TEXT, "Royal Wessex said it was sorry.", actors=TRUST)
    assert rows(e, "doc_id", "text", "entity_id", "type", "actor_id", "evidence", "gender") == [
        ("d0", "Royal Wessex Hospitals NHS Foundation Trust", "organization:royal_wessex_hospitals_nhs_foundation_trust",
         "organization", "royal_wessex", "lexicon: organization", None),
        ("d0", "Royal Wessex", "organization:royal_wessex", "organization", "royal_wessex", "lexicon: organization", None),
        ("d1", "Royal Wessex", "organization:royal_wessex", "organization", "royal_wessex", "lexicon: organization", None)]
    # the two entities the entity layer made of one actor stay two rows of the entity table, both linked ...
    table = wb.entity_table(e, actors=TRUST)
    assert table[["entity_id", "mentions", "actor_id"]].values.tolist() == [
        ["organization:royal_wessex", 2, "royal_wessex"],
        ["organization:royal_wessex_hospitals_nhs_foundation_trust", 1, "royal_wessex"]]
    # ... and every count by actor counts the actor once, with all its mentions (no "person" Royal Wessex)
    assert wb.entities_by(e, actors=TRUST)[["key", "name", "type", "group", "mentions", "documents"]].values.tolist() == [
        ["royal_wessex", "Royal Wessex Hospitals NHS Foundation Trust", "organization", "NHS", 3, 2]]
    # its statement is the trust's
    q = wb.quotes(docs(TRUST_TEXT), TRUST)
    assert rows(q, "quote", "speaker", "speaker_entity_id", "speaker_id") == [
        ("£2.5m would be spent", "Royal Wessex Hospitals NHS Foundation Trust", "organization:royal_wessex",
         "royal_wessex")]


def test_an_alias_of_one_word_does_not_override_a_names_own_type():
    # "Rep. Jordan" stays a person beside the country Jordan; a multi-word alias ("Royal Mail") is the actor
    lex = {"actors": [{"id": "jordan", "name": "Jordan", "type": "country", "aliases": ["Jordan"]},
                      {"id": "royal_mail", "name": "Royal Mail", "type": "organization", "aliases": ["Royal Mail"]}]}
    e = found("Rep. Jordan met officials from Jordan. Royal Mail said deliveries would resume.", actors=lex)
    assert rows(e, "text", "entity_id", "type", "actor_id") == [
        ("Jordan", "person:jordan", "person", None), ("Jordan", "place:jordan", "place", "jordan"),
        ("Royal Mail", "organization:royal_mail", "organization", "royal_mail")]
    no_lexicon = found("Rep. Jordan met officials from Jordan. Royal Mail said deliveries would resume.")
    assert rows(no_lexicon, "text", "type")[-1] == ("Royal Mail", "person")


def test_a_mention_written_as_another_actors_alias_leaves_a_wrong_merge():
    # the entity layer merges "Mrs Pryce" (the mother) into the baby Ella Pryce named before her
    alone = found(BABY)
    assert rows(alone, "text", "entity_id", "title") == [
        ("Ella Pryce", "person:ella_pryce", None), ("Pryce", "person:ella_pryce", "mrs"),
        ("Ella", "person:ella_pryce", None)]
    e = found(BABY, actors=PRYCE)
    assert rows(e, "text", "entity_id", "via", "title", "actor_id", "evidence", "gender") == [
        ("Ella Pryce", "person:ella_pryce", "name", None, None, "honorific: mrs", "female"),
        ("Pryce", "person:mrs_pryce", "name", "mrs", "laura_pryce", "lexicon: person", "female"),
        ("Ella", "person:ella_pryce", "short", None, None, "honorific: mrs", "female")]
    q = wb.quotes(docs(BABY), PRYCE)
    assert rows(q, "quote", "speaker", "speaker_entity_id", "speaker_id") == [
        ("Ella's life mattered.", "Laura Pryce", "person:mrs_pryce", "laura_pryce")]


def test_a_mention_taken_from_a_wrong_merge_joins_the_documents_entity_of_the_actor():
    lex = {"actors": [{**PRYCE["actors"][0], "aliases": ["Laura Pryce", "Mrs Pryce", "Laura"]}]}
    text = "Laura sat in court. The inquest into the death of baby Ella Pryce heard evidence. Mrs Pryce spoke later."
    alone = found(text)
    assert rows(alone[alone["via"] != "pronoun"], "text", "entity_id") == [
        ("Laura", "person:laura"), ("Ella Pryce", "person:ella_pryce"), ("Pryce", "person:ella_pryce")]
    e = found(text, actors=lex)
    assert rows(e[e["via"] != "pronoun"], "text", "entity_id", "via", "actor_id") == [
        ("Laura", "person:laura", "name", "laura_pryce"), ("Ella Pryce", "person:ella_pryce", "name", None),
        ("Pryce", "person:laura", "short", "laura_pryce")]


def test_an_entity_mostly_written_as_a_titled_alias_links():
    # "Dr Marchbank" (the title is stripped from the mention "Marchbank") is the alias; a part of a title
    # is not ("Executive Priya Raman" of "Chief Executive Priya Raman")
    lex = {"actors": [{"id": "marchbank", "name": "Helen Marchbank", "type": "person", "aliases": ["Dr Marchbank"]},
                      {"id": "raman_org", "name": "Executive Priya Raman", "type": "organization",
                       "aliases": ["Executive Priya Raman"]}]}
    e = found("Dr Marchbank said sorry. Dr Marchbank left. Marchbank smiled. Chief Executive Priya Raman said so.",
              actors=lex)
    assert rows(e[e["via"] != "pronoun"], "text", "entity_id", "type", "title", "actor_id") == [
        ("Marchbank", "person:marchbank", "person", "dr", "marchbank"),
        ("Marchbank", "person:marchbank", "person", "dr", "marchbank"),
        ("Marchbank", "person:marchbank", "person", None, "marchbank"),
        ("Priya Raman", "person:priya_raman", "person", "chief executive", None)]


def test_written_alias_reads_the_title_before_the_mention():
    aliases = {"Mrs Pryce": 0, "Pryce": 1, "Dame Sarah Hill": 2, "Executive Priya Raman": 3, "Labour MP Sarah Hill": 4}
    honorifics = {"mrs": "female", "dame": "female"}
    assert _written_alias("Mrs Pryce said", 4, 9, "mrs", aliases, honorifics) == (0, "Mrs Pryce", "Pryce")
    assert _written_alias("then Pryce said", 5, 10, None, aliases, honorifics) == (1, "Pryce", "Pryce")
    # an honorific ending a longer title
    assert _written_alias("Labour MP Dame Sarah Hill said", 15, 25, "mp dame", aliases, honorifics) == (
        2, "Dame Sarah Hill", "Sarah Hill")
    # a part of a title that is no honorific
    assert _written_alias("Chief Executive Priya Raman said", 16, 27, "chief executive", aliases, honorifics) is None
    # words before the mention that are not its title
    assert _written_alias("Labour MP Sarah Hill said", 10, 20, None, aliases, honorifics) is None
