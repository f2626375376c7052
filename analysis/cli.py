"""Command line: ``python -m analysis report NOTEBOOK --out DIR [--corpus PATH] [-p KEY=VALUE ...]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence

import yaml

from analysis.errors import InputError

__all__ = ["main", "parse_parameter"]


def parse_parameter(text: str) -> tuple[str, Any]:
    """``"KEY=VALUE"`` -> ``(key, value)``, the value read as YAML (numbers, booleans, lists) else text."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise InputError(f"-p {text!r}: a parameter is written KEY=VALUE, e.g. -p title='My report'")
    try:
        value = yaml.safe_load(raw) if raw else ""
    except yaml.YAMLError:
        value = raw
    return key.strip(), value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="render a parameterized notebook into an HTML report")
    report.add_argument("notebook", help="a name under notebooks/ (e.g. article_brief) or a path to .ipynb")
    report.add_argument("--out", required=True, help="folder for the reports (one sub-folder per report)")
    report.add_argument("--corpus", help="corpus path, passed to the notebook as parameter `corpus`")
    report.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                        help="a notebook parameter; repeat for more")
    report.add_argument("--name", help="report name (default: the notebook's name)")
    return parser


def _report(args: argparse.Namespace) -> int:
    from analysis.reports import render_report

    parameters = dict(parse_parameter(p) for p in args.parameter)
    if args.corpus:
        parameters["corpus"] = str(Path(args.corpus).resolve())
    result = render_report(args.notebook, out_dir=args.out, parameters=parameters, name=args.name)
    print(f"report written: {result.html} ({result.html_bytes / 1e6:.2f} MB)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return {"report": _report}[args.command](args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
