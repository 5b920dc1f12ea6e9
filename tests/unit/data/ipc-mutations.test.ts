import { Dictionary, Int8, Table, tableFromArrays, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { RunsDataError } from "../../../src/data/errors";
import { readRuns } from "../../../src/data/runs";
import { readScalars } from "../../../src/data/scalars";

/**
 * Arrow bytes damaged as a bad disk, a cut download or a hostile page would (bytes changed, cut
 * short, a length overwritten, bytes inserted): each is read or refused with RunsDataError in our
 * words, never another exception nor a message quoting Arrow JS's internals.
 */
const runs = new Table({
  run_id: vectorFromArray(["a", "b", "c", "d"]),
  name: vectorFromArray(["one", "two", "three", "four"]),
  "params.opt": vectorFromArray(["adam", "sgd", "adam", null], new Dictionary(new Utf8(), new Int8())),
  "params.lr": vectorFromArray(Float64Array.of(0.1, 0.01, 0.001, 0.0001)),
  "params.batch": vectorFromArray(Int32Array.of(8, 16, 32, 64)),
  "metrics.acc": vectorFromArray(Float64Array.of(0.5, 0.6, 0.7, 0.8)),
});
const scalars = tableFromArrays({
  run_id: ["a", "a", "b", "b"],
  metric: ["loss", "loss", "loss", "loss"],
  step: Int32Array.of(0, 1, 0, 1),
  value: Float64Array.of(1, 0.5, 0.9, 0.4),
});

/** A deterministic generator (the same damage every run). */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function damaged(source: Uint8Array, next: () => number): Uint8Array {
  const bytes = Uint8Array.from(source);
  const at = Math.floor(next() * (bytes.length - 8));
  switch (Math.floor(next() * 4)) {
    case 0:
      for (let k = 0; k < 4; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      return bytes;
    case 1:
      return bytes.slice(0, at);
    case 2:
      new DataView(bytes.buffer).setInt32(at, [0x7fffffff, -1, 0, 1 << 20][Math.floor(next() * 4)], true);
      return bytes;
    default: {
      const longer = new Uint8Array(bytes.length + 8);
      longer.set(bytes.subarray(0, at));
      longer.set(bytes.subarray(at), at + 8);
      return longer;
    }
  }
}

/** What reading gave: "read", or the message of a refusal; anything else is thrown on. */
function outcome(read: () => unknown): string {
  try {
    read();
    return "read";
  } catch (error) {
    if (!(error instanceof RunsDataError)) throw error;
    return error.message;
  }
}

const cases = [
  { name: "runs", read: (bytes: Uint8Array) => readRuns(bytes).ids.length, table: runs },
  { name: "scalars", read: (bytes: Uint8Array) => readScalars(bytes), table: scalars },
];

test.each(cases)("200 damaged $name streams and files are read or refused in our words", ({ read, table }) => {
  const next = random(20);
  const messages = new Set<string>();
  for (const format of ["stream", "file"] as const) {
    const source = tableToIPC(table, format);
    for (let i = 0; i < 100; i++) messages.add(outcome(() => read(damaged(source, next))));
  }
  const quoting = [...messages].filter((message) => /reading '|Cannot |undefined|Unrecognized|of null/.test(message));
  expect(quoting).toEqual([]);
  expect(messages.size).toBeGreaterThan(3);
});
