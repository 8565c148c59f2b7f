// Per-class scores for a multiclass model, with each class's one-vs-rest ROC AUC and average precision.
import type { MetricsReport } from '../../nodes/evaluate/metrics-report';
import { formatNumber } from '../ui/format';
import { SectionTitle } from './SectionTitle';

type PerClass = NonNullable<MetricsReport['perClass']>;

export function PerClassTable({ perClass, curves }: { perClass: PerClass; curves: MetricsReport['curves'] }) {
  const auc = new Map(curves?.roc.map((s) => [s.label, s.auc]));
  const ap = new Map(curves?.pr.map((s) => [s.label, s.averagePrecision]));
  const score = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(3));
  return (
    <section>
      <SectionTitle hint="AUC and AP: this class against the rest">Per class</SectionTitle>
      <div className="max-h-72 overflow-auto rounded-md border border-zinc-200">
        <table className="w-full text-xs" data-testid="per-class">
          <thead className="sticky top-0 bg-zinc-50 text-[11px] text-zinc-500">
            <tr className="border-b border-zinc-200">
              <th scope="col" className="px-2 py-1.5 text-left font-medium">Class</th>
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">Precision</th>
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">Recall</th>
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">F1</th>
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">AUC</th>
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">AP</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">Rows</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 tabular-nums">
            {perClass.map((c) => (
              <tr key={c.label}>
                <th scope="row" className="max-w-24 truncate px-2 py-1.5 text-left font-medium text-zinc-800" title={c.label}>
                  {c.label}
                </th>
                <td className="px-1.5 py-1.5 text-right">{score(c.precision)}</td>
                <td className="px-1.5 py-1.5 text-right">{score(c.recall)}</td>
                <td className="px-1.5 py-1.5 text-right">{score(c.f1)}</td>
                <td className="px-1.5 py-1.5 text-right">{score(auc.get(c.label))}</td>
                <td className="px-1.5 py-1.5 text-right">{score(ap.get(c.label))}</td>
                <td className="px-2 py-1.5 text-right text-zinc-500">{formatNumber(c.support)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
