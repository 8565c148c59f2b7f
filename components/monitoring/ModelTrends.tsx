'use client';
// Trends of whole-model figures across checks: performance once labels arrive, business cost,
// latency percentiles, serving memory, and traffic. A group no check has recorded says so.
import { figureInfo } from './figure-units';
import { monitorColor, monitorDash } from './monitor-palette';
import { TimeLineChart } from './TimeLineChart';
import { modelTrend, type TrendCheck, type TrendFigure } from './trend-rows';

const GROUPS = [
  { id: 'performance', title: 'Performance (from feedback labels)', metrics: ['roc_auc', 'pr_auc', 'accuracy', 'f1', 'precision', 'recall'], y: 'Score (0–1)', empty: 'No check had labelled predictions yet: post feedback to see decay.' },
  { id: 'cost', title: 'Business cost', metrics: ['cost_per_1000'], y: 'Cost per 1,000 decisions', empty: 'No cost figures: the version was evaluated without a cost matrix, or no labels arrived.' },
  { id: 'latency', title: 'Latency', metrics: ['latency_p50', 'latency_p95', 'latency_p99'], y: 'Latency (ms)', empty: 'No latency figures yet.' },
  { id: 'memory', title: 'Memory', metrics: ['rss_mb', 'model_mb'], y: 'Memory (MB)', empty: 'No memory figures: the serving process did not answer its stats when the checks ran.' },
  { id: 'traffic', title: 'Throughput', metrics: ['throughput_rps'], y: 'Requests per second', empty: 'No throughput figures yet.' },
  { id: 'errors', title: 'Error rate', metrics: ['error_rate'], y: 'Share of requests', empty: 'No error-rate figures: the serving process did not answer its stats.' },
] as const;

export function ModelTrends({ checks, figures }: { checks: TrendCheck[]; figures: TrendFigure[] }) {
  return (
    <section aria-labelledby="trends-heading" className="flex flex-col gap-2" data-testid="model-trends">
      <h2 id="trends-heading" className="text-sm font-semibold text-zinc-900">
        Trends
      </h2>
      <div className="grid gap-3 lg:grid-cols-2">
        {GROUPS.map((g) => {
          const { rows, metrics } = modelTrend(checks, figures, g.metrics);
          if (metrics.length === 0) {
            return (
              <div key={g.id} className="rounded-md border border-dashed border-zinc-200 p-3 text-xs text-zinc-500" data-testid={`trend-${g.id}-empty`}>
                <p className="font-medium text-zinc-700">{g.title}</p>
                <p>{g.empty}</p>
              </div>
            );
          }
          const last = rows.filter((r) => metrics.some((m) => r[m] !== undefined)).at(-1);
          const latest = metrics.map((m) => `${figureInfo(m).label} ${last?.[m] ?? '—'}`).join(', ');
          return (
            <TimeLineChart
              key={g.id}
              testId={`trend-${g.id}`}
              title={g.title}
              summary={`${g.title} over ${rows.length} checks; latest: ${latest}`}
              rows={rows}
              yLabel={g.y}
              series={metrics.map((m, k) => ({ key: m, name: figureInfo(m).label, color: monitorColor(k), dash: monitorDash(k) }))}
              height={200}
            />
          );
        })}
      </div>
    </section>
  );
}
