"""The whole pipeline at scale: every stage and the full analysis on 1k, 10k and 100k articles.

Corpora: articles made of real sentences resampled with a fixed seed from the narrative-framing
articles (``$MEDIA_WORKBENCH_DATASETS/narrative-framing/articles_metadata.tsv``, else the seed
article): a headline, 4-12 paragraphs of 1-4 sentences, now and then a "Key Takeaways:" heading
with bullets, an outlet (one of 12), a publication date in 2024 and an id. Each corpus is written
to a Parquet file (row groups of 1,000 articles) in a temporary folder, chunk by chunk, so not even
the generator holds the 100k corpus in memory.

Measured, each corpus in a fresh subprocess (so that peak RSS is the run's own, from ``os.wait4``):

* **stages** (1k and 10k, in memory, one process, CPU time): sentences, mentions (default lexicon,
  pronouns resolved), entities, quotes (given the entities), sentence tone, frames, actor tone, and the full ``analyze()``;
* **streaming** (10k and 100k): ``python -m analysis analyze --corpus C.parquet --out D
  --engine processes --workers 2`` (partitions of 1,000 articles): wall time, and the peak RSS of the
  whole process tree (the sum over the run and its workers, sampled from ``/proc`` every 0.2 s) and of
  its largest process (``os.wait4``).

Baselines, measured in the same run on the 10k corpus's own text:

* (c) the floor: one ``re.findall(r"\\w+", text)`` pass over every title and text;
* (a) ``TextBlob(s).sentiment`` in a loop over a random subsample of the corpus's sentences
  (2,000; 200 with ``quick``), extrapolated per sentence;
* (b) mentions the naive way: one compiled regex per alias of the default lexicon (word edges by
  lookarounds; titles case-insensitive) over a subsample of sentences (2,000; 200), per character;
* mentions with a 10,000-alias lexicon against a 10-alias one (``bench_mentions``' lexicons,
  ``pronouns=False``) on all the corpus's sentences.

Targets (reported, not asserted): full analysis within 10x the floor; sentence tone at least 8x the
TextBlob loop; 10,000 aliases within 2x of 10; streaming peak RSS growing less than 1.5x from 10k to
100k articles. ``run(quick=True)`` uses corpora of 10, 20 and 200 articles.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import append_rows, print_figures, record_targets, target_table
from benchmarks.texts import REPO, resampled_body, sentence_pool


SIZES = {"small": 1_000, "medium": 10_000, "large": 100_000}
QUICK_SIZES = {"small": 10, "medium": 20, "large": 200}
STAGES = ("sentences", "mentions", "entities", "quotes", "tone", "frames", "actor_tone", "full")
STAGE_LABELS = {"sentences": "sentences", "mentions": "mentions", "entities": "entities", "quotes": "quotes",
                "tone": "sentence tone",
                "frames": "frames", "actor_tone": "actor tone", "full": "full analyze()"}
OUTLETS = ("Daily Ledger", "The Courier", "Morning Post", "Evening Star", "Coast Herald", "Capital Times",
           "Valley News", "Harbor Gazette", "Northern Record", "Metro Wire", "The Observer", "Plains Tribune")
PARTITION = 1000
STREAM_WORKERS = 2
_WORD = re.compile(r"\w+")


# ------------------------------------------------------------------------------------- corpora


def _article(rng: random.Random, pool: list[str], i: int) -> dict[str, Any]:
    text = resampled_body(rng, pool)
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))  # a day of 2024 (a leap year)
    return {"id": f"a{i:06d}", "title": rng.choice(pool)[:150], "text": text,
            "outlet": rng.choice(OUTLETS), "date": f"{day.isoformat()}T{rng.randrange(24):02d}:00:00Z",
            "url": f"https://example.org/{i}"}


def write_corpus(path: Path, n: int, pool: list[str], *, chunk: int = PARTITION, seed: int = 20240511) -> None:
    """``n`` resampled articles as a Parquet file with row groups of ``chunk`` rows, written chunk by chunk."""
    writer = None
    try:
        for lo in range(0, n, chunk):
            rng = random.Random(seed * 1_000_003 + lo)
            rows = [_article(rng, pool, i) for i in range(lo, min(n, lo + chunk))]
            writer = append_rows(writer, path, rows, row_group_size=chunk)
    finally:
        if writer is not None:
            writer.close()


# ------------------------------------------------------------------------------- measurement


def _cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.process_time()
    value = fn()
    return time.process_time() - t0, value


def _naive_mentions(texts: list[str], lexicon: Any) -> int:
    """One regex per alias, word edges by lookarounds: the simple way, for comparison."""
    patterns = [re.compile(r"(?<![^\W_])" + re.escape(term) + r"(?![^\W_])", re.IGNORECASE if kind == "title" else 0)
                for term, kind in zip(lexicon.aliases["term"], lexicon.aliases["kind"])]
    return sum(1 for text in texts for pattern in patterns for _ in pattern.finditer(text))


def stages(corpus: Path, *, quick: bool) -> dict[str, Any]:
    """Per-stage CPU times on one corpus, in this process (run it in a subprocess), plus the baselines."""
    import pandas as pd
    from textblob import TextBlob

    import analysis as wb
    from analysis.pipeline import analyze_partition

    documents = wb.load_corpus(corpus)
    lexicon, codebook = wb.load_actors(), wb.load_frames()
    lexicon.matcher, codebook.matcher  # noqa: B018 - build the automata outside the timings
    TextBlob("warm up the lexicon").sentiment  # noqa: B018
    wb.tone(documents.head(2))  # warm up: the tone lexicon, the cue verbs
    wb.mentions(documents.head(2), lexicon)
    texts = (documents["title"] + "\n\n" + documents["text"]).tolist()
    t_floor, words = _cpu(lambda: sum(len(_WORD.findall(text)) for text in texts))
    chars = sum(map(len, texts))
    out: dict[str, Any] = {"articles": len(documents), "words": words, "chars": chars, "floor_s": t_floor}

    t, sents = _cpu(lambda: wb.sentences(documents))
    out["sentences_s"] = t
    t, mentions = _cpu(lambda: wb.mentions(documents, lexicon, sentences=sents))
    out["mentions_s"] = t
    t, ents = _cpu(lambda: wb.entities(documents, sentences=sents, actors=lexicon))
    out["entities_s"] = t
    t, quotations = _cpu(lambda: wb.quotes(documents, lexicon, sentences=sents, mentions=mentions, entities=ents))
    out["quotes_s"] = t
    out["tone_s"], _ = _cpu(lambda: wb.tone(documents, sentences=sents))
    out["frames_s"], _ = _cpu(lambda: wb.frames(documents, codebook, sentences=sents))
    out["actor_tone_s"], _ = _cpu(lambda: wb.actor_tone(documents, lexicon, sentences=sents, mentions=mentions,
                                                        quotes=quotations))
    out["full_s"], tables = _cpu(lambda: analyze_partition(documents, actors=lexicon, frames=codebook))
    out["n_sentences"] = len(sents)
    out["n_mentions"], out["n_quotes"], out["n_frames"] = len(mentions), len(quotations), len(tables["frames"])
    del tables

    rng = random.Random(7)
    sentence_texts = sents["text"].tolist()
    sample = rng.sample(sentence_texts, min(len(sentence_texts), 200 if quick else 2000))
    t, _ = _cpu(lambda: [TextBlob(s).sentiment for s in sample])
    out["textblob_sample"], out["textblob_s_per_sentence"] = len(sample), t / len(sample)
    t, _ = _cpu(lambda: _naive_mentions(sample, lexicon))
    out["naive_mentions_sample_chars"], out["naive_mentions_s"] = sum(map(len, sample)), t
    out["lexicon_aliases"] = int(len(lexicon.aliases))

    from benchmarks.bench_mentions import _lexicons

    small, large = _lexicons()
    small.matcher, large.matcher  # noqa: B018
    table = sents[["doc_id", "sentence_id", "paragraph_id", "section", "text", "start", "end"]]
    docs = pd.DataFrame({"doc_id": documents["doc_id"]})
    out["alias10_s"], _ = _cpu(lambda: wb.mentions(docs, small, sentences=table, pronouns=False))
    out["alias10k_s"], _ = _cpu(lambda: wb.mentions(docs, large, sentences=table, pronouns=False))
    out["aliases_small"] = int((small.aliases["kind"] == "alias").sum())
    out["aliases_large"] = int((large.aliases["kind"] == "alias").sum())
    out["self_max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _tree(root: int) -> dict[int, bytes]:
    """``/proc/<pid>/stat`` of process ``root`` and all its descendants (unreadable ones left out)."""
    stats: dict[int, bytes] = {}
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
                stats[int(entry)] = stat
                parents[int(entry)] = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return {pid: stats[pid] for pid in tree if pid in stats}


def _tree_rss_kb(root: int, stats: dict[int, bytes] | None = None) -> int:
    """Resident memory (kB) of process ``root`` and all its descendants, from /proc (0 where unreadable)."""
    total = 0
    for pid in stats if stats is not None else _tree(root):
        try:
            with open(f"/proc/{pid}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


def _cpu_ticks(stat: bytes) -> int:
    """utime + stime (clock ticks) from a ``/proc/<pid>/stat`` line."""
    fields = stat[stat.rindex(b")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def measure(command: list[str], *, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``command``; wall time, CPU time (user + system: the process' own, plus its descendants' as last
    sampled from /proc, so a process pool's workers count), its output, its own peak RSS (``os.wait4``: the largest of the process
    and its waited-for children) and the sampled peak of the sum over its process tree (from /proc)."""
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, env=env, cwd=REPO, stdout=stdout, stderr=stderr, text=True)
        peak, sampling, ticks = 0, os.path.isdir("/proc"), {}
        while True:
            if sampling:
                stats = _tree(proc.pid)
                peak = max(peak, _tree_rss_kb(proc.pid, stats))
                for pid, stat in stats.items():
                    if pid != proc.pid:
                        ticks[pid] = max(ticks.get(pid, 0), _cpu_ticks(stat))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sampling else 0)
            if pid:
                break
            time.sleep(0.2)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-3000:]}")
    descendants = sum(ticks.values()) / os.sysconf("SC_CLK_TCK") if ticks else 0.0
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime + descendants,
            "max_process_rss_mb": usage.ru_maxrss / 1024,
            "tree_peak_rss_mb": peak / 1024 or None, "stdout": out}


