"""Session 18 leftovers of issues 11/12 (rt17 red team, British copy): seats of government named for the
institution ("Downing Street said"), British headline idioms that attribute a headline's quotation
("…, inquest hears"), and the limits of single-mark pairing (dialect elisions, a quotation left open)."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.cues import load_cue_verbs
from analysis.entity_words import load_entity_words
from analysis.quotes import quote_spans


def _docs(*texts: str, titles: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                         "title": titles or [""] * len(texts), "text": list(texts)})


def _entities(*texts: str) -> list[tuple[str, str, str, str]]:
    ents = wb.entities(_docs(*texts))
    return [(r.doc_id, r.text, r.entity_id, r.via) for r in ents.itertuples()]


def _quotes(*texts: str, titles: list[str] | None = None) -> list[tuple]:
    """(doc_id, quote, speaker, speaker_type, speaker_entity_id, cue, kind) per row, NA as None."""
    q = wb.quotes(_docs(*texts, titles=titles), {"actors": []})
    na = (lambda v: None if pd.isna(v) else v)
    return [(r.doc_id, r.quote, na(r.speaker), na(r.speaker_type), na(r.speaker_entity_id), na(r.cue), r.kind)
            for r in q.itertuples()]


# ------------------------------------------------------------------------- seats of government


def test_downing_street_said_is_one_organisation_and_its_speaker():
    text = "Downing Street said the report was serious."
    assert _entities(text) == [("d0", "Downing Street", "organization:downing_street", "name")]
    table = wb.entity_table(wb.entities(_docs(text)))
    assert table[["entity", "type", "evidence"]].values.tolist() == [
        ["Downing Street", "organization", "seat of government: Downing Street"]]
    assert _quotes(text) == [("d0", "the report was serious", "Downing Street", "name",
                              "organization:downing_street", "say", "reported")]


def test_every_form_of_number_10_is_one_entity_shown_as_the_list_shows_it():
    rows = _entities("Number 10 said the report was serious.", "No 10 said the report was serious.",
                     "No. 10 said it would act. Ministers met at 10 Downing Street.")
    assert rows == [("d0", "Number 10", "organization:number_10", "name"),
                    ("d1", "No 10", "organization:number_10", "name"),
                    ("d2", "No. 10", "organization:number_10", "name"),
                    ("d2", "10 Downing Street", "organization:downing_street", "name")]
    assert [r[2:5] for r in _quotes("No 10 said the report was serious.")] == [
        ("Number 10", "name", "organization:number_10")]


@pytest.mark.parametrize("text, entity_id", [
    ("Whitehall said the report was serious.", "organization:whitehall"),          # was a person
    ("The Kremlin said the report was serious.", "organization:kremlin"),          # was other
    ("Zhongnanhai said the report was serious.", "organization:zhongnanhai"),      # was a person
    ("The Élysée said the report was serious.", "organization:elysee"),           # shown as "Elysée" (id accents folded: efix18 L3)
    ("The Quai d'Orsay said the report was serious.", "organization:quai_dorsay"),  # was other
    ("Foggy Bottom said the report was serious.", "organization:foggy_bottom"),    # was a person
    ("The White House said the report was serious.", "organization:white_house"),  # as before
    ("The Pentagon said the report was serious.", "organization:pentagon"),        # as before
    ("Capitol Hill said the report was serious.", "organization:capitol_hill"),    # as before
    ("The Blue House said the report was serious.", "organization:blue_house"),    # as before
])
def test_seats_of_government_that_speak_are_organisations(text, entity_id):
    rows = _quotes(text)
    assert [(r[3], r[4], r[5]) for r in rows] == [("name", entity_id, "say")]


def test_a_seat_of_government_is_one_organisation_wherever_the_document_names_it():
    assert _entities('Protesters gathered outside Downing Street. "We will act," Downing Street said.') == [
        ("d0", "Downing Street", "organization:downing_street", "name"),
        ("d0", "Downing Street", "organization:downing_street", "name")]
    # a spokesman for it speaks for it (it was a place before: no link)
    assert [r[2:5] for r in _quotes("A spokesman for Downing Street said the report was serious.")] == [
        ("Downing Street", "nominal", "organization:downing_street")]


def test_no_seat_inside_a_longer_name_an_address_a_town_or_a_persons_name():
    assert _entities("The White House Correspondents Association said the dinner was on.",
                     "He lived at No 10 Acacia Avenue.",
                     "Police in Whitehall, Ohio, closed the road.",
                     "Jane Whitehall, 52, chairs the board. Whitehall said the plan was late.",
                     "Mr Whitehall said the plan was late.",
                     "The Pentagon Papers were published in 1971.") == [
        ("d0", "White House Correspondents Association", "organization:white_house_correspondents_association",
         "name"),
        ("d1", "Acacia Avenue", "place:acacia_avenue", "name"),
        ("d2", "Whitehall", "place:whitehall", "name"),
        ("d2", "Ohio", "place:ohio", "name"),
        ("d3", "Jane Whitehall", "person:jane_whitehall", "name"),
        ("d3", "Whitehall", "person:jane_whitehall", "short"),
        ("d4", "Whitehall", "person:whitehall", "name"),
        ("d5", "Pentagon Papers", "other:pentagon_papers", "name")]


def test_streets_not_in_the_list_keep_their_types():
    # "Wall Street said": an organisation as before (institution_place_words); a High Street a place
    assert _entities("Wall Street said the report was serious.", "Wall Street fell.",
                     "Shoppers on the High Street said prices were rising.") == [
        ("d0", "Wall Street", "organization:wall_street", "name"),
        ("d1", "Wall Street", "place:wall_street", "name"),
        ("d2", "High Street", "place:high_street", "name")]
    assert [r[2:5] for r in _quotes("Wall Street said the report was serious.")] == [
        ("Wall Street", "name", "organization:wall_street")]


def test_government_seats_are_a_yaml_mapping_of_forms():
    words = load_entity_words()
    assert (words.seats["No 10"], words.seats["Number 10"], words.seats["Élysée Palace"],
            words.seats["Downing Street"]) == ("Number 10", "Number 10", "Elysée", "Downing Street")
    custom = load_entity_words({**_entity_yaml(), "government_seats": {"Beehive": ["the Beehive"]}})
    assert custom.seats == {"Beehive": "Beehive", "the Beehive": "Beehive"}
    with pytest.raises(wb.LexiconError, match="field 'government_seats': give a mapping name: \\[forms"):
        load_entity_words({**_entity_yaml(), "government_seats": ["Kremlin"]})


def _entity_yaml() -> dict:
    import yaml

    from analysis.entity_words import DEFAULT_ENTITY_WORDS
    return yaml.safe_load(DEFAULT_ENTITY_WORDS.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------- headline idioms

BODY = "Senior coroner Rachel Thorne opened the inquest on Monday. The hearing continues."
THORNE = "person:rachel_thorne"


def test_british_headline_idioms_give_the_quotation_a_nominal_speaker():
    titles = ["Baby Ella's death 'could have been prevented', inquest hears",
              "Trust 'failed mothers', court told",
              "Coroner warns of 'risk of future deaths'",
              "'We were failed': parents speak out over maternity care",
              "Mother 'could not have saved baby', jury told"]
    rows = [r for r in _quotes(*[BODY] * len(titles), titles=titles)]
    assert rows == [
        ("d0", "could have been prevented", "inquest", "nominal", None, "hear", "direct"),
        ("d1", "failed mothers", "court", "nominal", None, "tell", "direct"),
        # linked as the headline's "Coroner: '…'" is: to the one coroner the article names
        ("d2", "risk of future deaths", "Rachel Thorne", "nominal", THORNE, "warn", "direct"),
        ("d3", "We were failed", "parents", "nominal", None, "speak", "direct"),
        ("d4", "could not have saved baby", "jury", "nominal", None, "tell", "direct")]


def test_headline_idioms_are_read_in_headlines_only_and_need_a_speaker_noun():
    # in the body the words stay as before: no speaker (the idiom is a headline's)
    assert _quotes("Baby Ella's death 'could have been prevented', inquest hears.") == [
        ("d0", "could have been prevented", None, None, None, None, "direct")]
    # no speaker noun before the phrase: as before
    assert _quotes(BODY, titles=["Baby Ella's death 'could have been prevented', Tuesday hears"]) == [
        ("d0", "could have been prevented", None, None, None, None, "direct")]
    # the existing cue rules still decide where no idiom is written
    assert _quotes(BODY, titles=["'Nobody listened to us', say parents"]) == [
        ("d0", "Nobody listened to us", "parents", "nominal", None, "say", "direct")]


def test_headline_idioms_are_a_yaml_mapping():
    cues = load_cue_verbs()
    assert (cues.headline_cues["hears"], cues.headline_cues["told"], cues.headline_cues["speak out"]) == \
        ("hear", "tell", "speak")
    assert {"inquest", "jury", "tribunal"} <= cues.headline_speaker_nouns


# ------------------------------------------------------------------------- single marks


@pytest.mark.parametrize("text, quote", [
    ("Ann Lee looked at the ruins. 'We're goin' home now,' she said.", "We're goin' home now"),
    ("'My ol' man worked here for forty years,' said Tom Reid.", "My ol' man worked here for forty years"),
    ("'Tell 'em we're not moving,' said Tom Reid.", "Tell 'em we're not moving"),
    ("'We came 'cause we had to,' said Tom Reid.", "We came 'cause we had to"),
    ("'It was rock 'n' roll all night,' said Tom Reid.", "It was rock 'n' roll all night"),
    ("'Nothin' has changed since the fire,' said Tom Reid.", "Nothin' has changed since the fire"),
])
def test_dialect_elisions_inside_a_single_quotation_neither_close_nor_open_it(text, quote):
    rows = _quotes(text)
    assert [(r[1], r[2], r[5], r[6]) for r in rows] == [
        (quote, "Ann Lee" if text.startswith("Ann") else "Tom Reid", "say", "direct")]


def test_an_elision_closes_a_quotation_only_where_no_later_mark_does():
    # no closing mark after . , ! ? later: the mark after "Berlin" closes it within its sentence, as before
    text = "He called it 'Berlin' in the draft."
    assert [text[s:e] for s, e in quote_spans(text)] == ["Berlin"]


def test_a_single_quotation_left_open_swallows_no_later_paragraph():
    # paragraphs written with one line break (scraped text): the opening mark of the first line is never
    # closed on it; the closing-like marks further on ("Joneses'", "burned.'") are not its end: no
    # quotation (as with blank lines between the paragraphs), the other rows as they were
    for sep in ("\n", "\n\n"):
        text = sep.join(["Tom Reid said: 'We will rebuild the town.",
                         "The council met on Monday. The Joneses' house burned.' Then it rained.",
                         "Officials said the budget would pass."])
        assert quote_spans(text) == []
        assert _quotes(text) == [
            ("d0", "'We will rebuild the town", "Tom Reid", "name", "person:tom_reid", "say", "reported"),
            ("d0", "the budget would pass", "Officials", "nominal", None, "say", "reported")]


def test_a_line_that_opens_with_a_mark_still_continues_a_single_quotation():
    text = "Tom Reid said: 'We will rebuild the town.\n'We will not leave.'\nThe council met on Monday."
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will rebuild the town.", "We will not leave."]
    # (one paragraph: two rows, the second continuing the speaker, as two quotations of a paragraph do)
    assert [(r[1], r[2], r[6]) for r in _quotes(text)] == [
        ("We will rebuild the town.", "Tom Reid", "direct"), ("We will not leave.", "Tom Reid", "direct")]
