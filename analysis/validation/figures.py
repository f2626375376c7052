"""The latest validation figures: measured, written to a small versioned JSON, reported in methods sections.

:func:`write_validation_figures` runs every validation on the data sets and writes
``analysis/lexicons/validation.json`` (``python -m analysis.validation --datasets PATH`` does the same);
:func:`methods_card` turns that file into the paragraph a report's methods section shows;
:func:`reference_figures` puts figures from the literature beside measured ones.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import InputError, LexiconError, json_problem
from analysis.persistence import atomic_write
from analysis.validation.data import dataset_files, file_sha256, read_newsmtsc

__all__ = [
    "FIGURES_PATH",
    "FIGURES_FORMAT",
    "MEASURES",
    "REFERENCES",
    "MethodsCard",
    "measure_all",
    "write_validation_figures",
    "load_validation_figures",
    "methods_card",
    "method_note",
    "method_notes",
    "reference_figures",
]

FIGURES_PATH = Path(__file__).resolve().parents[1] / "lexicons" / "validation.json"
FIGURES_FORMAT = "media-workbench/validation-figures"
SCHEMA_VERSION = 2
MEASURES = ("tone", "actor_tone", "frames")

CITATIONS: dict[str, str] = {
    "newsmtsc": "Hamborg, F. & Donnay, K. (2021). NewsMTSC: (Multi-)Target-dependent Sentiment Classification "
    "in News Articles. EACL 2021.",
    "narrative_framing": "Frermann, L., Li, J., Khanehzar, S. & Mikolajczak, G. (2023). Conflicts, Villains, "
    "Resolutions: Towards models of Narrative Media Framing. ACL 2023.",
    "van_atteveldt": "van Atteveldt, W., van der Velden, M. A. C. G. & Boukes, M. (2021). The Validity of "
    "Sentiment Analysis: Comparing Manual Annotation, Crowd-Coding, Dictionary Approaches, and Machine "
    "Learning Algorithms. Communication Methods and Measures 15(2), 121-140.",
}

#: Figures from the literature: source, data, method, metric, low, high (a range where the source
#: reports several methods).
REFERENCES: tuple[dict[str, Any], ...] = (
    {"source": "Hamborg & Donnay 2021", "data": "NewsMTSC devtest_rw (real-world)",
     "method": "the paper's best model (neural, fine-tuned)", "metric": "macro_f1", "low": 0.831, "high": 0.831},
    {"source": "Hamborg & Donnay 2021", "data": "NewsMTSC devtest_mt (multi-target)",
     "method": "the paper's best model (neural, fine-tuned)", "metric": "macro_f1", "low": 0.825, "high": 0.825},
    {"source": "van Atteveldt, van der Velden & Boukes 2021", "data": "Dutch economic news headlines",
     "method": "sentiment dictionaries", "metric": "accuracy", "low": 0.46, "high": 0.50},
    {"source": "van Atteveldt, van der Velden & Boukes 2021", "data": "Dutch economic news headlines",
     "method": "a single trained human coder", "metric": "accuracy", "low": 0.82, "high": 0.82},
)


# ------------------------------------------------------------------------------------ measuring


def _tone_figures(result: dict[str, Any]) -> dict[str, Any]:
    per_class = {
        r["class"]: {k: _num(r[k]) for k in ("precision", "recall", "f1")} | {"support": int(r["support"])}
        for r in result["per_class"].to_dict("records")
    }
    out = {k: _num(result[k]) for k in ("macro_f1", "accuracy", "cohen_kappa", "krippendorff_alpha",
                                          "krippendorff_alpha_ordinal")}
    out["per_class"] = per_class
    if result["band"] is not None:
        out["band"] = [float(result["band"][0]), float(result["band"][1])]
    return out


def _frame_figures(table: pd.DataFrame) -> dict[str, Any]:
    return {
        "n_documents": int(table.attrs.get("n_documents", 0)),
        "frames": {
            r["frame"]: {"code": r["code"], **{k: _num(r[k]) for k in ("precision", "recall", "f1", "f1_all_present")},
                         "support": int(r["support"]), "n": int(r["n"])}
            for r in table.to_dict("records")
        },
    }


def _term_evidence(frames_file: Path) -> dict[str, Any]:
    """Per-term precision of the generic codebook on the tuning articles (the evidence its terms were
    revised with) with the words each of its wildcard terms matches there (:func:`wildcard_words`; per term,
    word -> matches), and of the conflict-news codebook on the shipped hand-coded sentences (the seed article
    and the articles written for the gold set, :func:`read_sentence_gold`)."""
    from analysis.validation.data import read_narrative_frames
    from analysis.validation.frame_terms import read_sentence_gold, split_articles, term_precision, wildcard_words

    documents, gold, _notes = read_narrative_frames(frames_file)
    tune, _held = split_articles(documents["doc_id"])
    docs = documents[tune]
    generic = term_precision(docs, gold[gold["doc_id"].isin(set(docs["doc_id"]))], "generic")
    wildcards = wildcard_words(docs, codebook="generic")
    seed_docs, seed_gold = read_sentence_gold()
    news = term_precision(seed_docs, seed_gold, "conflict-news", unit="sentence")

    def rows(table: pd.DataFrame) -> list[dict[str, Any]]:
        fired = table[table["units"] > 0]
        return [{"frame": r["frame_id"], "term": r["term"], "kind": r["kind"], "units": int(r["units"]),
                 "with_frame": int(r["with_frame"]), "precision": _num(r["precision"]), "base_rate": _num(r["base_rate"])}
                for r in fired.to_dict("records")]

    words = [{"frame": frame, "term": term, "words": {str(w): int(n) for w, n in zip(g["word"], g["matches"])}}
             for (frame, term), g in wildcards.groupby(["frame_id", "term"], sort=False)]
    return {"generic_tuning_articles": {"units": "articles", "n": int(len(docs)), "terms": rows(generic),
                                        "wildcard_words": words},
            "conflict_news_seed_sentences": {"units": "sentences",
                                             "n": int(len(seed_gold[["doc_id", "sentence_id"]].drop_duplicates())),
                                             "documents": int(seed_gold["doc_id"].nunique()), "terms": rows(news)}}


def _frame_training_cv(frames_file: Path) -> dict[str, Any]:
    """Per frame: the cross-validated F1 of the shipped presence rule (weighted hits >= threshold, the
    threshold chosen on four fifths of the tuning articles) and of raw hits, with the "always present" F1."""
    from analysis.framing import frames as find_frames
    from analysis.validation.data import read_narrative_frames
    from analysis.validation.frame_terms import frame_rule_cv, split_articles

    documents, gold, _notes = read_narrative_frames(frames_file)
    docs = documents[split_articles(documents["doc_id"])[0]].reset_index(drop=True)
    scores = find_frames(docs, None, level="document")
    table = frame_rule_cv(scores, gold[gold["doc_id"].isin(set(docs["doc_id"]))], rules=("weighted_hits", "hits"))
    out: dict[str, Any] = {"articles": int(len(docs)), "folds": 5, "repeats": 5, "frames": {}}
    for r in table.to_dict("records"):
        entry = out["frames"].setdefault(r["frame_id"], {"f1_all_present": _num(r["f1_all_present"])})
        entry[f"cv_f1_{r['rule']}"] = _num(r["cv_f1"])
    return out


def _frame_worst_errors(frames_file: Path, n: int = 2) -> list[dict[str, Any]]:
    """The plainest held-out disagreements (:func:`analysis.validation.frame_errors`), ``n`` of each kind."""
    from analysis.validation.frames import frame_errors

    table = frame_errors(frames_file, held_out=True, n=n)
    return [{"doc_id": str(r["doc_id"]), "frame": str(r["frame"]), "error": str(r["error"]), "hits": int(r["hits"]),
             "weighted_hits": int(r["weighted_hits"]), "threshold": int(r["threshold"]), "terms": str(r["terms"]),
             "opening": str(r["opening"])} for r in table.to_dict("records")]


def _num(value: object) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else round(number, 4)


def measure_all(
    datasets: str | os.PathLike[str] | None = None,
    *,
    newsmtsc_file: str | os.PathLike[str] | None = None,
    frames_file: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """Run every validation and return the figures (the content of ``validation.json``).

    Tone and actor tone: :func:`analysis.validation.newsmtsc` on the NewsMTSC test file (default
    devtest_mt) with "textblob", "vader" and "target". Frames: :func:`analysis.validation.narrative_frames`
    with the generic codebook on all articles and on the held-out third.
    """
    from analysis.framing import load_frames
    from analysis.target_tone import MODEL_PATH, load_target_model
    from analysis.validation.frames import narrative_frames
    from analysis.validation.tone import newsmtsc, newsmtsc_documents

    files = dataset_files(datasets, newsmtsc_file=newsmtsc_file, frames_file=frames_file)
    test = read_newsmtsc(files["newsmtsc"])
    results = {m: newsmtsc(files["newsmtsc"], method=m) for m in ("textblob", "vader", "target")}
    documents = {m: newsmtsc_documents(files["newsmtsc"], method=m) for m in ("textblob", "target")}
    from analysis.validation.tone import worst_errors

    worst = worst_errors(results["target"], n=5)
    evidence = _term_evidence(files["frames"])
    frames_all = narrative_frames(files["frames"])
    frames_held = narrative_frames(files["frames"], held_out=True)
    model = load_target_model()
    book = load_frames(None)
    notes = pd.DataFrame(frames_all.attrs["notes"])
    try:
        version = metadata.version("media-workbench")
    except metadata.PackageNotFoundError:
        version = "unknown"
    datasets_info: dict[str, Any] = {
        "newsmtsc_test": {"file": files["newsmtsc"].name, "sha256": file_sha256(files["newsmtsc"]),
                          "sentences": int(test["line"].nunique()), "targets": int(len(test)),
                          "citation": CITATIONS["newsmtsc"]},
        "narrative_framing": {"file": files["frames"].name, "sha256": file_sha256(files["frames"]),
                              "articles_compared": frames_all.attrs["n_documents"],
                              "skipped_rows": frames_all.attrs["skipped_rows"],
                              "lenient_values": int(notes["action"].str.startswith("read leniently").sum()) if len(notes) else 0,
                              "citation": CITATIONS["narrative_framing"]},
    }
    if "newsmtsc_train" in files:
        datasets_info["newsmtsc_train"] = {"file": files["newsmtsc_train"].name, "sha256": file_sha256(files["newsmtsc_train"]),
                                           "use": "training and tuning only (target-aware model, neutral bands)"}
    return {
        "format": FIGURES_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "package_version": version,
        "created": _dt.date.today().isoformat(),
        "datasets": datasets_info,
        "models": {
            "target_tone": {"file": MODEL_PATH.name, "sha256": model.sha256,
                            "trained_on_sha256": model.meta.get("training_data", {}).get("sha256"),
                            "cv_macro_f1_train": model.meta.get("train_metrics", {}).get("cv_macro_f1")},
            "frames_codebook": {"name": book.name, "sha256": book.sha256},
        },
        "measures": {
            "tone": {
                "what": "sentence-wide lexicon tone classed with a neutral band chosen on NewsMTSC train, against "
                        "human labels of the tone toward a person in the sentence (no sentence-level labels exist here)",
                "dataset": "newsmtsc_test",
                "methods": {"textblob": _tone_figures(results["textblob"]), "vader": _tone_figures(results["vader"])},
            },
            "actor_tone": {
                "what": "tone toward a person: the default (TextBlob on the whole sentence) and the target-aware "
                        "model (actor_tone(method='target')), against NewsMTSC's human labels",
                "dataset": "newsmtsc_test",
                "methods": {"sentence": _tone_figures(results["textblob"]), "target": _tone_figures(results["target"])},
                "default": "target",
                "document_level": {
                    "what": "tone toward an article's main person (actor_document_tone: mention tone aggregated "
                            "with the rule chosen on NewsMTSC train), against a gold label built from the human "
                            "sentence labels (the sign of their mean); NewsMTSC has no document-level labels",
                    "groups": documents["target"]["n_groups"],
                    "rule": documents["target"]["rule"],
                    "methods": {m: {k: _num(r[k]) for k in ("macro_f1", "accuracy", "krippendorff_alpha")}
                                for m, r in documents.items()},
                },
                "worst_errors": [{k: (round(float(v), 3) if k == "score" else (int(v) if k == "line" else str(v)))
                                  for k, v in row.items()} for row in worst.to_dict("records")],
                "reference": {"newsmtsc_best_model_macro_f1_multi_target": 0.825,
                              "newsmtsc_best_model_macro_f1_real_world": 0.831},
            },
            "frames": {
                "what": "presence of each generic frame in an article (weighted hits >= the frame's threshold: "
                        "hits in the headline and first sentences count the frame's lead_weight times, hits of actor terms its "
                        "actor_weight times) against "
                        "human frame codes; terms, lead weight and thresholds were chosen on articles with ID % 3 != 0",
                "dataset": "narrative_framing",
                "codebook": book.name,
                "held_out": _frame_figures(frames_held),
                "all_articles": _frame_figures(frames_all),
                "term_evidence": evidence,
                "training_cv": _frame_training_cv(files["frames"]),
                "worst_errors": _frame_worst_errors(files["frames"]),
            },
        },
    }


def write_validation_figures(
    datasets: str | os.PathLike[str] | None = None,
    *,
    path: str | os.PathLike[str] = FIGURES_PATH,
    newsmtsc_file: str | os.PathLike[str] | None = None,
    frames_file: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """Measure everything (:func:`measure_all`) and write the figures to ``path`` atomically; returns them."""
    figures = measure_all(datasets, newsmtsc_file=newsmtsc_file, frames_file=frames_file)
    atomic_write(path, json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    return figures


def load_validation_figures(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The figures of the latest validation run (default: the shipped ``lexicons/validation.json``).

    Raises LexiconError naming the file when it is missing or not a validation-figures file.
    """
    target = Path(FIGURES_PATH if path is None else path)
    fix = "write it with `python -m analysis.validation --datasets <folder>`"
    if not target.is_file():
        raise LexiconError(f"{target}: no validation figures; {fix}")
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise LexiconError(f"{target}, line {error.lineno}: not valid JSON ({json_problem(error)}); {fix}") from None
    if not isinstance(data, dict) or data.get("format") != FIGURES_FORMAT:
        raise LexiconError(f"{target}, field 'format': not a validation-figures file; {fix}")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise LexiconError(f"{target}, field 'schema_version': {data.get('schema_version')!r} is not {SCHEMA_VERSION}; {fix}")
    return data


