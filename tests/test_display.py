"""Charts in exported reports draw in a real browser with no network."""

from __future__ import annotations

import nbformat
import pytest

from analysis.display import PLOTLY_MIMETYPE, OfflineRenderer
from analysis.reports import render_report
from browser import chart_placeholders, drawn_charts, rendered_dom

FIGURES = [
    "go.Figure(go.Bar(x=['a', 'b'], y=[1, 2]))",
    "go.Figure(go.Scatter(x=[1, 2], y=[3, 4], mode='lines+markers'))",
    "go.Figure(go.Heatmap(z=[[1, 2], [3, 4]]))",
]


def _chart_notebook(path, *, setup: bool):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    parameters = nbformat.v4.new_code_cell("n = 1")
    parameters.metadata["tags"] = ["parameters"]
    imports = "import plotly.graph_objects as go\nimport analysis as wb" + ("\nwb.setup_notebook()" if setup else "")
    notebook.cells = [parameters, nbformat.v4.new_code_cell(imports)]
    notebook.cells += [nbformat.v4.new_code_cell(figure) for figure in FIGURES]
    nbformat.write(notebook, path)
    return path


def test_renderer_gives_html_without_plotlyjs_and_the_json_view():
    bundle = OfflineRenderer().to_mimebundle({"data": [{"type": "bar", "y": [1]}], "layout": {}})
    assert set(bundle) == {"text/html", PLOTLY_MIMETYPE}
    assert "Plotly.newPlot" in bundle["text/html"]
    assert "cdn.plot.ly" not in bundle["text/html"] and len(bundle["text/html"]) < 10_000


@pytest.mark.e2e
@pytest.mark.slow
def test_charts_draw_offline_in_chromium_and_plotlyjs_is_embedded_once(tmp_path):
    report = render_report(_chart_notebook(tmp_path / "charts.ipynb", setup=True), out_dir=tmp_path / "out")
    html = report.html.read_text()
    assert html.count("Plotly=") + html.count("window.Plotly") >= 1
    assert html.count("plotly.js v") == 1, "plotly.js is embedded exactly once"
    dom = rendered_dom(report.html)
    assert chart_placeholders(dom) == len(FIGURES)
    assert drawn_charts(dom) == len(FIGURES)


@pytest.mark.e2e
@pytest.mark.slow
def test_without_setup_plotly_default_leaves_the_exported_page_blank(tmp_path):
    """Why setup_notebook exists (and proof that the chart count can fail)."""
    with pytest.warns(UserWarning, match="not able to be represented"):
        report = render_report(_chart_notebook(tmp_path / "blank.ipynb", setup=False), out_dir=tmp_path / "out")
    assert drawn_charts(rendered_dom(report.html)) == 0


def test_setup_notebook_registers_the_html_of_tables_and_analyses_in_ipython(seed_path):
    """The Analysis formatter is registered by name (display.py does not import pipeline, which imports
    display); an Analysis still shows as analysis_html in IPython."""
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell

    import analysis as wb
    from analysis.display import analysis_html, frame_html

    import plotly.io as pio

    shell = InteractiveShell.instance()
    renderer, colwidth = pio.renderers.default, pd.get_option("display.max_colwidth")
    try:
        wb.setup_notebook()
        formatter = shell.display_formatter.formatters["text/html"]
        result = wb.analyze(wb.load_corpus(seed_path))
        assert formatter.lookup(result) is analysis_html  # registered, not only Analysis._repr_html_
        assert formatter(result) == analysis_html(result)
        table = pd.DataFrame({"a": [1]})
        assert formatter(table) == frame_html(table)
    finally:
        InteractiveShell.clear_instance()
        pio.renderers.default = renderer
        pd.set_option("display.max_colwidth", colwidth)


def test_frame_html_writes_numbers_and_times_as_a_reader_wants_them():
    # session-14 look at the explore page: entities_by's share showed 0.18181818181818182 and every
    # publication date "2026-04-02 00:00:00+00:00"
    import re

    import pandas as pd

    from analysis.display import frame_html

    table = pd.DataFrame({
        "share": [0.18181818181818182, 0.5, 3.0],
        "big": [12345.678, float("nan"), -2.0],
        "published": pd.to_datetime(["2026-04-02 00:00:00", "2026-04-02 14:30:59", None], utc=True),
        "tags": [["a", "b"], [], None], "linked": [True, False, True]})
    page = frame_html(table)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page)
    assert cells == ["2026-04-02", "0.1818", "12345.7", "a, b", "yes",  # published is a key column: first
                     "2026-04-02 14:30 UTC", "0.5", "", "", "no",
                     "", "3", "-2", "", "yes"]
