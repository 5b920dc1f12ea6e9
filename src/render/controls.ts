/** Small form controls for a view's toolbar; labels and options are set as text. */

export function picker(label: string, names: readonly string[], value: string, onChange: (name: string) => void, placeholder?: string): HTMLLabelElement {
  const wrapper = document.createElement("label");
  wrapper.append(label);
  const element = document.createElement("select");
  if (placeholder !== undefined) element.append(new Option(placeholder, ""));
  for (const name of names) element.append(new Option(name, name, false, name === value));
  element.addEventListener("change", () => onChange(element.value));
  wrapper.append(element);
  return wrapper;
}

/** A row of buttons of which one is pressed, such as LAST / MIN / MAX. */
export function toggleGroup(label: string, choices: readonly string[], value: string, onChange: (choice: string) => void, enabled = true): HTMLElement {
  const group = document.createElement("span");
  group.className = "rc-toggle";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", label);
  for (const choice of choices) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = choice.toUpperCase();
    button.disabled = !enabled;
    button.setAttribute("aria-pressed", String(choice === value));
    button.addEventListener("click", () => choice !== value && onChange(choice));
    group.append(button);
  }
  return group;
}

/** A button with its text and a title that says what it does; `pressed` makes it a toggle. */
export function button(label: string, title: string, onClick: () => void, pressed?: boolean): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.title = title;
  if (pressed !== undefined) element.setAttribute("aria-pressed", String(pressed));
  element.addEventListener("click", onClick);
  return element;
}
