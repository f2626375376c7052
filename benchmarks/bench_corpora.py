"""Real corpus layouts: a folder of 40,000 one-article JSON files, one 1 GB JSON Lines file, one long line.

Corpora are built like ``bench_pipeline``'s: articles made of real sentences resampled with a fixed
seed from the narrative-framing articles (``$MEDIA_WORKBENCH_DATASETS``, else the seed article), each
with a headline, an outlet, a date and a URL (no id: doc ids are hashed, the loader's full path).

* **folder**: ``BENCH_FOLDER_FILES`` articles, one JSON object per file (``00000/000000.json``, a
  thousand files per sub-folder), and the same articles as one Parquet file (row groups of 1,000);
  a second folder of a tenth as many files for the memory comparison;
* **jsonl**: one JSON Lines file of about ``BENCH_JSONL_MB`` megabytes of such articles;
* **long line**: one document of ``BENCH_LONG_MB`` megabytes with no sentence punctuation and no line
  break (the narrative-framing text with ``.?!`` and line breaks removed), and one of a quarter of it.

Measured, each run in a fresh subprocess (wall time; peak RSS of the process tree sampled from
``/proc`` every 0.2 s, as ``bench_pipeline.measure``):

* loading: ``load_corpus`` against the plain read of the same files, ``json.load`` of every file in
  the loader's order (folder) or ``json.loads`` of every line (JSON Lines), with no table built; wall
  time and CPU time of the timed call (on a shared machine the wall clock also counts other jobs);
* streaming: ``python -m analysis analyze --engine processes --workers 2 --partition-size 1000`` on the
  folder (wall time, and CPU time of the run and its workers: on a shared machine the wall clock
  also counts other jobs), on the Parquet file of the same articles, and on the folder of a tenth of the files (words/s
  count ``re.findall(r"\\w+")`` over title and text);
* the long line: ``analysis.pipeline.analyze_partition`` on the one document (time and peak RSS), at
  both sizes.

Targets (reported, not asserted): loading within 3x of the plain read (folder and JSON Lines);
streaming the folder within 1.3x of streaming the same articles from Parquet; streaming peak RSS
growing less than 1.5x from a tenth of the folder to all of it, both at the same partition size, one
that gives each worker a partition of the tenth (:func:`memory_partition_size`; below the issue's
sizes an extra run of the whole folder at that size); the long line's time and memory
growing at most linearly (ratio <= 4.5 for a 4x longer text, 0.5 of slack for noise).

Sizes are configurable by environment variables (the defaults are the issue's cases):
``BENCH_FOLDER_FILES`` (40000), ``BENCH_JSONL_MB`` (1000), ``BENCH_LONG_MB`` (20).
``run(quick=True)`` uses 300 files, 3 MB and 0.4 MB.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_pipeline import PARTITION, STREAM_WORKERS, _article, measure
from benchmarks.common import append_rows, print_figures, record_targets, target_table
from benchmarks.texts import REPO, article_texts, sentence_pool

DEFAULTS = {"BENCH_FOLDER_FILES": 40_000, "BENCH_JSONL_MB": 1000, "BENCH_LONG_MB": 20}
QUICK = {"BENCH_FOLDER_FILES": 300, "BENCH_JSONL_MB": 3, "BENCH_LONG_MB": 0.4}
_WORD = re.compile(r"\w+")
_FILES_PER_FOLDER = 1000


def sizes(*, quick: bool) -> dict[str, float]:
    """The sizes of this run: the environment's, else the defaults (``quick``: small ones)."""
    base = QUICK if quick else DEFAULTS
    out: dict[str, float] = {}
    for name, default in base.items():
        raw = os.environ.get(name, "").strip()
        out[name] = type(default)(float(raw)) if raw else default
    return out


# ------------------------------------------------------------------------------------- corpora


