'use client';
// Precision–recall curves from a metrics report, drawn as steps the way average precision sums
// them, with AP in the title, the share of positives as the chance level, and operating points.
import type { PrSeries } from '../../nodes/evaluate/curves';
import { formatThreshold } from '../pipeline/cost-words';
import { ChartFigure } from './ChartFigure';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { curveRows, drawable, type CurveSource } from './curve-rows';
import type { OperatingPoints } from './operating-points';
import { CHART_GREYS, MARKER_COLORS, seriesColor } from './palette';
import { MAX_CURVES } from './RocCurve';
import { ThresholdCurveChart, type CurveMarker } from './ThresholdCurveChart';

const AXES = { x: 'Recall', y: 'Precision' };
const score = (v: number | null | undefined) => (typeof v === 'number' ? v.toFixed(3) : 'undefined');

export function PrCurve({ series, points }: { series: PrSeries[]; points: OperatingPoints }) {
  const shown = series.slice(0, MAX_CURVES).filter((s) => drawable(source(s)));
  if (shown.length === 0) return null;
  const rows = curveRows(shown.map(source), 'descending');
  const single = series.length === 1;
  const title = single ? `Precision–recall curve · AP ${score(shown[0].averagePrecision)}` : 'Precision–recall curves, each class against the rest';
  const summary = single
    ? `Precision-recall curve: precision against recall, average precision ${score(shown[0].averagePrecision)}`
    : `Precision-recall curves of ${shown.length} classes, each against the rest: ${shown.map((s) => `${s.label} AP ${score(s.averagePrecision)}`).join(', ')}`;

  const markers: CurveMarker[] = [];
  const legend: LegendItem[] = single ? [] : shown.map((s, k) => ({ key: s.label, color: seriesColor(k), mark: 'line', text: `${s.label} · AP ${score(s.averagePrecision)}` }));
  if (points.chosen) {
    markers.push({ key: 'chosen', x: points.chosen.tpr, y: points.chosen.precision, color: MARKER_COLORS.chosen, hollow: true });
    legend.push({ key: 'chosen', color: MARKER_COLORS.chosen, mark: 'ring', text: `threshold ${formatThreshold(points.chosen.threshold)}: precision ${score(points.chosen.precision)}, recall ${score(points.chosen.tpr)}` });
  }
  if (points.optimal) {
    markers.push({ key: 'optimal', x: points.optimal.tpr, y: points.optimal.precision, color: MARKER_COLORS.optimal });
    legend.push({ key: 'optimal', color: MARKER_COLORS.optimal, mark: 'dot', text: `cost-optimal ${formatThreshold(points.optimal.threshold)}: precision ${score(points.optimal.precision)}, recall ${score(points.optimal.tpr)}` });
  }
  // One chance level per class would be a tangle: draw it only for a single curve.
  const prevalence = single && typeof shown[0].prevalence === 'number' ? shown[0].prevalence : null;
  if (prevalence !== null) legend.push({ key: 'chance', color: CHART_GREYS.reference, mark: 'dash', text: `chance (${(prevalence * 100).toFixed(1)}% positive)` });

  return (
    <ChartFigure testId="pr-curve" title={title} summary={summary} footer={<ChartLegend items={legend} />}>
      <ThresholdCurveChart
        rows={rows}
        labels={shown.map((s) => s.label)}
        axes={AXES}
        lineType="stepAfter"
        chance={prevalence !== null ? { level: prevalence } : null}
        markers={markers}
        title={title}
        desc={summary}
      />
    </ChartFigure>
  );
}

function source(s: PrSeries): CurveSource {
  return { label: s.label, x: s.recall, y: s.precision, thresholds: s.thresholds };
}
