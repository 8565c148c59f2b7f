'use client';
// Adds a person with a role and an initial password; server messages show in place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD } from '../auth/password-rules';
import type { SessionRole } from '../shell/session-user';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { RoleSelect } from './RoleSelect';
import { isSessionRole } from './roles';

const EMPTY = { email: '', name: '', role: 'scientist' as SessionRole, password: '' };

export function AddUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [localError, setLocalError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.user.add.mutationOptions({
      onSuccess: (user) => {
        setAdded(user.email);
        setForm(EMPTY);
        void queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    if (form.password.length < MIN_PASSWORD) return setLocalError(`The initial password needs at least ${MIN_PASSWORD} characters`);
    setLocalError(null);
    add.mutate(form);
  }

  return (
    <form onSubmit={submit} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="add-user-heading" data-testid="add-user-form">
      <h2 id="add-user-heading" className="text-sm font-semibold text-zinc-900">
        Add a user
      </h2>
      <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-[1fr_1fr_10rem_1fr]">
        <TextField label="Email" type="email" name="email" autoComplete="off" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <TextField label="Name" name="name" autoComplete="off" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="new-user-role" className="text-sm font-medium text-zinc-700">
            Role
          </label>
          <RoleSelect id="new-user-role" name="role" value={form.role} onChange={(e) => isSessionRole(e.target.value) && setForm({ ...form, role: e.target.value })} />
        </div>
        <TextField
          label="Initial password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
      </div>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add user'}
        </Button>
        {added ? (
          <p role="status" className="text-sm text-emerald-700">
            Added {added}.
          </p>
        ) : null}
      </div>
      <InlineError className="mt-3" message={localError ?? (add.error ? errorMessage(add.error) : null)} />
    </form>
  );
}
