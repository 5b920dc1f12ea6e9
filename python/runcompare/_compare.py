"""rc.compare's checks of the data (schema/views/compare.json declares its options): the runs
table, its scalars checked against it and reduced as rc.scalars reduces them (the Scalars tab
draws whole curves), the details, plots and samples checked as rc.diff, rc.plots and rc.samples
check them and refused when none of their runs is the table's, the base run one of the runs, and
the groups as rc.summary checks them. (A RunTables, rc.from_mlflow's and the other loaders', is
taken apart for every view alike: _views.py.)"""

from traitlets import Unicode

from . import _errors, _samples
from ._contract import RUN_ID
from ._convert import table_to_ipc
from ._diff import details_table
from ._errors import RunsDataError
from ._plots import to_plots_table
from ._reduce import reduce_curves
from ._samples import Samples, to_samples_table
from ._series import check_runs_of
from ._stats import check_groups
from ._tables import curves_state, read_tables
from ._widget import TABLES, _ArrowBytes

# As many points as rc.scalars sends by default (its maxPoints).
MAX_POINTS = 1_000_000
# The tables the page's widget carries besides runs and scalars, each by its trait of that name.
PAGE_TABLES = ("details", "plots", "samples")


class Compare(Samples):
    """The comparison page in a notebook. Its Debug samples tab asks the kernel for the samples'
    bytes as rc.samples' widget does (store=False keeps them here), so it serves them as that
    widget does; ``details``, ``plots`` and ``samples`` carry those tables' Arrow bytes."""

    view = Unicode("compare").tag(sync=True)
    details = _ArrowBytes(b"").tag(sync=True)
    plots = _ArrowBytes(b"").tag(sync=True)
    samples = _ArrowBytes(b"").tag(sync=True)
    _tables = TABLES + PAGE_TABLES


def prepare(runs, options):
    """The checked tables and options of a comparison page (see rc.compare)."""
    scalars, details = options["scalars"], options["details"]
    table, scalars_table, _series = read_tables(runs, scalars)
    ids = [str(run_id) for run_id in table.column(RUN_ID).to_pylist()]
    base = options["base"]
    if base is not None and base not in ids:
        raise RunsDataError(_errors.unknown_run_option("compare", "base", base, ids))
    if options["groupBy"] is not None:
        check_groups(table, options["groupBy"], options["pairBy"], options["baseGroup"])
    note = ""
    if scalars_table is not None:
        scalars_table, note = reduce_curves(scalars_table, MAX_POINTS)
    payload = curves_state(table, scalars_table, options, note or "")
    payload["details"] = b"" if details is None else _of_runs("details", details_table(details), table)
    payload["plots"] = b"" if options["plots"] is None else _of_runs("plots", to_plots_table(options["plots"])[0], table)
    payload["samples"], payload["contents"] = b"", None
    if options["samples"] is not None:
        samples_table, payload["contents"] = to_samples_table(options["samples"])
        payload["samples"] = _of_runs("samples", samples_table, table)
    return payload


def stored(payload):
    """A payload whose samples travel with it (store=True, rc.display, rc.to_html), as rc.samples' do."""
    if not payload["samples"]:
        return payload
    samples = _samples.stored({"runs": payload["samples"], "contents": payload["contents"]})
    return {**payload, "samples": samples["runs"], "contents": None}


def _of_runs(name, table, runs_table):
    """A table's bytes, refused (as rc.plots and rc.samples refuse theirs) when none of its runs is the runs table's."""
    check_runs_of(name, list(dict.fromkeys(table.column(RUN_ID).to_pylist())), runs_table)
    return table_to_ipc(table)
