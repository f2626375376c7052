"""Showing charts in notebooks so that they survive papermill, nbconvert and a browser with no network.

Plotly's default notebook renderer loads plotly.js through require.js, which a page exported by
nbconvert does not have: the charts come out blank. :func:`setup_notebook` switches the kernel to the
``workbench`` renderer instead. It embeds plotly.js once, inline, before the first chart, and gives
every figure both an HTML view (for exported reports) and plotly's JSON view (for JupyterLab, which
renders it with its plotly extension). Call it once at the top of a notebook; importing the package
changes nothing.
"""

from __future__ import annotations

import warnings

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from analysis.errors import warning_line

__all__ = ["setup_notebook", "OfflineRenderer", "RENDERER_NAME", "PLOTLY_MIMETYPE", "PLOTLYJS_MARK", "frame_html",
           "analysis_html", "KEY_COLUMNS"]

RENDERER_NAME = "workbench"
PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json"
#: Output metadata key of the one output that embeds plotly.js (reports link or drop it).
PLOTLYJS_MARK = "media-workbench-plotlyjs"


class OfflineRenderer(MimetypeRenderer):
    """A plotly renderer for reports that open offline: plotly.js inline once, then one div per chart."""

    def __init__(self, *, config: dict | None = None) -> None:
        self.config = dict(config or {})

    def activate(self) -> None:
        """Put plotly.js into the notebook's output, once, inline (no CDN, no require.js)."""
        from IPython.display import HTML, display
        from plotly.offline import get_plotlyjs

        display(HTML(
            '<script type="text/javascript">window.PlotlyConfig = {MathJaxConfig: "local"};</script>\n'
            f'<script type="text/javascript">{get_plotlyjs()}</script>'
        ), metadata={PLOTLYJS_MARK: True})

    def to_mimebundle(self, fig_dict: dict) -> dict:
        html = pio.to_html(
            fig_dict, config=self.config, include_plotlyjs=False, include_mathjax=False,
            full_html=False, default_width="100%", default_height=480, validate=False,
        )
        return {"text/html": html, PLOTLY_MIMETYPE: fig_dict}


#: Columns shown first when a workbench table is displayed (in this order, where present).
KEY_COLUMNS = ("doc_id", "sentence_id", "actor", "speaker", "entity", "title", "outlet", "published", "mentions",
               "quotes", "frame_id", "polarity")

_TEXT_CELL = 120  # characters of a long text cell shown; the rest on hover
#: The least width of a cell of long text (cut or not): a wide table (the documents' 12 columns) no
#: longer squeezes an article's text into a column of two words a line, 15 lines a row.
_LONG_CELL_STYLE = "text-align:left;min-width:24em;max-width:40em"
_MEDIUM_CELL_STYLE = "text-align:left;min-width:12em"  # a cell of more than 40 characters (a headline)
_SHORT_CELL = 24  # characters of a cell kept on one line (a date, an id, a number: "2026-10-" / "05" read badly)
#: The box around a displayed table: as wide as the page at most, scrolling sideways inside it (the
#: documents' 12 columns ran past the page's right edge, cutting the last columns off).
_FRAME_WRAP_STYLE = "max-width:100%;overflow-x:auto"


def _cell_text(value: object) -> str:
    """One cell as a reader wants it: missing values empty, lists joined, true/false as yes/no, floats to four significant
    digits (a share 0.1818, not 0.18181818181818182; whole numbers without ".0"), times at midnight as
    their date ("2026-04-02") and other times to the minute with their zone ("2026-04-02 14:30 UTC")."""
    import numpy as np
    import pandas as pd

    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{value:.0f}"
        return f"{value:.1f}" if abs(value) >= 1000 else f"{value:.4g}"
    if isinstance(value, pd.Timestamp):
        if value == value.normalize():
            return value.strftime("%Y-%m-%d")
        zone = f" {value.tzname()}" if value.tzinfo is not None else ""
        return value.strftime("%Y-%m-%d %H:%M") + zone
    return str(value)


