'use client';
// The typed tRPC hooks for client components. Type-only import: no server code reaches the bundle.
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from './router-types';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