# ------------------------------------------------------------------------------ methods card


class MethodsCard(str):
    """A methods-section text (markdown or HTML) that notebooks render instead of printing as a string."""

    format: str = "markdown"

    def _repr_markdown_(self) -> str | None:
        return str(self) if self.format == "markdown" else None

    def _repr_html_(self) -> str | None:
        return str(self) if self.format == "html" else None


def _f(value: object) -> str:
    return "n/a" if value is None else f"{float(value):.2f}"  # type: ignore[arg-type]


def _card_items(figures: dict[str, Any], measures: Sequence[str]) -> list[tuple[str, str]]:
    """(label, sentence) per measure, plain text (escaped by the caller)."""
    data = figures["datasets"]
    m = figures["measures"]
    test = data["newsmtsc_test"]
    newsmtsc_where = (f"{test['targets']:,} person targets in {test['sentences']:,} news sentences coded by humans "
                      f"(NewsMTSC {Path(test['file']).stem}; Hamborg & Donnay 2021)")
    items = []
    for measure in measures:
        if measure == "tone":
            tb, vd = m["tone"]["methods"]["textblob"], m["tone"]["methods"]["vader"]
            low, high = tb.get("band", [0, 0])
            items.append(("Tone", (
                f"TextBlob polarity of a sentence, read as negative below {low:g}, positive above {high:g}, else "
                f"neutral (band chosen on NewsMTSC train), agrees with human judgements of the tone toward a person "
                f"in the sentence with macro-F1 {_f(tb['macro_f1'])} (accuracy {_f(tb['accuracy'])}, "
                f"Krippendorff's alpha {_f(tb['krippendorff_alpha'])}); VADER: macro-F1 {_f(vd['macro_f1'])}. "
                f"Measured on {newsmtsc_where}. Lexicon tone is coarse: compare large amounts of coverage with it, "
                "do not judge single sentences."
            )))
        elif measure == "actor_tone":
            a = m["actor_tone"]
            s, t = a["methods"]["sentence"], a["methods"]["target"]
            doc = a.get("document_level")
            doc_text = "" if not doc else (
                f" Per actor and document (wb.actor_document_tone, mention tone aggregated by a rule chosen on "
                f"NewsMTSC train) it reaches macro-F1 {_f(doc['methods']['target']['macro_f1'])} on {doc['groups']:,} "
                f"article-person units of the same file, against a gold label built from the sentence labels "
                f"(NewsMTSC has no document-level labels; TextBlob averaged: "
                f"{_f(doc['methods']['textblob']['macro_f1'])})."
            )
            items.append(("Tone toward actors", (
                f"measured by the target-aware model (the default of analyze(); actor_tone(actor_tone_method='target'), "
                f"trained on NewsMTSC train only): macro-F1 {_f(t['macro_f1'])} (accuracy {_f(t['accuracy'])}, "
                f"Krippendorff's alpha {_f(t['krippendorff_alpha'])}) on {newsmtsc_where}, never used for "
                f"training; TextBlob on the whole sentence reaches {_f(s['macro_f1'])}, the dataset authors' best "
                f"neural model {a['reference']['newsmtsc_best_model_macro_f1_multi_target']:.3f}.{doc_text}"
            )))
        elif measure == "frames":
            held = m["frames"]["held_out"]
            parts = ", ".join(
                f"{frame.replace('_', ' ')} {_f(v['f1'])} (always-present floor {_f(v['f1_all_present'])})"
                for frame, v in held["frames"].items()
            )
            items.append(("Frames", (
                f"presence of the generic news frames ({m['frames']['codebook']}) in an article, against human "
                f"frame codes of {held['n_documents']} climate-change articles the thresholds were not tuned on "
                f"(Frermann et al. 2023), F1: {parts}. Treat frame scores as indicators to read with their "
                "sentences, not as codes."
            )))
        else:
            raise InputError(f"methods_card: unknown measure {measure!r}; use {', '.join(map(repr, MEASURES))}")
    items.append(("Validate on your own data", (
        "draw a sample with wb.validation.coding_sample(result, n=200, path='sample.xlsx'), have two people "
        "code it, read their sheets with wb.validation.read_codes(path, coder=name), and compute "
        "wb.validation.agreement(codes), adding wb.validation.workbench_codes(result, sample) to see how the "
        "workbench agrees with them."
    )))
    return items


