// What drift the simulator sends: the card-fraud generator's own knob (0 = the training world,
// 1 = the shifted world of nodes/ingest/fraud-world.ts) plus three direct levers a demo names —
// amounts scaled, a share of rows moved to merchant categories the model never saw, and a
// different fraud rate. zod here because the CLI, tRPC and the tests all hand it user input.
import { z } from 'zod';

/** Categories the generator never draws, so a model trained on it has never seen them. */
export const NEW_MERCHANT_CATEGORIES = ['crypto_exchange', 'luxury_goods', 'money_transfer'] as const;

export const driftScenarioSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    /** The generator's drift knob: 0 the reference world, 1 the shifted one, linear in between. */
    drift: z.number().min(0).max(1).default(0),
    /** Every amount is multiplied by this (1 = unchanged). */
    amountScale: z.number().positive().max(1000).default(1),
    /** Share of rows whose merchant category is replaced by one of NEW_MERCHANT_CATEGORIES. */
    newCategoryShare: z.number().min(0).max(1).default(0),
    /** Wanted share of fraud among the rows (the training template uses 0.02). */
    fraudRate: z.number().gt(0).lt(1).default(0.02),
    /** UTC midnight of the traffic's first day, epoch ms: the rows' timestamps fall in that day. */
    startMs: z.number().int().min(0).default(Date.UTC(2026, 0, 1)),
  })
  .strict();

export type DriftScenario = z.infer<typeof driftScenarioSchema>;

/** In words, for the CLI and the audit log: "drift 1, amounts ×1.5, 20% new categories, fraud 5%". */
export function describeScenario(s: DriftScenario): string {
  const parts = [`drift ${s.drift}`];
  if (s.amountScale !== 1) parts.push(`amounts ×${s.amountScale}`);
  if (s.newCategoryShare > 0) parts.push(`${round(s.newCategoryShare * 100)}% new merchant categories`);
  parts.push(`fraud rate ${round(s.fraudRate * 100)}%`, `seed ${s.seed}`);
  return parts.join(', ');
}

const round = (x: number) => Math.round(x * 100) / 100;
