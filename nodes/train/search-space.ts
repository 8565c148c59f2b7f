// The hyperparameter search space: per param, either a list of values (grid or random) or a
// numeric range (random only, uniform or log-uniform, optionally whole numbers).
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import type { Prng } from '../split/prng';
import type { JsonObject, JsonValue } from '../values';

const listValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number())]);

export const rangeSchema = z
  .object({
    min: z.number().finite(),
    max: z.number().finite(),
    scale: z.enum(['linear', 'log']).default('linear'),
    integer: z.boolean().default(false),
  })
  .refine((r) => r.min <= r.max, { error: 'min must not exceed max' })
  .refine((r) => r.scale === 'linear' || r.min > 0, { error: 'a log scale needs min > 0' });

export const spaceEntrySchema = z.union([z.array(listValue).min(1).max(1000), rangeSchema]);

export const searchSpaceSchema = z.record(z.string().min(1).max(100), spaceEntrySchema);

export type SpaceEntry = z.output<typeof spaceEntrySchema>;
export type SearchSpace = Record<string, SpaceEntry>;
export type Range = z.output<typeof rangeSchema>;

const isRange = (entry: SpaceEntry): entry is Range => !Array.isArray(entry);

/** Every combination of the listed values, the first param varying slowest. */
export function gridPoints(space: SearchSpace): JsonObject[] {
  let points: JsonObject[] = [{}];
  for (const [name, entry] of Object.entries(space)) {
    if (isRange(entry)) {
      throw new UserError(`A grid needs a list of values for "${name}", not a range; use random search for ranges`, {
        field: 'space',
      });
    }
    points = points.flatMap((p) => entry.map((value) => ({ ...p, [name]: value as JsonValue })));
  }
  return points;
}

/** The number of grid points; Infinity when a param is a range. */
export function gridSize(space: SearchSpace): number {
  return Object.values(space).reduce((n, entry) => n * (isRange(entry) ? Infinity : entry.length), 1);
}

/**
 * n random points. A space of lists only with no more than n combinations is run whole (shuffled)
 * instead, so no combination is tried twice; otherwise listed combinations are drawn without repeats.
 */
export function randomPoints(space: SearchSpace, n: number, prng: Prng): JsonObject[] {
  const size = gridSize(space);
  if (size <= n) {
    const all = gridPoints(space);
    for (let i = all.length - 1; i > 0; i--) {
      const j = prng.nextInt(i + 1);
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all;
  }
  const points: JsonObject[] = [];
  const seen = new Set<string>();
  while (points.length < n) {
    const point: JsonObject = {};
    for (const [name, entry] of Object.entries(space)) point[name] = isRange(entry) ? drawRange(entry, prng) : entry[prng.nextInt(entry.length)];
    const key = JSON.stringify(point);
    if (seen.has(key)) continue; // only reachable with lists, where size > n leaves fresh points
    seen.add(key);
    points.push(point);
  }
  return points;
}

function drawRange(r: Range, prng: Prng): number {
  const u = prng.next();
  if (r.integer) {
    const lo = Math.ceil(r.min);
    const hi = Math.floor(r.max);
    if (lo > hi) throw new UserError(`The range ${r.min}..${r.max} holds no whole number`, { field: 'space' });
    // Log scale: log-uniform over [lo, hi + 1), floored, so each whole number gets its log-width.
    if (r.scale === 'log') return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + u * (Math.log(hi + 1) - Math.log(lo)))));
    return lo + Math.floor(u * (hi - lo + 1));
  }
  return r.scale === 'log' ? Math.exp(Math.log(r.min) + u * (Math.log(r.max) - Math.log(r.min))) : r.min + u * (r.max - r.min);
}
