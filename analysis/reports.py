"""Render parameterized notebooks into shareable reports.

A report is an immutable output: the input notebook is never modified; papermill executes a copy with
the given parameters into ``<out>/<name>/<name>.ipynb``, nbconvert exports it to a self-contained
``<out>/<name>/<name>.html`` with code hidden, and ``<out>/<name>/manifest.json`` records what was run.
Every file is written atomically (temporary file + rename), so a failed run never replaces a good report.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.provenance import PROVENANCE_MIMETYPE, package_versions

__all__ = ["ReportResult", "ReportFailure", "BatchResult", "notebook_path", "render_report", "render_batch",
           "expand_each", "describe_failure", "write_index", "export_html", "notebook_parameters", "write_atomic", "NOTEBOOK_DIR"]

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


def notebook_parameters(notebook: str | os.PathLike[str]) -> dict[str, Any]:
    """The defaults of a notebook's ``parameters`` cell, as Python values (text where not a literal)."""
    import ast

    import papermill

    defaults = {}
    for name, spec in papermill.inspect_notebook(str(notebook_path(notebook))).items():
        try:
            defaults[name] = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            defaults[name] = spec["default"]
    return defaults


def export_html(executed: Path, *, title: str | None = None, parameters: dict[str, Any] | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page with the code hidden.

    Input cells and prompts are left out. A header shows the title, the parameters (``parameters``,
    else those papermill recorded), the run time and the provenance the notebook recorded with :func:`analysis.record_provenance`
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
                       for key, value in (parameters if parameters is not None else run.get("parameters") or {}).items()},
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
    effective = {**notebook_parameters(source), **parameters}
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
        html = export_html(executed, title=effective.get("title"), parameters=effective)
        write_atomic(target / f"{name}.ipynb", executed.read_bytes())
    html_path = target / f"{name}.html"
    write_atomic(html_path, html)
    (target / f"{name}.failed.ipynb").unlink(missing_ok=True)
    result = ReportResult(
        name=name, notebook=str(source), html=html_path, executed=target / f"{name}.ipynb",
        parameters=parameters, html_bytes=html_path.stat().st_size, rendered_at=started.isoformat(),
    )
    manifest = {**asdict(result), "html": str(result.html), "executed": str(result.executed),
                "effective_parameters": effective, "versions": package_versions()}
    write_atomic(target / "manifest.json", json.dumps(manifest, indent=2, default=str))
    return result


@dataclass(frozen=True)
class ReportFailure:
    """A report that did not render: its name, parameters, the error and where its error notebook is."""

    name: str
    parameters: dict[str, Any]
    error: str
    notebook: Path | None


@dataclass(frozen=True)
class BatchResult:
    """What a batch produced: the rendered reports, the failures and the index page."""

    reports: list[ReportResult]
    failures: list[ReportFailure]
    index: Path


def expand_each(each: dict[str, list[Any]] | None) -> list[dict[str, Any]]:
    """All combinations of the ``--each`` values: ``{"a": [1, 2], "b": ["x"]}`` -> ``[{a: 1, b: x}, {a: 2, b: x}]``."""
    combinations: list[dict[str, Any]] = [{}]
    for key, values in (each or {}).items():
        if not values:
            raise InputError(f"--each {key}=: give at least one value, e.g. --each {key}=a,b")
        combinations = [{**done, key: value} for done in combinations for value in values]
    return combinations


def _slug(value: object) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", str(value)).strip("-.")
    return text[:60] or "x"


def batch_name(base: str, varying: dict[str, Any]) -> str:
    """A report's folder name: the notebook's name plus each varying parameter's value."""
    return "-".join([base, *(_slug(value) for value in varying.values())])


def describe_failure(error: BaseException) -> str:
    """One line on why a report failed: the notebook's own exception (papermill's error carries it;
    its full text is a whole traceback), else the error itself."""
    kind, text = getattr(error, "ename", type(error).__name__), getattr(error, "evalue", str(error))
    return " ".join(f"{kind}: {text}".split())[:2000]


def _render_one(notebook: str, out_dir: str, parameters: dict[str, Any], name: str) -> ReportResult | ReportFailure:
    """Worker: render one report; a failure is returned, not raised, so the batch goes on."""
    try:
        return render_report(notebook, out_dir=out_dir, parameters=parameters, name=name)
    except Exception as error:  # noqa: BLE001 - any failure of one report is reported, never fatal
        failed = Path(out_dir) / name / f"{name}.failed.ipynb"
        return ReportFailure(name=name, parameters=parameters, error=describe_failure(error),
                             notebook=failed if failed.exists() else None)


def render_batch(
    notebook: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str],
    parameters: dict[str, Any] | None = None,
    each: dict[str, list[Any]] | None = None,
    workers: int | None = None,
    progress: bool = True,
) -> BatchResult:
    """Render one report per combination of ``each`` values, several at once in worker processes.

    One failing report does not stop the others: failures are collected with their error and error
    notebook. ``out_dir/index.html`` lists every report in ``out_dir`` afterwards.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    from tqdm.auto import tqdm

    source = notebook_path(notebook)
    runs = [({**(parameters or {}), **varying}, batch_name(source.stem, varying) if varying else source.stem)
            for varying in expand_each(each)]
    workers = max(1, min(workers or os.cpu_count() or 1, len(runs)))
    results: list[ReportResult | ReportFailure] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_render_one, str(source), str(out_dir), params, name) for params, name in runs]
        for future in tqdm(as_completed(futures), total=len(futures), desc="reports", unit="report",
                           disable=not progress):
            results.append(future.result())
    order = {name: i for i, (_, name) in enumerate(runs)}
    results.sort(key=lambda r: order[r.name])
    return BatchResult(
        reports=[r for r in results if isinstance(r, ReportResult)],
        failures=[r for r in results if isinstance(r, ReportFailure)],
        index=write_index(out_dir),
    )


def write_index(out_dir: str | os.PathLike[str]) -> Path:
    """Write ``out_dir/index.html``: every report in ``out_dir`` with its parameters, date and size.

    A folder whose last run failed (its ``.failed.ipynb`` is newer than its report) is listed as failed,
    with a link to the error notebook. Every value is escaped.
    """
    root = Path(out_dir)
    rows = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        manifest_path = folder / "manifest.json"
        failed = folder / f"{folder.name}.failed.ipynb"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else None
        if failed.exists() and (manifest is None or failed.stat().st_mtime > manifest_path.stat().st_mtime):
            rows.append((folder.name, f"{folder.name}/{failed.name}", "failed", {}, "", ""))
        elif manifest is not None:
            rows.append((folder.name, f"{folder.name}/{folder.name}.html", "ok", manifest.get("parameters", {}),
                         manifest.get("rendered_at", ""), f"{manifest.get('html_bytes', 0) / 1e6:.2f} MB"))
    body = "\n".join(
        f"<tr class=\"{status}\"><td><a href=\"{html.escape(link, quote=True)}\">{html.escape(name)}</a></td>"
        f"<td>{status}</td><td>{'<br>'.join(html.escape(f'{k} = {v}') for k, v in params.items())}</td>"
        f"<td>{html.escape(str(when))}</td><td>{html.escape(size)}</td></tr>"
        for name, link, status, params, when, size in rows
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reports</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:4px 12px;text-align:left;vertical-align:top}}
tr.failed td{{color:#b00020}}</style></head>
<body><h1>Reports</h1><p>{len(rows)} reports in this folder.</p>
<table><thead><tr><th>report</th><th>status</th><th>parameters</th><th>rendered</th><th>size</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
"""
    index = root / "index.html"
    write_atomic(index, page)
    return index