def methods_card(
    measures: Sequence[str] = MEASURES,
    *,
    figures: dict[str, Any] | str | os.PathLike[str] | None = None,
    format: str = "markdown",
) -> MethodsCard:
    """The methods-section paragraph on validity: the latest figures of the measures a report uses.

    ``measures``: any of "tone", "actor_tone", "frames" (in the order given). ``figures``: a figures
    dict or a validation.json path (None = the shipped ``lexicons/validation.json``). ``format``:
    "markdown" or "html". All text is HTML-escaped. Ends with one line on how to validate on your own
    data (coding_sample -> code -> read_codes -> agreement). Returns a str (a :class:`MethodsCard`,
    which notebooks render).
    """
    if format not in ("markdown", "html"):
        raise InputError(f"format={format!r}: use 'markdown' or 'html'")
    if isinstance(measures, str):
        measures = (measures,)
    data = figures if isinstance(figures, dict) else load_validation_figures(figures)
    items = _card_items(data, list(measures))
    stamp = f"Figures from the workbench's validation run of {data['created']} (version {data['package_version']})."
    if format == "markdown":
        lines = ["**How valid are these measures?**", ""]
        lines += [f"- **{html.escape(label)}**: {html.escape(text, quote=False)}" for label, text in items]
        lines += ["", f"*{html.escape(stamp, quote=False)}*"]
        card = MethodsCard("\n".join(lines) + "\n")
    else:
        body = "".join(f"<li><strong>{html.escape(label)}</strong>: {html.escape(text)}</li>" for label, text in items)
        card = MethodsCard(f"<div class=\"methods-card\"><p><strong>How valid are these measures?</strong></p>"
                           f"<ul>{body}</ul><p><em>{html.escape(stamp)}</em></p></div>")
    card.format = format
    return card


