import { appendedRows, withRows, type AppendableTable, type AppendedRows } from "../data/append.js";
import { RunsDataError } from "../data/errors.js";
import type { RunsInput } from "../data/input.js";
import { checkOptions, defaultOptions, stateEntries, type ViewSchema } from "../data/schema.js";
import { failExport } from "./export.js";
import { errorBox } from "./error.js";
import { viewStyle } from "./style.js";
import { toolbar } from "./toolbar.js";

/**
 * What every view is: an element with the selected run ids as `.value` (an `input` event when
 * the user changes them), its state as `.state` (a `statechange` event when the user changes
 * it), and the same update, export and teardown.
 */
export interface ViewElement<O = Record<string, unknown>, S = object> extends HTMLElement {
  /** The selected run ids: those the user picked, or those set from outside. */
  value: string[];
  /** What the view shows as one JSON object: the options its controls change, and what else they changed; the `state` option restores it. */
  readonly state: S;
  /** The error shown in place of the view, if the data or the options could not be drawn. */
  readonly error: string | null;
  update(options: Partial<O>): void;
  /**
   * Adds rows to the view's tables, only the new ones (`{ scalars, runs }`): shown in place where
   * the view can, else drawn anew, keeping its state and selection. Nodes are appended as to any element.
   */
  append(rows: AppendedRows): void;
  append(...nodes: (Node | string)[]): void;
  destroy(): void;
  /** The view as a standalone SVG document; throws when the view shows an error. */
  exportSVG(): string;
  /** The values shown, as CSV; throws when the view shows an error. */
  exportCSV(): string;
}

/** The options every view takes besides its own. */
export interface ViewOptions<S> {
  /** Run ids to select, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
  /** A state `.state` gave, laid over the other options. */
  state?: Partial<S> | null;
  /**
   * One colour per run (run id to CSS colour), as a page of several views gives them so a run
   * has one colour everywhere (the comparison page): every view that colours runs one by one
   * takes them (lines, points and bars of runs when no colour column is chosen, plots' runs).
   */
  colors?: Readonly<Record<string, string>> | null;
}

/** Options as a drawing gets them: every option set (its default when not given), and the state's own entries. */
export type Settled<O> = { [K in keyof O]-?: K extends "state" ? NonNullable<O[K]> : Exclude<O[K], undefined> };

/** A view's drawing for one set of data and options. */
export interface Drawing<O> {
  /** Shows runs selected from outside (Python's `w.selected`, `view.value = ids`). */
  highlight(ids: readonly string[]): void;
  destroy(): void;
  exportSVG(): string;
  exportCSV(): string;
  /** Shows changed options in place; false (or absent) when the view must be drawn anew for them. */
  update?(changes: Partial<O>, options: Settled<O>): boolean;
  /** The state's entries the drawing keeps (those of its own, and options it knows better than as given). */
  state?(): object;
  /** The runs the drawing's own state selects (brushes restored, the runs a diff compares), if any. */
  selection?(): string[] | null;
  /** Shows rows added to the tables (`data`: the first table with them) in place; false (or absent) when the view must be drawn anew. */
  append?(added: AppendedRows, options: Settled<O>, data: RunsInput | null): boolean;
}

/** What a drawing tells its view, and where it puts its controls. */
export interface Hooks<O> {
  /** The user changed the selection. */
  select(ids: string[]): void;
  /** The user changed options with the view's controls: the view shows them, in place or drawn anew. */
  apply(changes: Partial<O>): void;
  /** The user changed options the drawing has shown already. */
  record(changes: Partial<O>): void;
  /** The user changed an entry of the state's own. */
  stateChanged(): void;
  /** The toolbar's place for the view's own controls. */
  readonly controls: HTMLElement;
  /** The toolbar's place for exports of the view's own, beside SVG, PNG and CSV. */
  readonly exports: HTMLElement;
}

