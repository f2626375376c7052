"""Command line.

``python -m analysis report NOTEBOOK --out DIR [--corpus PATH] [--actors YML] [--frames YML]
[-p KEY=VALUE ...] [--each KEY=V1,V2,...] [--workers N]`` renders reports; see README.md.

``python -m analysis analyze --corpus PATH --out DIR [--actors YML] [--frames YML] [--tone-engine NAME]
[--actor-tone-method target|sentence] [--partition-size N] [--engine local|processes|dask] [--workers N]
[--scheduler ADDRESS] [--format FMT] [--errors raise|skip] [--dayfirst|--monthfirst]
[--columns FIELD=COLUMN ...]`` analyses a corpus on
disk in partitions into partitioned Parquet (:func:`analysis.scale.analyze_corpus`), with a progress
bar (total and ETA) on a terminal. Interrupted (Ctrl-C), it says how to resume instead of a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import warnings
from pathlib import Path
from typing import Any, Sequence

import yaml

from analysis.corpus.report import REPORT_PLACE
from analysis.errors import InputError, warning_line
from analysis.reports import KERNEL_RESTARTED_WARNING, TEXT_PARAMETERS, check_parameter_name

__all__ = ["main", "parse_columns", "parse_parameter", "parse_each", "plain_help"]


def _failure_line(name: str, description: str, *, failed: object = None) -> str:
    """The one line a failed report prints: its name, why it failed and, where one was kept, the
    executed notebook with the error (one sentence after a description that ends with a full stop,
    never ".;")."""
    line = f"error: report {name} failed: {description}"
    if not failed:
        return line
    return f"{line} The executed notebook with the error: {failed}" if description.endswith(".") else \
        f"{line}; the executed notebook with the error: {failed}"


#: Where a written report shows its load report, for the warnings the command line repeats.
_LOAD_SECTION_OF_REPORT = "the report's Load report section"


def _print_written(result: Any) -> None:
    """'report written: PATH (SIZE)', then the warnings the report printed (what the page shows, said
    where the user looks)."""
    print(f"report written: {result.html} ({result.html_bytes / 1e6:.2f} MB)")
    for line in result.warnings:
        if REPORT_PLACE in line:  # it names the load report already: where the page shows it
            print(line.replace(REPORT_PLACE, _LOAD_SECTION_OF_REPORT), file=sys.stderr)
        else:
            print(f"{line} (shown in the report)", file=sys.stderr)
    if result.kernel_restarted:
        print(KERNEL_RESTARTED_WARNING, file=sys.stderr)


def _plain(value: Any) -> Any:
    """YAML values as notebook parameters: dates and times become ISO strings (``2024-05-01``), inside
    lists and mappings too; everything else is kept."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


def parse_parameter(text: str) -> tuple[str, Any]:
    """``"KEY=VALUE"`` -> ``(key, value)``, the value read as YAML (numbers, booleans, lists) else text.

    KEY must be a Python identifier (papermill writes ``KEY = VALUE`` into the notebook, so anything
    else would run as code); YAML dates and times become ISO strings. The value of a text parameter
    (:data:`analysis.reports.TEXT_PARAMETERS`: tz, doc_id, ...) stays the text as written unless YAML reads
    it as text or null: ``tz=-0700`` is ``"-0700"``, not the octal number -448.
    """
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise InputError(f"-p {text!r}: a parameter is written KEY=VALUE, e.g. -p title='My report'")
    check_parameter_name(key, given=text)
    try:
        value = yaml.safe_load(raw) if raw else ""
    except (yaml.YAMLError, ValueError):  # ValueError: a date-like value that is no date (2025-13-45)
        value = raw
    if key in TEXT_PARAMETERS and value is not None and not isinstance(value, str):
        return key, raw
    return key, _plain(value)


