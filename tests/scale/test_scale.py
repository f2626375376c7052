"""Scale by partitions: streaming analyze_corpus, resume after failure, cache, DuckDB queries, engines.

A nine-article corpus made from the seed's paragraphs (two paragraphs each, no two articles sharing
both, so no duplicates), with outlets and dates, written as TSV (no id column: hashed ids), JSON
Lines, Parquet (row groups of two rows) and a folder of text files with a metadata.csv. Partitions
of two articles cut it into five.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis as wb
from analysis.errors import InputError
from analysis.pipeline import TABLES, Analysis, analyze, load_analysis
from analysis.scale import CorpusPartitions, analyze_corpus, cached_analysis, mentions_by, query, read_manifest
from analysis.scale import store
from analysis.engines import progress_bar
from background import Command, in_background

REPO = Path(__file__).resolve().parents[2]
OUTLETS = ("Daily Ledger", "The Courier", "Morning Post")
_ANALYZE_PARTITION = store.analyze_partition
MINI_ACTORS = {"actors": [{"id": "hamas", "name": "Hamas", "type": "group", "aliases": ["Hamas"]},
                          {"id": "rafah", "name": "Rafah", "type": "other", "aliases": ["Rafah"]}]}


def _articles() -> pd.DataFrame:
    text = wb.load_corpus(REPO / "seeds")["text"].iloc[0]
    paragraphs = [p for p in text.split("\n\n") if p.strip()][:10]
    rows = []
    for i in range(9):
        rows.append({"id": f"s{i}", "title": f"Story {i}: {paragraphs[i][:60]}",
                     "text": paragraphs[i] + "\n\n" + paragraphs[(i + 3) % 10],
                     "outlet": OUTLETS[i % 3], "date": f"2024-05-{8 + i % 2:02d}T{10 + i}:00:00Z"})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpora")
    articles = _articles()
    paths = {"tsv": root / "corpus.tsv", "jsonl": root / "corpus.jsonl", "parquet": root / "corpus.parquet",
             "folder": root / "folder"}
    articles.drop(columns="id").to_csv(paths["tsv"], sep="\t", index=False)
    articles.to_json(paths["jsonl"], orient="records", lines=True)
    articles.to_parquet(paths["parquet"], index=False, row_group_size=2)
    paths["folder"].mkdir()
    for row in articles.itertuples():
        (paths["folder"] / f"{row.id}.txt").write_text(f"{row.title}\n\n{row.text}\n", encoding="utf-8")
    articles.assign(file=articles["id"] + ".txt")[["file", "outlet", "date"]].to_csv(
        paths["folder"] / "metadata.csv", index=False)
    return paths


@pytest.fixture(scope="module")
def reference(corpora) -> dict[str, Analysis]:
    """analyze(load_corpus(path)) in one process: what every other way must reproduce."""
    return {name: analyze(wb.load_corpus(path)) for name, path in corpora.items()}


@pytest.fixture(scope="module")
def streamed(corpora, tmp_path_factory) -> Path:
    return analyze_corpus(corpora["parquet"], out=tmp_path_factory.mktemp("out") / "parquet", partition_size=2,
                          progress=False)


def assert_same_analysis(got: Analysis, want: Analysis) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(got.tables()[name], want.tables()[name].reset_index(drop=True), obj=name)
    assert got.meta == want.meta


# ------------------------------------------------------------------------------- partitions


@pytest.mark.parametrize("fmt", ["tsv", "jsonl", "parquet", "folder"])
def test_partitions_concatenate_to_load_corpus(corpora, fmt):
    partitions = CorpusPartitions(corpora[fmt], partition_size=2)
    parts = [p.load() for p in partitions]
    assert [len(p) for p in parts] == [2, 2, 2, 2, 1]
    got = pd.concat(parts, ignore_index=True)
    pd.testing.assert_frame_equal(got, wb.load_corpus(corpora[fmt]))
    assert partitions.documents_hint == (None if fmt == "tsv" else 9)


def test_parquet_partitions_are_read_by_the_worker_from_whole_row_groups(corpora):
    partitions = list(CorpusPartitions(corpora["parquet"], partition_size=4))
    assert [p.row_groups for p in partitions] == [(0, 1), (2, 3), (4,)]
    assert [p.first_row for p in partitions] == [0, 4, 8]


def test_a_bad_row_in_a_later_partition_is_named_by_its_row_in_the_file(tmp_path):
    table = _articles().drop(columns="id")
    table.loc[6, "text"] = ""
    table.to_csv(tmp_path / "bad.tsv", sep="\t", index=False)
    with pytest.raises(InputError, match=r"bad\.tsv, row 7: empty text \(column 'text'\); fill it in"):
        analyze_corpus(tmp_path / "bad.tsv", out=tmp_path / "out", partition_size=2, progress=False)
    assert not (tmp_path / "out" / "manifest.json").exists()
    with pytest.warns(wb.corpus.CorpusWarning, match=r"1 input item\(s\) skipped"):
        out = analyze_corpus(tmp_path / "bad.tsv", out=tmp_path / "out", partition_size=2, errors="skip",
                             progress=False)
    manifest = read_manifest(out)
    assert manifest["tables"]["documents"]["rows"] == 8
    assert [(e["row"], e["action"]) for e in manifest["load_report"]] == [(7, "skipped")]


def test_doc_ids_repeated_across_partitions_are_an_error(tmp_path):
    table = _articles()
    table.loc[5, "id"] = "s1"
    table.to_json(tmp_path / "ids.jsonl", orient="records", lines=True)
    with pytest.raises(InputError, match=r"ids\.jsonl, row 6: doc_id 's1' is already used by .*ids\.jsonl, row 2"):
        analyze_corpus(tmp_path / "ids.jsonl", out=tmp_path / "out", partition_size=2, progress=False)
    assert not (tmp_path / "out" / "manifest.json").exists()


# ---------------------------------------------------------------------------- analyze_corpus


@pytest.mark.parametrize("fmt", ["tsv", "jsonl", "parquet", "folder"])
def test_analyze_corpus_equals_analyze_in_memory(corpora, reference, tmp_path, fmt):
    out = analyze_corpus(corpora[fmt], out=tmp_path / fmt, partition_size=2, progress=False)
    assert sorted(p.name for p in (out / "mentions").iterdir()) == [f"part-0000{i}.parquet" for i in range(5)]
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "manifest.json"])
    assert_same_analysis(load_analysis(out), reference[fmt])


def test_manifest_records_key_counts_and_parts(streamed, reference):
    manifest = read_manifest(streamed)
    want = reference["parquet"]
    assert manifest["partitions"] == 5
    assert {name: t["rows"] for name, t in manifest["tables"].items()} == {n: len(t) for n, t in want.tables().items()}
    assert manifest["tables"]["quotes"]["parts"][4] == "quotes/part-00004.parquet"
    assert manifest["meta"]["key"] == want.meta["key"]
    assert manifest["meta"]["corpus"] == {"documents": 9, "content_sha256": want.meta["corpus"]["content_sha256"]}


def test_a_finished_run_with_the_same_key_is_not_redone(corpora, tmp_path, monkeypatch):
    out = analyze_corpus(corpora["tsv"], out=tmp_path / "o", partition_size=3, progress=False)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    monkeypatch.setattr(store, "analyze_partition", _failing_after(0))
    assert analyze_corpus(corpora["tsv"], out=tmp_path / "o", partition_size=3, progress=False) == out
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def _failing_after(n: int, calls: list | None = None):
    """analyze_partition that raises from its (n+1)-th call on; records the doc ids it analysed."""
    real = _ANALYZE_PARTITION

    def fake(documents, **kwargs):
        if calls is not None:
            calls.append(list(documents["doc_id"]))
        if len(calls or []) > n or (calls is None and n == 0):
            raise RuntimeError("worker lost")
        return real(documents, **kwargs)

    return fake


def test_an_interrupted_run_leaves_nothing_complete_and_resumes(corpora, reference, tmp_path, monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(store, "analyze_partition", _failing_after(2, calls))
    with pytest.raises(RuntimeError, match="worker lost"):
        analyze_corpus(corpora["jsonl"], out=tmp_path / "o", partition_size=2, progress=False)
    out = tmp_path / "o"
    assert not (out / "manifest.json").exists()
    assert sorted(p.name for p in (out / "tone").iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    assert not list(out.rglob("*.tmp")), "no half-written files"
    with pytest.raises(InputError, match="unfinished or interrupted analyze_corpus run: run it again"):
        load_analysis(out)
    with pytest.raises(InputError, match="unfinished or interrupted"):
        query(out, "SELECT count(*) FROM documents")

    calls.clear()
    monkeypatch.setattr(store, "analyze_partition", _failing_after(99, calls))
    analyze_corpus(corpora["jsonl"], out=out, partition_size=2, progress=False)
    assert calls == [["s4", "s5"], ["s6", "s7"], ["s8"]], "the two finished partitions are not redone"
    assert_same_analysis(load_analysis(out), reference["jsonl"])
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "manifest.json"])


def test_a_different_key_starts_clean(corpora, tmp_path):
    out = analyze_corpus(corpora["parquet"], out=tmp_path / "o", partition_size=2, progress=False)
    first = read_manifest(out)["run_key"]
    analyze_corpus(corpora["parquet"], out=out, partition_size=4, actors=MINI_ACTORS, progress=False)
    manifest = read_manifest(out)
    assert manifest["run_key"] != first and manifest["partitions"] == 3
    assert sorted(p.name for p in (out / "mentions").iterdir()) == [f"part-0000{i}.parquet" for i in range(3)]
    assert set(load_analysis(out).mentions["actor_id"]) == {"hamas", "rafah"}


def test_an_out_folder_holding_other_files_is_refused(corpora, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(InputError, match=r"is a folder that holds other files, not an analysis; give a new or empty"):
        analyze_corpus(corpora["tsv"], out=tmp_path / "mine", progress=False)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_a_corpus_that_loads_nothing_gives_empty_tables(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "empty.txt").write_text("")
    with pytest.warns(wb.corpus.CorpusWarning):
        out = analyze_corpus(tmp_path / "c", out=tmp_path / "o", errors="skip", progress=False)
    result = load_analysis(out)
    assert all(len(table) == 0 for table in result.tables().values())
    assert read_manifest(out)["load_report"][0]["problem"] == "the file is empty"


def test_cli_analyze_writes_the_partitioned_analysis(corpora, tmp_path, capsys):
    from analysis.cli import main

    assert main(["analyze", "--corpus", str(corpora["folder"]), "--out", str(tmp_path / "cli"),
                 "--partition-size", "4"]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"analysis written: {tmp_path / 'cli'} (3 partition(s); documents 9, sentences ")
    assert read_manifest(tmp_path / "cli")["partitions"] == 3
    assert main(["analyze", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x")]) == 2
    assert "nowhere: no such file or folder" in capsys.readouterr().err


def test_cli_analyze_says_why_the_lexicon_tables_are_empty(tmp_path, capsys):
    # red team: "mentions 0 ... actor_tone 0" for a corpus the default lexicon does not cover read as a failure
    from analysis.cli import main

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Strike ends\n\nVice-chancellor Amara Okafor met students in Leeds. "
                                          "\"We listened,\" Okafor said.")
    assert main(["analyze", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == 0
    said = capsys.readouterr().out.splitlines()
    assert ", mentions 0, " in said[0] and ", entity_table 2)" in said[0]
    assert said[1].startswith("note: the actor lexicon names none of the 2 names found in the text, so the lexicon "
                              "tables (mentions, actor_tone) are empty; the reports show the entities found")
    (tmp_path / "lex.yml").write_text("actors:\n  - id: okafor\n    name: Amara Okafor\n    type: person\n"
                                      "    aliases: [Amara Okafor, Okafor]\n")
    assert main(["analyze", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o2"), "--actors",
                 str(tmp_path / "lex.yml")]) == 0
    assert "note:" not in capsys.readouterr().out, "a lexicon that names someone: nothing to explain"


def test_cli_analyze_says_how_many_sidecar_dates_it_did_not_use(tmp_path):
    # red team: an unreadable metadata.csv date was listed only in the manifest's load report
    from analysis.cli import main

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Title: Strike ends\nDate: 2026-03-02\n\nStudents met in Leeds.")
    (tmp_path / "c" / "b.txt").write_text("Title: Talks resume\nDate: 2026-03-03\n\nStaff met in York.")
    (tmp_path / "c" / "metadata.csv").write_text("file,published\na.txt,next tuesday-ish\nb.txt,32/13/2026\n")
    with pytest.warns(wb.corpus.CorpusWarning) as caught:  # the command line prints it as one line "warning: ..."
        assert main(["analyze", "--corpus", str(tmp_path / "c"), "--out", str(tmp_path / "o")]) == 0
    assert [str(w.message) for w in caught] == [f"analyze_corpus: 2 sidecar date(s) in metadata.csv or .meta.yml could not be read and "
                   f"were not used (the files' own dates are kept), listed in the load_report of "
                   f"{(tmp_path / 'o' / 'manifest.json').as_posix()}"]
    assert [e["action"] for e in read_manifest(tmp_path / "o")["load_report"]] == ["not used", "not used"]


def test_analyze_corpus_takes_the_actor_tone_method_as_analyze_does(corpora, tmp_path):
    documents = wb.load_corpus(corpora["jsonl"])
    want = analyze(documents, actor_tone_method="sentence")
    out = analyze_corpus(corpora["jsonl"], out=tmp_path / "sentence", partition_size=4, actor_tone_method="sentence",
                         progress=False)
    assert_same_analysis(load_analysis(out), want)
    assert read_manifest(out)["meta"]["actor_tone_method"] == "sentence"
    target = analyze_corpus(corpora["jsonl"], out=tmp_path / "target", partition_size=4, progress=False)
    assert read_manifest(target)["run_key"] != read_manifest(out)["run_key"], "the method is in the run key"
    assert not load_analysis(target).actor_tone.equals(load_analysis(out).actor_tone)
    with pytest.raises(InputError, match=r"actor_tone_method='window': use 'target' or 'sentence'"):
        analyze_corpus(corpora["jsonl"], out=tmp_path / "bad", actor_tone_method="window", progress=False)
    assert not (tmp_path / "bad").exists(), "refused before any work"


def test_cli_analyze_passes_the_actor_tone_method(corpora, tmp_path, capsys):
    from analysis.cli import main

    assert main(["analyze", "--corpus", str(corpora["tsv"]), "--out", str(tmp_path / "s"),
                 "--actor-tone-method", "sentence"]) == 0
    assert read_manifest(tmp_path / "s")["meta"]["actor_tone_method"] == "sentence"
    with pytest.raises(SystemExit):
        main(["analyze", "--corpus", str(corpora["tsv"]), "--out", str(tmp_path / "w"), "--actor-tone-method", "window"])
    assert "invalid choice: 'window' (choose from 'target', 'sentence')" in capsys.readouterr().err


def test_progress_bar_is_quiet_with_tqdm_disable(monkeypatch):
    monkeypatch.setenv("TQDM_DISABLE", "1")
    assert progress_bar(total=3, unit="doc", desc="x").disable
    assert not progress_bar(total=3, unit="doc", desc="x", progress=True).disable
    monkeypatch.delenv("TQDM_DISABLE")
    assert progress_bar(total=3, unit="doc", desc="x", progress=False).disable


# ------------------------------------------------------------------------------------ cache


def test_cached_analysis_of_a_table_hits_and_misses(corpora, tmp_path, monkeypatch):
    import analysis.pipeline as pipeline

    documents = wb.load_corpus(corpora["tsv"])
    calls: list = []
    monkeypatch.setattr(pipeline, "analyze_partition", _failing_after(99, calls))
    first = cached_analysis(documents, cache_dir=tmp_path)
    assert len(calls) == 1
    again = cached_analysis(documents, cache_dir=tmp_path)
    assert len(calls) == 1, "a hit reads the Parquet files"
    assert_same_analysis(again, first)
    other = cached_analysis(documents, cache_dir=tmp_path, actors=MINI_ACTORS)
    assert len(calls) == 2, "another lexicon is another key: computed again"
    assert other.meta["key"] != first.meta["key"] and set(other.mentions["actor_id"]) == {"hamas", "rafah"}
    assert sorted(p.name[:9] for p in tmp_path.iterdir()) == ["analysis-", "analysis-"]
    sentence = cached_analysis(documents, cache_dir=tmp_path, actor_tone_method="sentence")
    assert len(calls) == 3, "another actor tone method is another key: computed again"
    assert sentence.meta["actor_tone_method"] == "sentence" and "polarity" in sentence.actor_tone
    assert "target_polarity" in first.actor_tone


def test_cached_analysis_of_a_source_hits_and_misses(corpora, reference, tmp_path, monkeypatch):
    calls: list = []
    monkeypatch.setattr(store, "analyze_partition", _failing_after(99, calls))
    first = cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    assert len(calls) == 2
    assert_same_analysis(first, reference["folder"])
    planned: list = []
    plan = store.CorpusPartitions
    monkeypatch.setattr(store, "CorpusPartitions", lambda *a, **k: planned.append(1) or plan(*a, **k))
    cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    assert len(calls) == 2
    assert planned == [], "a hit reads the finished entry; it does not plan the corpus' partitions again"
    cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, codebook="conflict-news", progress=False)
    assert len(calls) == 4
    sentence = cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, actor_tone_method="sentence",
                               progress=False)
    assert len(calls) == 6 and "polarity" in sentence.actor_tone


# ------------------------------------------------------------------------------------ query


def test_query_has_a_view_per_table_with_exact_counts(streamed, reference):
    want = reference["parquet"]
    counts = query(streamed, " UNION ALL ".join(f"SELECT '{n}' AS name, count(*) AS n FROM {n}" for n in TABLES))
    assert dict(zip(counts["name"], counts["n"])) == {n: len(t) for n, t in want.tables().items()}
    by_actor = query(streamed, "SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id ORDER BY actor_id")
    expected = want.mentions["actor_id"].value_counts().sort_index().to_dict()
    assert dict(zip(by_actor["actor_id"], by_actor["n"])) == expected
    biden = query(streamed, "SELECT count(*) AS n FROM mentions WHERE actor_id = ?", params=["biden"])
    assert biden["n"].iloc[0] == (want.mentions["actor_id"] == "biden").sum() > 0
    tone = query(streamed, "SELECT round(avg(polarity), 12) AS p FROM tone")
    assert tone["p"].iloc[0] == round(want.tone["polarity"].mean(), 12)


@pytest.mark.parametrize("by", [("actor",), ("actor", "day", "outlet"), ("outlet", "group"), ("day", "type")])
def test_mentions_by_equals_actor_rollup(streamed, reference, by):
    want = reference["parquet"]
    expected = wb.mentions_by(want.mentions, want.documents, by=by)
    got = mentions_by(streamed, by=by)
    assert list(got.columns) == list(expected.columns)
    assert got.astype(object).values.tolist() == expected.astype(object).values.tolist()
    assert got["mentions"].sum() == (want.mentions["via"] != "pronoun").sum()


def test_query_and_mentions_by_read_a_saved_analysis_too(reference, tmp_path):
    want = reference["tsv"]
    path = want.save(tmp_path / "saved")
    assert query(path, "SELECT count(*) AS n FROM quotes")["n"].iloc[0] == len(want.quotes)
    got = mentions_by(path, by="outlet", include_pronouns=True)
    expected = wb.mentions_by(want.mentions, want.documents, by="outlet", include_pronouns=True)
    assert got.astype(object).values.tolist() == expected.astype(object).values.tolist()


def test_mentions_by_an_unknown_column_says_which_exist(streamed):
    with pytest.raises(InputError, match=r"^mentions_by: the documents table lacks column\(s\) desk \(the by= column\); its columns are: doc_id, title"):
        mentions_by(streamed, by=("actor", "desk"))


def test_query_of_a_folder_that_is_no_analysis_says_so(tmp_path):
    with pytest.raises(InputError, match=r"not an analysed corpus \(missing documents, sentences"):
        query(tmp_path, "SELECT 1")


# ---------------------------------------------------------------------------------- engines


def test_engine_and_workers_are_checked():
    documents = wb.load_corpus(REPO / "seeds")
    with pytest.raises(InputError, match=r"engine='vader'.*tone engine is chosen with tone_engine="):
        analyze(documents, engine="vader")
    with pytest.raises(InputError, match=r"workers=0: give a whole number of workers >= 1"):
        analyze(documents, engine="processes", workers=0)
    with pytest.raises(InputError, match=r"partition_size=0: give a whole number of documents >= 1"):
        analyze(documents, partition_size=0)


def test_local_partitions_equal_one_pass(corpora, reference):
    documents = wb.load_corpus(corpora["parquet"])
    assert_same_analysis(analyze(documents, partition_size=2), reference["parquet"])


@pytest.mark.slow
def test_processes_engine_equals_one_process(corpora, reference, tmp_path):
    documents = wb.load_corpus(corpora["folder"])
    assert_same_analysis(analyze(documents, engine="processes", workers=2, partition_size=2), reference["folder"])
    out = analyze_corpus(corpora["tsv"], out=tmp_path / "p", engine="processes", workers=2, partition_size=2,
                         progress=False)
    assert_same_analysis(load_analysis(out), reference["tsv"])


@pytest.mark.slow
def test_dask_engine_equals_one_process(corpora, reference, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        documents = wb.load_corpus(corpora["jsonl"])
        assert_same_analysis(analyze(documents, engine="dask", scheduler=client, partition_size=2), reference["jsonl"])
        out = analyze_corpus(corpora["parquet"], out=tmp_path / "d", engine="dask", scheduler=client,
                             partition_size=2, progress=False)
        assert_same_analysis(load_analysis(out), reference["parquet"])
        assert not client.futures, "no tasks left behind on the cluster"


# ------------------------------------------------------------------------------- benchmarks


def _benchmark_quick_run(folder: Path) -> Command:
    """``python -m benchmarks --quick --out folder``, the corpus benchmark at a tenth of its quick sizes
    (by its own size variables: the same figures)."""
    sizes = {"BENCH_FOLDER_FILES": "30", "BENCH_JSONL_MB": "0.3", "BENCH_LONG_MB": "0.04"}
    return Command([sys.executable, "-m", "benchmarks", "--quick", "--out", str(folder)], cwd=REPO,
                   env={**__import__("os").environ, "TQDM_DISABLE": "1", **sizes})


@pytest.mark.slow
@in_background("benchmark-quick", _benchmark_quick_run)
def test_benchmark_quick_run_writes_every_figure(background):
    # a dozen short-lived interpreters one after the other: started with the session (tests/background.py)
    assert background.returncode == 0, background.stderr[-2000:]
    report = json.loads((background.folder / "results.json").read_text())
    assert report["quick"] is True and set(report["results"]) >= {"corpora", "mentions", "pipeline", "sentences",
                                                                  "tone"}
    corpora = report["results"]["corpora"]
    assert corpora["folder_files"] == corpora["stream_folder_documents"] == corpora["stream_parquet_documents"] == 30
    assert corpora["stream_folder_tenth_documents"] == 3 and corpora["long_full_mb"] == 0.04
    assert corpora["stream_folder_partitions"] == 1 and corpora["stream_folder_words_per_s"] > 0
    # the memory comparison gives both workers a partition of the tenth folder, and runs the whole
    # folder again at that partition size: growth in corpus size, not one worker against two
    assert corpora["memory_partition_size"] == 1
    assert corpora["stream_folder_tenth_partitions"] == 3 and corpora["stream_folder_memory_partitions"] == 30
    assert corpora["target_stream_rss_growth_10x_files"] == round(
        corpora["stream_folder_memory_peak_rss_mb"] / corpora["stream_folder_tenth_peak_rss_mb"], 2)
    assert corpora["jsonl_articles"] > 0 and corpora["jsonl_load_x_plain_read"] > 0
    for target in ("folder_load_x_plain_read", "jsonl_load_x_plain_read", "stream_folder_x_parquet",
                   "stream_rss_growth_10x_files", "long_line_time_growth_4x_text", "long_line_rss_growth_4x_text"):
        assert isinstance(corpora[f"target_{target}_met"], bool)
    assert "## corpora" in (background.folder / "results.md").read_text()
    pipeline = report["results"]["pipeline"]
    for tier in ("small", "medium"):
        for stage in ("sentences", "mentions", "quotes", "tone", "frames", "full"):
            for figure in ("words_per_s", "articles_per_s", "x_floor"):
                assert f"{tier}_{stage}_{figure}" in pipeline
        assert pipeline[f"{tier}_stages_peak_rss_mb"] > 0
    for tier in ("medium", "large"):
        assert pipeline[f"{tier}_stream_peak_rss_mb"] > 0 and pipeline[f"{tier}_stream_words_per_s"] > 0
    for target in ("full_x_floor", "tone_speedup_vs_textblob", "alias10k_to_alias10_ratio",
                   "stream_rss_growth_10x_corpus"):
        assert isinstance(pipeline[f"target_{target}_met"], bool)
    markdown = (background.folder / "results.md").read_text()
    assert "## pipeline" in markdown and "| streaming `analyze` (processes, 2 workers) | 200 |" in markdown


# ------------------------------------------- issue 10: real corpora without surprises (points 10-12, 19)


def _json_folder(root: Path, *, duplicate: bool = True) -> Path:
    """Seven one-article JSON files a0.json ... a6.json; a5 repeats a1's title and text (a wire copy)."""
    folder = root / "json-folder"
    folder.mkdir()
    articles = _articles().head(7).drop(columns="id")
    for i, row in enumerate(articles.to_dict("records")):
        if duplicate and i == 5:
            row = {**row, "title": articles["title"].iloc[1], "text": articles["text"].iloc[1]}
        (folder / f"a{i}.json").write_text(json.dumps(row), encoding="utf-8")
    return folder


