#!/usr/bin/env bash
# Serves tests/install/sweep_marimo.py as a marimo app, on loopback, from a folder of its own
# (tests/output/marimo-<port>), with the Python environment RC_VENV names.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
port="${1:-8895}"
work="$repo/tests/output/marimo-$port"
rm -rf "$work" && mkdir -p "$work"
cp "$repo/tests/install/sweep_marimo.py" "$work/"
cd "$work"
export MARIMO_SKIP_UPDATE_CHECK=1
exec "${RC_VENV:?the venv to run marimo from}/bin/marimo" run sweep_marimo.py --headless --host 127.0.0.1 --port "$port" --no-token >"$work/marimo.log" 2>&1
