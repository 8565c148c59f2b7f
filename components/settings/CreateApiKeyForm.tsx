'use client';
// Names and creates a key; the new secret goes up to the page, which shows it once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RouterOutputs } from '../trpc/router-types';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';

export type CreatedApiKey = RouterOutputs['apiKey']['create'];

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (created) => {
        setName('');
        onCreated(created);
        void queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form onSubmit={submit} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="create-key-heading" data-testid="api-key-form">
      <h2 id="create-key-heading" className="text-sm font-semibold text-zinc-900">
        Create a key
      </h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Key name"
          name="api-key-name"
          autoComplete="off"
          placeholder="e.g. CI on main"
          hint="Say where the key is used, so you know which one to revoke later."
          required
          maxLength={100}
          className="flex-1"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {/* The hint sits under the field; the bottom margin lines the button up with the input. */}
        <Button type="submit" variant="primary" disabled={create.isPending} className="sm:mb-[1.375rem]">
          {create.isPending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
      <InlineError className="mt-3" message={create.error ? errorMessage(create.error) : null} />
    </form>
  );
}
