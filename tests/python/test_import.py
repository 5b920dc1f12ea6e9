"""`import runcompare` brings in none of what its views, converters and loaders need: each
public name is imported when first used (python/runcompare/__init__.py)."""

import subprocess
import sys

import pytest

HEAVY = ("pyarrow", "numpy", "pandas", "polars", "scipy", "anywidget", "ipywidgets", "IPython", "mlflow", "tensorboard", "optuna", "tqdm")


def imported_after(code):
    """The top-level modules a fresh interpreter holds after running code."""
    listed = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in listed.stdout.split()}


def test_import_brings_in_none_of_the_heavy_modules():
    assert imported_after("import runcompare").isdisjoint(HEAVY)


def test_a_converter_brings_in_pyarrow_but_no_widget_or_loader():
    # pandas is left out: pyarrow imports it (when installed) to look at a list it converts.
    modules = imported_after("import runcompare as rc\nrc.runs_to_ipc([{'run_id': 'a'}])")
    assert "pyarrow" in modules
    assert modules.isdisjoint({"anywidget", "ipywidgets", "polars", "scipy", "mlflow", "tensorboard", "optuna"})


def test_every_public_name_resolves_and_functions_raise_without_inner_frames():
    import runcompare as rc

    assert set(rc.__all__) == {*rc._WHERE, "__version__"}
    for name in rc.__all__:
        assert getattr(rc, name) is not None
    assert set(rc.__all__) <= set(dir(rc))
    with pytest.raises(rc.RunsDataError) as raised:
        rc.runs_to_ipc([])
    # user_call wraps each public function: the traceback stops at the call.
    assert raised.traceback[-1].name == "call"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        rc.nonsense  # noqa: B018


@pytest.fixture
def kernel():
    """A fresh IPython kernel, as a notebook runs one; `kernel(code)` runs a cell and returns
    what it printed, or raises with the kernel's error."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")

    def run(code):
        printed, errors = [], []

        def output(message):
            content = message["content"]
            if message["msg_type"] == "stream":
                printed.append(content["text"])
            elif message["msg_type"] == "error":
                errors.append("\n".join(content["traceback"]))

        client.execute_interactive(code, timeout=60, output_hook=output)
        assert not errors, errors[0]
        return "".join(printed)

    yield run
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def test_in_a_kernel_the_widget_libraries_are_imported_after_runcompare_without_being_asked(kernel):
    assert kernel("import sys; print('anywidget' in sys.modules)").strip() == "False"
    kernel("import runcompare")
    waited = kernel(
        "import threading, time\n"
        "start = time.monotonic()\n"
        "while 'anywidget' not in sys.modules or any(t.name == 'runcompare-imports' for t in threading.enumerate()):\n"
        "    assert time.monotonic() - start < 30, 'anywidget was not imported in 30 s'\n"
        "    time.sleep(0.01)\n"
        "print(sorted(name for name in ('anywidget', 'ipywidgets', 'pyarrow') if name in sys.modules))"
    )
    assert waited.strip() == "['anywidget', 'ipywidgets', 'pyarrow']"


def test_in_a_kernel_a_view_made_while_those_libraries_are_imported_is_made_as_ever(kernel):
    # The view's imports meet the thread's halfway: each waits for a module the other is importing.
    printed = kernel(
        "import runcompare as rc\n"
        "view = rc.parallel([{'run_id': 'a', 'params.lr': 0.1}, {'run_id': 'b', 'params.lr': 0.2}])\n"
        "import pyarrow as pa\n"
        "print(view.view, pa.ipc.open_stream(bytes(view.runs)).read_all().column('run_id').to_pylist())"
    )
    assert printed.strip() == "parallel ['a', 'b']"
