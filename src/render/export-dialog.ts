import type { ValueSchema } from "../data/schema.js";
import { exportView, type Exportable } from "./export.js";
import { popup } from "./popup.js";
import { exportSchema, publication } from "./publication.js";

/**
 * The toolbar's "Export…": a panel of the publication options, one field per option of
 * schema/export.json (its type, choices, limits and description), and the format. Saving goes
 * through `exportView` with those options, as Python's `w.save()` through the page does, so the
 * file is the one `w.save` with the same options writes. Labels are text; Escape closes it.
 */
export function exportDialog(view: Exportable & HTMLElement, name: string): { element: HTMLElement; destroy: () => void } {
  const details = document.createElement("details");
  details.className = "rc-export-dialog";
  const summary = document.createElement("summary");
  summary.textContent = "Export…";
  summary.title = "Save the figure with publication options: size, font, title, legend, theme, colours";
  // The form is made when first opened: a page of many views carries no fields it does not show.
  const build = () => {
    const form = document.createElement("form");
    form.className = "rc-export-form";
    // The schema checks the values, in the words Python uses too, not the browser.
    form.noValidate = true;
    form.setAttribute("role", "dialog");
    form.setAttribute("aria-label", "Export the figure");
    const format = document.createElement("select");
    format.name = "format";
    for (const value of ["svg", "png"]) format.append(new Option(value.toUpperCase(), value));
    const fields = Object.entries(exportSchema.properties).map(([key, option]) => ({ key, ...optionField(key, option) }));
    const error = document.createElement("p");
    error.className = "rc-export-error";
    error.setAttribute("role", "alert");
    const save = document.createElement("button");
    save.type = "submit";
    save.textContent = "Save";
    form.append(
      row("format", format, "SVG keeps text as text and lines as vectors; PNG is drawn at the DPI."),
      ...fields.map((field) => field.row),
      error,
      save,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      error.textContent = "";
      let look;
      try {
        // The options changed from their defaults, as a call of w.save() names them.
        const given = fields.map((field) => [field.key, field.read()] as const).filter(([key, value]) => value !== exportSchema.properties[key].default);
        look = publication(Object.fromEntries(given));
      } catch (problem) {
        error.textContent = problem instanceof Error ? problem.message : String(problem);
        return;
      }
      // The notice in the toolbar says where the file went, or what failed.
      void exportView(view, view, format.value as "svg" | "png", name, null, look).then(
        () => (details.open = false),
        () => {},
      );
    });
    details.append(form);
  };
  details.addEventListener("toggle", () => {
    if (details.open && !details.querySelector("form")) build();
  });
  details.append(summary);
  return { element: details, destroy: popup(details) };
}

/** "fontFamily" as a label: "font family". */
const labelOf = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function row(label: string, field: HTMLElement, description: string | undefined): HTMLLabelElement {
  const element = document.createElement("label");
  element.className = "rc-export-field";
  const text = document.createElement("span");
  text.textContent = label;
  element.append(text, field);
  // The schema's words in Markdown, as a hover text.
  if (description) element.title = description.replace(/`/g, "");
  return element;
}

/** A field for one option: a choice, a checkbox, a number or a text, reading back the value the schema takes (null when empty and null is allowed). */
function optionField(key: string, option: ValueSchema): { row: HTMLLabelElement; read: () => unknown } {
  const types: readonly string[] = ([] as string[]).concat(option.type ?? []);
  const nullable = types.includes("null") || option.default === null;
  let field: HTMLInputElement | HTMLSelectElement;
  let read: () => unknown;
  if (option.enum) {
    const select = document.createElement("select");
    const choices = option.enum;
    // null is "as the view is" (the page's theme).
    choices.forEach((choice, i) => select.append(new Option(choice === null ? "as shown" : String(choice), String(i))));
    select.selectedIndex = Math.max(0, choices.indexOf(option.default));
    read = () => choices[select.selectedIndex];
    field = select;
  } else if (types.includes("boolean")) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = option.default === true;
    read = () => box.checked;
    field = box;
  } else {
    const input = document.createElement("input");
    const numeric = types.includes("number");
    input.type = numeric ? "number" : "text";
    if (numeric) {
      input.step = "any";
      if (typeof option.minimum === "number") input.min = String(option.minimum);
      if (typeof option.maximum === "number") input.max = String(option.maximum);
    }
    if (option.default !== null && option.default !== undefined) input.value = String(option.default);
    else input.placeholder = "as shown";
    read = () => {
      const text = input.value.trim();
      if (!text) return nullable ? null : option.default;
      return numeric ? Number(text) : text;
    };
    field = input;
  }
  field.name = key;
  return { row: row(labelOf(key), field, option.description), read };
}