def test_folder_of_one_article_json_files_streams_in_partitions_of_partition_size(tmp_path):
    folder = _json_folder(tmp_path)
    partitions = CorpusPartitions(folder, partition_size=4)
    units = list(partitions)
    assert [type(u).__name__ for u in units] == ["FileGroup", "FileGroup"]
    assert [[Path(f).name for f in u.files] for u in units] == [["a0.json", "a1.json", "a2.json", "a3.json"],
                                                               ["a4.json", "a5.json", "a6.json"]]
    assert partitions.documents_hint == 7
    parts = [u.load() for u in units]
    assert [len(p) for p in parts] == [4, 3]
    # a5 duplicates a1, which is in the other partition: flagged within a partition only
    assert parts[1]["duplicate_of"].isna().all()
    assert [Path(s).name for s in parts[0]["source"]] == ["a0.json, row 1", "a1.json, row 1", "a2.json, row 1",
                                                          "a3.json, row 1"]
    out = analyze_corpus(folder, out=tmp_path / "out", partition_size=4, progress=False)
    manifest = read_manifest(out)
    assert manifest["partitions"] == 2 and manifest["tables"]["documents"]["part_rows"] == [4, 3]


def test_duplicates_are_flagged_across_the_files_of_a_partition(tmp_path):
    folder = _json_folder(tmp_path)
    documents = load_analysis(analyze_corpus(folder, out=tmp_path / "out", partition_size=10,
                                             progress=False)).documents
    want = wb.load_corpus(folder)
    assert documents["duplicate_of"].notna().tolist() == [False] * 5 + [True, False]
    assert documents["duplicate_of"].iloc[5] == want["doc_id"].iloc[1] == documents["doc_id"].iloc[1]
    pd.testing.assert_frame_equal(documents, want, check_like=False)


