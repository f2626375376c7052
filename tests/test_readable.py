"""Texts for readers (analysis.readable): the methods section every report prints."""

from __future__ import annotations

import pytest

import analysis as wb
from analysis.errors import InputError
from analysis.readable import METHODS_TEXT, methods_text


def test_methods_text_is_the_bullets_asked_for_in_order_as_markdown():
    text = methods_text(("tone", "sentences"))
    assert text == f"- {METHODS_TEXT['tone']}\n- {METHODS_TEXT['sentences']}\n"
    assert text._repr_markdown_() == text, "notebooks render it as markdown, not as a quoted string"
    assert methods_text("frames") == f"- {METHODS_TEXT['frames']}\n"
    assert wb.methods_text is methods_text


def test_methods_text_default_is_the_entity_reports_section():
    lines = methods_text().splitlines()
    assert [line.split("**")[1] for line in lines] == ["Sentences.", "Actors", "Quotes", "Tone", "Frames"]
    assert "found without any list" in lines[1], "brief and corpus report count entities, not lexicon actors"
    assert "actor lexicon (YAML, `actors` parameter)" in methods_text(("actors",)), "the actor profile's variant"


def test_methods_text_names_an_unknown_measure_and_the_known_ones():
    with pytest.raises(InputError, match=r"methods_text: unknown measure 'voice'; use 'sentences', 'entities', "
                                         r"'actors', 'quotes', 'tone', 'frames'"):
        methods_text(("tone", "voice"))
