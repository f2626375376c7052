"""Tests of analysis.text: paragraphs, headings, sentence splitting and the sentences table."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.schema import SENTENCE_COLUMNS
from analysis.text import Paragraph, heading_name, paragraphs, sentences, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# --- split_sentences: each case is an input and the exact expected sentences ---------------------

CASES: list[tuple[str, list[str]]] = [
    # titles and other prefix abbreviations (S6)
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Mrs. Jones and Ms. Lee met Mr. Brown.", ["Mrs. Jones and Ms. Lee met Mr. Brown."]),
    ("He met\xa0Mr.\xa0Smith\tand\tDr. Who.", ["He met\xa0Mr.\xa0Smith\tand\tDr. Who."]),
    (
        "Sen. Warren and Rep. Omar spoke with Gov. Newsom on Tuesday.",
        ["Sen. Warren and Rep. Omar spoke with Gov. Newsom on Tuesday."],
    ),
    (
        "Lt. Col. Mike Andrews and Capt. Jane Doe briefed Sgt. Lee.",
        ["Lt. Col. Mike Andrews and Capt. Jane Doe briefed Sgt. Lee."],
    ),
    (
        "Prof. Ada Lovelace met Gen. Mark Milley at St. Paul.",
        ["Prof. Ada Lovelace met Gen. Mark Milley at St. Paul."],
    ),
    ("He climbed Mt. Everest. Then he rested.", ["He climbed Mt. Everest.", "Then he rested."]),
    (
        "The attacks of Sept. 11 changed everything. Jan. 6 did too.",
        ["The attacks of Sept. 11 changed everything.", "Jan. 6 did too."],
    ),
    (
        "It happened on Oct. 7, 2023. Nov. 4 was quiet.",
        ["It happened on Oct. 7, 2023.", "Nov. 4 was quiet."],
    ),
    (
        "Talks began in Feb. and ended in Aug. without a deal.",
        ["Talks began in Feb. and ended in Aug. without a deal."],
    ),
    ("The Dec. 12 vote passed.", ["The Dec. 12 vote passed."]),
    ("Roe v. Wade was overturned. Protests followed.", ["Roe v. Wade was overturned.", "Protests followed."]),
    ("Compare A vs. B carefully.", ["Compare A vs. B carefully."]),
    (
        "Fruit (e.g. apples) and nuts (i.e. almonds) sell well.",
        ["Fruit (e.g. apples) and nuts (i.e. almonds) sell well."],
    ),
    ("Fruit, e.g. Apples, sells. Nuts do not.", ["Fruit, e.g. Apples, sells.", "Nuts do not."]),
    # No. before a number, the word "No." otherwise
    (
        "He ranked No. 1 in the poll. No. The answer is no.",
        ["He ranked No. 1 in the poll.", "No.", "The answer is no."],
    ),
    # suffix abbreviations and dotted acronyms: split only before a sentence starter (S7, S9)
    (
        "The U.S. President spoke. The U.K. Prime Minister listened.",
        ["The U.S. President spoke.", "The U.K. Prime Minister listened."],
    ),
    (
        "Biden said the U.S., Israel's largest arms supplier, would not provide weaponry.",
        ["Biden said the U.S., Israel's largest arms supplier, would not provide weaponry."],
    ),
    (
        "Burns was returning to the U.S. after ceasefire talks failed.",
        ["Burns was returning to the U.S. after ceasefire talks failed."],
    ),
    ("Talks stalled in the U.S. The envoy flew home.", ["Talks stalled in the U.S.", "The envoy flew home."]),
    ("Aid reached the U.S. Israel's envoy said so.", ["Aid reached the U.S. Israel's envoy said so."]),
    (
        "The U.N. Security Council met. The E.U. Commission did not.",
        ["The U.N. Security Council met.", "The E.U. Commission did not."],
    ),
    (
        "U.S. National Security Council spokesman John Kirby spoke.",
        ["U.S. National Security Council spokesman John Kirby spoke."],
    ),
    ("The U.S.-led coalition struck. Iran responded.", ["The U.S.-led coalition struck.", "Iran responded."]),
    ("Apple Inc. CEO Tim Cook spoke.", ["Apple Inc. CEO Tim Cook spoke."]),
    ("He works for Apple Inc. The company is big.", ["He works for Apple Inc.", "The company is big."]),
    ("Smith & Co. Ltd. bought it.", ["Smith & Co. Ltd. bought it."]),
    ("Smith & Co. The firm is old.", ["Smith & Co.", "The firm is old."]),
    ("Acme Corp. In a statement it apologised.", ["Acme Corp.", "In a statement it apologised."]),
    ("Apples, pears, etc. are sold here.", ["Apples, pears, etc. are sold here."]),
    ("Apples, pears, etc. The store closes at nine.", ["Apples, pears, etc.", "The store closes at nine."]),
    ("Martin Luther King Jr. Day is a holiday.", ["Martin Luther King Jr. Day is a holiday."]),
    ("They met in Washington, D.C. on Monday.", ["They met in Washington, D.C. on Monday."]),
    (
        "They met in Washington, D.C. The talks lasted hours.",
        ["They met in Washington, D.C.", "The talks lasted hours."],
    ),
    ("The Ph.D. student won. She was happy.", ["The Ph.D. student won.", "She was happy."]),
    (
        "He moved to Springfield, Ill. His family stayed.",
        ["He moved to Springfield, Ill.", "His family stayed."],
    ),
    # initials
    (
        "George W. Bush spoke. J.K. Rowling wrote. J. R. R. Tolkien died in 1973.",
        ["George W. Bush spoke.", "J.K. Rowling wrote.", "J. R. R. Tolkien died in 1973."],
    ),
    (
        "Franklin D. Roosevelt led the U.S. during the war.",
        ["Franklin D. Roosevelt led the U.S. during the war."],
    ),
    ("It began after World War I. The map changed.", ["It began after World War I.", "The map changed."]),
    ("Plan B. We had none.", ["Plan B.", "We had none."]),
    # a documented limitation: a single capital letter before a name is read as an initial
    ("He earned a B. Smith gave it.", ["He earned a B. Smith gave it."]),
    # numbers, money, percentages, times, versions
    (
        "Shares rose to $12.75 on Monday. They fell 2.5% later.",
        ["Shares rose to $12.75 on Monday.", "They fell 2.5% later."],
    ),
    (
        "The meeting starts at 2:30 p.m. The doors open early.",
        ["The meeting starts at 2:30 p.m.", "The doors open early."],
    ),
    ("The blast came at 3 a.m. Tuesday near the base.", ["The blast came at 3 a.m. Tuesday near the base."]),
    ("Install version 1.2.3 now. It fixes bugs.", ["Install version 1.2.3 now.", "It fixes bugs."]),
    (
        "The fund paid 1,000.50 dollars. Nobody complained.",
        ["The fund paid 1,000.50 dollars.", "Nobody complained."],
    ),
    ("Data rose 3.5%. Experts were surprised.", ["Data rose 3.5%.", "Experts were surprised."]),
    ("He was born in 1990. In 2020 he moved.", ["He was born in 1990.", "In 2020 he moved."]),
    ("Growth slowed in 2023. 2024 was better.", ["Growth slowed in 2023.", "2024 was better."]),
    ("The vote was 52-48. Critics called it close.", ["The vote was 52-48.", "Critics called it close."]),
    ("Pi is 3.14159 and e is 2.718.", ["Pi is 3.14159 and e is 2.718."]),
    # ellipses (S4, S5)
    (
        "The minister said it must continue . . . until victory.",
        ["The minister said it must continue . . . until victory."],
    ),
    ("It must go on . . . The end is near.", ["It must go on . . . The end is near."]),
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("He paused... and then spoke.", ["He paused... and then spoke."]),
    ("We will go to… Rafah, he said.", ["We will go to… Rafah, he said."]),
    ("It was late… The streets were empty.", ["It was late…", "The streets were empty."]),
    ("We act now. ... We have no choice.", ["We act now. ...", "We have no choice."]),
    # question and exclamation marks (S3)
    ("Is it over? Nobody knows! We will see.", ["Is it over?", "Nobody knows!", "We will see."]),
    ("This is it!!! Really?! Yes.", ["This is it!!!", "Really?!", "Yes."]),
    ('"Why?" he asked.', ['"Why?" he asked.']),
    ('He shouted "Go!" and ran.', ['He shouted "Go!" and ran.']),
    ('"Stop!" she shouted. The crowd froze.', ['"Stop!" she shouted.', "The crowd froze."]),
    # quotations: a split may happen inside a quote; closing quotes stay with their sentence (S1, S8)
    (
        'He said, "We will win. They will lose." Then he left.',
        ['He said, "We will win.', 'They will lose."', "Then he left."],
    ),
    ("She said “We won.” Then she smiled.", ["She said “We won.”", "Then she smiled."]),
    (
        "He said ‘We won.’ Then she said “So what?” and left.",
        ["He said ‘We won.’", "Then she said “So what?” and left."],
    ),
    ("He said 'no.' Then he went home.", ["He said 'no.'", "Then he went home."]),
    ('"It\'s over," he said. "We lost."', ['"It\'s over," he said.', '"We lost."']),
    ('She asked, "Are you sure?" He was.', ['She asked, "Are you sure?"', "He was."]),
    ('He wrote: "Leave now." She left.', ['He wrote: "Leave now."', "She left."]),
    ('They asked "why change?"The answer came.', ['They asked "why change?"', "The answer came."]),
    # parentheses and brackets
    ("He left (finally). Then she arrived.", ["He left (finally).", "Then she arrived."]),
    ("(He left early.) She stayed.", ["(He left early.)", "She stayed."]),
    ("The rule [see p. 4] applies. Others do not.", ["The rule [see p. 4] applies.", "Others do not."]),
    # URLs and e-mail addresses
    (
        "Visit example.com for details. Write to a@b.co today.",
        ["Visit example.com for details.", "Write to a@b.co today."],
    ),
    ("See www.x.org. Then call.", ["See www.x.org.", "Then call."]),
    (
        "Read https://news.example.org/a.b?c=1 now. Thanks.",
        ["Read https://news.example.org/a.b?c=1 now.", "Thanks."],
    ),
    # lower case after a full stop (S2), glued full stops, line breaks and paragraphs
    (
        "the sentence starts lowercase. and goes on. It ends here.",
        ["the sentence starts lowercase. and goes on.", "It ends here."],
    ),
    ("It was cold.The wind blew.", ["It was cold.The wind blew."]),
    ("One line\nwraps here. Next one.", ["One line\nwraps here.", "Next one."]),
    ("First paragraph\n\nSecond paragraph", ["First paragraph", "Second paragraph"]),
    ("  Padded text.   Spaced out.  ", ["Padded text.", "Spaced out."]),
    ("A headline without a full stop", ["A headline without a full stop"]),
    ("", []),
    ("   \n\n  ", []),
    # bullets are paragraphs of their own; the marker is not part of the sentence
    ("• One item.\n• Two items.", ["One item.", "Two items."]),
    ("Intro:\n- first\n- second", ["Intro:", "first", "second"]),
    ("1. Alpha. Beta.\n2) Gamma", ["Alpha.", "Beta.", "Gamma"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_split_sentences_cases(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_split_sentences_spans_are_stripped_ordered_and_disjoint(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert all(isinstance(s, int) and isinstance(e, int) for s, e in spans)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        previous_end = e


# --- the seed article ----------------------------------------------------------------------------

SEED_BODY_SENTENCES = [
    "In a defiant message, Israeli Prime Minister Benjamin Netanyahu has declared that Israel will "
    '"stand alone" if necessary, following warnings from U.S. President Joe Biden that the United '
    "States would not supply weapons for a potential invasion of Rafah in the Gaza Strip.",
    "As negotiations for a hostage deal and ceasefire appeared to falter, the rift between Israel and "
    "its most important ally deepened, with several of Netanyahu's ministers criticizing the U.S. "
    "president's stance.",
    "On Thursday evening, Netanyahu posted a video in which he appeared to rebuff Biden's warning, "
    'stating, "If we have to stand alone, we will stand alone."',
    'He added, "I already said that if we have to, we will fight with our fingernails.',
    "But we have much more than fingernails, and with the same greatness of mind, God willing, "
    'together we will win."',
    "Netanyahu's combative message, without directly mentioning the United States, came a day after "
    "Biden said the U.S., Israel's largest arms supplier, would not provide weaponry for a full-scale "
    "offensive in Rafah, where more than 1 million Palestinians have fled.",
    "Earlier on Thursday, national security minister Itamar Ben-Gvir wrote on the social media "
    'platform X that "Hamas \u2665\ufe0f Biden," while finance minister Bezalel Smotrich said the military '
    'operation "must continue . . . until victory, despite, and to a certain extent precisely because '
    'of, the opposition of the Biden administration and stopping of arms shipments."',
    "U.S. National Security Council spokesman John Kirby announced that CIA director Bill Burns was "
    "returning to the U.S. after ceasefire and hostage talks in the region again failed to produce a "
    "breakthrough.",
    "House Democrats have urged Biden to leverage Israel's reliance on U.S. military assistance to "
    "shape its offensive in Gaza to help protect Palestinian civilians.",
    "However, Israel has maintained that any U.S. block on weapons shipments will provide little "
    "obstacle to its operations for the time being.",
    "Meanwhile, Palestinians have reported intermittent shelling from Israel's operation in eastern "
    "Rafah, where conditions remain dire and have worsened since Israeli troops took control of the "
    "Rafah border crossing with Egypt, cutting off a major conduit for humanitarian aid.",
    "The U.S. has opposed Israel's plans for an assault on Rafah, hoping instead to help broker a deal "
    "with Hamas to free hostages held in Gaza and reach a ceasefire lasting at least six weeks.",
]


def _seed_body(seed_path) -> str:
    raw = seed_path.read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", raw)]
    first = blocks.index("Tensions Escalate as Israel Vows to 'Stand Alone' on Gaza Offensive") + 1
    last = blocks.index("Why It Matters:")
    body = blocks[first:last]
    assert len(body) == 9
    return "\n\n".join(body)


def test_seed_body_sentences(seed_path) -> None:
    body = _seed_body(seed_path)
    spans = split_sentences(body)
    got = [body[s:e] for s, e in spans]
    assert 11 <= len(got) <= 12
    # the one split inside a quotation ("...fingernails. But we...") is what makes 12 rather than 11
    assert got == SEED_BODY_SENTENCES
    for s, e in spans:
        assert not body[s:e].endswith("U.S."), "split after U.S."
    for m in re.finditer(re.escape(". . ."), body):
        assert not any(m.start() < e < m.end() or m.start() < s < m.end() for s, e in spans)
        assert not any(e == m.end() for s, e in spans), "split after a spaced ellipsis"


def test_seed_document_sections_and_offsets(seed_path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    title, _, text = raw.partition("\n")
    docs = pd.DataFrame({"doc_id": ["seed"], "title": [title], "text": [text]})
    out = sentences(docs)
    assert out["section"].iloc[0] == "headline"
    headline = "Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive"
    assert out["text"].iloc[0] == headline
    _assert_offsets(out, docs)
    counts = out["section"].value_counts().to_dict()
    # body: standfirst-like lede (4) + byline block (1) + second headline (1) + nine paragraphs (12)
    assert counts == {"body": 18, "Key Takeaways": 6, "Why It Matters": 2, "headline": 1}
    takeaways = out.loc[out["section"] == "Key Takeaways", "text"].tolist()
    assert takeaways[0].startswith("Israel has vowed")
    assert not any(t.startswith("•") for t in takeaways)
    assert takeaways[-1] == "@Biden Israel"
    assert "Why It Matters:" not in out["text"].tolist()


# --- paragraphs and headings ---------------------------------------------------------------------


def test_paragraphs_kinds_spans_and_markers() -> None:
    text = (
        "Intro line\nstill intro\n- one\n* two\n– three\n1. first\n12) second\n"
        "•third\n· fourth\n▪ fifth\n"
        "## Background ##\nText here.\n\n\n  \n**Key Takeaways:**\n\n"
        "Why It Matters:\n\nlast para  \n"
    )
    paras = paragraphs(text)
    assert [(p.kind, text[p.start : p.end], p.name) for p in paras] == [
        ("paragraph", "Intro line\nstill intro", ""),
        ("bullet", "one", ""),
        ("bullet", "two", ""),
        ("bullet", "three", ""),
        ("bullet", "first", ""),
        ("bullet", "second", ""),
        ("bullet", "third", ""),
        ("bullet", "fourth", ""),
        ("bullet", "fifth", ""),
        ("heading", "## Background ##", "Background"),
        ("paragraph", "Text here.", ""),
        ("heading", "**Key Takeaways:**", "Key Takeaways"),
        ("heading", "Why It Matters:", "Why It Matters"),
        ("paragraph", "last para", ""),
    ]
    assert all(isinstance(p, Paragraph) for p in paras)


def test_paragraphs_crlf_and_non_bullets() -> None:
    text = "First.\r\n\r\nSecond -5 degrees\r\n-5 is cold\r\n*emphasis* stays\r\n2019. A year\r\n"
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First.",
        "Second -5 degrees\r\n-5 is cold\r\n*emphasis* stays\r\n2019. A year",
    ]


def test_paragraphs_drop_empty_bullets_and_blank_text() -> None:
    assert paragraphs("") == []
    assert paragraphs(" \n\n\t\n") == []
    text = "•\n• real"
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["real"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Why It Matters:", "Why It Matters"),
        ("Key Takeaways:", "Key Takeaways"),
        ("  Key Takeaways :  ", "Key Takeaways"),
        ("**What we know so far:**", "What we know so far"),
        ("## Background", "Background"),
        ("### Reaction: ###", "Reaction"),
        ("U.S. Response:", "U.S. Response"),
        ("One two three four five six seven eight:", "One two three four five six seven eight"),
        ("One two three four five six seven eight nine:", None),
        ("He spoke. Then he said:", None),
        ("Really?:", None),
        ("Background", None),
        (":", None),
        ("Line one:\nline two:", None),
        ("#hashtag:", "#hashtag"),
    ],
)
def test_heading_name(line: str, name: str | None) -> None:
    assert heading_name(line) == name


# --- the sentences table -------------------------------------------------------------------------


def _assert_offsets(out: pd.DataFrame, docs: pd.DataFrame) -> None:
    fields = docs.set_index("doc_id")
    for row in out.itertuples(index=False):
        field = fields.at[row.doc_id, "title" if row.section == "headline" else "text"]
        assert field[row.start : row.end] == row.text


DOC_TEXT = (
    "Rafah braced for an assault. Talks stalled.\n"
    "\n"
    "Mr. Kirby said the U.S. would act. Nobody knew when.\n"
    "\n"
    "Why It Matters:\n"
    "\n"
    "The region is tense.\n"
    "\n"
    "Key Takeaways:\n"
    "  • Israel vowed to act.\n"
    "  • The U.S. objected. Hamas waited.\n"
    "\n"
    "## Background\n"
    "\n"
    "- The war began in Oct. 2023."
)


def _docs(**extra) -> pd.DataFrame:
    data = {
        "doc_id": ["d1", "d2"],
        "title": ["  Israel Defies U.S. Warning. Vows to Act ", "Second story"],
        "text": [DOC_TEXT, "Only one sentence here."],
    }
    data.update(extra)
    return pd.DataFrame(data)


def test_sentences_full_table() -> None:
    docs = _docs(standfirst=["Rafah braced for an  assault.\nTalks stalled.", pd.NA])
    out = sentences(docs)
    expected = pd.DataFrame(
        {
            "doc_id": ["d1"] * 10 + ["d2"] * 2,
            "sentence_id": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1],
            "paragraph_id": [0, 1, 1, 2, 2, 4, 6, 7, 7, 9, 0, 1],
            "section": [
                "headline",
                "standfirst",
                "standfirst",
                "body",
                "body",
                "Why It Matters",
                "Key Takeaways",
                "Key Takeaways",
                "Key Takeaways",
                "Background",
                "headline",
                "body",
            ],
            "text": [
                "Israel Defies U.S. Warning. Vows to Act",
                "Rafah braced for an assault.",
                "Talks stalled.",
                "Mr. Kirby said the U.S. would act.",
                "Nobody knew when.",
                "The region is tense.",
                "Israel vowed to act.",
                "The U.S. objected.",
                "Hamas waited.",
                "The war began in Oct. 2023.",
                "Second story",
                "Only one sentence here.",
            ],
        }
    )
    pd.testing.assert_frame_equal(out.drop(columns=["start", "end"]), expected, check_dtype=False)
    assert list(out.columns) == list(SENTENCE_COLUMNS)
    assert out.loc[0, "start"] == 2 and out.loc[0, "end"] == 41
    _assert_offsets(out, docs)


def test_sentences_dtypes_and_index() -> None:
    out = sentences(_docs())
    assert {c: str(out[c].dtype) for c in SENTENCE_COLUMNS} == {
        "doc_id": "str",
        "sentence_id": "int64",
        "paragraph_id": "int64",
        "section": "str",
        "text": "str",
        "start": "int64",
        "end": "int64",
    }
    assert all(out[c].dtype == "string" for c in ("doc_id", "section", "text"))
    assert out.index.equals(pd.RangeIndex(len(out)))


def test_sentences_without_standfirst_column_is_body() -> None:
    out = sentences(_docs())
    assert out.loc[out["doc_id"] == "d1", "section"].tolist()[:3] == ["headline", "body", "body"]


def test_sentences_standfirst_must_match_first_paragraph() -> None:
    out = sentences(_docs(standfirst=["Something else entirely.", "Only one sentence here."]))
    assert out.loc[out["doc_id"] == "d1", "section"].tolist()[1] == "body"
    assert out.loc[out["doc_id"] == "d2", "section"].tolist() == ["headline", "standfirst"]


def test_sentences_bullets_are_stripped_with_exact_offsets() -> None:
    docs = _docs()
    out = sentences(docs)
    bullets = out[out["section"] == "Key Takeaways"]
    assert bullets["text"].tolist() == ["Israel vowed to act.", "The U.S. objected.", "Hamas waited."]
    first = bullets.iloc[0]
    assert DOC_TEXT[first["start"] - 2 : first["start"]] == "• "
    assert first["start"] == DOC_TEXT.index("Israel vowed")
    _assert_offsets(out, docs)


def test_sentences_headline_is_one_row_even_with_several_sentences() -> None:
    docs = pd.DataFrame({"doc_id": ["a"], "title": ["Stop! It is over. Really?"], "text": ["Body."]})
    out = sentences(docs)
    assert out["text"].tolist() == ["Stop! It is over. Really?", "Body."]
    assert out["sentence_id"].tolist() == [0, 1]


@pytest.mark.parametrize("title", ["", "   \n", None, pd.NA, float("nan")])
def test_sentences_empty_or_missing_title_has_no_headline(title) -> None:
    docs = pd.DataFrame({"doc_id": ["a"], "title": [title], "text": ["One. Two."]}, dtype=object)
    out = sentences(docs)
    assert out["section"].tolist() == ["body", "body"]
    assert out["sentence_id"].tolist() == [1, 2]
    assert out["paragraph_id"].tolist() == [1, 1]


def test_sentences_missing_or_empty_text_gives_headline_only() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Title A", "Title B"], "text": [None, ""]})
    out = sentences(docs)
    assert out[["doc_id", "sentence_id", "section"]].values.tolist() == [
        ["a", 0, "headline"],
        ["b", 0, "headline"],
    ]


def test_sentences_heading_consumes_paragraph_id() -> None:
    docs = pd.DataFrame(
        {"doc_id": ["a"], "title": [""], "text": ["Before.\n\nKey Takeaways:\n\nAfter one.\n\nAfter two."]}
    )
    out = sentences(docs)
    assert out[["paragraph_id", "section", "text"]].values.tolist() == [
        [1, "body", "Before."],
        [3, "Key Takeaways", "After one."],
        [4, "Key Takeaways", "After two."],
    ]


def test_sentences_empty_table() -> None:
    out = sentences(pd.DataFrame(columns=["doc_id", "title", "text"]))
    assert list(out.columns) == list(SENTENCE_COLUMNS)
    assert len(out) == 0
    assert str(out["sentence_id"].dtype) == "int64" and str(out["text"].dtype) == "str"


def test_sentences_numeric_doc_ids_become_strings() -> None:
    out = sentences(pd.DataFrame({"doc_id": [7], "title": ["T"], "text": ["X."]}))
    assert out["doc_id"].tolist() == ["7", "7"]


@pytest.mark.parametrize("column", ["doc_id", "title", "text"])
def test_sentences_missing_column_error_names_it(column: str) -> None:
    docs = _docs().drop(columns=[column])
    message = rf"^sentences: the documents table lacks column\(s\) {column}; it has \["
    with pytest.raises(InputError, match=message) as raised:
        sentences(docs)
    assert "Pass your table through wb.load_corpus(table) first" in str(raised.value)  # a DataFrame of one's own


def test_sentences_non_text_value_error_names_row_and_column() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["ok", "ok"], "text": ["fine", 42]}, dtype=object)
    message = r"documents table, row 1, column 'text': expected text or NA, got int 42"
    with pytest.raises(InputError, match=message):
        sentences(docs)


@pytest.mark.validation
def test_offsets_hold_on_real_news(datasets_dir) -> None:
    path = datasets_dir / "narrative-framing" / "articles_metadata.tsv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    articles = pd.read_csv(path, sep="\t")
    texts = articles["text"].dropna().astype(str).tolist()
    docs = pd.DataFrame(
        {"doc_id": [f"n{i}" for i in range(len(texts))], "title": [t[:80] for t in texts], "text": texts}
    )
    out = sentences(docs)
    assert len(out) > 5 * len(texts)
    _assert_offsets(out, docs)
    assert (out["text"].str.strip() == out["text"]).all()


# --- rule S10: run-on sentences are cut (issue 10, point 18) ----------------------------------------


def _words(lo: int, hi: int) -> str:
    return " ".join(f"w{i}" for i in range(lo, hi))


def test_run_on_sentence_of_2500_words_is_cut_after_every_1000th_word() -> None:
    text = _words(0, 2500)
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [_words(0, 1000), _words(1000, 2000), _words(2000, 2500)]


def test_run_on_cut_does_not_split_a_capitalised_name() -> None:
    # "Helen Marsh" would straddle the 1000th word: the piece ends after the name; a run of
    # capitals longer than the grace of 10 words is cut at the 1010th
    text = _words(0, 999) + " Helen Marsh said " + _words(1002, 1500)
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [_words(0, 999) + " Helen Marsh", "said " + _words(1002, 1500)]
    caps = " ".join(f"W{i}" for i in range(995, 1030))
    text = _words(0, 995) + " " + caps
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got[0].endswith(" W1009") and got[1].startswith("W1010 ")


def test_sentence_of_exactly_1000_words_is_not_cut() -> None:
    text = _words(0, 1000) + ". The end."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [_words(0, 1000) + ".", "The end."]


def test_run_on_cut_keeps_line_breaks_and_offsets() -> None:
    text = _words(0, 600) + "\n" + _words(600, 1200)  # one paragraph: a single line break
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [_words(0, 600) + "\n" + _words(600, 1000), _words(1000, 1200)]
    assert spans[1] == (text.index("w1000 "), len(text))


def test_run_on_token_longer_than_100_characters_counts_one_word_per_100() -> None:
    # 998 short words, then a 250-character token: 3 units, so the 1000th unit ends 200 characters in
    text = _words(0, 998) + " " + "x" * 250
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [_words(0, 998) + " " + "x" * 200, "x" * 50]


def test_unbroken_text_of_250000_characters_is_cut_every_100000() -> None:
    text = "y" * 250_000
    assert split_sentences(text) == [(0, 100_000), (100_000, 200_000), (200_000, 250_000)]


def test_run_on_headline_keeps_its_first_1000_words_as_one_row() -> None:
    docs = pd.DataFrame({"doc_id": ["d"], "title": ["  " + _words(0, 1500)], "text": ["Body text here."]})
    table = sentences(docs)
    assert table["text"].tolist() == [_words(0, 1000), "Body text here."]
    assert table[["sentence_id", "start", "end"]].values.tolist() == [[0, 2, 2 + len(_words(0, 1000))], [1, 0, 15]]


def test_single_line_document_without_punctuation_has_bounded_sentences() -> None:
    text = " ".join(["word"] * 1_000_000)  # 5 MB, one line, no full stop
    table = sentences(pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text]}))
    assert len(table) == 1000
    assert table["text"].str.len().max() == len(" ".join(["word"] * 1000))
    assert table["sentence_id"].tolist() == list(range(1, 1001))


def test_bullet_marker_dot_operator_and_en_dash() -> None:
    # rule P2 is shared with the loader (analysis.corpus.paragraphs), which knew "∙" before this did
    text = "Intro.\n∙ one\n– two"
    assert [(text[p.start : p.end], p.kind) for p in paragraphs(text)] == [
        ("Intro.", "paragraph"), ("one", "bullet"), ("two", "bullet")]


def test_sentences_of_segments_when_not_given_and_checks_a_given_table():
    import pandas as pd

    from analysis.text import sentences, sentences_of

    documents = pd.DataFrame({"doc_id": ["d"], "title": ["Head"], "text": ["One. Two."]})
    pd.testing.assert_frame_equal(sentences_of(documents), sentences(documents))
    given = sentences(documents)
    assert sentences_of(documents, given) is given, "a given table is used as it is"
    with pytest.raises(InputError, match=r"the sentences table lacks column\(s\) sentence_id, text; pass the table "
                                         r"analysis\.sentences\(documents\) returns"):
        sentences_of(documents, given[["doc_id"]])


def test_bullet_marker_is_rule_p2s_marker_with_the_space_after_it():
    from analysis.text import bullet_marker

    assert bullet_marker("– talks resume").group(0) == "– "
    assert bullet_marker("12) Go").group(0) == "12) "
    assert bullet_marker("• item").group(0) == "• "
    assert bullet_marker("-3 degrees") is None, "a minus sign is not a bullet"


def test_slug_is_the_one_rule_for_ids_made_of_names():
    from analysis.text import slug

    assert slug("Dr. Ruth O'Neil-Adeyemi", empty="entity") == "dr_ruth_oneil_adeyemi"
    assert slug("O\u2019Brien  & Co.", empty="actor") == "obrien_co"
    assert slug("...", empty="actor") == "actor"
    assert slug("O'Rourke", empty="actor", apostrophes=False) == "o_rourke", "discover_actors' suggested ids"
