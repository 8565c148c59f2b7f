'use client';
// A stored pipeline version in an editor store of its own, for showing an old run against the
// version it ran: canvas and side panel read it, and nothing done there reaches the working document.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../trpc/trpc-context';
import { createEditorStore, type EditorStore } from './editor-store';
import { readStoredDoc } from './stored-doc';
import { readColumns } from './use-live-compile';

export type VersionStore = { store: EditorStore; version: number } | { error: string } | null;

export function useVersionStore(pipelineId: string, version: number | null): VersionStore {
  const trpc = useTRPC();
  const query = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId, version: version ?? 1 }, { enabled: version !== null, staleTime: Infinity }));
  const data = version !== null && query.data?.version === version ? query.data : undefined;
  return useMemo(() => {
    if (version === null) return null;
    if (query.isError) return { error: query.error.message };
    if (!data) return null;
    const parsed = readStoredDoc(data.doc);
    if (!parsed.ok) return { error: `v${version} cannot be drawn: ${parsed.problem}` };
    return { store: createEditorStore({ doc: parsed.doc, version, compiled: { issues: data.issues ?? [], columns: readColumns(data) } }), version };
  }, [version, data, query.isError, query.error]);
}
