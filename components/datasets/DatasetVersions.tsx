'use client';
// One dataset's versions, newest first, and a preview of the first rows of the chosen one.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ArtifactPreview } from '../pipeline/ArtifactPreview';
import { datasetLineageHref } from '../registry/links';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatBytes, formatDateTime, formatNumber, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';

export function DatasetVersions({ name }: { name: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.dataset.get.queryOptions({ name }));
  const [chosen, setChosen] = useState<string | null>(null);
  if (query.isPending) return <div className="h-40 animate-pulse rounded-lg border border-zinc-200 bg-white" aria-busy="true" />;
  if (query.isError) return <InlineError message={errorMessage(query.error)} />;
  const versions = query.data.versions;
  const shown = versions.find((v) => v.hash === chosen) ?? versions[0];

  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="versions-heading" data-testid="dataset-versions">
      <h2 id="versions-heading" className="text-sm font-semibold text-zinc-900">
        {name} <span className="font-normal text-zinc-500">· {versions.length} version{versions.length === 1 ? '' : 's'}</span>
      </h2>
      <p className="mt-0.5 text-xs text-zinc-500">
        Use it in a pipeline with the <span className="font-medium text-zinc-700">Dataset</span> node: name <code className="font-mono">{name}</code>, version
        {' '}<code className="font-mono">latest</code> or a pinned hash.
      </p>
      <ul className="mt-3 flex flex-col divide-y divide-zinc-100 rounded-md border border-zinc-200">
        {versions.map((v) => {
          const active = v.hash === shown?.hash;
          return (
            <li key={v.hash + v.version}>
              <button
                type="button"
                onClick={() => setChosen(v.hash)}
                aria-pressed={active}
                data-testid={`dataset-version-${v.version}`}
                className={`flex w-full flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-left text-sm ${active ? 'bg-indigo-50/70' : 'hover:bg-zinc-50'}`}
              >
                <span className="w-10 font-medium text-zinc-900">v{v.version}</span>
                <code className="font-mono text-xs text-zinc-500" title={v.hash}>{shortId(v.hash, 12)}</code>
                <span className="text-zinc-700 tabular-nums">{formatNumber(v.rows)} rows × {v.columns.length} columns</span>
                <span className="text-zinc-500">
                  {/* A 'run' version is a pipeline step's table (a batch score node's saveAs), not an upload. */}
                  {v.format === 'run' ? `saved by ${v.sourceFilename}` : `${v.sourceFilename} · ${v.format.toUpperCase()}`} · {formatBytes(v.sourceSize)}
                </span>
                <span className="ml-auto text-xs text-zinc-400">{formatDateTime(v.createdAt)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown ? (
        <Link href={datasetLineageHref(shown.id)} className="mt-3 inline-block text-xs font-medium text-indigo-600 hover:underline" data-testid="dataset-lineage-link">
          What uses v{shown.version}: runs and models derived from it →
        </Link>
      ) : null}
      {shown ? (
        <div data-testid="dataset-preview">
          <ArtifactPreview key={shown.hash} id={shown.hash} name={`${name}-v${shown.version}`} />
        </div>
      ) : null}
    </section>
  );
}
