"""Render parameterized notebooks into shareable reports.

A report is an immutable output: the input notebook is never modified; papermill executes a copy with
the given parameters into ``<out>/<name>/<name>.ipynb``, nbconvert exports it to a self-contained
``<out>/<name>/<name>.html`` with code hidden, and ``<out>/<name>/manifest.json`` records what was run.
Every file is written atomically (temporary file + rename), so a failed run never replaces a good report.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.provenance import PROVENANCE_MIMETYPE, package_versions

__all__ = ["ReportResult", "notebook_path", "render_report", "export_html", "write_atomic", "NOTEBOOK_DIR"]

#: The project's notebooks, beside the package in a source checkout.
NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: The nbconvert template of report pages (JupyterLab's look, no CDN scripts).
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class ReportResult:
    """What one rendered report produced: its name, paths, parameters and size."""

    name: str
    notebook: str
    html: Path
    executed: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    html_bytes: int = 0
    rendered_at: str = ""


def notebook_path(name: str | os.PathLike[str]) -> Path:
    """Resolve a notebook given as a path or as a name under ``notebooks/`` (with or without .ipynb)."""
    candidate = Path(name)
    if candidate.suffix != ".ipynb":
        candidate = candidate.with_suffix(".ipynb")
    for path in (candidate, NOTEBOOK_DIR / candidate.name):
        if path.is_file():
            return path.resolve()
    available = ", ".join(sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb"))) or "none found"
    raise InputError(
        f"{name}: no such notebook; give a path to an .ipynb file or one of the names under "
        f"{NOTEBOOK_DIR}: {available}"
    )


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with tempfile.NamedTemporaryFile(
        mode, dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False,
        **({} if mode == "wb" else {"encoding": "utf-8"}),
    ) as handle:
        handle.write(data)
        temporary = Path(handle.name)
    os.replace(temporary, path)


def _lift_provenance(notebook) -> dict[str, Any]:
    """Remove the provenance outputs from ``notebook`` and return the last record found (or {})."""
    record: dict[str, Any] = {}
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if PROVENANCE_MIMETYPE in data:
                record = dict(data[PROVENANCE_MIMETYPE])
            else:
                kept.append(output)
        if cell.get("cell_type") == "code":
            cell["outputs"] = kept
    return record


def _duration(seconds: object) -> str:
    return f"{float(seconds):.1f} s" if isinstance(seconds, (int, float)) else ""


def export_html(executed: Path, *, title: str | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page with the code hidden.

    Input cells and prompts are left out. A header shows the title, the parameters papermill recorded,
    the run time and the provenance the notebook recorded with :func:`analysis.record_provenance`
    (corpus fingerprint, lexicon hashes, package versions); every value in it is escaped. The page loads
    nothing from the network: the template (``analysis/templates/workbench``) drops the CDN scripts of
    JupyterLab's template.
    """
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(executed, as_version=4)
    provenance = _lift_provenance(notebook)
    run = notebook.metadata.get("papermill", {})
    title = title or notebook.metadata.get("title") or Path(executed).stem
    notebook.metadata["title"] = title
    header = {
        "title": title,
        "parameters": {key: json.dumps(value) if not isinstance(value, str) else value
                       for key, value in (run.get("parameters") or {}).items()},
        "rendered": str(run.get("end_time") or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
        "duration": _duration(run.get("duration")),
        "provenance": provenance,
        "versions": provenance.get("versions") or package_versions(),
    }
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        template_name="workbench",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(notebook, resources={"workbench": header})
    return body


def _kernel_for(notebook: Path) -> str:
    """The notebook's own kernel when it is installed, else the current interpreter's ``python3``."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager

    wanted = nbformat.read(notebook, as_version=4).metadata.get("kernelspec", {}).get("name", "python3")
    return wanted if wanted in KernelSpecManager().find_kernel_specs() else "python3"


def render_report(
    notebook: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str],
    parameters: dict[str, Any] | None = None,
    name: str | None = None,
    progress_bar: bool = False,
) -> ReportResult:
    """Execute ``notebook`` with ``parameters`` and export it into ``out_dir/<name>/``.

    Writes ``<name>.ipynb`` (the executed notebook, parameters in its metadata), ``<name>.html`` and
    ``manifest.json``. On failure the executed notebook, with the error in it, is kept as
    ``<name>.failed.ipynb`` for inspection, the error is raised, and any earlier good report is left as
    it was.
    """
    import papermill

    source = notebook_path(notebook)
    name = name or source.stem
    parameters = dict(parameters or {})
    target = Path(out_dir) / name
    target.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.timezone.utc)
    with tempfile.TemporaryDirectory(dir=target, prefix=".run-") as scratch:
        executed = Path(scratch) / f"{name}.ipynb"
        try:
            papermill.execute_notebook(
                str(source), str(executed), parameters=parameters, kernel_name=_kernel_for(source),
                cwd=str(source.parent), progress_bar=progress_bar,
            )
        except Exception:
            if executed.exists():
                os.replace(executed, target / f"{name}.failed.ipynb")
            raise
        html = export_html(executed, title=parameters.get("title"))
        write_atomic(target / f"{name}.ipynb", executed.read_bytes())
    html_path = target / f"{name}.html"
    write_atomic(html_path, html)
    (target / f"{name}.failed.ipynb").unlink(missing_ok=True)
    result = ReportResult(
        name=name, notebook=str(source), html=html_path, executed=target / f"{name}.ipynb",
        parameters=parameters, html_bytes=html_path.stat().st_size, rendered_at=started.isoformat(),
    )
    manifest = {**asdict(result), "html": str(result.html), "executed": str(result.executed), "versions": package_versions()}
    write_atomic(target / "manifest.json", json.dumps(manifest, indent=2, default=str))
    return result
