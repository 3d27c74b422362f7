# Two commands matter: `make run` and `make test`. Both set up what they need first.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
HOST    ?= 127.0.0.1
PORT    ?= 8050

.PHONY: run serve test lint format system-deps setup warm build bench plotly-bundle clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The gazetteer index is built once and cached; building it here keeps first lookups fast.
warm: $(STAMP)
	@$(BIN)/python -c "from geodata.gazetteer import gazetteer; gazetteer()"

setup: $(STAMP) system-deps warm

# Debian's Chromium (browser tests, kaleido exports), Noto CJK fonts (Chinese/Japanese glyphs),
# nodejs (the browser engine's unit tests in tests/js/ and the parity test), redis-server (the
# Celery mode's tests) and poppler-utils (pdftotext, pdffonts, pdftoppm: the handout's tests).
# Installed only when missing and only where we may (root with apt-get).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing fontconfig >/dev/null; \
	  else \
	    echo "warning: missing$$missing; install them with your package manager" >&2; \
	  fi; \
	fi

run: setup
	$(BIN)/python app.py --host $(HOST) --port $(PORT)

# For a school: gunicorn with gunicorn.conf.py (a worker per core and one more, short request
# timeouts since exports run as jobs, access log, graceful shutdown on SIGTERM).
serve: setup
	$(BIN)/gunicorn -c gunicorn.conf.py --bind $(HOST):$(PORT) app:server

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
# Then Node's own runner (Debian's nodejs 18 has it) runs the engine's unit tests, whatever
# pytest said; the target fails if either failed. The glob, not the folder: Node 18 and 20
# read a folder argument differently.
test: setup
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; rc=1; fi; \
	if command -v node >/dev/null 2>&1; then node --test tests/js/*.test.js; js=$$?; \
	else echo "node is missing: install nodejs to run tests/js/" >&2; js=1; fi; \
	if [ $$rc -ne 0 ]; then exit $$rc; fi; exit $$js

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

build: $(STAMP)
	$(BIN)/python -m geodata build

bench: setup
	$(BIN)/python benchmarks/geocode.py
	$(BIN)/python benchmarks/scrub.py
	$(BIN)/python benchmarks/export.py
	$(BIN)/python benchmarks/import_speed.py

# Rebuild assets/vendor/plotly-map.min.js (Plotly.js core + scattermap) with npm.
plotly-bundle:
	cd tools/plotly-bundle && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
