'use client';
// Who else has this pipeline open, and its latest saved version, live over SSE (pipeline.presence,
// streamed as run.watch streams runs). Subscribing is what counts this tab as present.
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../trpc/trpc-context';

export function usePresence(pipelineId: string) {
  const trpc = useTRPC();
  const sub = useSubscription(trpc.pipeline.presence.subscriptionOptions({ id: pipelineId }));
  return { snapshot: sub.data ?? null, error: sub.error };
}

export type PresenceSnapshot = NonNullable<ReturnType<typeof usePresence>['snapshot']>;
