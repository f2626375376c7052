"""Rendering reports: papermill executes real notebooks, nbconvert writes real HTML."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from analysis.cli import main, parse_parameter
from analysis.errors import InputError
from analysis.reports import export_html, notebook_path, render_report, write_atomic


_REMOTE = re.compile(
    r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|import\s*\(?\s*["']https?://|"""
    r"""["']https?://[^"']+\.(?:m?js|css)(?:\?[^"']*)?["']""",
    re.IGNORECASE,
)


def remote_references(html: str) -> list[str]:
    """Places where a page would fetch something from the network (scripts, styles, fonts, modules)."""
    return [html[m.start():m.start() + 80] for m in _REMOTE.finditer(html)]


def _fixture_notebook(path, body: str):
    """A two-cell notebook: a `parameters` cell and one code cell."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = nbformat.v4.new_code_cell('greeting = "hello"')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(body)]
    nbformat.write(notebook, path)
    return path


@pytest.mark.parametrize("text, expected", [
    ("title=My report", ("title", "My report")),
    ("n=3", ("n", 3)),
    ("flag=true", ("flag", True)),
    ("outlets=[a, b]", ("outlets", ["a", "b"])),
    ("empty=", ("empty", "")),
    ("query=a: b: c", ("query", "a: b: c")),
])
def test_parse_parameter_reads_values_as_yaml(text, expected):
    assert parse_parameter(text) == expected


def test_parse_parameter_without_equals_says_how():
    with pytest.raises(InputError, match=r"KEY=VALUE"):
        parse_parameter("title")


def test_unknown_notebook_names_the_available_ones():
    with pytest.raises(InputError, match=r"nosuch: no such notebook.*article_brief"):
        notebook_path("nosuch")


def test_write_atomic_replaces_whole_files_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "out" / "report.html"
    write_atomic(target, "first")
    write_atomic(target, b"second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


@pytest.mark.e2e
def test_render_report_executes_with_parameters_and_hides_code(tmp_path):
    notebook = _fixture_notebook(tmp_path / "hello.ipynb", 'print(greeting.upper() + " <b>bold</b>")')
    result = render_report(notebook, out_dir=tmp_path / "out", parameters={"greeting": "bonjour"})
    html = result.html.read_text()
    assert "BONJOUR" in html
    assert "print(greeting" not in html, "code cells are hidden"
    assert "&lt;b&gt;bold&lt;/b&gt;" in html, "printed markup shows as text"
    assert remote_references(html) == [], "nothing loads from the network"
    executed = nbformat.read(result.executed, as_version=4)
    assert executed.metadata["papermill"]["parameters"] == {"greeting": "bonjour"}
    manifest = json.loads((tmp_path / "out" / "hello" / "manifest.json").read_text())
    assert manifest["parameters"] == {"greeting": "bonjour"}
    assert "pandas" in manifest["versions"]


@pytest.mark.e2e
def test_failed_run_keeps_the_good_report_and_the_error_notebook(tmp_path):
    notebook = _fixture_notebook(tmp_path / "flaky.ipynb", 'assert greeting == "hello", "bad greeting"\nprint("fine")')
    good = render_report(notebook, out_dir=tmp_path / "out")
    before = good.html.read_bytes()
    with pytest.raises(Exception, match="bad greeting"):
        render_report(notebook, out_dir=tmp_path / "out", parameters={"greeting": "boom"})
    assert good.html.read_bytes() == before, "a failed run never replaces a good report"
    failed = tmp_path / "out" / "flaky" / "flaky.failed.ipynb"
    assert "bad greeting" in failed.read_text()
    leftovers = [p.name for p in (tmp_path / "out" / "flaky").iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.e2e
def test_cli_reports_a_missing_notebook_with_exit_status_2(tmp_path, capsys):
    assert main(["report", "nosuch", "--out", str(tmp_path)]) == 2
    assert "no such notebook" in capsys.readouterr().err


def test_export_html_loads_nothing_from_the_network(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Findings\n\nSee $x^2$ and a diagram.")]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    html = export_html(path, title="My <report>")
    assert "Findings" in html
    assert "<title>My &lt;report&gt;</title>" in html
    assert remote_references(html) == [], "no CDN script, style, font or module"


def test_remote_reference_check_catches_the_stock_lab_template(tmp_path):
    """The check above can fail: JupyterLab's own template loads MathJax and Mermaid from a CDN."""
    from nbconvert import HTMLExporter

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Findings")]
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    assert remote_references(html), "the stock template's CDN links are found"


