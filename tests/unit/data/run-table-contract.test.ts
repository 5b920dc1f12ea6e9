import contract from "../../contract/table_cases.json";
import { RunsDataError } from "../../../src/data/errors";
import { openRunTable } from "../../../src/data/run-table";
import { checkOptions } from "../../../src/data/schema";
import { initialState, type StateOptions } from "../../../src/views/table/state";
import { tableSchema } from "../../../src/views/table";

/** The runs table's bad options raise the words tests/python/test_table.py expects of rc.table: the options checked against the schema, then the columns they name. */
test.each(contract.cases)("$case", ({ options, error, ...rest }) => {
  const table = openRunTable(contract.runs, "withScalars" in rest ? contract.scalars : null);
  expect(() => initialState(table, checkOptions(tableSchema, options) as StateOptions)).toThrow(new RunsDataError(error));
});
