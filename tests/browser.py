"""Open a page in headless Chromium with no network and read back what it drew.

Used by the end-to-end tests: charts are counted in the live DOM after scripts ran, and hostile
markup is checked to show as text and never run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    # No network: every host resolves nowhere, so a page that needs a CDN shows it.
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
)


def chromium() -> str:
    """Path of the Chromium binary, or skip the test saying how to get one."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")


#: DOMs already read in this process, by page and the page file's state (path, size, mtime) and budget:
#: tests that open the same rendered report (same xdist group, so same worker) launch Chromium once.
_DOMS: dict[tuple, str] = {}


def rendered_dom(page: Path, *, budget_ms: int = 20000, screenshot: Path | None = None) -> str:
    """The page's DOM after its scripts ran (``--dump-dom`` with a virtual time budget).

    Without ``screenshot``, a page whose file has not changed since it was last opened in this process
    is not opened again: its DOM is read from :data:`_DOMS`.
    """
    state = page.stat()
    key = (str(page.resolve()), state.st_size, state.st_mtime_ns, budget_ms)
    if screenshot is None and key in _DOMS:
        return _DOMS[key]
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--virtual-time-budget={budget_ms}", "--window-size=1280,2000"]
        if screenshot is not None:
            subprocess.run([*command, f"--screenshot={screenshot}", page.resolve().as_uri()],
                           capture_output=True, timeout=180, check=False)
        done = subprocess.run([*command, "--dump-dom", page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=180, check=True)
    _DOMS[key] = done.stdout
    return done.stdout


def drawn_charts(dom: str) -> int:
    """How many plotly charts were actually drawn.

    plotly.js adds the class ``js-plotly-plot`` to a chart's div, and an SVG inside it, only when it
    draws the chart; a chart whose script never ran stays a bare ``plotly-graph-div``.
    """
    return len(re.findall(r'<div class="[^"]*\bjs-plotly-plot\b[^"]*"[^>]*>\s*<div class="plot-container', dom))


def chart_placeholders(dom: str) -> int:
    """How many chart divs the page holds, drawn or not."""
    return len(re.findall(r'<div class="[^"]*\bplotly-graph-div\b', dom))
