'use client';
// Chooses between first-run setup and sign-in, from auth.state.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { AuthCard } from './AuthCard';
import { pathAfterSignIn } from './next-path';
import { SetupForm } from './SetupForm';
import { SignInForm } from './SignInForm';

export function LoginPanel() {
  const trpc = useTRPC();
  const state = useQuery(trpc.auth.state.queryOptions(undefined, { staleTime: 0 }));
  const signedIn = Boolean(state.data?.user);

  // Someone already signed in has nothing to do here.
  useEffect(() => {
    if (signedIn) window.location.replace(pathAfterSignIn(state.data?.user?.role));
  }, [signedIn, state.data?.user?.role]);

  if (state.isPending || signedIn) {
    return (
      <AuthCard title="Sign in" subtitle="Checking your session…">
        <div className="h-40" />
      </AuthCard>
    );
  }
  if (state.isError) {
    return (
      <AuthCard title="Sign in">
        <InlineError message={errorMessage(state.error)} />
      </AuthCard>
    );
  }
  if (state.data.needsSetup) {
    return (
      <AuthCard title="Create the administrator account" subtitle="This is a fresh install. The first account manages users and projects.">
        <SetupForm />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in" subtitle="Welcome back to Pipeworks.">
      <SignInForm />
    </AuthCard>
  );
}
