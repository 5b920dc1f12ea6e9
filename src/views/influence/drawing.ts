import { axisTop, format, max, scaleLinear, select } from "d3";
import { RunsDataError, messages } from "../../data/errors.js";
import { importanceOf, type ParamImportance } from "../../data/importance.js";
import type { Runs } from "../../data/runs.js";
import { toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { estimateWidth, fitText, textMeasure, type Measure } from "../../render/text.js";
import { nextSelection } from "../values/selection.js";
import type { Hooks, Settled } from "../../render/view.js";
import type { InfluenceOptions } from "./index.js";

const ROW = 22;
const BAR = 14;
const CAPTION = 16;
const AXIS = 22;
const TOP = CAPTION + AXIS;
const NUMBERS = 190;
const GAP = 8;

/** The metric weighed and every param's numbers, most variance explained first. */
export interface Weighed {
  readonly metric: string;
  readonly params: readonly ParamImportance[];
  /** How each param is named on screen: its key ("lr"), or its full name where a metric shares the key. */
  readonly labels: ReadonlyMap<string, string>;
}

/** The options' metric (default the first metrics.* column) and params, weighed. */
export function weighParams(runs: Runs, options: Settled<InfluenceOptions>): Weighed {
  const metric = options.metric ?? runs.columns.find((c) => c.role === "metric" && c.kind === "numeric")?.name;
  if (metric === undefined) throw new RunsDataError(messages.influenceNoMetric());
  if (options.params === null && !runs.columns.some((c) => c.role === "param")) throw new RunsDataError(messages.influenceNoParams());
  const params = importanceOf(runs, { metric, params: options.params, bins: options.bins, scalars: options.scalars });
  const keys = runs.columns.map((c) => c.key);
  const label = (name: string) => {
    const key = runs.column(name)?.key ?? name;
    return keys.filter((k) => k === key).length > 1 ? name : key;
  };
  return { metric: label(metric), params, labels: new Map(params.map((p) => [p.param, label(p.param)])) };
}

/** A param's numbers as the row shows them: "η² 0.62 (chance 0.07) · ρ −0.41" . */
export function numbersText(p: ParamImportance): string {
  const eta = Number.isNaN(p.etaSquared) ? "η² —" : `η² ${fixed(p.etaSquared)} (chance ${fixed(p.chance)})`;
  return Number.isNaN(p.spearman) ? eta : `${eta} · ρ ${fixed(p.spearman)}`;
}

function fixed(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2).replace(/^-/, "−") : "—";
}

/** The bars, drawn into `g` for a width: names, eta squared from 0 to 1 with the chance mark, the numbers. */
function drawBars(g: SVGGElement, weighed: Weighed, width: number, measure: Measure, chosen: ReadonlySet<string>) {
  const labelOf = (p: ParamImportance) => weighed.labels.get(p.param) ?? p.param;
  const labelWidth = Math.min(Math.max(60, (max(weighed.params, (p) => measure(labelOf(p))) ?? 0) + 8), width * 0.35);
  const x = scaleLinear([0, 1], [labelWidth + GAP, Math.max(labelWidth + GAP + 40, width - NUMBERS - GAP)]);
  const axis = svgElement("g", { class: "rc-influence-axis", transform: `translate(0,${TOP - 1})` });
  select(axis).call(axisTop(x).ticks(5).tickFormat(format(".1f")).tickSizeOuter(0));
  const caption = svgElement("text", { class: "rc-influence-caption", x: x(0), y: CAPTION - 4 });
  caption.textContent = fitText(
    `η²: the share of ${weighed.metric}'s variance each param's values explain; the tick: what chance gives`,
    width - x(0),
    measure,
  ).lines[0];
  g.append(axis, caption);
  weighed.params.forEach((p, i) => {
    const row = svgElement("g", {
      class: `rc-influence-row${chosen.has(p.param) ? " rc-selected" : ""}`,
      "data-param": p.param,
      transform: `translate(0,${TOP + i * ROW})`,
    });
    row.append(svgElement("rect", { class: "rc-row-hit", x: 0, y: 0, width, height: ROW, fill: "transparent" }));
    const label = svgElement("text", { class: "rc-influence-label", x: 2, y: ROW / 2, dy: "0.35em" });
    label.textContent = fitText(labelOf(p), labelWidth - 4, measure).lines[0];
    const title = svgElement("title");
    title.textContent = `${p.param}: ${numbersText(p)}, n = ${p.n}, ${p.groups} groups`;
    row.append(label, title);
    if (Number.isFinite(p.etaSquared)) {
      row.append(svgElement("rect", { class: "rc-influence-bar", x: x(0), y: (ROW - BAR) / 2, width: Math.max(1, x(p.etaSquared) - x(0)), height: BAR }));
    }
    if (Number.isFinite(p.chance)) {
      const cx = x(Math.min(1, p.chance));
      row.append(svgElement("path", { class: "rc-influence-chance", d: `M${cx},${(ROW - BAR) / 2 - 2}v${BAR + 4}` }));
    }
    const numbers = svgElement("text", { class: "rc-influence-numbers", x: width - 2, y: ROW / 2, dy: "0.35em", "text-anchor": "end" });
    numbers.textContent = numbersText(p);
    row.append(numbers);
    g.append(row);
  });
  return TOP + weighed.params.length * ROW + 4;
}

