'use client';
// Every dataset with its latest version; choosing one shows its versions below.
import type { RouterOutputs } from '../trpc/router-types';
import { formatNumber, formatRelative, shortId } from '../ui/format';

type DatasetRow = RouterOutputs['dataset']['list'][number];

export function DatasetList({ datasets, selected, onSelect }: { datasets: DatasetRow[]; selected: string | null; onSelect: (name: string) => void }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="dataset-list">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Latest</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Rows</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Columns</th>
            <th scope="col" className="px-4 py-2.5 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {datasets.map((d) => {
            const active = d.name === selected;
            return (
              <tr key={d.id} className={active ? 'bg-indigo-50/60' : 'hover:bg-zinc-50'} data-testid={`dataset-${d.name}`} aria-selected={active}>
                <td className="px-4 py-2.5">
                  <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={() => onSelect(d.name)}>
                    {d.name}
                  </button>
                </td>
                <td className="px-4 py-2.5 text-zinc-600">
                  {d.latest ? (
                    <>
                      v{d.latest.version} <code className="ml-1 font-mono text-xs text-zinc-400">{shortId(d.latest.hash)}</code>
                      {d.versions > 1 ? <span className="ml-1.5 text-xs text-zinc-400">of {d.versions}</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="px-4 py-2.5 text-right text-zinc-700 tabular-nums">{d.latest ? formatNumber(d.latest.rows) : '—'}</td>
                <td className="px-4 py-2.5 text-right text-zinc-700 tabular-nums">{d.latest ? d.latest.columns.length : '—'}</td>
                <td className="px-4 py-2.5 text-zinc-500">{formatRelative(d.latest?.createdAt ?? d.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