#: What produced each number a report shows, by the table or column it comes from.
_NOTES: dict[str, str] = {
    "tone": "Tone (tone table, polarity): TextBlob polarity of each sentence, exact; macro-F1 {tone} against "
            "human tone-toward-person labels (NewsMTSC).",
    "actor_tone": "Tone toward actors (actor_tone table, target_polarity): target-aware model, macro-F1 {actor} on "
                  "NewsMTSC test sentences (TextBlob on the whole sentence: {sentence}).",
    "actor_document_tone": "Tone toward an actor in a document (actor_document_tone): mention tone aggregated, "
                           "macro-F1 {document} on NewsMTSC article-person units (gold built from sentence labels).",
    "frames": "Frames (frames table): generic codebook term hits; held-out macro-F1 {frames} on human-coded "
              "articles (narrative-framing), frame by frame in the methods card.",
}


def method_note(measure: str, *, figures: dict[str, Any] | str | os.PathLike[str] | None = None) -> str:
    """One line naming the method behind a report's number and its validation figure.

    ``measure``: "tone", "actor_tone", "actor_document_tone" or "frames". Plain text (escape it for HTML).
    """
    if measure not in _NOTES:
        raise InputError(f"method_note: unknown measure {measure!r}; use {', '.join(map(repr, _NOTES))}")
    data = figures if isinstance(figures, dict) else load_validation_figures(figures)
    m = data["measures"]
    frames = [v["f1"] for v in m["frames"]["held_out"]["frames"].values() if v["f1"] is not None]
    doc = m["actor_tone"].get("document_level", {}).get("methods", {}).get("target", {})
    values = {
        "tone": _f(m["tone"]["methods"]["textblob"]["macro_f1"]),
        "actor": _f(m["actor_tone"]["methods"]["target"]["macro_f1"]),
        "sentence": _f(m["actor_tone"]["methods"]["sentence"]["macro_f1"]),
        "document": _f(doc.get("macro_f1")),
        "frames": _f(sum(frames) / len(frames) if frames else None),
    }
    return _NOTES[measure].format(**values)


