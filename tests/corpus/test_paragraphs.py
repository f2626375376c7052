"""Paragraph rules shared by the text, markdown and HTML readers (analysis.corpus.paragraphs)."""

from __future__ import annotations

from analysis.corpus.paragraphs import bullet_item, join_paragraphs, normalise_newlines, paragraphs_of_lines


def test_normalise_newlines_drops_the_bom_unifies_line_ends_and_strips_trailing_spaces():
    assert normalise_newlines("\ufeffa  \r\nb\rc\t\n") == "a\nb\nc\n"


def test_bullet_item_normalises_the_marker_and_keeps_numbers():
    assert bullet_item("- first point") == "• first point"
    assert bullet_item("* second") == "• second"
    assert bullet_item("1. numbered") == "1. numbered"
    assert bullet_item("•") == "", "a marker alone"
    assert bullet_item("- ") is None, "a dash needs text after it (the line is stripped first)"
    assert bullet_item("plain text") is None


def test_paragraphs_of_lines_joins_wrapped_lines_and_splits_bullets_and_headings():
    lines = ["First line", "wrapped.", "", "- one", "- two", "", "Background", "", "More text."]
    assert paragraphs_of_lines(lines) == ["First line wrapped.", "• one", "• two", "Background", "More text."]


def test_join_paragraphs_leaves_out_empty_ones():
    assert join_paragraphs(["a", "", "b"]) == "a\n\nb"
    assert join_paragraphs([]) == ""
