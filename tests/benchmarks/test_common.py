"""The helpers every benchmark shares: its targets recorded in the figures and shown as a table."""

from __future__ import annotations

from benchmarks.common import record_targets, target_table


def test_targets_are_recorded_with_their_limit_and_whether_they_are_met():
    figures: dict = {}
    record_targets(figures, {"speed": (9.5, "min", 8.0), "ratio": (2.5, "max", 2.0)})
    assert figures == {"target_speed": 9.5, "target_speed_min": 8.0, "target_speed_met": True,
                       "target_ratio": 2.5, "target_ratio_max": 2.0, "target_ratio_met": False}


def test_the_target_table_has_one_row_per_recorded_target_and_leaves_out_the_others():
    figures: dict = {}
    record_targets(figures, {"speed": (9.5, "min", 8.0), "ratio": (2.5, "max", 2.0)})
    assert target_table(figures, {"speed": "tone speed / TextBlob", "ratio": "10k / 10 aliases",
                                  "rss": "not measured in this run"}) == [
        "",
        "| target | measured | limit | met |",
        "|---|---:|---:|---|",
        "| tone speed / TextBlob | 9.5 | >= 8.0 | yes |",
        "| 10k / 10 aliases | 2.5 | <= 2.0 | **no** |",
    ]
