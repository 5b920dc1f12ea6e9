"""rc.plots' checks of the data (schema/views/plots.json declares its options): plots compared
across runs, a panel per metric/variant.

The checks are those of readPlots in src/data/plots.ts, in the same order with the same words
(tests/contract/plots_cases.json holds both). Each plot's data is a small table, sent as Arrow IPC
bytes in the plots table's data column.
"""

import pyarrow as pa

from . import _errors
from ._contract import RUN_ID, value_type
from ._convert import table_to_ipc
from ._errors import RunsDataError
from ._inputs import _is_dataframe
from ._normalise import normalise
from ._series import check_metrics, check_unique_series, labels, read_long_table, runs_beside, series_of

KINDS = ("line", "scatter", "bar", "box", "histogram", "heatmap", "confusion", "pr", "roc")
REQUIRED = ("run_id", "metric", "step", "kind", "data")
# The columns each kind's data needs: alternatives for one column in order.
XY = {"pr": (("recall", "x"), ("precision", "y")), "roc": (("fpr", "x"), ("tpr", "y"))}


def prepare(plots, options):
    """The checked plots table and options of a plots view (see rc.plots); the runs table
    travels as "scalars" (schema/views/plots.json)."""
    table, pairs = to_plots_table(plots)
    ids, runs_bytes = runs_beside("plots", table, options["runs"])
    if options["metrics"] is not None:
        check_metrics(pairs, options["metrics"], "plots")
    if options["base"] is not None and options["base"] not in ids:
        raise RunsDataError(_errors.unknown_run_option("plots", "base", options["base"], ids))
    return {"runs": table_to_ipc(table), "scalars": runs_bytes, "options": options, "note": ""}


def to_plots_table(plots):
    """The plots as a checked table (run_id, metric, [variant,] step, kind, data as IPC bytes of
    each plot's small table) and the series' (metric, variant) pairs."""
    data, source, names = read_long_table(plots, "plots", "plot (one row per run, metric, step and plot)")
    for name in REQUIRED:
        if name not in source.names and not (name == "data" and data is not None):
            raise RunsDataError(_errors.plots_no_column(name, names))
    columns = dict(zip(source.names, (normalise(array) for array in source.arrays())))
    missing = lambda column, row: _errors.missing_value("plots", column, row, "plot needs a run_id, a metric, a step, a kind and data")  # noqa: E731
    run_ids = labels(RUN_ID, columns[RUN_ID], "plots", missing)
    metric = labels("metric", columns["metric"], "plots", missing)
    variant = labels("variant", columns["variant"], "plots", None) if "variant" in columns else None
    found = value_type(columns["step"])
    if found not in ("numbers", None):
        raise RunsDataError(_errors.column_type("plots", "step", "numbers", found))
    rows, pairs = series_of(metric, variant)
    check_unique_series(pairs, "plots")
    steps = columns["step"].to_pylist()
    kinds = columns["kind"].to_pylist()
    if data is None:
        data = columns["data"].to_pylist()
    family = {}
    small_tables = []
    for row in range(source.row_count):
        if steps[row] is None or steps[row] != steps[row]:
            raise RunsDataError(missing("step", row))
        if kinds[row] is None:
            raise RunsDataError(missing("kind", row))
        kind = str(kinds[row]).lower()
        if kind not in KINDS:
            raise RunsDataError(_errors.plot_kind(kinds[row], row, KINDS))
        key = rows[row]
        first = family.setdefault(key, kind)
        if _family(first) != _family(kind):
            series = key[0] if key[1] is None else f"{key[0]}/{key[1]}"
            problem = f'is in series "{series}", whose plots are {first} plots: give each kind a metric/variant of its own'
            raise RunsDataError(_errors.plot_data(kind, row, problem))
        if data[row] is None:
            raise RunsDataError(missing("data", row))
        small_tables.append(table_to_ipc(_plot_data(kind, _small_table(data[row], kind, row), row)))
    arrays = {RUN_ID: run_ids, "metric": metric}
    if variant is not None:
        arrays["variant"] = variant
    arrays.update(
        step=pa.array([float(step) for step in steps], pa.float64()), kind=pa.array([str(k).lower() for k in kinds]), data=pa.array(small_tables, pa.binary())
    )
    return pa.table(arrays), pairs


