"""Plain text, markdown and HTML files (analysis.corpus.plaintext, .html, .paragraphs)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import parse_html, parse_text
from analysis.corpus.plaintext import parse_text_file
from analysis.corpus.paragraphs import is_heading, paragraphs_of_block

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")


def test_plain_text_first_line_is_title_and_lines_join_into_paragraphs():
    assert parse_text("\n\nCeasefire talks\n\nFirst paragraph\nwrapped.\n\n\n\nSecond.\n") == {
        "title": "Ceasefire talks",
        "text": "First paragraph wrapped.\n\nSecond.",
    }


def test_plain_text_without_title():
    assert parse_text("Ceasefire talks\n\nSecond.", title_from_first_line=False) == {
        "title": "",
        "text": "Ceasefire talks\n\nSecond.",
    }


def test_markdown_title_headings_links_and_emphasis():
    text = (
        "# The *Big* Story\n\nIntro with [a link](https://x.org) and **bold**.\n\n"
        "## Background\nSome text\n- one\n* two\n![a chart](c.png)\n"
    )
    assert parse_text(text, markdown=True) == {
        "title": "The Big Story",
        "text": "Intro with a link and bold.\n\nBackground:\n\nSome text\n\n• one\n\n• two",
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Why It Matters:", True), ("Key Takeaways:", True), ("He said: no", False), ("lowercase start:", False),
     ("A heading that is far too long to be a heading at all:", False), ("No colon", False),
     ("**Key takeaways:**", True), ("Update 10:30 GMT:", True), ("He spoke. Then he said:", False),
     ("Really?:", False)],
)
def test_is_heading(line, expected):
    assert is_heading(line) is expected


# Lines where the loader's rules and the sentence splitter's (analysis.text, rules P2 and P4) disagreed
# before the loader took its bullet and heading rules from analysis.text: each case, the text the
# loader makes, and the section the splitter gives the sentence after it.
@pytest.mark.parametrize(
    ("line", "text", "section"),
    [
        # a heading by rule P4 (emphasis allowed, inner colon allowed): was joined with its neighbours
        ("**Key takeaways:**", "The talks went on.\n\n**Key takeaways:**\n\nThey ended late.", "Key takeaways"),
        ("Update 10:30 GMT:", "The talks went on.\n\nUpdate 10:30 GMT:\n\nThey ended late.", "Update 10:30 GMT"),
        # not a heading by rule P4 (it holds a sentence boundary): was a paragraph of its own
        ("He spoke. Then he said:", "The talks went on. He spoke. Then he said: They ended late.", "body"),
        # bullets by rule P2 (en dash, three-digit number, ∙): were joined into the paragraph
        ("– first item", "The talks went on.\n\n• first item They ended late.", "body"),
        ("100. Hundredth item", "The talks went on.\n\n100. Hundredth item They ended late.", "body"),
        ("∙ dot item", "The talks went on.\n\n• dot item They ended late.", "body"),
        ("•", "The talks went on.\n\nThey ended late.", "body"),
    ],
)
def test_loader_reads_bullets_and_headings_by_the_sentence_splitters_rules(line, text, section):
    fields = parse_text(f"Title\n\nThe talks went on.\n{line}\nThey ended late.")
    assert fields["text"] == text
    sentences = wb.sentences(pd.DataFrame({"doc_id": ["d"], "title": [fields["title"]], "text": [text]}))
    assert sentences["section"].iloc[-1] == section
    assert sentences["text"].iloc[-1].endswith("They ended late.")


def test_markdown_heading_is_a_paragraph_of_its_own_even_without_a_colon():
    # rule P3: a markdown heading line is never joined with the lines around it (was: "What now? Some text.")
    assert parse_text("# T\n\n## What now?\nSome text.\n## A heading of far more than eight words in all\nMore.",
                      markdown=True)["text"] == (
        "What now?\n\nSome text.\n\nA heading of far more than eight words in all:\n\nMore."
    )


def test_paragraphs_of_block_numbered_items_keep_their_number():
    assert paragraphs_of_block(["Steps:", "1. Stop", "2) Go on", "and on", "• Done"]) == [
        "Steps:", "1. Stop", "2) Go on and on", "• Done"
    ]


def test_load_plain_and_markdown_files_with_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text("Title A\n\nBody of a.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Front Title\ndate: 2024-05-09\nsource: Example News\nsection: world\n---\n"
        "# Heading Title\n\nBody of b.\n",
        encoding="utf-8",
    )
    docs = wb.load_corpus(tmp_path)
    assert docs["title"].tolist() == ["Title A", "Front Title"]
    assert docs["text"].tolist() == ["Body of a.", "Body of b."]
    assert docs["outlet"].isna().tolist() == [True, False]
    assert docs.loc[1, "outlet"] == "Example News"
    assert docs.loc[1, "published"] == pd.Timestamp("2024-05-09", tz="UTC")
    assert docs["section"].tolist()[1] == "world"


def test_load_txt_with_title_from_first_line_false(tmp_path):
    (tmp_path / "a.txt").write_text("Just text here.\n\nMore.", encoding="utf-8")
    docs = wb.load_corpus(tmp_path / "a.txt", title_from_first_line=False)
    assert docs.loc[0, "title"] == ""
    assert docs.loc[0, "text"] == "Just text here.\n\nMore."


def test_format_article_forces_article_rules_on_plain_looking_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline Here Today\n\nOne.\n\nTwo.", encoding="utf-8")
    assert wb.load_corpus(path, format="article").loc[0, "standfirst"] is pd.NA
    assert wb.load_corpus(path, format="text").loc[0, "text"] == "One.\n\nTwo."


HTML = """<!DOCTYPE html><html><head><title>Gaza talks stall | Example News</title>
<link rel="canonical" href="https://example.com/news/gaza-talks"/>
<meta property="og:site_name" content="Example News"/>
<meta name="author" content="Jane Doe"/>
<meta property="article:published_time" content="2024-05-09T10:00:00+02:00"/>
<meta name="keywords" content="Gaza, Israel"/>
<meta property="article:tag" content="Diplomacy"/>
<meta property="og:title" content="Gaza talks stall"/>
</head><body><nav>Home | World | Sport</nav><article><h1>Gaza talks stall</h1>
<p>Negotiators left Cairo on Thursday without a deal, officials said, as pressure mounted on both sides
to agree a ceasefire.</p>
<p>The talks are expected to resume next week in Doha, according to two people familiar with the matter.</p>
<h2>Why It Matters</h2>
<ul><li>Aid deliveries depend on a truce.</li><li>Hostages remain in Gaza.</li></ul>
<p>A third paragraph with <a href="/x">a link</a> in it and enough words to count as content for the extractor.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_parse_html_fields():
    fields = parse_html(HTML)
    assert fields == {
        "title": "Gaza talks stall",
        "text": "Negotiators left Cairo on Thursday without a deal, officials said, as pressure mounted on both "
        "sides to agree a ceasefire.\n\n"
        "The talks are expected to resume next week in Doha, according to two people familiar with the matter.\n\n"
        "Why It Matters:\n\n• Aid deliveries depend on a truce.\n\n• Hostages remain in Gaza.\n\n"
        "A third paragraph with a link in it and enough words to count as content for the extractor.",
        "author": "Jane Doe",
        "published": "2024-05-09T10:00:00+0200",
        "url": "https://example.com/news/gaza-talks",
        "outlet": "Example News",
        "tags": ["Gaza", "Israel", "Diplomacy"],
    }, "no description key for a page without one (a column of missing values, listed among the columns)"


