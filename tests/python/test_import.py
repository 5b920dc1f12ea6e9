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
