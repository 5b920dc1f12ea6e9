import { RunsDataError, messages } from "./errors.js";
import { readColumns, type RunsInput } from "./input.js";
import { categoryText } from "./values.js";

/** Console logs by run: the text each run printed. */
export interface Logs {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly texts: readonly string[];
}

/** An object of texts by run id (`{ "run-a": "epoch 1 ..." }`), or a table with run_id and log (or text) columns, one row per run, name optional. */
export type LogsInput = RunsInput | Readonly<Record<string, string>>;

export function readLogs(input: LogsInput): Logs {
  if (input && typeof input === "object" && !Array.isArray(input) && !ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer) && isTexts(input)) {
    const ids = Object.keys(input);
    if (ids.length === 0) throw new RunsDataError(messages.logsEmpty());
    return { ids, names: ids, texts: ids.map((id) => (input as Record<string, string>)[id]) };
  }
  const source = readColumns(input as RunsInput, "logs");
  if (source.rowCount === 0) throw new RunsDataError(messages.logsEmpty());
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  const text = byName.get("log") ?? byName.get("text");
  const runIds = byName.get("run_id");
  if (!runIds || !text) throw new RunsDataError(messages.logsNoColumn(source.columns.map((c) => c.name)));
  const names = byName.get("name");
  const ids: string[] = [];
  const seen = new Set<string>();
  const texts: string[] = [];
  const labels: string[] = [];
  for (let row = 0; row < source.rowCount; row++) {
    const id = categoryText(runIds.get(row));
    if (id === null) throw new RunsDataError(messages.missingValue("logs", "run_id", row, "log needs a run_id"));
    if (seen.has(id)) throw new RunsDataError(messages.logsDuplicate(id));
    seen.add(id);
    ids.push(id);
    labels.push((names && categoryText(names.get(row))) || id);
    const value = text.get(row);
    texts.push(value instanceof Uint8Array ? new TextDecoder().decode(value) : (categoryText(value) ?? ""));
  }
  return { ids, names: labels, texts };
}

function isTexts(value: object): value is Record<string, string> {
  const entries = Object.values(value);
  return entries.length > 0 ? entries.every((v) => typeof v === "string") : !("getChildAt" in value) && !("columnNames" in value);
}
