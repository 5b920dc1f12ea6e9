/** A tooltip box inside a view: a title line and label/value rows, all set as text. */
export interface Tooltip {
  readonly element: HTMLElement;
  show(x: number, y: number, title: string, rows: readonly (readonly [string, string])[]): void;
  hide(): void;
}

export function tooltip(container: HTMLElement): Tooltip {
  const element = document.createElement("div");
  element.className = "rc-tooltip";
  element.setAttribute("role", "tooltip");
  element.style.display = "none";
  container.append(element);
  return {
    element,
    show(x, y, title, rows) {
      const heading = document.createElement("div");
      heading.className = "rc-tooltip-title";
      heading.textContent = title;
      const lines = rows.map(([label, value]) => {
        const row = document.createElement("div");
        row.className = "rc-tooltip-row";
        const name = document.createElement("span");
        name.textContent = label;
        const text = document.createElement("span");
        text.textContent = value;
        row.append(name, text);
        return row;
      });
      element.replaceChildren(heading, ...lines);
      element.style.display = "block";
      // Keep the box inside the container: flip to the pointer's left near the right edge.
      const flip = x + 16 + element.offsetWidth > container.clientWidth;
      element.style.left = `${flip ? Math.max(0, x - 16 - element.offsetWidth) : x + 16}px`;
      element.style.top = `${Math.max(0, y - element.offsetHeight - 8)}px`;
    },
    hide() {
      element.style.display = "none";
    },
  };
}
