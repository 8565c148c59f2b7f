// The one door from components/ to the server's types: type-only, so no server code reaches the bundle.
import type { AppRouter } from '../../server/api/root';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
