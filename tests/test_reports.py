"""Rendering reports: papermill executes real notebooks, nbconvert writes real HTML."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from analysis.cli import main, parse_parameter
from analysis.errors import InputError
from analysis.reports import KERNEL_RESTARTED_WARNING, export_html, notebook_path, render_report, write_atomic
from conftest import REPO


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
def test_cli_report_prints_no_kernel_transport_warning_and_keeps_the_kernels_own_stderr(tmp_path, capfd):
    notebook = _fixture_notebook(tmp_path / "quiet.ipynb", 'import os\nos.write(2, b"kernel stderr reaches the terminal\\n")')
    assert main(["report", str(notebook), "--out", str(tmp_path / "out")]) == 0
    err = capfd.readouterr().err
    assert "without encryption" not in err, "the kernel's transport is encrypted, so ipykernel does not warn"
    assert "kernel stderr reaches the terminal" in err, "nothing the kernel itself writes is hidden"


def test_a_report_kernel_is_shut_down_without_an_interrupt_and_interrupted_otherwise(monkeypatch):
    # jupyter_client sent SIGINT before every shutdown; landing while the idle kernel answered a message,
    # it printed "[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel." on about every second report
    import asyncio

    from jupyter_client.manager import AsyncKernelManager

    from analysis.reports import _kernel_manager_class

    sent = []

    async def interrupt(self):
        sent.append(self.shutting_down)

    monkeypatch.setattr(AsyncKernelManager, "_async_interrupt_kernel", interrupt)
    manager = _kernel_manager_class()(kernel_name="python3")
    assert isinstance(manager, AsyncKernelManager)
    manager.shutting_down = True
    asyncio.run(manager._async_interrupt_kernel())
    assert sent == [], "no interrupt while shutting down"
    manager.shutting_down = False
    asyncio.run(manager._async_interrupt_kernel())
    assert sent == [False], "an interrupt asked for otherwise (a cell to stop) is sent"


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


def test_a_reports_warning_points_to_its_load_report_section_and_reads_as_a_notice(tmp_path):
    # red team: every report on a corpus with a wire copy opened with a red code box naming
    # documents.attrs['load_report'], a Python detail a report's reader cannot use
    from analysis.corpus.report import REPORT_PLACE

    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr",
                                           text=f"warning: 1 duplicate document(s) left out, listed in {REPORT_PLACE}\n")]
    notebook.cells = [cell]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    page = export_html(path, title="t")
    assert "warning: 1 duplicate document(s) left out, listed in the Load report section of this page" in page
    assert "documents.attrs" not in page
    style = re.search(r"\.jp-RenderedText\[data-mime-type='application/vnd\.jupyter\.stderr'\] pre \{([^}]*)\}", page)
    assert style and "white-space: pre-wrap" in style.group(1) and "sans-serif" in style.group(1), "wrapped prose"
    assert "documents.attrs" in path.read_text(), "the executed notebook keeps the Python wording"


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
    assert "1 document<" in header or "1 document\n" in header or "· 1 document" in header
    assert hashlib.sha256(repr("lexicon-v1").encode()).hexdigest() in header
    assert "application/vnd.media-workbench.provenance+json" not in html, "the raw record is lifted out"


def test_report_header_shows_the_value_the_report_chose_for_a_parameter_left_none(tmp_path):
    """The actor profile run without -p actor_id showed "actor_id null" in its header: a parameter left
    None shows the value the notebook recorded as chosen (and the page title for title), a given one
    shows as given."""
    import pandas as pd

    from analysis.provenance import record_provenance

    record = record_provenance(pd.DataFrame({"doc_id": ["a"], "title": ["T"], "text": ["Body."]}),
                               chosen={"actor_id": "israel", "period": "week"})._repr_mimebundle_()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output("display_data", data=record)])]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    html = export_html(path, title="Israel, the most mentioned actor",
                       parameters={"actor_id": None, "period": "day", "title": None, "actors": None})
    header = dict(re.findall(r"<tr><th>(\w+)</th><td><code>(.*?)</code></td></tr>", html))
    assert header["actor_id"] == "israel (not given: chosen by the report)"
    assert header["period"] == "day", "a value given is shown as given"
    assert header["title"] == "Israel, the most mentioned actor (not given: chosen by the report)"
    assert header["actors"] == "—", "nothing recorded: the default, a dash, never null"
    undated = record_provenance(pd.DataFrame({"doc_id": ["a"], "title": ["T"], "text": ["Body."]}),
                                chosen={"period": "n/a (no dates in this corpus)"})._repr_mimebundle_()
    notebook.cells = [nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output("display_data", data=undated)])]
    nbformat.write(notebook, path)
    header = dict(re.findall(r"<tr><th>(\w+)</th><td><code>(.*?)</code></td></tr>",
                             export_html(path, title="T", parameters={"period": None})))
    assert header["period"] == "n/a (no dates in this corpus)", "not applicable: nothing was chosen"


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
    log = out / ".batch.log"
    seen = f"stderr:\n{captured.err}\nbatch log:\n{log.read_text() if log.exists() else '(none)'}"
    assert status == 1, seen
    assert "2 rendered, 1 failed" in captured.out, seen
    assert "report FAILED: greet-boom" in captured.err, seen
    assert "AssertionError: boom is not a greeting (error notebook:" in captured.err, \
        f"the notebook's own error, briefly\n{seen}"
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
    assert notebook_parameters("corpus_report")["title"] == "Corpus report"
    assert notebook_parameters("article_brief")["title"] is None, "a brief is titled with its headline"


@pytest.mark.e2e
def test_cli_says_in_one_line_why_a_report_failed(tmp_path, repo_dir, capsys):
    # a failure inside the notebook (the corpus itself is fine, so it is not refused before the kernel
    # starts: tests/test_report_fixes_rt15.py; words the text writes but no entity's name, so the actor_id
    # passes the check before the kernel, tests/test_report_fixes_rt16.py) keeps its error notebook
    status = main(["report", "actor_profile", "--corpus", str(repo_dir / "seeds"), "--out", str(tmp_path / "out"),
                   "-p", "actor_id=weapons shipments"])
    err = capsys.readouterr().err
    assert status == 1
    assert "error: report actor_profile failed: InputError: " in err and "weapons shipments" in err
    assert "actor_profile.failed.ipynb" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "actor_profile" / "actor_profile.html").exists()
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="actor_profile/actor_profile.failed.ipynb"' in index
    assert "<td>failed: InputError: " in index


def test_a_failure_that_ends_a_sentence_is_followed_by_a_sentence_never_by_a_semicolon():
    from analysis.cli import _failure_line
    said = "InputError: actor_id 'x' is not mentioned in this corpus; pass a name from this list."
    assert _failure_line("actor_profile", said, failed="out/a.failed.ipynb") == (
        "error: report actor_profile failed: InputError: actor_id 'x' is not mentioned in this corpus; pass a name "
        "from this list. The executed notebook with the error: out/a.failed.ipynb")
    assert _failure_line("b", "KeyError: 'x'", failed="b.failed.ipynb") == (
        "error: report b failed: KeyError: 'x'; the executed notebook with the error: b.failed.ipynb")
    assert _failure_line("b", "KeyError: 'x'") == "error: report b failed: KeyError: 'x'"


def test_cli_names_a_missing_corpus_before_any_kernel_starts(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = main(["report", "article_brief", "--corpus", "nowhere", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.strip() == f"error: --corpus nowhere: no such file or folder (relative paths start at {tmp_path}); check the path"
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- issue 10: report parameters (point 9)


def test_parameter_key_that_is_code_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "pwned"
    hostile = f"__import__('os').system('touch {marker}');y=1"
    with pytest.raises(InputError, match=r"parameter names are Python identifiers"):
        parse_parameter(hostile)
    assert main(["report", "article_brief", "--out", str(tmp_path / "out"), "-p", hostile]) == 2
    assert not marker.exists()
    for bad in ("class=1", "1st=2", "a b=3", "x.y=4"):
        with pytest.raises(InputError, match="Python identifiers"):
            parse_parameter(bad)


def test_parameter_value_of_the_wrong_type_names_the_parameter_and_what_it_expects(tmp_path, capsys):
    from analysis.reports import check_parameters

    with pytest.raises(InputError, match=r"-p top='abc': top expects a whole number, e\.g\. 20 \(default: 12\); got str"):
        check_parameters("corpus_report", {"top": "abc"})
    assert main(["report", "corpus_report", "--out", str(tmp_path), "-p", "top=abc"]) == 2
    assert "top expects a whole number" in capsys.readouterr().err
    with pytest.raises(InputError, match=r"corpus_report has no parameter 'topp'; its parameters: corpus, "):
        check_parameters("corpus_report", {"topp": 3})
    assert check_parameters("corpus_report", {"title": 2024, "top": 5, "start": "2024-05-01"}) == {
        "title": "2024", "top": 5, "start": "2024-05-01"}


def test_parameter_dates_from_yaml_become_iso_strings():
    assert parse_parameter("start=2024-05-01") == ("start", "2024-05-01")
    assert parse_parameter("when=2024-05-01 10:30:00") == ("when", "2024-05-01T10:30:00")
    assert parse_parameter("days=[2024-05-01, 2024-05-02]") == ("days", ["2024-05-01", "2024-05-02"])
    # a date-like value that is no date stays text (the notebook then says what is wrong), not a traceback
    assert parse_parameter("start=2025-13-45") == ("start", "2025-13-45")
    assert parse_parameter("start=2025-05-01T25:00:00") == ("start", "2025-05-01T25:00:00")


# ------------------------------------------------------ issue 10: batches and interruptions (point 13)


def test_each_values_with_the_same_folder_name_get_distinct_folders():
    from analysis.reports import batch_runs

    runs = batch_runs("greet", {"x": 1}, {"greeting": ["a/b", "a-b", "a b", "A-B"]})
    names = [name for _, name in runs]
    assert names == ["greet-a-b", "greet-a-b-2", "greet-a-b-3", "greet-A-B-4"]
    assert [p["greeting"] for p, _ in runs] == ["a/b", "a-b", "a b", "A-B"]
    assert all(p["x"] == 1 for p, _ in runs)


@pytest.mark.e2e
@pytest.mark.slow
def test_ctrl_c_stops_a_batch_keeps_finished_reports_and_a_consistent_index(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    notebook = _fixture_notebook(tmp_path / "nap.ipynb", 'import time\ntime.sleep(0 if greeting == "quick" else 120)')
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis", "report", str(notebook), "--out", str(out), "--workers", "1",
         "--each", "greeting=quick,slow1,slow2,slow3"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    finished = out / "nap-quick" / "nap-quick.html"
    for _ in range(600):  # the first report, then the second one starts
        if finished.exists() or process.poll() is not None:
            break
        time.sleep(0.5)
    assert finished.exists(), process.communicate()[1] if process.poll() is not None else "no report yet"
    time.sleep(2)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C on a terminal: the whole foreground group
    _, err = process.communicate(timeout=90)  # a guard against a hang, not a speed test
    assert process.returncode == 130, err
    assert "interrupted: 1 report(s) finished and kept" in err and "Traceback" not in err
    index = (out / "index.html").read_text()
    assert index.count('<tr class="ok">') == 1 and 'href="nap-quick/nap-quick.html"' in index
    assert '<tr class="failed">' not in index
    assert not (out / "nap-slow2").exists() and not (out / "nap-slow3").exists(), "queued work was cancelled"


# --------------------------------------------------- issue 10: error notebooks and permissions (point 14)


def test_failed_report_names_its_own_error_notebook_not_a_stale_one(tmp_path, monkeypatch, capsys):
    import papermill

    notebook = _fixture_notebook(tmp_path / "flaky.ipynb", 'assert greeting == "hello", "bad greeting"')
    out = tmp_path / "out"
    with pytest.raises(Exception, match="bad greeting") as first:
        render_report(notebook, out_dir=out, parameters={"greeting": "boom"})
    stale = out / "flaky" / "flaky.failed.ipynb"
    assert first.value.failed_notebook == stale and stale.exists()

    def kernel_never_starts(*args, **kwargs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", kernel_never_starts)
    with pytest.raises(RuntimeError) as second:
        render_report(notebook, out_dir=out)
    assert second.value.failed_notebook is None and not stale.exists(), "the earlier run's notebook is gone"
    assert main(["report", str(notebook), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: Kernel died before replying" in err and "failed.ipynb" not in err


def test_write_atomic_follows_the_umask_not_0600(tmp_path):
    import os
    import stat

    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.html", "x")
        os.umask(0o027)
        write_atomic(tmp_path / "b.html", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.html").stat().st_mode) == 0o640


@pytest.mark.e2e
def test_rendered_report_and_index_are_0644_under_umask_022(tmp_path):
    import os
    import stat

    from analysis.reports import write_index

    notebook = _fixture_notebook(tmp_path / "perm.ipynb", "print(greeting)")
    previous = os.umask(0o022)
    try:
        result = render_report(notebook, out_dir=tmp_path / "out")
        index = write_index(tmp_path / "out")
    finally:
        os.umask(previous)
    for path in (result.html, result.executed, tmp_path / "out" / "perm" / "manifest.json", index):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


# ---------------------------------------------------- issue 10: no absolute paths in shared HTML (point 15)


def test_index_hides_the_folders_of_every_path_parameter_of_every_report(tmp_path, monkeypatch):
    """Each report's corpus and lexicon live in folders outside the working folder: the index shows
    them by name, never the machine's absolute folders (every parameter counts, not one per report)."""
    import json as _json

    from analysis.reports import write_index

    work = tmp_path / "work"
    (work / "out" / "brief").mkdir(parents=True)
    monkeypatch.chdir(work)
    corpus, actors = tmp_path / "data" / "news" / "own", tmp_path / "lexicons" / "mine" / "actors.yml"
    (work / "out" / "brief" / "manifest.json").write_text(_json.dumps(
        {"parameters": {"corpus": str(corpus), "actors": str(actors)}, "rendered_at": "2026-12-02", "html_bytes": 1}))
    index = write_index(work / "out").read_text()
    assert str(tmp_path) not in index
    assert "corpus = own" in index and "actors = actors.yml" in index


