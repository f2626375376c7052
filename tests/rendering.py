"""Reports rendered once per test session and shared by every test that inspects them.

Rendering a real notebook (a kernel, the whole analysis, nbconvert) is the slowest thing the suite
does; a test that reads a report asks :class:`ReportCache` for it instead of rendering its own. Under
pytest-xdist each worker has its own session, so the tests sharing one report carry the same
``xdist_group`` mark (:func:`on_report`) and ``--dist loadgroup`` sends them to one worker.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def on_report(notebook: str, label: str) -> pytest.MarkDecorator:
    """The xdist group of the tests that read the report of ``notebook`` on input ``label``."""
    return pytest.mark.xdist_group(f"report-{label}-{notebook}")


class ReportCache:
    """``get(notebook, label, parameters)``: the report rendered into ``root/label/notebook/`` the first
    time it is asked for, under umask 022 and from ``root`` as working folder (so corpus paths are
    absolute and outside it, as for a user sharing the page); later calls return the same result (or
    raise the same error). ``label`` names the input: one label, one set of parameters."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._done: dict[tuple[str, str], Any] = {}

    def get(self, notebook: str, label: str, parameters: dict[str, Any]) -> Any:
        from analysis.reports import render_report

        key = (notebook, label)
        if key not in self._done:
            previous_mask, previous_dir = os.umask(0o022), os.getcwd()
            os.chdir(self.root)
            try:
                self._done[key] = render_report(notebook, out_dir=self.root / label, parameters=parameters)
            except Exception as error:  # noqa: BLE001 - every test of this report fails with the same error
                self._done[key] = error
            finally:
                os.umask(previous_mask)
                os.chdir(previous_dir)
        result = self._done[key]
        if isinstance(result, Exception):
            raise result
        return result
