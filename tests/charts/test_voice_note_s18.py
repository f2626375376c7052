"""The note over "Mentioned and quoted" (actors left out, unnamed sources) grows the top margin and the
figure by its lines, so it never runs over the title and the toolbar (red team rt18 M7)."""

from __future__ import annotations

import pandas as pd

from analysis import charts
from analysis.charts._actors import NOTE_LINE_PX


def _voice(sources: str | None) -> pd.DataFrame:
    rows = pd.DataFrame({"actor": ["Ada Obi", "Ben Carr", "Cy Dunn"], "mentions": [9, 5, 2],
                         "quoted_direct": [1, 0, 0], "quoted_reported": [0, 0, 0]})
    if sources is None:
        return rows
    return pd.concat([rows, pd.DataFrame({"actor": ["unnamed sources"], "mentions": [3], "quoted_direct": [1],
                                          "quoted_reported": [2], "sources": [sources]})], ignore_index=True)


def test_no_note_keeps_the_templates_margin():
    fig = charts.voice_bars(_voice(None))
    assert (fig.layout.margin.t, fig.layout.height) == (None, 320)  # the template's 70 px
    assert fig.layout.template.layout.margin.t == 70


def test_a_one_line_note_adds_one_line_and_a_half():
    fig = charts.voice_bars(_voice(None), top=1)  # Ben Carr and Cy Dunn left out: one line
    assert NOTE_LINE_PX == 16
    assert [a.text for a in fig.layout.annotations] == ["2 less mentioned actor(s) never quoted are left out."]
    assert (fig.layout.margin.t, fig.layout.height) == (70 + 16 + 8, 320 + 16 + 8)


def test_a_four_line_note_grows_the_margin_by_four_lines_and_a_half():
    sources = ("sources (2) and Mr. Venkataraman's lawyers, a note by the Reserve Bank of India (RBI) seen by "
               "The Deccan Ledger, founder and 2 more (1 each)")
    fig = charts.voice_bars(_voice(sources), top=1)
    lines = fig.layout.annotations[0].text.split("<br>")
    assert len(lines) == 4 and lines[0] == "2 less mentioned actor(s) never quoted are left out."
    assert (fig.layout.margin.t, fig.layout.height) == (70 + 4 * 16 + 8, 320 + 4 * 16 + 8)