@pytest.mark.e2e
def test_report_header_shows_escaped_parameters_and_the_recorded_provenance(tmp_path):
    body = (
        "import pandas as pd\nimport analysis as wb\n"
        "docs = pd.DataFrame({'doc_id': ['a'], 'title': ['T'], 'text': ['Body.']})\n"
        "wb.record_provenance(docs, lexicons={'actors': 'lexicon-v1'})"
    )
    notebook = _fixture_notebook(tmp_path / "prov.ipynb", body)
    result = render_report(notebook, out_dir=tmp_path / "out",
                           parameters={"greeting": "<script>alert(1)</script>"}, name="prov")
    html = result.html.read_text()
    header = html.split('id="report-header"', 1)[1].split("</header>", 1)[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in header
    assert "<script>alert(1)" not in html
    import hashlib
    expected = hashlib.sha256("a\x1f\x1eT\x1f\x1eBody.\x1f\x1e".encode()).hexdigest()
    assert expected in header, "the corpus fingerprint is in the header"
    assert "1 documents" in header
    assert hashlib.sha256(repr("lexicon-v1").encode()).hexdigest() in header
    assert "application/vnd.media-workbench.provenance+json" not in html, "the raw record is lifted out"


def test_expand_each_gives_every_combination_in_order():
    from analysis.reports import expand_each

    assert expand_each({"a": [1, 2], "b": ["x", "y"]}) == [
        {"a": 1, "b": "x"}, {"a": 1, "b": "y"}, {"a": 2, "b": "x"}, {"a": 2, "b": "y"}]
    assert expand_each(None) == [{}]
    with pytest.raises(InputError, match="at least one value"):
        expand_each({"a": []})


def test_parse_each_reads_values():
    from analysis.cli import parse_each

    assert parse_each("greeting=hi, bonjour,3") == ("greeting", ["hi", "bonjour", 3])
    with pytest.raises(InputError, match="KEY=V1,V2"):
        parse_each("greeting=")


@pytest.mark.e2e
@pytest.mark.slow
def test_batch_renders_in_parallel_reports_a_failure_and_keeps_the_rest(tmp_path, capsys):
    notebook = _fixture_notebook(tmp_path / "greet.ipynb",
                                 'assert greeting != "boom", "boom is not a greeting"\nprint(greeting * 2)')
    out = tmp_path / "out"
    status = main(["report", str(notebook), "--out", str(out), "--each", "greeting=hi,boom,<b>yo</b>",
                   "--workers", "2"])
    captured = capsys.readouterr()
    assert status == 1
    assert "2 rendered, 1 failed" in captured.out
    assert "report FAILED: greet-boom" in captured.err
    assert "AssertionError: boom is not a greeting; error notebook:" in captured.err, "the notebook's own error, briefly"
    assert "Traceback" not in captured.err
    assert "greet-boom.failed.ipynb" in captured.err
    assert (out / "greet-hi" / "greet-hi.html").exists()
    assert "hihi" in (out / "greet-hi" / "greet-hi.html").read_text()
    assert (out / "greet-b-yo-b" / "greet-b-yo-b.html").exists()
    index = (out / "index.html").read_text()
    assert index.count('<tr class="ok">') == 2 and index.count('<tr class="failed">') == 1
    assert "greeting = &lt;b&gt;yo&lt;/b&gt;" in index and "<b>yo</b>" not in index
    assert 'href="greet-boom/greet-boom.failed.ipynb"' in index


def test_notebook_parameters_reads_the_defaults_as_values(tmp_path):
    from analysis.reports import notebook_parameters

    path = _fixture_notebook(tmp_path / "p.ipynb", "print(1)")
    assert notebook_parameters(path) == {"greeting": "hello"}
    assert notebook_parameters("article_brief")["title"] == "Article brief"


@pytest.mark.e2e
def test_cli_says_in_one_line_why_a_report_failed(tmp_path, capsys):
    status = main(["report", "article_brief", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 1
    assert f"error: report article_brief failed: InputError: {tmp_path / 'missing'}: no such file or folder" in err
    assert "article_brief.failed.ipynb" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "article_brief" / "article_brief.html").exists()
