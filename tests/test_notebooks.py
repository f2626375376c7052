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
from rendering import on_report

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


def test_reports_set_thin_tone_apart_at_the_one_package_threshold(repo_dir):
    # the article brief passed min_n=2, the corpus report min_mentions = 3: two thresholds for one rule
    for name in ("article_brief", "corpus_report"):
        cells = _code_cells(name, repo_dir)
        calls = [node for c in cells for node in ast.walk(ast.parse(c.source)) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Attribute) and node.func.attr == "actor_tone_bars"]
        assert len(calls) == 1, name
        given = {k.arg: k.value for k in calls[0].keywords}
        assert "min_n" not in given or (isinstance(given["min_n"], ast.Name) and given["min_n"].id == "min_mentions"), name
    parameters = [c for c in _code_cells("corpus_report", repo_dir) if "parameters" in c.metadata.get("tags", [])][0]
    assert "min_mentions = None" in parameters.source, "None: wb.charts.TONE_MIN_SENTENCES"


def test_reports_share_their_methods_text_through_the_package(repo_dir):
    """No prose is copied between notebooks: the methods section is one call into the package."""
    seen: dict[str, str] = {}
    for name in NOTEBOOKS:
        notebook = nbformat.read(repo_dir / "notebooks" / f"{name}.ipynb", as_version=4)
        sources = [c.source for c in notebook.cells]
        for cell in notebook.cells:
            if cell.cell_type == "markdown" and len(cell.source) > 300:
                assert cell.source not in seen, f"{name} copies a markdown cell of {seen.get(cell.source)}"
                seen[cell.source] = name
        if "## Methods and limits" in sources:
            at = sources.index("## Methods and limits")
            assert sources[at + 1].startswith("wb.methods_text(") and sources[at + 2].startswith("wb.validation.methods_card("), name


def _plotly_outputs(executed: Path) -> int:
    notebook = json.loads(executed.read_text())
    return sum(PLOTLY_MIMETYPE in output.get("data", {})
               for cell in notebook["cells"] for output in cell.get("outputs", []))


#: The input each notebook is rendered on in the tests that draw every notebook: the seed, a three-article
#: CSV for the corpus report and the guided tour (which must work on more than one article: its tone arc
#: once refused a corpus), the validation data for the validation report.
INPUT_OF = {"corpus_report": "small", "explore": "small", "validation": "datasets"}


@pytest.fixture
def rendered(request, report_cache, repo_dir, small_corpus):
    """Render a notebook once per session on small inputs (:data:`INPUT_OF`, else the seed); the
    validation report is skipped, saying why, without the validation data."""

    def render(name: str) -> Path:
        label = INPUT_OF.get(name, "seed")
        if label == "datasets":
            parameters = {"datasets": str(request.getfixturevalue("datasets_dir"))}
        elif label == "small":
            parameters = {"corpus": str(small_corpus)}
        else:
            parameters = {"corpus": str(repo_dir / "seeds")}
        return report_cache.get(name, label, parameters).html

    return render


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("name", [pytest.param(n, marks=on_report(n, INPUT_OF.get(n, "seed"))) for n in NOTEBOOKS])
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
@on_report("article_brief", "seed")
def test_seed_brief_has_at_least_eight_charts_and_stays_small(rendered):
    html_path = rendered("article_brief")
    assert _plotly_outputs(html_path.with_suffix(".ipynb")) >= 8
    assert html_path.stat().st_size < 8_000_000
    page = html_path.read_text()
    assert ">Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive</td>" in page
    assert ">doc_id</td>" not in page, "the article card leaves out the id (a hash that tells a reader nothing)"
    assert "Methods and limits" in page
    from analysis.validation.figures import load_validation_figures

    target = load_validation_figures()["measures"]["actor_tone"]["methods"]["target"]["macro_f1"]
    assert "How valid are these measures?" in page and f"macro-F1 {target:.2f}" in page, \
        "the methods card quotes the shipped validation figure of the default actor-tone method"