def method_notes(*, figures: dict[str, Any] | str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Every :func:`method_note` as a table: measure, note."""
    data = figures if isinstance(figures, dict) else load_validation_figures(figures)
    return pd.DataFrame({"measure": list(_NOTES), "note": [method_note(m, figures=data) for m in _NOTES]})


# --------------------------------------------------------------------------- side by side


def reference_figures(*evaluations: dict[str, Any]) -> pd.DataFrame:
    """Figures from the literature, with the given :func:`analysis.validation.newsmtsc` results beside them.

    Output columns: source, data, method, metric, low, high (equal for a single figure; a range where a
    source reports several methods). Literature rows first (:data:`REFERENCES`), then one macro-F1 and
    one accuracy row per result (source "this workbench (measured)").
    """
    from analysis.validation.tone import TONE_METHODS

    rows = [dict(r) for r in REFERENCES]
    for result in evaluations:
        if not isinstance(result, dict) or "macro_f1" not in result or "method" not in result:
            raise InputError("reference_figures: pass results of analysis.validation.newsmtsc(...)")
        for metric in ("macro_f1", "accuracy"):
            rows.append({"source": "this workbench (measured)", "data": f"NewsMTSC {Path(str(result['file'])).stem}",
                         "method": f"{result['method']}: {TONE_METHODS.get(result['method'], '')}", "metric": metric,
                         "low": float(result[metric]), "high": float(result[metric])})
    return pd.DataFrame(rows, columns=["source", "data", "method", "metric", "low", "high"])
