// Every number a run recorded, grouped by the step that measured it: the evaluations' metrics and
// gates, the training figures, a search's best score. Read from run_metrics, not from artifacts.
import { metricLabel } from '../pipeline/metric-labels';
import { SectionTitle } from '../pipeline/SectionTitle';
import { formatNumber } from '../ui/format';
import { metricName } from './metric-direction';

interface Metric {
  stepId: string;
  key: string;
  value: number;
}

export function RunMetricsSummary({ metrics, labelOf }: { metrics: readonly Metric[]; labelOf: (stepId: string) => string }) {
  if (metrics.length === 0) return <p className="text-sm text-zinc-500">This run recorded no metrics.</p>;
  const steps = [...new Set(metrics.map((m) => m.stepId))];
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="run-metrics">
      {steps.map((stepId) => (
        <section key={stepId} className="rounded-md border border-zinc-200 bg-white px-3 py-2.5">
          <SectionTitle>{labelOf(stepId)}</SectionTitle>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-xs">
            {metrics
              .filter((m) => m.stepId === stepId)
              .map((m) => (
                <div key={m.key} className="contents" data-testid={`run-metric-${m.key}`}>
                  <dt className="truncate text-zinc-600" title={m.key}>
                    {metricName(m.key) === 'gates_passed' ? 'Quality gates' : metricLabel(metricName(m.key))}
                  </dt>
                  <dd className="text-right font-medium text-zinc-900 tabular-nums">
                    {metricName(m.key) === 'gates_passed' ? (m.value === 1 ? 'passed' : 'failed') : formatNumber(m.value)}
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
