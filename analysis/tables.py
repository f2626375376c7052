"""Small helpers on the documents table and report sections that notebooks and reports share.

Reached as ``wb.tables.<name>`` (``import analysis as wb``); the ones a user exploring a corpus needs
most (select_document, document_card, corpus_summary, filter_documents, with_sentence_text,
with_period) are also at the top level. Names follow docs/naming.md: nouns name the table or object
returned, ``with_<column>`` adds columns, ``<subject>_panel`` is a report panel (a chart, or one line
saying why there is none), ``<thing>_as_<table>`` re-keys one table as another, verbs act.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.corpus.keys import LABEL_WORDS, article_labels, published_utc, with_article
from analysis.corpus.report import DROPPED_DUPLICATE
from analysis.deprecation import deprecated_alias, renamed_keywords
from analysis.actor_tone import actor_tone
from analysis.actors import actor_ranking
from analysis.entities import entities_as_mentions, same_entity_ids
from analysis.errors import InputError, require_columns, require_table
from analysis.readable import copyable_yaml

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from analysis.pipeline import Analysis
    from analysis.readable import Note

__all__ = ["select_document", "document_card", "article_labels", "LABEL_WORDS", "with_article", "corpus_summary", "filter_documents", "with_sentence_text",
           "key_sentences", "has_negation", "most_written_name", "period_unit", "PERIOD_MIN_DOCUMENTS", "with_period", "period_in_use", "same_spellings", "lump_values", "keep_top", "voice_for_chart",
           "lump_unnamed_sources", "UNNAMED_SOURCES",
           "undated_note", "GroupComparison", "compare_groups", "frames_panel", "frames_for_table", "attention_panel",
           "speakers_as_entities", "entity_tables", "lump_actors", "who_is_in_it", "report_colors", "corpus_actor_order", "copyable_yaml",
           "report_analysis", "report_documents", "REPORT_KEYWORDS", "LOADING_KEYWORDS", "check_report_choices",
           "in_zone", "zone_label"]

_CARD_FIELDS = ("doc_id", "title", "subtitle", "outlet", "author", "published", "url", "tags", "source", "duplicate_of")
_CARD_WORDS = {"duplicate_of": "copy of"}  # the doc_id of the article it is flagged as a copy of


def select_document(documents: pd.DataFrame, *, doc_id: str | None = None) -> pd.DataFrame:
    """The one-row documents table of ``doc_id``, or of the first document when ``doc_id`` is None.

    Raises InputError naming the id (and a few available ones) when it is not in the table.
    """
    require_table(documents, fn="select_document")
    if documents.empty:
        raise InputError("the corpus has no documents; check the corpus path and the load report")
    if doc_id is None:
        return documents.iloc[[0]]
    chosen = documents[documents["doc_id"] == str(doc_id)]
    if chosen.empty:
        from analysis.charts import shorten

        shown = documents.head(5)
        titles = shown["title"] if "title" in shown else pd.Series([None] * len(shown), index=shown.index)
        known = ", ".join(f"{i} ({shorten(t, width=50)})" if isinstance(t, str) and t.strip() else str(i)
                          for i, t in zip(shown["doc_id"], titles))
        more = f" and {len(documents) - len(shown):,} more" if len(documents) > len(shown) else ""
        raise InputError(f"doc_id {doc_id!r} is not in the corpus; ids it has (headline in brackets): {known}{more}; "
                         "wb.load_corpus(corpus)[['doc_id', 'title', 'source']] lists them all (from a shell: "
                         "python -c \"import analysis as wb; print(wb.load_corpus('CORPUS')[['doc_id', 'title']]"
                         ".to_string())\")")
    return chosen.iloc[[0]]


def document_card(documents: pd.DataFrame, *, with_doc_id: bool = True) -> pd.DataFrame:
    """The first document's metadata as a two-column table: ``field``, ``value`` (missing fields left out).

    ``with_doc_id=False`` leaves the ``doc_id`` row out (a one-article report, where the id, often a
    hash, tells a reader nothing). An article flagged as a copy of another has a ``copy of`` row:
    the other's doc_id (``duplicate_of``).

    Output columns: field (str), value (str).
    """
    require_table(documents, fn="document_card")
    row = documents.iloc[0]
    fields, values = [], []
    for name in _CARD_FIELDS if with_doc_id else _CARD_FIELDS[1:]:
        if name not in documents.columns:
            continue
        value = row[name]
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        if isinstance(value, pd.Timestamp) and pd.notna(value):
            value = value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M %Z").strip()
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            continue
        fields.append(_CARD_WORDS.get(name, name))
        values.append(str(value))
    return pd.DataFrame({"field": fields, "value": values})


def filter_documents(
    documents: pd.DataFrame,
    *,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    outlets: Sequence[str] | str | None = None,
    where: str | None = None,
    tz: str | None = None,
) -> pd.DataFrame:
    """The documents published in ``[start, end]`` (dates are whole days of the zone ``tz``, as
    :func:`in_zone` reads it; None: the zone of the documents' ``published`` column, UTC as loaded) from
    ``outlets`` that match ``where``.

    ``None`` means no limit. With a date limit, undated documents are left out. Outlets match whole
    names written any of the ways :func:`same_spellings` writes as one (case, accents, spaces and
    punctuation ignored, a leading "the" and a web domain left out: "fox news" is "foxnews"). ``where`` is a pandas query on the documents' columns,
    e.g. ``"topic == 'immigration' and bias_text != 'left'"``. Raises InputError on a date it cannot
    read, on a query it cannot run (naming the columns), and when a limit leaves no documents of a
    non-empty corpus (naming the limit and what the corpus holds: its dates or its outlets), since
    every table and chart of nothing would be empty.
    """
    require_table(documents, fn="filter_documents")
    keep = pd.Series(True, index=documents.index)
    published = published_utc(documents, fn="filter_documents")
    zone = _zone(tz) if tz is not None else _published_zone(documents)
    limits = {"start": _date_limit("start", start, zone), "end": _date_limit("end", end, zone)}
    if limits["start"] is not None and limits["end"] is not None and limits["start"] > limits["end"]:
        raise InputError(f"start={start!r} is after end={end!r}: start is the first day to include and end "
                         "the last; swap them or drop one")
    for (name, moment), value, compare in zip(limits.items(), (start, end), (published.__ge__, published.__le__)):
        if moment is None:
            continue
        keep &= compare(moment).fillna(False)
        if len(documents) and not keep.any():
            raise InputError(f"{name}={value!r} leaves no documents: {_date_range(published)}; "
                             "change or drop the limit")
    if outlets:
        wanted = [outlets] if isinstance(outlets, str) else list(outlets)
        outlet = documents["outlet"] if "outlet" in documents.columns else pd.Series(pd.NA, index=documents.index)
        keys = {_spelling_key(str(w)) for w in wanted}
        written = outlet.astype("string")
        names = written.dropna().unique()  # each distinct outlet keyed once, not each article
        keep &= written.isin([o for o in names if _spelling_key(o) in keys]).fillna(False).astype(bool)
        if len(documents) and not keep.any():
            present = sorted({str(o) for o in outlet.dropna()})
            held = f"the outlets in the corpus are {', '.join(present[:20])}" if present else \
                "the corpus has no outlet column or no outlet values"
            raise InputError(f"outlets={outlets!r} leaves no documents: {held}; change or drop the limit")
    chosen = documents[keep.to_numpy()]
    if where is not None and str(where).strip():
        try:
            matched = chosen.query(str(where), engine="python")
        except Exception as error:  # noqa: BLE001 - pandas raises many kinds for a bad query
            columns = ", ".join(str(c) for c in documents.columns if str(c).isidentifier())
            raise InputError(f"where={where!r}: {type(error).__name__}: {error}. Write a pandas query on the "
                             f"documents' columns ({columns}), e.g. where=\"outlet == 'Daily'\"") from error
        if len(chosen) and not len(matched):
            raise InputError(f"where={where!r} matches none of the {len(chosen):,} documents left; "
                             "change or drop the query")
        chosen = matched
    return chosen


def _date_limit(name: str, value: str | pd.Timestamp | None, zone: Any = "UTC") -> pd.Timestamp | None:
    """A ``start``/``end`` limit of :func:`filter_documents` as a UTC moment (None for no limit): the
    first moment of a start day, the last of an end day, days of ``zone`` (a value without a zone).
    InputError when ``value`` is not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        moment = pd.Timestamp(value)
    except (ValueError, TypeError) as error:
        raise InputError(f"{name}={value!r} is not a date; write it as YYYY-MM-DD") from error
    if moment.tzinfo is not None:
        return moment.tz_convert("UTC")
    if name == "end" and moment == moment.normalize():
        moment += pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    return moment.tz_localize(zone).tz_convert("UTC")


def _date_range(published: pd.Series) -> str:
    """Where the corpus's dates run, for an error message: 'the corpus's dates run from A to B'."""
    dated = published.dropna()
    if dated.empty:
        return "no document has a date"
    return f"the corpus's dates run from {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}"


def with_sentence_text(table: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """``table`` (any per-sentence table) with each row's ``section`` and sentence ``text`` added.

    Output columns: the table's columns, then section and text (renamed ``sentence`` when the table
    already has a ``text`` column). The evidence behind a number, one join away.
    """
    evidence = sentences[["doc_id", "sentence_id", "section", "text"]]
    if "text" in table.columns:
        evidence = evidence.rename(columns={"text": "sentence"})
    evidence = evidence.drop(columns=[c for c in ("section",) if c in table.columns])
    return table.merge(evidence, on=["doc_id", "sentence_id"], how="left")


def key_sentences(tone: pd.DataFrame, sentences: pd.DataFrame, *, score: str = "polarity", n: int = 3) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive sentences by ``score`` (zero scores left out).

    With TextBlob's ``polarity`` (the default score), a sentence holding a negation (:func:`has_negation`:
    not, n't, never, no, nothing, nobody, none, neither, nor, without, hardly, cannot) is never one of the
    most positive: TextBlob negates only a scored word right after not / no / never and reads "n't" as
    nothing, so "we found that women weren't listened to" or "they don't feel safe" score +0.5 ("safe").
    On NewsMTSC train (7,336 sentences whose targets share one human label), of the sentences TextBlob
    scores above 0, those holding a negation were coded negative more often than positive (625: 44% negative,
    27% positive; without a negation 2,614: 29% and 41%); of those it scores below 0, a negation makes no
    difference (55% and 52% negative), so the most negative end keeps them (session 17, rt17 M4).
    Other scores (VADER's compound reads negation itself) are taken as they are.

    Output columns: end ('most negative' or 'most positive'), doc_id, sentence_id, section, score
    column, text; most extreme first within each end.
    """
    scored = with_sentence_text(tone[["doc_id", "sentence_id", score]], sentences)
    negative = scored[scored[score] < 0].nsmallest(n, score).assign(end="most negative")
    candidates = scored[scored[score] > 0]
    if score == "polarity" and len(candidates):
        candidates = candidates[~has_negation(candidates["text"]).to_numpy()]
    positive = candidates.nlargest(n, score).assign(end="most positive")
    columns = ["end", "doc_id", "sentence_id", "section", score, "text"]
    return pd.concat([negative, positive], ignore_index=True)[columns]


_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")  # words, with an apostrophe inside ("weren't")


def has_negation(texts: pd.Series) -> pd.Series:
    """Whether each text holds a negation: a word of the ``negations`` list of
    ``lexicons/target_tone_words.yml`` (not, no, never, nothing, nobody, none, neither, nor, without,
    hardly, cannot) or a word ending in "n't" (curly apostrophes read as straight). Missing text: False.
    Returns a boolean Series on ``texts``' index."""
    from analysis.target_tone import default_spec

    words = frozenset(w for w in default_spec()["negations"] if w != "n't")

    def negated(text: object) -> bool:
        if not isinstance(text, str):
            return False
        return any(w in words or w.endswith("n't") for w in _WORDS.findall(text.lower().replace("\u2019", "'")))

    return pd.Series([negated(t) for t in texts], index=texts.index, dtype=bool)


def most_written_name(entities: pd.DataFrame) -> str:
    """A first term for keyword in context on any corpus: the form in which the most mentioned entity
    is most often written (its surname, say, when the text mostly uses that), counting direct
    mentions only (no pronouns); ties go to the entity and form met first. ``"said"`` (every
    attribution in context) when ``entities`` (``wb.entities``) holds no named mention.
    """
    from analysis.entities import actor_rows

    entities = actor_rows(entities)  # (not the document's own outlet: "told the Echo")
    named = entities[entities["via"].isin(("name", "short"))] if len(entities) else entities
    if named.empty:
        return "said"
    counts = named.groupby("entity_id", sort=False).size()
    top = named[named["entity_id"] == counts.idxmax()]
    forms = top.groupby("text", sort=False).size()
    return str(forms.idxmax())


def corpus_summary(documents: pd.DataFrame) -> pd.DataFrame:
    """The corpus at a glance as a two-column table: ``field``, ``value`` (both str).

    Fields: documents, words (whitespace-separated, title and text), outlets, first and last
    publication day (in the zone of the ``published`` column, :func:`in_zone`; UTC as loaded), undated documents, then the duplicates, each field saying what it counts:
    "duplicates left out (not counted)" when the load report (``documents.attrs["load_report"]``)
    lists copies dropped by ``drop_duplicates`` (entries whose ``action`` is
    :data:`analysis.corpus.report.DROPPED_DUPLICATE`), and "duplicates kept (flagged, counted)": the
    documents whose ``duplicate_of`` is set, left out when copies were dropped and none is kept (a 0 next
    to the copies dropped read as a contradiction).
    """
    require_table(documents, fn="corpus_summary")
    published = _published_in_zone(documents, fn="corpus_summary")
    words = (documents["title"].fillna("") + " " + documents["text"].fillna("")).str.split().str.len().sum()
    outlets = documents["outlet"].dropna().nunique() if "outlet" in documents else 0
    duplicates = int(documents["duplicate_of"].notna().sum()) if "duplicate_of" in documents else 0
    dropped = sum(entry.get("action") == DROPPED_DUPLICATE for entry in documents.attrs.get("load_report", ()))
    day = (lambda moment: moment.strftime("%Y-%m-%d") if pd.notna(moment) else "n/a")
    copies = {**({"duplicates kept (flagged, counted)": duplicates} if duplicates or not dropped else {}),
              **({"duplicates left out (not counted)": dropped} if dropped else {})}
    return pd.DataFrame({
        "field": ["documents", "words", "outlets", "first day", "last day", "undated documents", *copies],
        "value": [f"{len(documents):,}", f"{int(words):,}", f"{outlets:,}", day(published.min()),
                  day(published.max()), f"{int(published.isna().sum()):,}", *[f"{n:,}" for n in copies.values()]],
    })


#: The fewest articles the median period with articles must hold for a sparse unit to be used (see
#: :func:`period_unit`).
PERIOD_MIN_DOCUMENTS = 3

_PERIOD_STEPS = {"day": "D", "week": "W-MON", "month": "MS"}


def period_unit(documents: pd.DataFrame, *, min_documents: int = PERIOD_MIN_DOCUMENTS) -> str:
    """The time bin that suits the documents' dates: "day", "week" or "month".

    The date range gives the finest unit allowed ("day" up to 45 days, "week" up to about nine
    months (39 weeks), else "month"); from there the unit grows (day, week, month) until the
    documents fill it: at least half of its periods from the first to the last date hold an
    article, or the median period that holds any holds at least ``min_documents``. "month" is the
    coarsest. So 4 articles on 4 days of a 33-day span are binned by week (4 of 6 weeks hold one),
    not as 34 days of which 30 are zeros. Undated documents do not count; no dates gives "day".
    ``with_period(documents, period=...)`` (the reports' ``-p period=...``) overrides the choice.
    """
    published = _published_in_zone(documents, fn="period_unit").dropna() \
        if "published" in documents else pd.Series([], dtype="datetime64[ns, UTC]")
    if published.empty:
        return "day"
    span = (published.max() - published.min()).days
    units = ["day", "week", "month"][0 if span <= 45 else 1 if span <= 273 else 2:]
    days = published.dt.tz_localize(None).dt.normalize()
    for unit in units[:-1]:
        starts = _period_start(days, unit)
        grid = pd.date_range(starts.min(), starts.max(), freq=_PERIOD_STEPS[unit])
        per_period = starts.value_counts()
        if len(per_period) * 2 >= len(grid) or per_period.median() >= min_documents:
            return unit
    return units[-1]


def _period_start(days: pd.Series, unit: str) -> pd.Series:
    """The first day of the day, week (Monday) or month of each of ``days`` (tz-naive midnights)."""
    if unit == "week":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    if unit == "month":
        return days - pd.to_timedelta(days.dt.day - 1, unit="D")
    return days


@renamed_keywords(unit="period")
def with_period(documents: pd.DataFrame, *, period: str | None = None, tz: str | None = None) -> pd.DataFrame:
    """``documents`` with a ``period`` column: the first day (YYYY-MM-DD) of the day, week (starting
    Monday) or month each was published in, a calendar day of the zone ``tz``; NA when undated.
    ``period`` ("day", "week" or "month"; the old keyword ``unit=`` is deprecated) None chooses it from
    the date range (:func:`period_unit`). ``tz``: as :func:`in_zone` reads it ("America/Los_Angeles",
    "-07:00", "UTC"); given, ``published`` is shown in that zone too (:func:`in_zone`); None: the zone
    of the ``published`` column (UTC as loaded: a story published at 21:10 on 12 August in California
    counts on 13 August). ``period_unit`` and ``period_zone`` (:func:`zone_label`) are stored in ``.attrs``.

    Use ``by=("period", "actor")`` in ``mentions_by`` and ``by="period"`` in ``frames_by``.
    """
    require_table(documents, fn="with_period")
    if tz is not None:
        documents = in_zone(documents, tz=tz)
    unit = period or period_unit(documents)
    if unit not in ("day", "week", "month"):
        raise InputError(f"period={unit!r}: use 'day', 'week' or 'month'")
    published = _published_in_zone(documents, fn="with_period") if "published" in documents \
        else pd.Series(pd.NaT, index=documents.index, dtype="datetime64[ns, UTC]")
    day = _period_start(published.dt.tz_localize(None).dt.normalize(), unit)
    out = documents.assign(period=day.dt.strftime("%Y-%m-%d").astype("string"))
    out.attrs["period_unit"] = unit
    out.attrs["period_zone"] = zone_label(_published_zone(documents))
    return out


_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def _zone(tz: Any) -> Any:
    """The zone ``tz`` names, as pandas converts to it: "UTC" for None, "", "UTC", "GMT" or "Z"; a fixed
    offset for "-07:00", "+0530", "UTC+2"; else an IANA name ("America/Los_Angeles"). InputError else."""
    import datetime as dt
    import zoneinfo

    text = "" if tz is None else str(tz).strip()
    if text.upper() in ("", "UTC", "GMT", "Z"):
        return "UTC"
    if (match := _OFFSET.match(text)):
        sign, hours, minutes = match.groups()
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta < dt.timedelta(hours=15) and int(minutes or 0) < 60:
            return dt.timezone(-delta if sign == "-" else delta)
    else:
        try:
            zoneinfo.ZoneInfo(text)
            return text
        except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):  # ("Pacific" is a folder of zones)
            pass
    raise InputError(f"tz={tz!r} is not a time zone: write a zone name such as 'America/Los_Angeles' or "
                     "'Europe/Berlin', an offset from UTC such as '-07:00', or 'UTC'")


def zone_label(tz: Any) -> str:
    """A time zone as a report names it: "UTC", "America/Los_Angeles", "UTC-07:00" (``tz``: what
    :func:`in_zone` reads, or a zone pandas gives)."""
    import datetime as dt

    zone = _zone(tz) if tz is None or isinstance(tz, str) else tz
    if isinstance(zone, dt.timezone):
        if zone.utcoffset(None) == dt.timedelta(0):
            return "UTC"
        return zone.tzname(None)  # "UTC-07:00"
    return str(getattr(zone, "key", zone))


def in_zone(documents: pd.DataFrame, *, tz: str | None) -> pd.DataFrame:
    """``documents`` with ``published`` in the time zone ``tz``: the same moments, shown as that zone's
    clock ("2026-08-12 21:10 PDT", not "2026-08-13 04:10 UTC") and counted on its calendar days by
    :func:`with_period`, :func:`filter_documents`, :func:`corpus_summary` and :func:`period_unit`
    (a loaded corpus is in UTC). ``tz``: an IANA zone name ("America/Los_Angeles", "Europe/Berlin"),
    an offset from UTC ("-07:00", "+0530") or "UTC"; None or "" keeps UTC. InputError naming the
    forms for anything else. Without a ``published`` column, ``documents`` as given."""
    require_table(documents, fn="in_zone")
    zone = _zone(tz)
    if "published" not in documents:
        return documents
    out = documents.assign(published=published_utc(documents, fn="in_zone").dt.tz_convert(zone))
    out.attrs = dict(documents.attrs)
    return out


def _published_zone(documents: pd.DataFrame) -> Any:
    """The zone of the documents' ``published`` column (a zone-aware column's), else UTC."""
    column = documents["published"] if "published" in documents else None
    zone = getattr(getattr(column, "dt", None), "tz", None) if column is not None and \
        isinstance(column.dtype, pd.DatetimeTZDtype) else None
    return zone if zone is not None else "UTC"


def _published_in_zone(documents: pd.DataFrame, *, fn: str) -> pd.Series:
    """:func:`published_utc` of ``documents`` in the zone of their ``published`` column (UTC as loaded)."""
    return published_utc(documents, fn=fn).dt.tz_convert(_published_zone(documents))


#: What a report's header says of the period of a corpus without a date.
NO_PERIOD = "n/a (no dates in this corpus)"


def period_in_use(documents: pd.DataFrame) -> str:
    """The time unit the charts over time of ``documents`` (:func:`with_period`) use, for a report's
    header: ``.attrs["period_unit"]`` ("day", "week" or "month"), or :data:`NO_PERIOD` when no
    document has a date (there is no chart over time, so no unit was chosen)."""
    require_table(documents, fn="period_in_use")
    if "period" not in documents or documents["period"].isna().all():
        return NO_PERIOD
    return str(documents.attrs.get("period_unit", "n/a (with_period was not applied)"))


def _spelling_key(value: str) -> str:
    """The key two spellings of one name share: accents, case, spaces and punctuation ignored, a leading
    "the" and a trailing web domain (".com", ".co.uk", ...) left out ("The Huffington Post",
    "thehuffingtonpost" and "huffingtonpost.com": "huffingtonpost")."""
    import unicodedata

    text = unicodedata.normalize("NFKD", value).casefold()
    text = re.sub(r"\.(?:com|org|net|co\.uk|com\.au|co\.in|in|uk|au)\s*$", "", text.strip())
    key = "".join(ch for ch in text if ch.isalnum())
    return key[3:] if key.startswith("the") and len(key) > 5 else key


def same_spellings(documents: pd.DataFrame, *, column: str = "outlet") -> pd.DataFrame:
    """``documents`` with the spellings of one value of ``column`` written as one: values that differ only
    in case, accents, spaces, punctuation, a leading "the" or a trailing web domain ("thehuffingtonpost",
    "The Huffington Post", "huffingtonpost.com"; "foxnews" and "Fox News") take the spelling a person
    would write: one with a capital letter or a space where there is one, else the most frequent (ties:
    the first in the table). Counting outlets, or comparing them, then counts one outlet once.
    ``documents.attrs["spellings"]``: ``column``, ``replaced`` (each spelling replaced -> the one kept;
    empty when none was) and ``articles`` (each replaced spelling's number of articles); the reports name
    them in the load report. Missing values stay missing."""
    _require_group_column(documents, column)
    values = documents[column]
    counts = values[values.notna()].astype(str).value_counts(sort=False)
    groups: dict[str, list[str]] = {}
    for value in counts.index:
        key = _spelling_key(value)
        groups.setdefault(key or value, []).append(value)  # (a name of marks only is no key two names share)
    chosen: dict[str, str] = {}
    for spellings in groups.values():
        if len(spellings) < 2:
            continue
        written = [v for v in spellings if v != v.lower() or " " in v.strip()] or spellings
        keep = max(written, key=lambda v: counts[v])  # max keeps the first of a tie: the table's order
        chosen.update({v: keep for v in spellings if v != keep})
    out = documents.assign(**{column: values.replace(chosen)}) if chosen else documents.copy()
    out.attrs["spellings"] = {"column": column, "replaced": chosen,
                              "articles": {v: int(counts[v]) for v in chosen}}
    return out


def lump_values(documents: pd.DataFrame, *, column: str = "outlet", top: int = 8, other: str = "others") -> pd.DataFrame:
    """``documents`` with the values of ``column`` beyond its ``top`` most frequent replaced by
    ``other``, so charts by outlet (or any group) stay readable with hundreds of values. Missing
    values are kept missing."""
    _require_group_column(documents, column)
    counts = documents[column].value_counts(dropna=True)
    if len(counts) <= top:
        return documents
    keep = set(counts.index[:top])
    values = documents[column].where(documents[column].isin(keep) | documents[column].isna(), other)
    return documents.assign(**{column: values})


def _require_group_column(documents: pd.DataFrame, column: str) -> None:
    """InputError naming the documents' columns when ``column`` (the column to group by) is not one."""
    if column not in documents:
        raise InputError(f"column {column!r} (the column to group by) is not in the documents; columns are "
                         f"{', '.join(map(str, documents.columns))}: pick one (in a report: -p group_by=outlet)")


def check_report_choices(documents: pd.DataFrame, *, group_by: str | None = None, actor_id: str | None = None,
                         actors: Any = None) -> None:
    """InputError, before anything is analysed, when a report's ``group_by`` or ``actor_id`` cannot
    name anything in ``documents`` (the table :func:`report_documents` keeps): ``group_by`` not a column
    (the message :func:`lump_values` gives), or an ``actor_id`` that is no id of the actor lexicon
    ``actors`` (None: the default) and that no headline or text writes (words compared in any case,
    punctuation ignored; also without the titles it starts with, :func:`analysis.entity_words.without_titles`:
    "Dr. Amara Okafor"; an entity id
    ``person:harold_pickett`` as "harold pickett"). What needs the analysis (a name two entities
    share) is left to the report. Documents without their text (a saved analysis read for a check)
    are not searched for ``actor_id``; a lexicon that cannot be read is left to the report to say."""
    from analysis.actors import load_actors
    from analysis.entities import ENTITY_TYPES
    from analysis.entity_words import without_titles

    if group_by is not None and group_by != "text":  # (a saved analysis' documents may be read without text)
        _require_group_column(documents, str(group_by))
    if actor_id is None or not str(actor_id).strip() or "text" not in documents:
        return
    try:
        lexicon = load_actors(actors).actors
    except (InputError, OSError):
        return
    if str(actor_id).strip() in set(lexicon["actor_id"].astype(str)):
        return
    kind, colon, rest = str(actor_id).partition(":")
    name = rest.replace("_", " ") if colon and kind in ENTITY_TYPES else str(actor_id)

    def words(text: object) -> str:
        return " " + " ".join(re.findall(r"\w+", str(text).casefold())) + " "

    forms = {words(name), words(without_titles(" ".join(name.casefold().split())))}
    titles = documents["title"] if "title" in documents else pd.Series("", index=documents.index)
    for title, text in zip(titles.fillna(""), documents["text"].fillna("")):
        written = words(f"{title} {text}")
        if any(form in written for form in forms):
            return
    raise InputError(f"actor_id {actor_id!r} is not mentioned in this corpus: no headline or text writes it, and it "
                     "is no id of the actor lexicon. Pass an id of the actor lexicon, or a name as the corpus report "
                     "shows it.")


def keep_top(table: pd.DataFrame, *, n: int = 10, by: str = "actor_id", weight: str = "mentions") -> pd.DataFrame:
    """The rows of ``table`` whose ``by`` value is among the ``n`` with the largest total ``weight``.

    Ties keep the value seen first. Row order is kept.
    """
    totals = table.groupby(by, sort=False)[weight].sum()
    chosen = totals.sort_values(ascending=False, kind="stable").index[:n]
    return table[table[by].isin(chosen)]


def lump_actors(table: pd.DataFrame, *, n: int = 10, by: str = "group", weight: str = "mentions",
                other: str = "other actors") -> pd.DataFrame:
    """``table`` (one row per group and actor, e.g. :func:`who_is_in_it`) with the actors beyond the
    ``n`` of largest total ``weight`` (:func:`keep_top`) summed into one row per group (``by``), so that a
    stacked chart still adds up to every mention of each group.

    Output columns: those of ``table``; the rows kept in their order, each group's rest after its own
    rows (actor_id "others", actor ``other``, ``weight`` the rest's sum; other columns empty); a group
    with nothing left over gets no such row.
    """
    kept = keep_top(table, n=n, by="actor_id", weight=weight)
    rest = table.drop(index=kept.index)
    if rest.empty:
        return kept.reset_index(drop=True)
    lumped = rest.groupby(by, sort=False)[weight].sum().reset_index().assign(actor_id="others", actor=other)
    order = {g: i for i, g in enumerate(dict.fromkeys(table[by]))}
    both = pd.concat([kept.assign(_o=0), lumped.assign(_o=1)], ignore_index=True)
    both = both.assign(_g=both[by].map(order)).sort_values(["_g", "_o"], kind="stable")
    return both.drop(columns=["_g", "_o"])[list(table.columns)].reset_index(drop=True)


def voice_for_chart(voice: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The rows of a voice table a "who speaks" chart shows: the ``top`` most mentioned actors and the
    ``top`` most quoted ones (:func:`analysis.charts.voice_bars`' rule), most mentioned first; the row of
    the unnamed sources (a ``sources`` value, :func:`lump_unnamed_sources`) kept, last."""
    from analysis.quotes import top_voices

    apart = voice["sources"].notna().to_numpy() if "sources" in voice else None
    actors = voice if apart is None else voice[~apart]
    ordered = actors.sort_values("mentions", ascending=False, kind="stable")
    rows = pd.RangeIndex(len(ordered))  # (by position)
    quotes = pd.Series(ordered["quotes"].to_numpy() if "quotes" in ordered else 0, index=rows)
    keep = rows.isin(top_voices(rows, quotes=quotes, top=top))
    if apart is None or not apart.any():
        return ordered[keep].reset_index(drop=True)
    return pd.concat([ordered[keep], voice[apart]]).reset_index(drop=True)


#: The name of the one row (and bar) that holds the quotations of unnamed sources (:func:`lump_unnamed_sources`).
UNNAMED_SOURCES = "unnamed sources"


def lump_unnamed_sources(voice: pd.DataFrame, *, quotes: pd.DataFrame) -> pd.DataFrame:
    """``voice`` (``wb.voice``) with its unnamed sources — speakers the text names by a common noun
    ("officials", "a spokesman", "the sheriff's office") and links to no actor or entity
    (:func:`analysis.quotes.unnamed_source_rows`) — lumped into one last row named "unnamed sources"
    (:data:`UNNAMED_SOURCES`), as the findings count them apart ("14 quotations from unnamed sources:
    ..."): a "who speaks" chart draws them as one bar, clearly not an actor, instead of "Officials"
    among the people and organisations quoted.

    The same columns plus ``sources``: for that row the sources it holds as the findings list them
    ("officials (3), analysts and the sheriff's office (2 each) and 7 more",
    :func:`analysis.findings.unnamed_sources_text`), NA for every actor. The row's ``actor_id`` is NA,
    its counts and shares the sums of the rows it lumps (``mentions`` 0: a common noun is not counted as a
    mention), ``never_quoted`` false. No such row when there is no unnamed source. ``quotes``: the quotes
    table the voice table was counted from."""
    from analysis.findings import unnamed_sources_text
    from analysis.quotes import unnamed_source_rows

    require_columns(voice, ("actor_id", "actor", "mentions", "quotes"), fn="lump_unnamed_sources", name="voice",
                    fix="pass the table wb.voice(mentions, quotes) returns")
    apart = unnamed_source_rows(voice, quotes=quotes).to_numpy(dtype=bool)
    out = voice[~apart].assign(sources=pd.Series(pd.NA, index=voice.index[~apart], dtype="object"))
    if not apart.any():
        return out.reset_index(drop=True)
    lumped = voice[apart]
    row = {column: lumped[column].sum() for column in voice.columns
           if column not in ("actor_id", "actor", "never_quoted") and pd.api.types.is_numeric_dtype(voice[column])}
    row.update(actor_id=pd.NA, actor=UNNAMED_SOURCES, sources=unnamed_sources_text(lumped))
    if "voice_gap" in voice:
        row["voice_gap"] = row.get("mention_share", 0.0) - row.get("quote_share", 0.0)
    if "never_quoted" in voice:
        row["never_quoted"] = False
    last = pd.DataFrame([row])[list(out.columns)].astype({c: out[c].dtype for c in out.columns if c != "sources"})
    return pd.concat([out, last], ignore_index=True)


def undated_note(documents: pd.DataFrame) -> Note | None:
    """One line on the undated documents (left out of the time charts), or nothing when all are dated."""
    from analysis.readable import Note

    published = published_utc(documents, fn="undated_note") if "published" in documents \
        else pd.Series(pd.NaT, index=documents.index)
    missing = int(published.isna().sum())
    if not missing:
        return Note("")
    if missing == len(documents):
        return Note("")  # the chart over time says so itself
    return Note(f"{missing:,} of {len(documents):,} articles have no date: they are counted everywhere except in the "
                f"charts over time.")


@dataclass(frozen=True)
class GroupComparison:
    """Attention, voice, tone and frames side by side for the groups of one documents column.

    Tables (each with the ``by`` column first): ``attention`` (mentions_by group and actor, the
    ``top`` actors overall), ``voice`` (the voice table per group, of those actors and the ``top`` most
    quoted overall, and the unnamed sources lumped into one row per group whatever the cut,
    :func:`lump_unnamed_sources`, with actor_id "unnamed sources"; the chart draws it grey), ``tone`` (actor_tone_by group
    and actor), ``frames`` (frames_by group). ``groups``: the group values, largest first.
    """

    by: str
    groups: list
    attention: pd.DataFrame
    voice: pd.DataFrame
    tone: pd.DataFrame
    frames: pd.DataFrame

    def _single(self, what: str, *, first: bool = False):
        from analysis.charts import ChartNote
        from analysis.readable import Note

        if len(self.groups) >= 2:
            return None
        if not first:
            return Note("")  # the first chart of the comparison says why once
        if self.groups and self.groups[0] == "(none)":
            why = f"No document here gives its {self.by}"
        else:
            why = f"Only one {self.by}{f' ({self.groups[0]})' if self.groups else ''} in these documents"
        return ChartNote(why, title=what,
                         hint=f"attention, voice, tone and frames by {self.by} would repeat the charts above; pick another "
                              f"-p group_by=... column or widen -p where=...")

    def attention_chart(self, *, colors=None):
        from analysis.charts import outlet_comparison

        return self._single(f"Compared by {self.by}", first=True) or outlet_comparison(
            self.attention, outlet=self.by, y="share", colors=colors, title=f"Share of mentions, by {self.by}")

    def voice_chart(self, *, colors=None):
        from analysis.charts import OTHERS_COLOR, outlet_comparison

        return self._single(f"Who speaks, by {self.by}") or outlet_comparison(
            self.voice[self.voice["quotes"] > 0], outlet=self.by, y="quote_share",
            colors={**(colors or {}), UNNAMED_SOURCES: OTHERS_COLOR},  # a lump, not an actor: grey, as "others"
            title=f"Share of quotations, by {self.by}")

    def tone_chart(self, *, colors=None):
        from analysis.charts import TONE_MIN_SENTENCES, outlet_comparison

        # a mean of one sentence is grey, as in the tone chart (an editor read "Drudge is positive about
        # Pruitt" off a bar from one sentence)
        return self._single(f"Tone by {self.by}") or outlet_comparison(
            self.tone, outlet=self.by, y=[c for c in self.tone.columns if c.startswith("mean_")][0], colors=colors,
            title=f"Tone around actors, by {self.by}", min_n=TONE_MIN_SENTENCES)

    def frames_chart(self, *, names=None):
        from analysis.charts import frame_profile

        return self._single(f"Frames by {self.by}") or frame_profile(
            self.frames, by=self.by, names=names, title=f"Frames, by {self.by}")


def compare_groups(result, documents: pd.DataFrame, *, by: str = "outlet", top: int = 8,
                   mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                   actor_tone: pd.DataFrame | None = None, document_frames: pd.DataFrame | None = None
                   ) -> GroupComparison:
    """Compare the groups of any documents column (outlet, topic, bias, country ...).

    ``result``: the analysis of ``documents``; ``mentions``, ``quotes``, ``actor_tone`` (defaults:
    those of ``result``) the tables to count (e.g. entity mentions); ``document_frames``: ``frames(..., level="document")`` (computed when None, with the analysis' codebook).
    Documents with no value in ``by`` form the group "(none)". See :class:`GroupComparison`.
    """
    from analysis.actors import mentions_by
    from analysis.framing import frames_by
    from analysis.quotes import top_voices, voice
    from analysis.actor_tone import actor_tone_by

    if by not in documents:
        raise InputError(f"group_by={by!r} is not a column of the documents; columns are "
                         f"{', '.join(map(str, documents.columns))}")
    mentions = result.mentions if mentions is None else mentions
    quotes = result.quotes if quotes is None else quotes
    actor_tone = result.actor_tone if actor_tone is None else actor_tone
    docs = documents.assign(**{by: documents[by].astype("string").fillna("(none)")})
    groups = docs[by].value_counts().index.tolist()
    group_of = dict(zip(docs["doc_id"].astype(str), docs[by]))
    attention = mentions_by(mentions, docs, by=(by, "actor"))
    ranking = attention.groupby("actor_id")["mentions"].sum().sort_values(ascending=False).index
    leaders = ranking[:top]
    attention = attention[attention["actor_id"].isin(leaders)].reset_index(drop=True)
    parts = []
    for group in groups:
        ids = {d for d, g in group_of.items() if g == group}
        said = quotes[quotes["doc_id"].astype(str).isin(ids)]
        table = lump_unnamed_sources(voice(mentions[mentions["doc_id"].astype(str).isin(ids)], said), quotes=said)
        parts.append(table.assign(**{by: group}))
    voices = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    voices = voices[[by, *[c for c in voices.columns if c != by]]]
    voices["actor_id"] = voices["actor_id"].astype("object").where(voices["actor_id"].notna(), voices["actor"])
    # the top actors and the top most quoted overall (not every quoted actor: a corpus of thousands of
    # speakers drew thousands of bars in each group's panel)
    # speakers only: the unnamed sources' row of each group is kept whatever the cut, as voice_bars keeps it
    unnamed = voices["sources"].notna()
    kept = top_voices(ranking, quotes=voices[~unnamed].groupby("actor_id", sort=False)["quotes"].sum(), top=top)
    voices = voices[voices["actor_id"].isin(kept) | unnamed].reset_index(drop=True)
    tone_rows = actor_tone.assign(**{by: actor_tone["doc_id"].astype(str).map(group_of)})
    tone_rows = tone_rows[tone_rows["actor_id"].isin(leaders)]
    tone = actor_tone_by(tone_rows, by=(by, "actor_id")) if len(tone_rows) else pd.DataFrame(
        columns=[by, "actor_id", "actor", "n_mentions", "n_sentences", "mean_polarity"])
    if document_frames is None:
        from analysis.framing import frames as find_frames

        codebook = getattr(result, "codebook", None)  # the analysis' own codebook (None: the default, as before)
        document_frames = find_frames(documents, codebook, level="document", sentences=result.sentences,
                                      mentions=result.entities)  # the analysis' entities: not found again
    frames = frames_by(document_frames, docs, by=by)
    return GroupComparison(by=by, groups=groups, attention=attention, voice=voices, tone=tone, frames=frames)


def _time_note(documents: pd.DataFrame, what: str, *, undated: str):
    """A ChartNote when a chart over time has nothing to show (no dates, or one period), else None;
    without dates it is titled ``undated`` ("Mentions over time"): no unit was chosen, as none can be."""
    from analysis.charts import NO_DATES_HINT, ChartNote

    periods = documents["period"].dropna().unique() if "period" in documents else []
    if len(periods) == 0:
        return ChartNote("No dates in this corpus", title=undated, hint=NO_DATES_HINT)
    if len(periods) == 1:
        unit = documents.attrs.get("period_unit", "period")
        return ChartNote(f"Every dated article falls in one {unit} ({periods[0]})", title=what,
                         hint="a chart over time would be a single point; see the totals above")
    return None


def attention_panel(mentions: pd.DataFrame, documents: pd.DataFrame, *, top: int = 12, colors=None) -> go.Figure:
    """Report panel: mentions per period (``with_period``) of the ``top`` most mentioned actors, as a
    chart; one line instead when there are no dates or only one period."""
    from analysis.actors import mentions_by
    from analysis.charts import attention_over_time

    unit = documents.attrs.get("period_unit", "period")
    title = f"Mentions per {unit}"
    note = _time_note(documents, title, undated="Mentions over time")
    if note is not None:
        return note
    counts = mentions_by(mentions, documents, by=("period", "actor"))
    grid = period_grid(documents)
    fig = attention_over_time(keep_top(counts, n=top), time="period", times=grid, period=unit, colors=colors, title=title)
    return fig.update_xaxes(**_period_ticks(grid, unit, zone=documents.attrs.get("period_zone")))


def _period_ticks(grid: list[str], unit: str, *, zone: str | None = None) -> dict:
    """x-axis settings that put the ticks on the periods' first days (plotly's own weekly ticks fall
    on Sundays, a day before each weekly point), at most about 12 of them, and name the unit and the
    time zone whose calendar it counts in (``zone``, ``with_period``'s ``period_zone``: "day (UTC)")."""
    from analysis.charts import DAY_FORMAT

    if unit not in _PERIOD_STEPS or not grid:
        return {}
    every = -(-len(grid) // 12)  # ceil: a tick every so many periods
    if unit == "month":
        return dict(title_text=_period_title(unit, zone), tick0=grid[0], dtick=f"M{every}", tickformat="%b %Y")
    days = 7 if unit == "week" else 1
    return dict(title_text=_period_title(unit, zone), tick0=grid[0],
                dtick=86_400_000 * days * every, tickformat=DAY_FORMAT, hoverformat=DAY_FORMAT)


def _period_title(unit: str, zone: str | None) -> str:
    """A time axis' title: "day (UTC)", "week (starting Monday, America/Los_Angeles)", "month"."""
    said = [*(["starting Monday"] if unit == "week" else []), *([zone] if zone else [])]
    return f"{unit} ({', '.join(said)})" if said else unit


def period_grid(documents: pd.DataFrame) -> list[str]:
    """Every period (``with_period``: YYYY-MM-DD, the first day of each day, week or month) from the
    documents' first to their last, those without articles included; [] without dated documents.
    Without the unit ``with_period`` stores in ``.attrs`` (lost by some pandas operations), the
    periods the documents have, sorted: no unit is guessed."""
    periods = documents["period"].dropna() if "period" in documents else pd.Series([], dtype=object)
    step = _PERIOD_STEPS.get(documents.attrs.get("period_unit"))
    if periods.empty or step is None:
        return sorted(set(periods.astype(str)))
    dated = pd.to_datetime(periods)
    return [f"{t:%Y-%m-%d}" for t in pd.date_range(dated.min(), dated.max(), freq=step)]


#: The most periods the frames panel labels one by one (more would overlap at a report's width).
_MOST_PERIOD_LABELS = 12


def _every_period(periods: list[str], unit: str) -> list[str]:
    """Every period from the first to the last of ``periods`` (first days written YYYY-MM-DD, as
    ``with_period`` gives them) at the step of ``unit`` ("day", "week", "month"), written alike;
    ``periods`` as they are for another unit or values that are no dates."""
    if unit not in _PERIOD_STEPS or not periods:
        return periods
    try:
        days = pd.to_datetime(pd.Series(periods), format="%Y-%m-%d")
    except (TypeError, ValueError):
        return periods
    every = pd.date_range(days.min(), days.max(), freq=_PERIOD_STEPS[unit]).strftime("%Y-%m-%d").tolist()
    return every if set(periods) <= set(every) else periods


def frames_panel(document_frames: pd.DataFrame, documents: pd.DataFrame, *, names=None) -> go.Figure:
    """Report panel: the frame profile per period (``with_period``), undated articles left out, each
    period labelled with its number of articles (a period whose articles hold no frame term reads "no
    frame terms"); with more than 12 periods, every so many labelled (at most 12 labels) and each
    bar's number of articles in its hover; a day, week or month with no article between the first and
    the last is an empty slot (the axis title says so), so bars stand where their time is, labelled
    the same way; one line instead when there are no dates or only one period."""
    from analysis.charts import frame_profile
    from analysis.framing import frames_by

    unit = documents.attrs.get("period_unit", "period")
    title = f"Frames per {unit}"
    note = _time_note(documents, title, undated="Frames over time")
    if note is not None:
        return note
    per_period = frames_by(document_frames, documents, by="period")
    per_period = per_period[per_period["period"].notna()]
    fig = frame_profile(per_period, by="period", names=names, title=title, period=unit)
    if unit in _PERIOD_STEPS:
        fig.update_xaxes(title_text=_period_title(unit, documents.attrs.get("period_zone")))
    if fig.data:  # each period's label ("week of 2024-05-06") says how many articles its shares are of
        articles = per_period.groupby("period", sort=False)["n_documents"].max()
        labels = dict(zip(fig.layout.xaxis.tickvals or (), fig.layout.xaxis.ticktext or ()))
        counted = {period: f"{n:,} article{'s' if n != 1 else ''}" for period, n in articles.items()}
        slots = _every_period(list(articles.index), unit)
        if len(slots) > len(articles):  # periods with no article are empty slots: the bars stand where their
            # time is (2006-05 and 2009-03 side by side read as one month apart; the attention chart above
            # has a true time axis)
            from analysis.charts import period_label

            every = -(-len(slots) // _MOST_PERIOD_LABELS)
            shown = slots[::every]
            fig.update_xaxes(categoryarray=slots, tickmode="array", tickvals=shown,
                             ticktext=[labels.get(p, period_label(p, unit)) + (
                                 f"<br>{counted[p]}" if every == 1 and p in counted else "") for p in shown],
                             title_text=f"{fig.layout.xaxis.title.text or unit} (an empty slot: no article that {unit})")
            if every > 1:
                for trace in fig.data:
                    trace.hovertext = [f"{hover}<br>{counted[period]}" for hover, period in zip(trace.hovertext, trace.x)]
            return fig
        every = -(-len(articles) // _MOST_PERIOD_LABELS)  # ceil: a label every so many bars
        if every == 1:
            fig.update_xaxes(tickmode="array", tickvals=list(articles.index),
                             ticktext=[f"{labels.get(period, period)}<br>{counted[period]}" for period in articles.index])
        else:  # too many bars for a label each: every so many labelled, each bar's count in its hover
            shown = list(articles.index)[::every]
            fig.update_xaxes(tickmode="array", tickvals=shown, ticktext=[labels.get(period, period) for period in shown])
            for trace in fig.data:
                trace.hovertext = [f"{hover}<br>{counted[period]}" for hover, period in zip(trace.hovertext, trace.x)]
    return fig


def frames_for_table(document_frames: pd.DataFrame, *, by: str = "doc_id") -> pd.DataFrame:
    """The document-level frames table as a report's frames table shows it (``wb.show_table``): the same rows
    and columns, with ``share`` as text (object column) in the rows of a unit (an article, or the values of
    ``by``) where terms were found but no frame reaches its threshold
    (:func:`analysis.framing.below_threshold_units`, the rule of the frame chart): "below threshold (N term
    hits)" where the frame has hits (N: its ``hits``), empty where it has none. Shares of such a unit are
    no profile (one stray term read "100%" beside "present: no"). Other rows keep their share.

    ``document_frames``: ``frames(documents, level="document")`` (columns ``by``, ``share``, ``hits``,
    ``present``)."""
    from analysis.framing import below_threshold_units

    require_columns(document_frames, (by, "share", "hits", "present"), fn="frames_for_table", name="document_frames",
                    fix='pass frames(documents, level="document")')
    units = below_threshold_units(document_frames, by=by, value="hits")
    out = document_frames.reset_index(drop=True)
    if units.empty:
        return out
    below = out[by].isin(units[by]).to_numpy()
    hits = pd.to_numeric(out["hits"], errors="coerce").fillna(0)
    share = out["share"].astype(object)
    for i in range(len(out)):
        if below[i]:
            n = float(hits.iloc[i])
            share.iloc[i] = f"below threshold ({n:g} term hit{'s' if n != 1 else ''})" if n else None
    return out.assign(share=share)


def entity_tables(result: Analysis) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The mentions, quotes and actor tone of everyone the entity layer found, keyed as the reports
    key them: the lexicon actor where an entity links to one, else the entity (its
    ``same_as`` entity where it has one).

    Returns (mentions, quotes, actor_tone): the mentions table of :func:`wb.entities_as_mentions`,
    the quotes with ``speaker_id``/``speaker`` keyed like it (:func:`speakers_as_entities`)
    and the actor tone of those mentions, by the method the analysis' own actor tone used (the
    target-aware model when its table has ``target_polarity``, else the sentence's polarity), leaving
    out places and things (type ``other``: a storm, a law, an event) the lexicon does not name (a road, a
    court, a town, "Hurricane Michael", "Green New Deal": tone is validated as tone toward persons, a
    sentence is seldom about a place it merely locates, and "the storm destroyed homes" is no coverage of
    the storm; a lexicon country keeps its tone).
    """
    mentions = entities_as_mentions(result.entities, sentences=result.sentences, actors=result.actors,
                                    entity_table=result.entity_table)
    quotes = speakers_as_entities(result.quotes, mentions, entities=result.entities, entity_table=result.entity_table)
    method = "target" if "target_polarity" in result.actor_tone.columns else "sentence"
    table = result.entity_table
    things = set(table.loc[table["type"].isin(("place", "other")) & table["actor_id"].isna(), "entity_id"]) \
        if len(table) else set()
    toward = mentions[~mentions["actor_id"].isin(things)] if things else mentions
    tone = actor_tone(result.documents, result.actors, sentences=result.sentences, mentions=toward,
                      quotes=quotes, actor_tone_method=method)
    return mentions, quotes, tone


def speakers_as_entities(quotes: pd.DataFrame, mentions: pd.DataFrame, *, entities: pd.DataFrame | None = None,
                         entity_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """``quotes`` with ``speaker_id`` and ``speaker`` keyed like ``mentions`` (entity mentions from
    ``wb.entities_as_mentions``: the lexicon actor where linked, else the entity), so ``wb.voice`` counts
    each speaker once, under the name the charts use.

    The quotes table's own speaker columns decide: ``speaker_id`` (a lexicon actor) first, then
    ``speaker_entity_id`` (the quotes module's link to the entity layer) mapped to the key the
    mentions use for that entity. A quotes table without ``speaker_entity_id`` is linked here: the
    speaker as written ("Adeyemi", "County Clerk Maria Lindqvist") to the entity of the same document
    one of whose mentions it ends with or equals (needs ``entities``). With ``entity_table``, a speaker
    entity it links by ``same_as`` speaks as that entity (as ``wb.entities_as_mentions(...,
    entity_table=...)`` counts it). Unlinked speakers keep their text. Output columns: those of
    ``quotes``, with speaker_id and speaker replaced.
    """
    names = mentions.drop_duplicates("actor_id").set_index("actor_id")["actor"].to_dict()
    out = quotes.copy()
    key = out["speaker_id"].astype("object").where(out["speaker_id"].notna(), None)
    if "speaker_entity_id" in out.columns and entities is not None and "entity_id" in entities:
        linked = entities.dropna(subset=["entity_id"]).drop_duplicates("entity_id")
        to_key = dict(zip(linked["entity_id"], linked["actor_id"].astype("object").where(linked["actor_id"].notna(),
                                                                                          linked["entity_id"])))
        if entity_table is not None:
            to_key.update({e: to_key.get(t, t) for e, t in same_entity_ids(entity_table).items()
                           if not isinstance(to_key.get(e), str) or to_key.get(e) == e})
        from_entity = out["speaker_entity_id"].map(lambda e: to_key.get(e, e) if isinstance(e, str) and e else None)
        key = key.where(key.notna(), from_entity)
    elif entities is not None and len(entities):
        direct = entities[entities["via"] != "pronoun"]
        by_doc = {doc: rows for doc, rows in direct.groupby(direct["doc_id"].astype(str))}
        found = []
        for doc, speaker, known in zip(out["doc_id"].astype(str), out["speaker"], key):
            if known is not None or not isinstance(speaker, str) or doc not in by_doc:
                found.append(known)
                continue
            rows = by_doc[doc]
            spoken = " ".join(speaker.split())
            hit = rows[[spoken == t or spoken.endswith(" " + t) for t in rows["text"].astype(str)]]
            if hit.empty:
                found.append(None)
                continue
            best = hit.assign(_n=hit["text"].str.len()).sort_values("_n", ascending=False, kind="stable").iloc[0]
            found.append(best["actor_id"] if isinstance(best["actor_id"], str) else best["entity_id"])
        key = pd.Series(found, index=out.index, dtype="object")
    out["speaker_id"] = key.astype("object").where(key.notna(), pd.NA)
    out["speaker"] = [names.get(k, s) if isinstance(k, str) else s for k, s in zip(out["speaker_id"], out["speaker"])]
    return out


def who_is_in_it(mentions: pd.DataFrame, *, actors=None, entity_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions per actor grouped for the "who is in it" chart: the lexicon's group where the actor is
    in the lexicon and has one; else the kind of name in words: for a lexicon actor with no group, its
    lexicon type ("people (in the lexicon, no group)"; a country or place: "places ..."; type ``other``:
    the type of the entity it links to, from ``entity_table``, so that a place pasted as ``other`` is
    still a place); for anyone else, the entity's type ("people (not in the lexicon)", "places (not in
    the lexicon)", ...).

    Output columns: group, actor_id, actor, mentions; groups by total mentions, actors most mentioned
    first (direct mentions only).
    """
    from analysis.actors import load_actors
    from analysis.entities import LEXICON_ENTITY_TYPES

    lexicon = load_actors(actors)
    groups = lexicon.actors.set_index("actor_id")["group"].to_dict() if len(lexicon.actors) else {}
    lexicon_kinds = {a: LEXICON_ENTITY_TYPES.get(t, "other")
                     for a, t in zip(lexicon.actors["actor_id"], lexicon.actors["type"])}
    kinds = {}
    if entity_table is not None and len(entity_table):
        kinds = dict(zip(entity_table["entity_id"], entity_table["type"]))
        if "actor_id" in entity_table:
            linked = entity_table[entity_table["actor_id"].notna()]
            for actor_id, kind in zip(linked["actor_id"], linked["type"]):  # the first (most mentioned) entity
                kinds.setdefault(actor_id, kind)
    words = {"person": "people", "organization": "organisations", "place": "places", "group": "groups",
             "other": "other names"}
    direct = mentions[mentions["via"] != "pronoun"]
    counts = direct.groupby("actor_id", sort=False).agg(actor=("actor", "first"), mentions=("actor", "size")).reset_index()

    def group_of(actor_id: str) -> str:
        if actor_id in groups and isinstance(groups[actor_id], str):
            return groups[actor_id]
        if actor_id in lexicon_kinds:
            kind = lexicon_kinds[actor_id]
            kind = kinds.get(actor_id, kind) if kind == "other" else kind
            return f"{words.get(kind, words['other'])} (in the lexicon, no group)"
        kind = kinds.get(actor_id) or (actor_id.split(":", 1)[0] if ":" in actor_id else "other")
        return f"{words.get(kind, words['other'])} (not in the lexicon)"

    counts["group"] = [group_of(str(a)) for a in counts["actor_id"]]
    totals = counts.groupby("group")["mentions"].transform("sum")
    counts = counts.assign(_t=totals).sort_values(["_t", "group", "mentions", "actor"],
                                                   ascending=[False, True, False, True], kind="stable")
    return counts[["group", "actor_id", "actor", "mentions"]].reset_index(drop=True)


def report_colors(mentions: pd.DataFrame, voice: pd.DataFrame | None = None, *,
                  corpus_order: Sequence[str] | None = None) -> dict[str, str]:
    """One colour per actor for every report on a corpus (``wb.charts.actor_colors``), by the actor's
    rank in the corpus' most-mentioned order (:func:`analysis.actors.actor_ranking`): direct mentions
    (no pronouns; the count "who is in the news" shows), most first, ties by display name then key (so
    the actor profile's default actor, :func:`analysis.profiles.most_mentioned_actor`, takes the first
    colour, and the findings name tied actors in colour order); then actors mentioned only by a pronoun
    (by name); then speakers that are never mentioned (keyed by name when they have no id). The 20
    palette colours go to the first 20, so the top actors never share one; pass the corpus' entity
    mentions (as the corpus report, the actor profile and the guided tour do) and an actor has the same
    colour in all of them, and no chart shows an actor in the grey of "others" while colours remain.

    ``corpus_order``: for a report on part of a corpus (the article brief: one article), the keys of
    the corpus' most-mentioned order (:func:`corpus_actor_order`). An actor of ``mentions`` among the
    corpus' first 20 then takes the colour the corpus report gives it; the others (beyond the corpus'
    20, or not mentioned in it: a speaker only quoted) take, in their order in ``mentions``, the palette
    colours no actor of the corpus order holds, then those of corpus actors absent from ``mentions``,
    then grey: never the colour of another actor of the same chart.
    """
    from analysis.charts import OTHERS_COLOR, PALETTE, actor_colors

    order = actor_ranking(mentions)["actor_id"].tolist()
    if voice is not None and len(voice):
        extra = voice["actor_id"].astype("object").where(voice["actor_id"].notna(), voice["actor"])
        seen = set(order)
        order += [k for k in dict.fromkeys(extra.dropna().astype(str)) if k not in seen]
    if corpus_order is None:
        return actor_colors(order, ranked=True)
    corpus = list(dict.fromkeys(map(str, corpus_order)))[:len(PALETTE)]
    held = dict(zip(corpus, PALETTE))
    present = set(order)
    free = [*PALETTE[len(corpus):], *(color for key, color in held.items() if key not in present)]
    colors = {}
    for key in dict.fromkeys(order):
        colors[key] = held[key] if key in held else (free.pop(0) if free else OTHERS_COLOR)
    return colors


def corpus_actor_order(entities: pd.DataFrame, *, actors: Any = None, entity_table: pd.DataFrame | None = None,
                       n: int = 20) -> list[str]:
    """The keys of the ``n`` most mentioned actors of a corpus, most first, as :func:`report_colors`
    ranks the corpus' entity mentions (lexicon id where linked, else entity id): what a report on part
    of the corpus passes as ``report_colors(..., corpus_order=)`` to colour its actors as the corpus
    report does. ``entities``: the corpus' entity rows (:func:`analysis.entities`), ``actors`` the
    lexicon they were found with, ``entity_table`` theirs (made when None)."""
    if entities.empty:
        return []
    mentions = entities_as_mentions(entities, actors=actors, entity_table=entity_table)
    return actor_ranking(mentions)["actor_id"].head(n).tolist()


# ------------------------------------------------------------------- deprecated names (one release)

attention_by_period = deprecated_alias(attention_panel, "analysis.attention_by_period", "analysis.tables.attention_panel")
frames_over_time = deprecated_alias(frames_panel, "analysis.frames_over_time", "analysis.tables.frames_panel")


# ------------------------------------------------------------------------ what a report is made from

@dataclass(frozen=True)
class _Choice:
    """The keywords shared by :func:`report_documents` and :func:`report_analysis`: how a report reads
    its articles and which documents it keeps (:func:`_report_keywords` gives both functions these
    keywords, in this order, after their own).

    ``format``, ``columns``: how articles are read (:func:`analysis.load_corpus`; a saved analysis is read
    as it was saved: giving either for one is an InputError). ``start``, ``end``, ``outlets``, ``where``:
    the documents kept (:func:`filter_documents`). ``doc_id``, ``one_document``: with
    ``one_document=True`` only the document ``doc_id`` (None: the first), as :func:`select_document`
    picks it; without it, a ``doc_id`` given is the article a report of the corpus follows, checked
    among the documents kept before anything is analysed (:func:`select_document`'s InputError).
    ``errors``: "raise" or "skip", as :func:`analysis.load_corpus` reads articles (a saved analysis was
    read when it was made: ignored there). ``drop_duplicates``: leave out the articles flagged as copies
    of another (``duplicate_of``; :func:`analysis.load_corpus` lists them in the load report). ``tz``: the
    time zone whose calendar days ``start`` and ``end`` are (:func:`in_zone`; None: UTC)."""

    format: str | None = None
    columns: Mapping[str, str | None] | None = None
    start: str | pd.Timestamp | None = None
    end: str | pd.Timestamp | None = None
    outlets: Sequence[str] | str | None = None
    where: str | None = None
    doc_id: str | None = None
    one_document: bool = False
    errors: str = "raise"
    drop_duplicates: bool = False
    tz: str | None = None

    def loading(self) -> dict[str, Any]:
        """The keywords of :func:`analysis.load_corpus` among these (:data:`LOADING_KEYWORDS`)."""
        return {name: getattr(self, name) for name in LOADING_KEYWORDS}

    def kept(self, documents: pd.DataFrame) -> pd.DataFrame:
        """The documents of ``documents`` a report keeps (:func:`_kept_documents`)."""
        return _kept_documents(documents, start=self.start, end=self.end, outlets=self.outlets, where=self.where,
                               doc_id=self.doc_id, one_document=self.one_document, tz=self.tz)


#: The keywords :func:`report_documents` and :func:`report_analysis` share (one place: :class:`_Choice`),
#: in their order; :func:`analysis.reports.check_corpus` passes a notebook's parameters of these names on.
REPORT_KEYWORDS: tuple[str, ...] = tuple(field.name for field in fields(_Choice))
#: Those of them that say how articles are read (:func:`analysis.load_corpus`' keywords), not which are kept.
LOADING_KEYWORDS: tuple[str, ...] = ("format", "columns", "errors", "drop_duplicates")


def _report_keywords(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function(source, *, <its own keywords>, choice)`` as a public function that takes the keywords of
    :class:`_Choice` after its own: its signature (``inspect.signature``, ``help``) lists them with their
    defaults, its docstring ends with their meaning, a keyword it does not take is a TypeError as for any
    function, and ``function`` gets them as one ``choice``."""
    own = inspect.signature(function)
    shared = [inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY, default=field.default,
                                annotation=field.type) for field in fields(_Choice)]
    signature = own.replace(parameters=[p for p in own.parameters.values() if p.name != "choice"] + shared)

    @functools.wraps(function)
    def public(*args: Any, **kwargs: Any) -> Any:
        try:
            given = signature.bind(*args, **kwargs)
        except TypeError as error:  # as Python says it of any function: named
            raise TypeError(f"{function.__name__}() {error}") from None
        given.apply_defaults()
        values = dict(given.arguments)
        choice = _Choice(**{name: values.pop(name) for name in REPORT_KEYWORDS})
        return function(**values, choice=choice)

    public.__signature__ = signature  # type: ignore[attr-defined]
    shared_doc = inspect.cleandoc(_Choice.__doc__ or "").split("\n\n", 1)[1]
    public.__doc__ = inspect.cleandoc(function.__doc__ or "") + "\n\nKeywords shared with " + (
        ":func:`report_analysis`" if function.__name__ == "report_documents" else ":func:`report_documents`") + \
        ": " + shared_doc
    return public


def _saved_analysis(source: Any) -> tuple[Path, str] | None:
    """(folder, marker file) when ``source`` is the folder of a saved analysis, else None."""
    from analysis.corpus.files import saved_analysis_file

    folder = Path(source) if isinstance(source, (str, os.PathLike)) else None
    marker = saved_analysis_file(folder) if folder is not None and folder.is_dir() else None
    return (folder, marker) if folder is not None and marker is not None else None


def _articles(source: Any, choice: _Choice) -> pd.DataFrame:
    """The articles at ``source`` as a report reads them, before any is chosen: the documents a check of
    the corpus loaded and handed over (:func:`analysis.corpus.handoff.read_checked`, with the warnings
    loading gave), else :func:`analysis.load_corpus` with ``choice``'s options; InputError when there is
    no document (:func:`_require_articles`)."""
    from analysis.corpus import load_corpus
    from analysis.corpus.handoff import read_checked

    loaded = read_checked(source, **choice.loading())
    if loaded is None:
        loaded = load_corpus(source, **choice.loading())
    _require_articles(loaded, source=source)
    return loaded


@_report_keywords
def report_analysis(source: Any, *, actors: Any = None, codebook: Any = None, choice: _Choice) -> Analysis:
    """The :class:`Analysis` a report shows: of the articles at ``source``, or read from the saved
    analysis ``source`` is, without analysing again.

    ``source``: what :func:`analysis.load_corpus` reads (loaded with ``format`` and ``columns``, the
    documents kept analysed with ``actors`` and ``codebook``: :func:`analysis.analyze`; documents a check
    of the corpus loaded before the report's kernel started are read instead of loading again,
    :mod:`analysis.corpus.handoff`), or the folder of a saved analysis, either layout
    (``Analysis.save``'s ``meta.json``, ``analyze_corpus``'s ``manifest.json``): its documents table is
    read without the texts, the documents kept are chosen on it, and only their rows of every table
    are read (:func:`analysis.load_analysis` with ``doc_ids``; every table whole when every document is
    kept). The documents kept are chosen as :func:`report_documents` chooses them (the keywords below).
    A saved analysis' copies flagged ``duplicate_of`` are left out with ``drop_duplicates`` with a
    warning giving their count; every table of a saved analysis is restricted to the documents kept
    (:func:`analysis.pipeline.filter_analysis`), which gives the tables an analysis of those documents
    alone gives.

    A saved analysis is reported with the actor lexicon and codebook it was made with
    (``result.actors``, ``result.codebook``): ``actors`` and ``codebook`` may be left out, or name the
    same ones (same SHA-256); others raise InputError naming both, as do ``format`` and ``columns``
    (options of reading articles). Its ``meta["saved_analysis"]`` records where it was read from:
    path, file (``manifest.json`` or ``meta.json``) and corpus (the fingerprint it was saved with), for
    :func:`analysis.record_provenance`.

    With ``one_document=True``, ``meta["copy_of"]`` names the article it is flagged as a copy of
    (``duplicate_of``: ``{"doc_id": ..., "title": ...}``, the title None when unknown), for
    :func:`analysis.findings`, and ``meta["corpus_order"]`` holds the corpus' 20 most mentioned actors, most
    first (:func:`corpus_actor_order` of its entities, the copies flagged ``duplicate_of`` left out, as
    the corpus report counts them), for ``report_colors(..., corpus_order=)``: the brief colours an
    actor as the corpus report does; and its ``entity_table`` is the corpus' (counted over those
    documents, and the article when it is a copy) restricted to the entities the article names and
    those they are ``same_as``: an article that writes only "Whitfield" names Grace Whitfield of the
    other articles, with the names, entity ids and speakers of the corpus report
    (:func:`entity_tables`). From articles this finds the entities of every document once (not their
    quotes or tone) and analyses the article with its rows of them (``analyze(..., entities=)``); from
    a saved analysis it reads its entities table.
    """
    from dataclasses import replace

    from analysis.pipeline import (TABLES, analysis_of, analyze, entities_of, filter_analysis, load_analysis,
                                   saved_documents, saved_tables)

    saved_at = _saved_analysis(source)
    if saved_at is None:
        loaded = _articles(source, choice)
        if not choice.one_document:
            return _one_spelling_per_outlet(analyze(choice.kept(loaded), actors=actors, codebook=codebook))
        from analysis.actors import load_actors
        from analysis.entities import entities as find_entities

        article, lexicon = choice.kept(loaded), load_actors(actors)
        copy = _copy_of(article, loaded)
        # the entities of the corpus the corpus report counts (the copies left out), and of the article
        # when it is a copy: found once, for the corpus' actor order and entity resolution, and the
        # article analysed with its rows of them
        originals = _without_copies(loaded)
        found = find_entities(loaded[_original_or(loaded, article)] if copy else originals, actors=lexicon)
        result = analyze(article, actors=lexicon, codebook=codebook, entities=found)
        corpus = found[found["doc_id"].isin(originals["doc_id"]).to_numpy(dtype=bool)].reset_index(drop=True) \
            if copy else found
        return replace(result, **_corpus_resolved(result, found=found, corpus=corpus, copy=copy))
    folder, marker = saved_at
    _require_article_options(folder, format=choice.format, columns=choice.columns)
    # The documents without their texts choose the documents kept; then only their rows are read
    # (a brief of one article reads that article's rows, not every table whole). A where= query may
    # name any column, the text too: then the documents are read whole.
    documents, meta = saved_documents(folder, without=() if choice.where else ("text",))
    recorded = analysis_of({name: pd.DataFrame() for name in TABLES}, meta)  # the lexicons it records
    chosen = {"actors": _saved_lexicon(recorded, folder, "actors", actors),
              "codebook": _saved_lexicon(recorded, folder, "frames", codebook)}
    saved = {"path": str(folder), "file": marker, "corpus": meta.get("corpus")}
    copies = documents["duplicate_of"].notna().to_numpy(dtype=bool) \
        if choice.drop_duplicates and "duplicate_of" in documents.columns else None  # a DataFrame of one's own may lack it
    if copies is not None and copies.any():
        warnings.warn(f"drop_duplicates=True left out {int(copies.sum())} article(s) flagged as copies of "
                      "another (duplicate_of)", stacklevel=3)
    ids = choice.kept(documents[~copies] if copies is not None else documents)["doc_id"]
    if len(ids) < len(documents) and recorded.actors is not None:
        result = replace(load_analysis(folder, doc_ids=ids), **chosen)
    else:  # every document, or an analysis whose lexicon only the one given rebuilds: read whole, then restricted
        result = filter_analysis(replace(load_analysis(folder), **chosen), doc_ids=ids)
    result = replace(result, meta={**result.meta, "saved_analysis": saved})
    if not choice.one_document:
        return _one_spelling_per_outlet(result)
    # the corpus' entities (the copies left out, as the corpus report counts them), and the article's
    # when it is a copy: the corpus' actor order and entity resolution
    originals = _without_copies(documents)
    whole = len(originals) == len(documents)
    saved_corpus = saved_tables(folder, ("entities", "entity_table") if whole else ("entities",),
                                doc_ids=None if whole else originals["doc_id"])
    corpus = saved_corpus["entities"]
    copy = _copy_of(result.documents, documents)
    found = entities_of(pd.concat([corpus, result.entities], ignore_index=True), documents=documents) if copy \
        else corpus
    return replace(result, **_corpus_resolved(result, found=found, corpus=corpus, copy=copy,
                                              entity_table=saved_corpus.get("entity_table")))


def _one_spelling_per_outlet(result: Analysis) -> Analysis:
    """``result`` with its documents' outlets written one way each (:func:`same_spellings`), each
    spelling replaced named in the load report (``loader_report``), which the report shows."""
    from dataclasses import replace

    documents = result.documents
    if "outlet" not in documents.columns:
        return result
    merged = same_spellings(documents, column="outlet")
    record = merged.attrs.pop("spellings")
    if not record["replaced"]:
        return result
    merged.attrs["load_report"] = [*(documents.attrs.get("load_report") or []), *(
        {"source": "outlet", "row": None, "line": None,
         "problem": f"outlet written {old!r} in {record['articles'][old]:,} article(s) and {new!r} in others",
         "action": f"counted as {new!r} (case, spaces, punctuation, a leading 'the' and a web domain ignored)"}
        for old, new in record["replaced"].items())]
    return replace(result, documents=merged)


@_report_keywords
def report_documents(source: Any, *, choice: _Choice) -> pd.DataFrame:
    """The documents table a report on ``source`` keeps, found as :func:`report_analysis` finds them and
    with its InputErrors, without analysing anything: for a command line to check a corpus before a
    notebook's kernel starts (a path that is not there, a folder with no readable article, a table
    without a text column, a ``start`` that leaves nothing, an unknown ``doc_id`` ...).

    ``source`` is loaded with :func:`analysis.load_corpus` (or read from the documents a check handed
    over, :mod:`analysis.corpus.handoff`); a saved analysis' documents are read without their texts
    (unless ``where`` may name the text). Then :func:`filter_documents` with ``start``, ``end``,
    ``outlets`` and ``where``, and :func:`select_document` for ``doc_id`` (with ``one_document=True`` the
    one row it picks). A corpus that holds no document at all (under ``errors="skip"`` every file was
    left out) is an InputError naming what the load report lists. Columns: those of the documents table.
    """
    from analysis.pipeline import saved_documents

    saved_at = _saved_analysis(source)
    if saved_at is None:
        return choice.kept(_articles(source, choice))
    folder, _ = saved_at
    _require_article_options(folder, format=choice.format, columns=choice.columns)
    documents, _ = saved_documents(folder, without=() if choice.where else ("text",))
    if choice.drop_duplicates:
        documents = _without_copies(documents)
    return choice.kept(documents)


def _kept_documents(documents: pd.DataFrame, *, start: Any, end: Any, outlets: Any, where: str | None,
                    doc_id: str | None, one_document: bool, tz: str | None = None) -> pd.DataFrame:
    """The documents a report keeps (:func:`report_analysis`): filtered, and the one of ``doc_id`` with
    ``one_document``; without it a ``doc_id`` given (the article a report of the corpus follows) is
    checked before anything is analysed."""
    documents = filter_documents(documents, start=start, end=end, outlets=outlets, where=where, tz=tz)
    if one_document:
        return select_document(documents, doc_id=doc_id)
    if doc_id is not None:
        select_document(documents, doc_id=doc_id)
    return documents


def _require_articles(documents: pd.DataFrame, *, source: Any) -> None:
    """InputError when loading ``source`` gave no document (under ``errors="skip"`` every file or row was
    left out), naming the first problems its load report lists: a report of nothing is no report."""
    if len(documents):
        return
    problems = [f"{row.get('source', '')}: {row.get('problem', '')}".strip(": ")
                for row in documents.attrs.get("load_report", []) if row.get("problem")]
    listed = "; ".join(problems[:3]) + (f"; and {len(problems) - 3:,} more" if len(problems) > 3 else "")
    if isinstance(source, pd.DataFrame):
        raise InputError("the documents table has no rows: a report needs at least one article")
    shown = source if isinstance(source, (str, os.PathLike)) else ", ".join(map(str, source))
    raise InputError(f"{shown}: no readable article" + (f" ({listed})" if listed else "")
                     + "; check the path, or add files the workbench can read (.txt, .md, .html, .csv, .jsonl, "
                       ".json, .parquet)")


def _require_article_options(folder: Path, *, format: Any, columns: Any) -> None:
    """InputError when ``format`` or ``columns`` (options of reading articles) are given for the saved
    analysis ``folder``, which is read as it was saved."""
    given = {name: value for name, value in (("format", format), ("columns", columns)) if value is not None}
    if given:
        raise InputError(f"{folder} is a saved analysis, read as it was saved: leave out "
                         f"{' and '.join(f'{key}={value!r}' for key, value in given.items())}, which only reading "
                         "articles uses")


def _original_or(corpus: pd.DataFrame, article: pd.DataFrame) -> Any:
    """Which documents of ``corpus`` are no flagged copy (``duplicate_of``) or the one of ``article``
    (a boolean array)."""
    if "duplicate_of" not in corpus.columns:
        return pd.Series(True, index=corpus.index).to_numpy()
    return (corpus["doc_id"].isin(article["doc_id"]) | corpus["duplicate_of"].isna()).to_numpy(dtype=bool)


def _corpus_resolved(result: Analysis, *, found: pd.DataFrame, corpus: pd.DataFrame, copy: dict[str, Any],
                     entity_table: pd.DataFrame | None = None) -> dict[str, Any]:
    """The entity table and meta of the article brief ``result`` (one article), resolved by its corpus, as
    keywords of ``dataclasses.replace``.

    ``corpus``: the entities of the corpus the corpus report counts (the flagged copies left out),
    ``entity_table`` theirs when already counted (a saved analysis'); ``found``: the same with the
    article's when it is a copy (else ``corpus`` itself). ``entity_table``: the entity table of ``found``
    restricted to the entities the article names and those they are ``same_as``
    (:func:`_named_entities`): "Whitfield" alone in the article is Grace Whitfield of the other
    articles, as the corpus report has it, and the entity's rows are the corpus report's. ``meta``: the
    analysis' with ``corpus_order`` (:func:`corpus_actor_order` of ``corpus``) and ``copy`` (the
    ``copy_of`` entry of :func:`_copy_of`, or {})."""
    from analysis.entities import entity_table as count_entities

    lexicon = result.actors
    order_table = entity_table if entity_table is not None else count_entities(corpus, actors=lexicon)
    table = order_table if found is corpus else count_entities(found, actors=lexicon)
    meta = {**result.meta, "corpus_order": corpus_actor_order(corpus, actors=lexicon, entity_table=order_table),
            **copy}
    return {"entity_table": _named_entities(table, result.entities), "meta": meta}


def _named_entities(table: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The rows of the entity table ``table`` of the entities ``entities`` names and of those they are
    ``same_as`` (and so on), in ``table``'s order, with a fresh index."""
    into = same_entity_ids(table)
    wanted = set(entities["entity_id"].dropna().astype(str))
    new = wanted
    while new:
        new = {into[e] for e in new if e in into} - wanted
        wanted |= new
    return table[table["entity_id"].isin(wanted).to_numpy(dtype=bool)].reset_index(drop=True)


def _copy_of(article: pd.DataFrame, corpus: pd.DataFrame) -> dict[str, dict[str, str | None]]:
    """``{"copy_of": {"doc_id": ..., "title": ...}}``: the article of ``corpus`` that the one article of
    ``article`` is flagged as a copy of (``duplicate_of``), for the brief's findings; {} when it is none's."""
    original = article["duplicate_of"].iloc[0] if "duplicate_of" in article.columns and len(article) else None
    if original is None or pd.isna(original):
        return {}
    same = corpus.loc[corpus["doc_id"].astype(str) == str(original)]
    title = same["title"].iloc[0] if len(same) and "title" in same.columns else None
    return {"copy_of": {"doc_id": str(original), "title": str(title) if isinstance(title, str) and title.strip() else None}}


def _without_copies(documents: pd.DataFrame) -> pd.DataFrame:
    """``documents`` without the articles flagged as copies of another (``duplicate_of``)."""
    if "duplicate_of" not in documents.columns:
        return documents
    return documents[documents["duplicate_of"].isna().to_numpy(dtype=bool)]


#: How :func:`_saved_lexicon` names a lexicon: (what it is, the report's option, the keyword of report_analysis).
_LEXICON_WORDS = {"actors": ("actor lexicon", "--actors", "actors="),
                  "frames": ("frame codebook", "--frames", "codebook=")}


def _saved_lexicon(result: Analysis, folder: Path, name: str, given: Any) -> Any:
    """The actor lexicon (``name="actors"``) or codebook (``"frames"``) a report of the saved analysis
    ``result`` uses: the one it was made with (``given`` None, or the same by SHA-256); InputError
    naming both when ``given`` is another, or when the saved one cannot be rebuilt and none is given."""
    from analysis.actors import load_actors
    from analysis.framing import load_frames

    load = load_actors if name == "actors" else load_frames
    saved = result.actors if name == "actors" else result.codebook
    recorded = (result.meta.get("lexicons") or {}).get(name)
    what, option, keyword = _LEXICON_WORDS[name]
    if given is None and saved is not None:
        return saved
    chosen = load(given)
    if chosen.sha256 == recorded:
        return chosen
    made_with = (f"the {what} ({_lexicon_label(saved)}, sha256 {str(recorded)[:12]})" if saved is not None else
                 f"a {what} it does not record in full (sha256 {str(recorded)[:12]})")
    asked = f"{option} {given}" if given is not None else f"the default {what}"
    redo = f"{option} {given}" if given is not None else f"{option} FILE"
    fix = (f"leave {option} ({keyword}) out to report with the {what} the analysis was made with" if saved is not None
           else f"give the {what} it was made with as {option} ({keyword})")
    raise InputError(f"{folder} is an analysis made with {made_with}, not with {asked} ({_lexicon_label(chosen)}, "
                     f"sha256 {chosen.sha256[:12]}): a report from a saved analysis shows its tables as they were "
                     f"analysed and never mixes two {what}s. Run the analysis again with {redo} (python -m analysis "
                     f"analyze --corpus ARTICLES --out NEW_FOLDER {redo}) and report from that, or {fix}")


def _lexicon_label(lexicon: Any) -> str:
    """A lexicon or codebook as an error message names it: its name (codebooks) and the file it was read from."""
    source = str(getattr(lexicon, "source", "") or "").removesuffix(" (as saved with the analysis)")
    name = getattr(lexicon, "name", None)
    return f"{name}, {source}" if name else source
