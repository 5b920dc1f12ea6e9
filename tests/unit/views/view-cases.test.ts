import viewCases from "../../contract/view_cases.json";
import { RunsDataError } from "../../../src/data/errors";
import { columnResolver } from "../../../src/data/resolve";
import { readRuns } from "../../../src/data/runs";
import { chooseChannels } from "../../../src/views/scatter/channels";
import { chooseDimensions } from "../../../src/views/parallel/dimensions";

/** What a view does with its column options before it draws: the axes and colour it resolves. */
const VIEWS: Record<string, (records: Record<string, unknown>[], options: Record<string, unknown>) => unknown> = {
  parallel: (records, options) => {
    const runs = readRuns(records);
    const columns = columnResolver(runs, null);
    chooseDimensions(runs, columns, options);
    if (typeof options.color === "string") columns.resolve(options.color);
  },
  scatter: (records, options) => {
    const runs = readRuns(records);
    chooseChannels(runs, columnResolver(runs, null), options);
  },
};

type Case = { case: string; view: string; records: Record<string, unknown>[]; options: Record<string, unknown>; error: string };

test.each(viewCases.cases as Case[])("$case", ({ view, records, options, error }) => {
  expect(() => VIEWS[view](records, options)).toThrow(new RunsDataError(error));
});
