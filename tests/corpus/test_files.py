"""Reading a document file's bytes (analysis.corpus.files): what cannot be read is a FileProblem."""

from __future__ import annotations

import os

import pytest

from analysis.corpus.files import FileProblem, file_problem, read_bytes


def test_read_bytes_of_a_regular_file_and_a_file_problem_for_anything_else(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    assert read_bytes(tmp_path / "a.txt") == b"abc"
    assert file_problem(tmp_path / "a.txt") is None
    assert file_problem(tmp_path).problem == "not a regular file: a folder"
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(FileProblem) as caught:
        read_bytes(tmp_path / "pipe")  # never waits for a writer
    assert caught.value.problem == "not a regular file: a named pipe (FIFO)"
    assert caught.value.fix == "remove it from the folder, or copy the data into a file"
    assert isinstance(caught.value, OSError)


def test_a_dangling_link_is_named_with_its_target(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    problem = file_problem(tmp_path / "link.txt")
    assert isinstance(problem, FileProblem)
    assert problem.problem == f"a dangling symbolic link (its target {str(tmp_path / 'gone.txt')!r} does not exist)"
    assert problem.fix == "remove the link or restore its target"