def test_load_html_file_with_sidecar_override(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "page.meta.yml").write_text("author: Sidecar Author\nlanguage: en\n", encoding="utf-8")
    docs = wb.load_corpus(tmp_path)
    doc = docs.iloc[0]
    assert (doc["title"], doc["author"], doc["outlet"], doc["url"]) == (
        "Gaza talks stall", "Sidecar Author", "Example News", "https://example.com/news/gaza-talks"
    )
    assert doc["published"] == pd.Timestamp("2024-05-09 08:00", tz="UTC")
    assert doc["tags"] == ["Gaza", "Israel", "Diplomacy"]
    assert doc["language"] == "en"
    assert list(docs.columns[-2:]) == ["duplicate_of", "language"], "no empty description column"


def _dated_page(head: str) -> str:
    return (f'<html><head><title>Hawks win late</title>{head}</head><body><article><h1>Hawks win late</h1>'
            "<p>Jamal Turner scored 34 points for the Harbor City Hawks on Saturday night in a close game "
            "against the Riverside Pilots.</p></article></body></html>")


def test_html_rfc_2822_date_keeps_its_time_and_zone(tmp_path):
    # trafilatura keeps only the day of a date that is not ISO 8601: 23:30 at -0500 is 04:30 UTC the next day
    rfc = '<meta name="date" content="Sat, 14 Mar 2026 23:30:00 -0500">'
    assert parse_html(_dated_page(rfc))["published"] == "Sat, 14 Mar 2026 23:30:00 -0500"
    (tmp_path / "rfc.html").write_text(_dated_page(rfc), encoding="utf-8")
    (tmp_path / "iso.html").write_text(_dated_page('<meta name="date" content="2026-03-14T23:30:00-05:00">'),
                                       encoding="utf-8")
    (tmp_path / "gmt.html").write_text(_dated_page(
        '<meta property="article:modified_time" content="Sun, 15 Mar 2026 09:00:00 GMT">'
        '<meta property="article:published_time" content="Sat, 14 Mar 2026 22:15:00 GMT">'), encoding="utf-8")
    (tmp_path / "day.html").write_text(_dated_page('<meta name="date" content="March 4, 2026">'), encoding="utf-8")
    docs = wb.load_corpus(sorted(tmp_path.glob("*.html")))
    assert docs["published"].tolist() == [
        pd.Timestamp("2026-03-04 00:00", tz="UTC"),  # day.html: a day without a time stays the day
        pd.Timestamp("2026-03-14 22:15", tz="UTC"),  # gmt.html: the published date, not the modified one
        pd.Timestamp("2026-03-15 04:30", tz="UTC"),  # iso.html
        pd.Timestamp("2026-03-15 04:30", tz="UTC"),  # rfc.html: the same instant
    ]


