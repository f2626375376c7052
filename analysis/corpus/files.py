"""Opening input files safely: only regular files are read, every other kind is named.

A path in a corpus folder can be a dangling symbolic link, a symbolic link loop, a file the user
may not read, a named pipe (FIFO, which would block a reader forever), a socket or a device.
:func:`file_problem` says what is wrong with such a path *without opening it*, so a loader can
skip it (``errors="skip"``, listed in the load report) or raise an ``InputError`` naming it, never
a traceback and never a hang. Symbolic links to regular files are followed.
:func:`saved_analysis_file` tells a folder of saved results (whose Parquet parts are tables, not
articles) from a corpus.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = ["MANIFEST", "META", "RUN_MARKER", "FileProblem", "file_problem", "read_bytes", "saved_analysis_file"]

#: The manifest of a partitioned analysis, written last: a folder without it is not finished.
MANIFEST = "manifest.json"
#: The marker of a partitioned run in progress (its key and start time).
RUN_MARKER = "_run.json"
#: The meta file of a saved analysis (:meth:`analysis.Analysis.save`).
META = "meta.json"

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


class FileProblem(OSError):
    """A path that cannot be read as a document file; ``problem`` and ``fix`` are for the load report."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


def file_problem(path: Path) -> FileProblem | None:
    """What keeps ``path`` from being read as a regular file (without opening it), or None."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return _os_problem(path, exc)
    if stat.S_ISREG(info.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    return FileProblem(f"not a regular file: {kind}", "remove it from the folder, or copy the data into a file")


def _os_problem(path: Path, exc: OSError) -> FileProblem:
    if exc.errno == errno.ELOOP:
        return FileProblem("a symbolic link loop (the link points back to itself)", "remove or fix the link")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        target = os.readlink(path)
        return FileProblem(f"a dangling symbolic link (its target {target!r} does not exist)",
                           "remove the link or restore its target")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return FileProblem("permission denied: the file cannot be read",
                           "give yourself read permission (chmod u+r), or remove it")
    reason = exc.strerror or type(exc).__name__
    return FileProblem(f"cannot be read ({reason})", "check the file")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; raises :class:`FileProblem` for anything else or an OS error.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever) and
    checked on the open descriptor, so a regular file costs one open, one fstat and one read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _os_problem(path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise FileProblem(f"not a regular file: {kind}",
                              "remove it from the folder, or copy the data into a file")
        try:
            pieces = [os.read(fd, info.st_size + 1)]  # one read for a file that does not grow meanwhile
            while pieces[-1]:
                pieces.append(os.read(fd, 1 << 20))
        except OSError as exc:
            raise _os_problem(path, exc) from None
        return pieces[0] if len(pieces) == 2 else b"".join(pieces)
    finally:
        os.close(fd)


def saved_analysis_file(folder: Path) -> str | None:
    """The file that marks ``folder`` as a saved analysis, or None: ``manifest.json`` or ``_run.json``
    of :func:`analysis.analyze_corpus` beside a ``documents/`` folder, ``meta.json`` of
    :meth:`Analysis.save` beside ``documents.parquet`` (a bare ``meta.json`` may be anyone's)."""
    if (folder / "documents").is_dir():
        found = next((name for name in (MANIFEST, RUN_MARKER) if (folder / name).is_file()), None)
        if found:
            return found
    return META if (folder / META).is_file() and (folder / "documents.parquet").is_file() else None
