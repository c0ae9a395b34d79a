# Quick start: `make run` (install, start the embedded graph, load the bundled
# corpus, validate, serve on 127.0.0.1:8000) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# pytest-xdist workers for `make test` (auto: one per core; 0 runs the suite in one process)
TEST_WORKERS ?= auto

.PHONY: run test lint typecheck unit bench stop clean vendor

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

run: $(VENV)/.installed
	$(BIN)/policykg up --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev node_modules/.package-lock.json lint typecheck unit

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev node_modules/.package-lock.json
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

# the explorer's browser assets (api/static/vendor/, committed) from the npm packages
vendor: node_modules/.package-lock.json
	$(PYTHON) scripts/vendor_assets.py

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench.extraction
	$(BIN)/python -m bench.streaming

stop: $(VENV)/.installed
	$(BIN)/policykg db stop

clean:
	rm -rf $(VENV) node_modules .mypy_cache .ruff_cache .pytest_cache
