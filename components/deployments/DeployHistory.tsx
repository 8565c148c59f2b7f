// Every deployment this endpoint had, newest first: who, when, why, and until when it served.
import Link from 'next/link';
import { formatDateTime } from '../ui/format';
import { runHref } from '../runs/run-links';
import type { EndpointView } from './types';

export function DeployHistory({ endpoint }: { endpoint: EndpointView }) {
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <h2 id="history-heading" className="text-sm font-semibold text-zinc-900">
        History
      </h2>
      <table className="w-full text-left text-sm" data-testid="deploy-history">
        <thead className="border-b border-zinc-200 text-xs text-zinc-500">
          <tr>
            <th className="py-1.5 font-medium">Version</th>
            <th className="py-1.5 font-medium">Role</th>
            <th className="py-1.5 font-medium">Why</th>
            <th className="py-1.5 font-medium">By</th>
            <th className="py-1.5 font-medium">From</th>
            <th className="py-1.5 font-medium">Until</th>
          </tr>
        </thead>
        <tbody>
          {endpoint.history.map((d) => (
            <tr key={d.id} className="border-b border-zinc-100">
              <td className="py-1.5">v{d.version}</td>
              <td className="py-1.5">
                {d.role}
                {d.role === 'canary' ? ` (${d.trafficPercent}%)` : ''}
              </td>
              <td className="py-1.5">
                {d.reason}
                {d.runId ? (
                  <Link href={runHref(d.runId)} className="ml-1 text-xs text-indigo-700 hover:underline">
                    run
                  </Link>
                ) : null}
              </td>
              <td className="py-1.5 text-zinc-600">{d.createdByName ?? '—'}</td>
              <td className="py-1.5 text-zinc-500">{formatDateTime(d.createdAt)}</td>
              <td className="py-1.5 text-zinc-500">{d.retiredAt === null ? <span className="font-medium text-emerald-700">live</span> : formatDateTime(d.retiredAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
