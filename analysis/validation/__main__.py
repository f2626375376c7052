"""``python -m analysis.validation --datasets PATH``: measure, write the figures, update README, render the report.

One command refreshes every place the validation figures appear: ``analysis/lexicons/validation.json``
(which methods cards and :func:`analysis.validation.method_note` read), the generated part of README's
"How valid are these measures?" (:mod:`analysis.validation.readme`) and the validation report
(``notebooks/validation.ipynb`` executed and exported to ``<report-dir>/validation/``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.errors import InputError
from analysis.validation.figures import FIGURES_PATH, methods_card, write_validation_figures
from analysis.validation.readme import README_PATH, update_readme


def main(argv: Sequence[str] | None = None) -> int:
    """Run every validation on the data sets, write the figures file, update README and render the report."""
    parser = argparse.ArgumentParser(prog="python -m analysis.validation", description=main.__doc__)
    parser.add_argument("--datasets", help="folder holding newsmtsc/ and narrative-framing/ (default: "
                        "$MEDIA_WORKBENCH_DATASETS, else ../shared/datasets beside the repository)")
    parser.add_argument("--newsmtsc-file", help="a NewsMTSC-format test file (default: newsmtsc/devtest_mt.jsonl)")
    parser.add_argument("--frames-file", help="a narrative-framing-format TSV (default: narrative-framing/articles_metadata.tsv)")
    parser.add_argument("--out", default=str(FIGURES_PATH), help=f"figures file to write (default {FIGURES_PATH})")
    parser.add_argument("--readme", default=str(README_PATH), help="README whose validity section is rewritten "
                        "('' to skip)")
    parser.add_argument("--report-dir", default="reports", help="where the validation report is rendered "
                        "('' to skip; default: reports)")
    args = parser.parse_args(argv)
    try:
        figures = write_validation_figures(args.datasets, path=args.out, newsmtsc_file=args.newsmtsc_file,
                                           frames_file=args.frames_file)
        print(f"written: {args.out}")
        if args.readme:
            print(f"updated: {update_readme(figures, args.readme)}")
        if args.report_dir:
            from analysis.reports import render_report
            from analysis.validation.data import datasets_path

            result = render_report("validation", out_dir=args.report_dir,
                                   parameters={"datasets": str(datasets_path(args.datasets))})
            print(f"rendered: {result}")
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(methods_card(figures=figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
