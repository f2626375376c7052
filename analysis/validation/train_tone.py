"""``python -m analysis.validation.train_tone [--datasets PATH] [--out PATH]``: retrain the target-aware tone model.

One command, deterministic: reads NewsMTSC ``train.jsonl`` (never a test split) from the validation
data folder (``--datasets``, else ``$MEDIA_WORKBENCH_DATASETS``, else ``../shared/datasets``), chooses
the penalty by cross-validation grouped by article, fits the model, chooses the document-level rule
on out-of-fold predictions, and writes ``analysis/lexicons/target_tone.json`` with the training
file's SHA-256 (see :func:`analysis.target_tone.train` for every step).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from analysis.target_tone import MODEL_PATH
from analysis.target_tone import main as train_main
from analysis.validation.data import datasets_path

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Train on NewsMTSC train and write the coefficient file; prints progress and the figures."""
    parser = argparse.ArgumentParser(prog="python -m analysis.validation.train_tone", description=main.__doc__)
    parser.add_argument("--datasets", help="folder holding newsmtsc/train.jsonl (default: $MEDIA_WORKBENCH_DATASETS, "
                        "else ../shared/datasets beside the repository)")
    parser.add_argument("--data", help="a NewsMTSC-format training file (overrides --datasets)")
    parser.add_argument("--out", default=str(MODEL_PATH), help=f"coefficient file to write (default {MODEL_PATH})")
    args = parser.parse_args(argv)
    data = args.data or datasets_path(args.datasets) / "newsmtsc" / "train.jsonl"
    return train_main(["train", "--data", str(data), "--out", args.out])


if __name__ == "__main__":
    raise SystemExit(main())