def test_a_json_file_larger_than_the_small_json_limit_is_streamed_on_its_own(tmp_path, monkeypatch):
    from analysis.scale import partitions as partitions_module

    folder = _json_folder(tmp_path, duplicate=False)
    _articles().tail(2).to_json(folder / "b-array.json", orient="records")  # one file, two articles
    monkeypatch.setattr(partitions_module, "SMALL_JSON_BYTES", (folder / "b-array.json").stat().st_size - 1)
    units = list(CorpusPartitions(folder, partition_size=10))
    assert [type(u).__name__ for u in units] == ["FileGroup", "Loaded"]
    assert len(units[0].files) == 7 and len(units[1].load()) == 2


def test_progress_bar_has_the_corpus_total(tmp_path, monkeypatch):
    folder = _json_folder(tmp_path)
    seen: list = []
    real = store.progress_bar

    def spy(**kwargs):
        bar = real(**kwargs)
        seen.append(bar)
        return bar

    monkeypatch.setattr(store, "progress_bar", spy)
    analyze_corpus(folder, out=tmp_path / "out", partition_size=3, progress=True)
    [bar] = seen
    assert (bar.total, bar.n) == (7, 7)
    assert "7/7" in str(bar) and "<00:00" in str(bar), "a total and an ETA are shown"


