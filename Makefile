# The two commands a newcomer needs: `make demo` and `make test`.
# Everything runs in a virtual environment of its own, made on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint schema catalogs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: install, then write a sample workshop and its reports to coprod-demo/
DEMO ?= coprod-demo
demo: $(STAMP)
	$(BIN)/coprod demo $(DEMO)
	@echo
	@echo "coprod is installed in $(VENV), not on your PATH. Run it as $(BIN)/coprod"
	@echo "(try: $(BIN)/coprod --help), or first type: . $(BIN)/activate"
	@echo "and then plain coprod works in this terminal. To have it in every terminal:"
	@echo "pipx install ."

## test: install, then run the test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff, formatting and mypy
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## schema: regenerate the JSON Schemas under schema/
schema: $(STAMP)
	for kind in rubric roles flags translation answers; do \
		$(BIN)/coprod rubric schema --kind $$kind > schema/$$kind.schema.json; \
	done

## catalogs: bring the message catalogs up to date with the code (see CONTRIBUTING.md)
catalogs: $(STAMP)
	$(BIN)/python tools/catalogs.py

## bench: run the benchmarks in bench/ (not part of the tests)
bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/score_bench.py
	$(BIN)/python bench/report_bench.py
	$(BIN)/python -m bench.assess_save_bench
	$(BIN)/python -m bench.room_bench

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
