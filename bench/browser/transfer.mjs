// Decoding a table in the browser: Arrow IPC bytes (with Arrow JS) against JSON records text.
import { readRuns } from "/dist/runcompare.js";
import { idle } from "./timing.mjs";
import { globalFromScript } from "./global-script.mjs";

const ARROW = "/node_modules/apache-arrow/Arrow.es2015.min.js";

/**
 * Every column as arrays a view can use: numbers as typed arrays, dictionary columns as their
 * codes and distinct values (no string per row), other text as strings.
 */
function materialise(table) {
  return table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i);
    if (window.Arrow.DataType.isDictionary(field.type)) return [vector.data.map((d) => d.values), vector.data[0].dictionary.toArray()];
    return vector.toArray();
  });
}

async function timed(repeats, action) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    window.gc();
    await idle(2);
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Milliseconds per decode, repeated: Arrow's table (lazy: it reads the schema and points into
 * the bytes), Arrow materialised into arrays, JSON.parse of the records (from text, as a comm
 * message arrives), and for runs tables runcompare's readRuns from either.
 */
export async function decode(arrowUrl, jsonUrl, repeats, runsTable) {
  const Arrow = await globalFromScript(ARROW, "Arrow");
  const bytes = new Uint8Array(await (await fetch(arrowUrl)).arrayBuffer());
  const text = await (await fetch(jsonUrl)).text();
  const result = {
    arrowTable: await timed(repeats, () => Arrow.tableFromIPC(bytes)),
    arrowArrays: await timed(repeats, () => materialise(Arrow.tableFromIPC(bytes))),
    jsonParse: await timed(repeats, () => JSON.parse(text)),
  };
  if (runsTable) {
    const records = JSON.parse(text);
    result.readRunsArrow = await timed(repeats, () => readRuns(bytes));
    result.readRunsJson = await timed(repeats, () => readRuns(records));
  }
  return result;
}
