'use client';
// Point an alias at a version (or remove it). For @production in a project that asks for approval
// the answer is "waiting for approval", and the request appears for managers to decide.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { assertNever } from '../../engine/assert-never';
import { errorMessage } from '../trpc/error-message';
import type { RouterOutputs } from '../trpc/router-types';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

const STANDARD = ['champion', 'challenger', 'staging', 'production'];
const FIELD = 'h-8 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 focus:border-indigo-500 focus:outline-none';

type Outcome = RouterOutputs['registry']['setAlias'];

interface AliasFormProps {
  modelId: string;
  /** Preset version (the version page); otherwise the person types one. */
  version?: number;
  latestVersion: number | null;
  approvalNeeded: boolean;
}

export function AliasForm({ modelId, version, latestVersion, approvalNeeded }: AliasFormProps) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const listId = useId();
  const [alias, setAlias] = useState('champion');
  const [number, setNumber] = useState(version ?? latestVersion ?? 1);
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const move = useMutation(
    trpc.registry.setAlias.mutationOptions({
      onSuccess: (result) => {
        setOutcome(result);
        setComment('');
        void client.invalidateQueries({ queryKey: trpc.registry.pathKey() });
        void client.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
    }),
  );
  const submit = (remove: boolean) => {
    setOutcome(null);
    move.mutate({ modelId, alias, version: remove ? null : number, comment: comment || undefined });
  };
  const guarded = alias.trim().toLowerCase() === 'production' && approvalNeeded;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      data-testid="alias-form"
    >
      <div className="flex flex-wrap items-end gap-2 text-xs text-zinc-600">
        <label className="flex flex-col gap-1">
          Alias
          <input className={`${FIELD} w-36`} list={listId} value={alias} onChange={(e) => setAlias(e.target.value)} required maxLength={40} data-testid="alias-name" />
          <datalist id={listId}>
            {STANDARD.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        {version === undefined ? (
          <label className="flex flex-col gap-1">
            Version
            <input className={`${FIELD} w-20`} type="number" min={1} value={number} onChange={(e) => setNumber(Number(e.target.value))} required data-testid="alias-version" />
          </label>
        ) : null}
        <label className="flex min-w-48 flex-1 flex-col gap-1">
          Comment
          <input className={FIELD} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} placeholder="Why (kept in the audit log)" data-testid="alias-comment" />
        </label>
        <Button type="submit" size="sm" variant="primary" disabled={move.isPending} data-testid="alias-submit">
          {guarded ? 'Ask for approval' : version !== undefined ? `Point at v${version}` : 'Set alias'}
        </Button>
        <Button size="sm" variant="ghost" disabled={move.isPending} onClick={() => submit(true)} data-testid="alias-remove">
          Remove alias
        </Button>
      </div>
      {guarded ? <p className="text-xs text-amber-800">This project asks for approval: the move waits for a viewer (manager) or an admin.</p> : null}
      <InlineError message={move.error ? errorMessage(move.error) : null} />
      {outcome ? <p className="text-xs text-zinc-600" role="status" data-testid="alias-outcome">{outcomeWords(outcome)}</p> : null}
    </form>
  );
}

function outcomeWords(o: Outcome): string {
  const to = o.to === null ? 'removed' : `v${o.to}`;
  switch (o.state) {
    case 'moved':
      return o.to === null ? `@${o.alias} removed (was v${o.from}).` : `@${o.alias} now points at ${to}${o.from !== null ? ` (was v${o.from})` : ''}.`;
    case 'unchanged':
      return `@${o.alias} already ${o.to === null ? 'points nowhere' : `points at ${to}`}.`;
    case 'pending':
      return `Asked for approval: @${o.alias} → ${to}. It moves once a manager or an admin approves.`;
    default:
      return assertNever(o, 'alias outcome');
  }
}