@pytest.mark.e2e
@pytest.mark.slow
@on_report("explore", "small")
def test_explore_shows_the_corpus_own_most_mentioned_name_in_context(rendered):
    # the keyword in context defaulted to the sample's "ceasefire", meaningless for any other news;
    # now it is how the corpus writes its most mentioned entity (Biden: 4 mentions, Netanyahu 3)
    page = rendered("explore").read_text()
    assert "Keyword in context: Biden" in page and "ceasefire</b>" not in page


@pytest.mark.e2e
@pytest.mark.slow
@on_report("explore", "small")
def test_explore_labels_the_frame_chart_by_headline_not_document_id(rendered):
    frame_chart = [f for f in _figures(rendered("explore").with_suffix(".ipynb"))
                   if (f["layout"].get("title") or {}).get("text") == "Frame profile"]
    assert len(frame_chart) == 1
    assert frame_chart[0]["layout"]["xaxis"]["ticktext"] == [  # in lines of 30 characters under three bars
        "Netanyahu rejects Biden<br>warning", "Hamas and Israel resume talks<br>in Cairo",
        "Biden says the U.S. will not<br>send weapons"]
    assert frame_chart[0]["layout"]["xaxis"]["tickangle"] == 0


@pytest.mark.e2e
@pytest.mark.slow
@on_report("actor_profile", "seed")
def test_seed_actor_profile_reads_as_a_finished_report_titled_with_the_actor(rendered, repo_dir):
    html_path = rendered("actor_profile")
    page = html_path.read_text()
    # no actor_id: the seed's most mentioned actor (Israel), and the title says it was chosen so
    assert "<title>Israel, the most mentioned actor</title>" in page and "<h1>Israel, the most mentioned actor</h1>" in page
    # the header's parameters say which actor and period were chosen (they said "actor_id null")
    assert "<tr><th>actor_id</th><td><code>israel (not given: chosen by the report)</code></td></tr>" in page
    # the seed has no date: no period was chosen, none applies (it read "day (not given: chosen by the report)")
    assert "<tr><th>period</th><td><code>n/a (no dates in this corpus)</code></td></tr>" in page
    assert '<h2 class="wb-title">Israel, the most mentioned actor</h2>' not in page, \
        "the card does not repeat the page's title"
    assert "corpus sha256" in page, "the provenance is recorded (it was lost when not a cell's last value)"
    shown = re.sub(r"<script.*?</script>|<style.*?</style>|data:[^\"]*", "", page, flags=re.S)  # what a reader reads
    assert not re.search(r"\d+ rows, \d+ columns|rows x \d+ columns", shown), "no pandas footers"
    assert not re.search(r"-?\d\.\d{5,}", shown), "no number shown with more than 4 decimals"
    import analysis as wb

    seed_ids = wb.load_corpus(repo_dir / "seeds")["doc_id"]
    # articles are named by their headline; the id only in the doc id column beside it (rux18 H4)
    assert not [i for i in seed_ids if re.search(f"(?<!nowrap\")>{i}<", shown)], "articles are named by their headline"
    assert ">appears with</th>" in page and ">Joe Biden</td>" in page
    # a profile's quotations always name their article (red team rt14: a profile whose quotes all came from
    # one article of a corpus dropped the column, another profile of the same run had it)
    own_words = page[page.index("In its own words"):]
    assert re.findall(r"<th[^>]*>([^<]*)</th>", own_words)[:6] == ["article", "doc id", "sentence no.", "kind",
                                                                    "cue verb", "quotation"]
    # every actor has the colour the corpus report gives it (the profile once coloured by id order)
    result = wb.tables.report_analysis(repo_dir / "seeds")
    corpus_colours = wb.tables.report_colors(wb.tables.entity_tables(result)[0])
    drawn = {key: colour for figure in _figures(html_path.with_suffix(".ipynb"))
             for colour, keys in _actor_colours(figure).items() for key in keys}
    shared = [key for key in drawn if key in corpus_colours]  # not biden_administration: a lexicon alias, no entity
    assert len(shared) >= 3 and {k: drawn[k] for k in shared} == {k: corpus_colours[k] for k in shared}
    assert drawn["israel"] == corpus_colours["israel"] == wb.charts.PALETTE[0]


def _report_body(html: str) -> str:
    """A report's page below its header, without the ids that differ from one run to the next."""
    body = html[html.index("</header>"):]
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|cell-id=[0-9a-f]{8}", "ID", body)


