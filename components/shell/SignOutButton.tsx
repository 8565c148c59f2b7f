'use client';
// Ends the session on the server, then reloads at sign-in so no cached data outlives it.
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';

export function SignOutButton() {
  const trpc = useTRPC();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Even when the call fails (session already gone) the way forward is the sign-in page.
      onSettled: () => window.location.assign('/login'),
    }),
  );
  return (
    <Button variant="ghost" size="sm" onClick={() => logout.mutate()} disabled={logout.isPending} data-testid="sign-out">
      {logout.isPending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
