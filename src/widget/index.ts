import type { AnyModel, RenderProps } from "@anywidget/types";
import { parallel, type ParallelElement, type ParallelOptions } from "../views/parallel/index.js";

/** The traits the Python widget syncs (python/runcompare/_widget.py). */
interface WidgetTraits {
  view: string;
  runs: DataView;
  params: string[] | null;
  metrics: string[] | null;
  color: string | null;
  height: number;
  selected: string[];
}

const views = { parallel };
const OPTION_TRAITS = ["params", "metrics", "color", "height"] as const;

function options(model: AnyModel<WidgetTraits>): ParallelOptions {
  return {
    params: model.get("params"),
    metrics: model.get("metrics"),
    color: model.get("color"),
    height: model.get("height"),
    selected: model.get("selected"),
  };
}

function runsBytes(model: AnyModel<WidgetTraits>): Uint8Array {
  const view = model.get("runs");
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** The anywidget entry: a thin adapter from model traits to a view function. */
function render({ model, el }: RenderProps<WidgetTraits>) {
  let element: ParallelElement;
  const sendSelection = () => {
    model.set("selected", element.value);
    model.save_changes();
  };
  const mount = () => {
    element?.destroy();
    const view = views[model.get("view") as keyof typeof views] ?? parallel;
    element = view(runsBytes(model), options(model));
    element.addEventListener("input", sendSelection);
    el.replaceChildren(element);
  };
  const updateOptions = () => element.update(options(model));
  const updateSelection = () => (element.value = model.get("selected"));

  mount();
  model.on("change:runs", mount);
  model.on("change:view", mount);
  for (const trait of OPTION_TRAITS) model.on(`change:${trait}`, updateOptions);
  model.on("change:selected", updateSelection);
  return () => {
    model.off("change:runs", mount);
    model.off("change:view", mount);
    for (const trait of OPTION_TRAITS) model.off(`change:${trait}`, updateOptions);
    model.off("change:selected", updateSelection);
    element.destroy();
  };
}

export default { render };
