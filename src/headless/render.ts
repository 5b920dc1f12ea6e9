/// <reference types="node" />
import { RunsDataError } from "../data/errors.js";
import { inPixels, publish, publication, type Publication } from "../render/publication.js";
import { VIEWS, viewNamed, viewOfTables } from "../views/registry.js";
import { openPage } from "./dom.js";
import { warnMissingFamily } from "./fonts.js";

/** The width a view is laid out at when the options give none, in CSS pixels. */
export const DEFAULT_WIDTH = 800;

/** What the headless renderer draws: a view, its tables by name, its options, and how the figure looks. */
export interface Figure {
  view: string;
  /** Arrow IPC bytes by table name: the view's data (`runs`, `scalars`, `logs`, `plots`, `samples`) and its table options. */
  tables: Readonly<Record<string, Uint8Array>>;
  options?: Record<string, unknown>;
  /** Publication options (schema/export.json), unchecked. */
  export?: Record<string, unknown>;
}

/** The tables a view takes, by the name the CLI and Python give them, and the widget trait each goes in. */
export function viewTables(view: string): { name: string; trait: string; required: boolean }[] {
  const entry = viewNamed(view);
  if (!entry) throw new Error(`unknown view "${view}": the views are ${VIEWS.map((v) => v.schema.title).join(", ")}`);
  const data = entry.schema["x-data"];
  const options = Object.entries(entry.schema.properties).filter(([, option]) => option["x-table"]);
  return [
    { name: data.table, trait: data.trait ?? data.table, required: true },
    ...options.map(([name, option]) => ({ name, trait: option["x-table"]!, required: false })),
  ];
}

/** Resolves after the page has drawn: two animation frames and the timers they set. */
async function drawn(window: Window) {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => window.requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A view drawn in a headless page and exported: its SVG with the publication options applied,
 * and its CSV when asked. Throws the view's own message when its data or options are bad.
 */
export async function renderFigure(figure: Figure, withCSV = false): Promise<{ svg: string; csv: string | null }> {
  const entry = viewNamed(figure.view);
  const look: Publication = publication(figure.export ?? {});
  const tables: Record<string, Uint8Array> = {};
  for (const { name, trait, required } of viewTables(figure.view)) {
    if (figure.tables[name]) tables[trait] = figure.tables[name];
    else if (required) throw new Error(`the ${figure.view} view needs its ${name} table (--${name} file.arrow)`);
  }
  const unknown = Object.keys(figure.tables).filter((name) => !viewTables(figure.view).some((table) => table.name === name));
  if (unknown.length) throw new Error(`the ${figure.view} view takes no ${unknown.join(" or ")} table`);
  const width = Math.round(inPixels(look.width, look.unit) ?? DEFAULT_WIDTH);
  const page = openPage(width, look.theme ?? "light");
  if (look.fontFamily) {
    // The views' font is JupyterLab's (var(--jp-ui-font-family, ...)): laid out and measured in the one asked for.
    warnMissingFamily(look.fontFamily);
    page.host.style.setProperty("--jp-ui-font-family", look.fontFamily);
  }
  try {
    const view = viewOfTables(entry!, tables, figure.options ?? {});
    page.host.append(view);
    await drawn(page.window);
    if (view.error) throw new RunsDataError(view.error);
    return { svg: publish(view.exportSVG(), look), csv: withCSV ? view.exportCSV() : null };
  } finally {
    page.close();
  }
}