@pytest.mark.e2e
def test_shared_html_never_shows_absolute_paths_of_the_machine(tmp_path, monkeypatch):
    import json as _json

    from analysis.reports import write_index

    corpus = tmp_path / "elsewhere" / "my-corpus"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("x")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    notebook = _fixture_notebook(
        work / "paths.ipynb",
        f"import os\nprint('corpus at', greeting)\nprint('file', os.path.join(greeting, 'a.txt'))\n"
        f"print('here', os.path.join({str(work)!r}, 'data', 'x.csv'))\nprint('repo', {str(REPO)!r})")
    result = render_report(notebook, out_dir=work / "out", parameters={"greeting": str(corpus)})
    page = result.html.read_text()
    index = write_index(work / "out").read_text()
    for shown in (page, index):
        assert str(tmp_path) not in shown and str(REPO) not in shown
    assert "corpus at my-corpus" in page and "file my-corpus/a.txt" in page
    assert "here data/x.csv" in page
    manifest = _json.loads((work / "out" / "paths" / "manifest.json").read_text())
    assert manifest["parameters"]["greeting"] == str(corpus), "the manifest keeps the full path"


# ------------------------------------------------------------------ issue 13: Lab, docs, the public API


def test_make_lab_allows_root_only_as_root_and_prints_the_url(repo_dir):
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    venv = Path(sys.prefix)
    done = subprocess.run(["make", "-n", "-C", str(repo_dir), "lab", f"VENV={venv}"], capture_output=True,
                          text=True, timeout=60, check=True)
    assert "jupyter lab --notebook-dir=notebooks" in done.stdout
    assert ("--allow-root" in done.stdout) == (os.getuid() == 0)
    assert "http://127.0.0.1:8888/lab" in done.stdout


