"""Metadata beside document files (analysis.corpus.sidecars): .meta.yml sidecars and metadata.csv."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from analysis.corpus.report import LoadLog
from analysis.corpus.sidecars import (canonical_fields, read_meta_yml, read_metadata_csv, sidecar_paths,
                                      yaml_problem)
from analysis.errors import InputError


def test_sidecar_paths_replace_the_suffix():
    assert sidecar_paths(Path("d/a.txt")) == [Path("d/a.meta.yml"), Path("d/a.meta.yaml")]
    assert sidecar_paths(Path("README")) == [Path("README.meta.yml"), Path("README.meta.yaml")]


def test_canonical_fields_map_aliases_and_drop_missing_values():
    assert canonical_fields({"source": "Daily", "date": "2024-01-01", "tags": "a, b", "id": 7,
                             "empty": None, "x": float("nan"), "custom": 1}) == {
        "outlet": "Daily", "published": "2024-01-01", "tags": ["a", "b"], "doc_id": "7", "custom": 1}


def test_yaml_problem_names_the_line_and_column():
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load("a: [1,\nb: 2")
    message = yaml_problem(caught.value)
    assert message == "expected ',' or ']', but got '<stream end>' (line 2, column 5)"
    assert yaml_problem(caught.value, first_line=2) == "expected ',' or ']', but got '<stream end>' (line 3, column 5)"
    assert yaml_problem(ValueError("plain   text")) == "plain text"


def test_read_meta_yml_reads_a_mapping_and_logs_a_list(tmp_path):
    (tmp_path / "a.meta.yml").write_text("outlet: Daily\nauthor: A. Writer\n")
    assert read_meta_yml(tmp_path / "a.meta.yml", LoadLog()) == {"outlet": "Daily", "author": "A. Writer"}
    (tmp_path / "b.meta.yml").write_text("- one\n- two\n")
    log = LoadLog(errors="skip")
    assert read_meta_yml(tmp_path / "b.meta.yml", log) == {}
    assert log.entries[0]["problem"] == "malformed metadata sidecar: expected a mapping of keys to values, found a list"


def test_read_metadata_csv_keys_fields_by_resolved_file_path(tmp_path):
    (tmp_path / "metadata.csv").write_text("file,outlet,author\na.txt,Daily,\nsub/b.txt,Weekly,B\n")
    assert read_metadata_csv(tmp_path / "metadata.csv", LoadLog()) == {
        (tmp_path / "a.txt").resolve(): {"outlet": "Daily"},
        (tmp_path / "sub/b.txt").resolve(): {"outlet": "Weekly", "author": "B"},
    }
    (tmp_path / "metadata.csv").write_text("name,outlet\na.txt,Daily\n")
    with pytest.raises(InputError, match=r"malformed metadata.csv: no 'file' column \(columns found: name, outlet\)"):
        read_metadata_csv(tmp_path / "metadata.csv", LoadLog())
