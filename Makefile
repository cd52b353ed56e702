# Presseschau: `make run` sets everything up and runs the pipeline on corpus/;
# `make test` sets everything up (incl. headless Chromium for the review UI tests, pdftotext and pdflatex for the cleaner's PDF tests) and runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pytest-xdist workers for `make test`: one per core and one more, since part of the suite waits on the processes it
# starts (at most 4: each holds the model); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; print(min(4, len(os.sched_getaffinity(0)) + 1))')

.PHONY: setup run test bench model de_core_news_md evaluate clean-outputs labelstudio-check browser pdftools

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run corpus --out outputs

# Chromium from Debian's packages (Playwright's own browser download needs the internet).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: install Debian's chromium package to run the browser tests"; fi; }

# pdftotext (poppler) and pdflatex for the cleaner's tests on typeset articles (bench/clean_bench):
# without them those tests are skipped, so a failed install is said and the tests go on.
PDF_TOOLS := poppler-utils texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-lang-german lmodern
pdftools:
	@command -v pdftotext >/dev/null 2>&1 && command -v pdflatex >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_TOOLS); } >/dev/null 2>&1 \
	    || echo "could not install $(PDF_TOOLS): the tests on typeset PDFs are skipped"; \
	  else echo "pdftotext or pdflatex missing (Debian: $(PDF_TOOLS)): the tests on typeset PDFs are skipped"; fi; }

# pytest exits 5 when it collected no test: that is a failure here, not a pass. The 25 slowest
# steps are listed at the end (CI is kept under 20 minutes). --no-loadscope-reorder: the files go to the workers
# in the order tests/conftest.py gives them, the longest first (xdist >= 3.5 sorts them by their number of
# tests otherwise, and the long files, which have few tests, came last and kept one worker busy alone).
test: $(STAMP) browser pdftools
	@$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=25; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

# Label Studio's own SDK pins an older numpy than the project's: its round-trip check runs in a venv of its own.
labelstudio-check:
	test -x .venv-ls/bin/python || $(PYTHON) -m venv .venv-ls
	.venv-ls/bin/python -m pip install --quiet "label-studio-sdk>=2.1" -e . pytest
	.venv-ls/bin/python -m pytest -q tests/test_interop_roundtrip.py -k label_studio -p no:cacheprovider

evaluate: $(STAMP)
	$(PY) -m pipeline evaluate --run outputs/articles.jsonl

bench: $(STAMP)
	$(PY) bench/bench_model_speed.py
	$(PY) bench/bench_batch.py

# With internet: the user's model of choice; `presseschau run` then uses it automatically.
de_core_news_md: $(STAMP)
	$(PY) -m spacy download de_core_news_md

# Rebuild the bundled offline model from ../shared/data (hours on 2 cores; see training/README.md).
model: $(STAMP)
	$(PY) -m pip install --quiet -e ".[train]"
	$(MAKE) -f training/Makefile all PY=$(PY)
