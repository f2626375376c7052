"""Scraped-article parsing: the seed, and the rules on variations written here (analysis.corpus.article)."""

from __future__ import annotations

import pytest

import analysis as wb
from analysis.corpus import looks_like_article, parse_article
from analysis.corpus.article import is_chrome_line, parse_tag_line

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")

SEED_TITLE = "Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive"
SEED_PARAGRAPHS = [
        "Amid escalating tensions between Israel and the US, Netanyahu asserts Israel's readiness to act independently in the face of Biden's warning against supplying weapons for a potential Gaza incursion. The rift deepens as negotiations for a ceasefire falter, with Netanyahu's ministers criticizing Biden's stance. Despite US opposition, Israel considers a military operation in Rafah, prompting Netanyahu to emphasize Israel's determination. Meanwhile, Palestinians report intermittent shelling from Israel's operation, exacerbating the humanitarian crisis in Rafah.",
        'In a defiant message, Israeli Prime Minister Benjamin Netanyahu has declared that Israel will "stand alone" if necessary, following warnings from U.S. President Joe Biden that the United States would not supply weapons for a potential invasion of Rafah in the Gaza Strip.',
        "As negotiations for a hostage deal and ceasefire appeared to falter, the rift between Israel and its most important ally deepened, with several of Netanyahu's ministers criticizing the U.S. president's stance.",
        'On Thursday evening, Netanyahu posted a video in which he appeared to rebuff Biden\'s warning, stating, "If we have to stand alone, we will stand alone." He added, "I already said that if we have to, we will fight with our fingernails. But we have much more than fingernails, and with the same greatness of mind, God willing, together we will win."',
        "Netanyahu's combative message, without directly mentioning the United States, came a day after Biden said the U.S., Israel's largest arms supplier, would not provide weaponry for a full-scale offensive in Rafah, where more than 1 million Palestinians have fled.",
        'Earlier on Thursday, national security minister Itamar Ben-Gvir wrote on the social media platform X that "Hamas ♥️ Biden," while finance minister Bezalel Smotrich said the military operation "must continue . . . until victory, despite, and to a certain extent precisely because of, the opposition of the Biden administration and stopping of arms shipments."',
        'U.S. National Security Council spokesman John Kirby announced that CIA director Bill Burns was returning to the U.S. after ceasefire and hostage talks in the region again failed to produce a breakthrough.',
        "House Democrats have urged Biden to leverage Israel's reliance on U.S. military assistance to shape its offensive in Gaza to help protect Palestinian civilians. However, Israel has maintained that any U.S. block on weapons shipments will provide little obstacle to its operations for the time being.",
        "Meanwhile, Palestinians have reported intermittent shelling from Israel's operation in eastern Rafah, where conditions remain dire and have worsened since Israeli troops took control of the Rafah border crossing with Egypt, cutting off a major conduit for humanitarian aid.",
        "The U.S. has opposed Israel's plans for an assault on Rafah, hoping instead to help broker a deal with Hamas to free hostages held in Gaza and reach a ceasefire lasting at least six weeks.",
        'Why It Matters:',
        'The escalating tensions between Israel and the United States, its closest ally, over the potential Rafah offensive in Gaza have significant regional and global implications. The disagreement over weapons supplies and the potential humanitarian crisis in Rafah could further destabilize the already volatile situation in the Middle East.',
        'Key Takeaways:',
        '• Israel has vowed to "stand alone" if necessary in a potential invasion of Rafah, defying U.S. warnings against a full-scale offensive.',
        '• Negotiations for a hostage deal and ceasefire between Israel and Hamas appear to be faltering.',
        "• The U.S. has opposed Israel's plans for an assault on Rafah, fearing it could strengthen Hamas's position in negotiations.",
        "• The rift between Israel and the U.S. has deepened, with Israeli ministers criticizing the Biden administration's stance.",
        '• The situation in Rafah remains dire, with intermittent shelling and worsening humanitarian conditions.',
]


def test_seed_parses_to_exact_fields(seed_path):
    fields = parse_article(seed_path.read_text(encoding="utf-8"))
    assert fields["title"] == SEED_TITLE
    assert fields["author"] == "Trim Correspondents"
    assert fields["tags"] == ["Biden", "Israel"]
    assert fields["subtitle"] == "Tensions Escalate as Israel Vows to 'Stand Alone' on Gaza Offensive"
    assert fields["standfirst"] == SEED_PARAGRAPHS[0]
    assert fields["published"] is None
    assert fields["text"].split("\n\n") == SEED_PARAGRAPHS


