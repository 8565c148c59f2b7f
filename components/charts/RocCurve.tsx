'use client';
// ROC curves from a metrics report: true against false positive rate as the threshold falls, with
// the area under the curve in the title and the classifier's operating points marked.
import type { RocSeries } from '../../nodes/evaluate/curves';
import { formatThreshold } from '../pipeline/cost-words';
import { ChartFigure } from './ChartFigure';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { curveRows, drawable, type CurveSource } from './curve-rows';
import type { OperatingPoints } from './operating-points';
import { CHART_GREYS, MARKER_COLORS, seriesColor } from './palette';
import { ThresholdCurveChart, type CurveMarker } from './ThresholdCurveChart';

export const MAX_CURVES = 10;
const AXES = { x: 'False positive rate', y: 'True positive rate' };
const score = (v: number | null | undefined) => (typeof v === 'number' ? v.toFixed(3) : 'undefined');

export function RocCurve({ series, points }: { series: RocSeries[]; points: OperatingPoints }) {
  const shown = series.slice(0, MAX_CURVES).filter((s) => drawable(source(s)));
  if (shown.length === 0) return null;
  const rows = curveRows(shown.map(source), 'ascending');
  const single = series.length === 1;
  const title = single ? `ROC curve · AUC ${score(shown[0].auc)}` : 'ROC curves, each class against the rest';
  const summary = single
    ? `ROC curve: true positive rate against false positive rate, area under the curve ${score(shown[0].auc)}`
    : `ROC curves of ${shown.length} classes, each against the rest: ${shown.map((s) => `${s.label} AUC ${score(s.auc)}`).join(', ')}`;

  const markers: CurveMarker[] = [];
  const legend: LegendItem[] = single ? [] : shown.map((s, k) => ({ key: s.label, color: seriesColor(k), mark: 'line', text: `${s.label} · AUC ${score(s.auc)}` }));
  if (points.chosen) {
    markers.push({ key: 'chosen', x: points.chosen.fpr, y: points.chosen.tpr, color: MARKER_COLORS.chosen, hollow: true });
    legend.push({ key: 'chosen', color: MARKER_COLORS.chosen, mark: 'ring', text: `threshold ${formatThreshold(points.chosen.threshold)}: TPR ${score(points.chosen.tpr)}, FPR ${score(points.chosen.fpr)}` });
  }
  if (points.optimal) {
    markers.push({ key: 'optimal', x: points.optimal.fpr, y: points.optimal.tpr, color: MARKER_COLORS.optimal });
    legend.push({ key: 'optimal', color: MARKER_COLORS.optimal, mark: 'dot', text: `cost-optimal ${formatThreshold(points.optimal.threshold)}: TPR ${score(points.optimal.tpr)}, FPR ${score(points.optimal.fpr)}` });
  }
  legend.push({ key: 'chance', color: CHART_GREYS.reference, mark: 'dash', text: 'chance' });

  return (
    <ChartFigure testId="roc-curve" title={title} summary={summary} footer={<ChartLegend items={legend} />}>
      <ThresholdCurveChart
        rows={rows}
        labels={shown.map((s) => s.label)}
        axes={AXES}
        lineType="linear"
        chance={{ diagonal: true }}
        markers={markers}
        title={title}
        desc={summary}
      />
      {series.length > MAX_CURVES ? <p className="px-1 text-[11px] text-zinc-500">The first {MAX_CURVES} of {series.length} classes are drawn; the table below lists every AUC.</p> : null}
    </ChartFigure>
  );
}

/** The first point is the (0, 0) corner, whose stored threshold (max score + 1) flags nobody. */
function source(s: RocSeries): CurveSource {
  return { label: s.label, x: s.fpr, y: s.tpr, thresholds: s.thresholds.map((t, i) => (i === 0 ? null : t)) };
}
