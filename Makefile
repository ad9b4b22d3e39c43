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

.PHONY: demo test test-fast lint bench bench-imports bench-load bench-load-region bench-pages worker messages icons fonts clean install check-chromium check-gettext

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	@echo "Compiling the matching kernels once, about a minute (into \$$METELKAAR_NUMBA_CACHE_DIR, default var/numba)"
	$(PY) -c "import metelkaar.matching._sap, metelkaar.matching._edmonds, numba; print('kernels in', numba.config.CACHE_DIR)"
	touch $(STAMP)

install: $(STAMP)

# The demo logins skip two-step login; production keeps it on (see README).
# Links in e-mails point where the demo serves (set SITE_URL yourself behind a proxy).
SITE_URL ?= http://$(HOST):$(PORT)
demo: export STAFF_2FA_REQUIRED = false
demo: export SITE_URL := $(SITE_URL)
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

# makemessages (and the test that the catalogues are in step with the source) need GNU gettext.
check-gettext:
	@if ! command -v xgettext >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's gettext for the translation catalogues..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else \
	    echo "The translation tools need GNU gettext: sudo apt-get install gettext"; exit 1; \
	  fi; \
	fi

# The suite runs on every core (pytest-xdist), a test module per worker so that
# module-wide fixtures are built once; TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
XDIST = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

test: $(STAMP) check-chromium check-gettext
	$(PY) -m metelkaar makemigrations --check --dry-run
	[ ! -f .importlinter ] || $(VENV)/bin/lint-imports
	CHROMIUM_PATH=$(CHROMIUM) $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# For local work: everything but the browser tests and the access/fuzz matrix (CI runs all).
test-fast: $(STAMP)
	$(PY) -m pytest $(XDIST) -m "not browser and not matrix" $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check metelkaar tests bench
	[ ! -f .importlinter ] || $(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/matching.py

# A 10,000-row spreadsheet through upload, preview and import (issue 17 targets).
bench-imports: $(STAMP)
	$(PY) bench/imports.py

# What a first visit to the participant pages downloads, per language (budget 300 kB).
bench-pages: $(STAMP) check-chromium
	CHROMIUM_PATH=$(CHROMIUM) $(PY) bench/page_weight.py

# Rebuild the WOFF2 subsets in metelkaar/core/static/fonts from Debian's Noto fonts.
fonts:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core python3-fonttools python3-brotli >/dev/null
	sh scripts/subset_fonts.sh

# Load run against gunicorn + PostgreSQL (needs PostgreSQL on 127.0.0.1:5432).
bench-load: $(STAMP)
	$(PIP) install --quiet -e '.[bench]'
	$(PY) bench/load/run.py

# The region: 50 organisations, 100,000 participants, PostgreSQL + Redis, two gunicorn
# processes, matching runs over a 10,000-person pool on a worker meanwhile (needs
# redis-server). The data set is kept as a pg_dump file under var/bench/ for the next run;
# a small one: make bench-load-region REGION_ARGS="--orgs 2 --participants 2000 --pool 1000"
bench-load-region: $(STAMP)
	$(PIP) install --quiet -e '.[bench]'
	$(PY) bench/load/region.py $(REGION_ARGS)

# Every app with a locale/ folder; locations name the file only, so catalogues change
# only where their strings do (and branches merge without line-number churn).
LOCALE_APPS = $(patsubst metelkaar/%/locale,%,$(wildcard metelkaar/*/locale))
MESSAGE_LANGUAGES ?= nl ar ti fa uk tr so

messages: $(STAMP) check-gettext
	for app in $(LOCALE_APPS); do \
	  (cd metelkaar/$$app && PYTHONPATH=$(CURDIR) $(CURDIR)/$(VENV)/bin/django-admin makemessages \
	    $(addprefix -l ,$(MESSAGE_LANGUAGES)) --add-location=file --settings=metelkaar.settings --ignore='static/*') || exit 1; \
	done
	# The creation date changes on every run and would make every branch's catalogues conflict.
	sed -i '/^"POT-Creation-Date: /d' metelkaar/*/locale/*/LC_MESSAGES/django.po
	$(PY) -m metelkaar compilemessages --ignore=.venv

# Rebuild the icon sprite and favicons after a change to metelkaar/core/icons.py NAMES.
# Only here is npm used; the results are committed (nothing is fetched at run time).
TABLER_ICONS = $(shell $(PY) -c "from metelkaar.core.icons import TABLER_VERSION as v; print(v)")
icons: $(STAMP)
	tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent @tabler/icons@$(TABLER_ICONS) >/dev/null \
	  && tar xzf tabler-icons-$(TABLER_ICONS).tgz) \
	  && $(PY) -m metelkaar build_icons $$tmp/package; status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) var
