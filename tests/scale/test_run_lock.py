"""The run lock of analyze_corpus on Windows (msvcrt), checked here with a stand-in for msvcrt.

Linux and macOS use flock; tests/test_scale.py checks the lock there with a real second process.
"""

from __future__ import annotations

import os
import sys
import types

import pytest

from analysis.errors import InputError
from analysis.scale import store


class _FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte range locked by one holder at a time."""

    LK_NBLCK = 2

    def __init__(self):
        super().__init__("msvcrt")
        self.held: dict[int, int] = {}  # locked offset -> fd
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd, mode, nbytes):
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((offset, mode, nbytes))
        if offset in self.held and self.held[offset] != fd:
            raise OSError(36, "Resource deadlock avoided")
        self.held[offset] = fd


@pytest.fixture()
def windows_locking(monkeypatch):
    fake = _FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "fcntl", None)  # import fcntl fails, as on Windows
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_without_fcntl_the_lock_is_msvcrt_on_a_byte_past_the_readable_record(tmp_path, windows_locking):
    with store.run_lock(tmp_path):
        lock = tmp_path / "_lock.json"
        assert windows_locking.calls == [(1 << 30, _FakeMsvcrt.LK_NBLCK, 1)]
        assert store.read_json(lock)["pid"] == os.getpid()  # the record is readable
        assert lock.stat().st_size < 200  # the lock byte does not grow the file
    assert not lock.exists()


def test_without_fcntl_a_held_lock_refuses_a_second_run_naming_the_holder(tmp_path, windows_locking):
    lock = tmp_path / "_lock.json"
    fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        os.write(fd, b'{"pid": 4242, "started": "2026-01-01T00:00:00+00:00"}')
        windows_locking.held[1 << 30] = fd
        with pytest.raises(InputError, match=r"another analyze run \(pid 4242, started 2026-01-01T00:00:00\+00:00\)"):
            with store.run_lock(tmp_path):
                pass
        assert lock.exists(), "the holder's lock file stays"
    finally:
        os.close(fd)
