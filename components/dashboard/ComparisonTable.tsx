// Champion against challenger: training metrics, and the challenge's figures on the same holdout.
import { holdoutRows, type FigureRow } from './holdout-figures';
import type { ApprovalView } from './types';

const fmt = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));

function Rows({ rows, caption }: { rows: FigureRow[]; caption: string }) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="pb-1 text-left font-medium text-zinc-700">{caption}</caption>
      <thead className="text-zinc-500">
        <tr>
          <th className="py-1 font-medium">Figure</th>
          <th className="py-1 font-medium">Champion</th>
          <th className="py-1 font-medium">Challenger</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => (
          <tr key={r.name} className="border-t border-zinc-100">
            <td className="py-1 text-zinc-700">{r.name}</td>
            <td className="py-1">{fmt(r.champion)}</td>
            <td className={`py-1 ${r.challenger !== null && r.champion !== null && r.challenger !== r.champion ? 'font-semibold' : ''}`}>{fmt(r.challenger)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ComparisonTable({ item }: { item: ApprovalView }) {
  const names = [...new Set([...Object.keys(item.champion?.metrics ?? {}), ...Object.keys(item.challenger?.metrics ?? {})])].sort();
  const training = names.map((name) => ({ name, champion: item.champion?.metrics[name] ?? null, challenger: item.challenger?.metrics[name] ?? null }));
  const holdout = holdoutRows(item.holdout);
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {training.length > 0 ? (
        <Rows rows={training} caption={`Metrics at training: champion v${item.champion?.version ?? '—'}, challenger v${item.challenger?.version ?? '—'}`} />
      ) : (
        <p className="text-xs text-zinc-500">Neither version recorded metrics at training.</p>
      )}
      {holdout ? (
        <Rows rows={holdout} caption="On the same fresh holdout (metrics and business value)" />
      ) : (
        <p className="text-xs text-zinc-500">{item.holdout === null ? 'No retrain challenge scored both on a shared holdout for this request.' : 'The challenge’s holdout figures have no champion and challenger sides to compare.'}</p>
      )}
    </div>
  );
}
