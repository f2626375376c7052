"""Publication dates to UTC (analysis.corpus.dates) and how a load reports the ones it cannot read."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import analysis as wb
from analysis.corpus import CorpusWarning, parse_dates
from analysis.corpus.dates import infer_dayfirst

pytestmark = pytest.mark.filterwarnings("error::analysis.corpus.CorpusWarning")


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-09T10:00:00+02:00", "2024-05-09 08:00"),
        ("2024-05-09T10:00:00Z", "2024-05-09 10:00"),
        ("2024-05-09 10:00", "2024-05-09 10:00"),  # naive: taken as UTC
        ("2024-05-09", "2024-05-09"),
        ("Thu, 09 May 2024 10:00:00 +0200", "2024-05-09 08:00"),
        ("May 9, 2024", "2024-05-09"),
        ("9 May 2024 10:00 EST", "2024-05-09 15:00"),
        ("09/05/2024", "2024-05-09"),  # ambiguous: day-first
        ("1715241600", "2024-05-09 08:00"),  # epoch seconds
        ("1715241600000", "2024-05-09 08:00"),  # epoch milliseconds
        (1715241600, "2024-05-09 08:00"),
        (dt.date(2024, 5, 9), "2024-05-09"),
        (dt.datetime(2024, 5, 9, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))), "2024-05-09 08:00"),
    ],
)
def test_parse_one_date(value, expected):
    parsed, bad = parse_dates(pd.Series([value], dtype=object))
    assert parsed.iloc[0] == utc(expected)
    assert not bad.iloc[0]
    assert str(parsed.dtype) == "datetime64[ns, UTC]"


@pytest.mark.parametrize("value", ["soon", "5", "May 9", "32/13/2024", "n/a"])
def test_unparseable_dates_are_nat_and_flagged(value):
    parsed, bad = parse_dates(pd.Series([value, None, ""], dtype=object))
    assert parsed.isna().all()
    assert bad.tolist() == [True, False, False]  # missing is not bad


def test_dayfirst_is_inferred_from_unambiguous_values_and_can_be_forced():
    assert infer_dayfirst(pd.Series(["05/13/2024", "01/02/2024"])) is False
    assert infer_dayfirst(pd.Series(["13/05/2024", "01/02/2024"])) is True
    assert infer_dayfirst(pd.Series(["01/02/2024"])) is True
    assert parse_dates(pd.Series(["05/13/2024", "01/02/2024"]))[0].tolist() == [utc("2024-05-13"), utc("2024-01-02")]
    assert parse_dates(pd.Series(["01/02/2024"]), dayfirst=False)[0].tolist() == [utc("2024-01-02")]
    assert parse_dates(pd.Series(["01/02/2024"]), dayfirst=True)[0].tolist() == [utc("2024-02-01")]
    # ISO dates are never read day-first
    assert parse_dates(pd.Series(["2024-05-09", "13/05/2024"]))[0].tolist() == [utc("2024-05-09"), utc("2024-05-13")]


def test_datetime_columns_naive_and_aware():
    naive = pd.Series(pd.to_datetime(["2024-05-09 10:00"]))
    aware = naive.dt.tz_localize("Europe/Berlin")
    assert parse_dates(naive)[0].tolist() == [utc("2024-05-09 10:00")]
    assert parse_dates(aware)[0].tolist() == [utc("2024-05-09 08:00")]


def test_load_counts_bad_dates_in_one_warning_naming_the_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "title,text,date\nA,a.,2024-05-09\nB,b.,soon\nC,c.,someday\nD,d.,\nE,e.,never\nF,f.,later\n", encoding="utf-8"
    )
    with pytest.warns(CorpusWarning) as caught:
        docs = wb.load_corpus(path, dayfirst=True)
    assert [str(w.message) for w in caught] == [
        f"4 publication date(s) not understood were left empty (those documents count as undated) - {path.as_posix()}: 4 (rows 2, 3, 5, 6), "
        "e.g. 'soon', 'someday', 'never'. Fix the values, or see the load report "
        "(documents.attrs['load_report'] in Python; every report shows it under 'Load report')."
    ]
    assert docs["published"].isna().tolist() == [False, True, True, True, True, True]
    assert docs.attrs["load_report"] == [
        {"source": path.as_posix(), "row": None, "line": None,
         "problem": "4 publication date(s) not understood (rows 2, 3, 5, 6): 'soon', 'someday', 'never'",
         "action": "date left empty (not a valid date)"}
    ]


def test_ambiguous_dates_are_those_read_day_first_by_convention_alone():
    from analysis.corpus.dates import ambiguous_dates

    values = pd.Series(["04/07/2025", "2025-03-01", "04/04/2025", None, "5.7.2025"])
    assert ambiguous_dates(values).tolist() == [True, False, False, False, True], "04/04 reads the same either way"
    assert not ambiguous_dates(values, dayfirst=True).any() and not ambiguous_dates(values, dayfirst=False).any()
    assert not ambiguous_dates(pd.Series(["04/07/2025", "13/07/2025"])).any(), "13/07 settles the order"
    assert not ambiguous_dates(pd.Series([1714521600, 1714608000])).any()


def test_an_ambiguous_date_gets_a_load_report_note_naming_the_file_rows_and_reading(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text("title,text,date\nA,one,04/07/2025\nB,two,2025-03-01\nC,three,05/07/2025\n")
    docs = wb.load_corpus(path)
    assert docs["published"].tolist() == [utc("2025-07-04"), utc("2025-03-01"), utc("2025-07-05")]
    assert docs.attrs["load_report"] == [{
        "source": path.as_posix(), "row": None, "line": None,
        "problem": "2 publication date(s) could be day/month or month/day (rows 1, 3), and no date in the corpus "
                   "settles it: read day first, '04/07/2025' as 4 July 2025, '05/07/2025' as 5 July 2025",
        "action": "read day first; pass dayfirst=False to read them month first"}]
    assert wb.load_corpus(path, dayfirst=False).attrs["load_report"] == [], "a reading asked for is no guess"


def test_settled_reading_names_the_reading_and_the_first_date_that_settles_it():
    from analysis.corpus.dates import settled_reading

    assert settled_reading(pd.Series(["03/04/2026", "05/13/2026", "05/06/2026"])) == (False, 1), "13 can only be a day"
    assert settled_reading(pd.Series(["2026-01-02", "13/05/2026", "25/05/2026"], index=[7, 8, 9])) == (True, 8)
    assert settled_reading(pd.Series(["03/04/2026", "05/06/2026", None])) is None, "all ambiguous: nothing settles it"
    assert settled_reading(pd.Series(["2026-05-13"])) is None, "ISO dates are not numeric day/month dates"
    assert settled_reading(pd.Series([1714521600])) is None


def test_numeric_dates_are_found_among_repeated_and_other_values():
    # issue 10 point 16: each distinct value is searched once for a numeric date; repeats, ISO dates and
    # missing values around them change nothing
    from analysis.corpus.dates import ambiguous_dates, infer_dayfirst, settled_reading

    values = pd.Series(["04/07/2025", "2024-06-06T05:00:00Z", None, "04/07/2025", " 05.06.24", "2024-06-06T05:00:00Z"])
    assert ambiguous_dates(values).tolist() == [True, False, False, True, True, False]
    assert settled_reading(values) is None
    assert settled_reading(pd.concat([values, pd.Series(["07/13/2025"])], ignore_index=True)) == (False, 6)
    assert infer_dayfirst(pd.Series(["2024-06-06", "13/07/2025", "13/07/2025"])) is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-05 14:00 UTC", "2026-03-05 14:00"),  # pandas' ISO reader refuses the zone name
        ("2026-03-06 2:00 PM", "2026-03-06 14:00"),
        ("2026-03-09T14:30 CET", "2026-03-09 13:30"),
        ("2026/03/05", "2026-03-05"),
    ],
)
def test_a_date_written_year_first_is_never_read_day_first(value, expected):
    # alone (no numeric date settles the reading, which is day first by convention) and beside one
    # that can only be day first: year, month, day either way (the 5th of March, not the 3rd of May)
    for values in ([value], [value, "13/05/2024"]):
        published, bad = parse_dates(pd.Series(values))
        assert published.iloc[0] == utc(expected) and not bad.any(), values


def test_a_date_that_is_no_date_either_way_does_not_settle_the_day_month_order():
    # red team rt14 finding 19: 31/02/2026 (not a date) made the file day-first, so 10/11/2026 was read as
    # 10 November with no load-report note; it now stays ambiguous: read day first by convention and named
    from analysis.corpus.dates import infer_dayfirst, settled_reading

    values = pd.Series(["31/02/2026", "10/11/2026"])
    assert settled_reading(values) is None
    assert infer_dayfirst(pd.Series(["31/02/2026", "02/13/2026"])) is False, "a real month-first date still settles"
    assert settled_reading(pd.Series(["29/02/2024", "10/11/2026"])) == (True, 0), "29 February of a leap year is a date"
    assert settled_reading(pd.Series(["29/02/2026", "10/11/2026"])) is None, "of 2026 it is not"
    with pytest.warns(CorpusWarning, match="1 publication date"):
        docs = wb.load_corpus(pd.DataFrame({"title": ["A", "D"], "text": ["Osei said the fine was fair.", "Kell said yes."],
                                            "published": ["31/02/2026", "10/11/2026"]}))
    assert docs["published"].isna().tolist() == [True, False]
    report = wb.loader_report(docs)["problem"].tolist()
    assert any("read day first, '10/11/2026' as 10 November 2026" in p for p in report), report
