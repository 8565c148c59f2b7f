// What a binary classifier's decisions cost per 1,000, now and at the cost-optimal threshold.
import type { CostView } from '../../nodes/evaluate/cost';
import { assumptions, costSentence, moneyFormatter } from './cost-words';
import { SectionTitle } from './SectionTitle';

export function CostSummary({ cost, positive }: { cost: CostView; positive: string | null }) {
  const { now, better } = costSentence(cost);
  const { flagNobody, flagEveryone } = cost.baselines;
  const money = moneyFormatter(cost.currency, flagNobody.costPer1000, flagEveryone.costPer1000);
  const flagged = Math.round(cost.atThreshold.flaggedPer1000);
  return (
    <section data-testid="cost-summary">
      <SectionTitle>What the decisions cost</SectionTitle>
      <div className="rounded-md border border-zinc-200 bg-zinc-50/60 px-3 py-2.5 text-xs leading-relaxed text-zinc-600">
        <p className="text-sm leading-snug text-zinc-900">
          {now} {better ? <span className="font-medium text-emerald-800">{better}</span> : null}
        </p>
        <p className="mt-1.5">
          The model flags {flagged.toLocaleString('en-US')} of every 1,000 cases{positive ? ` as ${positive}` : ''}. For comparison, flagging nobody would cost{' '}
          {money(flagNobody.costPer1000)} per 1,000 and flagging everyone {money(flagEveryone.costPer1000)}.
        </p>
        <p className="mt-1 text-zinc-500">{assumptions(cost, positive)} The costs are set on the evaluate node.</p>
      </div>
    </section>
  );
}