def _articles(n: int, pool: list[str], *, seed: int) -> Any:
    """``n`` resampled articles (dicts: title, text, outlet, date, url) with a fixed seed."""
    rng = random.Random(seed)
    for i in range(n):
        article = _article(rng, pool, i)
        article.pop("id")
        yield article


def _words(article: dict[str, Any]) -> int:
    return len(_WORD.findall(f"{article['title']}\n\n{article['text']}"))


def write_folder(folder: Path, n: int, pool: list[str], *, parquet: Path | None = None) -> int:
    """``n`` one-article JSON files under ``folder`` (and the same articles as Parquet); returns the words."""
    words, rows, writer = 0, [], None
    try:
        for i, article in enumerate(_articles(n, pool, seed=20240511)):
            sub = folder / f"{i // _FILES_PER_FOLDER:05d}"
            if i % _FILES_PER_FOLDER == 0:
                sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{i:06d}.json").write_text(json.dumps(article), encoding="utf-8")
            words += _words(article)
            if parquet is not None:
                rows.append(article)
                if len(rows) == PARTITION:
                    writer, rows = append_rows(writer, parquet, rows, row_group_size=PARTITION), []
        if parquet is not None and rows:
            writer = append_rows(writer, parquet, rows, row_group_size=PARTITION)
    finally:
        if writer is not None:
            writer.close()
    return words


def write_jsonl(path: Path, megabytes: float, pool: list[str]) -> tuple[int, int]:
    """Articles as JSON Lines until the file holds ``megabytes`` MB; returns (articles, words)."""
    limit, size, n, words = megabytes * 1e6, 0, 0, 0
    with path.open("w", encoding="utf-8") as handle:
        for article in _articles(10**9, pool, seed=7):
            line = json.dumps(article) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            n += 1
            words += _words(article)
            if size >= limit:
                break
    return n, words


def long_line(megabytes: float) -> str:
    """One line of ``megabytes`` MB of real news words with no sentence punctuation and no line break."""
    _, texts = article_texts()
    blob = re.sub(r"[.?!…\s]+", " ", " ".join(texts)).strip() + " "
    size = int(megabytes * 1e6)
    return (blob * (size // len(blob) + 1))[:size].strip()


# ------------------------------------------------------------------------- measured in subprocesses


def _baseline(path: Path) -> dict[str, Any]:
    """The plain read: ``json.load`` of every file of a folder in the loader's order, or ``json.loads``
    of every line of a JSON Lines file."""
    from analysis.corpus.loader import walk_folder  # imported before the clock starts

    t0, c0 = time.perf_counter(), time.process_time()
    if path.is_dir():
        files, _, _ = walk_folder(path)
        count = 0
        for file in files:
            with file.open("rb") as handle:
                json.load(handle)
            count += 1
    else:
        count = 0
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    json.loads(line)
                    count += 1
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "documents": count}


def _load(path: Path) -> dict[str, Any]:
    import analysis as wb

    wb.load_corpus(REPO / "seeds")  # warm up: imports and compiled patterns outside the clock
    t0, c0 = time.perf_counter(), time.process_time()
    documents = wb.load_corpus(path)
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0, "documents": len(documents)}


