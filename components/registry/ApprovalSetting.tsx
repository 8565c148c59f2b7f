'use client';
// The per-project rule: moving `production` needs a manager's (viewer's) or an admin's approval.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';

export function ApprovalSetting({ projectId, projectName, canChange }: { projectId: string; projectName: string; canChange: boolean }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const settings = useQuery(trpc.registry.settings.queryOptions({ projectId }));
  const save = useMutation(
    trpc.registry.saveSettings.mutationOptions({
      onSuccess: (saved) => {
        client.setQueryData(trpc.registry.settings.queryKey({ projectId }), saved);
        void client.invalidateQueries({ queryKey: trpc.registry.pathKey() });
      },
    }),
  );
  // While saving, show what was asked for, so the box does not jump back and forth.
  const on = save.isPending ? (save.variables?.productionApproval ?? false) : (settings.data?.productionApproval ?? false);
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm shadow-sm" data-testid="approval-setting">
      <label className="flex items-start gap-3" title={canChange ? undefined : 'Only an administrator changes this'}>
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={on}
          disabled={!canChange || settings.isPending || save.isPending}
          onChange={(e) => save.mutate({ projectId, productionApproval: e.target.checked })}
          data-testid="production-approval"
        />
        <span>
          <span className="font-medium text-zinc-900">Moving production needs approval in {projectName}</span>
          <span className="block text-xs text-zinc-500">
            {on
              ? 'A move of @production waits until a viewer (manager) or an admin other than the requester approves it.'
              : 'Anyone who may move aliases moves @production at once. Every move is in the audit log either way.'}
          </span>
        </span>
      </label>
      <InlineError className="mt-2" message={save.error ? errorMessage(save.error) : null} />
    </div>
  );
}
