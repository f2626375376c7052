"""The real notebooks: thin, parameterized, output-free in git; executed by papermill, exported by
nbconvert and opened in headless Chromium with no network, where every chart must draw and hostile
article text must stay text."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest

from analysis.display import PLOTLY_MIMETYPE
from analysis.reports import render_report
from browser import chart_placeholders, drawn_charts, rendered_dom

NOTEBOOKS = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def _code_cells(name, repo_dir):
    notebook = nbformat.read(repo_dir / "notebooks" / f"{name}.ipynb", as_version=4)
    return [c for c in notebook.cells if c.cell_type == "code"]


def test_the_four_report_notebooks_exist():
    assert {"article_brief", "corpus_report", "actor_profile", "explore"} <= set(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_thin_parameterized_and_committed_without_outputs(name, repo_dir):
    cells = _code_cells(name, repo_dir)
    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    assert "title" in tagged[0].source, "every report has a title parameter"
    for cell in cells:
        assert not cell.get("outputs") and cell.get("execution_count") is None, "no stored outputs"
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)), "logic belongs in analysis/"
            assert not isinstance(node, (ast.For, ast.While, ast.If, ast.With, ast.Try)), "no control flow"
    assert "wb.setup_notebook()" in cells[0].source, "charts must survive export"


def _plotly_outputs(executed: Path) -> int:
    notebook = json.loads(executed.read_text())
    return sum(PLOTLY_MIMETYPE in output.get("data", {})
               for cell in notebook["cells"] for output in cell.get("outputs", []))


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """Three dated articles from two outlets, as a CSV."""
    import pandas as pd

    folder = tmp_path_factory.mktemp("corpus")
    pd.DataFrame({
        "id": ["a1", "a2", "a3"],
        "title": ["Netanyahu rejects Biden warning", "Hamas and Israel resume talks in Cairo",
                  "Biden says the U.S. will not send weapons"],
        "text": ["Netanyahu said Israel will stand alone. Biden warned of a crisis in Rafah.",
                 "Negotiators from Hamas and Israel met in Egypt. \"We want a ceasefire,\" a Hamas official said.",
                 "Biden said the U.S. opposes the offensive. Netanyahu's ministers criticized Biden."],
        "date": ["2024-05-08", "2024-05-09", "2024-05-09"],
        "media_name": ["Wire", "Daily", "Wire"],
    }).to_csv(folder / "stories.csv", index=False)
    return folder / "stories.csv"


@pytest.fixture(scope="module")
def reports_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture
def rendered(request, reports_dir, repo_dir, small_corpus):
    """Render a notebook once per test module on small inputs: the seed, a three-article CSV for the
    corpus report, the validation data for the validation report (skipped, saying why, without it)."""

    def render(name: str) -> Path:
        target = reports_dir / name / f"{name}.html"
        if target.exists():
            return target
        if name == "validation":
            parameters = {"datasets": str(request.getfixturevalue("datasets_dir"))}
        elif name == "corpus_report":
            parameters = {"corpus": str(small_corpus)}
        else:
            parameters = {"corpus": str(repo_dir / "seeds")}
        return render_report(name, out_dir=reports_dir, parameters=parameters).html

    return render


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_chart_draws_offline_and_no_code_shows(name, rendered):
    html_path = rendered(name)
    figures = _plotly_outputs(html_path.with_suffix(".ipynb"))
    dom = rendered_dom(html_path)
    assert figures >= 2
    assert chart_placeholders(dom) == figures
    assert drawn_charts(dom) == figures, "every figure is drawn in the browser"
    assert "wb.setup_notebook" not in dom and "import analysis" not in dom, "no code is visible"
    assert html_path.read_text().count("plotly.js v") == 1, "plotly.js is embedded once"


@pytest.mark.e2e
@pytest.mark.slow
def test_seed_brief_has_at_least_eight_charts_and_stays_small(rendered):
    html_path = rendered("article_brief")
    assert _plotly_outputs(html_path.with_suffix(".ipynb")) >= 8
    assert html_path.stat().st_size < 8_000_000
    page = html_path.read_text()
    assert "<td>Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive</td>" in page
    assert "Methods and limits" in page
    assert "How valid are these measures?" in page and "macro-F1 0.63" in page, "the methods card quotes the validation"


HOSTILE = {
    "script": "<script>document.body.setAttribute('data-pwned','script')</script>",
    "img": "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "svg": "<svg onload=\"document.body.setAttribute('data-pwned','svg')\">",
}


@pytest.mark.e2e
@pytest.mark.slow
def test_hostile_article_renders_as_text_everywhere_and_nothing_runs(tmp_path, repo_dir):
    article = tmp_path / "hostile"
    article.mkdir()
    (article / "story.txt").write_text(
        f"Netanyahu {HOSTILE['script']} meets Biden\n\n"
        f"Netanyahu said Israel {HOSTILE['img']} will stand alone in Rafah.\n\n"
        f"Biden warned of a crisis {HOSTILE['svg']} as Hamas talks falter. "
        f"\"We will win {HOSTILE['img']},\" Netanyahu said.\n"
    )
    html_path = render_report("article_brief", out_dir=tmp_path / "out", parameters={"corpus": str(article)}).html
    dom = rendered_dom(html_path)
    assert not re.search(r"<body[^>]*data-pwned", dom), "no hostile markup ran"
    assert "<img src=\"x\"" not in dom and "<svg onload" not in dom
    # The markup is shown as text: in the tables and in the drawn chart labels (KWIC table).
    assert dom.count("&lt;script&gt;document.body.setAttribute") >= 2
    assert dom.count("&lt;img src=x onerror=") >= 2
    assert "&lt;svg onload=" in dom
    figures = _plotly_outputs(html_path.with_suffix(".ipynb"))
    assert drawn_charts(dom) == figures
