import { axisBottom, axisLeft, bin, extent, format, line, scaleBand, scaleLinear, select, type ScaleLinear } from "d3";
import { boxStats } from "../../data/boxes.js";
import type { PanelEntry, PlotPanel } from "../../data/plot-panels.js";
import { svgElement } from "../../render/svg.js";

/** How a merged chart is drawn: its size and each run's colour. */
export interface ChartLook {
  readonly width: number;
  readonly height: number;
  colorOf(column: number): string;
}

export const MARGIN = { top: 10, right: 14, bottom: 36, left: 52 };
const AXIS_TITLES: Partial<Record<string, [string, string]>> = { pr: ["recall", "precision"], roc: ["false positive rate", "true positive rate"] };

/**
 * A chart of one panel's runs merged: lines, points, grouped bars, boxes or histogram outlines,
 * each run in its colour; PR and ROC curves on the unit square (ROC with its chance diagonal).
 */
export function mergedChart(panel: PlotPanel, look: ChartLook): SVGSVGElement {
  const svg = svgElement("svg", { class: "rc-plot-chart", width: look.width, height: look.height, role: "img" });
  const plot = svgElement("g", { transform: `translate(${MARGIN.left},${MARGIN.top})` });
  svg.append(plot);
  const width = look.width - MARGIN.left - MARGIN.right;
  const height = look.height - MARGIN.top - MARGIN.bottom;
  const axes = (x: (g: SVGGElement) => void, y: ScaleLinear<number, number>, titles?: [string, string]) => {
    const xAxis = svgElement("g", { class: "rc-x-axis", transform: `translate(0,${height})` });
    x(xAxis);
    const yAxis = svgElement("g", { class: "rc-y-axis" });
    select(yAxis).call(
      axisLeft(y)
        .ticks(Math.max(2, height / 40))
        .tickFormat(format("~g")),
    );
    plot.prepend(xAxis, yAxis);
    if (!titles) return;
    const xTitle = svgElement("text", { class: "rc-axis-label", x: width / 2, y: height + 32, "text-anchor": "middle" });
    xTitle.textContent = titles[0];
    const yTitle = svgElement("text", { class: "rc-axis-label", transform: `translate(${-40},${height / 2}) rotate(-90)`, "text-anchor": "middle" });
    yTitle.textContent = titles[1];
    plot.append(xTitle, yTitle);
  };
  const linearX = (domain: [number, number]) => scaleLinear().domain(domain).range([0, width]).nice();
  const linearY = (domain: [number, number]) => scaleLinear().domain(domain).range([height, 0]).nice();
  const xAxisOf = (x: ScaleLinear<number, number>) => (g: SVGGElement) =>
    void select(g).call(
      axisBottom(x)
        .ticks(Math.max(2, width / 80))
        .tickFormat(format("~g")),
    );

  switch (panel.kind) {
    case "line":
    case "scatter":
    case "pr":
    case "roc": {
      const unit = panel.kind === "pr" || panel.kind === "roc";
      const xs = panel.entries.flatMap((e) => (e.plot.data.shape === "xy" ? [...e.plot.data.x] : []));
      const ys = panel.entries.flatMap((e) => (e.plot.data.shape === "xy" ? [...e.plot.data.y] : []));
      const x = linearX(unit ? [0, 1] : finiteDomain(xs));
      const y = linearY(unit ? [0, 1] : finiteDomain(ys));
      axes(xAxisOf(x), y, AXIS_TITLES[panel.kind]);
      if (panel.kind === "roc") plot.append(svgElement("line", { class: "rc-chance", x1: x(0), y1: y(0), x2: x(1), y2: y(1) }));
      for (const entry of panel.entries) {
        if (entry.plot.data.shape !== "xy") continue;
        const { x: xv, y: yv } = entry.plot.data;
        const color = look.colorOf(entry.column);
        const group = svgElement("g", { class: "rc-run-marks", "data-column": entry.column });
        if (panel.kind === "scatter") {
          for (let i = 0; i < xv.length; i++) {
            if (Number.isFinite(xv[i]) && Number.isFinite(yv[i]))
              group.append(svgElement("circle", { cx: x(xv[i]), cy: y(yv[i]), r: 3, fill: color, "fill-opacity": 0.75 }));
          }
        } else {
          const points = Array.from(xv, (v, i) => [v, yv[i]] as [number, number]);
          const path = line<[number, number]>()
            .defined(([a, b]) => Number.isFinite(a) && Number.isFinite(b))
            .x(([a]) => x(a))
            .y(([, b]) => y(b))(panel.kind === "line" ? points : points.sort((p, q) => p[0] - q[0] || p[1] - q[1]));
          group.append(svgElement("path", { d: path ?? "", fill: "none", stroke: color, "stroke-width": 1.8 }));
        }
        plot.append(group);
      }
      return svg;
    }
    case "bar": {
      const labels = [...new Set(panel.entries.flatMap((e) => (e.plot.data.shape === "bars" ? e.plot.data.labels : [])))];
      const groups = scaleBand<string>().domain(labels).range([0, width]).padding(0.2);
      const inner = scaleBand<number>()
        .domain(panel.entries.map((e) => e.column))
        .range([0, groups.bandwidth()])
        .padding(0.05);
      const values = panel.entries.flatMap((e) => (e.plot.data.shape === "bars" ? [...e.plot.data.y] : []));
      const y = linearY(finiteDomain([0, ...values]));
      axes((g) => void select(g).call(axisBottom(groups)), y);
      for (const entry of panel.entries) {
        if (entry.plot.data.shape !== "bars") continue;
        const group = svgElement("g", { class: "rc-run-marks", "data-column": entry.column });
        const { labels: own, y: yv } = entry.plot.data;
        own.forEach((label, i) => {
          if (!Number.isFinite(yv[i])) return;
          const top = Math.min(y(yv[i]), y(0));
          group.append(
            svgElement("rect", {
              x: groups(label)! + inner(entry.column)!,
              y: top,
              width: inner.bandwidth(),
              height: Math.abs(y(yv[i]) - y(0)),
              fill: look.colorOf(entry.column),
            }),
          );
        });
        plot.append(group);
      }
      return svg;
    }
    case "box": {
      const stats = panel.entries.map((e) => ({ entry: e, stats: e.plot.data.shape === "values" ? boxStats(e.plot.data.values) : null }));
      const all = stats.flatMap(({ stats: s }) => (s ? [s.low, s.high, ...s.outliers] : []));
      const bands = scaleBand<number>()
        .domain(panel.entries.map((e) => e.column))
        .range([0, width])
        .padding(0.3);
      const y = linearY(finiteDomain(all));
      axes((g) => void select(g).call(axisBottom(bands).tickFormat(() => "")), y);
      for (const { entry, stats: s } of stats) {
        if (!s) continue;
        const color = look.colorOf(entry.column);
        const left = bands(entry.column)!;
        const middle = left + bands.bandwidth() / 2;
        const group = svgElement("g", { class: "rc-run-marks", "data-column": entry.column });
        group.append(
          svgElement("line", { x1: middle, x2: middle, y1: y(s.low), y2: y(s.q1), stroke: color }),
          svgElement("line", { x1: middle, x2: middle, y1: y(s.q3), y2: y(s.high), stroke: color }),
          svgElement("rect", {
            x: left,
            y: y(s.q3),
            width: bands.bandwidth(),
            height: Math.max(1, y(s.q1) - y(s.q3)),
            fill: color,
            "fill-opacity": 0.35,
            stroke: color,
          }),
          svgElement("line", { x1: left, x2: left + bands.bandwidth(), y1: y(s.median), y2: y(s.median), stroke: color, "stroke-width": 2 }),
          ...s.outliers.map((v) => svgElement("circle", { cx: middle, cy: y(v), r: 2.5, fill: "none", stroke: color })),
        );
        plot.append(group);
      }
      return svg;
    }
    case "histogram": {
      const outlines = histogramOutlines(panel.entries);
      const x = linearX(finiteDomain(outlines.flatMap((o) => o.edges)));
      const y = linearY(finiteDomain([0, ...outlines.flatMap((o) => o.counts)]));
      axes(xAxisOf(x), y);
      for (const { column, edges, counts } of outlines) {
        let d = `M${x(edges[0])},${y(0)}`;
        counts.forEach((count, i) => (d += `V${y(count)}H${x(edges[i + 1])}`));
        d += `V${y(0)}`;
        const group = svgElement("g", { class: "rc-run-marks", "data-column": column });
        group.append(svgElement("path", { d, fill: look.colorOf(column), "fill-opacity": 0.12, stroke: look.colorOf(column), "stroke-width": 1.6 }));
        plot.append(group);
      }
      return svg;
    }
    default:
      return svg;
  }
}