def test_make_report_passes_a_corpus_and_out_folder_with_spaces_as_one_argument_each(repo_dir):
    import shlex
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "-C", str(repo_dir), "report", f"VENV={Path(sys.prefix)}",
                           "CORPUS=/data/My Harlow Articles", "OUT=/tmp/my reports"],
                          capture_output=True, text=True, timeout=60, check=True)
    commands = [shlex.split(line) for line in done.stdout.splitlines() if " -m analysis report " in line]
    assert [c[c.index("report") + 1:] for c in commands] == [
        [name, "--corpus", "/data/My Harlow Articles", "--out", "/tmp/my reports"]
        for name in ("article_brief", "corpus_report")]


def test_jupyterlab_is_a_core_dependency_of_both_install_routes(repo_dir):
    import tomllib

    import yaml

    project = tomllib.loads((repo_dir / "pyproject.toml").read_text())["project"]
    assert any(d.startswith("jupyterlab") for d in project["dependencies"])
    conda = yaml.safe_load((repo_dir / "environment.yml").read_text())["dependencies"]
    assert any(isinstance(d, str) and d.startswith("jupyterlab") for d in conda)


def test_tab_completion_lists_the_public_api_only():
    import analysis as wb

    names = dir(wb)
    assert names == sorted(wb.__all__)
    assert "annotations" not in names and "pipeline" not in names and "reports" not in names
    assert {"setup_notebook", "findings", "show_table"} <= set(names)
    assert "charts" not in names and "compare_groups" in wb.tables.__all__, "no submodules; report helpers in wb.tables"
    assert wb.charts.voice_bars and wb.tables.compare_groups  # submodules still work as attributes


