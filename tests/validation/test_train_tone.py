"""Training the target-tone model (analysis.validation.train_tone): the coefficient file's layout."""

from __future__ import annotations

import json

from analysis.validation.train_tone import dump_json


def test_dump_json_puts_every_flat_list_on_one_line():
    content = {"w": {"good": [0.5, -1]}, "n": [[1, 2], [3]], "e": []}
    text = dump_json(content)
    assert text == '{\n "w": {\n  "good": [0.5, -1]\n },\n "n": [\n  [1, 2],\n  [3]\n ],\n "e": []\n}'
    assert json.loads(text) == content
