// The one door from components/ to the server's types: type-only, so no server code reaches the bundle.
// The core no-restricted-imports rule cannot tell type imports apart (see the report on eslint.config.js).
// eslint-disable-next-line no-restricted-imports -- type-only import of the router type, which the boundary allows
import type { AppRouter } from '../../server/api/root';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