def test_design_the_code_cites_lives_in_the_repository(repo_dir):
    design = (repo_dir / "docs" / "design.md").read_text()
    assert "## Lexicon formats" in design and "Matching rules" in design and "## The documents table" in design
    cited = []
    for path in [*repo_dir.glob("analysis/**/*.py"), *repo_dir.glob("analysis/**/*.yml"),
                 *repo_dir.glob("analysis/**/*.md"), repo_dir / "README.md", *repo_dir.glob("notebooks/*.ipynb")]:
        text = path.read_text()
        if re.search(r"(?<![\w/])DESIGN\.md|shared/DESIGN|shared/STYLE", text):
            cited.append(str(path.relative_to(repo_dir)))
    assert cited == [], "cite docs/design.md, not a file outside the repository"


def test_a_text_parameter_with_a_colon_stays_text(monkeypatch):
    import analysis.cli as cli

    seen = {}

    def fake_render(notebook, *, out_dir, parameters, name, shared_js):
        seen.update(parameters)
        raise InputError("stop here")

    monkeypatch.setattr("analysis.reports.render_report", fake_render)
    assert cli.main(["report", "corpus_report", "--out", "x", "-p", "title=Race: the results", "-p", "top=5"]) == 2
    assert seen == {"title": "Race: the results", "top": 5}


