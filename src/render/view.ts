import { failExport } from "./export.js";
import { errorBox } from "./error.js";
import { viewStyle } from "./style.js";

/** A view's drawing for one set of data and options. */
export interface Drawing {
  /** Shows runs selected from outside (Python's `w.selected`, `view.value = ids`). */
  highlight(ids: readonly string[]): void;
  destroy(): void;
  exportSVG(): string;
  exportCSV(): string;
  /** What the view's own controls changed, as JSON that the `state` option restores. */
  state?(): object;
}

export interface RedrawnView<O> extends HTMLElement {
  /** The selected run ids: those the user picked, or those set from outside. */
  value: string[];
  update(options: Partial<O>): void;
  destroy(): void;
  exportSVG(): string;
  exportCSV(): string;
  /** The error shown in place of the chart, if the data could not be drawn. */
  readonly error: string | null;
  /** What the view's own controls changed (views that keep any), for the `state` option; a `statechange` event says when it changes. */
  readonly state: object | undefined;
}

interface Hooks<O> {
  /** The user changed the selection. */
  select(ids: string[]): void;
  /** The user changed the view's state with its own controls. */
  stateChanged(): void;
  /** The view's own controls changed an option. */
  update(changes: Partial<O>): void;
}

/**
 * The element of a view that draws itself anew when its options change: bad data shows the
 * error box in its place, the selection outlives each drawing, and `input` fires when the user
 * changes it (not when it is set from outside).
 */
export function redrawnView<O extends { selected?: readonly string[] }, D extends Drawing>(
  kind: string,
  options: O,
  draw: (root: HTMLElement, options: O, hooks: Hooks<O>) => D,
  styles: readonly HTMLStyleElement[] = [],
): { root: RedrawnView<O>; drawing: () => D | null } {
  const root = document.createElement("div") as unknown as RedrawnView<O>;
  root.className = `rc-view rc-${kind}`;
  root.append(viewStyle(), ...styles);
  ownInputEventsOnly(root);
  let drawing: D | null = null;
  let error: string | null = null;
  let selected: string[] = [...(options.selected ?? [])];
  let current = options;

  const hooks: Hooks<O> = {
    select: (ids) => {
      selected = ids;
      root.dispatchEvent(new Event("input", { bubbles: true }));
    },
    update: (changes) => root.update(changes),
    stateChanged: () => root.dispatchEvent(new Event("statechange")),
  };
  const redraw = () => {
    drawing?.destroy();
    drawing = null;
    error = null;
    root.querySelector(".rc-error")?.remove();
    const before = new Set(root.children);
    try {
      drawing = draw(root, current, hooks);
      drawing.highlight(selected);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      // What a drawing built before it failed (the table's toolbar) would export nothing it shows.
      for (const child of [...root.children]) if (!before.has(child)) child.remove();
      root.append(errorBox(error));
    }
  };
  const shown = () => drawing ?? failExport(error);

  Object.defineProperties(root, {
    value: {
      // Configurable: a view whose value is not a plain selection (the logs' compared pair) wraps it.
      configurable: true,
      get: () => selected,
      set: (ids: readonly string[]) => {
        // The widget echoes back what the user selected: keeping it keeps a brush drawn.
        if (sameMembers(ids, selected)) return;
        selected = [...ids];
        drawing?.highlight(selected);
      },
    },
    error: { get: () => error },
    state: { get: () => drawing?.state?.() },
  });
  root.update = (changes) => {
    const { selected: ids, ...rest } = changes;
    if (Object.keys(rest).length) {
      // A redrawn view keeps what its controls changed, but for what the changes set: the state
      // itself, or an option of the same name as part of it (a view's sort option, its sort state).
      const kept = "state" in rest ? undefined : drawing?.state?.();
      const state = kept && Object.fromEntries(Object.entries(kept).filter(([key]) => !(key in rest)));
      current = { ...current, ...(state ? { state } : {}), ...rest };
      redraw();
    }
    if (ids) root.value = [...ids];
  };
  root.exportSVG = () => shown().exportSVG();
  root.exportCSV = () => shown().exportCSV();
  root.destroy = () => {
    drawing?.destroy();
    drawing = null;
    root.replaceChildren();
  };
  redraw();
  return { root, drawing: () => drawing };
}

/**
 * Stops the native `input` events of a view's own controls (sliders, checkboxes, search boxes)
 * at its root: there, `input` means the selection changed, as Observable's viewof reads it.
 */
export function ownInputEventsOnly(root: HTMLElement) {
  root.addEventListener("input", (event) => event.target !== root && event.stopImmediatePropagation());
}

function sameMembers(a: readonly string[], b: readonly string[]) {
  if (a.length !== b.length) return false;
  const members = new Set(a);
  return b.every((id) => members.has(id));
}
