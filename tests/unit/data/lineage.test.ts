import { readDetails } from "../../../src/data/details";
import { compareRuns } from "../../../src/data/diff";
import { lineageDifferences, lineageFirst, lineageKind, lineageWarning } from "../../../src/data/lineage";

// Shaped as the MLflow loader writes a store whose runs came from two commits (the liver-mlflow
// store in /work/stores: 48 runs at af589ca, 2 at 531fe2c).
const details = readDetails({
  a: {
    run: { name: "a" },
    params: { lr: "0.1" },
    lineage: { git: { commit: "af589ca" }, datasets: { "train (training)": { digest: "d1" } }, environment: { python: "3.10.0" } },
  },
  b: {
    run: { name: "b" },
    params: { lr: "0.1" },
    lineage: { git: { commit: "531fe2c" }, datasets: { "train (training)": { digest: "d1" } }, environment: { python: "3.11.4" } },
  },
  c: {
    run: { name: "c" },
    params: { lr: "0.2" },
    lineage: { git: { commit: "af589ca" }, datasets: { "train (training)": { digest: "d1" } }, environment: { python: "3.10.0" } },
  },
});

test("fields are code, data or environment by their section, at the top or under lineage; MLflow's source tags are code", () => {
  expect(lineageKind("lineage/git/commit")).toBe("code");
  expect(lineageKind("lineage/source/entry point")).toBe("code");
  expect(lineageKind("lineage/datasets/train (training)/digest")).toBe("data");
  expect(lineageKind("lineage/models/model/requirements")).toBe("environment");
  expect(lineageKind("Environment/packages")).toBe("environment");
  expect(lineageKind("git/branch")).toBe("code");
  expect(lineageKind("tags/mlflow.source.git.commit")).toBe("code");
  expect(lineageKind("lineage/parent run")).toBeNull();
  expect(lineageKind("params/lr")).toBeNull();
  expect(lineageKind("tags/data")).toBeNull();
});

test("lineage comes first, code then data then environment, every field and value kept", () => {
  const first = lineageFirst(details);
  expect(first.paths).toEqual(["lineage/git/commit", "lineage/datasets/train (training)/digest", "lineage/environment/python", "run/name", "params/lr"]);
  first.paths.forEach((path, field) => expect(first.values[field]).toEqual(details.values[details.paths.indexOf(path)]));
  expect(lineageFirst(first)).toBe(first);
});

test("the runs compared differ in code and environment against the base, and the warning names the fields", () => {
  const differences = lineageDifferences(details, compareRuns(details, [0, 1]));
  expect(differences).toEqual([
    { kind: "code", paths: ["lineage/git/commit"] },
    { kind: "environment", paths: ["lineage/environment/python"] },
  ]);
  expect(lineageWarning(differences)).toBe(
    "The compared runs differ in their code (lineage/git/commit) and environment (lineage/environment/python): a change in a metric may come from these, not only from the params.",
  );
  // a and c share their lineage: nothing to say, though a param differs.
  expect(lineageDifferences(details, compareRuns(details, [0, 2]))).toEqual([]);
  expect(lineageWarning([])).toBeNull();
});

test("a field only one run has counts as a difference, and long lists are cut", () => {
  const some = readDetails({ a: { git: { commit: "1" } }, b: { git: { commit: "1", diff: "+x" } } });
  expect(lineageDifferences(some, compareRuns(some, [0, 1]))).toEqual([{ kind: "code", paths: ["git/diff"] }]);
  expect(lineageWarning([{ kind: "data", paths: ["a", "b", "c", "d", "e"] }])).toBe(
    "The compared runs differ in their data (a, b, c, 2 more): a change in a metric may come from these, not only from the params.",
  );
});
