# runcompare: `make demo` opens the example notebook in JupyterLab; `make test` runs every suite.
# Both install what they need first: npm packages, a Python venv, Debian's Chromium.

VENV := .venv
PY := $(VENV)/bin/python
JUPYTER := $(VENV)/bin/jupyter
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: install build demo test test-unit test-python test-browser test-jupyter bench clean

install: node_modules/.installed $(VENV)/.installed $(CHROMIUM)

node_modules/.installed: package.json package-lock.json
	npm ci --no-fund --no-audit
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,lab]"
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core

SOURCES := $(shell find src -name '*.ts') tsconfig.json webpack.config.js

build: lib/.built python/runcompare/static/widget.js labextension/package.json

lib/.built: $(SOURCES) node_modules/.installed
	npx tsc -p tsconfig.json
	touch $@

python/runcompare/static/widget.js: $(SOURCES) node_modules/.installed
	npx webpack --mode production

labextension/package.json: lib/.built $(VENV)/.installed
	$(VENV)/bin/jupyter-builder build .
	$(JUPYTER) labextension develop --overwrite . >/dev/null

demo: install build
	$(JUPYTER) lab examples/quickstart.ipynb

test: install build test-unit test-python test-browser test-jupyter

test-unit:
	npx jest

test-python:
	$(PY) -m pytest tests/python -q

test-browser:
	npx playwright test -c tests/browser/playwright.config.js

test-jupyter:
	PATH="$(abspath $(VENV))/bin:$$PATH" npx playwright test -c tests/jupyter/playwright.config.js

clean:
	rm -rf lib dist labextension python/runcompare/static python/runcompare/labextension tests/output