# ------------------------------------------------------------------ the pieces of a render and of a batch


def test_path_roots_and_relative_paths_hide_this_machines_folders():
    from analysis.reports import path_roots, relative_paths

    roots = path_roots({"corpus": "/data/news/own", "top": 3}, cwd="/work/proj")
    assert ("/work/proj", "") in roots and ("/data/news", "") in roots
    assert [len(k) for k, _ in roots] == sorted((len(k) for k, _ in roots), reverse=True), "longest first"
    shown = relative_paths("read /data/news/own/a.txt and /work/proj/out and /work/projx",
                           [("/work/proj", ""), ("/data/news", "")])
    assert shown == "read own/a.txt and out and /work/projx", "a longer folder name is not under the root"
    assert relative_paths("in /home/me/x", [("/home/me", "~")]) == "in ~/x"


def test_write_shared_js_writes_plotly_once(tmp_path):
    import plotly

    from analysis.reports import write_shared_js

    path = write_shared_js(tmp_path)
    assert path == tmp_path / f"plotly-{plotly.__version__}.min.js" and path.stat().st_size > 1_000_000
    before = path.stat().st_mtime_ns
    assert write_shared_js(tmp_path) == path and path.stat().st_mtime_ns == before


def test_check_parameter_name_refuses_what_would_run_as_code():
    from analysis.reports import check_parameter_name

    assert check_parameter_name("top") == "top"
    with pytest.raises(InputError, match=r"^-p 'import': parameter names are Python identifiers"):
        check_parameter_name("import")
    with pytest.raises(InputError, match=r"^-p '1x=3': parameter names"):
        check_parameter_name("1x", given="1x=3")


def test_batch_name_and_describe_failure():
    from analysis.reports import batch_name, describe_failure

    assert batch_name("report", {"outlet": "The Times/UK", "top": 20}) == "report-The-Times-UK-20"

    class NotebookError(Exception):
        ename, evalue = "ValueError", "bad\n  value"

    assert describe_failure(NotebookError()) == "ValueError: bad value"
    assert describe_failure(KeyError("k")) == "KeyError: 'k'"


def test_batch_results_and_an_interrupted_batch(tmp_path):
    from analysis.reports import BatchInterrupted, BatchResult, ReportFailure, ReportResult

    done = ReportResult(name="a", notebook="report", html=tmp_path / "a.html", executed=tmp_path / "a.ipynb")
    failed = ReportFailure(name="b", parameters={"top": 1}, error="ValueError: x", notebook=None)
    result = BatchResult(reports=[done], failures=[failed], index=tmp_path / "index.html")
    stop = BatchInterrupted(result)
    assert isinstance(stop, KeyboardInterrupt) and stop.result is result
    assert str(stop) == f"interrupted: 1 report(s) finished and kept; index: {tmp_path / 'index.html'}"
    assert done.parameters == {} and done.html_bytes == 0


@pytest.mark.e2e
def test_executed_notebook_is_saved_when_the_run_ends_not_per_cell_and_kept_when_the_kernel_dies(tmp_path, monkeypatch):
    """papermill's own engine rewrote the whole notebook before and after every cell; render_report's
    engine saves it at the start and the end (also when the kernel dies mid-run, so the error notebook
    still shows how far it got)."""
    import papermill.engines

    saves = []
    write = papermill.engines.write_ipynb
    monkeypatch.setattr(papermill.engines, "write_ipynb", lambda nb, path: (saves.append(path), write(nb, path)))
    notebook = _fixture_notebook(tmp_path / "dies.ipynb", "import os\nos._exit(1)")
    with pytest.raises(Exception, match="(?i)kernel died") as died:
        render_report(notebook, out_dir=tmp_path / "out")
    assert len(saves) == 2, "one save when the run starts, one when it ends"
    assert died.value.failed_notebook == tmp_path / "out" / "dies" / "dies.failed.ipynb"
    cells = nbformat.read(died.value.failed_notebook, as_version=4).cells
    # the parameters cell ran; the next one died (numbered or not, as the kernel got to announce it)
    assert cells[0].execution_count == 1 and cells[1].execution_count in (2, None)
    assert "os._exit" in cells[1].source


# ------------------------------------------------------ issue 10 point 9 / issue 15: parameter values


