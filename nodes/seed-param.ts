// The one shape of a seed parameter: what mulberry32 (nodes/split/prng.ts) accepts, 0 by default.
import { z } from 'zod';

export function seedParam(description: string) {
  return z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0)
    .describe(description);
}
