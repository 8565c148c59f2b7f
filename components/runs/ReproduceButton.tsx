'use client';
// "Reproduce this run": the run's own pipeline version on the dataset versions it read, every step
// executed again (run.reproduce); the new run's page opens, where its check against this one shows.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { browserRunner } from '../runner/browser-runner';
import { browserOffer } from '../runner/browser-offer';
import { errorMessage } from '../trpc/error-message';
import { useTRPCClient } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { Tooltip } from '../ui/Tooltip';
import { runHref } from './run-links';

export function ReproduceButton({ runId, blockedReason }: { runId: string; blockedReason: string | null }) {
  const client = useTRPCClient();
  const router = useRouter();
  const reproduce = useMutation({
    mutationFn: async () => {
      return client.run.reproduce.mutate({ id: runId, browser: await browserOffer('at-hand') });
    },
    onSuccess: (started) => {
      if (started.browser) browserRunner().start({ runId: started.runId, token: started.browser.token, plan: started.browser.plan, completed: [] });
      router.push(runHref(started.runId));
    },
  });
  return (
    <span className="flex flex-col items-end gap-1">
      <Tooltip text={blockedReason}>
        <Button
          variant="primary"
          size="sm"
          disabled={blockedReason !== null || reproduce.isPending}
          onClick={() => reproduce.mutate()}
          data-testid="reproduce-run"
          title={blockedReason ? undefined : 'Run this exact pipeline version again on the dataset versions this run read'}
        >
          {reproduce.isPending ? 'Starting…' : 'Reproduce this run'}
        </Button>
      </Tooltip>
      {reproduce.isError ? (
        <span role="alert" className="max-w-sm text-right text-xs text-red-700" data-testid="reproduce-error">
          {errorMessage(reproduce.error)}
        </span>
      ) : null}
    </span>
  );
}
