// The serving process writes its prediction log in batches: tests wait until the log holds the
// rows they sent before reading it (on either database).
import { count, eq } from 'drizzle-orm';
import type { AnyDb } from '../../../server/db/any-db';

export async function loggedRows(db: AnyDb, endpointId: string): Promise<number> {
  const log = db.t.predictionLog;
  const [row] = await db.select({ n: count() }).from(log).where(eq(log.endpointId, endpointId));
  return Number(row.n);
}

/** Waits until the endpoint's log holds at least `rows` rows; throws after 20 s saying how many it saw. */
export async function waitForLogged(db: AnyDb, endpointId: string, rows: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let seen = await loggedRows(db, endpointId);
  while (seen < rows) {
    if (Date.now() > deadline) throw new Error(`the prediction log never reached ${rows} rows (it holds ${seen})`);
    await new Promise((r) => setTimeout(r, 100));
    seen = await loggedRows(db, endpointId);
  }
}

/** The log's entry for one prediction id, once the serving process has written it. */
export async function loggedPrediction(db: AnyDb, predictionId: string) {
  const log = db.t.predictionLog;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [entry] = await db.select().from(log).where(eq(log.id, predictionId));
    if (entry) return entry;
    if (Date.now() > deadline) throw new Error(`prediction ${predictionId} was never logged`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
