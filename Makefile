# One command per job. Every target creates the same .venv with pip first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= realpolitik.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000
DATA ?= ../shared/data

.PHONY: run test bench eval lint format browser-deps golden clean serve

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian's chromium drives the browser tests (never `playwright install`).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install Debian's chromium; browser tests will fail"; }

# The demo corpus goes into the store; the example article's report is printed (--no-store: it is already
# stored by then, and a stored article is never analyzed twice); then the influence table and the dashboard.
run: $(STAMP)
	@# A store written by an older schema is kept aside (renamed), never overwritten.
	@if [ -f $(DB) ] && $(BIN)/realpolitik stats --db $(DB) 2>&1 >/dev/null | grep -q 'store schema'; then \
		echo "$(DB) has an older schema: moved to $(DB).old-schema, re-analyzing the demo"; \
		mv -f $(DB) $(DB).old-schema; fi
	$(BIN)/realpolitik ingest demo/ --db $(DB)
	$(BIN)/realpolitik analyze demo/kazakhstan-russia-china.txt --no-store --quiet
	$(BIN)/realpolitik influence KAZ --db $(DB)
	@echo "Dashboard: http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/realpolitik serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(STAMP) browser-deps
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy src/realpolitik
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python -m benchmarks --data $(DATA)

eval: $(STAMP)
	$(BIN)/realpolitik eval --data $(DATA)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy src/realpolitik

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

golden: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/cli/test_golden.py --update-golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.duckdb