/** Each run's histogram as bin edges and counts: its own buckets, or its raw values binned on bins every run shares. */
export function histogramOutlines(entries: readonly PanelEntry[]): { column: number; edges: number[]; counts: number[] }[] {
  const raw = entries.flatMap((e) => (e.plot.data.shape === "values" ? [...e.plot.data.values].filter(Number.isFinite) : []));
  const [low, high] = extent(raw) as [number | undefined, number | undefined];
  const domain: [number, number] | null = low === undefined || high === undefined ? null : low === high ? [low - 0.5, high + 0.5] : [low, high];
  // Bins every run shares: those d3 picks for all the values together.
  const thresholds = domain
    ? bin()
        .domain(domain)(raw)
        .map((b) => b.x0!)
        .slice(1)
    : [];
  return entries.flatMap((entry) => {
    const data = entry.plot.data;
    if (data.shape === "buckets") {
      const order = Array.from(data.left, (_, i) => i).sort((a, b) => data.left[a] - data.left[b]);
      if (!order.length) return [];
      return [
        { column: entry.column, edges: [...order.map((i) => data.left[i]), data.right[order[order.length - 1]]], counts: order.map((i) => data.count[i]) },
      ];
    }
    if (data.shape !== "values" || !domain) return [];
    const bins = bin().domain(domain).thresholds(thresholds)([...data.values].filter(Number.isFinite));
    return [{ column: entry.column, edges: [...bins.map((b) => b.x0!), bins[bins.length - 1].x1!], counts: bins.map((b) => b.length) }];
  });
}

function finiteDomain(values: readonly number[]): [number, number] {
  const [low, high] = extent(values.filter(Number.isFinite)) as [number | undefined, number | undefined];
  if (low === undefined || high === undefined) return [0, 1];
  return low === high ? [low - 1, high + 1] : [low, high];
}
