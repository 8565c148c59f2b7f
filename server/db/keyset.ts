// Keyset paging newest first over (time, id). Rows written in one millisecond (the alerts one check
// opens, the notifications one alert sends) share their time, so the id breaks the tie: a page that
// ends inside such a group continues on the next page exactly after its last row.
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';

/** The last row shown: its time and its id. */
export interface PageCursor {
  at: number;
  id: string;
}

/** Rows after `cursor` in newest-first order (none given: every row). */
export function olderThan(at: AnyColumn, id: AnyColumn, cursor: PageCursor | undefined): SQL | undefined {
  return cursor === undefined ? undefined : or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id)));
}

/** The order `olderThan` pages through. */
export const newestFirst = (at: AnyColumn, id: AnyColumn): SQL[] => [desc(at), desc(id)];
