# Media workbench: `make report` renders the seed's reports (`make report CORPUS=path` your own),
# `make test` runs the whole suite, `make lab` opens JupyterLab.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
KERNEL := media-workbench
OUT    ?= reports
CORPUS ?= seeds
LAB_PORT ?= 8888
# Jupyter refuses to run as root unless told; as any other user the flag is left out.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: report test lab bench setup clean

setup: $(STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11 (or newer) and run make again.")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (media workbench)" >/dev/null
	@touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report article_brief --corpus "$(CORPUS)" --out "$(OUT)"
	$(PY) -m analysis report corpus_report --corpus "$(CORPUS)" --out "$(OUT)"

# One pytest-xdist worker per core; tests that read the same rendered report share a worker (loadgroup).
test: $(STAMP)
	$(PY) -m pytest -n auto --dist loadgroup

lab: $(STAMP)
	@echo "JupyterLab on http://127.0.0.1:$(LAB_PORT)/lab (the full URL with its token is printed below; Ctrl-C stops it)"
	$(PY) -m jupyter lab --notebook-dir=notebooks --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) $(ALLOW_ROOT)

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
