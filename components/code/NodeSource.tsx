'use client';
// The Code tab of a built-in node: what it runs, read only. The files are those its
// implementation hash covers (the node module, its helpers, what they import from nodes/ and
// engine/), as this build has them: pipeline.nodeSource. Default export: loaded lazily.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { SourceViewer } from './SourceViewer';

export default function NodeSource({ type, version }: { type: string; version: number }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.pipeline.nodeSource.queryOptions({ type, version }, { staleTime: Infinity }));
  const [chosen, setChosen] = useState<string | null>(null);
  if (query.isPending) return <p className="text-xs text-zinc-400">Loading the source…</p>;
  if (query.isError) return <InlineError message={errorMessage(query.error)} />;
  const files = query.data.files;
  const shown = files.find((f) => f.path === chosen) ?? files[0];
  return (
    <div className="flex flex-col gap-2" data-testid="node-source">
      <label className="flex items-center gap-2 text-xs text-zinc-600">
        File
        <select
          value={shown.path}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="node-source-file"
          className="h-7 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-1.5 font-mono text-[11px]"
        >
          {files.map((f) => (
            <option key={f.path} value={f.path}>
              {f.path}
            </option>
          ))}
        </select>
      </label>
      <p className="text-[11px] text-zinc-500">
        Read only: the {files.length} files this node&apos;s build hash covers, as this build runs them.
      </p>
      <SourceViewer key={shown.path} text={shown.text} testId="node-source-text" />
    </div>
  );
}
