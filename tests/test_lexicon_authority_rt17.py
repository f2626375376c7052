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


GIBBONS = {"actors": [{"id": "stanley_gibbons", "name": "Stanley Gibbons", "type": "organization", "group": "dealers",
                       "aliases": ["Stanley Gibbons"]}]}
REID = {"actors": [{"id": "anna_reid", "name": "Anna Reid", "type": "person", "aliases": ["Anna Reid", "Dr Reid"]}]}
#: the entity layer merges "Dr Reid" (another person, says the lexicon) into Tom Reid named before
REID_TEXT = "Tom Reid, a parent, joined the protest. Dr Reid said: \"The unit is unsafe.\""


def test_an_alias_the_entity_layer_typed_a_person_links_and_takes_the_actors_type():
    text = "Stanley Gibbons said it would close two shops. Stanley Gibbons sold a stamp for £2m."
    assert rows(found(text), "text", "entity_id", "evidence", "gender") == [
        ("Stanley Gibbons", "person:stanley_gibbons", "first name: Stanley", "male")] * 2
    e = found(text, actors=GIBBONS)
    assert rows(e, "text", "entity_id", "type", "actor_id", "evidence", "gender") == [
        ("Stanley Gibbons", "organization:stanley_gibbons", "organization", "stanley_gibbons", "lexicon: organization",
         None)] * 2
    assert wb.entities_by(e, actors=GIBBONS)[["key", "type", "group", "mentions"]].values.tolist() == [
        ["stanley_gibbons", "organization", "dealers", 2]]
    q = wb.quotes(docs(text), GIBBONS)
    assert rows(q, "quote", "speaker", "speaker_entity_id", "speaker_id") == [
        ("it would close two shops", "Stanley Gibbons", "organization:stanley_gibbons", "stanley_gibbons")]


def test_the_trusts_short_form_typed_a_person_counts_with_the_trust():
    # rt17 H8: "Royal Wessex" (a man, "first name: Royal", on main at 8bf319c) and the trust's full name
    # are one lexicon actor, counted once with all its mentions, whatever entities the entity layer made
    e = found(TRUST_TEXT, "Royal Wessex said it was sorry.", actors=TRUST)
    assert rows(e, "doc_id", "text", "type", "actor_id") == [
        ("d0", "Royal Wessex Hospitals NHS Foundation Trust", "organization", "royal_wessex"),
        ("d0", "Royal Wessex", "organization", "royal_wessex"), ("d1", "Royal Wessex", "organization", "royal_wessex")]
    assert wb.entities_by(e, actors=TRUST)[["key", "name", "type", "group", "mentions", "documents"]].values.tolist() == [
        ["royal_wessex", "Royal Wessex Hospitals NHS Foundation Trust", "organization", "NHS", 3, 2]]
    q = wb.quotes(docs(TRUST_TEXT), TRUST)
    assert rows(q, "quote", "speaker", "speaker_id") == [
        ("£2.5m would be spent", "Royal Wessex Hospitals NHS Foundation Trust", "royal_wessex")]


def test_two_entities_linked_to_one_actor_stay_two_rows_counted_as_one_actor():
    # the lexicon links the trust's full name and "Royal Wessex", which the entity layer keeps apart here
    # (no full name in the lexicon: the trust's own name stays unlinked and "Royal Wessex" is the actor)
    lex = {"actors": [{"id": "rw", "name": "Royal Wessex", "type": "organization", "aliases": ["Royal Wessex", "RWH"]}]}
    e = found("Royal Wessex said £2.5m would be spent. RWH agreed.", actors=lex)
    assert rows(e, "text", "entity_id", "actor_id") == [("Royal Wessex", "organization:royal_wessex", "rw"),
                                                        ("RWH", "organization:rwh", "rw")]
    table = wb.entity_table(e, actors=lex)
    assert table[["entity_id", "mentions", "actor_id"]].values.tolist() == [
        ["organization:royal_wessex", 1, "rw"], ["organization:rwh", 1, "rw"]]
    assert wb.entities_by(e, actors=lex)[["key", "name", "mentions"]].values.tolist() == [["rw", "Royal Wessex", 2]]


