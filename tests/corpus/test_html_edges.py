"""HTML pages (red team rt15): a byline written in the article ("By Lena Marsh, Sunday 27 September 2026
18:05 BST") gives the author when the metadata gives none and is not text; share lines, "Related: ..."
and a newsletter promotion at the text's edges are not text. The rules of scraped .txt articles
(analysis.corpus.article), applied to the first and last paragraphs of a page's extracted text."""

from __future__ import annotations

import pytest

from analysis.corpus import parse_html
from analysis.corpus.article import byline_author, is_furniture_paragraph, parse_article

BODY = ("<p>Callum Doyle scored a late equaliser as Harlow Athletic drew 1-1 with Millbrook Town on Saturday. "
        "\"That one was for Jamie,\" Callum Doyle said after the match at Riverside Park.</p>"
        "<p>Millbrook manager Rachel Okafor said her team had let a win slip in the final minutes.</p>")


def _page(*, head: str = "", before: str = "", after: str = "") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Callum Doyle earns Harlow a point</title>{head}'
            f"</head><body><article><h1>Callum Doyle earns Harlow a point</h1>{before}{BODY}{after}</article>"
            "</body></html>")


TEXT = ("Callum Doyle scored a late equaliser as Harlow Athletic drew 1-1 with Millbrook Town on Saturday. "
        "\"That one was for Jamie,\" Callum Doyle said after the match at Riverside Park.\n\n"
        "Millbrook manager Rachel Okafor said her team had let a win slip in the final minutes.")


@pytest.mark.parametrize(("line", "name"), [
    ("By Lena Marsh, Sunday 27 September 2026 18:05 BST", "Lena Marsh"),
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe | 4 May 2026", "Jane Doe"),
    ("By Jane Doe - Updated 12:05 GMT", "Jane Doe"),
    ("Written by Jane Doe, 4 May 2026 at 9.30am", "Jane Doe"),
    ("By Sunday, 27 September 2026 the club had a new coach", None),  # not a date after the comma
    ("By the time the match ended, fans had left", None),
])
def test_byline_author(line, name):
    assert byline_author(line) == name


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Share this article: Facebook Twitter WhatsApp", True),
    ("Facebook Twitter WhatsApp", True),
    ("Share | Email | Print", True),
    ("Related: Harlow fans march on town hall", True),
    ("Read more: Pell sacked after five defeats", True),
    ("Sign up to the Harlow Gazette sport newsletter for the latest Harlow Athletic news, straight to your inbox.",
     True),
    ("Tuesday 3 November 2026, 09:00 GMT", True),  # a page's date line (rt17 M6)
    ("Last updated: 4 May 2026 12:05 BST", True),
    ("3 November 2026: the day the trust was rated inadequate.", False),
    ("Related: police said the march had been peaceful.", False),  # a sentence, not a linked headline
    ("Millbrook manager Rachel Okafor said her team had let a win slip.", False),
    ("Twitter said on Friday it would close the account.", False),
])
def test_is_furniture_paragraph(paragraph, expected):
    assert is_furniture_paragraph(paragraph) is expected


def test_a_byline_paragraph_gives_the_author_and_is_not_text():
    fields = parse_html(_page(before="<p>By Lena Marsh, Sunday 27 September 2026 18:05 BST</p>"))
    assert (fields["author"], fields["text"]) == ("Lena Marsh", TEXT)


def test_the_metadata_author_wins_and_a_byline_naming_someone_else_stays_text():
    meta = '<meta name="author" content="Tom Avery">'
    same = parse_html(_page(head=meta, before="<p>By Tom Avery, 4 May 2026</p>"))
    assert (same["author"], same["text"]) == ("Tom Avery", TEXT)
    other = parse_html(_page(head=meta, before="<p>By Lena Marsh</p>"))
    assert (other["author"], other["text"]) == ("Tom Avery", "By Lena Marsh\n\n" + TEXT)


def test_a_date_line_after_the_byline_is_not_text():
    # red team rt17 M6: "Tuesday 3 November 2026, 09:00 GMT" became every brief's lead sentence
    fields = parse_html(_page(before="<p>By Lena Marsh</p><p>Tuesday 3 November 2026, 09:00 GMT</p>"
                                     "<p>Share this article: Facebook Twitter WhatsApp</p>"))
    assert (fields["author"], fields["text"]) == ("Lena Marsh", TEXT)


def test_share_related_and_newsletter_lines_at_the_end_are_not_text():
    fields = parse_html(_page(after="<p>Share this article: Facebook Twitter WhatsApp</p>"
                                    "<p>Related: Harlow fans march on town hall</p>"
                                    "<p>Sign up to the Harlow Gazette sport newsletter for the latest news.</p>"))
    assert (fields["author"], fields["text"]) == (None, TEXT)


def test_a_txt_article_reads_a_byline_with_a_date_after_it():
    fields = parse_article("Callum Doyle earns Harlow a point\n\nBy Lena Marsh, Sunday 27 September 2026 18:05 BST\n\n"
                           "Callum Doyle scored a late equaliser.\n")
    assert (fields["author"], fields["text"]) == ("Lena Marsh", "Callum Doyle scored a late equaliser.")