def test_cli_analyze_interrupted_says_how_to_resume_and_resumes(corpora, tmp_path, capsys, monkeypatch):
    from analysis.cli import main

    calls: list = []
    real = _ANALYZE_PARTITION
    ctrl_c = [True]

    def interrupted(documents, **kwargs):
        calls.append(list(documents["doc_id"]))
        if len(calls) == 2 and ctrl_c and ctrl_c.pop():
            raise KeyboardInterrupt
        return real(documents, **kwargs)

    monkeypatch.setattr(store, "analyze_partition", interrupted)
    args = ["analyze", "--corpus", str(corpora["jsonl"]), "--out", str(tmp_path / "o"), "--partition-size", "4"]
    assert main(args) == 130
    err = capsys.readouterr().err
    assert err.endswith("interrupted: run the same command again to resume\n") and "Traceback" not in err
    assert not (tmp_path / "o" / "_lock.json").exists(), "the lock is released"
    calls.clear()
    assert main(args) == 0
    assert calls == [["s4", "s5", "s6", "s7"], ["s8"]], "the finished partition is not redone"


@pytest.mark.slow
def test_ctrl_c_stops_a_processes_run_without_tracebacks_and_it_resumes(tmp_path):
    import os
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    base = _articles()
    for i in range(60):  # 20 partitions: the run is still going when the first one is written
        row = base.iloc[i % 9]
        (folder / f"{i:03d}.json").write_text(json.dumps({"title": f"{row.title} ({i})", "text": row.text}))
    out = tmp_path / "o"
    command = [sys.executable, "-m", "analysis", "analyze", "--corpus", str(folder), "--out", str(out),
               "--engine", "processes", "--workers", "2", "--partition-size", "3"]
    env = {**os.environ, "TQDM_DISABLE": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(600):  # until the first partition is written (at most 60 s)
        if list((out / "_parts").glob("part-*.json")) or proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr[-2000:]
    assert stderr.strip().endswith("interrupted: run the same command again to resume")
    assert "Traceback" not in stderr
    assert not (out / "manifest.json").exists() and not (out / "_lock.json").exists()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert read_manifest(out)["tables"]["documents"]["rows"] == 60


def test_cli_analyze_takes_columns_like_load_corpus(tmp_path, capsys):
    from analysis.cli import main

    rows = [{"heading": f"Story {i}", "words": f"Hamas spoke in Rafah on day {i}.", "when": "2024-05-08"}
            for i in range(3)]
    (tmp_path / "odd.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    base = ["analyze", "--corpus", str(tmp_path / "odd.jsonl")]
    assert main([*base, "--out", str(tmp_path / "a"), "--columns", "text=words", "title=heading",
                 "published=when"]) == 0
    documents = load_analysis(tmp_path / "a").documents
    assert documents["text"].tolist() == [r["words"] for r in rows]
    assert documents["title"].tolist() == ["Story 0", "Story 1", "Story 2"]
    assert documents["published"].astype(str).tolist() == ["2024-05-08 00:00:00+00:00"] * 3
    capsys.readouterr()
    assert main([*base, "--out", str(tmp_path / "b"), "--columns", "text"]) == 2
    assert capsys.readouterr().err == ("error: --columns 'text': write FIELD=COLUMN, e.g. --columns text=body "
                                       "(FIELD= with nothing after it turns detection of that field off)\n")
    assert main([*base, "--out", str(tmp_path / "c"), "--columns", "body_text=words"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: --columns: columns={'body_text': 'words'}: unknown documents column(s) ['body_text']")


def test_a_second_run_into_the_same_out_is_refused_while_the_first_runs(corpora, tmp_path, monkeypatch):
    import os

    out = tmp_path / "o"
    refused: list[str] = []
    real = _ANALYZE_PARTITION

    def meanwhile(documents, **kwargs):
        if not refused:  # a second run (other settings) starts while the first is writing
            with pytest.raises(InputError) as caught:
                analyze_corpus(corpora["tsv"], out=out, partition_size=3, actors=MINI_ACTORS, progress=False)
            refused.append(str(caught.value))
        return real(documents, **kwargs)

    monkeypatch.setattr(store, "analyze_partition", meanwhile)
    analyze_corpus(corpora["tsv"], out=out, partition_size=4, progress=False)
    assert refused[0].startswith(f"out={str(out)!r} is being written by another analyze run (pid {os.getpid()}, "
                                 "started ")
    assert refused[0].endswith(f"Two runs into one folder would mix two analyses. If no such run is going on, "
                               f"delete {out / '_lock.json'}")
    manifest = read_manifest(out)
    assert manifest["partition_size"] == 4 and manifest["partitions"] == 3, "the first run's analysis, unmixed"
    assert not (out / "_lock.json").exists()


_HOLD_LOCK = """
import fcntl, json, os, sys, time
fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, json.dumps({"pid": os.getpid(), "host": sys.argv[2], "started": "2026-01-01T00:00:00+00:00"}).encode())
print("locked", flush=True)
time.sleep(60)
"""


def test_a_lock_held_by_a_live_run_refuses_and_a_killed_ones_is_free(corpora, tmp_path):
    import socket

    out = tmp_path / "o"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(out / "_lock.json"), socket.gethostname()],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(InputError, match=rf"is being written by another analyze run \(pid {holder.pid}, "
                                             r"started 2026-01-01T00:00:00\+00:00\)"):
            analyze_corpus(corpora["tsv"], out=out, partition_size=4, progress=False)
        assert not (out / "manifest.json").exists()
    finally:
        holder.kill()  # a killed run: its lock file stays, its lock is gone
        holder.wait()
    assert (out / "_lock.json").exists()
    analyze_corpus(corpora["tsv"], out=out, partition_size=4, progress=False)
    assert read_manifest(out)["partitions"] == 3 and not (out / "_lock.json").exists()


def test_cli_second_run_into_a_locked_out_exits_2_naming_the_holder(corpora, tmp_path, capsys):
    import os

    from analysis.cli import main
    from analysis.scale.store import run_lock

    (tmp_path / "o").mkdir()
    with run_lock(tmp_path / "o"):
        assert main(["analyze", "--corpus", str(corpora["tsv"]), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: out={str(tmp_path / 'o')!r} is being written by another analyze run (pid {os.getpid()}, started ")
    assert not (tmp_path / "o" / "_lock.json").exists()


def test_a_kill_while_clearing_leaves_a_folder_the_next_run_cleans_and_resumes(corpora, reference, tmp_path,
                                                                              monkeypatch):
    out = analyze_corpus(corpora["jsonl"], out=tmp_path / "o", partition_size=4, actors=MINI_ACTORS,
                         progress=False)
    real_rmtree, removed = store.shutil.rmtree, []

    def killed_midway(path, *args, **kwargs):
        removed.append(Path(path).name)
        if len(removed) == 3:
            raise KeyboardInterrupt  # the kill: documents and sentences are gone, the rest not yet
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(store.shutil, "rmtree", killed_midway)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(corpora["jsonl"], out=out, partition_size=2, progress=False)  # another key: clears
    monkeypatch.setattr(store.shutil, "rmtree", real_rmtree)
    assert removed == list(TABLES[:3]) and TABLES[:3] == ("documents", "sentences", "mentions")
    assert sorted(p.name for p in out.iterdir()) == sorted(["_clearing.json", *TABLES[2:]])
    analyze_corpus(corpora["jsonl"], out=out, partition_size=2, progress=False)
    assert_same_analysis(load_analysis(out), reference["jsonl"])
    assert sorted(p.name for p in out.iterdir()) == sorted([*TABLES, "manifest.json"])


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def test_cached_table_analysis_with_a_truncated_file_is_rebuilt_with_a_warning(corpora, tmp_path, monkeypatch):
    import analysis.pipeline as pipeline
    from analysis.scale.cache import CacheWarning

    documents = wb.load_corpus(corpora["tsv"])
    calls: list = []
    monkeypatch.setattr(pipeline, "analyze_partition", _failing_after(99, calls))
    first = cached_analysis(documents, cache_dir=tmp_path)
    [entry] = tmp_path.iterdir()
    assert json.loads((entry / "checksums.json").read_text())["quotes.parquet"]["rows"] == len(first.quotes)
    _truncate(entry / "quotes.parquet")
    with pytest.warns(CacheWarning, match=rf"cached analysis {entry} is damaged \(quotes\.parquet does not match "
                                          r"its SHA-256 \(changed or truncated\)\); rebuilding it"):
        again = cached_analysis(documents, cache_dir=tmp_path)
    assert len(calls) == 2
    assert_same_analysis(again, first)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_same_analysis(cached_analysis(documents, cache_dir=tmp_path), first)
    assert len(calls) == 2, "the rebuilt entry is served"
    (entry / "checksums.json").unlink()
    with pytest.warns(CacheWarning, match=r"checksums\.json is missing or unreadable"):
        cached_analysis(documents, cache_dir=tmp_path)
    assert len(calls) == 3


def test_cached_corpus_analysis_with_a_corrupted_part_is_rebuilt_with_a_warning(corpora, reference, tmp_path,
                                                                                monkeypatch):
    from analysis.scale.cache import CacheWarning

    calls: list = []
    monkeypatch.setattr(store, "analyze_partition", _failing_after(99, calls))
    cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    [entry] = tmp_path.iterdir()
    part = entry / "mentions" / "part-00001.parquet"
    part.write_bytes(part.read_bytes().replace(b"Hamas", b"Hamaz"))  # same size, other content
    with pytest.warns(CacheWarning, match=rf"cached analysis {entry} is damaged \(mentions/part-00001\.parquet does "
                                          r"not match its SHA-256 \(changed or truncated\)\); rebuilding it"):
        again = cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    assert len(calls) == 4
    assert_same_analysis(again, reference["folder"])
    (entry / "tone" / "part-00000.parquet").unlink()
    with pytest.warns(CacheWarning, match=r"tone/part-00000\.parquet is missing"):
        cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    assert len(calls) == 6
    (entry / "manifest.json").write_text('{"format": "media-workbench partitioned analysis", "tab')  # cut short
    with pytest.warns(CacheWarning, match=r"is damaged \(.*not a finished partitioned analysis"):
        cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5, progress=False)
    assert len(calls) == 8
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert_same_analysis(cached_analysis(corpora["folder"], cache_dir=tmp_path, partition_size=5,
                                             progress=False), reference["folder"])
    assert len(calls) == 8


def test_verify_analysis_checks_rows_and_hashes(streamed):
    from analysis.scale.store import verify_analysis

    assert verify_analysis(streamed) is None
    manifest = read_manifest(streamed)
    assert manifest["tables"]["documents"]["part_rows"] == [2, 2, 2, 2, 1]
    assert all(len(d) == 64 for d in manifest["tables"]["tone"]["sha256"])


def test_benchmark_corpus_sizes_come_from_the_environment(monkeypatch):
    from benchmarks.bench_corpora import sizes

    monkeypatch.delenv("BENCH_FOLDER_FILES", raising=False)
    monkeypatch.delenv("BENCH_LONG_MB", raising=False)
    monkeypatch.setenv("BENCH_JSONL_MB", "250")
    assert sizes(quick=False) == {"BENCH_FOLDER_FILES": 40_000, "BENCH_JSONL_MB": 250, "BENCH_LONG_MB": 20}
    monkeypatch.setenv("BENCH_FOLDER_FILES", "4000")
    monkeypatch.setenv("BENCH_LONG_MB", "2.5")
    assert sizes(quick=True) == {"BENCH_FOLDER_FILES": 4000, "BENCH_JSONL_MB": 250, "BENCH_LONG_MB": 2.5}


def test_benchmark_long_line_has_no_sentence_punctuation_and_its_size():
    from benchmarks.bench_corpora import long_line

    text = long_line(0.05)
    assert len(text) in (50_000, 49_999) and "\n" not in text
    assert not set(text) & set(".?!…")


def test_a_single_line_document_without_punctuation_analyses_in_bounded_sentences():
    from analysis.pipeline import analyze_partition

    words = ["Hamas" if i % 50 == 0 else "word" for i in range(5000)]  # one line, no full stop
    documents = pd.DataFrame({"doc_id": ["long"], "title": ["Long"], "text": [" ".join(words)]})
    tables = analyze_partition(documents, actors=wb.load_actors(MINI_ACTORS), frames=wb.load_frames())
    sentences = tables["sentences"]
    assert sentences["sentence_id"].tolist() == [0, 1, 2, 3, 4, 5]
    assert sentences["text"].str.split().str.len().tolist() == [1, 1000, 1000, 1000, 1000, 1000]
    assert len(tables["mentions"]) == 100 and set(tables["mentions"]["sentence_id"]) == {1, 2, 3, 4, 5}
    assert tables["mentions"].groupby("sentence_id").size().tolist() == [20] * 5
    assert len(tables["actor_tone"]) == 100
    assert tables["actor_tone"]["text"].str.split().str.len().max() <= 1000


def test_progress_total_follows_the_documents_when_a_small_json_file_holds_several(tmp_path, monkeypatch):
    folder = _json_folder(tmp_path, duplicate=False)
    _articles().tail(2).to_json(folder / "b-array.json", orient="records")  # small: grouped, counted as one
    partitions = CorpusPartitions(folder, partition_size=3)
    assert partitions.documents_hint == 8
    seen: list = []
    real = store.progress_bar
    monkeypatch.setattr(store, "progress_bar", lambda **kwargs: seen.append(real(**kwargs)) or seen[-1])
    analyze_corpus(folder, out=tmp_path / "out", partition_size=3, progress=True)
    assert (seen[0].total, seen[0].n) == (9, 9)


def test_fingerprint_never_opens_a_fifo_or_follows_a_dangling_or_looping_link(tmp_path):
    import os

    from analysis.scale import source_fingerprint

    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nSome text.\n")
    before = source_fingerprint(folder)
    os.mkfifo(folder / "pipe.txt")  # opening it would wait for a writer for ever
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    after = source_fingerprint(folder)
    assert (after["files"], after["bytes"]) == (before["files"], before["bytes"]) == (1, 18)
    assert after["sha256"] != before["sha256"], "their names still count"


def test_streaming_a_folder_with_fifos_and_dangling_links_skips_them_without_waiting(tmp_path):
    import os

    pytest.importorskip("analysis.corpus.files", reason="needs the loader's checks of non-regular files")
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"title": "T", "text": "Hamas spoke."}))
    os.mkfifo(folder / "p.jsonl")  # a table format: streamed on its own if it were a regular file
    os.mkfifo(folder / "q.json")
    (folder / "gone.csv").symlink_to(folder / "missing.csv")
    with pytest.warns(wb.corpus.CorpusWarning, match=r"3 input item\(s\) skipped or ignored"):
        out = analyze_corpus(folder, out=tmp_path / "o", errors="skip", progress=False)
    manifest = read_manifest(out)
    assert manifest["tables"]["documents"]["rows"] == 1
    assert [Path(e["source"]).name for e in manifest["load_report"]] == ["gone.csv", "p.jsonl", "q.json"]


# ------------------------------------------- streaming reads hostile tables as load_corpus does (issue 10)


def _streamed(path, **options):
    return pd.concat([p.load() for p in CorpusPartitions(path, partition_size=2, **options)], ignore_index=True)


def test_streaming_a_csv_with_trailing_comma_on_every_row_loads_like_load_corpus(tmp_path):
    path = tmp_path / "trailing.csv"
    path.write_text("title,text,outlet\nA headline,Some body text here.,Gazette,\n"
                    "B headline,Other body text.,Ledger,\nC headline,Third text.,Ledger,\n", encoding="utf-8")
    got = _streamed(path)
    assert got["title"].tolist() == ["A headline", "B headline", "C headline"]
    assert got["outlet"].tolist() == ["Gazette", "Ledger", "Ledger"]
    pd.testing.assert_frame_equal(got, wb.load_corpus(path))


def test_streaming_a_semicolon_csv_reads_it_as_load_corpus_does(tmp_path):
    path = tmp_path / "semicolon.csv"
    path.write_text("title;text;date\nA;Alpha said no.;14.04.2026\nB;Beta said yes.;15.04.2026\nC;Gamma.;16.04.2026\n",
                    encoding="utf-8")
    partitions = CorpusPartitions(path, partition_size=2)
    got = pd.concat([p.load() for p in partitions], ignore_index=True)
    assert got["text"].tolist() == ["Alpha said no.", "Beta said yes.", "Gamma."]
    pd.testing.assert_frame_equal(got, wb.load_corpus(path))
    assert [e["action"] for e in partitions.log.entries] == ["read as semicolon-separated"]


def test_streaming_a_bad_quote_csv_names_or_skips_the_row_as_load_corpus_does(tmp_path):
    from analysis.scale.partitions import ReadOptions

    path = tmp_path / "bad_quote.csv"
    path.write_text('title,text,date\nA,"Alpha.",2026-04-14\nB,"Beta ""no"".,2026-04-15\nC,"Gamma.",2026-04-16\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"bad_quote\.csv, row 2, line 3: unclosed quotation mark"):
        _streamed(path)
    partitions = CorpusPartitions(path, partition_size=2, options=ReadOptions(errors="skip"))
    got = pd.concat([p.load() for p in partitions], ignore_index=True)
    assert got["title"].tolist() == ["A", "C"] and got["source"].str.slice(-5).tolist() == ["row 1", "row 3"]
    assert [(e["row"], e["line"], e["action"]) for e in partitions.log.entries] == [(2, 3, "skipped")]


def test_streaming_an_extra_field_csv_names_the_data_row(tmp_path):
    path = tmp_path / "extra_field.csv"
    path.write_text("title,text\nA,a.\nB,b.,extra\nC,c.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"extra_field\.csv, row 2: 3 fields where 2 were expected; "):
        _streamed(path)


def test_streaming_keeps_number_like_text_columns_as_written(tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text("id,title,text\n0123,0123,1e5\n0456,007,2.50\n", encoding="utf-8")
    got = _streamed(path)
    assert got["doc_id"].tolist() == ["0123", "0456"]
    assert got["title"].tolist() == ["0123", "007"]
    assert got["text"].tolist() == ["1e5", "2.50"]


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_streaming_names_a_nul_byte_past_the_first_64_kib(tmp_path, suffix):
    body = "x " * 40_000
    if suffix == "csv":
        data = "title,text\n" + "".join(f"T{i},{body}\n" for i in range(3)) + "Bad,a\x00b\n"
    else:
        data = "".join(json.dumps({"title": f"T{i}", "text": body}) + "\n" for i in range(3)) + '{"title": "Bad", "text": "a\x00b"}\n'
    path = tmp_path / f"late_nul.{suffix}"
    path.write_bytes(data.encode("utf-8"))
    line = 5 if suffix == "csv" else 4  # the CSV's header is line 1
    with pytest.raises(InputError, match=rf"late_nul\.{suffix}: looks like a binary file \(NUL byte at line {line}, "):
        _streamed(path)


def test_connect_gives_one_view_per_table_of_a_saved_analysis(tmp_path):
    from analysis.persistence import write_table_folder
    from analysis.pipeline import TABLES
    from analysis.scale import connect

    tables = {name: pd.DataFrame({"doc_id": ["a", "b"]}) for name in TABLES}
    tables["mentions"] = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor_id": ["x", "y", "x"]})
    write_table_folder(tmp_path / "saved", tables, {})
    con = connect(tmp_path / "saved")
    assert con.sql("SELECT actor_id, count(*) AS n FROM mentions GROUP BY 1 ORDER BY 1").fetchall() == [("x", 2), ("y", 1)]
    assert sorted(name for (name,) in con.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()) \
        == sorted(TABLES)


def test_clear_analysis_removes_the_tables_and_keeps_the_lock(tmp_path):
    from analysis.scale.store import clear_analysis

    folder = tmp_path / "out"
    (folder / "mentions").mkdir(parents=True)
    (folder / "mentions" / "part-00000.parquet").write_bytes(b"x")
    for name in ("manifest.json", "_run.json", "meta.json", "documents.parquet", "_lock.json"):
        (folder / name).write_text("{}")
    clear_analysis(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["_lock.json"]


def test_run_key_is_the_content_key_of_the_source_the_load_options_and_the_keyed_settings(tmp_path):
    from analysis.persistence import content_key, source_fingerprint
    from analysis.pipeline import keyed_settings
    from analysis.scale.partitions import ReadOptions

    (tmp_path / "a.txt").write_text("Title\n\nBody.")
    actors, codebook = wb.load_actors(), wb.load_frames()
    key = store.run_key(tmp_path, partition_size=7, options=ReadOptions(), actors=actors, frames=codebook,
                        tone_engine="textblob")
    assert key == content_key({"source": source_fingerprint(tmp_path), "load": ReadOptions().as_dict(),
                               "partition_size": 7, **keyed_settings(actors, codebook, "textblob", "target")})


def test_streamed_analysis_notes_ambiguous_dates_and_partitions_that_read_them_differently(tmp_path):
    """`python -m analysis analyze`: the ambiguous-date note of load_corpus is in the manifest's load
    report; as each partition is read on its own, a partition whose dates settle month first while
    another reads day first (by convention) gets one corpus-level entry, a warning and the way out."""
    import json
    import warnings

    from analysis.cli import main
    from analysis.corpus.report import CorpusWarning

    corpus = tmp_path / "dates.csv"
    corpus.write_text("id,date,title,text\na1,03/04/2026,One,Mayor Hollis spoke.\n"
                      "a2,05/13/2026,Two,Ruiz answered.\na3,05/06/2026,Three,Hollis again.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["analyze", "--corpus", str(corpus), "--out", str(tmp_path / "one"), "--partition-size", "10"]) == 0
    report = json.loads((tmp_path / "one" / "manifest.json").read_text())["load_report"]
    assert report == [], "one partition: 05/13 settles the reading month first for every date, as load_corpus does"
    assert not [w for w in caught if issubclass(w.category, CorpusWarning)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["analyze", "--corpus", str(corpus), "--out", str(tmp_path / "three"), "--partition-size", "1"]) == 0
    report = json.loads((tmp_path / "three" / "manifest.json").read_text())["load_report"]
    assert [entry["problem"] for entry in report] == [
        "1 publication date(s) could be day/month or month/day (rows 1), and no date in this partition settles it: "
        "read day first, '03/04/2026' as 3 April 2026",
        "1 publication date(s) could be day/month or month/day (rows 3), and no date in this partition settles it: "
        "read day first, '05/06/2026' as 5 June 2026",
        "partitions read numeric dates differently: 1 partition(s) month first ('05/13/2026' can only be read "
        "month first), 2 load-report entr(ies) day first; each partition was read as its own dates settle, so "
        "the same date may have been read two ways"]
    assert report[0]["action"] == "read day first; pass dayfirst=False (--monthfirst) to read them month first"
    assert report[2]["action"] == "pass dayfirst=False (--monthfirst) or dayfirst=True (--dayfirst) and run again"
    assert [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)] == [
        f"analyze_corpus: {report[2]['problem']}; {report[2]['action']}"]
    assert main(["analyze", "--corpus", str(corpus), "--out", str(tmp_path / "fixed"), "--partition-size", "1",
                 "--monthfirst"]) == 0
    assert json.loads((tmp_path / "fixed" / "manifest.json").read_text())["load_report"] == []
    published = pd.read_parquet(tmp_path / "fixed" / "documents")["published"].dt.strftime("%Y-%m-%d").tolist()
    assert published == ["2026-03-04", "2026-05-13", "2026-05-06"]


def test_streamed_tables_take_their_sidecar_metadata_as_load_corpus_does(tmp_path, capsys):
    # analyze --corpus FOLDER streamed CSV/TSV, JSON Lines and Parquet files without their metadata.csv row
    # and .meta.yml (outlet, topic and a one-document file's doc_id were missing from the documents)
    from analysis.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "b.tsv").write_text("title\ttext\toutlet\nB1\tHamas spoke in Rafah.\tLedger\nB2\tRafah waited.\t\n"
                                  "B3\tHamas again.\tLedger\n")
    (folder / "b.meta.yml").write_text("outlet: Ledger Two\nauthor: Kim\n")
    (folder / "c.jsonl").write_text(json.dumps({"title": "C", "text": "Hamas spoke."}) + "\n")
    (folder / "c.meta.yml").write_text("id: c-one\n")
    pd.DataFrame({"title": ["P1", "P2", "P3"], "text": ["Rafah one.", "Rafah two.", "Rafah three."]}).to_parquet(
        folder / "p.parquet", row_group_size=1)
    (folder / "p.meta.yml").write_text("id: p-all\nauthor: Lee\n")
    (folder / "t.txt").write_text("T\n\nHamas and Rafah.")
    (folder / "metadata.csv").write_text("file,topic\nb.tsv,war\nc.jsonl,talks\np.parquet,city\nt.txt,note\n")
    assert main(["analyze", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--partition-size", "2"]) == 0
    capsys.readouterr()
    streamed = load_analysis(tmp_path / "out").documents
    in_memory = analyze(wb.load_corpus(folder)).documents
    # (a metadata column's dtype is what its Parquet parts read back as: partitions.py, "Differences")
    pd.testing.assert_frame_equal(streamed, in_memory.astype({"topic": streamed["topic"].dtype}))
    assert streamed[["title", "outlet", "author", "topic"]].fillna("-").values.tolist() == [
        ["B1", "Ledger Two", "Kim", "war"], ["B2", "Ledger Two", "Kim", "war"], ["B3", "Ledger Two", "Kim", "war"],
        ["C", "-", "-", "talks"], ["P1", "-", "Lee", "city"], ["P2", "-", "Lee", "city"], ["P3", "-", "Lee", "city"],
        ["T", "-", "-", "note"]]
    assert streamed["doc_id"].iloc[3] == "c-one" and "p-all" not in set(streamed["doc_id"])
    report = [(Path(e["source"]).name, e["action"]) for e in read_manifest(tmp_path / "out")["load_report"]]
    assert report.count(("p.parquet", "not used")) == 1  # once for the file, not once per partition
