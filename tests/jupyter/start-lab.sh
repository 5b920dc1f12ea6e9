#!/usr/bin/env bash
# Starts a real JupyterLab for the tests, on loopback, with its own settings, on a copy of examples/
# so running the notebook leaves the repo as it was.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work="$repo/tests/output/jupyter"
rm -rf "$work" && mkdir -p "$work"
cp -r "$repo/examples" "$work/root"
# A Parquet copy of the runs, compressed with zstd as polars writes it, an Arrow file that is
# no runs table, and a notebook that shows a view as plain output (no widget).
"$repo/.venv/bin/python" - "$work/root" <<'PY'
import sys, nbformat, pyarrow.ipc as ipc, pyarrow.parquet as pq
root = sys.argv[1]
import pyarrow as pa
pq.write_table(ipc.open_file(f"{root}/data/runs.arrow").read_all(), f"{root}/data/runs.parquet", compression="zstd")
with ipc.new_file(f"{root}/data/other.arrow", pa.schema([("a", pa.int64()), ("b", pa.string())])) as writer:
    writer.write_table(pa.table({"a": [1, 2], "b": ["x", "y"]}))
code = 'import pyarrow as pa, runcompare as rc\nrc.display(pa.ipc.open_file("data/runs.arrow").read_all(), color="validation/accuracy")'
kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/display.ipynb")
PY
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
