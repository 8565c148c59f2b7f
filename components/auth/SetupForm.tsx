'use client';
// First run: the person installing Pipeworks creates the administrator account.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { nextPathFromLocation } from './next-path';
import { MIN_PASSWORD } from './password-rules';

export function SetupForm() {
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: '', email: '', password: '', confirm: '' });
  const [localError, setLocalError] = useState<string | null>(null);
  const setup = useMutation(trpc.auth.setup.mutationOptions({ onSuccess: () => window.location.assign(nextPathFromLocation()) }));

  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.password.length < MIN_PASSWORD) return setLocalError(`The password needs at least ${MIN_PASSWORD} characters`);
    if (form.password !== form.confirm) return setLocalError('The two passwords differ');
    setLocalError(null);
    setup.mutate({ name: form.name, email: form.email, password: form.password });
  }

  const busy = setup.isPending || setup.isSuccess;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="setup-form">
      <TextField label="Name" name="name" autoComplete="name" required autoFocus {...field('name')} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required {...field('email')} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} hint={`At least ${MIN_PASSWORD} characters`} {...field('password')} />
      <TextField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required {...field('confirm')} />
      <InlineError message={localError ?? (setup.error ? errorMessage(setup.error) : null)} />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create administrator'}
      </Button>
    </form>
  );
}