def plain_help(text: str) -> str:
    """``text`` (a docstring) without its reStructuredText markup, as ``--help`` shows it: ````code````
    becomes code and :func:`analysis.scale.analyze_corpus` becomes analysis.scale.analyze_corpus."""
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text)
    return re.sub(r"``([^`]+)``", r"\1", text).strip()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=plain_help(__doc__ or ""),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="render a parameterized notebook into an HTML report")
    report.add_argument("notebook", help="a name under notebooks/ (e.g. article_brief) or a path to .ipynb")
    report.add_argument("--out", required=True, help="folder for the reports (one sub-folder per report)")
    report.add_argument("--corpus", help="corpus path, passed to the notebook as parameter `corpus`")
    report.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                        help="a notebook parameter; repeat for more")
    report.add_argument("--actors", help="actor lexicon YAML, passed as parameter `actors`")
    report.add_argument("--frames", help="frame codebook YAML, passed as parameter `frames`")
    report.add_argument("--each", action="append", default=[], metavar="KEY=V1,V2,...",
                        help="render one report per value (repeat for all combinations of several keys)")
    report.add_argument("--workers", type=int, help="reports rendered at once (default: one per core)")
    report.add_argument("--name", help="report name (default: the notebook's name)")
    report.add_argument("--shared-js", action="store_true",
                        help="load plotly.js from one file in --out instead of embedding it in every report "
                             "(for batches served from a folder; each report is then ~0.2 MB)")
    _analyze_parser(commands)
    return parser


def _analyze_parser(commands: Any) -> None:
    from analysis.pipeline import ACTOR_TONE_METHODS

    analyze = commands.add_parser("analyze", help="analyse a corpus on disk into partitioned Parquet (streaming)")
    analyze.add_argument("--corpus", required=True, nargs="+", help="corpus file(s) or folder(s), as for load_corpus")
    analyze.add_argument("--out", required=True, help="output folder, e.g. data/processed/NAME")
    analyze.add_argument("--actors", help="actor lexicon YAML (default: the shipped lexicon)")
    analyze.add_argument("--frames", help="frame codebook YAML or name (default: generic)")
    analyze.add_argument("--tone-engine", default="textblob", help="tone engine (default: textblob)")
    analyze.add_argument("--actor-tone-method", choices=ACTOR_TONE_METHODS, default="target",
                         help="how tone toward actors is measured: target (the target-aware model, default) or "
                              "sentence (the tone engine on the mention's sentence)")
    analyze.add_argument("--partition-size", type=int, default=1000, help="documents per partition (default: 1000)")
    analyze.add_argument("--engine", choices=("local", "processes", "dask"), default="local",
                         help="where partitions run (default: local, this process)")
    analyze.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    analyze.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask)")
    analyze.add_argument("--format", help="read every file as this format instead of going by extension")
    analyze.add_argument("--errors", choices=("raise", "skip"), default="raise",
                         help="stop at the first bad item (raise) or skip bad items and list them (skip)")
    dates = analyze.add_mutually_exclusive_group()
    dates.add_argument("--dayfirst", dest="dayfirst", action="store_true", default=None,
                       help="read numeric dates such as 09/05/2024 day first")
    dates.add_argument("--monthfirst", dest="dayfirst", action="store_false", help="... month first")
    analyze.add_argument("--columns", nargs="+", action="extend", default=[], metavar="FIELD=COLUMN",
                         help="as load_corpus' columns=: the input column holding a documents field, e.g. "
                              "--columns text=body title=headline; FIELD= (nothing after =) turns detection "
                              "of that field off")


def parse_columns(items: Sequence[str], *, option: str = "--columns") -> dict[str, str | None] | None:
    """``["text=body", "doc_id="]`` -> ``{"text": "body", "doc_id": None}`` (None when no items);
    ``option`` names the command-line option in errors ("--columns", or "-p columns=" of a report)."""
    columns: dict[str, str | None] = {}
    example = "--columns text=body" if option == "--columns" else f"{option}'text=body title=headline'"
    for item in items:
        field, sep, column = item.partition("=")
        if not sep or not field.strip():
            raise InputError(f"{option}{'' if option.endswith('=') else ' '}{item!r}: write FIELD=COLUMN, e.g. "
                             f"{example} (FIELD= with nothing after it turns detection of that field off)")
        columns[field.strip()] = column.strip() or None
    return columns or None


