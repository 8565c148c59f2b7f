'use client';
// Which cached results this project's runs may reuse (docs/security.md, "Trust model of browser
// results"): shown to everyone, changed by administrators only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';

const POLICIES = [
  ['verified', 'Only results the server ran or verified (default)'],
  ['own', 'Also a person’s own unverified browser results, in their own runs'],
  ['any', 'Anyone’s browser results, verified or not'],
] as const;

export function CachePolicySetting({ projectId, policy, canChange }: { projectId: string; policy: string; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.project.setCachePolicy.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ id: projectId }) }) }),
  );
  return (
    <section className="mt-8 flex flex-col gap-1.5 text-sm" aria-labelledby="cache-policy-heading">
      <h2 id="cache-policy-heading" className="text-sm font-medium text-zinc-700">
        Cache reuse
      </h2>
      <p className="text-xs text-zinc-500">Which cached step results runs in this project may reuse. Results that failed the server&apos;s verification are never reused, and browser training never is.</p>
      <select
        className="h-8 max-w-xl rounded-md border border-zinc-300 bg-white px-2 text-sm disabled:bg-zinc-50 disabled:text-zinc-600"
        value={policy}
        disabled={!canChange || save.isPending}
        title={canChange ? undefined : 'Only administrators change this'}
        onChange={(e) => save.mutate({ id: projectId, policy: e.target.value as (typeof POLICIES)[number][0] })}
        data-testid="cache-policy"
      >
        {POLICIES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <InlineError message={save.error ? errorMessage(save.error) : null} />
    </section>
  );
}
