"""Tables people read: the one display helper every report and notebook table goes through.

``wb.show_table(table, columns=..., explain=...)`` returns a :class:`ShownTable`: in JupyterLab and in
an exported report it shows as an HTML table with no index column, display names instead of ids,
numbers rounded to what they mean (shares as %, scores to 2 decimals, counts with thousands
separators), text left-aligned and wrapped, columns named in words, a one-line explanation under it,
and, for a long table, the top rows with the full table downloadable as a CSV embedded in the page.
Every cell is HTML-escaped. The table itself is untouched (``.data``).
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from analysis.errors import InputError, require_columns, require_table

__all__ = ["show_table", "ShownTable", "Note", "COLUMN_WORDS", "TABLE_STYLE", "format_value", "copyable_yaml", "limits",
           "METHODS_TEXT", "methods_text"]

#: Column names of the workbench's tables, in words (any other column: underscores become spaces).
COLUMN_WORDS: dict[str, str] = {
    "doc_id": "article",
    "sentence_id": "sentence",
    "actor": "actor",
    "speaker": "speaker",
    "entity": "entity",
    "mentions": "mentions",
    "pronouns": "pronoun mentions",
    "documents": "articles",
    "sentences": "sentences",
    "share": "share",
    "mention_share": "share of mentions",
    "quote_share": "share of quotations",
    "voice_gap": "mentions share minus quotations share",
    "quoted_direct": "quoted directly",
    "quoted_reported": "quoted in reported speech",
    "quotes": "quotations",
    "never_quoted": "never quoted",
    "first_position": "first mention (0 = start, 1 = end)",
    "first_sentence": "first mentioned in sentence",
    "sentence_share": "share of sentences",
    "in_headline": "in the headline",
    "in_lead": "in the lead",
    "polarity": "tone (polarity)",
    "mean_polarity": "mean tone",
    "ci_low": "95% interval from",
    "ci_high": "95% interval to",
    "n_mentions": "mentions",
    "n_sentences": "sentences",
    "n_documents": "articles",
    "share_negative": "negative sentences",
    "share_positive": "positive sentences",
    "frame_id": "frame",
    "terms": "terms that matched",
    "hits": "term hits",
    "text": "text",
    "quote": "quotation",
    "cue": "cue verb",
    "kind": "kind",
    "section": "section",
    "end": "tone",
    "count": "count",
    "example": "example",
    "name": "name",
    "type": "type",
    "field": "",
    "value": "",
    "outlet": "outlet",
    "published": "published",
    "title": "headline",
}

#: Columns holding proportions in [0, 1] (shown as %).
_SHARE = re.compile(r"(^|_)(share|present_share|mention_share|quote_share|share_negative|share_positive)$|_share$")
#: Columns holding scores (shown signed, 2 decimals).
_SCORE = re.compile(r"^(polarity|mean_\w+|ci_low|ci_high|compound|subjectivity|score|target_polarity)$")
#: Columns of long text (wrapped, never cut in the page).
_TEXT = {"text", "quote", "sentence", "example", "evidence", "title", "finding"}
#: Columns of a traced table (``show_table(documents=...)``) kept readable beside a long sentence: the
#: article's name at least 12 em wide (squeezed to a word a line, it took six lines), a day on one line.
_WIDE, _NOWRAP = {"article"}, {"date", "doc_id"}

TABLE_STYLE = """<style>
.wb-table-wrap { margin: 0.4em 0 1.2em; max-width: 100%; overflow-x: auto; }
table.wb-table { border-collapse: collapse; font-size: 13px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
table.wb-table th { text-align: left !important; border-bottom: 2px solid #999; padding: 4px 10px; vertical-align: bottom; font-weight: 600; }
table.wb-table td { text-align: left !important; border-bottom: 1px solid #e5e5e5; padding: 4px 10px; vertical-align: top; }
table.wb-table td.num, table.wb-table th.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.wb-table td.long { min-width: 24em; max-width: 60em; white-space: normal; overflow-wrap: break-word; }
table.wb-table td.short { max-width: 22em; white-space: normal; overflow-wrap: break-word; }
table.wb-table td.wide { min-width: 12em; }
table.wb-table td.nowrap { white-space: nowrap; }
p.wb-explain { font-size: 12px; color: #555; margin: 0.2em 0 0; }
p.wb-note { font-size: 14px; color: #444; background: #f6f6f6; border-left: 3px solid #bbb; padding: 6px 10px; max-width: 60em; }
</style>"""


def format_value(column: str, value: object) -> tuple[str, bool]:
    """``value`` of ``column`` as display text, and whether it is a number (right-aligned).

    Shares (columns named ``*share*``) as %, scores (polarity, mean_*, ci_*) signed with 2 decimals,
    whole numbers with thousands separators, other floats with 2 decimals, booleans as yes/no, lists
    joined with commas, missing values as an empty cell.
    """
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, (str, bytes))
                                             and getattr(value, "ndim", 0) == 1):
        return ", ".join(map(str, list(value))), False
    if value is None or value is pd.NA or value is pd.NaT:
        return "", False
    if isinstance(value, float) and math.isnan(value):
        return "", False
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return ("yes" if value else "no"), False
    if isinstance(value, pd.Timestamp):
        return (value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M")), False
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy":
        try:
            v = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return str(value), False
        if _SHARE.search(column):
            return f"{v:.0%}" if abs(v) >= 0.1 or v == 0 else f"{v:.1%}", True
        if _SCORE.match(column):
            return ("0.00" if round(v, 2) == 0 else f"{v:+.2f}"), True
        if column == "voice_gap":
            return f"{v * 100:+.0f} pts", True
        if v.is_integer() and abs(v) < 1e15:
            return f"{int(v):,}", True
        return f"{v:,.2f}", True
    return str(value), False


@dataclass(frozen=True)
class ShownTable:
    """A table as a reader sees it; ``data`` is the table shown (the columns picked, ids renamed)."""

    data: pd.DataFrame
    labels: dict[str, str]
    explain: str | None = None
    top: int = 15
    name: str = "table"
    total_rows: int = 0
    notes: list[str] = field(default_factory=list)
    empty: str | None = None
    title: str | None = None
    #: the rows the CSV download holds, when they have more columns than ``data`` (a one-article table
    #: traced to its article: its doc_id is in the CSV, not repeated on every row of the page); None: ``data``
    download: pd.DataFrame | None = None

    def to_html(self) -> str:
        heading = f'<h2 class="wb-title">{html.escape(self.title)}</h2>' if self.title else ""
        return heading + self._table_html()

    def _table_html(self) -> str:
        if self.data.empty:  # the line saying why, or nothing (a chart above already says so)
            return f'{TABLE_STYLE}<p class="wb-note">{html.escape(self.empty)}</p>' if self.empty else ""
        shown = self.data.head(self.top) if self.top else self.data
        head = "".join(f'<th class="{"num" if self._numeric(c) else ""}">{html.escape(self.labels[c])}</th>'
                       for c in shown.columns)
        rows = []
        for record in shown.itertuples(index=False, name=None):
            cells = []
            for column, value in zip(shown.columns, record):
                text, numeric = format_value(str(column), value)
                kind = "num" if numeric else ("long" if column in _TEXT or len(text) > 80 else "short")
                kind += " wide" if column in _WIDE and kind == "short" else " nowrap" if column in _NOWRAP else ""
                cells.append(f'<td class="{kind}">{html.escape(text)}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        below = []
        if self.top and len(self.data) > self.top:
            below.append(f"Showing the first {self.top:,} of {len(self.data):,} rows. {self._download()}")
        if self.explain:
            below.append(html.escape(self.explain))
        below += [html.escape(n) for n in self.notes]
        caption = "".join(f'<p class="wb-explain">{line}</p>' for line in below)
        return (f'{TABLE_STYLE}<div class="wb-table-wrap"><table class="wb-table"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>{caption}</div>')

    def _numeric(self, column: str) -> bool:
        values = self.data[column].dropna()
        return bool(len(values)) and pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)

    def _download(self, *, max_rows: int = 20_000) -> str:
        rows = self.data if self.download is None else self.download
        full = rows.head(max_rows).rename(columns=lambda c: self.labels.get(c) or c)
        payload = base64.b64encode(full.to_csv(index=False).encode("utf-8")).decode("ascii")
        cut = f" (first {max_rows:,})" if len(rows) > max_rows else ""
        filename = re.sub(r"[^A-Za-z0-9_-]+", "-", self.name).strip("-") or "table"
        return (f'<a download="{html.escape(filename)}.csv" href="data:text/csv;base64,{payload}">'
                f"Download all rows as CSV{cut}</a>")

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, object]:
        """HTML and text; with a ``title``, also the title the report exporter lifts into the page's header."""
        from analysis.findings import TITLE_MIMETYPE

        bundle: dict[str, object] = {"text/html": self.to_html(), "text/plain": repr(self)}
        if self.title:
            bundle[TITLE_MIMETYPE] = {"title": self.title}
        return bundle

    def __repr__(self) -> str:
        shown = self.data.head(self.top).to_string(index=False)
        return f"{self.title}\n{shown}" if self.title else shown


def show_table(
    table: pd.DataFrame,
    *,
    columns: Sequence[str] | Mapping[str, str] | None = None,
    explain: str | None = None,
    names: Mapping[str, Mapping[object, object]] | None = None,
    top: int = 15,
    name: str = "table",
    one_document: bool | None = None,
    empty: str | None = "Nothing to show.",
    title: str | None = None,
    documents: pd.DataFrame | None = None,
) -> ShownTable:
    """``table`` as a reader sees it in a report or in JupyterLab (see the module docstring).

    ``columns``: the columns to show, in order (a list), or a mapping column -> heading in words;
    default: all columns, headings from :data:`COLUMN_WORDS`. Id columns with a display column beside
    them are left out (``actor_id`` when there is ``actor``), and ``doc_id`` when the table covers one
    document (``one_document``; None: decided from the table). ``names`` maps a column's values to
    display names (e.g. ``{"frame_id": {"conflict": "Conflict"}}``). ``top``: rows shown (0: all);
    a longer table gets a link to download all rows as CSV, embedded in the page. ``explain``: one
    line under the table. ``empty``: the line shown instead of a table with no rows (say why and
    what to do; None: nothing, where a chart above the table already says why). ``title``: a heading above the table, which a rendered report also takes as its
    page title (as it takes the title of ``findings``). InputError names a column the table lacks.

    ``documents``: the documents table the rows (with a ``doc_id`` each) come from: every row is then
    traced to its article (:func:`analysis.tables.with_article`): ``article`` (the headline, else the
    first words of the lead: :func:`analysis.tables.article_labels`), ``doc_id``, ``outlet`` and
    ``date`` (each when the documents have it) and "sentence no." (the row's ``sentence_id``, when the
    table has one) come first, on the page and in the CSV download, then ``columns``. A table of one
    article (``one_document``) leaves article, doc id, outlet and date off the page (the report is
    about that article), and keeps them in the CSV download.
    """
    require_table(table, fn="show_table", name=None, fix="pass a table the workbench returns, or one of your own")
    labels = dict(columns) if isinstance(columns, Mapping) else {}
    picked = list(columns) if columns is not None else list(table.columns)
    require_columns(table, picked, fn="show_table",
                    fix=f"pick from its columns: {', '.join(map(str, table.columns))}")
    if documents is not None:
        return _traced_table(table, documents, picked=picked, labels=labels, explain=explain, names=names, top=top,
                             name=name, one_document=one_document, empty=empty, title=title)
    data = table[picked].reset_index(drop=True).copy()
    if columns is None:
        display_of = {"actor_id": "actor", "speaker_id": "speaker", "entity_id": "entity"}
        data = data.drop(columns=[i for i, d in display_of.items() if i in data and d in data])
    if one_document is None:
        one_document = "doc_id" in data and data["doc_id"].nunique(dropna=True) <= 1
    if one_document and "doc_id" in data:
        data = data.drop(columns="doc_id")
    for column, mapping in (names or {}).items():
        if column in data:
            data[column] = data[column].map(lambda v, m=mapping: m.get(v, v))
    words = {c: labels.get(c, COLUMN_WORDS.get(str(c), str(c).replace("_", " "))) for c in data.columns}
    return ShownTable(data=data, labels=words, explain=explain, top=int(top), name=name, total_rows=len(data),
                      empty=empty, title=title)


#: The headings of the columns that trace a row to its article (``show_table(documents=...)``).
TRACE_WORDS: dict[str, str] = {"article": "article", "doc_id": "doc id", "outlet": "outlet", "date": "date",
                               "sentence_id": "sentence no."}


def _traced_table(table: pd.DataFrame, documents: pd.DataFrame, *, picked: list, labels: dict, explain: str | None,
                  names: Mapping[str, Mapping[object, object]] | None, top: int, name: str,
                  one_document: bool | None, empty: str | None, title: str | None) -> ShownTable:
    """:func:`show_table` of ``table`` traced to its articles in ``documents`` (see its ``documents``)."""
    from analysis.corpus.keys import with_article

    require_columns(table, ["doc_id"], fn="show_table", name="table",
                    fix="pass rows with a doc_id (quotes, frames, key_sentences ...), or leave documents out")
    traced = with_article(table[list(dict.fromkeys(["doc_id", *(["sentence_id"] if "sentence_id" in table else []),
                                                     *picked]))], documents)
    front = [c for c in TRACE_WORDS if c in traced.columns]
    data = traced[front + [c for c in picked if c not in front]].copy()
    for column, mapping in (names or {}).items():
        if column in data and column not in ("article", "doc_id"):
            data[column] = data[column].map(lambda v, m=mapping: m.get(v, v))
    words = {c: TRACE_WORDS[c] if c in front else labels.get(c, COLUMN_WORDS.get(str(c), str(c).replace("_", " ")))
             for c in data.columns}
    if one_document is None:
        one_document = data["doc_id"].nunique(dropna=True) <= 1
    shown = data.drop(columns=[c for c in ("article", "doc_id", "outlet", "date") if c in data]) if one_document else data
    return ShownTable(data=shown.reset_index(drop=True), labels=words, explain=explain, top=int(top), name=name,
                      total_rows=len(shown), empty=empty, title=title, download=data if one_document else None)


@dataclass(frozen=True)
class Note:
    """One line of text for a reader (shows as nothing when empty)."""

    text: str

    def _repr_html_(self) -> str:
        return f'{TABLE_STYLE}<p class="wb-note">{html.escape(self.text)}</p>' if self.text else ""

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CopyableCode:
    """A code block with a copy button (the text is escaped; the button copies it as written)."""

    text: str
    caption: str = ""

    def _repr_html_(self) -> str:
        if not self.text.strip():
            return ""
        button = ("<button type=\"button\" class=\"wb-copy\" onclick=\"navigator.clipboard.writeText("
                  "this.parentNode.querySelector('pre').innerText);this.textContent='Copied'\">Copy</button>")
        caption = f'<p class="wb-explain">{html.escape(self.caption)}</p>' if self.caption else ""
        return ('<style>.wb-code{position:relative;max-width:60em}.wb-code pre{background:#f6f8fa;border:1px solid #ddd;'
                'padding:10px;overflow-x:auto;font-size:12px}.wb-copy{position:absolute;top:6px;right:6px}</style>'
                f'<div class="wb-code">{button}<pre>{html.escape(self.text)}</pre>{caption}</div>')

    def __repr__(self) -> str:
        return self.text


def copyable_yaml(candidates: pd.DataFrame, *, top: int = 30, caption: str | None = None) -> CopyableCode:
    """The lexicon YAML of the ``top`` first candidates (``wb.discover_actors``), in a code block with
    a copy button; empty (shows nothing) when there are none."""
    from analysis.discovery import discovery_yaml

    if candidates is None or len(candidates) == 0:
        return CopyableCode("")
    text = discovery_yaml(candidates.head(top))
    return CopyableCode(text, caption or (f"The {min(top, len(candidates))} most mentioned of {len(candidates)} names "
                                          "found that the lexicon does not cover. Check each entry, save them as "
                                          "a .yml file, and render again with --actors FILE."))


def _validation() -> dict:
    try:
        from analysis.validation.figures import load_validation_figures

        return load_validation_figures()
    except Exception:  # noqa: BLE001 - a missing or unreadable figures file only shortens the note
        return {}


def limits(measure: str, *, documents: pd.DataFrame | None = None, within: str | None = None) -> Note:
    """The one-line limit of a chart's measure, with its validation figure where one exists: shown
    under the chart. ``measure``: mentions, voice, tone, actor_tone, frames, network, attention.
    ``documents``: for a chart over time ("attention"), the documents it counts (with ``period``,
    :func:`analysis.with_period`): when none has a date there is no chart, and no line (empty Note).
    ``within``: for the network, the unit its pairs were counted in ("sentence" or "document", as
    :func:`analysis.cooccurrence` was given), so that the line says what the chart computed."""
    if documents is not None and measure == "attention" and not (
            "period" in documents and documents["period"].notna().any()):
        return Note("")
    figures = _validation().get("measures", {})

    def get(*keys, default=None):
        node = figures
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    tone_f1 = get("tone", "methods", "textblob", "macro_f1")
    target_f1 = get("actor_tone", "methods", "target", "macro_f1")
    person_f1 = get("actor_tone", "document_level", "methods", "target", "macro_f1")
    frame_f1 = [v.get("f1") for v in (get("frames", "held_out", "frames", default={}) or {}).values()
                if isinstance(v, dict) and v.get("f1") is not None]
    lines = {
        "mentions": "Counts the people, organisations and places named in the text (pronouns counted apart), under the "
                    "actor lexicon's name and group where it lists them; a name written only as \"the company\" "
                    "or \"an official\" is not counted.",
        "voice": "Quotations are found by quotation marks and cue verbs (\"said\", \"told\"); the speaker is the name "
                 "next to the cue, so a quote whose speaker is only \"an official\" has no actor.",
        "tone": "Sentence tone is TextBlob's word-list polarity (-1 to +1)"
                + (f"; it matches human judgements with macro-F1 {tone_f1:.2f} (NewsMTSC)" if tone_f1 else "")
                + ": a pointer to sentences worth reading, not a verdict.",
        "actor_tone": "Tone toward an actor is read by a target-aware model trained on news sentences coded by people"
                      + (f" (macro-F1 {target_f1:.2f} against human judgements of the tone toward a person; sentence "
                         f"tone alone reaches {tone_f1:.2f})" if tone_f1 and target_f1 else "")
                      + "; bars show the mean per actor over the sentences naming it or a pronoun for it (n, so it "
                        "can exceed the mentions, which leave pronouns out; a sentence naming it twice counts once) "
                        "with its 95% interval, coloured by the model's verdict: the share of those sentences it labels "
                        "positive minus the share it labels negative (blue above 0, orange below, grey hatched at 0, "
                        "neutral"
                      + (f"; the actor-level rule, macro-F1 {person_f1:.2f} on an article's main person" if person_f1 else "")
                      + "), so an actor the model calls neutral in every sentence is grey whichever way the mean leans.",
        "frames": "Frames are counted from the codebook's terms"
                  + (f"; per frame they agree with human frame codes with F1 {min(frame_f1):.2f} to "
                     f"{max(frame_f1):.2f} (96 held-out articles)" if frame_f1 else "")
                  + ": indicators to read with their sentences, not codes. A term inside a name (\"sons\" in "
                    "\"Mehra & Sons\") counts for no frame. Words of wrongdoing (fraud, lied, misled, \"public money\") "
                    "are not in the generic codebook, so a fraud story can show no morality or responsibility frame: "
                    "measured on its tuning articles, such words fired mostly where the coders saw neither.",
        "network": "Two actors are linked when they are named in the same "
                   + {"sentence": "sentence (a line's width: how many sentences name both)",
                      "document": "article (a line's width: how many articles name both)"}.get(
                       within or "", "sentence or article")
                   + "; the layout is for reading only: distance on the page means nothing.",
        "attention": "Mentions per period of the most mentioned actors; articles without a date are left out.",
    }
    if measure not in lines:
        raise InputError(f"limits({measure!r}): use one of {', '.join(lines)}")
    if within not in (None, "sentence", "document"):
        raise InputError(f"limits: within={within!r}; use 'sentence' or 'document'")
    return Note(lines[measure])


#: The bullets of a report's "Methods and limits" section (markdown), by what they explain: how the
#: text is cut (sentences), who is counted (entities: names found without a list, with the lexicon as an
#: overlay; actors: the lexicon's actors only), quotes, tone and frames.
METHODS_TEXT: dict[str, str] = {
    "sentences": "**Sentences.** The text is split into paragraphs, sections and sentences by documented rules, "
                 "offline. Every number in this report is computed per sentence and added up.",
    "entities": "**Actors** are the people, organisations and places named in the text, found without any list: "
                "names are recognised by capitalisation, titles and context, and the forms of one name "
                "(\"Ruth Adeyemi\", \"Adeyemi\", \"Ms. Adeyemi\") are merged; \"he\"/\"she\" is resolved to "
                "the person meant (counted apart, never mixed into the mention counts). An actor lexicon (a YAML "
                "list of names, aliases, titles and groups) gives the actors it lists their canonical name and "
                "group: see \"Names the lexicon does not cover yet\".",
    "actors": "**Actors** are found with an actor lexicon (YAML, `actors` parameter): aliases match "
              "case-sensitively on word edges, the leftmost-longest match wins, titles count only where the actor "
              "is also named, and \"He\"/\"She\" at a sentence start is resolved to the last person named "
              "(counted apart, never mixed into direct mention counts). An actor the lexicon does not list is not "
              "counted.",
    "quotes": "**Quotes** are found by quotation marks and cue verbs (\"said\", \"told\", \"according to\"); the "
              "speaker is the name next to the cue. Reported speech (\"X said that ...\") counts as *reported*.",
    "tone": "**Tone** of a sentence is TextBlob's word-list polarity (-1 to +1). *Tone toward an actor* is read by "
            "a target-aware model trained on news sentences coded by people (NewsMTSC): it weighs the words "
            "around the actor's name, so two actors in one sentence can get different scores. Sarcasm and quoted "
            "opinions are still read literally. Read both as pointers to sentences worth reading, not as verdicts.",
    "frames": "**Frames** are counted with a codebook of terms: a frame is present in an article when its terms "
              "occur at least the codebook's threshold number of times.",
}


def methods_text(measures: Sequence[str] = ("sentences", "entities", "quotes", "tone", "frames")) -> str:
    """The "Methods and limits" bullets a report prints (markdown, rendered in notebooks and reports).

    ``measures``: keys of :data:`METHODS_TEXT`, in the order given; "entities" for reports on the
    entity layer (brief, corpus report), "actors" for reports on the lexicon's actors (actor profile).
    Pair it with :func:`analysis.methods_card` (how valid each measure is). Returns a str.
    """
    from analysis.validation.figures import MethodsCard

    if isinstance(measures, str):
        measures = (measures,)
    unknown = [m for m in measures if m not in METHODS_TEXT]
    if unknown:
        raise InputError(f"methods_text: unknown measure {unknown[0]!r}; use {', '.join(map(repr, METHODS_TEXT))}")
    return MethodsCard("".join(f"- {METHODS_TEXT[m]}\n" for m in measures))