def test_count_parameters_below_their_least_value_name_the_parameter_and_what_it_expects(tmp_path, capsys):
    from analysis.reports import check_parameters

    for given in (-3, 0):
        with pytest.raises(InputError) as caught:
            check_parameters("corpus_report", {"top": given})
        assert str(caught.value) == (f"-p top={given}: top expects a whole number of at least 1, e.g. 20 "
                                     f"(default: 12); got {given}")
    with pytest.raises(InputError, match=r"^-p min_mentions=-1: min_mentions expects a whole number of at least 0"):
        check_parameters("corpus_report", {"min_mentions": -1})
    assert check_parameters("corpus_report", {"top": 1, "min_mentions": 0}) == {"top": 1, "min_mentions": 0}
    assert main(["report", "corpus_report", "--out", str(tmp_path), "-p", "top=-3"]) == 2
    assert "top expects a whole number of at least 1" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_period_parameter_takes_day_week_or_month_and_says_so_otherwise():
    from analysis.reports import check_parameters

    assert check_parameters("corpus_report", {"period": "week"}) == {"period": "week"}
    assert check_parameters("corpus_report", {"period": ""}) == {"period": ""}, "-p period= lets the dates decide"
    with pytest.raises(InputError) as caught:
        check_parameters("corpus_report", {"period": "quarter"})
    assert str(caught.value) == "-p period='quarter': period expects \"day\", \"week\" or \"month\"; got 'quarter'"


def test_errors_parameter_of_every_report_takes_raise_or_skip():
    from analysis.reports import check_parameters, notebook_parameters

    for notebook in ("corpus_report", "article_brief", "actor_profile", "explore"):
        assert notebook_parameters(notebook)["errors"] == "raise", notebook
        assert check_parameters(notebook, {"errors": "skip"}) == {"errors": "skip"}
    with pytest.raises(InputError) as caught:
        check_parameters("corpus_report", {"errors": "ignore"})
    assert str(caught.value) == ("-p errors='ignore': errors expects \"raise\" (stop at bad input) or \"skip\" (leave "
                                 "it out, listed in the load report) (default: 'raise'); got 'ignore'")


def test_report_analysis_skips_bad_rows_with_errors_skip(tmp_path):
    from analysis.tables import report_analysis

    corpus = tmp_path / "a.csv"
    corpus.write_text("title,text\nMayor quits,The mayor quit on Monday.\nEmpty,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2: empty text .* or pass errors='skip' to skip such rows"):
        report_analysis(corpus)
    with pytest.warns(UserWarning, match="skipped 1 bad item"):
        result = report_analysis(corpus, errors="skip")
    assert result.documents["title"].tolist() == ["Mayor quits"]


def test_a_report_counts_an_outlet_written_two_ways_once_and_the_load_report_says_so(tmp_path):
    # rux18 M6: "thehuffingtonpost" and "The Huffington Post" were two panels of the outlet comparison
    import analysis as wb
    from analysis.tables import report_analysis

    corpus = tmp_path / "a.csv"
    corpus.write_text("title,text,outlet\nMayor quits,The mayor quit on Monday.,thehuffingtonpost\n"
                      "Council meets,The council met on Tuesday.,The Huffington Post\n"
                      "Vote held,Voters went to the polls.,Wire\n", encoding="utf-8")
    result = report_analysis(corpus)
    assert result.documents["outlet"].tolist() == ["The Huffington Post", "The Huffington Post", "Wire"]
    assert wb.corpus_summary(result.documents).set_index("field").loc["outlets", "value"] == "2"
    report = wb.loader_report(result.documents)
    assert report[["source", "problem", "action"]].values.tolist() == [[
        "outlet", "outlet written 'thehuffingtonpost' in 1 article(s) and 'The Huffington Post' in others",
        "counted as 'The Huffington Post' (case, spaces, punctuation, a leading 'the' and a web domain ignored)"]]
    only = report_analysis(corpus, outlets="The Huffington Post")
    assert only.documents["title"].tolist() == ["Mayor quits", "Council meets"]


def test_start_after_end_names_both_dates(tmp_path, capsys):
    from analysis.reports import check_parameters

    with pytest.raises(InputError) as caught:
        check_parameters("corpus_report", {"start": "2025-06-01", "end": "2025-05-01"})
    assert str(caught.value) == ("-p start=2025-06-01 is after -p end=2025-05-01: start is the first day to "
                                 "include and end the last; swap them or drop one")
    with pytest.raises(InputError, match=r"^-p start='2025-13-45': start expects a date written YYYY-MM-DD \(ISO 8601\)"):
        check_parameters("corpus_report", {"start": "2025-13-45"})
    # a day-first or month-first date gets its ISO readings: which one is meant only the user knows
    with pytest.raises(InputError) as caught:
        check_parameters("corpus_report", {"start": "01/09/2026"})
    assert str(caught.value).endswith("got '01/09/2026' (01/09/2026 is 2026-09-01 read day first and 2026-01-09 read "
                                      "month first: write the one you mean)")
    with pytest.raises(InputError, match=r"got '25\.12\.2026' \(write it 2026-12-25\)$"):
        check_parameters("corpus_report", {"end": "25.12.2026"})
    assert check_parameters("corpus_report", {"start": "2025-05-01", "end": "2025-05-01"}) == {
        "start": "2025-05-01", "end": "2025-05-01"}
    assert check_parameters("corpus_report", {"start": "", "end": "2025-05-01"}) == {
        "start": "", "end": "2025-05-01"}, "-p start= is no limit, as filter_documents reads it"
    assert main(["report", "corpus_report", "--out", str(tmp_path), "-p", "start=2025-06-01",
                 "-p", "end=2025-05-01"]) == 2
    assert "-p start=2025-06-01 is after -p end=2025-05-01" in capsys.readouterr().err


