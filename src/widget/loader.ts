import type { AnyModel } from "@anywidget/types";
import { VERSION } from "../version.js";
import { registerModel, widgetCode } from "./page.js";

/**
 * The module every runcompare widget names as its `_esm`, small because a notebook saved with
 * widget state keeps one copy per view. The view code comes from the JupyterLab extension or,
 * where there is none (marimo, VS Code, Colab), from the kernel once per page (see page.ts).
 */
export default {
  initialize({ model }: { model: AnyModel }) {
    return registerModel(model, VERSION);
  },
  async render({ model, el }: { model: AnyModel; el: HTMLElement }) {
    try {
      return (await widgetCode(model, VERSION)).render({ model, el });
    } catch (error) {
      el.textContent = (error as Error).message;
    }
  },
};
