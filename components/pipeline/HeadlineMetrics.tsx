// The task's headline numbers, each with what it means and which way is better.
import { TASK_METRICS } from '../../nodes/evaluate/metric-catalogue';
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { formatNumber } from '../ui/format';
import { HelpTip } from './HelpTip';
import { metricLabel } from './metric-labels';
import { SectionTitle } from './SectionTitle';

export function HeadlineMetrics({ task, metrics, about }: Pick<MetricsReport, 'task' | 'metrics' | 'about'>) {
  // Stored JSON has its keys sorted; the catalogue's order puts the usual first reads first.
  const catalogue: readonly string[] = TASK_METRICS[task] ?? [];
  const names = [...new Set([...catalogue, ...Object.keys(about), ...Object.keys(metrics)])].filter((name) => name in metrics);
  return (
    <section>
      <SectionTitle>Metrics</SectionTitle>
      <table className="w-full text-xs" data-testid="headline-metrics">
        <thead className="sr-only">
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
            <th scope="col">Which way is better</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {names.map((name) => {
            const info = about[name];
            const value = (metrics as Record<string, number | null | undefined>)[name];
            return (
              <tr key={name} data-testid={`metric-${name}`}>
                <th scope="row" className="py-1.5 pr-2 text-left font-normal text-zinc-700">
                  <span className="inline-flex items-center gap-1.5">
                    {metricLabel(name)}
                    {info ? <HelpTip label={metricLabel(name)} text={info.description} /> : null}
                  </span>
                </th>
                <td className="py-1.5 text-right font-medium text-zinc-900 tabular-nums">
                  {value == null ? <span className="font-normal text-zinc-400" title="Not defined on this data">—</span> : formatNumber(value)}
                  {name === 'mape' && typeof value === 'number' ? <span className="ml-1 font-normal text-zinc-500">({formatNumber(value * 100)} %)</span> : null}
                </td>
                <td className="w-20 py-1.5 pl-3 text-right text-[11px] whitespace-nowrap text-zinc-400">{info ? <BetterArrow higher={info.higherIsBetter} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function BetterArrow({ higher }: { higher: boolean }) {
  return (
    <span title={higher ? 'Higher is better' : 'Lower is better'}>
      <span aria-hidden className="mr-1 text-zinc-500">
        {higher ? '↑' : '↓'}
      </span>
      {higher ? 'higher' : 'lower'}
    </span>
  );
}