# ---------------------------------------------------------------------------------------- run


def _per_s(amount: float, seconds: float) -> int:
    return round(amount / seconds) if seconds > 0 else 0


def run(*, quick: bool = False) -> dict:
    """Build the corpora, measure, print and return the figures (a flat JSON-serialisable dict)."""
    sizes = QUICK_SIZES if quick else SIZES
    source, pool = sentence_pool()
    env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(REPO)}
    figures: dict[str, Any] = {"text_source": source, "quick": quick, "partition_size": PARTITION,
                               "stream_engine": "processes", "stream_workers": STREAM_WORKERS}
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        work = Path(tmp)
        for tier, n in sizes.items():
            t0 = time.perf_counter()
            write_corpus(work / f"{tier}.parquet", n, pool)
            figures[f"{tier}_articles"] = n
            figures[f"{tier}_corpus_mb"] = round((work / f"{tier}.parquet").stat().st_size / 1e6, 1)
            figures[f"{tier}_generate_s"] = round(time.perf_counter() - t0, 1)
            print(f"corpus {tier}: {n:,} articles written", flush=True)
        for tier in ("small", "medium"):
            run_ = measure([sys.executable, "-m", "benchmarks.bench_pipeline", "stages", str(work / f"{tier}.parquet")]
                           + (["--quick"] if quick else []), env=env)
            got = json.loads(run_["stdout"].strip().splitlines()[-1])
            words, articles = got["words"], got["articles"]
            figures[f"{tier}_words"], figures[f"{tier}_sentences"] = words, got["n_sentences"]
            figures[f"{tier}_floor_words_per_s"] = _per_s(words, got["floor_s"])
            for stage in STAGES:
                seconds = got[f"{stage}_s"]
                figures[f"{tier}_{stage}_s"] = round(seconds, 3)
                figures[f"{tier}_{stage}_words_per_s"] = _per_s(words, seconds)
                figures[f"{tier}_{stage}_articles_per_s"] = round(articles / seconds, 1) if seconds else 0
                figures[f"{tier}_{stage}_x_floor"] = round(seconds / got["floor_s"], 2)
            figures[f"{tier}_stages_peak_rss_mb"] = round(run_["max_process_rss_mb"], 1)
            figures[f"{tier}_tone_speedup_vs_textblob"] = round(
                got["textblob_s_per_sentence"] * got["n_sentences"] / got["tone_s"], 1)
            figures[f"{tier}_mentions_speedup_vs_naive_regex"] = round(
                (got["chars"] / got["mentions_s"]) / (got["naive_mentions_sample_chars"] / got["naive_mentions_s"]), 1)
            figures[f"{tier}_alias10k_to_alias10_ratio"] = round(got["alias10k_s"] / got["alias10_s"], 2)
            if tier == "medium":
                figures["textblob_sample_sentences"] = got["textblob_sample"]
                figures["textblob_sentences_per_s"] = round(1 / got["textblob_s_per_sentence"], 1)
                figures["naive_mentions_aliases"] = got["lexicon_aliases"]
                figures["naive_mentions_chars_per_s"] = _per_s(got["naive_mentions_sample_chars"],
                                                               got["naive_mentions_s"])
                figures["mentions_chars_per_s"] = _per_s(got["chars"], got["mentions_s"])
                figures["aliases_small"], figures["aliases_large"] = got["aliases_small"], got["aliases_large"]
            ratio = got["full_s"] / got["floor_s"]
            print(f"stages {tier}: full {got['full_s']:.1f} s = {ratio:.1f}x floor", flush=True)
        for tier in ("medium", "large"):
            out = work / f"{tier}-analysis"
            run_ = measure([sys.executable, "-m", "analysis", "analyze", "--corpus", str(work / f"{tier}.parquet"),
                            "--out", str(out), "--engine", "processes", "--workers", str(STREAM_WORKERS),
                            "--partition-size", str(PARTITION)], env=env)
            articles = sizes[tier]
            words = figures.get(f"{tier}_words") or _parquet_words(work / f"{tier}.parquet")
            figures[f"{tier}_words"] = words
            figures[f"{tier}_stream_s"] = round(run_["wall_s"], 1)
            figures[f"{tier}_stream_words_per_s"] = _per_s(words, run_["wall_s"])
            figures[f"{tier}_stream_articles_per_s"] = round(articles / run_["wall_s"], 1)
            figures[f"{tier}_stream_peak_rss_mb"] = round(run_["tree_peak_rss_mb"] or run_["max_process_rss_mb"], 1)
            figures[f"{tier}_stream_max_process_rss_mb"] = round(run_["max_process_rss_mb"], 1)
            print(f"streaming {tier}: {run_['wall_s']:.1f} s, peak RSS {figures[f'{tier}_stream_peak_rss_mb']} MB",
                  flush=True)
    _targets(figures)
    print_figures(figures)
    return figures


