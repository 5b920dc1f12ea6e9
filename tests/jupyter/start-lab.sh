#!/usr/bin/env bash
# Starts a real JupyterLab for the tests, on loopback, with its own settings, on a copy of examples/
# so running the notebook leaves the repo as it was.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work="$repo/tests/output/jupyter"
rm -rf "$work" && mkdir -p "$work"
cp -r "$repo/examples" "$work/root"
# No "get notified about Jupyter news?" prompt over the screenshots.
mkdir -p "$work/settings/@jupyterlab/apputils-extension"
echo '{"fetchNews": "false"}' > "$work/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
export JUPYTER_CONFIG_DIR="$work/config" JUPYTERLAB_SETTINGS_DIR="$work/settings" \
  JUPYTERLAB_WORKSPACES_DIR="$work/workspaces" IPYTHONDIR="$work/ipython"
# Its log goes to a file (tests/output/jupyter/lab.log) to keep the test report readable.
exec "$repo/.venv/bin/jupyter" lab --no-browser --ip=127.0.0.1 --port="${1:-8899}" --allow-root \
  --ServerApp.token= --ServerApp.password= --ServerApp.disable_check_xsrf=True \
  --ServerApp.root_dir="$work/root" --LabApp.expose_app_in_browser=True \
  --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  >"$work/lab.log" 2>&1
