"""Session 17 report leftovers: the explore report's frames table follows the frame chart's
below-threshold rule (one helper, analysis.framing.below_threshold_units)."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from analysis import charts, tables
from analysis.errors import InputError
from analysis.framing import below_threshold_units

# ------------------------------------------- 1. frames table: a unit with terms but no frame present


def _document_frames() -> pd.DataFrame:
    """Article a: one conflict hit, below threshold (the 100% the explore table showed); b: conflict present
    (3 hits) beside one human-interest hit below threshold; c: no terms at all."""
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c"],
        "frame_id": ["conflict", "human_interest"] * 3,
        "hits": [1, 0, 3, 1, 0, 0],
        "share": [1.0, 0.0, 0.75, 0.25, 0.0, 0.0],
        "present": [False, False, True, False, False, False],
    })


def test_below_threshold_units_names_the_units_with_terms_and_no_frame_present_with_their_hits():
    table = _document_frames()
    got = below_threshold_units(table)
    assert got.to_dict("list") == {"doc_id": ["a"], "hits": [1.0]}
    assert below_threshold_units(table, value="hits").to_dict("list") == {"doc_id": ["a"], "hits": [1.0]}
    two = pd.concat([table, table.assign(doc_id="d", hits=[2, 1, 0, 0, 0, 0],
                                         share=[2 / 3, 1 / 3, 0, 0, 0, 0], present=False)])
    assert below_threshold_units(two).to_dict("list") == {"doc_id": ["a", "d"], "hits": [1.0, 3.0]}
    no_hits = below_threshold_units(table.drop(columns="hits"))
    assert list(no_hits["doc_id"]) == ["a"] and math.isnan(no_hits["hits"].iloc[0])
    none = below_threshold_units(table[table["doc_id"] != "a"])
    assert list(none.columns) == ["doc_id", "hits"] and none.empty
    with pytest.raises(InputError, match="present"):
        below_threshold_units(table.drop(columns="present"))


def test_the_frames_table_says_below_threshold_where_the_chart_does_not_100_percent():
    table = _document_frames()
    shown = tables.frames_for_table(table)
    assert shown["share"].tolist() == ["below threshold (1 term hit)", None, 0.75, 0.25, 0.0, 0.0]
    assert shown.drop(columns="share").equals(table.drop(columns="share")), "every other column as it was"
    two_hits = tables.frames_for_table(table.assign(hits=[2, 0, 3, 1, 0, 0]))
    assert two_hits["share"].tolist()[:2] == ["below threshold (2 term hits)", None]
    assert tables.frames_for_table(table[table["doc_id"] != "a"])["share"].tolist() == [0.75, 0.25, 0.0, 0.0]
    # the chart applies the same rule to the same table: article a is the one bar it annotates
    fig = charts.frame_profile(table)
    assert [(a.x, a.text) for a in fig.layout.annotations] == [("c", "no frame terms"),
                                                               ("a", "below threshold<br>(1 term hit)")]
    with pytest.raises(InputError, match="share"):
        tables.frames_for_table(table.drop(columns="share"))


def test_the_frames_table_reads_below_threshold_in_the_page():
    from analysis.readable import show_table

    page = show_table(tables.frames_for_table(_document_frames()), columns=["doc_id", "share"], top=0).to_html()
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    assert cells == ["a", "below threshold (1 term hit)", "a", "", "b", "75%", "b", "25%", "c", "0%", "c", "0%"]


def test_explore_shows_its_frames_table_through_frames_for_table():
    import json
    from pathlib import Path

    cells = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb").read_text())["cells"]
    shown = [c for c in cells if "name=\"frames-by-article\"" in "".join(c["source"])]
    assert len(shown) == 1 and "wb.show_table(wb.tables.frames_for_table(document_frames)" in "".join(shown[0]["source"])
