"""One actor across a corpus (analysis.profiles): the profile's tables and card on a two-article corpus
with hand-counted mentions, quotes and tone, and keep_top."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError
from analysis.profiles import ActorProfile, actor_profile, keep_top, most_mentioned_actor

LEXICON = {"actors": [
    {"id": "biden", "name": "Joe Biden", "type": "person", "aliases": ["Biden", "Joe Biden"]},
    {"id": "netanyahu", "name": "Benjamin Netanyahu", "type": "person", "aliases": ["Netanyahu", "Benjamin Netanyahu"]},
    {"id": "hamas", "name": "Hamas", "type": "group", "aliases": ["Hamas"]},
]}


@pytest.fixture(scope="module")
def result() -> wb.Analysis:
    """Article a (8 May): Biden named in the headline and in sentences 1-3, "He" in sentence 4; quoted
    directly (2) and in reported speech (3); sentence 1 is the only one with a tone ("terrible": -1.0).
    Article b (10 May): Biden named once, with Netanyahu, in sentence 2."""
    documents = pd.DataFrame({
        "doc_id": ["a", "b"],
        "title": ["President Joe Biden meets Netanyahu", "Hamas talks"],
        "text": ["President Joe Biden warned Benjamin Netanyahu about a terrible crisis in Rafah. "
                 "\"We will not send weapons,\" Biden said. Biden said that the talks would go on. "
                 "He left for Washington.",
                 "Hamas officials met in Cairo. Netanyahu said Israel will stand alone against Biden."],
        "published": pd.to_datetime(["2024-05-08", "2024-05-10"], utc=True),
    })
    return wb.analyze(documents, actors=LEXICON, actor_tone_method="sentence")


def test_actor_profile_card_counts_what_was_hand_counted(result):
    profile = actor_profile(result, actor_id="biden")
    assert isinstance(profile, ActorProfile) and profile.actor_id == "biden"
    assert profile.card.set_index("field")["value"].to_dict() == {
        "lexicon entry": "biden (person)",  # not the name again: the name is the report's title
        "names counted": "Biden, Joe Biden",
        "mentions": "5",                 # a: headline, 1, 2, 3; b: 2
        "pronoun mentions": "1",         # a: "He left for Washington."
        "documents": "2",
        "quoted directly": "1",
        "quoted (reported)": "1",
        "mean polarity, every sentence naming it or a pronoun for it (its quotations too)": "-0.167 (n=6)",  # the four below and a2 0, a3 0 (by him)
        "mean polarity, sentences about it (not its quotations)": "-0.250 (n=4)",  # a0 0, a1 -1, a4 0, b2 0 (a2, a3 are by him)
        "first day": "2024-05-08",
        "last day": "2024-05-10",
    }


def test_actor_profile_card_names_the_lexicon_group_and_cuts_long_alias_lists(result):
    lexicon = {"actors": [{"id": "biden", "name": "Joe Biden", "type": "person", "group": "United States",
                           "aliases": ["Biden", "Joe Biden", "B1", "B2", "B3", "B4", "B5", "B6", "B7"],
                           "titles": ["president"]}]}
    card = actor_profile(wb.analyze(result.documents, actors=lexicon), actor_id="biden").card.set_index("field")
    assert card.loc["lexicon entry", "value"] == "biden (person, group United States)"
    assert card.loc["names counted", "value"] == "Biden, Joe Biden, B1, B2, B3, B4, B5, B6 and 2 more"
    assert "Joe Biden" not in card["value"].iloc[0]


def test_actor_profile_card_gives_the_target_aware_tone_of_the_default_analysis(result):
    """The default analysis scores actor tone with the target model (no polarity column): the card shows
    its mean target_polarity over the sentences about the actor, never 'n/a'."""
    target = wb.analyze(result.documents, actors=LEXICON)
    card = actor_profile(target, actor_id="biden").card.set_index("field")["value"]
    about = target.actor_tone.query("actor_id == 'biden' and stance == 'about'")["target_polarity"]
    assert len(about) == 4
    assert card["mean tone toward it (target-aware), sentences about it (not its quotations)"] == f"{about.mean():+.3f} (n=4)"
    assert "mean polarity, sentences about it (not its quotations)" not in card


def test_actor_profile_tables_are_the_actors_rows(result):
    profile = actor_profile(result, actor_id="biden")
    assert list(zip(profile.mentions["doc_id"], profile.mentions["sentence_id"], profile.mentions["via"])) == [
        ("a", 0, "alias"), ("a", 1, "alias"), ("a", 2, "alias"), ("a", 3, "alias"), ("a", 4, "pronoun"),
        ("b", 2, "alias")]
    assert profile.quotes[["sentence_id", "kind", "quote"]].values.tolist() == [
        [2, "direct", "We will not send weapons"], [3, "reported", "the talks would go on"]]
    assert profile.actor_tone["stance"].tolist() == ["about", "about", "by", "by", "about", "about"]
    assert profile.actor_tone["polarity"].tolist() == [0.0, -1.0, 0.0, 0.0, 0.0, 0.0]
    # articles naming both (the corpus report's network): a and b
    assert profile.partners[["actor_a", "actor_b", "count"]].values.tolist() == [["biden", "netanyahu", 2], ["biden", "hamas", 1]]
    assert set(profile.frames["actor_id"]) <= {"biden"}
    everyone = wb.actor_frames(result.mentions, result.frames)
    pd.testing.assert_frame_equal(profile.frames, everyone[everyone["actor_id"] == "biden"].reset_index(drop=True))
    assert all(table.index.tolist() == list(range(len(table)))
               for table in (profile.mentions, profile.quotes, profile.actor_tone, profile.partners, profile.frames))


def test_actor_profile_of_an_actor_never_mentioned_names_the_most_mentioned(result):
    # everyone the entity layer found, lexicon actors under their lexicon id, most mentioned first
    with pytest.raises(InputError, match=r"actor_id 'obama' is not mentioned in this corpus; the most mentioned "
                                         r"are: Joe Biden \(biden\), Benjamin Netanyahu \(netanyahu\), "
                                         r".*Pass an id of the actor lexicon, or a name or entity id from this list"):
        actor_profile(result, actor_id="obama")


def test_actor_profile_of_no_actor_id_is_the_most_mentioned(result):
    # Biden: named 5 times (headline, sentences 1-3 of a, sentence 2 of b), Netanyahu 3, Hamas 1
    assert most_mentioned_actor(result) == "biden"
    profile = actor_profile(result)
    assert (profile.actor_id, profile.most_mentioned, profile.title) == (
        "biden", True, "Joe Biden, the most mentioned actor")
    assert profile.card.equals(actor_profile(result, actor_id="biden").card)
    assert actor_profile(result, actor_id=" ").actor_id == "biden"  # empty text (-p actor_id=) is None
    named = actor_profile(result, actor_id="netanyahu")
    assert (named.most_mentioned, named.title) == (False, "Benjamin Netanyahu")


def test_actor_profile_of_documents_without_dates_says_the_corpus_has_none(result):
    # documents with no published column (a DataFrame of one's own, a saved analysis of one) once
    # raised KeyError: 'published'
    undated = wb.analyze(result.documents.drop(columns=["published"]), actors=LEXICON, actor_tone_method="sentence")
    card = dict(zip(*actor_profile(undated, actor_id="biden").card[["field", "value"]].T.values))
    assert card["first day"] == card["last day"] == "n/a (no dates in this corpus)"
    assert card["mentions"] == "5"
    partly = wb.analyze(result.documents.assign(published=[result.documents["published"].iloc[0], pd.NaT]),
                        actors=LEXICON, actor_tone_method="sentence")
    card = dict(zip(*actor_profile(partly, actor_id="hamas").card[["field", "value"]].T.values))
    assert card["first day"] == card["last day"] == "n/a (its articles have no date)"  # Hamas: article b only


def test_actor_profile_colours_every_actor_as_the_corpus_report_does(result):
    # the actor profile coloured its actor and partners by id order, unlike the corpus report
    from analysis.charts import PALETTE
    from analysis.tables import entity_tables, report_colors

    corpus = report_colors(entity_tables(result)[0])
    for actor_id in (None, "biden", "hamas"):
        profile = actor_profile(result, actor_id=actor_id)
        shown = [profile.actor_id, *profile.partners["partner_id"]]
        assert {k: profile.colors[k] for k in shown if k in corpus} == {k: corpus[k] for k in shown if k in corpus}
        # a lexicon actor the entity layer does not find (Hamas here) still gets a colour, after the corpus' own
        assert all(profile.colors[k] in PALETTE[len(corpus):] for k in shown if k not in corpus), actor_id
    assert "hamas" not in corpus and "biden" in corpus
    assert actor_profile(result).colors[most_mentioned_actor(result)] == PALETTE[0], "the default actor: the first colour"


def test_most_mentioned_actor_counts_entities_and_breaks_ties_by_name():
    # no lexicon actor: entities count; Tom Reyes and Ann Lee are named twice each ("he" is no mention)
    day = pd.to_datetime(["2024-05-08"], utc=True)
    tied = wb.analyze(pd.DataFrame({"doc_id": ["a"], "title": [""], "published": day, "text": [
        "Tom Reyes met Ann Lee in Harlow. Reyes said he was glad. Lee agreed."]}), actors={"actors": []})
    assert most_mentioned_actor(tied) == "person:ann_lee"
    assert actor_profile(tied).title == "Ann Lee, the most mentioned actor"
    nobody = wb.analyze(pd.DataFrame({"doc_id": ["a"], "title": [""], "published": day, "text": ["it rained all day."]}))
    with pytest.raises(InputError, match=r"^actor_id=None profiles the most mentioned actor, but this corpus "
                                         r"names no one; pass an actor_id of the actor lexicon\.$"):
        actor_profile(nobody)


def test_findings_colours_and_the_default_actor_agree_on_a_tie():
    # Tom Reyes and Ann Lee are named twice each; Reyes is also "he". The report's colours ranked Reyes first
    # (more rows, pronouns counted) while the actor profile chose Ann Lee (by name): one ranking now serves all
    from analysis.charts import PALETTE
    from analysis.tables import entity_tables, report_colors

    day = pd.to_datetime(["2024-05-08"], utc=True)
    tied = wb.analyze(pd.DataFrame({"doc_id": ["a"], "title": [""], "published": day, "text": [
        "Tom Reyes met Ann Lee in Harlow. Reyes said he was glad. Lee agreed."]}), actors={"actors": []})
    mentions = entity_tables(tied)[0]
    assert (mentions["via"] == "pronoun").sum() == 1  # "he": Tom Reyes
    assert wb.findings(tied, mentions=mentions).table["finding"].iloc[0] == (
        "Ann Lee and Tom Reyes are mentioned most, 2 times each; then Harlow (1).")
    assert list(report_colors(mentions)) == ["person:ann_lee", "person:tom_reyes", "place:harlow"]
    assert most_mentioned_actor(tied) == "person:ann_lee"
    assert actor_profile(tied).colors["person:ann_lee"] == PALETTE[0]


@pytest.fixture(scope="module")
def unlisted() -> wb.Analysis:
    """Two articles about a mayor no lexicon lists (the default lexicon: Israel-Gaza actors). Dana Price:
    named in a's headline and sentences 1-2 ("Price"), "She" in sentence 3; in b's sentences 1-2;
    quoted directly once (a, 2); named with Omar Haddad in b's sentence 1 and with Harlow in a's 1."""
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "title": ["Dana Price wins the vote", "Council row"],
        "text": ["Mayor Dana Price thanked voters in Harlow. \"We did it,\" Price said. She met Omar Haddad later.",
                 "Omar Haddad criticised Dana Price. Price did not respond."],
        "published": pd.to_datetime(["2024-05-08", "2024-05-10"], utc=True),
    })
    return wb.analyze(documents, actor_tone_method="sentence")


def test_actor_profile_of_anyone_the_lexicon_does_not_list_by_name_or_entity_id(unlisted):
    assert unlisted.mentions.empty  # the lexicon finds nobody: the profile comes from the entity layer
    profile = actor_profile(unlisted, actor_id=" dana  PRICE ")  # the name as the reports show it, any case
    assert (profile.actor_id, profile.name) == ("person:dana_price", "Dana Price")
    card = profile.card.set_index("field")["value"].to_dict()
    assert {k: card[k] for k in ("lexicon entry", "names counted", "mentions", "pronoun mentions", "documents",
                                 "quoted directly", "quoted (reported)", "first day", "last day")} == {
        "lexicon entry": "found in the text (not in the lexicon): person, id person:dana_price", "names counted": "Dana Price, Price",
        "mentions": "5", "pronoun mentions": "1", "documents": "2", "quoted directly": "1",
        "quoted (reported)": "0", "first day": "2024-05-08", "last day": "2024-05-10"}
    assert profile.quotes[["speaker_id", "speaker", "kind", "quote"]].values.tolist() == [
        ["person:dana_price", "Dana Price", "direct", "We did it"]]
    assert sorted(profile.partners["partner"]) == ["Harlow", "Omar Haddad"]
    assert profile.methods == ("sentences", "entities", "quotes", "tone", "frames")
    assert "not counted" not in wb.methods_text(profile.methods)
    assert actor_profile(unlisted, actor_id="price").card.equals(profile.card)  # a form as written
    # the corpus report's tone chart (actor_tone_by of the entity tables) shows the same mean and n
    shown = wb.actor_tone_by(wb.tables.entity_tables(unlisted)[2]).set_index("actor_id").loc["person:dana_price"]
    assert card["mean polarity, every sentence naming it or a pronoun for it (its quotations too)"] == f"{shown['mean_polarity']:+.3f} (n=6)"
    assert shown["n_sentences"] == 6
    assert profile.names == {"person:dana_price": "Dana Price", "person:omar_haddad": "Omar Haddad",
                             "place:harlow": "Harlow"}
    assert set(profile.actor_tone["actor_id"]) == {"person:dana_price"} and len(profile.actor_tone) == 6
    assert actor_profile(unlisted, actor_id="person:dana_price").card.equals(profile.card)  # the entity id


def test_actor_profile_of_a_name_two_keys_share_names_their_ids():
    from analysis.profiles import _entity_key
    named = pd.DataFrame({"actor_id": ["person:jordan", "jordan", "jordan", "place:amman"],
                          "actor": ["Jordan", "jordan", "Jordan", "Amman"], "via": ["alias"] * 4})
    with pytest.raises(InputError, match=r"actor_id 'Jordan' names 2 entities: Jordan \(jordan\), Jordan "
                                         r"\(person:jordan\); pass one of these names or ids"):
        _entity_key(named, actor_id="Jordan")
    assert _entity_key(named, actor_id="person:jordan") == "person:jordan"  # an id is never a name
    assert _entity_key(named, actor_id="AMMAN") == "place:amman"


def test_a_bare_surname_of_two_people_names_both_even_when_only_one_was_written_so():
    """rt11: "Vasquez" resolved silently to Helen Vasquez (the text wrote the bare surname of her only),
    though Robert Vasquez is in the corpus too."""
    from analysis.profiles import _entity_key
    named = pd.DataFrame({"actor_id": ["person:helen_vasquez"] * 3 + ["person:robert_vasquez", "person:daniel_osei"],
                          "actor": ["Helen Vasquez"] * 3 + ["Robert Vasquez", "Daniel Osei"],
                          "alias": ["Helen Vasquez", "Vasquez", "Vasquez", "Robert Vasquez", "Osei"],
                          "via": ["alias"] * 5, "doc_id": "a"})
    with pytest.raises(InputError, match=r"^actor_id 'Vasquez' names 2 entities: Helen Vasquez \(person:helen_vasquez\), "
                                         r"Robert Vasquez \(person:robert_vasquez\); pass one of these names or ids"):
        _entity_key(named, actor_id="Vasquez")
    assert _entity_key(named, actor_id="helen vasquez") == "person:helen_vasquez"
    assert _entity_key(named, actor_id="Osei") == "person:daniel_osei"
    with pytest.raises(InputError, match=r"actor_id 'asquez' is not mentioned in this corpus"):
        _entity_key(named, actor_id="asquez")


def test_actor_profile_accepts_any_form_of_one_entity_and_names_the_candidates_of_a_shared_one():
    from analysis.profiles import _entity_key
    named = pd.DataFrame({"actor_id": ["person:miriam_okafor", "person:miriam_okafor", "person:ann_lee",
                                       "person:tom_lee", "person:miriam_okafor"],
                          "actor": ["Miriam Okafor", "Miriam Okafor", "Ann Lee", "Tom Lee", "Miriam Okafor"],
                          "alias": ["Miriam Okafor", "Okafor", "Lee", "Lee", "she"],
                          "via": ["alias", "alias", "alias", "alias", "pronoun"], "doc_id": "a"})
    assert _entity_key(named, actor_id="okafor") == "person:miriam_okafor"
    with pytest.raises(InputError, match=r"actor_id 'Lee' names 2 entities: Ann Lee \(person:ann_lee\), "
                                         r"Tom Lee \(person:tom_lee\); pass one of these names or ids"):
        _entity_key(named, actor_id="Lee")
    with pytest.raises(InputError, match="'she' is not mentioned"):  # a pronoun is no name
        _entity_key(named, actor_id="she")



def test_actor_profile_takes_a_name_written_with_its_title():
    # red team: actor_id="Dr. Amara Okafor", as the text writes her, was refused as "not mentioned"
    from analysis.profiles import _entity_key
    named = pd.DataFrame({"actor_id": ["person:amara_okafor", "person:mo_lee"], "actor": ["Amara Okafor", "Mo Lee"],
                          "alias": ["Amara Okafor", "Mo Lee"], "via": ["alias", "alias"], "doc_id": "a"})
    assert _entity_key(named, actor_id="Dr. Amara Okafor") == "person:amara_okafor"
    assert _entity_key(named, actor_id="Dr Amara Okafor") == "person:amara_okafor"
    assert _entity_key(named, actor_id="Chief Executive Mo Lee") == "person:mo_lee"
    with pytest.raises(InputError, match=r"^actor_id 'Dr. Ann Cole' is not mentioned in this corpus"):
        _entity_key(named, actor_id="Dr. Ann Cole")


def test_keep_top_keeps_the_rows_of_the_largest_totals_in_table_order():
    table = pd.DataFrame({"actor_id": ["a", "b", "c", "a", "d", "c"], "mentions": [1, 4, 2, 2, 3, 2]})
    # totals: a 3, b 4, c 4, d 3 -> top 2: b and c (b first seen); a and d tie at 3: a was seen first
    assert keep_top(table, n=2).index.tolist() == [1, 2, 5]
    assert keep_top(table, n=3)["actor_id"].tolist() == ["a", "b", "c", "a", "c"]
    assert keep_top(table, n=10).equals(table)
    other = pd.DataFrame({"frame_id": ["x", "y", "x"], "n_mentions": [1, 5, 1]})
    assert keep_top(other, n=1, by="frame_id", weight="n_mentions")["frame_id"].tolist() == ["y"]
    assert wb.tables.keep_top is keep_top


def test_actor_profile_names_the_actor_and_each_partner_for_a_reader(result):
    profile = actor_profile(result, actor_id="netanyahu")
    assert profile.name == "Benjamin Netanyahu"
    assert profile.partners[["actor_a", "actor_b", "partner_id", "partner"]].values.tolist() == [
        ["biden", "netanyahu", "biden", "Joe Biden"], ["hamas", "netanyahu", "hamas", "Hamas"]]
    shown = wb.show_table(profile.partners, columns={"partner": "appears with", "count": "articles together",
                                                     "pmi": "PMI", "jaccard": "Jaccard"}, title=profile.name)
    page = shown.to_html()
    assert page.startswith('<h2 class="wb-title">Benjamin Netanyahu</h2>')
    assert "<td>Joe Biden</td>" in page.replace(' class="short"', "") and "netanyahu" not in page
    assert f'<td class="num">{profile.partners["jaccard"].iloc[1]:,.2f}</td>' in page  # 2 decimals, not 16


def test_entity_tables_key_everyone_as_the_corpus_report_does(unlisted):
    from analysis.tables import entity_tables
    mentions, quotes, tone = entity_tables(unlisted)
    assert mentions["actor_id"].value_counts().to_dict() == {
        "person:dana_price": 6, "person:omar_haddad": 2, "place:harlow": 1}
    assert quotes[["speaker_id", "speaker"]].values.tolist() == [["person:dana_price", "Dana Price"]]
    # one tone row per mention, scored as the analysis' own actor tone was (here the sentence's polarity),
    # but none toward a place the lexicon does not name (a user's brief gave "the most negative sentence about
    # Millfield Road")
    assert tone["actor_id"].value_counts().to_dict() == {"person:dana_price": 6, "person:omar_haddad": 2}
    assert "target_polarity" not in tone.columns


def test_no_tone_toward_a_storm_or_a_law_the_lexicon_does_not_name():
    # rux18 M7: a report's finding read "The most negative sentence about Hurricane Michael: tone -1.00 toward
    # Hurricane Michael"; a storm destroying homes is no coverage of the storm. Things (type other) and places
    # the lexicon does not name get no actor tone; the person does.
    from analysis.tables import entity_tables
    documents = pd.DataFrame({"doc_id": ["a"], "title": ["Storm hits coast"], "text": [
        "Hurricane Michael destroyed hundreds of homes in Panama City. Governor Rick Scott praised the brave "
        "crews. The Green New Deal was attacked by critics as a terrible plan."]})
    result = wb.analyze(documents, actors={"actors": []})
    assert result.entity_table.set_index("entity_id")["type"].to_dict() == {
        "other:hurricane_michael": "other", "place:panama_city": "place", "person:rick_scott": "person",
        "other:green_new_deal": "other"}
    tone = entity_tables(result)[2]
    assert tone["actor_id"].tolist() == ["person:rick_scott"]
    assert tone["label"].tolist() == ["positive"]


def test_a_short_form_that_same_as_links_is_one_entity_in_the_coverage_warning_and_a_name_counted():
    # rt11: "Kessler" alone in one article, linked to Martin Kessler by same_as, was counted as a person of
    # its own in "The actor lexicon names 0 of the N people ...", and left out of his "names counted"
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""],
                              "text": ["Mayor Dana Price thanked voters. Omar Haddad agreed.",
                                       "Price said the count was fair."]})
    result = wb.analyze(documents)
    assert result.entity_table.set_index("entity_id")["same_as"].dropna().to_dict() == {
        "person:price": "person:dana_price"}
    warning = wb.findings(result, entity_table=result.entity_table).warning
    assert warning.startswith("The actor lexicon names 0 of the 2 people and organisations found in this corpus "
                              "(e.g. not Dana Price and Omar Haddad).")
    card = actor_profile(result, actor_id="Dana Price").card.set_index("field")["value"].to_dict()
    assert (card["names counted"], card["mentions"]) == ("Dana Price, Price", "2")
