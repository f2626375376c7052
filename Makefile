# Media workbench: `make report` renders the seed report, `make test` runs the whole suite.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
KERNEL := media-workbench
OUT    ?= reports

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
	$(PY) -m analysis report article_brief --corpus seeds --out $(OUT)
	$(PY) -m analysis report corpus_report --corpus seeds --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	@$(PY) -c 'import jupyterlab' 2>/dev/null || $(PY) -m pip install --quiet -e '.[test,lab]'
	$(PY) -m jupyter lab --notebook-dir=notebooks

bench: $(STAMP)
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
