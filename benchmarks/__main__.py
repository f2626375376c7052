"""``python -m benchmarks [--quick] [--out PATH] [NAME ...]``: run the benchmarks and write their figures.

Each module ``benchmarks/bench_<name>.py`` exposes ``run(*, quick=False) -> dict``; this runner calls
them in turn, prints their figures and writes ``results.json`` (the figures with the machine they ran
on) and ``results.md`` (markdown tables: a module's own ``markdown(figures) -> str`` where it has one,
else one row per figure). ``--out`` is a folder to write both into (default: ``benchmarks/``) or a
``.json`` path (the markdown goes next to it, ``.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from analysis.persistence import atomic_write

HERE = Path(__file__).resolve().parent


def machine() -> dict[str, object]:
    """Where the figures were measured."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def _cell(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
    return str(value).replace("|", "\\|")


def figures_table(figures: dict[str, Any]) -> str:
    """A two-column markdown table of a benchmark's flat figures."""
    rows = ["| figure | value |", "|---|---:|"]
    rows += [f"| {key} | {_cell(value)} |" for key, value in figures.items()]
    return "\n".join(rows)


def earlier_results(json_path: Path, *, quick: bool) -> dict[str, Any]:
    """The figures of an earlier run of the same kind (full or quick), so that running one benchmark
    updates its own section and keeps the others'."""
    try:
        earlier = json.loads(json_path.read_text())
    except (OSError, ValueError):
        return {}
    return dict(earlier.get("results", {})) if earlier.get("quick") == quick else {}


def markdown(report: dict[str, Any], modules: dict[str, Any]) -> str:
    """The whole report as markdown: a header with the machine, then one section per benchmark."""
    m = report["machine"]
    parts = [f"# Benchmark results{' (quick smoke run)' if report['quick'] else ''}", "",
             f"Measured {report['measured_at']} on {m['processor']}, {m['cpus']} CPUs, Python {m['python']} "
             f"({m['platform']}). Regenerate with `make bench` (`python -m benchmarks`)."]
    for name, figures in report["results"].items():
        parts += ["", f"## {name}", "", section(figures, modules[name])]
    return "\n".join(parts) + "\n"


def section(figures: dict[str, Any], module: Any) -> str:
    """A benchmark's markdown: its module's own tables, or the plain figure table where it has none or
    where the figures were stored by an older version of the module (a figure it now expects is absent)."""
    render = getattr(module, "markdown", None)
    if callable(render):
        try:
            return render(figures)
        except KeyError as missing:
            return f"(stored by an earlier version of this benchmark, without {missing}; rerun it for its tables)\n\n" \
                + figures_table(figures)
    return figures_table(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for results.json and results.md, or a .json path (default: benchmarks/)")
    args = parser.parse_args(argv)
    available = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    chosen = args.names or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; available: {available}")
    if args.out.suffix == ".json":
        json_path, md_path = args.out, args.out.with_suffix(".md")
    else:
        json_path, md_path = args.out / "results.json", args.out / "results.md"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    results = earlier_results(json_path, quick=args.quick) if args.names else {}
    for name in chosen:
        print(f"== {name}", flush=True)
        figures = importlib.import_module(f"benchmarks.bench_{name}").run(quick=args.quick)
        results[name] = {"measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **figures}
    modules = {name: importlib.import_module(f"benchmarks.bench_{name}") for name in results}
    report = {"measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": machine(), "quick": args.quick, "results": results}
    atomic_write(json_path, json.dumps(report, indent=2, default=str))
    atomic_write(md_path, markdown(report, modules))
    print(f"figures written to {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
