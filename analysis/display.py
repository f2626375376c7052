"""Showing charts in notebooks so that they survive papermill, nbconvert and a browser with no network.

Plotly's default notebook renderer loads plotly.js through require.js, which a page exported by
nbconvert does not have: the charts come out blank. :func:`setup_notebook` switches the kernel to the
``workbench`` renderer instead. It embeds plotly.js once, inline, before the first chart, and gives
every figure both an HTML view (for exported reports) and plotly's JSON view (for JupyterLab, which
renders it with its plotly extension). Call it once at the top of a notebook; importing the package
changes nothing.
"""

from __future__ import annotations

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

__all__ = ["setup_notebook", "OfflineRenderer", "RENDERER_NAME", "PLOTLY_MIMETYPE", "PLOTLYJS_MARK"]

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


def setup_notebook(*, responsive: bool = True, max_colwidth: int | None = 400) -> None:
    """Make this kernel's charts and tables readable in JupyterLab and in exported, offline reports.

    Registers the ``workbench`` renderer with plotly and makes it the default for this kernel (plotly.js
    is embedded only the first time a chart is shown), and lets pandas show evidence sentences whole
    (up to ``max_colwidth`` characters per cell, instead of pandas' 50). Safe to call more than once.
    """
    import pandas as pd

    pd.set_option("display.max_colwidth", max_colwidth)
    config = {"responsive": responsive, "displaylogo": False}
    if pio.renderers.default != RENDERER_NAME:
        pio.renderers[RENDERER_NAME] = OfflineRenderer(config=config)
        pio.renderers.default = RENDERER_NAME
