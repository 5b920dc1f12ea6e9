# A marimo notebook for tests/install/marimo.spec.js: the example sweep as parallel coordinates,
# with each selection the view sends written to selected.json, so the test sees Python got it.
import marimo

app = marimo.App()


@app.cell
def _():
    import json
    import pathlib

    import runcompare as rc

    runs, scalars = rc.examples.sweep()
    w = rc.parallel(
        runs,
        params=["lr", "hidden", "alpha", "batch_size", "seed"],
        metrics=["train/loss", "validation/loss", "validation/accuracy"],
        color="validation/accuracy",
    )
    w.observe(lambda change: pathlib.Path("selected.json").write_text(json.dumps(sorted(change["new"]))), "selected")
    pathlib.Path("runcompare-path.txt").write_text(rc.__file__)
    w  # noqa: B018 (marimo shows a cell's last expression)
    return


if __name__ == "__main__":
    app.run()
