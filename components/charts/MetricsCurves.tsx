'use client';
// The charts a metrics report can draw: ROC and precision–recall for a classifier, predicted
// against actual for a regression model. Old or partial reports simply draw fewer charts.
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { binaryOperatingPoints } from './operating-points';
import { PrCurve } from './PrCurve';
import { PredictedActualChart } from './PredictedActualChart';
import { RocCurve } from './RocCurve';

export function MetricsCurves({ report }: { report: MetricsReport }) {
  if (report.type === 'regression') {
    const points = report.residuals?.points;
    if (!points || !Array.isArray(points.actual) || !Array.isArray(points.predicted)) return null;
    return <PredictedActualChart actual={points.actual} predicted={points.predicted} rows={report.rows} target={report.target} />;
  }
  const curves = report.curves;
  if (!curves || !Array.isArray(curves.roc) || !Array.isArray(curves.pr)) return null;
  const points = binaryOperatingPoints(report);
  return (
    <div className="flex flex-col gap-3">
      <RocCurve series={curves.roc} points={points} />
      <PrCurve series={curves.pr} points={points} />
    </div>
  );
}