def parse_each(text: str) -> tuple[str, list[Any]]:
    """``"outlet=a,b"`` -> ``("outlet", ["a", "b"])``, each value read as in :func:`parse_parameter`."""
    key, raw = parse_parameter(text)
    values = [parse_parameter(f"{key}={part.strip()}")[1] for part in str(raw).split(",") if part.strip()]
    if not values:
        raise InputError(f"--each {text!r}: give KEY=V1,V2,... with at least one value")
    return key, values


def _text_where_text_is_expected(notebook: str, parameters: dict[str, Any], given: Sequence[str]) -> dict[str, Any]:
    """A value given for a text parameter (its default is text) stays the text as written:
    ``-p title="Race: the results"`` is a title, not the YAML mapping ``{"Race": "the results"}``, and
    ``-p title=0700`` is "0700", not the octal number 448 (any number, boolean, list or mapping YAML
    reads; null stays None)."""
    from analysis.reports import notebook_parameters

    defaults = notebook_parameters(notebook)
    raw = {text.partition("=")[0].strip(): text.partition("=")[2] for text in given}
    return {key: raw[key] if isinstance(defaults.get(key), str) and not isinstance(value, str) and key in raw
            and value is not None else value for key, value in parameters.items()}


def _report(args: argparse.Namespace) -> int:
    from analysis.reports import BatchInterrupted, describe_failure, notebook_path, render_batch, render_report, write_index

    parameters = dict(parse_parameter(p) for p in args.parameter)
    parameters = _text_where_text_is_expected(args.notebook, parameters, args.parameter)
    if isinstance(parameters.get("columns"), str):  # -p columns="text=summary title=headline", as analyze --columns
        parameters["columns"] = parse_columns(parameters["columns"].split(), option="-p columns=")
    for key in ("corpus", "actors", "frames"):
        given = getattr(args, key)
        if given and key == "corpus" and not Path(given).exists():  # say so before a kernel starts
            raise InputError(f"--corpus {given}: no such file or folder (relative paths start at {Path.cwd()}); "
                             "check the path")
        if given and key != "corpus" and Path(given).suffix in (".yml", ".yaml") and not Path(given).exists():
            raise InputError(f"--{key} {given}: no such file (relative paths start at {Path.cwd()}); check the path, "
                             "or give the name of a shipped lexicon")
        if given:
            parameters[key] = str(Path(given).resolve()) if Path(given).exists() else given
    if not args.each:
        earlier = _earlier_parameters(Path(args.out) / (args.name or notebook_path(args.notebook).stem))
        try:
            result = render_report(args.notebook, out_dir=args.out, parameters=parameters, name=args.name,
                                   shared_js=args.shared_js)
        except InputError:
            raise
        except KeyboardInterrupt:
            print("interrupted: no report written; run the same command again", file=sys.stderr)
            return 130
        except Exception as error:  # noqa: BLE001 - the notebook failed: say why in one line, keep its notebook
            name = args.name or notebook_path(args.notebook).stem
            print(_failure_line(name, describe_failure(error), failed=getattr(error, "failed_notebook", None)),
                  file=sys.stderr)
            if Path(args.out).is_dir():
                write_index(args.out)  # the index lists the failure beside the reports that did render
            return 1
        write_index(args.out)
        _print_written(result)
        if earlier is not None and earlier != result.parameters:
            shown = ", ".join(f"{k}={v}" for k, v in earlier.items()) or "the defaults"
            print(f"note: this replaced the report rendered there before with {shown}; pass --name NAME (or "
                  "--each KEY=V1,V2) to keep reports of different parameters side by side", file=sys.stderr)
        return 0
    try:
        batch = render_batch(args.notebook, out_dir=args.out, parameters=parameters,
                             each=dict(parse_each(e) for e in args.each), workers=args.workers,
                             shared_js=args.shared_js)
    except BatchInterrupted as stopped:
        print(f"{stopped}; queued reports cancelled. Run the same command again to render the rest.",
              file=sys.stderr)
        return 130
    for result in batch.reports:
        _print_written(result)
    for failure in batch.failures:
        where = f" (error notebook: {failure.notebook})" if failure.notebook else ""
        print(f"report FAILED: {failure.name} {failure.parameters}: {str(failure.error).rstrip()}{where}",
              file=sys.stderr)
    print(f"{len(batch.reports)} rendered, {len(batch.failures)} failed; index: {batch.index}")
    return 1 if batch.failures else 0