export interface ViewSpec<O, D extends Drawing<O>> {
  readonly schema: ViewSchema;
  /** Style elements of the view's own, made for each view. */
  readonly styles?: () => HTMLStyleElement[];
  /** The view's first table, when it is runs or scalars: rows appended to the view join it, and `draw` gets it with them. */
  readonly data?: RunsInput | null;
  /**
   * Instead of `data`: the view keeps its first table in a form of its own, and adds appended
   * rows to it here (throwing for rows it cannot take, before it changes anything).
   */
  append?(added: AppendedRows, options: Settled<O>): void;
  draw(root: HTMLElement, options: Settled<O>, hooks: Hooks<O>, data: RunsInput | null): D;
}

/**
 * The element of a view: options checked against the view's schema before anything is drawn;
 * the toolbar (the view's controls, SVG / PNG / CSV); a drawing made anew for changed options
 * unless it shows them in place; bad data or options shown as an error in its place, and every
 * export refusing in words; the selection and the state outliving each drawing.
 */
export function makeView<O extends ViewOptions<S>, S extends object, D extends Drawing<O>>(
  spec: ViewSpec<O, D>,
  options: O,
): { root: ViewElement<O, S>; drawing: () => D | null; shown: () => D } {
  const { schema } = spec;
  const root = document.createElement("div") as unknown as ViewElement<O, S>;
  root.className = `rc-view rc-${schema.title}`;
  const { bar, controls, exports, destroy: closeToolbar } = toolbar(root, schema.title);
  root.append(viewStyle(), ...(spec.styles?.() ?? []), bar);
  ownInputEventsOnly(root);
  const entries = stateEntries(schema);
  const optionEntries = new Set(entries.options);

  let drawing: D | null = null;
  let error: string | null = null;
  let current = { ...defaultOptions(schema), colors: null } as Record<string, unknown>;
  let selected: string[] = [];
  /** The entries of the state's own while no drawing keeps them (before the first, or after an error). */
  let own: Record<string, unknown> = {};
  let data = spec.data ?? null;

  const ownOf = (state: Record<string, unknown>) => Object.fromEntries(Object.entries(state).filter(([key]) => !optionEntries.has(key)));
  const optionsOf = (state: Record<string, unknown>) => Object.fromEntries(Object.entries(state).filter(([key]) => optionEntries.has(key)));
  const fail = (e: unknown) => {
    if (!(e instanceof RunsDataError) && !(e instanceof Error)) throw e;
    drawing?.destroy();
    drawing = null;
    error = e.message;
    controls.replaceChildren();
    exports.replaceChildren();
    root.querySelector(":scope > .rc-error")?.remove();
    root.append(errorBox(error));
  };
  /** Draws anew; `restored`: a state was given, and the runs its drawing selects (brushes, the runs a diff compares) become the selection. */
  const redraw = (kept: Record<string, unknown>, restored = false) => {
    own = kept;
    drawing?.destroy();
    drawing = null;
    error = null;
    root.querySelector(":scope > .rc-error")?.remove();
    controls.replaceChildren();
    exports.replaceChildren();
    const before = new Set(root.children);
    try {
      drawing = spec.draw(root, { ...current, state: kept } as Settled<O>, hooks, data);
      const drawn = drawing.selection?.() ?? null;
      if (drawn && (restored || selected.length === 0 || sameIds(drawn, selected))) selected = drawn;
      else drawing.highlight(selected);
    } catch (e) {
      // What a drawing built before it failed would export nothing it shows.
      for (const child of [...root.children]) if (!before.has(child)) child.remove();
      fail(e);
    }
  };
  /** Options changed (from outside, or by the view's controls): shown in place where the drawing can, else drawn anew. */
  const change = (changes: Record<string, unknown>, state?: Record<string, unknown>) => {
    // What the controls changed stays, but for what the changes set: the state itself, or an
    // option of the same name as an entry of it (the table's sort option, its sort state).
    const known = keptState();
    const kept = state ? ownOf(state) : Object.fromEntries(Object.entries(known).filter(([key]) => !(key in changes)));
    const changed = { ...changes, ...(state ? optionsOf(state) : {}) };
    // Options the drawing knows better than as given (the runs a diff compares) outlive it.
    current = { ...current, ...optionsOf(known), ...changed };
    if (drawing?.update && !state) {
      try {
        if (drawing.update(changed as Partial<O>, current as Settled<O>)) return;
      } catch (e) {
        return fail(e);
      }
    }
    redraw(ownOf(kept), state !== undefined);
  };
  const keptState = (): Record<string, unknown> => ({ ...own, ...drawing?.state?.() });
  const stateChanged = () => root.dispatchEvent(new Event("statechange"));
  const hooks: Hooks<O> = {
    select: (ids) => {
      selected = ids;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    },
    apply: (changes) => {
      change(changes as Record<string, unknown>);
      stateChanged();
    },
    record: (changes) => {
      current = { ...current, ...(changes as Record<string, unknown>) };
      stateChanged();
    },
    stateChanged,
    controls,
    exports,
  };
  const shown = () => drawing ?? failExport(error);

  Object.defineProperties(root, {
    value: {
      // Configurable: a view whose value is not a plain selection (the logs' compared pair) wraps it.
      configurable: true,
      get: () => selected,
      set: (ids: readonly string[]) => {
        // The widget echoes back what the user selected: keeping it keeps a brush drawn.
        if (sameIds(ids, selected)) return;
        selected = [...ids];
        drawing?.highlight(selected);
      },
    },
    error: { get: () => error },
    state: {
      get: () => {
        const fromOptions = Object.fromEntries(entries.options.map((key) => [key, current[key] ?? null]));
        return { ...fromOptions, ...keptState() };
      },
    },
  });
  root.update = (changes) => {
    let checked: Record<string, unknown>;
    try {
      checked = checkOptions(schema, changes as Record<string, unknown>);
    } catch (e) {
      return fail(e);
    }
    const { selected: ids, state, ...rest } = checked;
    const before = selected;
    if (state || Object.keys(rest).length) change(rest, state as Record<string, unknown> | undefined);
    if (ids) root.value = ids as string[];
    else if (!sameIds(before, selected)) root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const appendNodes = root.append.bind(root);
  const appendRows = (rows: AppendedRows) => {
    const added = appendedRows(rows);
    const tables = Object.keys(added) as AppendableTable[];
    if (!tables.length) return;
    let [grown, options] = [data, { ...current }];
    for (const table of tables) {
      const rows = added[table]!;
      if (spec.data !== undefined && schema["x-data"].table === table) grown = withRows(grown, rows, table);
      for (const [key, option] of Object.entries(schema.properties))
        if (option["x-table"] === table) options[key] = withRows((options[key] as RunsInput | null) ?? null, rows, table);
    }
    // Rows the view cannot take throw here, and it stays as it was.
    spec.append?.(added, options as Settled<O>);
    const inPlace = drawing?.append?.(added, options as Settled<O>, grown) ?? false;
    [data, current] = [grown, options];
    if (inPlace) return;
    const known = keptState();
    current = { ...current, ...optionsOf(known) };
    const before = selected;
    // A brush (or whatever the drawing's state selects) selects among the rows as they are now.
    redraw(ownOf(known), true);
    if (!sameIds(before, selected)) root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  root.append = (...items: [AppendedRows] | (Node | string)[]) => {
    if (items.length === 1 && isRows(items[0])) appendRows(items[0]);
    else appendNodes(...(items as (Node | string)[]));
  };
  root.exportSVG = () => shown().exportSVG();
  root.exportCSV = () => shown().exportCSV();
  root.destroy = () => {
    drawing?.destroy();
    drawing = null;
    closeToolbar();
    root.replaceChildren();
  };

  try {
    const { selected: ids, state, ...given } = checkOptions(schema, options as Record<string, unknown>);
    const restored = (state ?? {}) as Record<string, unknown>;
    current = { ...current, ...given, ...optionsOf(restored) };
    selected = [...((ids as string[] | undefined) ?? [])];
    redraw(ownOf(restored), state !== undefined);
  } catch (e) {
    fail(e);
  }
  return { root, drawing: () => drawing, shown };
}

/**
 * Stops the native `input` events of a view's own controls (sliders, checkboxes, search boxes)
 * at its root: there, `input` means the selection changed, as Observable's viewof reads it.
 */
export function ownInputEventsOnly(root: HTMLElement) {
  root.addEventListener("input", (event) => event.target !== root && event.stopImmediatePropagation());
}

function isRows(item: unknown): item is AppendedRows {
  return item !== null && typeof item === "object" && !(item instanceof Node);
}

/** Whether two lists of run ids are the same, in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
