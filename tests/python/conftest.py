import pytest
from runcompare import _widget


@pytest.fixture(autouse=True)
def widget_esm(tmp_path, monkeypatch):
    """Stand-ins for the webpack build (the loader every widget names, the view code the kernel
    sends), so the Python tests do not depend on it."""
    (tmp_path / "loader.js").write_text("export default { render() {} }; // loader\n", encoding="utf-8")
    (tmp_path / "widget.js").write_text("export default { render() {} }; // views … ✕\n", encoding="utf-8")
    monkeypatch.setattr(_widget, "STATIC", tmp_path)
    return tmp_path
