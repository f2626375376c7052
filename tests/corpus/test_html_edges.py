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


# ---- session 18 (red team rt18 M1, M2)

def test_date_params_let_trafilatura_read_a_date_up_to_a_week_ahead():
    import datetime as dt

    from analysis.corpus.html import DATE_DAYS_AHEAD, _date_params

    assert DATE_DAYS_AHEAD == 7
    assert _date_params(dt.date(2026, 12, 5)) == {"extensive_search": False, "original_date": True,
                                                  "outputformat": "%Y-%m-%dT%H:%M:%S%z", "max_date": "2026-12-12"}


def _future_page(day: str) -> str:
    return _page(head=f'<meta property="article:published_time" content="{day}T08:30:00+05:30">',
                 before=f'<div class="byline">By Ruth Okoye | Updated: {day}</div>')


def test_a_page_dated_after_trafilaturas_window_keeps_its_own_metadata_date(tmp_path):
    # rt18 M1: a date after trafilatura's max_date was rejected and a guess (the 1st of the month) won;
    # 2099 is after the window on any day this test runs
    assert parse_html(_future_page("2099-12-06"))["published"] == "2099-12-06T08:30:00+05:30"
    import analysis as wb
    import pandas as pd

    (tmp_path / "a.html").write_text(_future_page("2099-12-06"), encoding="utf-8")
    assert wb.load_corpus(tmp_path).published.tolist() == [pd.Timestamp("2099-12-06 03:00", tz="UTC")]


def test_a_guessed_date_never_replaces_the_date_the_page_states():
    from analysis.corpus.html import _published

    page = _future_page("2026-12-06")
    assert _published("2026-12-01T00:00:00", page) == "2026-12-06T08:30:00+05:30", "a guess on no stated day"
    assert _published(None, page) == "2026-12-06T08:30:00+05:30", "trafilatura rejected it: the page's date"
    assert _published("2026-12-06T08:30:00+0530", page) == "2026-12-06T08:30:00+0530", "its date: unchanged"
    reading = _page(head='<meta name="twitter:reading_time" content="4 min">')
    assert _published("2026-12-01T00:00:00", reading) == "2026-12-01T00:00:00", "a reading time is no date"
    timed = _page(before='<time datetime="2026-11-30T10:00:00Z">Related, 30 Nov</time>')
    assert _published(None, timed) is None, "a <time> in the body is not the page's metadata"


@pytest.mark.parametrize(("line", "expected"), [
    ("Please enable JavaScript to read this article about Southern Cross Lithium.", True),
    ("Subscribe to read the full story.", True),
    ("Sign in to continue reading", True),
    ("You need to  ENABLE   JavaScript to run this app.", True),
    ("Already a subscriber? Log in", True),
    ('"Please enable JavaScript," the help page told readers of the Harlow Gazette.', False),  # a quote is prose
    ("Callum Doyle scored a late equaliser as Harlow Athletic drew 1-1 with Millbrook Town on Saturday.", False),
    ("Subscribers only " + "word " * 30, False),  # longer than a prompt
    ("The club's subscribers voted to enable season tickets online.", False),
])
def test_is_wall_line(line, expected):
    from analysis.corpus.article import is_wall_line

    assert is_wall_line(line) is expected


def test_a_wall_line_at_an_edge_is_furniture_not_text():
    fields = parse_html(_page(after="<p>Subscribe to read more stories like this.</p>"))
    assert fields["text"] == TEXT
    assert is_furniture_paragraph("Please enable JavaScript to read this article.") is True


COOKIE_WALL = ('<!DOCTYPE html><html><head><title>The Coastal Sentinel</title></head><body>'
               '<div id="cookie-consent" class="cookie-banner"><h2>We value your privacy</h2><p>We and our 842 '
               "partners use cookies and similar technologies to store and access information on your device, to "
               "personalise ads and content, and to measure audiences. By clicking Accept, you consent to this.</p>"
               "<button>Accept all</button></div>{extra}</body></html>")


@pytest.mark.parametrize("extra", [
    "",
    "<p>Please enable JavaScript to read this article about Southern Cross Lithium.</p>",
    "<div><p>Subscribe to read.</p><p>Already a subscriber? <a href='/login'>Sign in</a> to continue reading.</p></div>",
])
def test_a_consent_wall_with_a_wall_line_has_no_article_text(tmp_path, extra):
    # rt18 M2: the JavaScript line counted as the page's own text, so the cookie banner was the article
    import analysis as wb

    assert parse_html(COOKIE_WALL.format(extra=extra))["text"] == ""
    (tmp_path / "wall.html").write_text(COOKIE_WALL.format(extra=extra), encoding="utf-8")
    with pytest.raises(wb.InputError, match=r"wall\.html: no article text in the page"):
        wb.load_corpus(tmp_path)


def test_own_text_counts_a_sentence_of_its_own_beside_a_wall_line():
    from analysis.corpus.html import _own_text

    js = "<p>Please enable JavaScript to read this article.</p>"
    assert _own_text(COOKIE_WALL.format(extra=js)) is False
    assert _own_text(COOKIE_WALL.format(extra="<div>Southern Cross Lithium shares fell on Friday.<p>Please enable "
                                              "JavaScript to see the chart.</p></div>")) is True
    assert _own_text(COOKIE_WALL.format(extra="<p>Shares fell. Please enable JavaScript to see the chart.</p>")) is True
