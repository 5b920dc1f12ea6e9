import detailsCases from "../../contract/details_cases.json";
import { readDetails } from "../../../src/data/details";
import { RunsDataError } from "../../../src/data/errors";

describe("contract: bad details tables", () => {
  test.each(detailsCases.cases as { case: string; records: unknown[]; error: string }[])("$case", ({ records, error }) => {
    expect(() => readDetails(records as Record<string, unknown>[])).toThrow(new RunsDataError(error));
  });
});
