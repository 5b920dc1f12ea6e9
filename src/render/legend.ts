import type { RunColors } from "./color.js";

/** The colour key: a gradient with its ends for a numeric column, swatches for categories. */
export function colorLegend(colors: RunColors, title: string): HTMLElement {
  const legend = document.createElement("div");
  legend.className = "rc-legend-colors";
  legend.style.display = "flex";
  legend.style.alignItems = "center";
  legend.style.gap = "6px";
  legend.style.flexWrap = "wrap";
  const heading = document.createElement("span");
  heading.className = "rc-legend-title";
  heading.textContent = title;
  legend.append(heading);
  if (colors.legend.kind === "continuous") {
    const { domain, stops, format, log } = colors.legend;
    const bar = document.createElement("span");
    bar.className = "rc-legend-bar";
    bar.style.display = "inline-block";
    bar.style.width = "120px";
    bar.style.height = "10px";
    bar.style.borderRadius = "2px";
    bar.style.background = `linear-gradient(to right, ${stops.join(", ")})`;
    legend.append(text(format(domain[0])), bar, text(format(domain[1]) + (log ? " (log)" : "")));
  } else {
    for (const { label, color } of colors.legend.entries) {
      const entry = document.createElement("span");
      const swatch = document.createElement("span");
      swatch.className = "rc-swatch";
      swatch.style.background = color;
      entry.append(swatch, label);
      legend.append(entry);
    }
  }
  return legend;
}

function text(content: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.textContent = content;
  return span;
}