def test_a_mention_written_as_another_actors_alias_leaves_a_wrong_merge():
    assert rows(found(REID_TEXT), "text", "entity_id", "title", "evidence") == [
        ("Tom Reid", "person:tom_reid", None, "honorific: dr"), ("Reid", "person:tom_reid", "dr", "honorific: dr")]
    e = found(REID_TEXT, actors=REID)
    # Tom Reid keeps no evidence of the honorific only the mention he lost wrote
    assert rows(e, "text", "entity_id", "via", "title", "actor_id", "evidence", "gender") == [
        ("Tom Reid", "person:tom_reid", "name", None, None, "first name: Tom", "male"),
        ("Reid", "person:reid", "name", "dr", "anna_reid", "lexicon: person", None)]
    q = wb.quotes(docs(REID_TEXT), REID)
    assert rows(q, "quote", "speaker", "speaker_entity_id", "speaker_id") == [
        ("The unit is unsafe.", "Anna Reid", "person:reid", "anna_reid")]


def test_an_honorific_that_states_a_gender_names_the_entity_made_of_taken_mentions():
    # rt17 H5: "Mrs Pryce" (the mother, an alias of Laura Pryce) was merged into the baby Ella Pryce
    e = found(BABY, actors=PRYCE)
    assert rows(e, "text", "title", "actor_id") == [("Ella Pryce", None, None), ("Pryce", "mrs", "laura_pryce"),
                                                    ("Ella", None, None)]
    # (since pfix17 the entity layer itself keeps "Mrs Pryce" off the baby: its own entity "Pryce", which
    # the lexicon links; on lex17's branch alone, the mention taken from the merge made "Mrs Pryce")
    assert wb.entity_table(e, actors=PRYCE).set_index("actor_id").loc["laura_pryce", "entity"] == "Pryce"
    q = wb.quotes(docs(BABY), PRYCE)
    assert rows(q, "quote", "speaker", "speaker_id") == [("Ella's life mattered.", "Laura Pryce", "laura_pryce")]


def test_a_mention_taken_from_a_wrong_merge_joins_the_documents_entity_of_the_actor():
    lex = {"actors": [{**REID["actors"][0], "aliases": ["Anna Reid", "Dr Reid", "Anna"]}]}
    text = "Anna sat in court. " + REID_TEXT
    e = found(text, actors=lex)
    assert rows(e, "text", "entity_id", "via", "actor_id") == [
        ("Anna", "person:anna", "name", "anna_reid"), ("Tom Reid", "person:tom_reid", "name", None),
        ("Reid", "person:anna", "short", "anna_reid")]
    q = wb.quotes(docs(text), lex)
    assert rows(q, "speaker", "speaker_entity_id", "speaker_id") == [("Anna Reid", "person:anna", "anna_reid")]


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


def test_an_alias_of_one_word_does_not_override_a_names_own_type():
    # "Rep. Jordan" stays a person beside the country Jordan (a title is the name's own evidence)
    lex = {"actors": [{"id": "jordan", "name": "Jordan", "type": "country", "aliases": ["Jordan"]}]}
    e = found("Rep. Jordan met officials from Jordan. Rep. Jordan left.", actors=lex)
    assert rows(e, "text", "entity_id", "type", "actor_id") == [
        ("Jordan", "person:jordan", "person", None), ("Jordan", "place:jordan", "place", "jordan"),
        ("Jordan", "person:jordan", "person", None)]


def test_a_full_name_written_with_its_title_as_the_alias_links_the_whole_entity():
    # "Dame Sarah Hill" is the alias: the entity Sarah Hill (titles stripped) links with its "Hill", no
    # mention is split off (without the rule the titled mention left an unlinked "Sarah Hill" of one "Hill")
    lex = {"actors": [{"id": "hill", "name": "Sarah Hill", "type": "person", "aliases": ["Dame Sarah Hill"]}]}
    e = found("Labour MP Dame Sarah Hill spoke first. Hill said the unit must close.", actors=lex)
    e = e[e["type"] == "person"]
    assert rows(e, "text", "entity_id", "title", "actor_id") == [
        ("Sarah Hill", "person:sarah_hill", "mp dame", "hill"), ("Hill", "person:sarah_hill", None, "hill")]
