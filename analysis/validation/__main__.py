"""``python -m analysis.validation --datasets PATH [--out PATH]``: measure and write the validation figures."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.errors import InputError
from analysis.validation.figures import FIGURES_PATH, methods_card, write_validation_figures


def main(argv: Sequence[str] | None = None) -> int:
    """Run every validation on the data sets, write the figures file and print the methods card."""
    parser = argparse.ArgumentParser(prog="python -m analysis.validation", description=main.__doc__)
    parser.add_argument("--datasets", help="folder holding newsmtsc/ and narrative-framing/ (default: "
                        "$MEDIA_WORKBENCH_DATASETS, else ../shared/datasets beside the repository)")
    parser.add_argument("--newsmtsc-file", help="a NewsMTSC-format test file (default: newsmtsc/devtest_mt.jsonl)")
    parser.add_argument("--frames-file", help="a narrative-framing-format TSV (default: narrative-framing/articles_metadata.tsv)")
    parser.add_argument("--out", default=str(FIGURES_PATH), help=f"figures file to write (default {FIGURES_PATH})")
    args = parser.parse_args(argv)
    try:
        figures = write_validation_figures(args.datasets, path=args.out, newsmtsc_file=args.newsmtsc_file,
                                           frames_file=args.frames_file)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"written: {args.out}")
    print(methods_card(figures=figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
