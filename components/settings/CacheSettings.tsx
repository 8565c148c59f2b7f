'use client';
// The admin's "treat upgrades as cache-compatible": off, a step re-runs whenever its node's code
// changed in an upgrade; on, results computed by earlier builds are reused, and lineage says so.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { errorMessage } from '../trpc/error-message';

export function CacheSettings({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const save = useMutation(
    trpc.settings.save.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.settings.get.queryKey(), saved),
    }),
  );
  const on = settings.data?.upgradesCacheCompatible ?? false;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="cache-settings-title" data-testid="cache-settings">
      <h2 id="cache-settings-title" className="text-base font-semibold text-zinc-900">
        Cached results after an upgrade
      </h2>
      <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm shadow-sm">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={on}
            disabled={!canManage || !settings.data || save.isPending}
            onChange={(e) => save.mutate({ upgradesCacheCompatible: e.target.checked })}
          />
          <span>
            <span className="font-medium text-zinc-900">Treat upgrades as cache-compatible</span>
            <span className="mt-1 block text-zinc-600">
              Off (the default): when an upgrade changes a node&apos;s code, its steps run again, so no result is older than the code that made it.
              On: results computed by earlier versions of Pipeworks are reused as long as the node&apos;s version and params match. Meant for very large
              steps whose owners accept the risk; every run planned while it is on says so in its lineage.
            </span>
            {!canManage ? <span className="mt-1 block text-xs text-zinc-500">Only an administrator can change this.</span> : null}
          </span>
        </label>
        <InlineError className="mt-2" message={settings.error ? errorMessage(settings.error) : save.error ? errorMessage(save.error) : null} />
      </div>
    </section>
  );
}
