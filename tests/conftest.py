"""Shared fixtures: paths to the project, the seed and the (optional) validation datasets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.lazy_imports import import_jsonschema_lazily

REPO = Path(__file__).resolve().parents[1]

# Test modules import nbformat while being collected, on every xdist worker: without its 2 s IRI grammar.
import_jsonschema_lazily()


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


@pytest.fixture(scope="session")
def report_cache(tmp_path_factory):
    """Reports rendered once per session (see tests/rendering.py)."""
    from rendering import ReportCache

    return ReportCache(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="session")
def newsmtsc_devtest(datasets_dir):
    """``newsmtsc_devtest(method)``: the NewsMTSC devtest_mt scores of a tone method, computed once per
    session and shared by the tests that check them (mark them ``xdist_group("newsmtsc-devtest")``)."""
    from analysis.validation import newsmtsc

    path = datasets_dir / "newsmtsc" / "devtest_mt.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found; NewsMTSC devtest_mt is needed for this test")
    done: dict = {}

    def scores(method: str) -> dict:
        if method not in done:
            done[method] = newsmtsc(path, method=method)
        return done[method]

    return scores
