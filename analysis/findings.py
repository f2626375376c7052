"""Findings first: what a report opens with, in plain sentences computed from its own tables.

``wb.findings(result, ...)`` returns a :class:`Findings`: 3-5 sentences (who is mentioned most, who is
quoted and who is not, the most negative and most positive passage about an actor, the dominant
frame), each with the sentence of the article that shows it. The numbers are those the report's
charts draw: direct mentions (as ``mentions_by`` counts them), quotations (as ``voice`` counts them),
sentence polarity (as ``actor_tone`` gives it), frame hits (as ``frames`` counts them).
In a notebook or report it shows as the report's title and a numbered list; the title is carried to
the page's ``<title>`` and header by :func:`analysis.reports.export_html`.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.actors import actor_ranking

__all__ = ["findings", "Findings", "TITLE_MIMETYPE", "unnamed_sources_text"]

#: Output mimetype carrying a report's title (lifted into the page's title by the exporter).
TITLE_MIMETYPE = "application/vnd.media-workbench.title+json"

_FINDINGS_STYLE = """<style>
.wb-findings { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; max-width: 60em; }
.wb-findings h2 { font-size: 1.25em; margin: 0.2em 0 0.4em; }
.wb-findings ol { padding-left: 1.4em; margin: 0; }
.wb-findings li { margin: 0 0 0.7em; font-size: 15px; line-height: 1.4; }
.wb-findings blockquote { margin: 0.25em 0 0; padding: 2px 10px; border-left: 3px solid #0072B2; color: #444; font-size: 13px; }
.wb-findings .wb-warning { background: #fff4e5; border-left: 3px solid #E69F00; padding: 6px 10px; font-size: 14px; }
</style>"""


@dataclass(frozen=True)
class Findings:
    """A report's title and findings. ``table`` columns: finding, evidence, doc_id, sentence_id."""

    title: str
    table: pd.DataFrame
    warning: str | None = None

    def to_html(self) -> str:
        items = "".join(
            f"<li><p>{html.escape(f)}</p>" + (f"<blockquote>{html.escape(e)}</blockquote>" if e else "") + "</li>"
            for f, e in zip(self.table["finding"], self.table["evidence"].fillna(""))
        )
        warning = f'<p class="wb-warning">{html.escape(self.warning)}</p>' if self.warning else ""
        return (f'{_FINDINGS_STYLE}<section class="wb-findings" id="findings">{warning}<h2>Findings</h2>'
                f"<ol>{items}</ol></section>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        text = "\n".join(f"{i + 1}. {f}" for i, f in enumerate(self.table["finding"]))
        return {"text/html": self.to_html(), "text/plain": f"{self.title}\n{text}", TITLE_MIMETYPE: {"title": self.title}}


#: Evidence longer than this many words is shown as a window of it (a run-on "sentence" of scraped
#: text can be thousands of words long).
EVIDENCE_WORDS = 60


def _excerpt(text: str, *, at: int | None = None, words: int = EVIDENCE_WORDS) -> str:
    """``text`` with its whitespace collapsed; longer than ``words`` words, the ``words`` words around
    the character offset ``at`` (the start when None), with "…" where words were left out."""
    if at is None or at < 0:
        at = 0
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if len(spans) <= words:
        return " ".join(text[a:b] for a, b in spans)
    hit = next((i for i, (_, end) in enumerate(spans) if end > at), len(spans) - 1)
    first = max(0, min(hit - words // 3, len(spans) - words))
    shown = " ".join(text[a:b] for a, b in spans[first:first + words])
    return ("\u2026 " if first else "") + shown + (" \u2026" if first + words < len(spans) else "")


def _sentence(sentences: pd.DataFrame, doc_id: object, sentence_id: object, *, at: object = None,
              near: str | None = None) -> str:
    """The text of one sentence as evidence: :func:`_excerpt` of it around the offset ``at``, or
    around the first occurrence of the word ``near`` (a frame term; a trailing ``*`` is a wildcard)."""
    hit = sentences[(sentences["doc_id"].astype(str) == str(doc_id)) & (sentences["sentence_id"] == sentence_id)]
    if not len(hit):
        return ""
    text = str(hit["text"].iloc[0])
    if near:
        at = text.lower().find(near.rstrip("*").lower())
    return _excerpt(text, at=None if at is None or pd.isna(at) else int(at))


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _names(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


def _tied(values: list[str], *, shown: int = 3) -> str:
    """The names of a tie: all of them up to ``shown``, else the first ``shown`` and how many more."""
    if len(values) <= shown:
        return _names(values)
    return ", ".join(values[:shown]) + f" and {len(values) - shown:,} more"


def _next_ranked(names: list[str], counts: list[int], *, shown: int = 2) -> str:
    """The actors after a finding's first, ranked (``counts`` falling): about ``shown`` of them, a tie
    never cut: "A (3) and B (2)", "A and B (2 each)", "A, B, C and 2 more (2 each)" (every actor of a
    tie; of a larger tie the first three and how many more, as :func:`_tied`)."""
    parts, _ = _ranked_parts(names, counts, shown=shown)
    return _names(parts) if parts else ""


def _ranked_parts(names: list[str], counts: list[int], *, shown: int) -> tuple[list[str], int]:
    """(the parts naming about ``shown`` of the ranked ``names``, each tie whole: "A (3)", "B and C (2
    each)"; how many names they hold)."""
    parts: list[str] = []
    named = 0
    for n, tie in itertools.groupby(zip(names, counts), key=lambda pair: pair[1]):
        tied = [name for name, _ in tie]
        parts.append(f"{tied[0]} ({n:,})" if len(tied) == 1 else f"{_tied(tied)} ({n:,} each)")
        named += len(tied)
        if named >= shown:
            break
    return parts, named


def findings(
    result,
    *,
    documents: pd.DataFrame | None = None,
    title: str | None = None,
    mentions: pd.DataFrame | None = None,
    voice: pd.DataFrame | None = None,
    frame_names: Mapping[str, str] | None = None,
    unnamed: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    actor_tone: pd.DataFrame | None = None,
    entity_table: pd.DataFrame | None = None,
    min_mentions: int = 2,
    document_frames: pd.DataFrame | None = None,
) -> Findings:
    """The title and 3-5 findings of a report on ``result`` (an :class:`analysis.Analysis`).

    ``documents``: the documents the report covers (default ``result.documents``); ``title``: the
    report's title (None: when there is one document, its headline, else the first words of its lead,
    :func:`analysis.tables.article_labels`; else "Corpus report");
    ``mentions``: the mentions the charts draw (default ``result.mentions``; pass the entity
    mentions to count entities); ``voice``: the voice table the report charts (default
    ``wb.voice(mentions, result.quotes)``); ``frame_names``: frame id -> label; ``unnamed``: the
    names found that the lexicon does not cover (``wb.discover_actors``); ``entity_table``: the
    entities found (``result.entity_table``): when the lexicon names fewer than half of the people
    and organisations in it, a warning at the top says so and points to the fix. The warning of one
    article flagged as a copy of another (``duplicate_of``) first says so, naming the article it copies
    (its headline from ``result.meta["copy_of"]``, which :func:`analysis.tables.report_analysis` records). ``quotes`` and
    ``actor_tone``: the tables the report charts (defaults: ``result.quotes``, ``result.actor_tone``).
    The most mentioned actor is named, or every one of a tie ("A, B and C are mentioned most, 2 times
    each"), in the order of :func:`analysis.actors.actor_ranking` (the order of the report's colours), then
    the next two, a tie among them never cut ("then A, B, C and 2 more (2 each)"); so are the speakers
    quoted after the most quoted ("also quoted: ..."). The dominant frame is the one with most term hits among the frames present (reaching
    their codebook threshold, ``document_frames``: ``wb.frames(documents, codebook, level="document",
    ...)``, computed when None), counting hits in the documents where a frame is present, with its
    share of those hits; when no frame is present anywhere, a line says so.
    When no one is named at all (no mention, and ``unnamed`` given and empty), the first finding
    says so, not that the lexicon names no one. Tone findings need an actor with at least ``min_mentions`` mentions; the most negative and most
    positive sentence about an actor leave out the sentences in which it is the speaker (their
    tone is its own, not the coverage's).
    """
    from analysis.entities import same_entity_ids
    from analysis.quotes import unnamed_source_rows, voice as voice_table
    from analysis.corpus.keys import article_labels

    documents = result.documents if documents is None else documents
    mentions = result.mentions if mentions is None else mentions
    sentences = result.sentences
    one = len(documents) == 1
    if title is None or not str(title).strip():
        # one article: its headline, else the first words of its lead (the label every table gives it);
        # a blank headline titled the page with the report's folder name ("brief", red team rux18 L2)
        title = next(iter(article_labels(documents).values())) if one else "Corpus report"
    unit = "the article" if one else f"the {len(documents):,} articles"
    rows: list[tuple[str, str, object, object]] = []

    direct = mentions[mentions["via"] != "pronoun"]
    counts = actor_ranking(mentions)  # the order the report's colours and the actor profile follow
    counts = counts[counts["mentions"] > 0]
    warning = None
    n_unnamed = 0 if unnamed is None else len(unnamed)
    if entity_table is not None and len(entity_table):
        # distinct entities: a short form that same_as links to a fuller one ("Kessler" alone in one article
        # as Martin Kessler) is that entity, counted once
        folded = entity_table["entity_id"].isin(same_entity_ids(entity_table).keys())
        people = entity_table[entity_table["type"].isin(("person", "organization", "group")) & ~folded]
        named = int(people["actor_id"].notna().sum())
        if len(people) and named < len(people) / 2:
            examples = _names([str(v) for v in people.loc[people["actor_id"].isna(), "entity"].head(3)])
            warning = (f"The actor lexicon names {named} of the {len(people)} people and organisations found in "
                       f"{_unnamed_unit(one)} (e.g. not {examples}). The charts show every one of them under the "
                       f"name found in the text; to give them lexicon names and groups, copy the YAML under \"Names "
                       f"the lexicon does not cover yet\" into a lexicon file and render again with --actors FILE.")
    elif n_unnamed and n_unnamed >= max(3, len(counts)):
        examples = _names([str(v) for v in unnamed["name"].head(3)])
        warning = (f"The actor lexicon names {len(counts)} of the people and organisations in {_unnamed_unit(one)}; "
                   f"{n_unnamed} more are not in it yet (e.g. {examples}). Copy the YAML under \"Names the lexicon "
                   f"does not cover yet\" into a lexicon file and render again with --actors FILE to count them.")
    if counts.empty and unnamed is not None and not n_unnamed:  # no name at all, in the lexicon or not
        rows.append((f"No person, organisation or place is named in {unit}, so there is no one to count.", "", None,
                     None))
    elif counts.empty:
        first = unnamed.iloc[0] if n_unnamed else None
        rows.append((f"The actor lexicon names no one in {unit}"
                     + (f"; {n_unnamed} names it does not cover were found, most often {first['name']} "
                        f"({_count(int(first['count']), 'time')})." if first is not None else "."),
                     str(first["example"]) if first is not None else "", None, None))
    else:
        top = counts.iloc[0]
        tied = counts[counts["mentions"] == top["mentions"]]
        rest = counts.iloc[len(tied):]
        also = ("; then " + _next_ranked([str(a) for a in rest["actor"]], [int(n) for n in rest["mentions"]])) \
            if len(rest) else ""
        first = direct[direct["actor_id"].astype(str) == top["actor_id"]].iloc[0]
        if len(tied) > 1:  # a tie: every one of them, not the first in alphabetical order
            line = (f"{_tied([str(a) for a in tied['actor']])} are mentioned most, "
                    f"{_count(int(top['mentions']), 'time')} each{also}.")
        else:
            where = "" if one else f" in {int(top['documents']):,} of {len(documents):,} articles"
            line = f"{top['actor']} is mentioned most: {_count(int(top['mentions']), 'time')}{where}{also}."
        rows.append((line, _sentence(sentences, first["doc_id"], first["sentence_id"], at=first.get("start")),
                     first["doc_id"],
                     first["sentence_id"]))

    quotes = result.quotes if quotes is None else quotes
    voice = voice_table(mentions, quotes) if voice is None else voice
    if len(quotes) == 0:
        rows.append((f"No one is quoted in {unit}: the workbench found no quotation marks with a speaker, nor "
                     f"reported speech (\"X said that ...\").", "", None, None))
    else:
        spoken = voice[voice["quotes"] > 0].sort_values(["quotes", "mentions"], ascending=False, kind="stable")
        unnamed_sources = unnamed_source_rows(spoken, quotes=quotes)
        spoken = spoken[~unnamed_sources]
        sources = _unnamed_clause(voice.loc[unnamed_sources.index[unnamed_sources]] if unnamed_sources.any()
                                  else voice.iloc[:0])
        if not len(spoken) and sources:
            first = quotes[quotes["speaker"].notna()].iloc[0]
            rows.append((f"No person or organisation is named as the speaker of a quotation in {unit}{sources}.",
                         _sentence(sentences, first["doc_id"], first["sentence_id"]), first["doc_id"],
                         first["sentence_id"]))
        if len(spoken):
            top = spoken.iloc[0]
            said = quotes[(quotes["speaker"] == top["actor"]) | (quotes["speaker_id"] == top["actor_id"])]
            said = said if len(said) else quotes
            direct = said[said["kind"] == "direct"] if "kind" in said.columns else said
            first = (direct if len(direct) else said).iloc[0]  # the actor's own words where there are some
            tied = spoken[spoken["quotes"] == top["quotes"]]
            others = spoken.iloc[len(tied):]
            also = ("; also quoted: " + _next_ranked([str(a) for a in others["actor"]],
                                                     [int(q) for q in others["quotes"]])) if len(others) else ""
            # a direct quotation in quotation marks; reported speech is a paraphrase: its sentence, as written
            evidence = f"\u201c{_excerpt(str(first['quote']))}\u201d" if len(direct) else \
                _sentence(sentences, first["doc_id"], first["sentence_id"])
            if len(tied) > 3 and int(top["quotes"]) == 1:  # nobody quoted twice: no one is quoted "most"
                line = (f"{len(tied):,} speakers are quoted once each ({_tied([str(a) for a in tied['actor']])})"
                        f"{also}{sources}.")
            elif len(tied) > 1:  # a tie: every one of them (the evidence is the first one's words)
                line = (f"{_tied([str(a) for a in tied['actor']])} are quoted most, "
                        f"{_count(int(top['quotes']), 'quotation')} each of {len(quotes):,} "
                        f"({top['quote_share']:.0%} each){also}{sources}.")
            else:
                line = (f"{top['actor']} is quoted most: {_count(int(top['quotes']), 'quotation')} of "
                        f"{len(quotes):,} ({top['quote_share']:.0%}){also}{sources}.")
            rows.append((line, evidence, first["doc_id"], first["sentence_id"]))
        silent = voice[voice["never_quoted"].fillna(False).astype(bool)].sort_values("mentions", ascending=False,
                                                                                     kind="stable")
        if len(silent):
            top = silent.iloc[0]
            line = (f"{top['actor']} is mentioned {_count(int(top['mentions']), 'time')} but never quoted"
                    + (f", like {_count(len(silent) - 1, 'other actor')}" if len(silent) > 1 else "") + ".")
            if len(spoken):
                finding, evidence, doc, sid = rows[-1]
                rows[-1] = (f"{finding} {line}", evidence, doc, sid)
            else:
                rows.append((line, "", None, None))

    tone = result.actor_tone if actor_tone is None else actor_tone
    score = next((c for c in ("polarity", "target_polarity", "compound") if c in tone.columns), None)
    if len(tone) and score is not None:
        tone = tone.rename(columns={score: "polarity"}) if score != "polarity" else tone
        enough = counts.loc[counts["mentions"] >= min_mentions, "actor_id"]
        scored = tone[tone["actor_id"].astype(str).isin(enough) & tone["polarity"].notna()]
        scored = scored.drop_duplicates(["doc_id", "sentence_id", "actor_id"])
        if len(quotes):  # a sentence in which the actor speaks is by it, not about it ("He said it was a great win")
            speaking = set(zip(quotes["doc_id"], quotes["sentence_id"], quotes["speaker_id"]))
            own = [k in speaking for k in zip(scored["doc_id"], scored["sentence_id"], scored["actor_id"])]
            scored = scored.loc[~pd.Series(own, index=scored.index, dtype=bool)]  # (a list indexer would pick columns)
        # with the target-aware model, only a sentence whose most probable class is that tone (a +0.05
        # "most positive sentence" is a neutral one)
        negative = scored[scored["label"] == "negative"] if "label" in scored.columns else scored
        positive = scored[scored["label"] == "positive"] if "label" in scored.columns else scored
        for pick, word in ((negative.nsmallest(1, "polarity"), "negative"), (positive.nlargest(1, "polarity"), "positive")):
            if len(pick) and ((word == "negative" and pick["polarity"].iloc[0] < 0)
                              or (word == "positive" and pick["polarity"].iloc[0] > 0)):
                row = pick.iloc[0]
                rows.append((f"The most {word} sentence about {row['actor']}: tone {row['polarity']:+.2f} "
                             f"toward {row['actor']} (from -1 to +1).", _sentence(sentences, row["doc_id"], row["sentence_id"],
                                                                                 at=row.get("start")),
                             row["doc_id"], row["sentence_id"]))

    frames = result.frames
    if len(frames):
        if document_frames is None:
            from analysis.framing import frames as find_frames

            document_frames = find_frames(documents, result.codebook, level="document", sentences=sentences,
                                          mentions=result.entities)
        kept = set(documents["doc_id"].astype(str))
        present = document_frames[document_frames["present"].astype(bool)
                                  & document_frames["doc_id"].astype(str).isin(kept)]
        pairs = set(zip(present["doc_id"].astype(str), present["frame_id"]))
        frames = frames[[pair in pairs for pair in zip(frames["doc_id"].astype(str), frames["frame_id"])]]
        if frames.empty:
            rows.append((f"No frame reaches its threshold in {unit}: the codebook's frame terms occur too rarely "
                         f"to name a dominant frame.", "", None, None))
    if len(frames):
        hits = frames.groupby("frame_id")["hits"].sum().sort_values(ascending=False, kind="stable")
        frame = hits.index[0]
        label = (frame_names or {}).get(frame, str(frame).replace("_", " "))
        docs = present.loc[present["frame_id"] == frame, "doc_id"].nunique()
        where = "" if one else f", in {docs:,} of {len(documents):,} articles"
        example = frames[frames["frame_id"] == frame]
        best = example.sort_values("hits", ascending=False, kind="stable").iloc[0]
        rows.append((f"The dominant frame is {label}: {_count(int(hits.iloc[0]), 'term hit')} "
                     f"({hits.iloc[0] / hits.sum():.0%} of the hits of frames present){where}; terms such as "
                     f"\u201c{best['terms']}\u201d.", _sentence(sentences, best["doc_id"], best["sentence_id"],
                                                   near=str(best["terms"]).split("; ")[0]),
                     best["doc_id"], best["sentence_id"]))
    copy = _copy_note(documents, result) if one else None
    warning = " ".join(w for w in (copy, warning) if w) or None
    table = pd.DataFrame(rows[:5], columns=["finding", "evidence", "doc_id", "sentence_id"])
    return Findings(title=str(title), table=table, warning=warning)


#: The first words of an unnamed source's words written at a sentence's start that are lower case
#: inside a finding ("Officials said" -> "officials"); a name ("Greyford officials") keeps its capital.
_LOWER_FIRST = frozenset("the a an some many several most other others its their his her one two three few "
                         "all both".split())


def _source_words(words: str) -> str:
    """An unnamed source's words as a finding writes them inside a sentence: a first word capitalised
    only as its sentence's start in lower case ("Officials" -> "officials"; "Greyford officials" kept)."""
    first = words.split(" ", 1)[0]
    from analysis.cues import load_cue_verbs

    if first[:1].isupper() and first[1:].islower() and (first.lower() in _LOWER_FIRST
                                                         or first.lower() in load_cue_verbs().speaker_nouns):
        return first.lower() + words[len(first):]
    return words


def unnamed_sources_text(unnamed: pd.DataFrame, *, shown: int = 3) -> str:
    """The unnamed sources of ``unnamed`` (rows of a voice table,
    :func:`analysis.quotes.unnamed_source_rows`) as the findings list them: "officials (2) and the
    sheriff's office (1)", the ``shown`` most quoted (a tie never cut: "analysts and officials (1 each)")
    and how many more ("... and 7 more"), words written in lower case where only a sentence's start
    capitalised them; "" for none."""
    if not len(unnamed):
        return ""
    ordered = unnamed.sort_values("quotes", ascending=False, kind="stable")
    names = [_source_words(str(a)) for a in ordered["actor"]]
    counts = [int(q) for q in ordered["quotes"]]
    parts, n_listed = _ranked_parts(names, counts, shown=shown)
    rest = len(names) - n_listed
    return ", ".join(parts) + f" and {rest:,} more" if rest > 0 else _names(parts)


def _unnamed_clause(unnamed: pd.DataFrame, *, shown: int = 3) -> str:
    """The quotations of unnamed sources (rows of a voice table,
    :func:`analysis.quotes.unnamed_source_rows`) counted apart from the people and organisations named:
    "; 3 quotations from unnamed sources: officials (2) and the sheriff's office (1)"
    (:func:`unnamed_sources_text`); "" for none."""
    if not len(unnamed):
        return ""
    total = int(pd.to_numeric(unnamed["quotes"]).sum())
    return f"; {_count(total, 'quotation')} from unnamed sources: {unnamed_sources_text(unnamed, shown=shown)}"


def _copy_note(documents: pd.DataFrame, result) -> str | None:
    """The note heading the report of one article flagged as a copy of another (``duplicate_of``)."""
    original = documents["duplicate_of"].iloc[0] if "duplicate_of" in documents.columns else None
    if original is None or pd.isna(original):
        return None
    known = (getattr(result, "meta", None) or {}).get("copy_of") or {}
    title = known.get("title") if str(known.get("doc_id")) == str(original) else None
    named = f"{original} (\u201c{title}\u201d)" if title else str(original)
    return (f"This article is flagged as a copy of article {named}, which comes first in the corpus (a "
            "near-identical text): the corpus report, explore and the actor profile leave it "
            "out by default.")


def _unnamed_unit(one: bool) -> str:
    return "this article" if one else "this corpus"