def _long(megabytes: float) -> dict[str, Any]:
    import pandas as pd

    import analysis as wb
    from analysis.pipeline import analyze_partition

    text = long_line(megabytes)
    documents = pd.DataFrame({"doc_id": ["long"], "title": ["One long line"], "text": [text]})
    lexicon, codebook = wb.load_actors(), wb.load_frames()
    analyze_partition(documents.assign(text="A warm-up sentence."), actors=lexicon, frames=codebook)
    t0, c0 = time.perf_counter(), time.process_time()
    tables = analyze_partition(documents, actors=lexicon, frames=codebook)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "chars": len(text), "words": len(_WORD.findall(text)),
            "rows": {name: len(table) for name, table in tables.items()},
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _in_subprocess(args: list[str], env: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    run_ = measure([sys.executable, "-m", "benchmarks.bench_corpora", *args], env=env)
    return json.loads(run_["stdout"].strip().splitlines()[-1]), run_


# ---------------------------------------------------------------------------------------- run


def _per_s(amount: float, seconds: float) -> int:
    return round(amount / seconds) if seconds > 0 else 0


def memory_partition_size(tenth_files: int) -> int:
    """The partition size of the memory comparison: the streaming one (``PARTITION``) unless the tenth
    folder would then be fewer partitions than workers (one worker busy, the other never started,
    which halves the smaller run's peak and is not growth in corpus size); then the size that gives
    every worker a partition of the tenth folder. Both runs of the comparison use it."""
    return min(PARTITION, max(1, tenth_files // STREAM_WORKERS))


def _stream(corpus: Path, out: Path, env: dict[str, str], *, partition_size: int = PARTITION) -> dict[str, Any]:
    run_ = measure([sys.executable, "-m", "analysis", "analyze", "--corpus", str(corpus), "--out", str(out),
                    "--engine", "processes", "--workers", str(STREAM_WORKERS), "--partition-size",
                    str(partition_size)], env=env)
    manifest = json.loads((out / "manifest.json").read_text())
    return {"seconds": run_["wall_s"], "cpu_s": run_["cpu_s"],
            "peak_rss_mb": run_["tree_peak_rss_mb"] or run_["max_process_rss_mb"],
            "partitions": manifest["partitions"], "documents": manifest["tables"]["documents"]["rows"]}


def run(*, quick: bool = False) -> dict:
    """Build the corpora, measure, print and return the figures (a flat JSON-serialisable dict)."""
    size = sizes(quick=quick)
    n_files, jsonl_mb, long_mb = int(size["BENCH_FOLDER_FILES"]), size["BENCH_JSONL_MB"], size["BENCH_LONG_MB"]
    source, pool = sentence_pool()
    env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(REPO)}
    figures: dict[str, Any] = {"text_source": source, "quick": quick, "partition_size": PARTITION,
                               "stream_workers": STREAM_WORKERS}
    with tempfile.TemporaryDirectory(prefix="bench-corpora-") as tmp:
        work = Path(tmp)
        # ---- folder of one-article JSON files, and the same articles as Parquet
        t0 = time.perf_counter()
        words = write_folder(work / "folder", n_files, pool, parquet=work / "same.parquet")
        small_words = write_folder(work / "folder-tenth", max(1, n_files // 10), pool)
        figures.update(folder_files=n_files, folder_words=words, folder_generate_s=round(time.perf_counter() - t0, 1),
                       folder_mb=round(sum(p.stat().st_size for p in (work / "folder").rglob("*.json")) / 1e6, 1))
        print(f"folder: {n_files:,} files written", flush=True)
        figures.update(_load_against_parse(work / "folder", "folder", "json_load", documents=n_files, env=env))
        memory_partition = memory_partition_size(max(1, n_files // 10))
        runs = [("folder", work / "folder", words, PARTITION), ("parquet", work / "same.parquet", words, PARTITION),
                ("folder_tenth", work / "folder-tenth", small_words, memory_partition)]
        if memory_partition != PARTITION:
            runs.append(("folder_memory", work / "folder", words, memory_partition))
        figures["memory_partition_size"] = memory_partition
        for name, corpus, n_words, partition_size in runs:
            got = _stream(corpus, work / f"out-{name}", env, partition_size=partition_size)
            figures.update({f"stream_{name}_s": round(got["seconds"], 1), f"stream_{name}_cpu_s": round(got["cpu_s"], 1),
                            f"stream_{name}_words_per_s": _per_s(n_words, got["seconds"]),
                            f"stream_{name}_docs_per_s": round(got["documents"] / got["seconds"], 1),
                            f"stream_{name}_peak_rss_mb": round(got["peak_rss_mb"]),
                            f"stream_{name}_partitions": got["partitions"],
                            f"stream_{name}_documents": got["documents"]})
            print(f"streaming {name}: {got['seconds']:.1f} s, {got['partitions']} partitions, "
                  f"peak RSS {got['peak_rss_mb']:.0f} MB", flush=True)
        figures["folder_tenth_files"] = max(1, n_files // 10)
        # ---- one JSON Lines file
        t0 = time.perf_counter()
        articles, jsonl_words = write_jsonl(work / "big.jsonl", jsonl_mb, pool)
        figures.update(jsonl_target_mb=jsonl_mb, jsonl_mb=round((work / "big.jsonl").stat().st_size / 1e6, 1),
                       jsonl_articles=articles, jsonl_words=jsonl_words,
                       jsonl_generate_s=round(time.perf_counter() - t0, 1))
        print(f"jsonl: {articles:,} articles written", flush=True)
        figures.update(_load_against_parse(work / "big.jsonl", "jsonl", "json_loads", documents=articles, env=env))
        (work / "big.jsonl").unlink()
    figures.update(long_lines(long_mb, env))
    _targets(figures)
    print_figures(figures)
    return figures


def long_lines(long_mb: float, env: dict[str, str]) -> dict[str, Any]:
    """The long line's figures: ``analyze_partition`` on one line of a quarter of ``long_mb`` and of all
    of it, each in a fresh subprocess (wall and CPU seconds of the call, peak RSS, rows)."""
    figures: dict[str, Any] = {}
    for tier, mb in (("quarter", long_mb / 4), ("full", long_mb)):
        got, run_ = _in_subprocess(["long", str(mb)], env)
        figures.update({f"long_{tier}_mb": round(got["chars"] / 1e6, 2), f"long_{tier}_words": got["words"],
                        f"long_{tier}_s": round(got["seconds"], 1), f"long_{tier}_cpu_s": round(got["cpu_seconds"], 1),
                        f"long_{tier}_peak_rss_mb": round(run_["max_process_rss_mb"]),
                        f"long_{tier}_sentences": got["rows"]["sentences"],
                        f"long_{tier}_mentions": got["rows"]["mentions"], f"long_{tier}_quotes": got["rows"]["quotes"]})
        print(f"long line {got['chars'] / 1e6:.1f} MB: {got['seconds']:.1f} s, {got['cpu_seconds']:.1f} s CPU, "
              f"{run_['max_process_rss_mb']:.0f} MB", flush=True)
    return figures


def _load_against_parse(path: Path, prefix: str, baseline: str, *, documents: int, env: dict[str, str]
                        ) -> dict[str, Any]:
    """``load_corpus(path)`` against the bare parse (``baseline``: json.load per file or json.loads per
    line), each in a fresh subprocess in the same run: wall and CPU seconds of both, their ratios and the
    load's peak RSS, named ``<prefix>_<baseline>_s``, ``<prefix>_load_corpus_s`` ..."""
    base, _ = _in_subprocess(["baseline", str(path)], env)
    load, load_run = _in_subprocess(["load", str(path)], env)
    assert base["documents"] == load["documents"] == documents, (base, load)
    print(f"{prefix}: {baseline.replace('_', '.')} {base['seconds']:.1f} s, load_corpus {load['seconds']:.1f} s",
          flush=True)
    return {f"{prefix}_{baseline}_s": round(base["seconds"], 2), f"{prefix}_load_corpus_s": round(load["seconds"], 2),
            f"{prefix}_load_x_plain_read": round(load["seconds"] / base["seconds"], 2),
            f"{prefix}_{baseline}_cpu_s": round(base["cpu_seconds"], 2),
            f"{prefix}_load_corpus_cpu_s": round(load["cpu_seconds"], 2),
            f"{prefix}_load_x_plain_read_cpu": round(load["cpu_seconds"] / max(base["cpu_seconds"], 1e-6), 2),
            f"{prefix}_load_peak_rss_mb": round(load_run["tree_peak_rss_mb"] or load_run["max_process_rss_mb"])}


def _targets(figures: dict[str, Any]) -> None:
    """The issue's targets, each with its measured value and whether it is met."""
    checks = {
        "folder_load_x_plain_read": (figures["folder_load_x_plain_read"], 3.0),
        "jsonl_load_x_plain_read": (figures["jsonl_load_x_plain_read"], 3.0),
        **{name: (figures[name], 3.0) for name in ("folder_load_x_plain_read_cpu", "jsonl_load_x_plain_read_cpu")
           if name in figures},
        "stream_folder_x_parquet": (round(figures["stream_folder_s"] / figures["stream_parquet_s"], 2), 1.3),
        "stream_folder_x_parquet_cpu": (
            round(figures["stream_folder_cpu_s"] / figures["stream_parquet_cpu_s"], 2), 1.3),
        "stream_rss_growth_10x_files": (
            round(figures.get("stream_folder_memory_peak_rss_mb", figures["stream_folder_peak_rss_mb"])
                  / figures["stream_folder_tenth_peak_rss_mb"], 2), 1.5),
        "long_line_time_growth_4x_text": (round(figures["long_full_s"] / max(figures["long_quarter_s"], 0.1), 2), 4.5),
        **({"long_line_cpu_growth_4x_text": (
            round(figures["long_full_cpu_s"] / max(figures["long_quarter_cpu_s"], 0.1), 2), 4.5)}
           if "long_full_cpu_s" in figures else {}),
        "long_line_rss_growth_4x_text": (
            round(figures["long_full_peak_rss_mb"] / figures["long_quarter_peak_rss_mb"], 2), 4.5),
    }
    record_targets(figures, {name: (value, "max", limit) for name, (value, limit) in checks.items()})


def markdown(figures: dict[str, Any]) -> str:
    """The figures as markdown tables: loading, streaming, the long line, targets."""
    lines = ["| corpus | documents | plain read (s) | `load_corpus` (s) | x plain read | CPU: plain read (s) | "
             "CPU: `load_corpus` (s) | CPU: x plain read | peak RSS (MB) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
             f"| folder of {figures['folder_files']:,} JSON files ({figures['folder_mb']:,} MB) | "
             f"{figures['folder_files']:,} | {figures['folder_json_load_s']} | {figures['folder_load_corpus_s']} | "
             f"{figures['folder_load_x_plain_read']} | {figures.get('folder_json_load_cpu_s', '')} | "
             f"{figures.get('folder_load_corpus_cpu_s', '')} | {figures.get('folder_load_x_plain_read_cpu', '')} | "
             f"{figures['folder_load_peak_rss_mb']:,} |",
             f"| one JSON Lines file ({figures['jsonl_mb']:,} MB) | {figures['jsonl_articles']:,} | "
             f"{figures['jsonl_json_loads_s']} | {figures['jsonl_load_corpus_s']} | "
             f"{figures['jsonl_load_x_plain_read']} | {figures.get('jsonl_json_loads_cpu_s', '')} | "
             f"{figures.get('jsonl_load_corpus_cpu_s', '')} | {figures.get('jsonl_load_x_plain_read_cpu', '')} | "
             f"{figures['jsonl_load_peak_rss_mb']:,} |",
             "",
             f"| streaming `analyze` ({figures['stream_workers']} workers, partitions of "
             f"{figures['partition_size']:,}) | documents | partitions | words/s | documents/s | time (s) | "
             "CPU (s) | peak RSS (MB) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    labels = {"folder": f"folder of {figures['folder_files']:,} JSON files",
              "parquet": "the same articles as one Parquet file",
              "folder_tenth": f"folder of {figures['folder_tenth_files']:,} JSON files",
              "folder_memory": f"folder of {figures['folder_files']:,} JSON files, partitions of "
                               f"{figures.get('memory_partition_size', 0):,} (memory comparison)"}
    if figures.get("memory_partition_size", figures["partition_size"]) != figures["partition_size"]:
        labels["folder_tenth"] += f", partitions of {figures['memory_partition_size']:,}"
    for name, label in labels.items():
        if f"stream_{name}_s" not in figures:
            continue
        lines.append(f"| {label} | {figures[f'stream_{name}_documents']:,} | {figures[f'stream_{name}_partitions']:,} | "
                     f"{figures[f'stream_{name}_words_per_s']:,} | {figures[f'stream_{name}_docs_per_s']:,} | "
                     f"{figures[f'stream_{name}_s']:,} | {figures.get(f'stream_{name}_cpu_s', '')} | "
                     f"{figures[f'stream_{name}_peak_rss_mb']:,} |")
    lines += ["", "| one line, no sentence punctuation | words | sentences | mentions | time (s) | CPU (s) | "
              "peak RSS (MB) |", "|---|---:|---:|---:|---:|---:|---:|"]
    for tier in ("quarter", "full"):
        lines.append(f"| {figures[f'long_{tier}_mb']} MB | {figures[f'long_{tier}_words']:,} | "
                     f"{figures[f'long_{tier}_sentences']:,} | {figures[f'long_{tier}_mentions']:,} | "
                     f"{figures[f'long_{tier}_s']:,} | {figures.get(f'long_{tier}_cpu_s', '')} | "
                     f"{figures[f'long_{tier}_peak_rss_mb']:,} |")
    lines += target_table(figures, {
        "folder_load_x_plain_read": "folder: `load_corpus` time / `json.load` of every file",
        "jsonl_load_x_plain_read": "JSON Lines: `load_corpus` time / `json.loads` of every line",
        "folder_load_x_plain_read_cpu": "folder: `load_corpus` CPU time / `json.load` of every file",
        "jsonl_load_x_plain_read_cpu": "JSON Lines: `load_corpus` CPU time / `json.loads` of every line",
        "stream_folder_x_parquet": "streaming wall time, folder / the same articles from Parquet",
        "stream_folder_x_parquet_cpu": "streaming CPU time (with the workers'), folder / Parquet",
        "stream_rss_growth_10x_files": "streaming peak RSS, all files / a tenth of them",
        "long_line_time_growth_4x_text": "one long line: time, 4x the text / 1x",
        "long_line_cpu_growth_4x_text": "one long line: CPU time, 4x the text / 1x",
        "long_line_rss_growth_4x_text": "one long line: peak RSS, 4x the text / 1x",
    })
    notes = [f"Text: {figures['text_source']}."]
    if figures["folder_files"] < DEFAULTS["BENCH_FOLDER_FILES"] or figures["jsonl_target_mb"] < DEFAULTS["BENCH_JSONL_MB"] \
            or figures["long_full_mb"] < DEFAULTS["BENCH_LONG_MB"]:
        notes.append(f"Smaller than the issue's cases (40,000 files, 1 GB, 20 MB): run with BENCH_FOLDER_FILES, "
                     f"BENCH_JSONL_MB, BENCH_LONG_MB set to {figures['folder_files']}, {figures['jsonl_target_mb']}, "
                     f"{figures['long_full_mb']}.")
    if figures.get("code"):
        notes.append(f"Code: {figures['code']}.")
    if figures.get("note"):
        notes.append(figures["note"])
    lines += ["", " ".join(notes)]
    return "\n".join(lines)


def _main(argv: list[str]) -> None:
    if argv and argv[0] in ("baseline", "load"):
        print(json.dumps((_baseline if argv[0] == "baseline" else _load)(Path(argv[1]))))
    elif argv and argv[0] == "long":
        print(json.dumps(_long(float(argv[1]))))
    elif argv and argv[0] == "long-lines":  # only the long line's rows, at BENCH_LONG_MB (a quarter and all)
        env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(REPO)}
        print_figures(long_lines(sizes(quick=False)["BENCH_LONG_MB"], env))
    else:
        run(quick="--quick" in argv)


if __name__ == "__main__":
    _main(sys.argv[1:])
