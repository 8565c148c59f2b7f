// One deployed model on the portfolio: health and why, traffic, champion, last retrain, approvals.
import Link from 'next/link';
import { formatRelative } from '../ui/format';
import { HealthBadge } from './HealthBadge';
import { approvalsHref, modelKpisHref } from './links';
import type { PortfolioCardView } from './types';

const count = new Intl.NumberFormat('en');

export function PortfolioCard({ card: c }: { card: PortfolioCardView }) {
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid={`card-${c.endpointName}`}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0">
          <Link href={modelKpisHref(c.endpointId)} className="block truncate font-semibold text-indigo-700 hover:underline">
            {c.modelName}
          </Link>
          <p className="truncate text-xs text-zinc-500">
            endpoint {c.endpointName} · {c.projectName}
          </p>
        </div>
        <HealthBadge health={c.health} />
      </div>
      {c.reasons.length > 0 ? (
        <ul className="flex flex-col gap-1 text-xs" aria-label={`Why ${c.modelName} is ${c.health}`}>
          {c.reasons.map((r) => (
            <li key={r.text} className={r.level === 'red' ? 'text-red-800' : 'text-amber-900'}>
              <span aria-hidden>{r.level === 'red' ? '■ ' : '▲ '}</span>
              {r.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-zinc-500">{c.lastCheckAt === null ? 'No monitoring check has run yet; nothing else is wrong.' : 'No drift, decay, slowness, errors or open alerts.'}</p>
      )}
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(
          [
            ['Today', c.predictions.today],
            ['7 days', c.predictions.days7],
            ['30 days', c.predictions.days30],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-md bg-zinc-50 px-2 py-1.5">
            <dt className="text-[11px] text-zinc-500">{label}</dt>
            <dd className="text-sm font-semibold text-zinc-900 tabular-nums">{count.format(n)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-[11px] text-zinc-400">predictions served</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-500">Champion</dt>
        {/* Times are drawn on the server first; the browser's clock and zone may word them differently. */}
        <dd className="text-zinc-800" suppressHydrationWarning>
          v{c.champion.version}, serving since {formatRelative(c.champion.since)}
        </dd>
        <dt className="text-zinc-500">Last retrain</dt>
        <dd className="text-zinc-800" suppressHydrationWarning>
          v{c.lastRetrain.version} {formatRelative(c.lastRetrain.at)}
          {c.lastRetrain.challenge ? ` · last challenge ${c.lastRetrain.challenge.decision.replace('_', ' ')}` : ''}
        </dd>
        <dt className="text-zinc-500">Approvals</dt>
        <dd>
          {c.pendingApprovals > 0 ? (
            <Link href={approvalsHref} className="font-medium text-amber-800 hover:underline">
              {c.pendingApprovals} waiting
            </Link>
          ) : (
            <span className="text-zinc-500">none waiting</span>
          )}
        </dd>
      </dl>
    </li>
  );
}
