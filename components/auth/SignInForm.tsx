'use client';
// Email and password sign-in; the server's message ("Wrong email or password") shows in place.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { pathAfterSignIn } from './next-path';

export function SignInForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: (user) => window.location.assign(pathAfterSignIn(user.role)) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ email, password });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="login-form">
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <InlineError message={login.error ? errorMessage(login.error) : null} />
      <Button type="submit" variant="primary" disabled={login.isPending || login.isSuccess}>
        {login.isPending || login.isSuccess ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