@pytest.mark.e2e
@pytest.mark.slow
@on_report("corpus_report", "small")
def test_corpus_report_of_an_analyze_output_folder_is_the_report_of_its_articles(rendered, small_corpus, tmp_path,
                                                                                 capsys):
    """``analyze --out DIR`` then ``report corpus_report --corpus DIR``: the tables are read, not computed
    again, the page below the header is the one rendered from the articles, and the header says where
    the tables come from."""
    from analysis.cli import main
    from analysis.persistence import corpus_fingerprint

    import analysis as wb

    folder = tmp_path / "processed"
    assert main(["analyze", "--corpus", str(small_corpus), "--out", str(folder)]) == 0
    assert main(["report", "corpus_report", "--corpus", str(folder), "--out", str(tmp_path / "reports")]) == 0
    assert "report written:" in capsys.readouterr().out
    page = (tmp_path / "reports" / "corpus_report" / "corpus_report.html").read_text()
    assert _report_body(page) == _report_body(rendered("corpus_report").read_text())
    fingerprint = corpus_fingerprint(wb.load_corpus(small_corpus))["content_sha256"]
    assert "3 documents · from the saved analysis <code>processed</code>, not analysed again</div>" in page
    assert (f"<tr><th>saved analysis</th><td><code>processed</code> (manifest.json: 3 documents, corpus sha256 "
            f"<code>{fingerprint}</code>)</td></tr>") in page


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



# ------------------------------------------------------------------ issue 13: reports a journalist would share

OWN_ARTICLES = Path(__file__).resolve().parent / "data" / "own_articles"
OWN_TITLE = "Harborview election coverage"


KIND = {"brief": "article_brief", "corpus": "corpus_report"}


@pytest.fixture
def shared_report(report_cache, repo_dir):
    """``shared_report(corpus, kind)``: the brief or the corpus report on the seed or on four own
    articles the default lexicon does not cover (tests/data/own_articles: a local election, two
    outlets), each rendered once per session, under umask 022, from a working folder elsewhere (so the
    corpus path is absolute and outside it)."""
    parameters = {("seed", "brief"): {"corpus": str(repo_dir / "seeds")},
                  ("seed", "corpus"): {"corpus": str(repo_dir / "seeds")},
                  ("own", "brief"): {"corpus": str(OWN_ARTICLES)},
                  ("own", "corpus"): {"corpus": str(OWN_ARTICLES), "group_by": "topic", "title": OWN_TITLE}}
    return lambda corpus, kind: report_cache.get(KIND[kind], corpus, parameters[(corpus, kind)])


SHARED = [pytest.param(corpus, kind, marks=on_report(KIND[kind], corpus))
          for corpus, kind in (("seed", "brief"), ("seed", "corpus"), ("own", "brief"), ("own", "corpus"))]


def _figures(executed: Path) -> list[dict]:
    notebook = json.loads(executed.read_text())
    return [output["data"][PLOTLY_MIMETYPE] for cell in notebook["cells"] for output in cell.get("outputs", [])
            if PLOTLY_MIMETYPE in output.get("data", {})]


