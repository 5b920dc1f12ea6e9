/**
 * Areas under PR and ROC curves given as points, as scikit-learn computes them from the points
 * its precision_recall_curve and roc_curve return (tests/contract/plots.json holds its numbers).
 */

/**
 * The trapezoidal area under y(x), the points taken in order of x (then y), as sklearn.metrics.auc
 * does for a ROC curve's (fpr, tpr): equal to roc_auc_score. NaN when fewer than two finite points.
 */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const points = finitePoints(x, y).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (points.length < 2) return NaN;
  let area = 0;
  for (let i = 1; i < points.length; i++) area += ((points[i][0] - points[i - 1][0]) * (points[i][1] + points[i - 1][1])) / 2;
  return area;
}

/**
 * Average precision from a PR curve's points: the sum over recall steps of the step's width times
 * the precision where recall reaches it, -Σ (r[i+1] − r[i]) · p[i] over points in order of falling
 * recall, as sklearn's average_precision_score does with precision_recall_curve's points (no
 * interpolation). Points already in rising or falling recall keep their order (ties included);
 * others are sorted by falling recall. NaN when fewer than two finite points.
 */
export function averagePrecision(recall: ArrayLike<number>, precision: ArrayLike<number>): number {
  let points = finitePoints(recall, precision);
  if (points.length < 2) return NaN;
  const rising = points.every((p, i) => i === 0 || p[0] >= points[i - 1][0]);
  const falling = points.every((p, i) => i === 0 || p[0] <= points[i - 1][0]);
  if (rising && !falling) points.reverse();
  else if (!falling)
    points = points
      .map((p, i) => [p[0], p[1], i] as const)
      .sort((a, b) => b[0] - a[0] || a[2] - b[2])
      .map(([r, p]) => [r, p]);
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) sum -= (points[i + 1][0] - points[i][0]) * points[i][1];
  return sum;
}

function finitePoints(x: ArrayLike<number>, y: ArrayLike<number>): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) points.push([x[i], y[i]]);
  return points;
}
