// An evaluate node's metrics: gates first, then the headline numbers, the curves, then the detail
// a task has (confusion matrix, cost, per-class scores, residuals, permutation importance).
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { MetricsCurves } from '../charts/MetricsCurves';
import { formatNumber } from '../ui/format';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CostSummary } from './CostSummary';
import { HeadlineMetrics } from './HeadlineMetrics';
import { ImportanceList } from './ImportanceList';
import { PerClassTable } from './PerClassTable';
import { QualityGates } from './QualityGates';
import { ResidualsSummary } from './ResidualsSummary';

/** The stored JSON is checked loosely: anything else falls back to the raw JSON view. */
export function isMetricsReport(value: unknown): value is MetricsReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof MetricsReport, unknown>>;
  return (v.type === 'classification' || v.type === 'regression') && isObject(v.metrics) && isObject(v.about) && Array.isArray(v.gates);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function MetricsPreview({ report }: { report: MetricsReport }) {
  return (
    <div className="flex flex-col gap-4" data-testid="metrics-preview">
      <p className="text-xs text-zinc-500">
        {report.title}
        {report.positiveLabel ? (
          <>
            {' · positive class '}
            <span className="font-medium text-zinc-700">{report.positiveLabel}</span>
          </>
        ) : null}
        {report.threshold !== null ? ` · threshold ${formatNumber(report.threshold)}` : ''}
        {report.droppedRows > 0 ? ` · ${formatNumber(report.droppedRows)} rows without a target left out` : ''}
      </p>
      {report.gates.length > 0 ? <QualityGates gates={report.gates} /> : null}
      <HeadlineMetrics task={report.task} metrics={report.metrics} about={report.about} />
      <MetricsCurves report={report} />
      {report.confusion ? <ConfusionMatrix confusion={report.confusion} /> : null}
      {report.cost ? <CostSummary cost={report.cost} positive={report.positiveLabel} /> : null}
      {report.task === 'multiclass' && report.perClass ? <PerClassTable perClass={report.perClass} curves={report.curves} /> : null}
      {report.residuals ? <ResidualsSummary residuals={report.residuals} /> : null}
      {report.importance && report.importance.features.length > 0 ? <ImportanceList importance={report.importance} /> : null}
    </div>
  );
}
