// The confusion matrix as a labelled grid: actual classes down, predicted across, each cell with its
// count and its share of the actual class. Right answers shade green, mistakes red, by that share.
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { SectionTitle } from './SectionTitle';

type Confusion = NonNullable<MetricsReport['confusion']>;

export function ConfusionMatrix({ confusion }: { confusion: Confusion }) {
  const { labels, matrix } = confusion;
  const totals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return (
    <section>
      <SectionTitle hint="count and % of each actual class">Confusion matrix</SectionTitle>
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-0.5 text-xs" data-testid="confusion-matrix">
          <caption className="sr-only">Confusion matrix: actual class by row, predicted class by column</caption>
          <thead>
            <tr>
              <th scope="col" className="px-1.5 pb-1 text-left align-bottom text-[10px] font-normal whitespace-nowrap text-zinc-400">
                actual ↓ predicted →
              </th>
              {labels.map((label) => (
                <th key={label} scope="col" className="max-w-24 min-w-14 truncate px-1.5 pb-1 text-center align-bottom font-medium text-zinc-700" title={label}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, a) => (
              <tr key={labels[a]}>
                <th scope="row" className="max-w-28 truncate px-1.5 text-left font-medium text-zinc-700" title={labels[a]}>
                  {labels[a]}
                  <span className="ml-1.5 font-normal text-zinc-400 tabular-nums">{totals[a].toLocaleString()}</span>
                </th>
                {row.map((count, p) => (
                  <Cell key={labels[p]} count={count} share={totals[a] > 0 ? count / totals[a] : 0} right={a === p} actual={labels[a]} predicted={labels[p]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Cell({ count, share, right, actual, predicted }: { count: number; share: number; right: boolean; actual: string; predicted: string }) {
  // The shade grows with the share, from a faint tint so that a zero still reads as a cell.
  const background = right ? `rgba(16, 185, 129, ${0.08 + 0.4 * share})` : count > 0 ? `rgba(239, 68, 68, ${0.1 + 0.5 * share})` : 'rgba(244, 244, 245, 1)';
  const percent = `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
  return (
    <td
      className="rounded px-2 py-1.5 text-center tabular-nums"
      style={{ background }}
      title={`Actual ${actual}, predicted ${predicted}: ${count.toLocaleString()} (${percent} of actual ${actual})`}
      data-testid={`confusion-${actual}-${predicted}`}
    >
      <div className={`text-sm leading-tight font-semibold ${count === 0 ? 'text-zinc-400' : 'text-zinc-900'}`}>{count.toLocaleString()}</div>
      <div className="text-[10px] leading-tight text-zinc-600">{percent}</div>
    </td>
  );
}
