"""Render parameterized notebooks into shareable reports.

A report is an immutable output: the input notebook is never modified; papermill executes a copy with
the given parameters into ``<out>/<name>/<name>.ipynb``, nbconvert exports it to a self-contained
``<out>/<name>/<name>.html`` with code hidden, and ``<out>/<name>/manifest.json`` records what was run.
Every file is written atomically (temporary file + rename), so a failed run never replaces a good report.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import keyword
import os
import re
import signal
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.engines import ignore_interrupts, stop_pool
from analysis.errors import ChartTableError, InputError
from analysis.lazy_imports import import_jsonschema_lazily
from analysis.persistence import atomic_write
from analysis.provenance import PROVENANCE_MIMETYPE, package_versions
from analysis.tables import LOADING_KEYWORDS, REPORT_KEYWORDS

if TYPE_CHECKING:
    from analysis.corpus.handoff import CheckedCorpus

__all__ = ["ReportResult", "ReportFailure", "BatchResult", "BatchInterrupted", "notebook_path", "render_report",
           "render_batch", "batch_runs", "expand_each", "describe_failure", "write_index", "export_html",
           "notebook_parameters", "check_parameters", "check_parameter_name", "check_parameter_value", "TEXT_PARAMETERS",
           "check_date_limits", "check_corpus", "PARAMETER_RULES", "path_roots", "relative_paths",
           "write_shared_js", "write_atomic", "NOTEBOOK_DIR"]

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
    warnings: tuple[str, ...] = ()  # the warnings the notebook printed (:func:`notebook_warnings`)
    kernel_restarted: bool = False  # its first kernel was lost before any cell ran (:data:`KERNEL_RESTARTED_WARNING`)


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


#: The old name of :func:`analysis.persistence.atomic_write` (reports wrote their files with it first).
write_atomic = atomic_write


def check_parameter_name(key: str, *, given: str | None = None) -> str:
    """``key`` when it can name a notebook parameter (a Python identifier, not a keyword), else InputError.

    papermill writes ``KEY = VALUE`` into the notebook: any other key would run as code.
    """
    if not (isinstance(key, str) and key.isidentifier() and not keyword.iskeyword(key)):
        shown = given if given is not None else key
        raise InputError(
            f"-p {str(shown)[:80]!r}: parameter names are Python identifiers (letters, digits and _, not "
            f"starting with a digit), e.g. -p top=20"
        )
    return key


_EXPECTS = {bool: "true or false", int: "a whole number, e.g. 20", float: "a number, e.g. 0.5",
            str: "text", list: "a list, e.g. [a, b]", dict: "a mapping, e.g. {text: content}"}


def check_parameters(notebook: str | os.PathLike[str], parameters: dict[str, Any]) -> dict[str, Any]:
    """``parameters`` checked against the notebook's parameters cell, with values made to fit.

    Every key must be one of the notebook's parameters (InputError lists them); a value must have the
    type of the parameter's default (a number where the default is a number, ...): a parameter whose
    default is None takes anything, text takes numbers and dates as text (``-p title=2024``), a float
    takes an int. InputError names the parameter, what it expects and what it got.
    """
    defaults = notebook_parameters(notebook)
    name = notebook_path(notebook).stem
    checked = {}
    for key, value in parameters.items():
        check_parameter_name(key)
        if key not in defaults:
            raise InputError(f"-p {key}=...: {name} has no parameter {key!r}; its parameters: "
                             f"{', '.join(defaults)}")
        default = defaults[key]
        if default is None or value is None:
            checked[key] = value
            continue
        kind = type(default)
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        elif kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind in _EXPECTS and not ok:
            raise InputError(f"-p {key}={value!r}: {key} expects {_EXPECTS[kind]} (default: {default!r}); "
                             f"got {type(value).__name__}")
        checked[key] = value
    for key, value in checked.items():
        check_parameter_value(key, value, default=defaults[key])
    check_date_limits(start=checked.get("start"), end=checked.get("end"))
    return checked


def _at_least(least: int, *, example: int) -> tuple[Any, str]:
    """A rule for a count parameter: a whole number of at least ``least``."""
    return (lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= least,
            f"a whole number of at least {least}, e.g. {example}")


def _is_day(value: Any) -> bool:
    """Whether ``value`` reads as a day, YYYY-MM-DD (or a full ISO date and time)."""
    try:
        dt.datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _is_zone(value: Any) -> bool:
    """Whether ``value`` names a time zone as :func:`analysis.tables.in_zone` reads it."""
    from analysis.tables import zone_label

    try:
        zone_label(str(value) if isinstance(value, str) else None if value is None else repr(value))
    except InputError:
        return False
    return isinstance(value, str)


#: What the values of the notebooks' shared parameters must be, beyond their type: a parameter's name
#: means the same in every notebook. Each rule: (test of a value, what the parameter expects).
PARAMETER_RULES: dict[str, tuple[Any, str]] = {
    "top": _at_least(1, example=20),
    "min_mentions": _at_least(0, example=3),
    "start": (_is_day, "a date written YYYY-MM-DD (ISO 8601), e.g. 2024-05-01"),
    "end": (_is_day, "a date written YYYY-MM-DD (ISO 8601), e.g. 2024-05-31"),
    "period": (lambda value: value in ("day", "week", "month"), '"day", "week" or "month"'),
    "tz": (_is_zone, 'a time zone: a name such as "America/Los_Angeles", an offset from UTC such as "-07:00", '
                     '"-0700" or "+05:30", or "UTC"'),
    "errors": (lambda value: value in ("raise", "skip"), '"raise" (stop at bad input) or "skip" (leave it out, listed '
                                                          'in the load report)'),
}


#: Parameters whose values are text whatever they look like (a parameter's name means the same in every
#: notebook): a value written for one on the command line is kept as written, not read as YAML
#: (:func:`analysis.cli.parse_parameter`). YAML 1.1 reads ``-0700`` as the octal number -448, ``+0530`` as 344,
#: ``-7:00`` as the base-60 number -420 and ``0123`` as 83: ``-p tz=-0700`` was refused as "got -448", and
#: ``-p doc_id=0123`` looked for article 83. A parameter whose default is text is kept as written too
#: (the CLI reads the notebook's defaults); these are the ones whose default is None.
TEXT_PARAMETERS: tuple[str, ...] = ("tz", "doc_id", "actor_id", "term", "title", "where", "group_by")


def check_parameter_value(key: str, value: Any, *, default: Any = None) -> Any:
    """``value`` when it is a value parameter ``key`` can take (see :data:`PARAMETER_RULES`), else
    InputError naming the parameter, what it expects and what it got. None (the default) and empty
    text (``-p start=``, no limit) pass."""
    if value is None or value == "" or key not in PARAMETER_RULES:
        return value
    test, expects = PARAMETER_RULES[key]
    if not test(value):
        shown = f" (default: {default!r})" if default is not None else ""
        raise InputError(f"-p {key}={value!r}: {key} expects {expects}{shown}; got {value!r}{_slash_date_hint(value)}"
                         f"{_number_hint(key, value)}")
    return value


def _number_hint(key: str, value: Any) -> str:
    """For a number given where text is expected (a text parameter set from Python), how to write it; for
    an offset without its sign (``tz=0700``), that it needs one."""
    if key == "tz" and isinstance(value, str) and re.fullmatch(r"\d{1,2}(:?\d{2})?", value.strip()):
        return ' (an offset starts with + or -: "+07:00" east of UTC, "-07:00" west)'
    if key not in TEXT_PARAMETERS or not isinstance(value, (int, float)) or isinstance(value, bool):
        return ""
    return f" (a number; give {key} as text" + (', e.g. tz="-07:00"' if key == "tz" else "") + ")"


_SLASH_DATE_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _slash_date_hint(value: Any) -> str:
    """For a date written d/m/y or m/d/y, its ISO form(s): which one is meant only the user knows."""
    match = _SLASH_DATE_RE.fullmatch(str(value).strip())
    if not match:
        return ""
    a, b, year = (int(g) for g in match.groups())
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    readings = list(dict.fromkeys(readings))
    if len(readings) == 2:
        return f" ({value} is {readings[0]} read day first and {readings[1]} read month first: write the one you mean)"
    return f" (write it {readings[0]})" if readings else ""


def check_date_limits(*, start: Any = None, end: Any = None) -> None:
    """InputError naming both dates when ``start`` is after ``end`` (both given and readable)."""
    if not (_is_day(start) and _is_day(end)):
        return
    first, last = dt.datetime.fromisoformat(str(start)), dt.datetime.fromisoformat(str(end))
    if first.date() > last.date():
        raise InputError(f"-p start={start} is after -p end={end}: start is the first day to include and "
                         f"end the last; swap them or drop one")


#: The notebook parameters :func:`check_corpus` passes on to :func:`analysis.tables.report_documents`
#: (the names the project's notebooks give them: report_analysis' keywords, ``one_document`` aside, which
#: a notebook sets itself).
CORPUS_PARAMETERS = tuple(name for name in REPORT_KEYWORDS if name != "one_document")
_LOADING_PARAMETERS = LOADING_KEYWORDS  # how the corpus is read, not which documents


def _reads_corpus(source: Path) -> bool:
    """Whether the notebook at ``source`` reads its ``corpus`` parameter as the reports do: it calls
    ``report_analysis`` (the project's corpus_report, article_brief, actor_profile and explore)."""
    return "report_analysis(corpus" in source.read_text(encoding="utf-8")


def check_corpus(notebook: str | os.PathLike[str], parameters: dict[str, Any], *,
                 _keys: tuple[str, ...] = CORPUS_PARAMETERS) -> None:
    """InputError, before any kernel starts, when the corpus a report would read cannot give it a
    document: :func:`analysis.tables.report_documents` of the notebook's ``corpus`` (``parameters`` over
    the notebook's defaults; a relative path starts at the notebook's folder, where its kernel runs) with
    the parameters that choose documents (:data:`CORPUS_PARAMETERS`). So a bad path, a folder with no
    readable article, a table without a text column, a ``start`` that leaves nothing, an unknown
    ``doc_id``, a ``group_by`` that is no column or an ``actor_id`` the corpus never writes
    (:func:`analysis.tables.check_report_choices`) is said at the command line, with no output folder
    and no error notebook. Its warnings
    are left to the report, which prints them. Notebooks that do not read a corpus as the reports do
    are not checked. :func:`render_report` hands the articles loaded here to the report's kernel
    (:mod:`analysis.corpus.handoff`), which so loads the corpus once."""
    _checked_corpus(notebook_path(notebook), parameters, keys=_keys)


def _checked_corpus(source: Path, parameters: dict[str, Any], *, keys: tuple[str, ...],
                    handed: CheckedCorpus | None = None) -> CheckedCorpus | None:
    """:func:`check_corpus` of the notebook at ``source``; the articles it loaded when the report's
    kernel can be handed them (:func:`analysis.corpus.handoff.load_checked`: an absolute corpus path
    of articles, not a saved analysis), else None. ``handed``: articles loaded by an earlier check
    (a batch's), used when they are the same load, else the corpus is loaded here."""
    import warnings

    from analysis.corpus.handoff import handed_over, load_checked, loading_key
    from analysis.tables import check_report_choices, report_documents

    effective = {**notebook_parameters(source), **parameters}
    corpus = effective.get("corpus")
    if corpus is None or not _reads_corpus(source):
        return None
    chosen = {key: effective[key] for key in keys if key in effective}
    loading = {key: chosen[key] for key in _LOADING_PARAMETERS if key in chosen}
    if handed is None or handed.key != loading_key(corpus, **loading):
        handed = load_checked(corpus, **loading)  # None when the kernel cannot be handed it: loaded below
    if isinstance(corpus, (str, os.PathLike)) and not os.path.isabs(corpus):
        corpus = str(source.parent / corpus)
    with warnings.catch_warnings(), handed_over(handed):
        warnings.simplefilter("ignore")
        documents = report_documents(corpus, **chosen)
        check_report_choices(documents, group_by=effective.get("group_by"), actor_id=effective.get("actor_id"),
                             actors=_beside(source, effective.get("actors")))
    return handed


def _beside(notebook: Path, path: Any) -> Any:
    """A relative path parameter as the notebook's kernel reads it: from the notebook's folder."""
    if isinstance(path, (str, os.PathLike)) and not os.path.isabs(path):
        return str(notebook.parent / path)
    return path


def _lift_provenance(notebook) -> dict[str, Any]:
    """Remove the provenance outputs from ``notebook`` and return the last record found (or {}),
    with the report's title under "title" when a :class:`analysis.findings.Findings` output set one."""
    from analysis.findings import TITLE_MIMETYPE

    record: dict[str, Any] = {}
    title, titled = None, None
    for cell in notebook.cells:
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if TITLE_MIMETYPE in data:
                lifted = dict(data.pop(TITLE_MIMETYPE)).get("title")
                if lifted:
                    title, titled = lifted, data
            if PROVENANCE_MIMETYPE in data:
                record = dict(data[PROVENANCE_MIMETYPE])
            else:
                kept.append(output)
        if cell.get("cell_type") == "code":
            cell["outputs"] = kept
    if title:
        record["title"] = str(title)
        _drop_heading(titled, str(title))
    return record


def _drop_heading(data: dict[str, Any], title: str) -> None:
    """Remove a table's own heading from its HTML output once its title is the page's title (the
    header shows it: the same words twice, one under the other, read as a fault)."""
    page = data.get("text/html")
    text = "".join(page) if isinstance(page, list) else page
    if isinstance(text, str):
        data["text/html"] = text.replace(f'<h2 class="wb-title">{html.escape(title)}</h2>', "", 1)


def _utc_moment(stamp: object) -> dt.datetime | None:
    """An ISO time (``Z`` allowed) as an aware UTC time, one without a zone taken as UTC; None for none.
    ValueError for text that is not an ISO time."""
    if not stamp:
        return None
    moment = dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _when(stamp: object) -> str:
    """A run's end time for readers: ``2 Dec 2026, 11:40 UTC`` (now when papermill recorded none)."""
    try:
        moment = _utc_moment(stamp) or dt.datetime.now(dt.timezone.utc)
    except ValueError:
        return str(stamp)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


def _index_time(stamp: object) -> str:
    """An ISO time for the index page: ``2026-12-04 15:40 UTC`` (text that is not an ISO time is shown
    as it is, nothing for none)."""
    try:
        moment = _utc_moment(stamp)
    except ValueError:
        return str(stamp)
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else ""


def _duration(seconds: object) -> str:
    return f"{float(seconds):.1f} s" if isinstance(seconds, (int, float)) else ""


def notebook_parameters(notebook: str | os.PathLike[str]) -> dict[str, Any]:
    """The defaults of a notebook's ``parameters`` cell, as Python values (text where not a literal)."""
    import_jsonschema_lazily()  # before nbformat is imported (see analysis.lazy_imports)
    import ast

    import papermill

    defaults = {}
    for name, spec in papermill.inspect_notebook(str(notebook_path(notebook))).items():
        try:
            defaults[name] = ast.literal_eval(spec["default"])
        except (ValueError, SyntaxError):
            defaults[name] = spec["default"]
    return defaults


def path_roots(parameters: dict[str, Any] | None = None, *, cwd: str | os.PathLike[str] | None = None
               ) -> list[tuple[str, str]]:
    """Absolute folders of this machine and what a shared page shows instead, longest first.

    The working folder and the project's folder become relative paths; the folder holding each
    absolute path among ``parameters`` (a corpus or lexicon outside the working folder) is dropped,
    so ``/home/me/news/own`` shows as ``own``; the home folder becomes ``~``.
    """
    here = Path(cwd or os.getcwd()).resolve()
    roots: dict[str, str] = {str(Path.home().resolve()): "~", str(here): "", str(NOTEBOOK_DIR.parent): ""}
    for value in (parameters or {}).values():
        if isinstance(value, str) and os.path.isabs(value) and len(value) < 4096:
            path = Path(value).resolve()
            if here not in path.parents and len(path.parents) > 1:
                roots.setdefault(str(path.parent), "")
    return sorted(((k, v) for k, v in roots.items() if len(k) > 1), key=lambda kv: -len(kv[0]))


def relative_paths(text: str, roots: list[tuple[str, str]]) -> str:
    """``text`` with every absolute path under one of ``roots`` (see :func:`path_roots`) shown relative."""
    for prefix, shown in roots:
        text = text.replace(prefix + "/", f"{shown}/" if shown else "")
        text = re.sub(re.escape(prefix) + r"(?![\w.-])", shown or ".", text)
    return text


def _shared_js_name() -> str:
    import plotly

    return f"plotly-{plotly.__version__}.min.js"


def write_shared_js(out_dir: str | os.PathLike[str]) -> Path:
    """Write plotly.js once into ``out_dir`` (the file reports rendered with ``shared_js`` load)."""
    from plotly.offline import get_plotlyjs

    path = Path(out_dir) / _shared_js_name()
    if not path.exists():
        atomic_write(path, get_plotlyjs())
    return path


def _is_plotlyjs(output: dict) -> bool:
    from analysis.display import PLOTLYJS_MARK

    return bool(output.get("metadata", {}).get(PLOTLYJS_MARK))


def _without_plotlyjs(executed_json: str) -> str:
    """The executed notebook without the output that embeds plotly.js (3.5 MB; JupyterLab draws the
    charts from their plotly JSON): every chart keeps its outputs."""
    notebook = json.loads(executed_json)
    for cell in notebook.get("cells", []):
        if cell.get("outputs"):
            cell["outputs"] = [o for o in cell["outputs"] if not _is_plotlyjs(o)]
    return json.dumps(notebook, indent=1, ensure_ascii=False)


def export_html(executed: Path, *, title: str | None = None, parameters: dict[str, Any] | None = None,
                paths: list[tuple[str, str]] | None = None, shared_js: str | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page with the code hidden.

    Input cells and prompts are left out. A header shows the title, the parameters (``parameters``,
    else those papermill recorded), the run time and the provenance the notebook recorded with :func:`analysis.record_provenance`
    (corpus fingerprint, lexicon hashes, package versions); every value in it is escaped. The page loads
    nothing from the network: the template (``analysis/templates/workbench``) drops the CDN scripts of
    JupyterLab's template.
    """
    import_jsonschema_lazily()  # before nbformat is imported (see analysis.lazy_imports)
    import nbformat
    from nbconvert import HTMLExporter

    notebook = nbformat.read(executed, as_version=4)
    provenance = _lift_provenance(notebook)
    title = provenance.get("title") or title or notebook.metadata.get("title") or Path(executed).stem
    if shared_js:
        _link_plotlyjs(notebook, f"../{shared_js}")
    _readers_warnings(notebook)
    run = notebook.metadata.get("papermill", {})
    notebook.metadata["title"] = title
    header = {
        "title": title,
        "parameters": _shown_parameters(parameters if parameters is not None else run.get("parameters") or {},
                                        chosen={"title": title, **(provenance.get("chosen") or {})}),
        "rendered": _when(run.get("end_time")),
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
    return relative_paths(body, paths if paths is not None else path_roots(parameters))


#: Where a warning on a report page sends its reader to see what loading skipped or altered.
REPORT_LOAD_SECTION = "the Load report section of this page"


def _readers_warnings(notebook) -> None:
    """The warnings a notebook printed, worded for the page's reader: "see the load report" points to
    the page's own Load report section, not to ``documents.attrs`` in Python (the executed notebook
    keeps the Python wording). The page styles them as notices (the template), not as errors."""
    from analysis.corpus.report import REPORT_PLACE

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                output["text"] = output.get("text", "").replace(REPORT_PLACE, REPORT_LOAD_SECTION)


def _shown_parameters(parameters: dict[str, Any], *, chosen: dict[str, Any]) -> dict[str, str]:
    """The header's parameters as text: a parameter left None that the report chose a value for
    (``chosen``: what :func:`analysis.record_provenance` recorded, and the page's title) shows that value
    and says so, unless the value says the parameter does not apply ("n/a (no dates in this corpus)":
    nothing was chosen); one left None otherwise shows "—" (the notebook's default: no limit, the shipped
    lexicon ...), never ``null``; the rest as given (JSON for anything but text)."""
    shown = {}
    for key, value in parameters.items():
        if value is None and str(chosen.get(key, "")).startswith("n/a"):
            shown[key] = str(chosen[key])
        elif value is None and chosen.get(key) not in (None, ""):
            shown[key] = f"{chosen[key]} (not given: chosen by the report)"
        elif value is None:
            shown[key] = "—"
        else:
            shown[key] = value if isinstance(value, str) else json.dumps(value)
    return shown


def _link_plotlyjs(notebook, src: str) -> None:
    """Replace the embedded plotly.js with a script that loads it from ``src``."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if _is_plotlyjs(output):
                output["data"] = {"text/html": f'<script type="text/javascript" src="{html.escape(src, quote=True)}">'
                                               "</script>"}


def _kernel_for(notebook: Path) -> str:
    """The notebook's own kernel when it is installed, else the current interpreter's ``python3``."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager

    wanted = nbformat.read(notebook, as_version=4).metadata.get("kernelspec", {}).get("name", "python3")
    return wanted if wanted in KernelSpecManager().find_kernel_specs() else "python3"


#: The papermill engine :func:`render_report` runs notebooks with (:func:`_papermill_engine`).
_PAPERMILL_ENGINE = "workbench"


@functools.cache
def _papermill_engine() -> str:
    """Register papermill's nbclient engine, saving the executed notebook when the run ends, under
    ``"workbench"`` (once per process) and return that name.

    papermill's own engine writes the whole notebook (JSON with indentation, plotly.js included) before
    and after every cell: 80 writes for a brief, most of the CPU a report costs outside its kernel. This
    one writes it when the run ends, failed or not (papermill saves it on completion, on a cell's error
    and when the kernel dies), which is all :func:`render_report` reads: the run goes to a scratch
    folder nobody watches. Same executed notebook.
    """
    from papermill.engines import NBClientEngine, papermill_engines

    class SaveAtEnd(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any) -> Any:
            output_path, nb_man.output_path = nb_man.output_path, None  # no save per cell
            try:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            finally:
                nb_man.output_path = output_path  # papermill's notebook_complete() saves, also on failure

    papermill_engines.register(_PAPERMILL_ENGINE, SaveAtEnd)
    return _PAPERMILL_ENGINE


@functools.cache
def _kernel_manager_class() -> type:
    """jupyter_client's kernel manager, without the interrupt it sends before shutting a kernel down.

    ``shutdown_kernel`` sends SIGINT first (to stop a running cell), then a shutdown request on the
    control channel, then kills the process if it has not exited. A report's kernel is shut down when
    its last cell has run, so the interrupt stops nothing; arriving while the kernel still answered a
    message it printed ``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel.`` on about every
    second report, which reads as a failure. The shutdown request (answered on the control channel even
    while a cell runs) and the kill stay; an interrupt asked for outside a shutdown is sent as before.
    """
    from jupyter_client.manager import AsyncKernelManager

    class ReportKernelManager(AsyncKernelManager):
        async def _async_interrupt_kernel(self) -> None:
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return ReportKernelManager


def _kernel_manager_with(env: dict[str, str] | None) -> type:
    """:func:`_kernel_manager_class`, starting its kernel with ``env`` added to this process' environment
    (``env`` empty or None: that class itself)."""
    base = _kernel_manager_class()
    if not env:
        return base
    added = dict(env)

    class WithEnvironment(base):  # type: ignore[valid-type, misc]
        async def start_kernel(self, **kw: Any) -> None:
            kw["env"] = {**kw.get("env", os.environ), **added}
            await super().start_kernel(**kw)

    return WithEnvironment


def _kernel_config() -> Any:
    """The kernel manager's settings: CurveZMQ transport encryption where the kernel supports it.

    A report's kernel talks to papermill over local TCP; ipykernel 7 logs "Kernel is running over TCP
    without encryption" on every start unless the manager provisions CurveZMQ keys, which jupyter_client
    8.10+ does with ``transport_encryption="auto"`` for kernels that declare support. Older versions
    lack the setting and print no such warning; nothing else the kernel logs is hidden.
    """
    from jupyter_client.manager import KernelManager
    from traitlets.config import Config

    if "transport_encryption" not in KernelManager.class_trait_names():
        return Config()
    return Config({"KernelManager": {"transport_encryption": "auto"}})


KERNEL_RESTARTED_WARNING = ("warning: the report's first kernel died or did not answer before any cell ran; "
                            "it was run again in a new kernel")


#: Seconds a cell's output may take to arrive after the kernel says the cell ran. papermill fails the
#: report after nbclient's default of 4 s, which a chart cell on a busy machine exceeds (a report failed
#: with "Timeout waiting for IOPub output" at load 10 on 2 cores and rendered on the next try).
IOPUB_TIMEOUT_S = 300


def _execute_notebook(source: Path, executed: Path, *, parameters: dict[str, Any], progress_bar: bool,
                      env: dict[str, str] | None = None) -> bool:
    """Run ``source`` through papermill into ``executed``, once more if its kernel was lost before any
    cell ran; whether it was run again. ``env``: added to the kernel's environment.

    A kernel that dies while starting, or does not answer within papermill's start timeout (a machine
    busy with a batch of reports), fails the report without running a line of it; the second start
    usually succeeds. A failure inside a cell, or a kernel lost after a cell ran, is raised at once.
    """
    import papermill

    def run() -> None:
        papermill.execute_notebook(
            str(source), str(executed), parameters=parameters, kernel_name=_kernel_for(source),
            cwd=str(source.parent), progress_bar=progress_bar, config=_kernel_config(),
            engine_name=_papermill_engine(), kernel_manager_class=_kernel_manager_with(env),
            iopub_timeout=IOPUB_TIMEOUT_S,
        )

    try:
        run()
    except Exception as error:
        if not _kernel_lost_before_any_cell(error, executed):
            raise
        executed.unlink(missing_ok=True)
        run()
        return True
    return False


def _kernel_lost_before_any_cell(error: BaseException, executed: Path) -> bool:
    """Whether ``error``, raised by papermill, is a kernel that died or never answered (nbclient's
    ``DeadKernelError``, jupyter_client's "Kernel didn't respond" / "Kernel died" ``RuntimeError``)
    while no cell of the executed notebook at ``executed`` (absent: none) had started."""
    from nbclient.exceptions import DeadKernelError

    lost = isinstance(error, DeadKernelError) or (
        type(error) is RuntimeError and str(error).startswith(("Kernel didn't respond", "Kernel died")))
    if not lost:
        return False
    if not executed.exists():
        return True
    import nbformat

    cells = nbformat.read(executed, as_version=4).cells
    return all(cell.get("execution_count") is None and not cell.get("outputs") for cell in cells
               if cell.cell_type == "code")


def render_report(
    notebook: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str],
    parameters: dict[str, Any] | None = None,
    name: str | None = None,
    progress_bar: bool = False,
    shared_js: bool = False,
) -> ReportResult:
    """Execute ``notebook`` with ``parameters`` and export it into ``out_dir/<name>/``.

    Writes ``<name>.ipynb`` (the executed notebook, parameters in its metadata, without the copy of
    plotly.js the page needs), ``<name>.html`` and ``manifest.json``. Parameters are checked first
    (:func:`check_parameters`), then the corpus (:func:`check_corpus`: bad input is an InputError
    before a kernel starts, with nothing written); the articles the check loaded are handed to the
    kernel, which does not load them again (:mod:`analysis.corpus.handoff`). On failure the executed notebook, with the error in it, is kept as
    ``<name>.failed.ipynb`` for inspection and the error is raised with that path as its
    ``failed_notebook`` attribute (None when the notebook never ran); a stale error notebook of an
    earlier run is removed first, and any earlier good report is left as it was.

    The page never shows absolute paths of this machine: paths under the working folder are shown
    relative to it, others relative to the folder holding the corpus (or lexicon); the manifest keeps
    the full paths. With ``shared_js`` the page loads plotly.js from ``out_dir/plotly-<version>.min.js``
    (written once per folder) instead of embedding it: for batches served from one folder.
    """
    return _render(notebook, out_dir=out_dir, parameters=parameters, name=name, progress_bar=progress_bar,
                   shared_js=shared_js)


def _render(notebook: str | os.PathLike[str], *, out_dir: str | os.PathLike[str], parameters: dict[str, Any] | None,
            name: str | None, progress_bar: bool, shared_js: bool, handed: str | None = None) -> ReportResult:
    """:func:`render_report`; ``handed``: the folder of articles a batch loaded and checked
    (:func:`analysis.corpus.handoff.write_checked`), read instead of loading the corpus again when they
    are this report's load. The articles loaded by the check go to the kernel in a folder of the run
    (``<name>/.run-*/corpus``, removed with it), named in its environment
    (:data:`analysis.corpus.handoff.CHECKED_CORPUS_ENV`): the corpus is loaded once per report."""
    from analysis.corpus.handoff import CHECKED_CORPUS_ENV, read_checked_folder, write_checked

    import_jsonschema_lazily()  # before papermill imports nbformat (see analysis.lazy_imports)

    source = notebook_path(notebook)
    name = name or source.stem
    parameters = check_parameters(source, dict(parameters or {}))
    effective = {**notebook_parameters(source), **parameters}
    given = read_checked_folder(handed) if handed else None
    # bad input said here, before a kernel starts or a folder is made
    checked = _checked_corpus(source, parameters, keys=CORPUS_PARAMETERS, handed=given)
    target = Path(out_dir) / name
    target.mkdir(parents=True, exist_ok=True)
    failed = target / f"{name}.failed.ipynb"
    failed.unlink(missing_ok=True)
    started = dt.datetime.now(dt.timezone.utc)
    with tempfile.TemporaryDirectory(dir=target, prefix=".run-") as scratch:
        executed = Path(scratch) / f"{name}.ipynb"
        env = None
        if checked is not None:
            folder = handed if given is not None and checked is given else write_checked(Path(scratch) / "corpus", checked)
            env = {CHECKED_CORPUS_ENV: str(Path(folder).resolve())}
        checked = given = None  # the kernel reads them: not held here while it runs
        try:
            rerun = _execute_notebook(source, executed, parameters=parameters, progress_bar=progress_bar, env=env)
            page = export_html(executed, title=effective.get("title"), parameters=effective,
                               paths=path_roots(effective), shared_js=_shared_js_name() if shared_js else None)
        except Exception as error:  # an interruption (KeyboardInterrupt, SystemExit) leaves no error notebook
            if executed.exists():
                atomic_write(failed, executed.read_bytes())
            try:
                error.failed_notebook = failed if failed.exists() else None  # type: ignore[attr-defined]
            except AttributeError:
                pass
            raise
        executed_text = executed.read_text(encoding="utf-8")
        printed = notebook_warnings(executed_text)
        atomic_write(target / f"{name}.ipynb", _without_plotlyjs(executed_text))
    if shared_js:
        write_shared_js(out_dir)
    html_path = target / f"{name}.html"
    atomic_write(html_path, page)
    result = ReportResult(
        name=name, notebook=str(source), html=html_path, executed=target / f"{name}.ipynb",
        parameters=parameters, html_bytes=html_path.stat().st_size, rendered_at=started.isoformat(),
        warnings=printed, kernel_restarted=rerun,
    )
    manifest = {**asdict(result), "html": str(result.html.resolve()), "executed": str(result.executed.resolve()),
                "effective_parameters": effective, "versions": package_versions()}
    atomic_write(target / "manifest.json", json.dumps(manifest, indent=2, default=str))
    return result


def notebook_warnings(executed: str) -> tuple[str, ...]:
    """The warnings an executed notebook (its JSON text) printed, in order, each once: the
    ``warning: ...`` lines of its stderr outputs (the form :func:`analysis.setup_notebook` gives them),
    for the command line to repeat after "report written"."""
    import nbformat

    found: dict[str, None] = {}
    for cell in nbformat.reads(executed, as_version=4).cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.update((line, None) for line in output.get("text", "").splitlines()
                             if line.startswith("warning: "))
    return tuple(found)


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
    its full text is a whole traceback), else the error itself. A chart that could not draw the table
    the report made for it (:class:`~analysis.errors.ChartTableError`) is said to be the report's fault,
    without the hint to pass another table (the user passed none)."""
    kind = getattr(error, "ename", type(error).__name__)
    text = getattr(error, "evalue", str(error))
    if kind == ChartTableError.__name__:
        drawn = " ".join(str(text).split()).split(" Pass ", 1)[0]
        text = (f"the report made a table one of its charts cannot draw ({drawn}) - a fault of the workbench's "
                f"report, not of your corpus or parameters; please report it with the corpus it ran on.")
    return _one_line_error(kind, text)


def _one_line_error(kind: object, text: object, *, limit: int = 2000) -> str:
    """``kind: text`` on one line (whitespace collapsed), at most ``limit`` characters."""
    return " ".join(f"{kind}: {text}".split())[:limit]


def _render_one(notebook: str, out_dir: str, parameters: dict[str, Any], name: str,
                shared_js: bool = False, handed: str | None = None) -> ReportResult | ReportFailure:
    """Worker: render one report (``handed``: the folder of the articles the batch loaded for it); a
    failure is returned, not raised, so the batch goes on. A worker told to stop (SIGTERM) ends once
    the report under way has shut its kernel down."""
    if _STOPPING:
        os._exit(143)
    try:
        return _render(notebook, out_dir=out_dir, parameters=parameters, name=name, progress_bar=False,
                       shared_js=shared_js, handed=handed)
    except SystemExit:
        if _STOPPING:
            os._exit(143)
        raise
    except Exception as error:  # noqa: BLE001 - any failure of one report is reported, never fatal
        return ReportFailure(name=name, parameters=parameters, error=describe_failure(error),
                             notebook=getattr(error, "failed_notebook", None))


_STOPPING = False  # set in a batch worker process by SIGTERM


def _worker_init(log: str | None = None) -> None:
    """Batch workers leave Ctrl-C to the main process (which stops them) and end cleanly on SIGTERM:
    the kernel of the report under way is shut down on the way out. The chatter of workers and their
    kernels (warnings, a kernel's own traceback when Ctrl-C reaches it) goes to ``log``, not the
    terminal: each failure is reported once, in one line, by the batch."""
    ignore_interrupts()
    if log is not None:
        descriptor = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        os.dup2(descriptor, 2)
        os.close(descriptor)

    def stop(signum, frame):  # noqa: ARG001 - signal handler signature
        global _STOPPING
        _STOPPING = True
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def batch_runs(base: str, parameters: dict[str, Any] | None, each: dict[str, list[Any]] | None
               ) -> list[tuple[dict[str, Any], str]]:
    """Each report of a batch: its parameters and a folder name of its own.

    Values that give the same folder name (``a/b`` and ``a-b``) get distinct folders: the second and
    later ones end in ``-2``, ``-3``, ...
    """
    runs, seen = [], set()
    for varying in expand_each(each):
        name = batch_name(base, varying) if varying else base
        unique, k = name, 2
        while unique.lower() in seen:
            unique, k = f"{name}-{k}", k + 1
        seen.add(unique.lower())
        runs.append(({**(parameters or {}), **varying}, unique))
    return runs


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped a batch: the reports finished before it are kept and indexed."""

    def __init__(self, result: BatchResult) -> None:
        super().__init__(f"interrupted: {len(result.reports)} report(s) finished and kept; index: {result.index}")
        self.result = result


def render_batch(
    notebook: str | os.PathLike[str],
    *,
    out_dir: str | os.PathLike[str],
    parameters: dict[str, Any] | None = None,
    each: dict[str, list[Any]] | None = None,
    workers: int | None = None,
    progress: bool = True,
    shared_js: bool = False,
) -> BatchResult:
    """Render one report per combination of ``each`` values, several at once in worker processes.

    One failing report does not stop the others: failures are collected with their error and error
    notebook. ``out_dir/index.html`` lists every report in ``out_dir`` afterwards; the workers' and
    kernels' own messages go to ``out_dir/.batch.log``. Ctrl-C cancels the
    queued reports, stops the running ones within seconds, writes the index of what finished and
    raises :class:`BatchInterrupted` (a KeyboardInterrupt) carrying that result.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    from tqdm.auto import tqdm

    from analysis.corpus.handoff import write_checked

    source = notebook_path(notebook)
    runs = batch_runs(source.stem, parameters, each)
    checked: list[dict[str, Any]] = []
    loaded = []  # (the runs' loading, the articles loaded for them) of each corpus a kernel can be handed
    for params, _ in runs:
        check_parameters(source, params)
        loading = {key: value for key, value in params.items() if key == "corpus" or key in _LOADING_PARAMETERS}
        if loading not in checked:  # each corpus once, before any folder is made; the documents each report
            found = _checked_corpus(source, params, keys=_LOADING_PARAMETERS)  # chooses (start, doc_id ...): by its worker
            checked.append(loading)
            if found is not None:
                loaded.append((loading, found))
    workers = max(1, min(workers or os.cpu_count() or 1, len(runs)))
    results: list[ReportResult | ReportFailure] = []
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    log = str(Path(out_dir) / ".batch.log")
    # the articles loaded above, for every report's check and kernel: the corpus is loaded once per batch
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".checked-") as scratch:
        handed = [(loading, str(write_checked(Path(scratch) / str(i), found))) for i, (loading, found) in enumerate(loaded)]
        loaded.clear()
        folder_of = [next((folder for loading, folder in handed if loading == {
            key: value for key, value in params.items() if key == "corpus" or key in _LOADING_PARAMETERS}), None)
            for params, _ in runs]
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=_worker_init,
                                   initargs=(log,))
        try:
            futures = [pool.submit(_render_one, str(source), str(out_dir), params, name, shared_js, folder)
                       for (params, name), folder in zip(runs, folder_of)]
            for future in tqdm(as_completed(futures), total=len(futures), desc="reports", unit="report",
                               disable=not progress):
                results.append(future.result())
        except KeyboardInterrupt:
            stop_pool(pool, grace=10.0)
            raise BatchInterrupted(_batch_result(results, runs, out_dir)) from None
        pool.shutdown(wait=True)
    return _batch_result(results, runs, out_dir)


