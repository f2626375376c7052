"""The README's validity section, written from the validation figures (``lexicons/validation.json``).

:func:`validity_section` turns the figures into markdown; :func:`update_readme` replaces the part of
README.md between the markers ``<!-- validity:start -->`` and ``<!-- validity:end -->`` with it, so
the README shows the figures of the latest validation run and never drifts from them.
``python -m analysis.validation`` does both after measuring.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.persistence import atomic_write

__all__ = ["README_PATH", "START", "END", "validity_section", "update_readme"]

README_PATH = Path(__file__).resolve().parents[2] / "README.md"
START = "<!-- validity:start: written by `python -m analysis.validation`; do not edit by hand -->"
END = "<!-- validity:end -->"

_FRAME_NAMES = {"conflict": "conflict", "human_interest": "human interest", "economic": "economic consequences",
                "morality": "morality", "responsibility": "responsibility (RE)"}


def _f(value: object) -> str:
    return "n/a" if value is None else f"{float(value):.2f}"  # type: ignore[arg-type]


def _cell(text: object) -> str:
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def validity_section(figures: dict[str, Any]) -> str:
    """The generated part of README's "How valid are these measures?" (markdown, no markers)."""
    m, data = figures["measures"], figures["datasets"]
    test = data["newsmtsc_test"]
    tb, vd = m["tone"]["methods"]["textblob"], m["tone"]["methods"]["vader"]
    target = m["actor_tone"]["methods"]["target"]
    ref = m["actor_tone"]["reference"]
    lines = [
        f"**Tone toward persons** — NewsMTSC `{Path(test['file']).stem}` (Hamborg & Donnay, EACL 2021): "
        f"{test['targets']:,} persons in {test['sentences']:,} news sentences, their tone coded negative / neutral / "
        "positive; never used for training or tuning.",
        "",
        "| method | macro-F1 | accuracy | Krippendorff's α |",
        "|---|---|---|---|",
        f"| TextBlob polarity of the whole sentence (the `tone` table; neutral band chosen on NewsMTSC train) | "
        f"{_f(tb.get('macro_f1'))} | {_f(tb.get('accuracy'))} | {_f(tb.get('krippendorff_alpha'))} |",
        f"| VADER, whole sentence | {_f(vd.get('macro_f1'))} | {_f(vd.get('accuracy'))} | {_f(vd.get('krippendorff_alpha'))} |",
        f"| target-aware model (the `actor_tone` table of `analyze()`, default) | **{_f(target.get('macro_f1'))}** | "
        f"{_f(target.get('accuracy'))} | {_f(target.get('krippendorff_alpha'))} |",
        f"| NewsMTSC paper's best neural model (for reference) | {ref['newsmtsc_best_model_macro_f1_real_world']:.3f} "
        f"(real-world split), {ref['newsmtsc_best_model_macro_f1_multi_target']:.3f} (multi-target) | | |",
        "",
    ]
    doc = m["actor_tone"].get("document_level")
    if doc:
        rule = doc["rule"]
        lines += [
            f"**Tone toward a person in an article** (`wb.actor_document_tone`): {doc['groups']:,} article-person "
            f"units of the same file; the gold label is built from the human sentence labels (the sign of their "
            f"mean) because no document-level tone labels are available. Rule chosen on NewsMTSC train: "
            f"{rule['score']}, lead mentions weighted {float(rule['lead_weight']):g}, neutral band "
            f"[{float(rule['band'][0]):g}, {float(rule['band'][1]):g}].",
            "",
            "| method | macro-F1 | accuracy | Krippendorff's α |",
            "|---|---|---|---|",
        ]
        for name, label in (("textblob", "TextBlob polarity averaged over the person's sentences"),
                            ("target", "target-aware mention tone, aggregated (default)")):
            r = doc["methods"][name]
            lines.append(f"| {label} | {_f(r.get('macro_f1'))} | {_f(r.get('accuracy'))} | {_f(r.get('krippendorff_alpha'))} |")
        lines.append("")
    worst = m["actor_tone"].get("worst_errors") or []
    if worst:
        lines += ["Its most confident errors (read them in `notebooks/validation.ipynb`):", ""]
        lines += [f"- *{_cell(w['mention'])}* — human {w['gold']}, model {w['predicted']} ({w['score']:+.2f}): "
                  f"\"{_cell(w['sentence'])}\"" for w in worst[:3]]
        lines.append("")
    frames = m["frames"]
    held = frames["held_out"]
    lines += [
        f"**Frames** — narrative-framing articles (Frermann, Li, Khanehzar & Mikolajczak, ACL 2023): "
        f"{held['n_documents']} climate-change articles coded for five frames, held out from choosing the "
        f"generic codebook's terms and thresholds (`{frames['codebook']}`).",
        "",
        "| frame | precision | recall | F1 | F1 of \"always present\" |",
        "|---|---|---|---|---|",
    ]
    f1s = []
    for frame, v in held["frames"].items():
        f1s.append(v["f1"] or 0.0)
        lines.append(f"| {_FRAME_NAMES.get(frame, frame)} | {_f(v.get('precision'))} | {_f(v.get('recall'))} | {_f(v.get('f1'))} | "
                     f"{_f(v.get('f1_all_present'))} |")
    beaten = [_FRAME_NAMES.get(f, f) for f, v in held["frames"].items()
              if v["f1"] is not None and v["f1_all_present"] is not None and v["f1"] <= v["f1_all_present"] + 0.05]
    lines += ["", f"Macro-F1 {sum(f1s) / max(len(f1s), 1):.2f}." + (
        f" Not clearly better (by more than 0.05) than calling the frame present in every article: "
        f"{', '.join(beaten)}." if beaten else "")]
    training = frames.get("training_cv")
    if training:
        parts = [f"{_FRAME_NAMES.get(f, f)} {_f(v.get('cv_f1_weighted_hits'))} (raw hits {_f(v.get('cv_f1_hits'))}, "
                 f"always present {_f(v.get('f1_all_present'))})" for f, v in training["frames"].items()]
        lines += ["", f"Per-frame evidence on the {training['articles']} tuning articles ({training['folds']}-fold "
                      f"cross-validation, threshold chosen on the other folds, mean of {training['repeats']} fold "
                      f"assignments), F1 of the shipped rule (lead hits weighted): " + "; ".join(parts) + "."]
    evidence = frames.get("term_evidence")
    if evidence:
        gen = evidence["generic_tuning_articles"]
        weak = [t for t in gen["terms"] if t["units"] >= 3 and t["precision"] is not None and t["base_rate"] is not None
                and t["precision"] < t["base_rate"]]
        news = evidence["conflict_news_seed_sentences"]
        misfires = [t for t in news["terms"] if t["precision"] is not None and t["precision"] < 0.5]
        lines += [
            "",
            f"Per-term evidence (the full tables are in `notebooks/validation.ipynb`): on the {gen['n']} tuning articles, "
            f"{len(gen['terms'])} generic terms fire; {len(weak)} fire in 3+ articles more often without their frame "
            f"than its base rate" + (f" ({_listed([t['term'] for t in weak], 8)})" if weak else "") + ". "
            + _wildcard_line(gen.get("wildcard_words")) +
            f"The `conflict-news` codebook, on {news['n']} hand-coded sentences of {_gold_articles(news.get('documents', 1))} "
            f"(`analysis/validation/conflict_news_gold.yml`, one coder): {len(news['terms'])} terms fire, "
            f"{len(misfires)} with precision below 0.5"
            + (f" ({_listed([t['frame'] + ': ' + t['term'] for t in misfires], 8)})" if misfires else "") + ".",
        ]
    frame_errors = frames.get("worst_errors") or []
    if frame_errors:
        lines += ["", "Its plainest held-out errors (`wb.validation.frame_errors`; read them in `notebooks/validation.ipynb`):", ""]
        lines += [f"- article {_cell(e['doc_id'])}, *{_FRAME_NAMES.get(e['frame'], e['frame'])}* — {e['error']} "
                  f"({e['weighted_hits']} weighted hits, threshold {e['threshold']}; terms: {_cell('; '.join(e['terms'].split('; ')[:5]) or 'none')}): "
                  f"\"{_cell(e['opening'])}...\"" for e in frame_errors[:4]]
    stamp = (f"*Generated from `analysis/lexicons/validation.json` (run of {figures['created']}, version "
             f"{figures['package_version']}).*")
    return "\n".join(lines + ["", stamp])