def frame_html(table, *, max_rows: int = 20, cell: int = _TEXT_CELL) -> str:
    """A DataFrame as JupyterLab shows it after :func:`setup_notebook`: key columns first
    (:data:`KEY_COLUMNS`), no index, long text cut to ``cell`` characters with the whole text on hover
    (the cell's title) in a column at least 24em wide (a text of more than 40 characters: 12em), short
    values (up to 24 characters: dates, ids) on one line, at most ``max_rows`` rows with the total said;
    numbers and times as :func:`_cell_text` writes them. The table sits in a box as wide as the page
    that scrolls sideways when the table is wider (the page itself never does). Every value is escaped."""
    import html as _html

    import pandas as pd

    if not isinstance(table.index, pd.RangeIndex):
        table = table.reset_index()  # a meaningful index (a groupby's keys) becomes columns
    first = [c for c in KEY_COLUMNS if c in table.columns]
    columns = first + [c for c in table.columns if c not in first]
    shown = table.head(max_rows)
    head = "".join(f"<th style=\"text-align:left\">{_html.escape(str(c))}</th>" for c in columns)
    rows = []
    for _, row in shown[columns].iterrows():
        cells = []
        for value in row:
            text = _cell_text(value)
            if len(text) > cell:
                cells.append(f"<td style=\"{_LONG_CELL_STYLE}\" title=\"{_html.escape(text, quote=True)}\">"
                             f"{_html.escape(text[:cell].rstrip())}…</td>")
            elif len(text) > 40:
                cells.append(f"<td style=\"{_MEDIUM_CELL_STYLE}\">{_html.escape(text)}</td>")
            elif len(text) > _SHORT_CELL:
                cells.append(f"<td style=\"text-align:left\">{_html.escape(text)}</td>")
            else:
                cells.append(f"<td style=\"text-align:left;white-space:nowrap\">{_html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = f"<p>{len(shown)} of {len(table):,} rows shown; {len(table.columns)} columns.</p>" if len(table) > len(shown) \
        else f"<p>{len(table):,} rows, {len(table.columns)} columns.</p>"
    return (f"<div class=\"wb-frame-wrap\" style=\"{_FRAME_WRAP_STYLE}\"><table class=\"dataframe wb-frame\"><thead>"
            f"<tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{more}")


def analysis_html(result) -> str:
    """An :class:`analysis.Analysis` in JupyterLab: the row count of each table and its provenance."""
    import html as _html

    rows = "".join(f"<tr><td style=\"text-align:left\"><code>result.{_html.escape(name)}</code></td>"
                   f"<td style=\"text-align:right\">{len(table):,}</td></tr>"
                   for name, table in result.tables().items())
    hint = result.hint() if hasattr(result, "hint") else ""  # what to read when the lexicon found no one
    meta = getattr(result, "meta", {}) or {}
    corpus = meta.get("corpus") or {}
    facts = []
    if corpus:
        facts.append(f"corpus: {corpus.get('documents', '?')} documents, sha256 {str(corpus.get('content_sha256', ''))[:12]}")
    for key in ("tone_engine", "key"):
        if meta.get(key):
            facts.append(f"{key.replace('_', ' ')}: {str(meta[key])[:16]}")
    for name, digest in (meta.get("lexicons") or {}).items():
        facts.append(f"{name}: sha256 {str(digest)[:12]}")
    return (f"<div><strong>Analysis</strong><table><thead><tr><th>table</th><th>rows</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>{_html.escape('; '.join(facts))}</p>"
            + (f"<p><em>{_html.escape(hint)}</em></p>" if hint else "") + "</div>")


def setup_notebook(*, responsive: bool = True, max_colwidth: int | None = 400, tables: bool = True) -> None:
    """Make this kernel's charts and tables readable in JupyterLab and in exported, offline reports.

    Registers the ``workbench`` renderer with plotly and makes it the default for this kernel (plotly.js
    is embedded only the first time a chart is shown), and lets pandas show evidence sentences whole
    (up to ``max_colwidth`` characters per cell, instead of pandas' 50). With ``tables`` (in an
    IPython kernel), DataFrames show key columns first with long text cut and whole on hover
    (:func:`frame_html`), an :class:`analysis.Analysis` shows its table sizes and provenance, and a
    warning shows as ``warning: <message>`` (:func:`analysis.errors.warning_line`) without the
    workbench's file and source line. Safe to call more than once.
    """
    import pandas as pd

    from analysis.lazy_imports import import_jsonschema_lazily

    pd.set_option("display.max_colwidth", max_colwidth)
    config = {"responsive": responsive, "displaylogo": False}
    import_jsonschema_lazily()  # plotly's renderers import nbformat, and so jsonschema: 2 s less per kernel
    if pio.renderers.default != RENDERER_NAME:
        pio.renderers[RENDERER_NAME] = OfflineRenderer(config=config)
        pio.renderers.default = RENDERER_NAME
    if tables:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with ipykernel
            return
        shell = get_ipython()
        if shell is not None:
            warnings.formatwarning = warning_line  # a report shows "warning: ...", not a line of our code
            formatter = shell.display_formatter.formatters["text/html"]
            formatter.for_type(pd.DataFrame, frame_html)
            # by name, so that this module does not import analysis.pipeline (which imports it)
            formatter.for_type_by_name("analysis.pipeline", "Analysis", analysis_html)
