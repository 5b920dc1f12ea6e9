import type { AnyModel, RenderProps } from "@anywidget/types";
import { errorBox } from "../render/error.js";
import { views, type ViewElement, type WidgetTables } from "./views.js";

/** The traits the Python widget syncs (python/runcompare/_widget.py). */
interface WidgetTraits {
  view: string;
  runs: DataView;
  scalars: DataView;
  options: Record<string, unknown>;
  selected: string[];
}

function bytes(view: DataView | null | undefined): Uint8Array | null {
  if (!view || view.byteLength === 0) return null;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function tables(model: AnyModel<WidgetTraits>): WidgetTables {
  return { runs: bytes(model.get("runs")) ?? new Uint8Array(), scalars: bytes(model.get("scalars")) };
}

const options = (model: AnyModel<WidgetTraits>) => ({ ...model.get("options"), selected: model.get("selected") });

/** The anywidget entry: a thin adapter from model traits to a view function. */
function render({ model, el }: RenderProps<WidgetTraits>) {
  let element: ViewElement | null = null;
  const sendSelection = () => {
    model.set("selected", element!.value);
    model.save_changes();
  };
  const mount = () => {
    element?.destroy();
    const make = views[model.get("view")];
    if (!make) {
      element = null;
      el.replaceChildren(errorBox(`runcompare has no view "${model.get("view")}": update the runcompare package.`));
      return;
    }
    element = make(tables(model), options(model));
    element.addEventListener("input", sendSelection);
    el.replaceChildren(element);
  };
  const updateOptions = () => element?.update(options(model));
  const updateSelection = () => element && (element.value = model.get("selected"));

  mount();
  const listeners: [string, () => void][] = [
    ["change:runs", mount],
    ["change:scalars", mount],
    ["change:view", mount],
    ["change:options", updateOptions],
    ["change:selected", updateSelection],
  ];
  for (const [event, listener] of listeners) model.on(event, listener);
  return () => {
    for (const [event, listener] of listeners) model.off(event, listener);
    element?.destroy();
  };
}

export default { render };
