/**
 * A button that opens a panel under it, as menus do: a click on the button opens or closes it,
 * and a click elsewhere or Escape closes it (focus goes back to the button).
 */
export interface Popover {
  /** The button and its panel, to put into a toolbar. */
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly open: boolean;
  close(): void;
  /** Stops listening to the page. */
  destroy(): void;
}

export function popover(label: string, panel: HTMLElement, onOpen?: () => void): Popover {
  const element = document.createElement("span");
  element.className = "rc-popover";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  panel.classList.add("rc-popover-panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", label);
  panel.hidden = true;
  element.append(button, panel);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) onOpen?.();
  };
  const close = () => setOpen(false);
  button.addEventListener("click", () => setOpen(panel.hidden));
  // composedPath: the view may sit in a shadow root, where the event's target is the host.
  const outside = (event: Event) => !panel.hidden && !event.composedPath().includes(element) && close();
  const escape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || panel.hidden) return;
    close();
    button.focus();
  };
  document.addEventListener("pointerdown", outside, true);
  element.addEventListener("keydown", escape);
  return {
    element,
    button,
    panel,
    get open() {
      return !panel.hidden;
    },
    close,
    destroy: () => document.removeEventListener("pointerdown", outside, true),
  };
}
