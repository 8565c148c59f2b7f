'use client';
// Retraining history: each trigger firing aimed at this endpoint with the run it started (or why
// none did), and each challenge of the champion with the decision, linked to runs and versions.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { versionHref } from '../registry/links';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';

const DECISIONS: Record<string, string> = {
  promoted: 'promoted (automatic)',
  awaiting_approval: 'waiting for a manager',
  kept_champion: 'champion kept',
  approved: 'approved and promoted',
  rejected: 'rejected',
  failed: 'failed',
};

const runHref = (runId: string) => `/runs/${encodeURIComponent(runId)}`;

export function RetrainingHistory({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const history = useQuery({ ...trpc.monitorPage.retraining.queryOptions({ endpointId }), refetchInterval: 15_000 });
  const fires = history.data?.fires ?? [];
  const challenges = history.data?.challenges ?? [];
  return (
    <section aria-labelledby="retraining-heading" className="flex flex-col gap-2" data-testid="retraining-history">
      <h2 id="retraining-heading" className="text-sm font-semibold text-zinc-900">
        Retraining history
      </h2>
      <InlineError message={history.error ? errorMessage(history.error) : null} />
      {history.data && fires.length === 0 && challenges.length === 0 ? <p className="text-sm text-zinc-500">No trigger has fired for this endpoint yet.</p> : null}
      {fires.length ? (
        <ul className="flex flex-col gap-1 text-sm">
          {fires.map((f) => (
            <li key={f.id} className="flex flex-wrap gap-2" data-testid="trigger-fire">
              <span className="text-zinc-500">{formatDateTime(f.firedAt)}</span>
              <span>{f.kind} trigger fired</span>
              {f.runId ? (
                <Link href={runHref(f.runId)} className="text-indigo-700 hover:underline">
                  run {shortId(f.runId)}
                </Link>
              ) : (
                <span className="text-red-700">no run: {f.error ?? 'no reason recorded'}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {challenges.length ? (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500">
            <tr>
              <th className="py-1.5 font-medium">Challenge</th>
              <th className="py-1.5 font-medium">Champion</th>
              <th className="py-1.5 font-medium">Challenger</th>
              <th className="py-1.5 font-medium">Decision</th>
              <th className="py-1.5 font-medium">Run</th>
            </tr>
          </thead>
          <tbody>
            {challenges.map((c) => (
              <tr key={c.id} className="border-b border-zinc-100" data-testid="challenge-row">
                <td className="py-1.5 text-zinc-500">{formatDateTime(c.createdAt)}</td>
                <td className="py-1.5">{c.championModelId && c.championVersion !== null ? <Link className="text-indigo-700 hover:underline" href={versionHref(c.championModelId, c.championVersion)}>v{c.championVersion}</Link> : '—'}</td>
                <td className="py-1.5">{c.challengerModelId && c.challengerVersion !== null ? <Link className="text-indigo-700 hover:underline" href={versionHref(c.challengerModelId, c.challengerVersion)}>v{c.challengerVersion}</Link> : '—'}</td>
                <td className="py-1.5">{DECISIONS[c.decision] ?? c.decision}</td>
                <td className="py-1.5">{c.runId ? <Link className="text-indigo-700 hover:underline" href={runHref(c.runId)}>{shortId(c.runId)}</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
