"""Table snapshots: prove that a refactoring changed no number.

``python -m benchmarks.snapshot --save before.json`` computes every table the workbench returns on
three inputs and records one SHA-256 per table (columns, dtypes and every value); after the change,
``python -m benchmarks.snapshot --check before.json`` recomputes them and lists each table that
differs (exit status 1), or says that all are equal.

The inputs: the seed article, the project's own test articles (``tests/data/own_articles``: a local
election and a company story, two outlets) and a generated benchmark corpus (``--articles`` articles
of real news sentences, as ``benchmarks/bench_pipeline.py`` writes them; narrative-framing text when
the data sets are present, else the seed's). Each input goes through ``analyze`` (in this process),
the streaming ``analyze_corpus`` (read back), and the public summaries built on the tables.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

REPO = Path(__file__).resolve().parents[1]


def table_digest(table: pd.DataFrame, *, places: dict[str, str] | None = None) -> str:
    """SHA-256 of a table's column names, dtypes and values (row order kept, index ignored).

    ``places``: {folder: name}; text cells starting with a folder's path start with its name instead,
    so that tables holding file paths compare equal across checkouts and scratch folders."""
    digest = hashlib.sha256()
    digest.update(json.dumps([[str(c), str(t)] for c, t in table.dtypes.items()]).encode())
    frame = table.reset_index(drop=True)
    for column in frame.columns:
        textual = frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column].dtype)
        values = frame[column].map(lambda v: _canonical(v, places or {})) if textual else frame[column]
        digest.update(pd.util.hash_pandas_object(values.astype(str) if values.dtype == object else values,
                                                 index=False).to_numpy().tobytes())
    return digest.hexdigest()


def _canonical(value: Any, places: dict[str, str]) -> Any:
    """Lists, arrays and dicts as JSON text, so that cells holding them hash by content; paths under
    ``places`` with the place's name."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, sort_keys=True, default=str)
    if isinstance(value, str):
        for folder, name in places.items():
            if value.startswith(folder):
                return name + value[len(folder):]
    return value


def _summaries(result: Any) -> Iterator[tuple[str, Callable[[], pd.DataFrame]]]:
    """The public tables computed from an analysis (each with the keyword a user would pass)."""
    import analysis as wb

    yield "actor_prominence", lambda: wb.prominence(result.mentions, result.sentences)
    yield "actor_rollup", lambda: wb.mentions_by(result.mentions, result.documents, by=("actor", "outlet"))
    yield "voice", lambda: wb.voice(result.mentions, result.quotes)
    yield "voice_entities", lambda: wb.voice(result.entities, result.quotes)
    yield "entity_rollup", lambda: wb.entities_by(result.entities)
    yield "actor_tone_summary", lambda: wb.actor_tone_by(result.actor_tone)
    yield "actor_document_tone", lambda: wb.actor_document_tone(result.actor_tone)
    yield "document_frames", lambda: wb.frames(result.documents, level="document")
    yield "frame_rollup", lambda: wb.frames_by(wb.frames(result.documents, level="document"),
                                                  result.documents, by=("outlet",))
    yield "entity_mentions", lambda: wb.entities_as_mentions(result.entities)
    yield "discover_actors", lambda: wb.discover_actors(result.documents, entities=result.entities)
    yield "cooccurrence", lambda: wb.cooccurrence(result.mentions)
    yield "corpus_summary", lambda: wb.corpus_summary(result.documents)


def _table_names(result: Any) -> list[str]:
    """The tables an analysis holds (read from the object, so that moving the list of tables is no change)."""
    return sorted(name for name, value in vars(result).items() if isinstance(value, pd.DataFrame))


def _guarded(build: Callable[[], pd.DataFrame], places: dict[str, str]) -> str:
    try:
        return table_digest(build(), places=places)
    except Exception as error:  # a summary whose call changed is a difference to report, not a crash
        return f"error: {type(error).__name__}: {error}"


def snapshot(*, articles: int = 300) -> dict[str, str]:
    """{input/table name: digest} for every table on the three inputs."""
    import analysis as wb
    from benchmarks.bench_pipeline import write_corpus
    from benchmarks.texts import sentence_pool

    digests: dict[str, str] = {}
    work = Path(tempfile.mkdtemp(prefix="workbench-snapshot-"))
    places = {str(work): "<scratch>", str(REPO): "<repo>"}
    try:
        bench = work / "bench.parquet"
        write_corpus(bench, articles, sentence_pool()[1])
        for label, source in (("seed", REPO / "seeds"), ("own", REPO / "tests" / "data" / "own_articles"),
                              ("bench", bench)):
            documents = wb.load_corpus(source)
            result = wb.analyze(documents, progress=False)
            for name in _table_names(result):
                digests[f"{label}/analyze/{name}"] = table_digest(getattr(result, name), places=places)
            for name, build in _summaries(result):
                digests[f"{label}/summary/{name}"] = _guarded(build, places)
            streamed = wb.load_analysis(wb.analyze_corpus(source, out=work / label, progress=False))
            for name in _table_names(streamed):
                digests[f"{label}/analyze_corpus/{name}"] = table_digest(getattr(streamed, name), places=places)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return digests


def main(argv: list[str] | None = None) -> int:
    """Save or check a snapshot; exit status 1 when a table differs."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the digests to this JSON file")
    action.add_argument("--check", type=Path, help="compare with the digests saved in this JSON file")
    parser.add_argument("--articles", type=int, default=300, help="articles in the generated corpus (300)")
    args = parser.parse_args(argv)
    digests = snapshot(articles=args.articles)
    if args.save:
        args.save.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(digests)} table digests written to {args.save}")
        return 0
    saved = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in saved.keys() | digests.keys() if saved.get(k) != digests.get(k))
    for key in changed:
        print(f"DIFFERS: {key}  (saved {saved.get(key, 'absent')[:16]}, now {digests.get(key, 'absent')[:16]})")
    print(f"{len(digests) - len(changed)} of {len(saved.keys() | digests.keys())} tables equal")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
