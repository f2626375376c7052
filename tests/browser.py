"""Open a page in headless Chromium with no network and read back what it drew.

Used by the end-to-end tests: charts are counted in the live DOM after scripts ran, and hostile
markup is checked to show as text and never run.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
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
#: tests that open the same rendered report (same xdist group, so same worker) read it once.
_DOMS: dict[tuple, str] = {}


class Browser:
    """One headless Chromium for the whole test process, driven over the DevTools protocol on a pipe
    (``--remote-debugging-pipe``: no port, no network), every page opened in the same tab.

    A page costs about 1.9 s of CPU in a running browser against 5.3 s for a fresh ``chromium
    --dump-dom`` (start-up, and plotly.js compiled once per renderer rather than once per page), and
    reads the same DOM: scripts run, with virtual time advanced by the budget as ``--virtual-time-budget``
    does. :func:`rendered_dom` starts it on first use; it is closed when the process exits.
    """

    def __init__(self) -> None:
        self._profile = tempfile.TemporaryDirectory()
        to_browser, from_us = os.pipe()
        to_us, from_browser = os.pipe()
        # above fds 3 and 4, so that the shell's redirections below cannot overwrite one with the other
        to_browser, from_browser = (_moved_above(fd, 10) for fd in (to_browser, from_browser))
        # Chromium reads commands on fd 3 and writes replies on fd 4; bash puts the pipes there (dash
        # takes no fd above 9 in a redirection).
        command = [shutil.which("bash") or "bash", "-c", f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser}', chromium(), *CHROMIUM_FLAGS,
                   f"--user-data-dir={self._profile.name}", "--window-size=1280,2000", "--remote-debugging-pipe",
                   "about:blank"]
        self._process = subprocess.Popen(command, pass_fds=(to_browser, from_browser), stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._out, self._in, self._pending, self._next_id = from_us, to_us, b"", 0
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def _message(self, deadline: float) -> dict:
        while b"\0" not in self._pending:
            if not select.select([self._in], [], [], max(0.0, deadline - time.monotonic()))[0]:
                raise TimeoutError("headless Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise RuntimeError("headless Chromium closed its pipe (it crashed or was killed)")
            self._pending += chunk
        message, self._pending = self._pending.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, params: dict, *, session: str | None = None, until: str | None = None,
              timeout: float = 180.0) -> dict:
        """Send one command; return its result, or with ``until`` the first event of that name after it."""
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = session
        os.write(self._out, json.dumps(request).encode() + b"\0")
        deadline, result = time.monotonic() + timeout, None
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result = message.get("result", {})
                if until is None:
                    return result
            elif until is not None and result is not None and message.get("method") == until:
                return result

    def dom(self, url: str, *, budget_ms: int) -> str:
        """The DOM of ``url`` after its scripts ran, with ``budget_ms`` of virtual time."""
        session = self._session
        self._call("Emulation.setVirtualTimePolicy", {"policy": "pause"}, session=session)
        self._call("Page.navigate", {"url": url}, session=session)
        self._call("Emulation.setVirtualTimePolicy", {"policy": "pauseIfNetworkFetchesPending", "budget": budget_ms},
                   session=session, until="Emulation.virtualTimeBudgetExpired")
        found = self._call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML",
                                                "returnByValue": True}, session=session)
        return found["result"]["value"]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._call("Browser.close", {}, timeout=10)
        with contextlib.suppress(Exception):
            self._process.wait(10)
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for fd in (self._out, self._in):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()


def _moved_above(fd: int, lowest: int) -> int:
    """``fd`` duplicated to a number >= ``lowest`` (close-on-exec, as pipes are), the original closed."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, lowest)
    os.close(fd)
    return moved


_BROWSER: list[Browser] = []


def _browser() -> Browser:
    if not _BROWSER:
        _BROWSER.append(Browser())
        atexit.register(_BROWSER[0].close)
    return _BROWSER[0]


def rendered_dom(page: Path, *, budget_ms: int = 20000, screenshot: Path | None = None) -> str:
    """The page's DOM after its scripts ran (with a virtual time budget), read in this process's
    :class:`Browser`; with ``screenshot``, by a fresh ``chromium --dump-dom`` that also saves a picture.

    Without ``screenshot``, a page whose file has not changed since it was last opened in this process
    is not opened again: its DOM is read from :data:`_DOMS`.
    """
    state = page.stat()
    key = (str(page.resolve()), state.st_size, state.st_mtime_ns, budget_ms)
    if screenshot is None and key in _DOMS:
        return _DOMS[key]
    if screenshot is None:
        try:
            _DOMS[key] = _browser().dom(page.resolve().as_uri(), budget_ms=budget_ms)
        except (RuntimeError, TimeoutError, OSError):  # a browser that died: one fresh start, once
            if _BROWSER:
                _BROWSER.pop().close()
            _DOMS[key] = _browser().dom(page.resolve().as_uri(), budget_ms=budget_ms)
        return _DOMS[key]
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--virtual-time-budget={budget_ms}", "--window-size=1280,2000"]
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
