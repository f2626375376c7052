"""Shared fixtures: paths to the project, the seed and the (optional) validation datasets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return REPO / "seeds" / "000_f73c93858b36e7c9.txt"


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    """The human-labelled validation data: $MEDIA_WORKBENCH_DATASETS, else ../shared/datasets.

    Skips the test, saying why, where the folder is absent.
    """
    path = Path(os.environ.get("MEDIA_WORKBENCH_DATASETS", REPO.parent / "shared" / "datasets"))
    if not path.is_dir():
        pytest.skip(
            f"validation data not found at {path}; set MEDIA_WORKBENCH_DATASETS to the folder "
            "holding newsmtsc/ and narrative-framing/ to run this test"
        )
    return path