def test_check_parameter_value_and_check_date_limits_on_their_own():
    from analysis.reports import check_date_limits, check_parameter_value

    assert check_parameter_value("top", 3) == 3 and check_parameter_value("top", None) is None
    assert check_parameter_value("title", -3) == -3, "a parameter without a rule takes any value of its type"
    with pytest.raises(InputError, match=r"^-p top=0: top expects a whole number of at least 1, e\.g\. 20; got 0$"):
        check_parameter_value("top", 0)
    assert check_date_limits(start="2025-05-01", end="2025-05-01T10:00:00") is None, "the same day is fine"
    with pytest.raises(InputError, match=r"^-p start=2025-05-02 is after -p end=2025-05-01T23:00:00:"):
        check_date_limits(start="2025-05-02", end="2025-05-01T23:00:00")


def test_notebook_warnings_lists_the_warning_lines_a_notebook_printed_once_each():
    import nbformat

    from analysis.reports import notebook_warnings

    stderr = nbformat.v4.new_output("stream", name="stderr", text="warning: 2 dates not understood\nother noise\n")
    again = nbformat.v4.new_output("stream", name="stderr", text="warning: 2 dates not understood\nwarning: no text\n")
    stdout = nbformat.v4.new_output("stream", name="stdout", text="warning: printed, not warned\n")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", outputs=[stderr, stdout]),
                                               nbformat.v4.new_code_cell("", outputs=[again])])
    assert notebook_warnings(nbformat.writes(notebook)) == ("warning: 2 dates not understood", "warning: no text")


def test_the_index_says_why_a_report_failed_and_with_which_parameters(tmp_path):
    # red team: a failed report's row said "failed" with no parameters, time or reason
    from analysis.reports import write_index

    folder = tmp_path / "out" / "brief-a3"
    folder.mkdir(parents=True)
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("wb.select_document(docs, doc_id=doc_id)")
    cell.outputs = [nbformat.v4.new_output("error", ename="InputError",
                                           evalue="doc_id 'a3' is not in the corpus <b>; its ids are: a1, a2",
                                           traceback=["..."])]
    notebook.cells = [cell]
    notebook.metadata["papermill"] = {"parameters": {"doc_id": "a3", "top": 5}}
    nbformat.write(notebook, folder / "brief-a3.failed.ipynb")
    index = write_index(tmp_path / "out").read_text()
    row = re.search(r'<tr class="failed">(.*?)</tr>', index, re.S).group(1)
    assert "<td>failed: InputError: doc_id &#x27;a3&#x27; is not in the corpus &lt;b&gt;; its ids are: a1, a2</td>" in row
    assert "doc_id = a3<br>top = 5" in row
    assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d UTC</td>", row), "when it failed"
    assert 'href="brief-a3/brief-a3.failed.ipynb"' in row


@pytest.mark.e2e
@pytest.mark.slow
def test_a_report_replacing_one_of_other_parameters_says_so(tmp_path, capsys):
    # a user rendered two article briefs into one --out: the second silently replaced the first
    notebook = _fixture_notebook(tmp_path / "greet.ipynb", "print(greeting)")
    out = str(tmp_path / "out")
    assert main(["report", str(notebook), "--out", out, "-p", "greeting=hi"]) == 0
    assert "note:" not in capsys.readouterr().err, "nothing was there before"
    assert main(["report", str(notebook), "--out", out, "-p", "greeting=hi"]) == 0
    assert "note:" not in capsys.readouterr().err, "the same report again"
    assert main(["report", str(notebook), "--out", out, "-p", "greeting=yo"]) == 0
    assert ("note: this replaced the report rendered there before with greeting=hi; pass --name NAME (or "
            "--each KEY=V1,V2) to keep reports of different parameters side by side") in capsys.readouterr().err


