'use client';
// "Register model" under a train step's model output: the run's model becomes the next version of
// a registered model (created if new), and the panel links to it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { versionHref } from '../registry/links';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

interface RegisterModelProps {
  runId: string;
  stepId: string;
  output: string;
  /** A name to offer first, e.g. the node's `register` param or its label. */
  suggestion?: string;
}

export function RegisterModel({ runId, stepId, output, suggestion }: RegisterModelProps) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestion ?? '');
  const [done, setDone] = useState<RouterOutputs['registry']['register'] | null>(null);
  const [approve, setApprove] = useState(false);
  const models = useQuery({ ...trpc.registry.models.queryOptions({ limit: 100 }), enabled: open });
  const register = useMutation(
    trpc.registry.register.mutationOptions({
      onSuccess: (result) => {
        setDone(result);
        setOpen(false);
        void client.invalidateQueries({ queryKey: trpc.registry.pathKey() });
      },
    }),
  );
  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <Button size="sm" onClick={() => setOpen(true)} data-testid="register-model">
          Register model…
        </Button>
        {done ? (
          <span role="status" data-testid="registered-version">
            Registered as{' '}
            <Link href={versionHref(done.modelId, done.version)} className="font-medium text-indigo-700 hover:underline">
              {done.modelName} v{done.version}
            </Link>
          </span>
        ) : null}
      </div>
    );
  }
  // The server says so when the lineage holds browser results it has not verified (docs/security.md).
  const needsApproval = register.error ? /neither ran nor verified/.test(errorMessage(register.error)) : false;
  return (
    <form
      className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        register.mutate({ runId, stepId, output, name: name.trim(), ...(approve && { approveUnverified: true }) });
      }}
      data-testid="register-form"
    >
      <label className="flex flex-col gap-1 font-medium text-zinc-700">
        Model name
        <input
          autoFocus
          list={listId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          placeholder="e.g. churn-model"
          className="h-8 rounded-md border border-zinc-300 px-2.5 text-sm font-normal focus:border-indigo-500 focus:outline-none"
          data-testid="register-name"
        />
        <datalist id={listId}>
          {models.data?.rows.map((m) => (
            <option key={m.id} value={m.name}>{`${m.projectName}, latest v${m.latestVersion ?? 0}`}</option>
          ))}
        </datalist>
        <span className="font-normal text-zinc-500">An existing name adds its next version; a new name creates the model in this pipeline&apos;s project.</span>
      </label>
      <InlineError message={register.error ? errorMessage(register.error) : null} />
      {needsApproval || approve ? (
        <label className="flex items-start gap-2 text-zinc-700">
          <input type="checkbox" checked={approve} onChange={(e) => setApprove(e.target.checked)} className="mt-0.5" data-testid="register-approve-unverified" />
          <span>
            I approve registering this model although the server did not verify every step of its lineage (scientists and administrators only; recorded in the audit log).
          </span>
        </label>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={register.isPending || !name.trim()} data-testid="register-submit">
          {register.isPending ? 'Registering…' : 'Register'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
