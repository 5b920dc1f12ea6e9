/**
 * One floating panel at a time inside a view (column chooser, filter editor), placed under the
 * element that opened it and kept inside the view; it closes on Escape, on a press outside it,
 * and when another opens.
 */
export class Popover {
  private panel: HTMLElement | null = null;
  private owner: string | null = null;
  private anchor: HTMLElement | null = null;
  private onClose: (() => void) | null = null;

  constructor(private readonly root: HTMLElement) {
    root.ownerDocument.addEventListener("pointerdown", this.pressedOutside, true);
    root.addEventListener("keydown", this.escaped);
  }

  /** Which opener's panel is open ("columns", a column id), or null. */
  get openFor(): string | null {
    return this.owner;
  }

  /** Opens a panel, or closes it when the same opener's panel is open (a second click on a button). */
  toggle(owner: string, anchor: HTMLElement, content: () => HTMLElement, onClose?: () => void) {
    if (this.owner === owner) this.close();
    else this.open(owner, anchor, content(), onClose);
  }

  open(owner: string, anchor: HTMLElement, content: HTMLElement, onClose?: () => void) {
    this.close();
    const panel = document.createElement("div");
    panel.className = "rc-popover";
    panel.setAttribute("role", "dialog");
    panel.append(content);
    this.root.append(panel);
    this.panel = panel;
    this.owner = owner;
    this.anchor = anchor;
    this.onClose = onClose ?? null;
    this.place(anchor);
    panel.querySelector<HTMLElement>("input, button")?.focus({ preventScroll: true });
  }

  close() {
    if (!this.panel) return;
    this.panel.remove();
    this.panel = null;
    this.owner = null;
    this.anchor = null;
    const onClose = this.onClose;
    this.onClose = null;
    onClose?.();
  }

  destroy() {
    this.close();
    this.root.ownerDocument.removeEventListener("pointerdown", this.pressedOutside, true);
    this.root.removeEventListener("keydown", this.escaped);
  }

  private place(anchor: HTMLElement) {
    const panel = this.panel!;
    const root = this.root.getBoundingClientRect();
    const at = anchor.getBoundingClientRect();
    const width = panel.offsetWidth;
    const left = Math.max(0, Math.min(at.left - root.left, this.root.clientWidth - width));
    panel.style.left = `${left}px`;
    panel.style.top = `${at.bottom - root.top + 2}px`;
  }

  private readonly pressedOutside = (event: PointerEvent) => {
    if (!this.panel) return;
    const path = event.composedPath();
    // A press on what opened the panel is left to its click, which toggles the panel.
    if (path.includes(this.panel) || (this.anchor && path.includes(this.anchor))) return;
    this.close();
  };

  private readonly escaped = (event: KeyboardEvent) => {
    if (event.key === "Escape" && this.panel) {
      event.stopPropagation();
      this.close();
    }
  };
}
