#!/usr/bin/env bash
# Starts a real JupyterLab (or, with "notebook" as second argument, Notebook 7) for the tests, on
# loopback, with its own settings, on a copy of examples/ so running the notebook leaves the repo
# as it was. RC_VENV names the Python environment to run it from: the repo's .venv (runcompare
# installed editable) unless the install tests give the one they installed the wheel into.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
port="${1:-8899}"
app="${2:-lab}"
venv="${RC_VENV:-$repo/.venv}"
# One folder per port: suites started on different ports leave each other's files alone.
work="$repo/tests/output/jupyter-$port"
rm -rf "$work" && mkdir -p "$work"
cp -r "$repo/examples" "$work/root"
# A Parquet copy of the runs, compressed with zstd as polars writes it, an Arrow file that is
# no runs table, a notebook that shows a view as plain output (no widget), one whose cells the
# lifecycle test re-runs, one with a view whose data is not stored (store=False), and one whose
# view's state the state test changes, and a comparison page.
"$venv/bin/python" - "$work/root" <<'PY'
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
read = 'import pyarrow as pa, runcompare as rc\nruns = pa.ipc.open_file("data/runs.arrow").read_all()\nscalars = pa.ipc.open_file("data/scalars.arrow").read_all()'
views = ['rc.scalars(scalars, runs, metrics=["loss"])', 'rc.parallel(runs, scalars=scalars, metrics=["loss/validation:min", "validation/accuracy"])']
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [read, *views]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/lifecycle.ipynb")
unstored = 'rc.scalars(scalars, runs, metrics=["loss"], store=False)'
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [read, unstored]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/unstored.ipynb")
curves = 'w = rc.scalars(scalars, runs, metrics=["loss"])\nw'
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [read, curves]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/state.ipynb")
# A cell that trains a small model (logistic regression by gradient descent, three learning
# rates) in a thread, writing each epoch's loss and accuracy to a scalars file; then a view follows it.
train = """import threading, time, numpy as np
rng = np.random.default_rng(0)
X = rng.normal(size=(400, 5)); y = (X @ np.array([1.5, -2.0, 0.5, 0.0, 1.0]) + rng.normal(scale=0.5, size=400) > 0).astype(float)
with open("live-scalars.csv", "w") as f:
    f.write("run_id,metric,step,value\\n")
lock = threading.Lock()
def train(lr, epochs=40):
    w = np.zeros(5)
    for epoch in range(epochs):
        p = 1 / (1 + np.exp(-(X @ w)))
        w -= lr * X.T @ (p - y) / len(y)
        loss = float(-np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        with lock, open("live-scalars.csv", "a") as f:
            f.write(f"lr={lr},loss,{epoch},{loss}\\nlr={lr},accuracy,{epoch},{float(np.mean((p > 0.5) == y))}\\n")
        time.sleep(0.15)
trainers = [threading.Thread(target=train, args=(lr,)) for lr in (0.01, 0.1, 1.0)]
for t in trainers: t.start()
time.sleep(0.5)"""
follow = 'import runcompare as rc\nw = rc.follow("live-scalars.csv", every="0.5s")\nw'
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [train, follow]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/live.ipynb")
page = 'w = rc.compare(runs, scalars=scalars)\nw'
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [read, page]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/compare.ipynb")
# A page given plots and samples (pixels the kernel keeps, store=False), their metric a hostile name.
tables = """import numpy as np
ids = runs.column("run_id").to_pylist()[:4]
hostile = "<img src=x onerror=alert(1)>"
plots = [{"run_id": i, "metric": hostile, "step": 0, "kind": "bar", "data": {"x": ["p", "q"], "y": [k + 1.0, 2.0]}} for k, i in enumerate(ids)]
samples = [{"run_id": i, "metric": hostile, "step": s, "data": np.full((16, 16, 3), 60 * k + 10 * s, dtype=np.uint8)} for k, i in enumerate(ids) for s in range(2)]
w = rc.compare(runs, scalars=scalars, plots=plots, samples=samples, state={"compared": ids}, store=False)
w"""
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in [read, tables]], metadata={"kernelspec": kernelspec})
nbformat.write(notebook, f"{root}/compare-tables.ipynb")
PY
# No "get notified about Jupyter news?" prompt over the screenshots.
mkdir -p "$work/settings/@jupyterlab/apputils-extension"
echo '{"fetchNews": "false"}' > "$work/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
# Widget state saved with the notebook, as users who want widgets to survive a reload set it.
mkdir -p "$work/settings/@jupyter-widgets/jupyterlab-manager"
echo '{"saveState": true}' > "$work/settings/@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings"
export JUPYTER_CONFIG_DIR="$work/config" JUPYTERLAB_SETTINGS_DIR="$work/settings" \
  JUPYTERLAB_WORKSPACES_DIR="$work/workspaces" IPYTHONDIR="$work/ipython"
# Its log goes to a file (tests/output/jupyter-<port>/lab.log) to keep the test report readable.
if [ "$app" = notebook ]; then
  app_options=(--JupyterNotebookApp.expose_app_in_browser=True)
else
  app_options=(--LabApp.expose_app_in_browser=True --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate)
fi
exec "$venv/bin/jupyter" "$app" --no-browser --ip=127.0.0.1 --port="$port" --allow-root \
  --ServerApp.token= --ServerApp.password= --ServerApp.disable_check_xsrf=True \
  --ServerApp.root_dir="$work/root" "${app_options[@]}" \
  >"$work/lab.log" 2>&1
