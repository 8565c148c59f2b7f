// The input of a newest-first list's next page: the time and id of the last row shown
// (server/db/keyset.ts). A bare timestamp, the old form, is refused: it cannot say where a page
// ended among rows of one millisecond.
import { z } from 'zod';

export const pageCursor = z
  .object({ at: z.number().int().nonnegative(), id: z.string().min(1).max(64) }, { error: (issue) => (issue.code === 'invalid_type' ? 'Expected the last row shown as { at, id } (its time and id); a bare timestamp is no longer accepted' : undefined) })
  .strict();

/**
 * tRPC's infinite queries add `direction` to the input ('forward' for the next page). These lists
 * page one way only, older rows after newer: 'backward' is refused, naming the field.
 */
export const pageDirection = z.literal('forward', { error: 'These lists page forward only (older rows after the last row shown)' }).optional();