def _expected_title(corpus: str, kind: str) -> str:
    if kind == "corpus":
        return "Corpus report" if corpus == "seed" else OWN_TITLE
    first = sorted(OWN_ARTICLES.glob("*.md"))[0].read_text() if corpus == "own" else None
    headline = ([line[2:] for line in first.splitlines() if line.startswith("# ")][0] if first else
                "Israel Defies U.S. Warning, Vows to 'Stand Alone' on Potential Gaza Offensive")
    return headline


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("corpus, kind", SHARED)
def test_shared_report_title_findings_no_empty_panel_no_index_no_path_0644(shared_report, corpus, kind, repo_dir):
    import os
    import stat

    result = shared_report(corpus, kind)
    page = result.html.read_text()
    import html as _html

    title = _expected_title(corpus, kind)
    shown = [_html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", page)[:1] + re.findall(r"<h1>(.*?)</h1>", page)[:1]]
    assert shown == [title, title], "the headline (brief) or the given title (corpus) is the page title and heading"
    findings = page.split('id="findings"', 1)[1].split("</section>", 1)[0]
    assert 3 <= findings.count("<li>") <= 5, "3-5 findings"
    assert page.index('id="findings"') < page.index("<h2", page.index('id="findings"') + 40), "findings come first"
    for figure in _figures(result.executed):
        assert figure["data"], "no empty panel: a section without data is one line of text"
    assert not re.search(r'<table border="1" class="dataframe">', page), "no raw pandas table with an index column"
    assert "<th></th>" not in page and "wb-table" in page
    for path in {str(repo_dir), str(OWN_ARTICLES), str(result.html.parents[2]), os.path.expanduser("~")}:
        assert path not in page, f"absolute path {path} in the shared page"
    for path in (result.html, result.executed, result.html.parent / "manifest.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def _actor_colours(figure: dict) -> dict[str, set[str]]:
    """colour -> the actor keys drawn in it, per chart: traces grouped by actor (legendgroup) and
    network nodes (customdata)."""
    from analysis.charts import OTHERS_COLOR

    seen: dict[str, set[str]] = {}
    for trace in figure["data"]:
        marker, line = trace.get("marker", {}), trace.get("line", {})
        if trace.get("legendgroup") and isinstance(marker.get("color", line.get("color")), str):
            seen.setdefault(marker.get("color", line.get("color")), set()).add(str(trace["legendgroup"]))
        if trace.get("name") == "actors" and isinstance(marker.get("color"), list):
            for key, colour in zip(trace.get("customdata", []), marker["color"]):
                seen.setdefault(colour, set()).add(str(key))
    seen.pop(OTHERS_COLOR, None)
    return seen


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("corpus, kind", SHARED)
def test_shared_report_no_two_actors_share_a_colour_and_every_quoted_actor_speaks(shared_report, corpus, kind):
    import analysis as wb

    result = shared_report(corpus, kind)
    figures = _figures(result.executed)
    for figure in figures:
        for colour, keys in _actor_colours(figure).items():
            assert len(keys) == 1, f"{sorted(keys)} share {colour} in {figure['layout'].get('title')}"
    voice_charts = [f for f in figures if (f["layout"].get("title") or {}).get("text") == "Mentioned and quoted"]
    documents = wb.load_corpus(OWN_ARTICLES if corpus == "own" else Path(__file__).resolve().parents[1] / "seeds")
    documents = documents.iloc[[0]] if kind == "brief" else documents
    analysis = wb.analyze(documents)
    mentions = wb.entities_as_mentions(analysis.entities, sentences=analysis.sentences, entity_table=analysis.entity_table)
    quotes = wb.tables.speakers_as_entities(analysis.quotes, mentions, entities=analysis.entities, entity_table=analysis.entity_table)
    # unnamed sources ("officials", "a poll by ...": analysis.quotes.unnamed_source_rows) are one bar, as the
    # findings count them apart (wb.tables.lump_unnamed_sources)
    speakers = wb.tables.lump_unnamed_sources(wb.voice(mentions, quotes), quotes=quotes)
    quoted = speakers.query("quotes > 0")["actor"].tolist()
    assert len(voice_charts) == 1 and quoted
    labels = [label for trace in voice_charts[0]["data"] for label in trace.get("y", [])]
    for name in quoted:
        assert any(label == name or label.startswith(f"{name} (") for label in labels), f"{name} is quoted but not shown"


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("corpus, kind", SHARED)
def test_shared_report_draws_every_chart_in_chromium(shared_report, corpus, kind):
    result = shared_report(corpus, kind)
    dom = rendered_dom(result.html)
    figures = len(_figures(result.executed))
    assert figures >= 3 and drawn_charts(dom) == figures == chart_placeholders(dom)
    assert 'class="wb-findings"' in dom


@pytest.mark.e2e
@pytest.mark.slow
@on_report("corpus_report", "own")
def test_own_articles_report_says_the_lexicon_names_few_and_gives_copyable_yaml(shared_report):
    page = shared_report("own", "corpus").html.read_text()
    assert "The actor lexicon names 0 of the" in page, "said at the top"
    assert 'class="wb-code"' in page and "<pre>actors:" in page and ">Copy</button>" in page
    assert "Ruth Adeyemi" in page and "Tom Becker" in page, "entities charted without a lexicon"
    assert "Share of mentions, by topic" in page, "-p group_by=topic compares the topics"
    assert "Download all rows as CSV" in page or page.count("wb-table") >= 3


@pytest.mark.e2e
@pytest.mark.slow
def test_executed_notebook_keeps_outputs_without_plotlyjs_and_shared_js_is_small(tmp_path, repo_dir):
    from analysis.reports import render_batch

    batch = render_batch("article_brief", out_dir=tmp_path, parameters={"corpus": str(repo_dir / "seeds")},
                         each={"frames": ["generic", "conflict-news"]}, workers=1, progress=False, shared_js=True)
    assert len(batch.reports) == 2 and not batch.failures
    shared = list(tmp_path.glob("plotly-*.min.js"))
    assert len(shared) == 1 and shared[0].stat().st_size > 1_000_000, "plotly.js once per folder"
    for report in batch.reports:
        page = report.html.read_text()
        assert report.html_bytes < 600_000 and "plotly.js v" not in page
        assert f'src="../{shared[0].name}"' in page
        assert drawn_charts(rendered_dom(report.html)) == len(_figures(report.executed)) >= 8
        executed = report.executed.read_text()
        assert "plotly.js v" not in executed and len(_figures(report.executed)) >= 8, "outputs kept, plotly.js not"


@pytest.mark.e2e
@pytest.mark.slow
def test_actor_profile_of_an_undated_saved_analysis_renders_and_says_the_corpus_has_no_dates(tmp_path):
    """A saved analysis of documents without a published column (a DataFrame of one's own) once
    stopped the actor profile with KeyError: 'published'."""
    import pandas as pd

    import analysis as wb

    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Okafor wins the vote", "Okafor speaks"],
                              "text": ["Miriam Okafor won the vote in Harborview.", "Miriam Okafor thanked voters."]})
    wb.analyze(documents).save(tmp_path / "saved")
    page = render_report("actor_profile", out_dir=tmp_path / "out", parameters={"corpus": str(tmp_path / "saved")}
                         ).html.read_text()
    assert "<h1>Miriam Okafor, the most mentioned actor</h1>" in page
    assert "No dates in this corpus" in page, "the attention chart says why it is not drawn"
    assert page.count(">n/a (no dates in this corpus)</td>") == 2, "first and last day"


