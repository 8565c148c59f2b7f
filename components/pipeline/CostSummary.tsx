// What a binary classifier's decisions cost per 1,000, now and at the cost-optimal threshold, next
// to the two rules that need no model at all: flag nobody and flag everyone.
import type { BaselineComparison } from '../../nodes/evaluate/baselines';
import type { CostPoint, CostView } from '../../nodes/evaluate/cost';
import { assumptions, baselineComparisonOf, baselineVerdict, costSentence, formatThreshold, moneyFormatter } from './cost-words';
import { SectionTitle } from './SectionTitle';

type Row = { key: string; label: string; point: CostPoint; note?: string };

export function CostSummary({ cost, positive }: { cost: CostView & { vsBaseline?: BaselineComparison }; positive: string | null }) {
  const { now, better } = costSentence(cost);
  const { flagNobody, flagEveryone } = cost.baselines;
  const best = baselineComparisonOf(cost).best;
  const verdict = baselineVerdict(cost);
  const rows: Row[] = [
    { key: 'model', label: `This model, threshold ${formatThreshold(cost.atThreshold.threshold)}`, point: cost.atThreshold },
    ...(cost.optimal.threshold !== cost.atThreshold.threshold && cost.optimal.threshold !== null
      ? [{ key: 'optimal', label: `This model, cost-optimal threshold ${formatThreshold(cost.optimal.threshold)}`, point: cost.optimal }]
      : []),
    { key: 'nobody', label: 'Flag nobody (no model)', point: flagNobody, note: best === 'flagNobody' ? 'best baseline' : undefined },
    { key: 'everyone', label: 'Flag everyone (no model)', point: flagEveryone, note: best === 'flagEveryone' ? 'best baseline' : undefined },
  ];
  const money = moneyFormatter(cost.currency, ...rows.map((r) => r.point.costPer1000));
  return (
    <section data-testid="cost-summary">
      <SectionTitle hint="per 1,000 decisions">What the decisions cost</SectionTitle>
      <div className="rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2.5 text-xs leading-relaxed text-zinc-600">
        <p className="text-sm leading-snug text-zinc-900">
          {now} {better ? <span className="font-medium text-emerald-800">{better}</span> : null}
        </p>
        <table className="mt-2 w-full text-xs tabular-nums" data-testid="cost-baselines">
          <caption className="sr-only">Cost and cases flagged per 1,000 decisions, for this model and for the rules that need no model</caption>
          <thead className="text-left text-[11px] text-zinc-500">
            <tr>
              <th scope="col" className="py-0.5 font-medium">Decision rule</th>
              <th scope="col" className="py-0.5 pl-3 text-right font-medium">Flagged{positive ? ` as ${positive}` : ''}</th>
              <th scope="col" className="py-0.5 pl-3 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200/70">
            {rows.map((r) => (
              <tr key={r.key} data-testid={`cost-row-${r.key}`} className={r.key === 'model' ? 'font-medium text-zinc-900' : ''}>
                <td className="py-1">
                  {r.label}
                  {r.note ? <span className="ml-1.5 rounded bg-zinc-200 px-1 py-px text-[10px] font-medium text-zinc-600">{r.note}</span> : null}
                </td>
                <td className="py-1 pl-3 text-right whitespace-nowrap">{Math.round(r.point.flaggedPer1000).toLocaleString('en-US')}</td>
                <td className="py-1 pl-3 text-right whitespace-nowrap">{money(r.point.costPer1000)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p
          role={verdict.beats ? undefined : 'alert'}
          data-testid="cost-verdict"
          data-beats={verdict.beats}
          className={`mt-2 rounded px-2 py-1 font-medium ${verdict.beats ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-800'}`}
        >
          {verdict.text}
        </p>
        <p className="mt-1.5 text-zinc-500">
          {assumptions(cost, positive)} The costs are set on the evaluate node; a quality gate on “Saving vs best baseline (%)” fails runs whose
          model does not beat the no-skill rules by the margin you set.
        </p>
      </div>
    </section>
  );
}