def _listed(names: list[str], most: int) -> str:
    """The first ``most`` names joined by commas, and how many more there are when some are left out."""
    more = len(names) - most
    return ", ".join(names[:most]) + (f" and {more} more" if more > 0 else "")


def _wildcard_line(wildcards: list[dict[str, Any]] | None) -> str:
    """One sentence on the words the generic codebook's wildcard terms match (empty for older figures files)."""
    if wildcards is None:
        return ""
    words = sum(len(w["words"]) for w in wildcards)
    return (f"Its {len(wildcards)} wildcard terms that fire there (a trailing `*`) match {words} distinct words, "
            "each listed with its count in `validation.json` (`wildcard_words`). ")


def _gold_articles(documents: int) -> str:
    """Which articles the conflict-news gold set codes, in words."""
    if documents <= 1:
        return "the seed article"
    others = documents - 1
    return f"the seed article and {others} article{'s' if others > 1 else ''} written for the gold set"


def update_readme(figures: dict[str, Any], path: str | os.PathLike[str] = README_PATH) -> Path:
    """Replace the text between the validity markers of ``path`` with :func:`validity_section`; returns the path.

    Raises InputError when the markers are missing (add ``START`` and ``END`` lines to the README's
    "How valid are these measures?" section). Written atomically.
    """
    target = Path(path)
    text = target.read_text(encoding="utf-8")
    if START not in text or END not in text or text.index(START) > text.index(END):
        raise InputError(f"{target}: no validity markers; put the lines {START!r} and {END!r} where the "
                         "generated figures belong")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    new = f"{head}{START}\n{validity_section(figures)}\n{END}{tail}"
    return atomic_write(target, new)
