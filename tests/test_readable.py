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


def test_shown_table_escapes_cells_and_offers_the_rest_as_csv():
    import pandas as pd

    from analysis.readable import ShownTable

    shown = ShownTable(data=pd.DataFrame({"name": ["<b>A</b>", "B"], "mentions": [1200, 3]}),
                       labels={"name": "name", "mentions": "mentions"}, top=1, name="my table")
    page = shown.to_html()
    assert "<td class=\"short\">&lt;b&gt;A&lt;/b&gt;</td>" in page and "<td class=\"num\">1,200</td>" in page
    assert "<b>A</b>" not in page and ">B<" not in page, "only the first row is shown"
    assert "Showing the first 1 of 2 rows." in page and 'download="my-table.csv"' in page
    empty = ShownTable(data=pd.DataFrame({"a": []}), labels={"a": "a"}, empty="No <rows>.")
    assert empty.to_html().endswith('<p class="wb-note">No &lt;rows&gt;.</p>')


def test_a_shown_table_with_a_title_heads_the_table_and_gives_a_report_its_page_title():
    import pandas as pd

    from analysis.findings import TITLE_MIMETYPE

    card = pd.DataFrame({"field": ["mentions"], "value": ["11"]})
    bundle = wb.show_table(card, title="Marcus <Delane>")._repr_mimebundle_()
    assert bundle[TITLE_MIMETYPE] == {"title": "Marcus <Delane>"}
    assert bundle["text/html"].startswith('<h2 class="wb-title">Marcus &lt;Delane&gt;</h2>')
    assert bundle["text/plain"] == "Marcus <Delane>\n   field value\nmentions    11"
    untitled = wb.show_table(card)._repr_mimebundle_()
    assert TITLE_MIMETYPE not in untitled and untitled["text/html"].startswith("<style>")


def test_the_table_whose_title_becomes_the_page_title_drops_its_own_heading():
    import nbformat
    import pandas as pd

    from analysis.reports import _lift_provenance

    card = pd.DataFrame({"field": ["mentions"], "value": ["11"]})
    other = pd.DataFrame({"field": ["documents"], "value": ["4"]})
    outputs = [nbformat.v4.new_output("display_data", data=wb.show_table(t, title=name)._repr_mimebundle_())
               for t, name in ((other, "Sources"), (card, "Marcus <Delane>"))]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", outputs=outputs)])
    assert _lift_provenance(notebook) == {"title": "Marcus <Delane>"}
    sources, lifted = (o["data"]["text/html"] for o in notebook.cells[0]["outputs"])
    assert '<h2 class="wb-title">Sources</h2>' in sources  # another table keeps its heading
    assert '<h2 class="wb-title">' not in lifted and '<td class="short">11</td>' in lifted


def test_copyable_code_escapes_its_text_and_shows_nothing_when_empty():
    from analysis.readable import CopyableCode

    block = CopyableCode("actors:\n  - id: <x>", caption="Save & render")
    page = block._repr_html_()
    assert "<pre>actors:\n  - id: &lt;x&gt;</pre>" in page and "Save &amp; render" in page
    assert repr(block) == "actors:\n  - id: <x>"
    assert CopyableCode("  ")._repr_html_() == ""
