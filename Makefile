# One command to run the app, one to run every check. Each sets up .venv on first use, with the
# versions pinned in uv.lock, and reinstalls only when pyproject.toml or uv.lock changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The unit, cli and app tiers on every core; a worker that runs out of tests takes queued ones
# from another (the journey walks take far longer than the rest).
PARALLEL := -n auto --dist worksteal

.PHONY: run test test-fast lint format validate bench

run: $(STAMP)
	$(BIN)/streamlit run dashboard.py

test: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python -m dialogue_tracker validate
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser"
	$(BIN)/python -m pytest -m browser

test-fast: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/python -m dialogue_tracker validate
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser"

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

validate: $(STAMP)
	$(BIN)/python -m dialogue_tracker validate

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

$(STAMP): pyproject.toml uv.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	VIRTUAL_ENV= $(BIN)/uv sync --quiet --frozen --inexact --extra test --python $(BIN)/python
	touch $(STAMP)
