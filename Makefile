# runcompare: `make demo` opens the example notebook in JupyterLab; `make test` runs every suite.
# Both install what they need first: npm packages, a Python venv, Debian's Chromium.

VENV := .venv
PY := $(VENV)/bin/python
JUPYTER := $(VENV)/bin/jupyter
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# JupyterLab refuses to run as root unless told; these machines often are root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
CHROMIUM ?= /usr/bin/chromium
# jupyter's subcommands (labextension develop calls jupyter-builder) must find the venv's tools.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: install build demo test test-unit test-python test-browser test-jupyter bench clean

install: node_modules/.installed $(VENV)/.installed $(CHROMIUM)

# npm install, not npm ci: npm ci rejects this lock file for the optional rspack bindings of other
# platforms that @jupyter/builder lists (an npm bug); install still follows the lock file.
node_modules/.installed: package.json package-lock.json
	npm install --no-fund --no-audit
	touch $@

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# The venv sits inside this ESM package ("type": "module"); the JavaScript that Python
	# packages ship (jupyter-builder's yarn.js) is CommonJS, so Node must not inherit that type.
	echo '{"type": "commonjs"}' > $(VENV)/package.json
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,lab,dev]"
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core

SOURCES := $(shell find src -name '*.ts') tsconfig.json webpack.config.js

# The example sweep ships in the wheel too (rc.examples.sweep()).
EXAMPLE_DATA := python/runcompare/data/runs.arrow python/runcompare/data/scalars.arrow

build: lib/.built python/runcompare/static/widget.js python/runcompare/labextension/package.json $(EXAMPLE_DATA)

lib/.built: $(SOURCES) node_modules/.installed
	npx tsc -p tsconfig.json
	touch $@

python/runcompare/static/widget.js: $(SOURCES) node_modules/.installed
	npx webpack --mode production

python/runcompare/data/%.arrow: examples/data/%.arrow
	mkdir -p $(@D) && cp $< $@

python/runcompare/labextension/package.json: lib/.built $(VENV)/.installed
	jupyter-builder build .
	jupyter labextension develop --overwrite . >/dev/null

demo: install build
	$(JUPYTER) lab $(ALLOW_ROOT) examples/quickstart.ipynb

test: install build test-unit test-python test-browser test-jupyter

test-unit:
	npx jest

test-python:
	$(PY) -m pytest tests/python -q

test-browser:
	npx playwright test -c tests/browser/playwright.config.js

test-jupyter:
	npx playwright test -c tests/jupyter/playwright.config.js

# Parallel coordinates and data transfer against Plotly and HiPlot; writes docs/BENCHMARKS.md.
bench: install build $(VENV)/.bench-installed
	node bench/run.mjs

$(VENV)/.bench-installed: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[bench]"
	touch $@

clean:
	rm -rf lib dist python/runcompare/static python/runcompare/labextension tests/output
