'use client';
// A change to an endpoint refreshes everything the deployment pages read.
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';

export function useRefreshDeployments(): () => Promise<void> {
  const trpc = useTRPC();
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: trpc.deployments.pathKey() });
}
