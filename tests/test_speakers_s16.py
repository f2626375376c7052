"""Speaker errors a red team met on a wildfire corpus (session 16, rt16 findings 8 and 21): "the utility
said" among other organisations, a headline quotation whose speaker the text names, and unnamed sources
listed beside named people in a report's findings. Each rule on small inline texts of our own with exact,
hand-checked rows; each test fails on the code before its rule."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb

from entity_rows import NONE, docs, quote_rows, rows


def test_the_utility_insurer_or_agency_links_to_the_one_organisation_the_text_types_so():
    # rt16 F8: "Pacific Ridge Power (PRP) ... The utility had warned customers" never counted for the
    # utility once another organisation (Cal Fire, the National Weather Service) was named anywhere before:
    # a generic noun linked only to the one organisation named before it. Now "the utility" links to the one
    # organisation whose name states a utility (organization_kinds: Electric, Power, Energy, ...) or that the
    # text calls one, however far back, while no organisation that could be one is named since
    assert quote_rows(
        # another organisation named between, of no utility's kind (a club): the utility
        "Westbrook Electric operates lines in the canyon. The Sierra Club said the blaze grew overnight. "
        "The utility said it had found a broken pole.",
        # a company named since may be a utility too: none
        "Westbrook Electric operates lines in the canyon. Acme Corp. said the blaze grew overnight. "
        "The utility said it had found a broken pole.",
        # two utilities: none
        "Westbrook Electric and Northwind Energy operate lines. The utility said it had found a broken pole.",
        # a commission whose name holds "Utilities" is no utility
        "Westbrook Electric reported a fault to the California Public Utilities Commission. "
        "The utility said it had found a broken pole.",
        # an insurer is no utility, though the only organisation named (it was linked)
        "Golden Mutual Insurance sent 40 adjusters on Monday. The utility said it had found a broken pole.",
        # typed by an apposition
        "Northwind, the utility that serves the valley, cut power on Monday. Harlow Athletic played on Sunday. "
        "The utility said it regretted the outage.",
        # "the insurer" (a new speaker noun) past "Insurance" of a title, which names no insurer
        "Golden Mutual Insurance sent adjusters. Insurance Commissioner Robert Haines spoke on Tuesday. "
        "Westbrook Electric cut power. The insurer said in a statement that it supported the moratorium.",
        # "the agency": an office is one, a utility named since is not
        "The Office of Emergency Services opened a shelter. Westbrook Electric cut power. "
        "The agency said it would stay open all week.") == [
        ("d0", "reported", "the blaze grew overnight", "Sierra Club", "name", "organization:sierra_club"),
        ("d0", "reported", "it had found a broken pole", "Westbrook Electric", "nominal",
         "organization:westbrook_electric"),
        ("d1", "reported", "the blaze grew overnight", "Acme Corp.", "name", "organization:acme_corp"),
        ("d1", "reported", "it had found a broken pole", "The utility", "nominal", None),
        ("d2", "reported", "it had found a broken pole", "The utility", "nominal", None),
        ("d3", "reported", "it had found a broken pole", "Westbrook Electric", "nominal",
         "organization:westbrook_electric"),
        ("d4", "reported", "it had found a broken pole", "The utility", "nominal", None),
        ("d5", "reported", "it regretted the outage", "Northwind", "nominal", "organization:northwind"),
        ("d6", "reported", "it supported the moratorium", "Golden Mutual Insurance", "nominal",
         "organization:golden_mutual_insurance"),
        ("d7", "reported", "it would stay open all week", "Office of Emergency Services", "nominal",
         "organization:office_of_emergency_services")]
    kinds = wb.load_cue_verbs().organization_kinds
    assert {"power", "energy", "electric"} <= kinds["utility"] and "insurance" in kinds["insurer"]
    base = {"cue_verbs": [{"lemma": "say", "forms": ["say", "said"]}]}
    assert wb.load_cue_verbs({**base, "organization_kinds": {"Utility": ["Power"]}}).organization_kinds == {
        "utility": frozenset({"power"})}
    assert wb.load_cue_verbs(base).organization_kinds == {}  # optional: none, no kind typed
    with pytest.raises(wb.LexiconError, match="field 'organization_kinds': give a mapping of organisation nouns"):
        wb.load_cue_verbs({**base, "organization_kinds": {"utility": "power"}})


def test_a_headline_quotation_takes_the_speaker_the_text_gives_its_words():
    # rt16 F21: the headline "'We just grabbed the dog and ran': Jackson families crowd high school shelter"
    # was a quotation with no speaker while the text quotes Harold Pickett saying those words
    titles = ["'We just grabbed the dog and ran': families crowd shelter",
              "'We just grabbed the dog': families flee",
              "'We will rebuild every home': town vows",
              "'We just grabbed the dog and ran': families crowd shelter"]
    texts = ['"We just grabbed the dog and ran," said Harold Pickett, 78. He lost his house.',
             'Harold Pickett said the smoke came fast. "We just grabbed the dog and ran out of the house," he said.',
             '"We will rebuild every home," Mayor Ann Vu said. "We will rebuild every home," said Tom Reyes.',
             'A sign on the door read "We just grabbed the dog and ran" in red paint.']
    q = wb.quotes(docs(*texts, titles=titles), NONE)
    head = q[q["sentence_id"] == 0]
    assert rows(head, "doc_id", "quote", "speaker", "speaker_type", "speaker_entity_id", "cue",
                "speaker_start") == [
        ("d0", "We just grabbed the dog and ran", "Harold Pickett", "name", "person:harold_pickett", None, None),
        ("d1", "We just grabbed the dog", "Harold Pickett", "pronoun", "person:harold_pickett", None, None),
        ("d2", "We will rebuild every home", None, None, None, None, None),  # two speakers say it: none
        ("d3", "We just grabbed the dog and ran", None, None, None, None, None)]  # no one says it


def _quoted_finding(text: str) -> str:
    d = pd.DataFrame({"doc_id": ["a"], "title": ["Fire"], "text": [text]})
    table = wb.findings(wb.analyze(d, actors=NONE)).table
    return table.loc[table["finding"].str.contains("quot"), "finding"].iloc[0]


def test_findings_count_unnamed_sources_apart_from_the_people_and_organisations_quoted():
    # rt16 F8: a brief's finding read "also quoted: Luis Arroyo, Priya Nandakumar and Officials (2 each)":
    # an unnamed source ranked among named people. Named speakers are ranked; unnamed ones (a nominal
    # speaker linked to no entity) counted apart, their words in lower case where only a sentence's start
    # capitalised them; a name the entity layer missed ("Caltrans", speaker_type name) stays a name
    assert _quoted_finding(
        "Ann Lee said the road was closed. Ann Lee said the school was shut. Bo Diaz said the fire was out. "
        "Officials said the town was safe. Officials said the roads would reopen. The sheriff's office said "
        "the orders were lifted.") == (
        "Ann Lee is quoted most: 2 quotations of 6 (33%); also quoted: Bo Diaz (1); 3 quotations from unnamed "
        "sources: officials (2) and the sheriff's office (1).")
    assert _quoted_finding("Officials said the road was closed. Analysts said prices would rise soon.") == (
        "No person or organisation is named as the speaker of a quotation in the article; 2 quotations from "
        "unnamed sources: analysts and officials (1 each).")