def _batch_result(results: list, runs: list[tuple[dict[str, Any], str]], out_dir: str | os.PathLike[str]
                  ) -> BatchResult:
    order = {name: i for i, (_, name) in enumerate(runs)}
    results = sorted(results, key=lambda r: order[r.name])
    return BatchResult(
        reports=[r for r in results if isinstance(r, ReportResult)],
        failures=[r for r in results if isinstance(r, ReportFailure)],
        index=write_index(out_dir),
    )


def _failed_run(notebook: Path) -> tuple[dict[str, Any], str, str]:
    """The parameters, error (:func:`describe_failure`'s one line, from the notebook's first error
    output; "" when it holds none) and time (ISO, UTC) of the run an error notebook records."""
    try:
        saved = json.loads(notebook.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, "", ""
    run = saved.get("metadata", {}).get("papermill", {}) if isinstance(saved, dict) else {}
    error = next((_one_line_error(o.get("ename", ""), o.get("evalue", ""), limit=300)
                  for cell in saved.get("cells", []) for o in cell.get("outputs", [])
                  if o.get("output_type") == "error"), "")
    when = dt.datetime.fromtimestamp(notebook.stat().st_mtime, dt.timezone.utc).isoformat(timespec="seconds")
    return dict(run.get("parameters") or {}), error, when


def write_index(out_dir: str | os.PathLike[str]) -> Path:
    """Write ``out_dir/index.html``: every report in ``out_dir`` with its parameters, date and size.

    A folder whose last run failed (its ``.failed.ipynb`` is newer than its report) is listed as failed,
    with the parameters, time and error of that run (:func:`_failed_run`) and a link to the error
    notebook. Every value is escaped.
    """
    root = Path(out_dir)
    rows = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        manifest_path = folder / "manifest.json"
        failed = folder / f"{folder.name}.failed.ipynb"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else None
        if failed.exists() and (manifest is None or failed.stat().st_mtime > manifest_path.stat().st_mtime):
            params, error, when = _failed_run(failed)
            rows.append((folder.name, f"{folder.name}/{failed.name}", f"failed: {error}" if error else "failed",
                         params, when, ""))
        elif manifest is not None:
            rows.append((folder.name, f"{folder.name}/{folder.name}.html", "ok", manifest.get("parameters", {}),
                         manifest.get("rendered_at", ""), f"{manifest.get('html_bytes', 0) / 1e6:.2f} MB"))
    body = "\n".join(
        f"<tr class=\"{status.split(':')[0]}\"><td><a href=\"{html.escape(link, quote=True)}\">{html.escape(name)}</a></td>"
        f"<td>{html.escape(status)}</td><td>{'<br>'.join(html.escape(f'{k} = {v}') for k, v in params.items())}</td>"
        f"<td>{html.escape(_index_time(when))}</td><td>{html.escape(size)}</td></tr>"
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
    shown = {f"{i}.{key}": v for i, (*_, params, _w, _s) in enumerate(rows) for key, v in params.items()}
    atomic_write(index, relative_paths(page, path_roots(shown)))
    return index
