/// <reference types="node" />
/**
 * `runcompare render`: a view drawn without a browser, saved as SVG, PNG, PDF or CSV.
 *
 *   npx runcompare render --view scalars --scalars scalars.arrow --runs runs.arrow \
 *     --options opts.json --width 3.5 --unit in --font-size 9 -o fig.pdf
 *
 * The tables are Arrow IPC files named by the view's tables; the view's options a JSON file
 * (or JSON text); the publication options (schema/export.json) flags of their names, or a JSON
 * file of them with --export. Python's `python -m runcompare render` runs this.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { RunsDataError } from "../data/errors.js";
import { exportSchema, publication } from "../render/publication.js";
import { VIEWS } from "../views/registry.js";
import { svgToPDF, svgToPNG } from "./convert.js";
import { renderFigure, viewTables } from "./render.js";

const FORMATS = ["svg", "png", "pdf", "csv"] as const;
type Format = (typeof FORMATS)[number];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const TABLES = [...new Set(VIEWS.flatMap((view) => viewTables(view.schema.title).map((table) => table.name)))];
const LOOK = Object.entries(exportSchema.properties);

const USAGE = `usage: runcompare convert FIGURE.svg -o FIGURE.png|pdf [--dpi N]
       runcompare render --view VIEW --TABLE FILE.arrow ... [--options OPTIONS.json] [--export EXPORT.json] [publication options] -o FIGURE.svg|png|pdf|csv

views: ${VIEWS.map(
  (view) =>
    `${view.schema.title} (${viewTables(view.schema.title)
      .map((table) => `--${table.name}${table.required ? "" : "?"}`)
      .join(" ")})`,
).join(", ")}
--options: the view's options, a JSON file or JSON text ({"metrics": ["loss"], "smoothing": 0.6})
publication options (also a JSON file with --export):
${LOOK.map(([name, option]) => `  --${kebab(name)}: ${option.description}`).join("\n")}`;

/** A JSON file's contents, or the text itself when it is JSON. */
function readJSON(value: string, flag: string): Record<string, unknown> {
  const text = value.trimStart().startsWith("{") ? value : fs.readFileSync(value, "utf8");
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`--${flag} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** A publication flag's text as its schema's type: a number where it takes one, true for a bare flag. */
function lookValue(name: string, text: string | boolean): unknown {
  const types = ([] as unknown[]).concat(exportSchema.properties[name].type ?? []);
  if (typeof text === "boolean") return text;
  if (text === "null") return null;
  if (types.includes("number") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** `runcompare convert figure.svg -o figure.png|pdf [--dpi N]`: an SVG (a page's export) as PNG or PDF. */
async function convert(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { output: { type: "string", short: "o" }, dpi: { type: "string" } },
    allowPositionals: true,
  });
  const format = path
    .extname(values.output ?? "")
    .slice(1)
    .toLowerCase();
  if (positionals.length !== 1 || (format !== "png" && format !== "pdf")) throw new Error("usage: runcompare convert FIGURE.svg -o FIGURE.png|pdf [--dpi N]");
  const svg = fs.readFileSync(positionals[0], "utf8");
  const { dpi } = publication(values.dpi === undefined ? {} : { dpi: Number(values.dpi) });
  fs.writeFileSync(values.output!, format === "png" ? await svgToPNG(svg, dpi) : await svgToPDF(svg));
}

export async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === "convert") return convert(rest);
  if (command !== "render") throw new Error(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      view: { type: "string" },
      options: { type: "string" },
      export: { type: "string" },
      output: { type: "string", short: "o", multiple: true },
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(TABLES.map((name) => [name, { type: "string" as const }])),
      ...Object.fromEntries(LOOK.map(([name, option]) => [kebab(name), { type: option.type === "boolean" ? ("boolean" as const) : ("string" as const) }])),
    },
    strict: true,
  });
  const given = values as Record<string, string | boolean | undefined>;
  if (given.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  // -o once per file: the view is drawn once for them all.
  const outputs = values.output ?? [];
  if (typeof given.view !== "string" || !outputs.length) throw new Error(USAGE);
  for (const output of outputs)
    if (!FORMATS.includes(path.extname(output).slice(1).toLowerCase() as Format))
      throw new Error(`-o ${output}: the file must end in .svg, .png, .pdf or .csv`);
  const look: Record<string, unknown> = given.export ? readJSON(given.export as string, "export") : {};
  for (const [name] of LOOK) if (given[kebab(name)] !== undefined) look[name] = lookValue(name, given[kebab(name)]!);
  const checked = publication(look);
  const tables: Record<string, Uint8Array> = {};
  for (const name of TABLES) if (typeof given[name] === "string") tables[name] = new Uint8Array(fs.readFileSync(given[name] as string));
  const figure = { view: given.view, tables, options: given.options ? readJSON(given.options as string, "options") : {}, export: look };
  const { svg, csv } = await renderFigure(
    figure,
    outputs.some((output) => output.toLowerCase().endsWith(".csv")),
  );
  for (const output of outputs) {
    const format = path.extname(output).slice(1).toLowerCase() as Format;
    const content = format === "png" ? await svgToPNG(svg, checked.dpi) : format === "pdf" ? await svgToPDF(svg) : format === "csv" ? csv! : svg;
    fs.writeFileSync(output, content);
  }
}

// Run as a program (not when imported by the tests): errors as one line, exit status 1; data or
// option errors (RunsDataError) with status 2, so Python can raise its own RunsDataError.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`runcompare: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof RunsDataError ? 2 : 1);
    },
  );
}