def test_load_seeds_folder_gives_one_document(repo_dir):
    docs = wb.load_corpus(repo_dir / "seeds")
    assert len(docs) == 1
    doc = docs.iloc[0]
    assert doc["title"] == SEED_TITLE
    assert doc["author"] == "Trim Correspondents"
    assert doc["tags"] == ["Biden", "Israel"]
    assert doc["standfirst"] == SEED_PARAGRAPHS[0]
    paragraphs = doc["text"].split("\n\n")
    assert paragraphs == SEED_PARAGRAPHS
    assert paragraphs[10] == "Why It Matters:" and paragraphs[12] == "Key Takeaways:"
    assert len(paragraphs[13:]) == 5 and all(p.startswith("• ") for p in paragraphs[13:])
    for chrome in ("author-image", "New Update", "netanyahu\n", "Tensions Escalate", "@Biden", "Trim Correspondents"):
        assert chrome not in doc["text"]
    assert not any(line.strip() == "netanyahu" for line in doc["text"].split("\n"))
    assert doc["source"] == (repo_dir / "seeds" / "000_f73c93858b36e7c9.txt").as_posix()
    assert docs.attrs["load_report"] == []


BY_JANE_CRLF = (
    "Gaza Talks Stall Again\r\n\r\n"
    "Negotiators left Cairo without a deal on Thursday.\r\n\r\n"
    "By Jane Doe\r\nShare\r\nAdvertisement\r\n\r\n"
    "The talks will resume next week, officials said.\r\n\r\n"
    "Key Takeaways:\r\n- Aid depends on a truce.\r\n- Hostages remain in Gaza.\r\n"
)


def test_by_byline_other_chrome_crlf_dash_bullets_no_tag_line():
    fields = parse_article(BY_JANE_CRLF)
    assert fields == {
        "title": "Gaza Talks Stall Again",
        "text": "Negotiators left Cairo without a deal on Thursday.\n\n"
        "The talks will resume next week, officials said.\n\n"
        "Key Takeaways:\n\n• Aid depends on a truce.\n\n• Hostages remain in Gaza.",
        "standfirst": "Negotiators left Cairo without a deal on Thursday.",
        "subtitle": None,
        "author": "Jane Doe",
        "published": None,
        "tags": [],
    }


def test_no_byline_slug_and_single_tag():
    text = (
        "Gaza Talks Stall Again\n\nNegotiators left Cairo without a deal on Thursday.\n\n"
        "author-image\nNew Update\ngaza_talks-2024\n\nThe talks will resume next week, officials said.\n@Gaza"
    )
    fields = parse_article(text)
    assert fields["author"] is None
    assert fields["tags"] == ["Gaza"]
    assert fields["subtitle"] is None
    assert fields["text"] == (
        "Negotiators left Cairo without a deal on Thursday.\n\nThe talks will resume next week, officials said."
    )


def test_extra_blank_lines_between_chrome_lines_and_resembling_second_headline():
    text = (
        "Gaza Talks Stall Again\n\n\n\nNegotiators left Cairo without a deal.\n\n\n"
        "author-image\n\nJane Doe\n\n\nRead more\n\n"
        "Gaza talks stall as negotiators leave Cairo\n\n\n\n"
        "The talks will resume next week.\n\n\n\nWhy It Matters:\n\n\nA truce matters.\n\n\n@Gaza, Middle East\n\n"
    )
    fields = parse_article(text)
    assert fields["author"] == "Jane Doe"
    assert fields["subtitle"] == "Gaza talks stall as negotiators leave Cairo"
    assert fields["tags"] == ["Gaza", "Middle East"]
    assert fields["text"].split("\n\n") == [
        "Negotiators left Cairo without a deal.",
        "The talks will resume next week.",
        "Why It Matters:",
        "A truce matters.",
    ]


def test_byline_right_under_headline_no_standfirst_date_line():
    text = "Headline Here Today\nBy Jane Doe and John Roe\nPublished: May 9, 2024\n\nBody paragraph one.\n\nBody two."
    fields = parse_article(text)
    assert fields["standfirst"] is None
    assert fields["author"] == "Jane Doe and John Roe"
    assert fields["published"] == "May 9, 2024"
    assert fields["text"] == "Body paragraph one.\n\nBody two."


def test_updated_date_line_is_chrome_but_not_published():
    fields = parse_article("Headline Here Today\n\nLede sentence.\n\nShare\nUpdated: 10 May 2024 09:00\n\nBody.")
    assert fields["published"] is None
    assert fields["text"] == "Lede sentence.\n\nBody."