def _papermill_failing_first(monkeypatch, error, *, cell_ran: bool):
    """papermill.execute_notebook that raises ``error`` on its first call (having written the executed
    notebook with its first code cell run, when ``cell_ran``), then runs for real; returns the calls."""
    import papermill

    real, calls = papermill.execute_notebook, []

    def execute(source, executed, **kwargs):
        calls.append(executed)
        if len(calls) > 1:
            return real(source, executed, **kwargs)
        if cell_ran:
            notebook = nbformat.read(source, as_version=4)
            notebook.cells[0].execution_count = 1
            nbformat.write(notebook, executed)
        raise error

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    return calls


@pytest.mark.e2e
def test_a_cell_whose_output_comes_late_on_a_busy_machine_does_not_fail_the_report(tmp_path, monkeypatch):
    # red team rt14: at load 10 on 2 cores a corpus report failed with "CellTimeoutError ... after 4 seconds ...
    # Timeout waiting for IOPub output" (papermill raises after nbclient's 4 s) and rendered on the next try
    import nbclient
    import papermill

    from analysis.reports import IOPUB_TIMEOUT_S

    seen = []
    real_init = nbclient.NotebookClient.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        seen.append((self.iopub_timeout, self.raise_on_iopub_timeout))

    monkeypatch.setattr(nbclient.NotebookClient, "__init__", init)
    notebook = _fixture_notebook(tmp_path / "hello.ipynb", "print(greeting.upper())")
    result = render_report(notebook, out_dir=tmp_path / "out")
    assert "HELLO" in result.html.read_text() and papermill is not None
    assert seen[0] == (IOPUB_TIMEOUT_S, True) and IOPUB_TIMEOUT_S >= 60, "papermill's client, the one that runs the cells"


@pytest.mark.e2e
def test_a_kernel_that_never_answered_is_started_once_more(tmp_path, monkeypatch):
    calls = _papermill_failing_first(monkeypatch, RuntimeError("Kernel didn't respond in 60 seconds"),
                                     cell_ran=False)
    notebook = _fixture_notebook(tmp_path / "hello.ipynb", "print(greeting.upper())")
    result = render_report(notebook, out_dir=tmp_path / "out")
    assert len(calls) == 2
    assert "HELLO" in result.html.read_text()
    assert not (tmp_path / "out" / "hello" / "hello.failed.ipynb").exists()
    assert result.kernel_restarted and result.warnings == ()
    manifest = json.loads((tmp_path / "out" / "hello" / "manifest.json").read_text())
    assert manifest["kernel_restarted"] is True, "the manifest records it"


@pytest.mark.e2e
def test_cli_says_when_a_report_was_run_again_in_a_new_kernel(tmp_path, monkeypatch, capsys):
    _papermill_failing_first(monkeypatch, RuntimeError("Kernel died before replying to kernel_info"), cell_ran=False)
    notebook = _fixture_notebook(tmp_path / "hello.ipynb", "print(greeting)")
    assert main(["report", str(notebook), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert KERNEL_RESTARTED_WARNING in err and "(shown in the report)" not in err


@pytest.mark.parametrize("error, cell_ran", [
    (__import__("nbclient.exceptions", fromlist=["DeadKernelError"]).DeadKernelError("Kernel died"), True),
    (RuntimeError("division by zero in a helper"), False),
], ids=["kernel-died-after-a-cell-ran", "another-error"])
def test_a_report_is_not_run_again_after_a_cell_ran_or_for_another_error(tmp_path, monkeypatch, error, cell_ran):
    calls = _papermill_failing_first(monkeypatch, error, cell_ran=cell_ran)
    notebook = _fixture_notebook(tmp_path / "hello.ipynb", "print(greeting)")
    with pytest.raises(type(error)):
        render_report(notebook, out_dir=tmp_path / "out")
    assert len(calls) == 1
    failed = tmp_path / "out" / "hello" / "hello.failed.ipynb"
    assert failed.exists() == cell_ran, "the error notebook is kept when there is one"


def test_the_index_shows_when_each_report_was_rendered_in_readable_utc(tmp_path):
    # red team: the index showed the manifest's raw ISO stamp, "2026-12-04T15:35:08.015924+00:00"
    import json as _json

    from analysis.reports import write_index

    stamps = {"a": "2026-12-04T15:40:08.015924+00:00", "b": "2026-12-04T16:40:59+01:00", "c": "2026-12-04T09:05:00",
              "d": "not a time"}
    for name, stamp in stamps.items():
        (tmp_path / "out" / name).mkdir(parents=True)
        (tmp_path / "out" / name / "manifest.json").write_text(_json.dumps(
            {"parameters": {}, "rendered_at": stamp, "html_bytes": 1}))
    index = write_index(tmp_path / "out").read_text()
    cells = re.findall(r"<td>([^<]*UTC|not a time)</td>", index)
    assert cells == ["2026-12-04 15:40 UTC", "2026-12-04 15:40 UTC", "2026-12-04 09:05 UTC", "not a time"]
    assert "T15:40" not in index and "+00:00" not in index
