/**
 * A <details> element that acts as a popup: while open, a press outside it or Escape inside it
 * closes it (Escape gives the focus back to its summary). Returns what removes the listeners.
 */
export function popup(details: HTMLDetailsElement): () => void {
  const outside = (event: PointerEvent) => {
    // composedPath sees through shadow roots, where event.target is the host.
    if (!event.composedPath().includes(details)) details.open = false;
  };
  const key = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !details.open) return;
    // Escape would otherwise also leave JupyterLab's edit mode.
    event.stopPropagation();
    details.open = false;
    details.querySelector("summary")?.focus();
  };
  const toggled = () => {
    if (details.open) document.addEventListener("pointerdown", outside, true);
    else document.removeEventListener("pointerdown", outside, true);
  };
  details.addEventListener("toggle", toggled);
  details.addEventListener("keydown", key);
  return () => {
    details.removeEventListener("toggle", toggled);
    details.removeEventListener("keydown", key);
    document.removeEventListener("pointerdown", outside, true);
  };
}