def test_no_sections_no_chrome_tag_line_only():
    fields = parse_article("Headline Here Today\n\nFirst paragraph.\nWrapped line.\n\nSecond paragraph.\n@Politics")
    assert fields["standfirst"] is None  # no chrome block, no standfirst
    assert fields["author"] is None
    assert fields["tags"] == ["Politics"]
    assert fields["text"] == "First paragraph. Wrapped line.\n\nSecond paragraph."


def test_title_case_line_after_chrome_is_subtitle_but_sentence_is_not():
    chrome = "Headline About Markets\n\nLede sentence.\n\nauthor-image\nJane Doe\n\n"
    assert parse_article(chrome + "Stocks Rally After Central Bank Decision\n\nBody.")["subtitle"] == (
        "Stocks Rally After Central Bank Decision"
    )
    fields = parse_article(chrome + "Stocks rallied after the decision.\n\nBody.")
    assert fields["subtitle"] is None
    assert fields["text"] == "Lede sentence.\n\nStocks rallied after the decision.\n\nBody."


def test_chrome_tokens_dropped_anywhere_but_words_inside_sentences_kept():
    fields = parse_article(
        "Headline Here Today\n\nLede.\n\nShare\n\nOne.\n\nAdvertisement\n\nTwo: share the advertisement.\n\nREAD MORE"
    )
    assert fields["text"] == "Lede.\n\nOne.\n\nTwo: share the advertisement."


def test_heading_and_star_bullets_in_one_block():
    text = "Headline Here Today\n\nLede.\n\nShare\n\nWhat Comes Next:\n* First item\n  continues here\n* Second"
    fields = parse_article(text)
    assert fields["text"].split("\n\n") == ["Lede.", "What Comes Next:", "• First item continues here", "• Second"]


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("@Biden Israel", ["Biden", "Israel"]),
        ("@Joe Biden, Israel", ["Joe Biden", "Israel"]),
        ("@Biden #Israel @Biden", ["Biden", "Israel"]),
        ("Tags: Foreign Policy; Israel", ["Foreign Policy", "Israel"]),
        ("Keywords: a, b", ["a", "b"]),
        ("@jane: thanks.", None),
        ("Contact us at press@example.com", None),
    ],
)
def test_parse_tag_line(line, tags):
    assert parse_tag_line(line) == tags


@pytest.mark.parametrize(
    ("line", "expected"),
    [("author-image", True), ("New  Update", True), ("share", True), ("Read more:", True), ("Share this plan", False)],
)
def test_is_chrome_line(line, expected):
    assert is_chrome_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BY_JANE_CRLF, True),
        ("Title\n\nBody.\n@Tag", True),
        ("Title\n\nLede.\n\nadvertisement\n\nBody.", True),
        ("Notes on the meeting\n\nWe met on Monday.\n\nBy the end of the day, nothing was agreed.\n", False),
        ("Title\n\nOne.\n\nTwo.\n\nThree.\n\nShare", False),  # chrome only deep in the body
        ("", False),
    ],
)
def test_looks_like_article(text, expected):
    assert looks_like_article(text) is expected


def test_empty_text_gives_empty_fields():
    assert parse_article("\n\n") == {
        "title": "", "text": "", "standfirst": None, "subtitle": None, "author": None, "published": None, "tags": []
    }


def test_byline_author_leaves_out_a_role_after_the_name_and_a_header_byline_gives_the_name(tmp_path):
    import analysis as wb
    from analysis.corpus.article import BYLINE_ROLE_WORDS, byline_author

    assert {"writer", "correspondent", "editor"} <= BYLINE_ROLE_WORDS
    assert [byline_author(v) for v in ("By Tom Avery, Chief Sports Writer", "By Ann Lee - Political Editor",
                                       "By Jane Doe, John Roe", "By Jane Doe", "Avery, Tom")] == [
        "Tom Avery", "Ann Lee", "Jane Doe, John Roe", "Jane Doe", None]
    (tmp_path / "a.txt").write_text("Title: Reds sack manager\nByline: By Tom Avery, Chief Sports Writer\n\n"
                                    "Harlow Athletic sacked their manager on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title: Reds appoint coach\nAuthor: Avery, Tom\n\n"
                                    "Harlow Athletic appointed a coach on Friday.\n", encoding="utf-8")
    assert wb.load_corpus(tmp_path).author.tolist() == ["Tom Avery", "Avery, Tom"]