def _family(kind):
    return "heatmap" if kind == "confusion" else kind


def _small_table(value, kind, row):
    """A plot's data as a pyarrow Table: a matrix (numpy 2-D, a DataFrame) as row, column and value for heatmaps."""
    try:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return pa.ipc.open_stream(bytes(value)).read_all()
        if kind in ("heatmap", "confusion"):
            matrix = _matrix(value)
            if matrix is not None:
                return matrix
        if isinstance(value, pa.Table):
            return value
        if _is_dataframe(value, "pandas"):
            return pa.Table.from_pandas(value, preserve_index=False)
        if _is_dataframe(value, "polars"):
            return value.to_arrow()
        if isinstance(value, dict):
            return pa.table({str(name): _column(column) for name, column in value.items()})
        if isinstance(value, list):
            return pa.Table.from_pylist(value)
    except (pa.ArrowException, ValueError, TypeError) as error:
        raise RunsDataError(_errors.plot_data(kind, row, f"is not a table ({error})")) from None
    raise RunsDataError(_errors.plot_data(kind, row, f"is not a table (a {type(value).__name__}): give a dict of columns, a DataFrame or a pyarrow Table"))


def _column(values):
    if hasattr(values, "tolist") and not isinstance(values, (list, tuple)):
        values = values.tolist()
    return pa.array(values)


def _matrix(value):
    """A 2-D array (rows and columns numbered) or a DataFrame (labelled by its index and columns) as long rows; None for other data."""
    if _is_dataframe(value, "pandas") and not {"row", "column"} <= set(map(str, value.columns)):
        rows = [str(label) for label in value.index]
        columns = [str(label) for label in value.columns]
        values = value.to_numpy(dtype=float)
    elif type(value).__module__.split(".")[0] == "numpy" and getattr(value, "ndim", 0) == 2:
        values = value.astype(float)
        rows = [str(i) for i in range(values.shape[0])]
        columns = [str(j) for j in range(values.shape[1])]
    else:
        return None
    return pa.table(
        {
            "row": [r for r in rows for _ in columns],
            "column": [c for _ in rows for c in columns],
            "value": [float(values[i, j]) for i in range(len(rows)) for j in range(len(columns))],
        }
    )


def _plot_data(kind, table, row):
    """The small table with the columns the kind needs, numbers as float64 (plotData in plots.ts)."""
    names = table.column_names

    def column(*choices):
        for name in choices:
            if name in names:
                return name
        wanted = " or ".join(f'"{c}"' for c in choices)
        raise RunsDataError(_errors.plot_data(kind, row, f"has no {wanted} column (columns: {', '.join(names) or 'none'})"))

    def numbers(name):
        array = normalise(table.column(name).combine_chunks())
        found = value_type(array)
        if found not in ("numbers", None):
            raise RunsDataError(_errors.plot_data(kind, row, f'has {found} in column "{name}": it must hold numbers'))
        return array.cast(pa.float64()) if found else pa.nulls(len(array), pa.float64())

    def text(name):
        return pa.array([None if v is None else _text(v) for v in table.column(name).to_pylist()], pa.string())

    if kind in ("line", "scatter"):
        y = column("y")
        out = {"y": numbers(y)}
        if "x" in names:
            out = {"x": numbers("x"), **out}
    elif kind in XY:
        (x_names, y_names) = XY[kind]
        out = {"x": numbers(column(*x_names)), "y": numbers(column(*y_names))}
    elif kind == "bar":
        out = {"x": text(column("x", "label")), "y": numbers(column("y"))}
    elif kind == "box":
        out = {"y": numbers(column("y", "value"))}
    elif kind == "histogram" and "count" in names:
        out = {"left": numbers(column("left")), "right": numbers(column("right")), "count": numbers(column("count"))}
    elif kind == "histogram":
        out = {"y": numbers(column("y", "value"))}
    else:
        out = {"row": text(column("row")), "column": text(column("column")), "value": numbers(column("value", "count"))}
    return pa.table(out)


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