def _header(page: str) -> dict[str, str]:
    import html as _html

    header = page.split('id="report-header"', 1)[1].split("</header>", 1)[0]
    return {key: _html.unescape(value) for key, value in re.findall(r"<tr><th>(\w+)</th><td><code>(.*?)</code></td></tr>", header)}


@pytest.mark.e2e
@pytest.mark.slow
@on_report("explore", "small")
def test_explore_names_articles_by_headline_and_says_what_it_chose_never_null(rendered):
    """The guided tour's frame table and keyword in context showed document ids where a reader expects
    headlines, and its header "term null", "doc_id null" for what it had chosen."""
    page = rendered("explore").read_text()
    frames = page.split("5. Frames", 1)[1].split("Frame profile", 1)[0]
    # by headline, the id beside it in a column of its own (red team rux18 H4: two articles of one headline)
    assert ">Netanyahu rejects Biden warning</td><td class=\"short nowrap\">a1</td>" in frames
    assert not re.search(r"<td[^>]*>a1</td>", frames.replace("Netanyahu rejects Biden warning</td><td class=\"short nowrap\">a1", "")), \
        "the id only beside its headline"
    assert ">Conflict</td>" in frames and ">conflict</td>" not in frames, "frames by their label"
    kwic = page.split("6. Keyword in context", 1)[1].split("7. Drill down", 1)[0]
    assert "Netanyahu rejects Biden warning" in kwic and ">a1<" not in kwic
    header = _header(page)
    assert header["term"] == "Biden (not given: chosen by the report)"
    assert header["doc_id"] == "a1 (Netanyahu rejects Biden warning) (not given: chosen by the report)"
    assert header["actors"] == "—" and "null" not in header.values()
    assert "Tone through the article: Netanyahu rejects Biden warning" in page


