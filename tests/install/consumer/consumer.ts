// A TypeScript user's file: it must check under --strict, with the published types only.
import { parallel, scalars, scatter, RunsDataError, type ParallelElement, type ScatterOptions } from "runcompare";

const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const runs = await fetchBytes("runs.arrow");
const view: ParallelElement = parallel(runs, { params: ["lr", "hidden"], metrics: ["validation/accuracy"] });
view.addEventListener("input", () => console.log(view.value.length, view.drawn.lines));
const options: ScatterOptions = { x: "lr", y: "validation/accuracy" };
document.body.append(view, scatter(runs, options), scalars(await fetchBytes("scalars.arrow"), { runs }));
try {
  parallel([{ name: "no id" }]);
} catch (error) {
  if (error instanceof RunsDataError) console.log(error.message);
}
