'use client';
// The run a pipeline page shows: the chosen one or the newest, followed live over SSE while it is
// unfinished. Each snapshot from run.watch is written into the run.get cache, so history and live
// runs render through one query.
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { browserRunner } from '../runner/browser-runner';
import { browserOffer } from '../runner/browser-offer';
import type { RouterInputs } from '../trpc/router-types';
import { useTRPC, useTRPCClient } from '../trpc/trpc-context';
import { isFinished, type RunSummary, type RunView } from './pipeline-types';

/** `initialRunId`: a run chosen in the page's address (`?run=`), as the run page's "Open in editor" sends. */
export function usePipelineRun(pipelineId: string, initialRunId: string | null = null) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [chosenRunId, setChosenRunId] = useState<string | null>(initialRunId);
  // A run picked from the history (or the address) rather than one this page just started: only
  // such a run, when it ran another version, takes the canvas over with that version.
  const [pickedByHand, setPickedByHand] = useState(initialRunId !== null);

  const listOptions = trpc.run.list.queryOptions({ pipelineId, limit: 20 });
  const runsQuery = useQuery(listOptions);
  const runs: RunSummary[] | undefined = runsQuery.data;
  const runId = chosenRunId ?? runs?.[0]?.id ?? null;

  const runQuery = useQuery(
    trpc.run.get.queryOptions(runId ? { id: runId } : skipToken, {
      // A safety net should the live stream drop; the stream itself pushes every change.
      refetchInterval: (query) => (query.state.data && !isFinished(query.state.data.status) ? 10_000 : false),
    }),
  );
  const run: RunView | undefined = runQuery.data;
  const live = Boolean(run && run.id === runId && !isFinished(run.status));

  const watch = useSubscription(
    trpc.run.watch.subscriptionOptions(live && runId ? { id: runId } : skipToken, {
      onData: (snapshot) => {
        queryClient.setQueryData(trpc.run.get.queryKey({ id: snapshot.id }), snapshot);
        queryClient.setQueryData(listOptions.queryKey, (old) =>
          old?.map((r) => (r.id === snapshot.id ? { ...r, status: snapshot.status, startedAt: snapshot.startedAt, finishedAt: snapshot.finishedAt } : r)),
        );
        if (isFinished(snapshot.status)) void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ pipelineId }) });
      },
    }),
  );

  // The server places steps knowing what this browser offers (its adapter, its measured training
  // speed); a plan with browser steps comes
  // back with a ticket, and this tab's runner (a Web Worker) drives it.
  const start = useMutation({
    mutationFn: async (input: Omit<RouterInputs['run']['start'], 'browser'>) => {
      return client.run.start.mutate({ ...input, browser: await browserOffer('at-hand') });
    },
    onSuccess: ({ runId: started, browser }) => {
      if (browser) browserRunner().start({ runId: started, token: browser.token, plan: browser.plan, completed: [] });
      setChosenRunId(started);
      setPickedByHand(false);
      void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ pipelineId }) });
    },
  });
  const resume = useMutation(
    trpc.runner.resume.mutationOptions({
      onSuccess: (resumed) => {
        if (resumed.where === 'browser') browserRunner().start(resumed);
        void queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey({ id: resumed.runId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ pipelineId }) });
      },
    }),
  );
  const cancel = useMutation(
    trpc.run.cancel.mutationOptions({
      onMutate: (input) => browserRunner().cancel(input.id),
      onSettled: (_data, _error, input) => {
        void queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey({ id: input.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ pipelineId }) });
      },
    }),
  );

  return {
    runs,
    runsQuery,
    runId,
    /** The shown run, once loaded; undefined while a newly chosen run loads (no stale states shown). */
    run: run && run.id === runId ? run : undefined,
    runQuery,
    live,
    watchStatus: watch.status,
    watchError: watch.error,
    /** The run picked from the history or in the address; null while the newest or a just-started run is shown. */
    pickedRunId: pickedByHand ? chosenRunId : null,
    chooseRun: (id: string | null) => {
      setChosenRunId(id);
      setPickedByHand(id !== null);
    },
    start,
    cancel,
    resume,
  };
}

export type PipelineRunState = ReturnType<typeof usePipelineRun>;
