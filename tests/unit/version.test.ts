import { readFileSync } from "node:fs";
import { VERSION } from "../../src/version";

test("the npm package, the Python package and the code that compares them name one version", () => {
  const npm = JSON.parse(readFileSync("package.json", "utf-8")).version;
  const python = /^version = "([^"]+)"/m.exec(readFileSync("pyproject.toml", "utf-8"))?.[1];
  const init = /^__version__ = "([^"]+)"/m.exec(readFileSync("python/runcompare/__init__.py", "utf-8"))?.[1];
  expect([npm, python, init]).toEqual([VERSION, VERSION, VERSION]);
});