def test_an_rfc_2822_date_keeps_its_time_and_zone_from_every_kind_of_source(tmp_path):
    # the HTML case above was the one that lost them; text headers, front matter, JSON, tables and
    # sidecars read the same value through the same date parser
    rfc = "Sat, 14 Mar 2026 23:30:00 -0500"
    (tmp_path / "t.txt").write_text(f"Title: A\nDate: {rfc}\n\nJamal Turner scored.\n", encoding="utf-8")
    (tmp_path / "m.md").write_text(f"---\ntitle: B\ndate: {rfc}\n---\nJamal Turner scored.\n", encoding="utf-8")
    (tmp_path / "j.json").write_text(json.dumps({"headline": "C", "body": "Jamal Turner scored.", "date": rfc}),
                                     encoding="utf-8")
    (tmp_path / "s.txt").write_text("D\n\nJamal Turner scored.\n", encoding="utf-8")
    (tmp_path / "s.meta.yml").write_text(f"date: {rfc}\n", encoding="utf-8")
    (tmp_path / "u.txt").write_text("E\n\nJamal Turner scored.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f'file,date\nu.txt,"{rfc}"\n', encoding="utf-8")
    table = tmp_path.parent / f"{tmp_path.name}.csv"
    table.write_text(f'title,text,date\nF,Jamal Turner scored.,"{rfc}"\n', encoding="utf-8")
    docs = wb.load_corpus([tmp_path, table])
    assert sorted(docs["title"]) == ["A", "B", "C", "D", "E", "F"]
    assert set(docs["published"]) == {pd.Timestamp("2026-03-15 04:30", tz="UTC")}


def test_html_without_main_content_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(wb.InputError, match=r"empty\.html: no article text in the page; remove the file if it is a section, "
                                            r"consent or error page, or pass errors='skip' to skip every such page \(in a report: -p errors=skip; "
                                            r"with analyze: --errors skip\); else save the article's own page"):
        wb.load_corpus(path)


def test_split_front_matter_returns_the_mapping_and_the_rest():
    from analysis.corpus.plaintext import FrontMatterError, split_front_matter

    assert split_front_matter("---\ntitle: T\n---\nBody\n") == ({"title": "T"}, "Body\n")
    assert split_front_matter("no front matter") == ({}, "no front matter")
    with pytest.raises(FrontMatterError, match="^front matter must be a mapping of keys to values, not a list$"):
        split_front_matter("---\n- a\n---\nB")


def test_text_file_header_block_gives_metadata_and_keeps_the_whole_body(tmp_path):
    (tmp_path / "recall.txt").write_text(
        "Headline: Brightwater recalls 40,000 jars\nSource: The Valley Ledger\nSection: Business\n"
        "Date: 3 March 2026\nTags: recall, food safety\n\n"
        "Brightwater Foods recalled jars on Monday.\n\nParents were angry.\n",
        encoding="utf-8",
    )
    doc = wb.load_corpus(tmp_path).iloc[0]
    assert doc["title"] == "Brightwater recalls 40,000 jars"
    assert doc["outlet"] == "The Valley Ledger"
    assert doc["published"] == pd.Timestamp("2026-03-03", tz="UTC")
    assert doc["tags"] == ["recall", "food safety"]
    assert doc["Section"] == "Business"
    assert doc["text"] == "Brightwater Foods recalled jars on Monday.\n\nParents were angry."


def test_an_empty_title_header_leaves_the_title_empty_and_the_lead_in_the_text(tmp_path):
    # red team rt17 M5: "Title: " with nothing after it made the 33-word lead paragraph the headline
    (tmp_path / "a1.txt").write_text(
        "Title: \nOutlet: Wessex Gazette\nDate: 3 November 2026\n\n"
        "Maternity services have been rated inadequate.\n\nThe watchdog said staff were overstretched.\n",
        encoding="utf-8",
    )
    docs = wb.load_corpus(tmp_path)
    doc = docs.iloc[0]
    assert (doc["title"], doc["outlet"]) == ("", "Wessex Gazette")
    assert doc["text"] == "Maternity services have been rated inadequate.\n\nThe watchdog said staff were overstretched."
    assert wb.loader_report(docs)[["source", "problem", "action"]].values.tolist() == [
        [str(tmp_path / "a1.txt"), "its header's title is empty", "title left empty; the first paragraph is kept as text"]]


@pytest.mark.parametrize(
    "text",
    [
        "Update: talks resumed\n\nThe talks resumed.",  # first key is not a documents field
        "Story: talks resumed\n\nThe talks resumed.",  # 'story' is the text column: not a header key
        "Title: Talks resumed\nThey resumed on Monday after a week.\n\nMore.",  # a line that is no 'Key: value'
        "Title: Talks resumed\n\n",  # nothing after the block
    ],
)
def test_text_without_a_header_block_is_plain_text(text):
    from analysis.corpus.plaintext import split_header

    assert split_header(text) == ({}, text)


def test_front_matter_title_never_swallows_the_first_paragraph(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: The real title\noutlet: Ledger\n---\nFirst paragraph says something.\n\nSecond.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("---\ntitle: The Real Title\n---\nThe real  title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("---\ntitle: T\ndate: 2026-03-02\n---\nBody of a text file.\n", encoding="utf-8")
    docs = wb.load_corpus(tmp_path)
    docs = docs.set_index(docs["source"].str.rsplit("/", n=1).str[-1])
    assert docs.loc["a.md", "text"] == "First paragraph says something.\n\nSecond."
    assert docs.loc["b.txt", ["title", "text"]].tolist() == ["The Real Title", "Body."]
    assert docs.loc["c.txt", ["title", "text"]].tolist() == ["T", "Body of a text file."]
    assert docs.loc["c.txt", "published"] == pd.Timestamp("2026-03-02", tz="UTC")


def test_split_metadata_and_parse_text_file_on_small_inputs():
    from analysis.corpus.plaintext import parse_text_file, split_metadata

    assert split_metadata("Title: T\nDate: 2026-03-02\n\nBody.") == ({"Title": "T", "Date": "2026-03-02"}, "Body.")
    assert split_metadata("---\ntitle: T\n---\nBody.") == ({"title": "T"}, "Body.")
    assert split_metadata("Title: T\n\nBody.", markdown=True) == ({}, "Title: T\n\nBody.")  # markdown: front matter only
    assert parse_text_file("Source: Ledger\n\nHeadline here\n\nBody.") == {
        "title": "Headline here", "text": "Body.", "outlet": "Ledger"}
    assert parse_text_file("---\ntitle: T\n---\n# Other heading\n\nBody.", markdown=True) == {"title": "T", "text": "Body."}


def test_is_title_line_repeats_the_title_or_is_a_markdown_heading():
    from analysis.corpus.plaintext import is_title_line

    assert is_title_line("\n  strike   ENDS\n\nBody.", "Strike ends")
    assert not is_title_line("Nurses will return.\n\nBody.", "Strike ends")
    assert not is_title_line("# Other\n\nBody.", "Strike ends")
    assert is_title_line("# Other\n\nBody.", "Strike ends", markdown=True)


def test_html_fragment_text_and_looks_like_html():
    import re

    from analysis.corpus.html import HTML_MARKUP, html_fragment_text, looks_like_html

    assert html_fragment_text('<p>Nurse <b>Ann</b> said &quot;no&quot;.</p><script>x()</script>') == 'Nurse Ann said "no".'
    assert html_fragment_text("<h2>Why</h2><ul><li>a</li><li>b</li></ul>One.<br>Two.<br><br>Three.") == (
        "Why:\n\n• a\n\n• b\n\nOne. Two.\n\nThree.")
    assert html_fragment_text("<h1>Strike</h1> <i>ends</i>", one_line=True) == "Strike ends"
    assert html_fragment_text("Who&apos;s\nthere &amp; here") == "Who's\nthere & here"  # entities only: lines kept
    assert [looks_like_html(t) for t in ("<br>", "a</span>", "&amp;", "&#8217;", "<a href='x'>y</a>")] == [True] * 5
    assert [looks_like_html(t) for t in ("x < 5 and y > 3", "Use <Name>", "AT&T", "&foo;", "x < 5 &foo;")] == [False] * 5
    assert re.search(HTML_MARKUP, "&nbsp;") and not re.search(HTML_MARKUP, "R&D")


def test_convert_html_fields_notes_each_file_and_field():
    from analysis.corpus.html import convert_html_fields
    from analysis.corpus.report import LoadLog

    frame = pd.DataFrame({"title": ["<b>T</b>", "U", "V"], "text": ["<p>A</p><p>B</p>", "x < y", "C &amp; D"],
                          "__file__": ["f.csv", "f.csv", "g.json"], "__row__": [1, 2, 1]})
    log = LoadLog()
    out = convert_html_fields(frame, log)
    assert out["title"].tolist() == ["T", "U", "V"]
    assert out["text"].tolist() == ["A\n\nB", "x < y", "C & D"]
    why = "held HTML markup (tags or entities such as &quot;): converted to plain text as .html files are"
    assert [(e["source"], e["row"], e["problem"]) for e in log.entries] == [
        ("f.csv", 1, f"the title of row 1 {why}"), ("f.csv", 1, f"the text of row 1 {why}"),
        ("g.json", 1, f"the text of row 1 {why}")]


def test_convert_html_fields_is_the_same_on_arrow_and_python_columns():
    # issue 10 point 16: on an Arrow-backed column Arrow's regex engine first keeps the values where
    # "<" or "&" is followed by neither a space nor itself (RE2's \s is ASCII only): Python's regex then
    # checks only those; the markup check itself is unchanged, a case-folded tag name (long s) included
    import numpy as np

    from analysis.corpus.html import _maybe_markup, convert_html_fields
    from analysis.corpus.report import LoadLog

    texts = ["AT & T", "R&D <3", "a &amp; b", "<\u017ftrong>x</\u017ftrong>", "x &foo; y", "1 < 2 & 3", "&\u00a0amp;",
             None, "&#169; 2024"]
    arrow = pd.Series(texts, dtype="string[pyarrow]")
    assert _maybe_markup(arrow, np.arange(len(texts))[[0, 1, 2, 3, 4, 5, 6, 8]]).tolist() == [1, 2, 3, 4, 6, 8]
    assert _maybe_markup(pd.Series(texts, dtype=object), np.array([0, 2])).tolist() == [0, 2]  # (no Arrow: all)
    outs = []
    for dtype in ("string[pyarrow]", object):
        frame = pd.DataFrame({"title": ["T"] * len(texts), "text": pd.Series(texts, dtype=dtype),
                              "__file__": "f.jsonl", "__row__": range(1, len(texts) + 1)})
        log = LoadLog()
        out = convert_html_fields(frame, log)
        outs.append((out["text"].astype(object).where(out["text"].notna(), None).tolist(),
                     [(e["row"], e["problem"].split(" held")[0]) for e in log.entries]))
    assert outs[0] == outs[1]
    assert outs[0][0] == ["AT & T", "R&D <3", "a & b", "<\u017ftrong>x",  # (lxml keeps the odd opening tag)
                          "x &foo; y", "1 < 2 & 3", "&\u00a0amp;", None, "\u00a9 2024"]
    assert outs[0][1] == [(None, "the text of 3 rows (rows 3, 4, 9)")]


def test_page_chrome_ending_a_plain_text_is_not_text():
    # a .txt with a Title:/Date: header and three paragraphs is plain text, not a scraped article, so the
    # article rules never dropped its trailing furniture: "Share Advertisement Read more" became its
    # most positive sentence (second red-team pass)
    body = "Title: Strike ends\nDate: 2026-03-06\n\nOne.\n\nTwo.\n\nThree.\n\nShare\nAdvertisement\nRead more\n"
    assert parse_text_file(body)["text"] == "One.\n\nTwo.\n\nThree."
    assert parse_text("Head\n\nShare the load, she said.\n\nLive")["text"] == "Share the load, she said."


def test_a_pages_meta_description_is_a_column_only_where_a_page_has_one(tmp_path):
    described = HTML.replace("<head>", '<head><meta name="description" content="Talks in Cairo end without a deal.">', 1)
    assert parse_html(described)["description"] == "Talks in Cairo end without a deal."
    (tmp_path / "a.html").write_text(described, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML.replace("Gaza talks stall", "Talks stall again"), encoding="utf-8")
    docs = wb.load_corpus(tmp_path)
    assert docs["description"].tolist()[0] == "Talks in Cairo end without a deal." and pd.isna(docs["description"][1])


def test_a_text_file_of_header_lines_only_is_named_as_a_file_without_text(tmp_path):
    # red team rt14 finding 18: "Title: Only a title / Outlet: City Wire / Date: 2026-10-30" and no body loaded
    # the title "Title: Only a title" and the text "Outlet: City Wire Date: 2026-10-30", silently
    from analysis.corpus.plaintext import split_header

    header = "Title: Only a title\nOutlet: City Wire\nDate: 2026-10-30\n\n"
    assert split_header(header) == ({"Title": "Only a title", "Outlet": "City Wire", "Date": "2026-10-30"}, "")
    (tmp_path / "titleonly.txt").write_text(header, encoding="utf-8")
    with pytest.raises(wb.InputError, match=r"titleonly\.txt: no text after the title line 'Only a title'; add the "
                                            r"article's text, or remove the file"):
        wb.load_corpus(tmp_path / "titleonly.txt")
    (tmp_path / "good.txt").write_text("Title: A\nOutlet: City Wire\n\nThe council met.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped 1 bad item"):
        docs = wb.load_corpus(tmp_path, errors="skip")
    assert docs["title"].tolist() == ["A"] and "titleonly.txt" in wb.loader_report(docs).to_string()