/** The drawn bars; clicking a param makes it the view's value (shift adds it to those chosen). */
export class InfluenceChart {
  private readonly container = document.createElement("div");
  private readonly svg = svgElement("svg", { class: "rc-influence", role: "img" });
  private readonly resizeObserver: ResizeObserver;
  private chosen: string[] = [];
  private width = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly weighed: Weighed,
    private readonly hooks: Hooks<InfluenceOptions>,
    private readonly fixedWidth: number | null,
  ) {
    this.svg.setAttribute("aria-label", `how much each param goes with ${weighed.metric}, most first`);
    const status = document.createElement("span");
    status.className = "rc-status";
    status.textContent = `${weighed.params.length} params · ${weighed.metric} · click a param to add its axis`;
    hooks.controls.append(status);
    this.container.className = "rc-influence-container";
    if (fixedWidth) this.container.style.width = `${fixedWidth}px`;
    this.container.append(this.svg);
    root.append(this.container);
    this.svg.addEventListener("click", this.clicked);
    this.resizeObserver = new ResizeObserver(() => this.draw());
    this.resizeObserver.observe(this.container);
    this.draw();
  }

  /** Params chosen from outside (the element's value set), shown as chosen. */
  highlight(params: readonly string[]) {
    this.chosen = params.filter((p) => this.weighed.params.some((w) => w.param === p));
    this.draw(true);
  }

  exportSVG(): string {
    const theme = exportTheme(this.root);
    const width = this.width || 600;
    const g = svgElement("g", { transform: "translate(8,8)" });
    const height = drawBars(g, this.weighed, width, estimateWidth, new Set(this.chosen));
    for (const bar of g.querySelectorAll(".rc-influence-bar")) bar.setAttribute("fill", "#4269d0");
    for (const mark of g.querySelectorAll(".rc-influence-chance")) mark.setAttribute("stroke", theme.foreground);
    for (const text of g.querySelectorAll(".rc-influence-numbers, .rc-influence-caption")) text.setAttribute("fill", theme.muted);
    for (const element of g.querySelectorAll("*")) element.removeAttribute("class");
    return svgDocument(width + 16, height + 16, theme, [g]);
  }

  exportCSV(): string {
    return toCSV(
      ["param", "n", "eta_squared", "chance", "groups", "spearman", "spearman_p"],
      this.weighed.params.map((p) => [
        p.param,
        String(p.n),
        ...[p.etaSquared, p.chance, p.groups, p.spearman, p.spearmanP].map((v) => (Number.isNaN(v) ? "" : String(v))),
      ]),
    );
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.svg.removeEventListener("click", this.clicked);
    this.container.remove();
  }

  private draw(force = false) {
    // The container's padding is 8px either side.
    const width = this.fixedWidth ?? Math.max(200, (this.container.clientWidth || 616) - 16);
    if (width === this.width && !force) return;
    this.width = width;
    const g = svgElement("g");
    this.svg.replaceChildren(g);
    const probe = svgElement("text", { class: "rc-influence-label" });
    g.append(probe);
    const measure = textMeasure(probe);
    probe.remove();
    const height = drawBars(g, this.weighed, width, measure, new Set(this.chosen));
    this.svg.setAttribute("width", String(width));
    this.svg.setAttribute("height", String(height));
  }

  private readonly clicked = (event: MouseEvent) => {
    const row = (event.target as Element).closest?.(".rc-influence-row");
    const param = row?.getAttribute("data-param");
    if (param == null) return;
    this.chosen = nextSelection(this.chosen, param, event.shiftKey);
    this.draw(true);
    this.hooks.select(this.chosen);
  };
}
