# Metelkaar: `make demo` runs the product with demo data, `make test` runs the tests.
# Both set up everything themselves (virtual environment, packages, database).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint bench bench-load worker messages clean install check-chromium

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	@echo "Compiling the matching kernels once (numba keeps them in __pycache__, about a minute)"
	$(PY) -c "import metelkaar.matching._sap, metelkaar.matching._edmonds"
	touch $(STAMP)

install: $(STAMP)

# The demo logins skip two-step login; production keeps it on (see README).
demo: export STAFF_2FA_REQUIRED = false
demo: $(STAMP)
	$(PY) -m metelkaar migrate --noinput
	$(PY) -m metelkaar seed_demo
	$(PY) -m metelkaar seed_demo_impact
	$(PY) -m metelkaar daily
	@echo ""
	@echo "Metelkaar runs at http://$(HOST):$(PORT)/"
	@echo "Demo logins (password: metelkaar-demo):"
	@echo "  coordinator@example.org   coach@example.org   participant@example.org"
	@echo "  beheer@example.org (org admin)   west@example.org (another organisation)"
	@echo ""
	$(PY) -m metelkaar db_worker & WORKER=$$!; \
	trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	$(PY) -m metelkaar runserver --insecure $(HOST):$(PORT)

worker: $(STAMP)
	$(PY) -m metelkaar db_worker

check-chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM)."; \
	    echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)"; \
	    exit 1; \
	  fi; \
	fi

test: $(STAMP) check-chromium
	$(PY) -m metelkaar makemigrations --check --dry-run
	[ ! -f .importlinter ] || $(VENV)/bin/lint-imports
	CHROMIUM_PATH=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check metelkaar tests bench
	[ ! -f .importlinter ] || $(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/matching.py

# Load run against gunicorn + PostgreSQL (needs PostgreSQL on 127.0.0.1:5432).
bench-load: $(STAMP)
	$(PIP) install --quiet -e '.[bench]'
	$(PY) bench/load/run.py

messages: $(STAMP)
	for app in core people programmes matches; do \
	  (cd metelkaar/$$app && PYTHONPATH=$(CURDIR) $(CURDIR)/$(VENV)/bin/django-admin makemessages -l nl --settings=metelkaar.settings --ignore='static/*'); \
	done
	$(PY) -m metelkaar compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
