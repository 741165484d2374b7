# eventwire: `make demo` and `make test` are all a new user needs (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# CI and small machines: run tests on both cores; EVENTWIRE_TEST_WORKERS=0 runs them in one process.
TEST_WORKERS ?= 2

.PHONY: install demo test test-fast bench lint browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependencies change (pyproject.toml is newer than the stamp).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/eventwire demo

test: install browser
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile

test-fast: install
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not slow"

# The browser tests drive Debian's chromium; install it when missing (needs root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	  echo "warning: could not install chromium; browser tests will be skipped"; }

bench: install
	$(BIN)/python bench/run_all.py

lint: install
	$(BIN)/ruff check src tests bench tools

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
