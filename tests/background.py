"""Long subprocesses started when the test session starts and awaited by the test that checks them.

A test whose time is one long command (the quick benchmark run: a dozen short-lived interpreters one
after the other, often less than a core busy, for a minute or more) would hold its pytest-xdist
worker all that time. Marked :func:`in_background`, the command starts with the session, on the first
worker that claims it (``mkdir`` of its folder), while the workers run other tests; the test goes last
in the order (conftest.py) and by then reads a finished run with :func:`background_run`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

#: The shell that runs a job: its output to files in the job's folder, then its exit status to ``rc``
#: (written last, by a rename, so a reader never sees half of it).
_RUN = 'out=$1; shift; "$@" >"$out/stdout" 2>"$out/stderr"; echo $? >"$out/rc.tmp"; mv "$out/rc.tmp" "$out/rc"'


@dataclass(frozen=True)
class Command:
    """What a background job runs: ``argv`` in ``cwd`` with the environment ``env`` (None: this one's)."""

    argv: list[str]
    cwd: Path | None = None
    env: dict[str, str] | None = None


@dataclass(frozen=True)
class Finished:
    """A finished background job: its exit status, output and folder (where it may write files)."""

    returncode: int
    stdout: str
    stderr: str
    folder: Path


def in_background(name: str, command: Callable[[Path], Command]) -> pytest.MarkDecorator:
    """Mark a test whose command ``command(folder)`` runs in the background from the session's start;
    ``folder`` is the job's own empty folder, shared by the workers of this run."""
    return pytest.mark.background(name, command)


def jobs_root(config: pytest.Config, basetemp: Path) -> Path:
    """The folder of this run's background jobs, the same for every pytest-xdist worker of the run."""
    return (basetemp.parent if hasattr(config, "workerinput") else basetemp) / "background"


#: The jobs this process started (:func:`stop_jobs` ends them when the run is interrupted).
STARTED: list[subprocess.Popen] = []


def start_jobs(items: list[pytest.Item], root: Path) -> list[subprocess.Popen]:
    """Start the background job of every item that has one and that no other worker has claimed."""
    started = []
    for item in items:
        marker = item.get_closest_marker("background")
        if marker is None:
            continue
        name, command = marker.args
        folder = root / name
        root.mkdir(parents=True, exist_ok=True)
        try:
            folder.mkdir()
        except FileExistsError:  # claimed by another worker
            continue
        job = command(folder)
        started.append(subprocess.Popen(["sh", "-c", _RUN, "sh", str(folder), *job.argv], cwd=job.cwd, env=job.env,
                                        stdin=subprocess.DEVNULL, start_new_session=True))
    STARTED.extend(started)
    return started


def stop_jobs() -> None:
    """End the jobs this process started that still run, with their children (Ctrl-C on the run: the
    jobs run in their own sessions, which the terminal's interrupt does not reach)."""
    for process in STARTED:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_jobs(started: list[subprocess.Popen], *, timeout: float = 900) -> None:
    """Wait for the jobs this worker started (another worker's test may be reading them); a job still
    running after ``timeout`` seconds is killed with its children."""
    deadline = time.monotonic() + timeout
    for process in started:
        try:
            process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def background_run(item: pytest.Item, root: Path, *, timeout: float = 900) -> Finished:
    """The finished background job of ``item``, waiting for it at most ``timeout`` seconds."""
    name, _ = item.get_closest_marker("background").args
    folder = root / name
    deadline = time.monotonic() + timeout
    while not (folder / "rc").exists():
        if time.monotonic() > deadline:
            pytest.fail(f"background job {name} did not finish in {timeout:.0f} s")
        time.sleep(0.2)
    return Finished(returncode=int((folder / "rc").read_text()), stdout=(folder / "stdout").read_text(),
                    stderr=(folder / "stderr").read_text(), folder=folder)
