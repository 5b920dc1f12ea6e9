import contract from "../../contract/table_cases.json";
import { RunsDataError } from "../../../src/data/errors";
import { openRunTable } from "../../../src/data/run-table";
import { initialState, type StateOptions } from "../../../src/views/table/state";

/** The runs table's bad options raise the words tests/python/test_table.py expects of rc.table. */
test.each(contract.cases)("$case", ({ options, error, ...rest }) => {
  const table = openRunTable(contract.runs, "withScalars" in rest ? contract.scalars : null);
  expect(() => initialState(table, options as unknown as StateOptions)).toThrow(new RunsDataError(error));
});
