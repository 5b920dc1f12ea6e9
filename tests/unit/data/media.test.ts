import cases from "../../contract/samples_cases.json";
import { RunsDataError } from "../../../src/data/errors";
import { readPlots } from "../../../src/data/plots";
import { readSamples } from "../../../src/data/samples";

// The same records and messages as tests/python/test_shared_cases.py.
describe.each([
  ["samples", readSamples],
  ["plots", readPlots],
] as const)("bad %s tables", (table, read) => {
  test.each((cases as unknown as Record<string, { case: string; records: Record<string, unknown>[]; error: string }[]>)[table])(
    "$case",
    ({ records, error }) => {
      expect(() => read(records)).toThrow(new RunsDataError(error));
    },
  );
});
