# runcompare: `make demo` opens the example notebook in JupyterLab; `make test` runs every suite.
# Both install what they need first: npm packages, a Python venv, Debian's Chromium.

VENV := .venv
PY := $(VENV)/bin/python
JUPYTER := $(VENV)/bin/jupyter
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# JupyterLab refuses to run as root unless told; these machines often are root.
ALLOW_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
CHROMIUM ?= /usr/bin/chromium
# DejaVu Sans: Chromium's sans-serif here, and the headless renderer's fallback font (shipped beside
# its bundle); fonts-dejavu-core also gives serif and monospace. Liberation: the free fonts of Times,
# Arial and Courier's metrics, for figures that name those (src/headless/fonts.ts).
FONT_DIR := /usr/share/fonts/truetype/dejavu
LIBERATION := /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf
# pdflatex, to test that an exported PDF goes into a LaTeX document (about 40 MB, a minute to install;
# it brings fonts-lmodern, Latin Modern, for figures in LaTeX's font).
PDFLATEX := /usr/bin/pdflatex
# jupyter's subcommands (labextension develop calls jupyter-builder) must find the venv's tools.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: install build packages demo test lint format test-unit test-python test-browser test-jupyter test-install bench clean

install: node_modules/.installed $(VENV)/.installed $(CHROMIUM) $(FONT_DIR)/DejaVuSans.ttf $(LIBERATION)

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

$(FONT_DIR)/DejaVuSans.ttf:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core

$(LIBERATION):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation

$(PDFLATEX):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends texlive-latex-base

SOURCES := $(shell find src -name "*.ts") $(shell find schema -name "*.json") tsconfig.json webpack.config.js webpack.lab.cjs compile-hint.cjs

# The example sweep ships in the wheel too (rc.examples.sweep()).
EXAMPLE_DATA := python/runcompare/data/runs.arrow python/runcompare/data/scalars.arrow

BUILT := lib/.built python/runcompare/static/widget.js python/runcompare/labextension/package.json $(EXAMPLE_DATA)

build: $(BUILT)

lib/.built: $(SOURCES) node_modules/.installed
	npx tsc -p tsconfig.json
	touch $@

# webpack also bundles the headless renderer (dist/render.mjs, the npm bin); its WebAssembly and
# fonts go beside it, and the three into the Python package (static/render/).
python/runcompare/static/widget.js: $(SOURCES) node_modules/.installed $(FONT_DIR)/DejaVuSans.ttf
	npx webpack --mode production
	cp node_modules/@resvg/resvg-wasm/index_bg.wasm dist/resvg.wasm
	mkdir -p dist/fonts && cp $(FONT_DIR)/DejaVuSans.ttf $(FONT_DIR)/DejaVuSans-Bold.ttf dist/fonts/
	rm -rf python/runcompare/static/render && mkdir -p python/runcompare/static/render
	cp -r dist/render.mjs dist/resvg.wasm dist/fonts python/runcompare/static/render/

python/runcompare/data/%.arrow: examples/data/%.arrow
	mkdir -p $(@D) && cp $< $@

python/runcompare/labextension/package.json: lib/.built $(VENV)/.installed
	jupyter-builder build .
	jupyter labextension develop --overwrite . >/dev/null

# The wheel and the npm tarball, as they would be published.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
WHEEL := dist-py/runcompare-$(VERSION)-py3-none-any.whl
TARBALL := dist-npm/runcompare-$(VERSION).tgz

packages: $(WHEEL) $(TARBALL)

$(WHEEL): $(BUILT) pyproject.toml LICENSE install.json README.md $(shell find python/runcompare -name "*.py") $(shell find schema -name "*.json")
	rm -rf dist-py && $(VENV)/bin/hatchling build -t wheel -d dist-py

$(TARBALL): $(BUILT) package.json LICENSE README.md
	rm -rf dist-npm && mkdir -p dist-npm && npm pack --silent --pack-destination dist-npm >/dev/null

# Where the install tests find runcompare as users get it: a venv with the wheel and the hosts a
# user adds (JupyterLab, Notebook 7, marimo), and a folder outside the repo, where nothing of the
# repo's node_modules can stand in, with the npm tarball. Installing fetches from PyPI and npm the
# first time; later runs only put the new wheel and tarball in.
WHEEL_VENV := .venv-wheel
CONSUMER := $(or $(RC_CONSUMER),/tmp/runcompare-consumer-$(shell pwd | cksum | cut -d' ' -f1))

$(WHEEL_VENV)/.installed: $(WHEEL)
	test -x $(WHEEL_VENV)/bin/python || python3 -m venv $(WHEEL_VENV)
	echo '{"type": "commonjs"}' > $(WHEEL_VENV)/package.json  # as for $(VENV) above
	$(WHEEL_VENV)/bin/python -m pip install --quiet "$(WHEEL)[lab,pandas]" notebook marimo
	$(WHEEL_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps $(WHEEL)
	touch $@

$(CONSUMER)/.installed: $(TARBALL) $(wildcard tests/install/consumer/*)
	rm -rf $(CONSUMER) && mkdir -p $(CONSUMER)
	cp tests/install/consumer/* examples/data/runs.arrow examples/data/scalars.arrow $(CONSUMER)/
	cd $(CONSUMER) && npm install --no-fund --no-audit --prefer-offline $(abspath $(TARBALL))
	npx webpack --config $(CONSUMER)/webpack.config.js
	touch $@

demo: install build
	$(JUPYTER) lab $(ALLOW_ROOT) examples/quickstart.ipynb

test: install build lint test-unit test-python test-browser test-jupyter test-install

# Formatting (prettier, ruff format) and lint (eslint, ruff check) of the TypeScript, JavaScript
# and Python; `make format` rewrites what the check would reject.
PRETTIER_FILES := "src/**/*.ts" "tests/**/*.{js,ts,mjs,cjs}" "bench/**/*.{js,mjs}" "*.{js,cjs,mjs}" "schema/**/*.json" "tests/contract/*.json"
PY_FILES := python tests bench examples

lint: install
	npx prettier --check --log-level warn $(PRETTIER_FILES)
	npx eslint .
	$(VENV)/bin/ruff format --check --quiet $(PY_FILES)
	$(VENV)/bin/ruff check --quiet $(PY_FILES)

format: install
	npx prettier --write --log-level warn $(PRETTIER_FILES)
	$(VENV)/bin/ruff format --quiet $(PY_FILES)
	$(VENV)/bin/ruff check --fix --quiet $(PY_FILES)

test-unit:
	npx jest

test-python: $(PDFLATEX)
	$(PY) -m pytest tests/python -q

test-browser:
	npx playwright test -c tests/browser/playwright.config.js

test-jupyter:
	npx playwright test -c tests/jupyter/playwright.config.js

test-install: $(WHEEL_VENV)/.installed $(CONSUMER)/.installed
	RC_WHEEL_VENV=$(abspath $(WHEEL_VENV)) RC_CONSUMER=$(CONSUMER) npx playwright test -c tests/install/playwright.config.js

# Parallel coordinates and data transfer against Plotly and HiPlot; writes docs/BENCHMARKS.md.
bench: install build $(VENV)/.bench-installed
	node bench/run.mjs

$(VENV)/.bench-installed: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[bench]"
	touch $@

clean:
	rm -rf lib dist dist-py dist-npm python/runcompare/static python/runcompare/labextension python/runcompare/data tests/output $(WHEEL_VENV) $(CONSUMER)