@pytest.fixture(scope="module")
def corpus_with_a_skipped_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("skipped")
    for path in OWN_ARTICLES.glob("*.md"):
        (folder / path.name).write_text(path.read_text())
    (folder / "05-empty.txt").write_text("")
    return folder


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("name", ["actor_profile", "explore", "article_brief"])
def test_a_load_warning_names_the_section_every_report_shows_the_load_report_in(name, corpus_with_a_skipped_file, tmp_path):
    """The actor profile's and the tour's load warning said "(the corpus_report report shows it)": now
    every report has a "Load report" section, and the warning names it."""
    result = render_report(name, out_dir=tmp_path, parameters={"corpus": str(corpus_with_a_skipped_file),
                                                               "errors": "skip"})
    assert any("listed in the load report" in w and "every report shows it under 'Load report')" in w
               for w in result.warnings), result.warnings
    assert not any("corpus_report report" in w for w in result.warnings)
    page = result.html.read_text()
    assert re.search(r"<h[23][^>]*>Load report", page), "the section the warning names"
    section = page.split(">Load report", 1)[1]
    assert "05-empty.txt" in section and "the file is empty" in section


@pytest.mark.e2e
@pytest.mark.slow
@on_report("article_brief", "own")
def test_own_brief_colours_every_actor_as_the_corpus_report_does(shared_report):
    """The brief coloured actors by their rank in the article (Harborview Public Library took the
    corpus report's colour of Priya Raman); now by the corpus' order, as every other report."""
    def colours(kind):
        by_key: dict[str, set[str]] = {}
        for figure in _figures(shared_report("own", kind).executed):
            for colour, keys in _actor_colours(figure).items():
                for key in keys:
                    by_key.setdefault(key, set()).add(colour)
        return by_key

    brief, corpus = colours("brief"), colours("corpus")
    shared = set(brief) & set(corpus)
    assert len(shared) >= 5 and all(len(brief[key]) == 1 for key in brief), brief
    assert {key: brief[key] for key in shared} == {key: corpus[key] for key in shared}


@pytest.mark.e2e
@pytest.mark.slow
@on_report("corpus_report", "seed")
def test_seed_corpus_report_without_dates_says_over_time_not_per_day(shared_report):
    """The seed has no date: its attention panel was titled "Mentions per day" over "No dates in this
    corpus", with the chart's limit line ("Mentions per period ...") under no chart."""
    page = shared_report("seed", "corpus").html.read_text()
    assert "<strong>Mentions over time.</strong> No dates in this corpus" in page
    assert "Frames over time" in page
    assert "Mentions per day" not in page and "Frames per day" not in page
    assert "Mentions per period of the most mentioned actors" not in page


def test_every_table_a_report_shows_downloads_under_a_name_of_its_own(repo_dir):
    """A long table's CSV download is named after show_table's name=: the unlisted names downloaded as
    unnamed.csv, and tables without a name as table.csv."""
    names: dict[str, list[str]] = {}
    for notebook in NOTEBOOKS:
        for cell in _code_cells(notebook, repo_dir):
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "show_table":
                    given = {k.arg: k.value for k in node.keywords}
                    assert "name" in given, f"{notebook}: a show_table without name= downloads as table.csv"
                    names.setdefault(notebook, []).append(ast.literal_eval(given["name"]))
    for notebook, shown in names.items():
        assert "unnamed" not in shown and len(set(shown)) == len(shown), (notebook, shown)
    assert "names-not-in-lexicon" in names["article_brief"] and "names-not-in-lexicon" in names["corpus_report"]


def test_the_brief_suggests_names_under_the_corpus_entity_they_are_the_same_as(repo_dir):
    """The brief's "Names the lexicon does not cover yet" listed "Whitfield" where its charts said "Edith
    Whitfield": discover_actors of the article needs the corpus' entity table (same_as)."""
    calls = [node for cell in _code_cells("article_brief", repo_dir) for node in ast.walk(ast.parse(cell.source))
             if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "discover_actors"]
    assert [[ast.unparse(k.value) for k in call.keywords if k.arg == "entity_table"] for call in calls] == [
        ["result.entity_table"]]