def _parquet_words(path: Path) -> int:
    import pyarrow.parquet as pq

    words = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=PARTITION, columns=["title", "text"]):
        titles, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        words += sum(len(_WORD.findall(f"{a}\n\n{b}")) for a, b in zip(titles, texts))
    return words


def _targets(figures: dict[str, Any]) -> None:
    """The issue's targets, each with its measured value and whether it is met."""
    checks = {
        "full_x_floor": (figures["medium_full_x_floor"], "max", 10.0),
        "tone_speedup_vs_textblob": (figures["medium_tone_speedup_vs_textblob"], "min", 8.0),
        "alias10k_to_alias10_ratio": (figures["medium_alias10k_to_alias10_ratio"], "max", 2.0),
        "stream_rss_growth_10x_corpus": (
            round(figures["large_stream_peak_rss_mb"] / figures["medium_stream_peak_rss_mb"], 2), "max", 1.5),
    }
    record_targets(figures, checks)


def markdown(figures: dict[str, Any]) -> str:
    """The figures as markdown tables: stages by corpus, streaming runs, targets."""
    lines = ["| stage | articles | words/s | articles/s | time (s) | x floor | peak RSS (MB) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for tier in ("small", "medium"):
        n = figures[f"{tier}_articles"]
        lines.append(f"| floor: `re.findall(r\"\\w+\")` | {n:,} | {figures[f'{tier}_floor_words_per_s']:,} | | | 1 | |")
        for stage in STAGES:
            if f"{tier}_{stage}_words_per_s" not in figures:
                continue  # figures of a run made before this stage was measured
            lines.append(f"| {STAGE_LABELS[stage]} | {n:,} | {figures[f'{tier}_{stage}_words_per_s']:,} | "
                         f"{figures[f'{tier}_{stage}_articles_per_s']:,} | {figures[f'{tier}_{stage}_s']:,} | "
                         f"{figures[f'{tier}_{stage}_x_floor']} | "
                         f"{figures[f'{tier}_stages_peak_rss_mb'] if stage == 'full' else ''} |")
    for tier in ("medium", "large"):
        lines.append(f"| streaming `analyze` ({figures['stream_engine']}, {figures['stream_workers']} workers) | "
                     f"{figures[f'{tier}_articles']:,} | {figures[f'{tier}_stream_words_per_s']:,} | "
                     f"{figures[f'{tier}_stream_articles_per_s']:,} | {figures[f'{tier}_stream_s']:,} | | "
                     f"{figures[f'{tier}_stream_peak_rss_mb']} |")
    medium = f"{figures['medium_articles']:,}"
    lines += target_table(figures, {
        "full_x_floor": f"full analysis time / floor time ({medium} articles, one core)",
        "tone_speedup_vs_textblob": "sentence tone speed / `TextBlob(s).sentiment` loop",
        "alias10k_to_alias10_ratio": "mentions time, 10,000 aliases / 10 aliases",
        "stream_rss_growth_10x_corpus": f"streaming peak RSS, {figures['large_articles']:,} / {medium} articles"})
    lines += ["", f"Baselines on the {medium}-article corpus: TextBlob loop "
              f"{figures['textblob_sentences_per_s']:,} sentences/s "
              f"(measured on {figures['textblob_sample_sentences']:,} sampled sentences, extrapolated per sentence); "
              f"one regex per alias ({figures['naive_mentions_aliases']} aliases) "
              f"{figures['naive_mentions_chars_per_s']:,} chars/s against {figures['mentions_chars_per_s']:,} chars/s "
              f"for `mentions` (x{figures['medium_mentions_speedup_vs_naive_regex']}). "
              f"Text: {figures['text_source']}."]
    return "\n".join(lines)


def _main(argv: list[str]) -> None:
    if argv and argv[0] == "stages":
        print(json.dumps(stages(Path(argv[1]), quick="--quick" in argv)))
    else:
        run(quick="--quick" in argv)


if __name__ == "__main__":
    _main(sys.argv[1:])