def _earlier_parameters(folder: Path) -> dict | None:
    """The parameters of the report already in ``folder`` (its manifest), None when there is none."""
    try:
        return dict(json.loads((folder / "manifest.json").read_text(encoding="utf-8")).get("parameters") or {})
    except (OSError, ValueError, AttributeError):
        return None


#: What ``analyze`` prints when it is interrupted (the run resumes where it stopped).
INTERRUPTED = "interrupted: run the same command again to resume"


def _analyze(args: argparse.Namespace) -> int:
    from analysis.engines import worker_count
    from analysis.scale import analyze_corpus, read_manifest

    corpus = args.corpus[0] if len(args.corpus) == 1 else args.corpus
    columns = parse_columns(args.columns)
    try:
        out = analyze_corpus(corpus, out=args.out, actors=args.actors, codebook=args.frames,
                             tone_engine=args.tone_engine, actor_tone_method=args.actor_tone_method,
                             partition_size=args.partition_size, engine=args.engine,
                             workers=args.workers, scheduler=args.scheduler, format=args.format, errors=args.errors,
                             dayfirst=args.dayfirst, columns=columns)
    except ValueError as error:  # columns= naming a field the documents table does not have
        if not str(error).startswith("columns="):
            raise
        raise InputError(f"--columns: {error}") from error
    except KeyboardInterrupt:
        print(f"\n{INTERRUPTED}", file=sys.stderr)
        return 130
    manifest = read_manifest(out)
    rows = ", ".join(f"{name} {table['rows']:,}" for name, table in manifest["tables"].items())
    print(f"analysis written: {out} ({manifest['partitions']} partition(s); {rows})")
    tables = manifest["tables"]
    idle = _idle_workers_note(partitions=int(manifest["partitions"]),
                              documents=int(tables.get("documents", {}).get("rows", 0)),
                              workers=worker_count(args.engine, args.workers, None) if args.engine != "dask" else 1,
                              partition_size=args.partition_size)
    if idle:
        print(idle)
    if tables.get("mentions", {}).get("rows") == 0 and tables.get("entity_table", {}).get("rows", 0) > 0:
        print(f"note: the actor lexicon names none of the {tables['entity_table']['rows']:,} names found in the "
              "text, so the lexicon tables (mentions, actor_tone) are empty; the reports show the "
              "entities found (entities, entity_table). To name and group them, write a lexicon (every report lists "
              "the names it does not cover as ready-to-paste YAML) and pass --actors FILE.")
    return 0


def _idle_workers_note(*, partitions: int, documents: int, workers: int, partition_size: int) -> str | None:
    """A note when fewer partitions than workers ran (a corpus smaller than workers x partition size: the
    other workers had nothing to do), with the partition size that gives each worker a partition."""
    if workers < 2 or partitions >= workers or documents < workers:
        return None
    size = -(-documents // workers)
    return (f"note: {documents:,} documents made {partitions} partition(s) of up to {partition_size:,} for "
            f"{workers} workers, so {workers - partitions} of them had nothing to do; --partition-size {size:,} "
            f"gives each worker a partition")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    shown_as, warnings.formatwarning = warnings.formatwarning, warning_line
    try:
        return {"report": _report, "analyze": _analyze}[args.command](args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        warnings.formatwarning = shown_as
