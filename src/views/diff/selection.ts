import type { DetailsInput } from "../../data/details.js";
import { diff, type DiffElement, type DiffOptions } from "./index.js";

/** The diff view as a host that keeps a list of selected run ids sees it (the notebook widget). */
export interface DiffSelectionElement extends Omit<DiffElement, "value" | "update"> {
  /** The base run as a list of one; setting a list makes its first run the base. */
  value: string[];
  update(options: Partial<DiffOptions> & { selected?: readonly string[] }): void;
}

/**
 * The diff view with the base run exposed as a selection of one, so that the widget's
 * `selected` trait carries the base both ways (Python's `w.base` reads and sets it).
 */
export function diffWithSelection(data: DetailsInput, options: DiffOptions & { selected?: readonly string[] } = {}): DiffSelectionElement {
  const { selected, ...rest } = options;
  const view = diff(data, selected?.length ? { ...rest, base: selected[0] } : rest);
  const base = Object.getOwnPropertyDescriptor(view, "value")!;
  const update = view.update;
  Object.defineProperty(view, "value", {
    get: () => (base.get!() ? [base.get!()] : []),
    set: (ids: readonly string[]) => ids.length && base.set!(ids[0]),
  });
  const element = view as unknown as DiffSelectionElement;
  element.update = ({ selected: ids, ...changes }) => update(ids?.length ? { ...changes, base: ids[0] } : changes);
  return element;
}
