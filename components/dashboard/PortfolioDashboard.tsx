'use client';
// The viewer's home: every deployed model at a glance, red first, and the way out to a PDF or PNG.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { approvalsHref, exportHref } from './links';
import { PortfolioCard } from './PortfolioCard';
import type { PortfolioView } from './types';

const ORDER = { red: 0, amber: 1, green: 2 } as const;

export function PortfolioDashboard({ initial }: { initial: PortfolioView }) {
  const trpc = useTRPC();
  const data = useQuery({ ...trpc.dashboard.portfolio.queryOptions(), initialData: initial, refetchInterval: 30_000 });
  // Ready for tests, the bench and the export once React has taken over the server's HTML.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const cards = data.data ? [...data.data.cards].sort((a, b) => ORDER[a.health] - ORDER[b.health] || a.modelName.localeCompare(b.modelName)) : [];
  const counts = { red: 0, amber: 0, green: 0 };
  for (const c of cards) counts[c.health] += 1;
  const waiting = cards.reduce((s, c) => s + c.pendingApprovals, 0);
  return (
    <PageBody>
      <div className="flex flex-col gap-6" data-testid="portfolio" data-ready={hydrated && data.data ? 'yes' : 'no'}>
        <PageHeader
          title="Portfolio"
          description={data.data ? `${cards.length} deployed model${cards.length === 1 ? '' : 's'}: ${counts.red} at risk, ${counts.amber} need attention, ${counts.green} healthy` : 'Every deployed model, its health and what it served'}
          actions={
            <>
              <Link href={approvalsHref} className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50">
                Approvals{waiting > 0 ? ` (${waiting})` : ''}
              </Link>
              <a href={exportHref('pdf')} download className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50" data-testid="export-pdf">
                Export PDF
              </a>
              <a href={exportHref('png')} download className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50">
                Export PNG
              </a>
            </>
          }
        />
        <InlineError message={data.error ? errorMessage(data.error) : null} />
        {data.data && cards.length === 0 ? <EmptyState title="No model is deployed yet">Deployed models appear here with their health, traffic and business value.</EmptyState> : null}
        {!data.data && !data.error ? <div className="h-40 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" /> : null}
        {cards.length > 0 ? (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Deployed models">
            {cards.map((c) => (
              <PortfolioCard key={c.endpointId} card={c} />
            ))}
          </ul>
        ) : null}
        {data.data ? (
          <p className="text-xs text-zinc-500">
            Red: predictions drifted, three or more inputs drifted, ROC AUC {data.data.rules.decayRed} or more below training, p95 latency over {data.data.rules.latencyRedMs} ms, over{' '}
            {data.data.rules.errorRed * 100}% errors, or a critical alert. Amber: milder versions of the same (AUC {data.data.rules.decayAmber} below training, p95 over {data.data.rules.latencyAmberMs} ms,
            over {data.data.rules.errorAmber * 100}% errors, a warning alert). Decay needs {data.data.rules.minLabels} labels in the last 7 days.
          </p>
        ) : null}
      </div>
    </PageBody>
  );
}
