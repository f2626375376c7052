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
def small_corpus(tmp_path_factory) -> Path:
    """Three dated articles from two outlets, as a CSV."""
    import pandas as pd

    folder = tmp_path_factory.mktemp("corpus")
    pd.DataFrame({
        "id": ["a1", "a2", "a3"],
        "title": ["Netanyahu rejects Biden warning", "Hamas and Israel resume talks in Cairo",
                  "Biden says the U.S. will not send weapons"],
        "text": ["Netanyahu said Israel will stand alone. Biden warned of a crisis in Rafah.",
                 "Negotiators from Hamas and Israel met in Egypt. \"We want a ceasefire,\" a Hamas official said.",
                 "Biden said the U.S. opposes the offensive. Netanyahu's ministers criticized Biden."],
        "date": ["2024-05-08", "2024-05-09", "2024-05-09"],
        "media_name": ["Wire", "Daily", "Wire"],
    }).to_csv(folder / "stories.csv", index=False)
    return folder / "stories.csv"


@pytest.fixture(scope="session")
def report_cache(tmp_path_factory):
    """Reports rendered once per session (see tests/rendering.py)."""
    from rendering import ReportCache

    return ReportCache(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="session", autouse=True)
def background_jobs(request, tmp_path_factory):
    """Start the background job of every selected test marked ``in_background`` (tests/background.py),
    once per run; at the end of this worker's session, wait for the jobs it started."""
    from background import jobs_root, start_jobs, wait_jobs

    started = start_jobs(request.session.items, jobs_root(request.config, tmp_path_factory.getbasetemp()))
    yield
    wait_jobs(started)


def pytest_keyboard_interrupt(excinfo):
    """Ctrl-C: end the background jobs this process started instead of waiting for them."""
    from background import stop_jobs

    stop_jobs()


@pytest.fixture
def background(request, tmp_path_factory):
    """The finished background job of this test (tests/background.py), waited for if still running."""
    from background import background_run, jobs_root

    return background_run(request.node, jobs_root(request.config, tmp_path_factory.getbasetemp()))


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


def _keep_xdist_groups(config, items) -> None:
    """Keep ``--dist loadgroup`` grouping: pytest-xdist 3.8 tells its scheduler a test's
    ``xdist_group`` by appending ``@<group>`` to the test's node id on each worker, in a field that
    pytest 9.2 no longer reads (pytest-xdist issue 1386). Without the suffix every test is
    scheduled alone and a report shared by several tests is rendered on both workers; this appends
    it where the node id now lives (the tests of a group then share one worker and one rendering)."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if not names or "@" in item.nodeid.rsplit("]", 1)[-1]:
            continue  # no group, or pytest-xdist's own suffix took effect
        grouped = f"{item.nodeid}@{'_'.join(names)}"
        if hasattr(item, "_id"):
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(grouped)
        else:
            item._nodeid = grouped


def _uses_a_shared_fixture_narrower_than_the_session(item: pytest.Item) -> bool:
    """Whether ``item`` uses a module-, class- or package-scoped fixture (moving it away from its
    module's other tests would build that fixture once more)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return True
    return any(d.scope in ("module", "class", "package")
               for name in item.fixturenames for d in info.name2fixturedefs.get(name, ()))


@pytest.hookimpl(trylast=True)  # after pytest-xdist's own
def pytest_collection_modifyitems(config, items):
    """Slow tests first, in their collected order, the rest after them: under pytest-xdist each worker
    starts on the long tests and ends on short ones, so the two finish together instead of one waiting
    for a long test that started last (``--dist loadgroup`` still sends the tests that share a rendered
    report to one worker; it hands out the groups of several tests first). Tests that use a module- or
    class-scoped fixture stay where they are. Tests that read a background job (tests/background.py)
    come last of all: their command runs from the session's start, alongside the others."""
    _keep_xdist_groups(config, items)

    def moves(item: pytest.Item) -> bool:
        return item.get_closest_marker("slow") is not None and not _uses_a_shared_fixture_narrower_than_the_session(item)

    def waits(item: pytest.Item) -> bool:
        return item.get_closest_marker("background") is not None

    items[:] = ([item for item in items if moves(item) and not waits(item)]
                + [item for item in items if not moves(item) and not waits(item)] + [item for item in items if waits(item)])
