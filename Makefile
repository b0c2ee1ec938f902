# The two commands a newcomer needs: `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
# Silences Material's notice of its 2027 end of life (README says what follows from it).
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
EDITOR_BUNDLE := build/vendor/editor.js
# pyodide-build's lockfile tooling, which adds the browser's Python to the site's package list,
# runs on Python 3.12 (pyenv's, or python3.12 on the PATH) in an environment of its own.
PYODIDE_BUILD_VENV := .venv-pyodide-build
PYODIDE_BUILD_PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12.*/bin/python) $(shell command -v python3.12))
PYODIDE_BUILD := pyodide-build==0.39.2 pkginfo==2.0

.PHONY: help setup serve build test test-fast lint format check update-outputs bench clean
.PHONY: serve-en serve-ko translations mark-synced

help: ## List the targets and what each does
	@grep -E '^[a-z-]+( [a-z-]+)*:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

setup: $(VENV)/.installed node_modules/.installed $(EDITOR_BUNDLE) $(PYODIDE_BUILD_VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(PYODIDE_BUILD_VENV)/.installed: Makefile
	@test -n "$(PYODIDE_BUILD_PYTHON)" || { echo "pyodide-build needs Python 3.12: install it (pyenv install 3.12) or set PYODIDE_BUILD_PYTHON"; exit 1; }
	$(PYODIDE_BUILD_PYTHON) -m venv $(PYODIDE_BUILD_VENV)
	$(PYODIDE_BUILD_VENV)/bin/pip install --quiet $(PYODIDE_BUILD)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(EDITOR_BUNDLE): node_modules/.installed $(wildcard src/browser/*.js)
	npm run --silent build

PORT ?= 8000

# `exec`: make's child is the server itself, which stops when make does.
serve: setup ## Serve the site at http://127.0.0.1:8000 (or PORT=8010) and rebuild on every save
	exec $(BIN)/python -m asyncio_notes.preview --port $(PORT)

build: setup ## Build the static site into site/
	$(BIN)/mkdocs build

# Three workers (pytest-xdist) in two lanes: tests that a program's timing can fail in the first,
# the rest in the other two at the lowest CPU priority (tests/support/lanes.py); the first often
# waits while programs sleep, and the others use the CPUs meanwhile. TEST_WORKERS=1: one.
TEST_WORKERS ?= 3

test: setup lint ## Lint, then run every test: snippets (CPython and Pyodide), pages, the strict build, the browser
	$(BIN)/pytest -n $(TEST_WORKERS) --lanes

PYTHON_SOURCES := src tests docs/assets/runner/*.py docs/assets/timeline/*.py

lint: setup ## Check the Python (ruff: lint and format) and the JavaScript (TypeScript's checker)
	$(BIN)/ruff check $(PYTHON_SOURCES)
	$(BIN)/ruff format --check $(PYTHON_SOURCES)
	node_modules/.bin/tsc -p tsconfig.json

format: setup ## Format the Python as `make lint` wants it (ruff format)
	$(BIN)/ruff format $(PYTHON_SOURCES)

test-fast: setup ## The quick loop: examples under CPython, page checks, tooling (no build, browser, Pyodide)
	$(BIN)/pytest -m "not browser and not slow and not pyodide"

update-outputs: setup ## Record what the examples print (all, or NAMES="03_tasks/create_task ...")
	$(BIN)/python -m asyncio_notes update-outputs $(NAMES)

check: setup ## Check one example in seconds: make check NAME=03_tasks/create_task [RECORD=1]
	@test -n "$(NAME)" || { echo "usage: make check NAME=03_tasks/create_task [RECORD=1]"; exit 2; }
	$(BIN)/python -m asyncio_notes check $(NAME) $(if $(RECORD),--record)

serve-en serve-ko: setup ## Preview one language only, at the root of http://127.0.0.1:8000 (or PORT=...)
	exec $(BIN)/python -m asyncio_notes.preview --port $(PORT) --language $(@:serve-%=%)

translations: setup ## Which translations are up to date, outdated or missing, and what changed
	$(BIN)/python -m asyncio_notes translations $(PAGE)

mark-synced: setup ## After updating a translation: make mark-synced PAGE=tasks.md
	@test -n "$(PAGE)" || { echo "usage: make mark-synced PAGE=tasks.md [TRANSLATION=ko]"; exit 2; }
	$(BIN)/python -m asyncio_notes mark-synced $(PAGE) $(if $(TRANSLATION),--language $(TRANSLATION))

bench: setup ## Measure the reader's waits and the page weight against their budgets
	$(BIN)/python -m asyncio_notes.bench

clean:
	rm -rf site build $(VENV) $(PYODIDE_BUILD_VENV) node_modules
