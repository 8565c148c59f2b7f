// The prediction log's columnar blocks stay exact on both databases: deleting a logged row counts it
// out of its block and marks the block stale (the block goes with its last row), and changing a
// logged column marks the old and the new block stale. SQLite keeps this by the triggers of its
// migration 0023, Postgres by those of its migration 0002.
import { asc, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { describeEachDatabase } from './helpers/each-database';

let serial = 0;

/** An endpoint with two blocks of `n` logged rows each, and one row that is in no block. */
async function seed(db: AnyDb, n = 3) {
  const tag = `s${++serial}`;
  const now = Date.now();
  await db.insert(db.t.projects).values({ id: `p-${tag}`, name: `Blocks ${tag}`, createdAt: now }).onConflictDoNothing();
  await db.insert(db.t.registeredModels).values({ id: `m-${tag}`, projectId: `p-${tag}`, name: `model-${tag}`, createdAt: now, updatedAt: now });
  await db.insert(db.t.endpoints).values({ id: `e-${tag}`, projectId: `p-${tag}`, name: `ep-${tag}`, modelId: `m-${tag}`, createdAt: now, updatedAt: now });
  const blocks: number[] = [];
  for (let b = 0; b < 2; b++) {
    const [block] = await db
      .insert(db.t.predictionLogBlocks)
      .values({ endpointId: `e-${tag}`, versionId: 'v1', firstCreatedAt: now, lastCreatedAt: now + n, rows: n, live: n, data: Buffer.from([b]) })
      .returning({ id: db.t.predictionLogBlocks.id });
    blocks.push(block.id);
  }
  const row = (id: string, blockId: number | null, i: number) => ({
    id,
    endpointId: `e-${tag}`,
    versionId: 'v1',
    role: 'primary' as const,
    createdAt: now + i,
    latencyMs: 1.5,
    inputs: { x: i },
    outputs: { prediction: 'yes' },
    blockId,
  });
  await db.insert(db.t.predictionLog).values([
    ...blocks.flatMap((blockId, b) => Array.from({ length: n }, (_, i) => row(`${tag}-${b}-${i}`, blockId, i))),
    row(`${tag}-loose`, null, 0),
  ]);
  return { tag, blocks };
}

async function blockStates(db: AnyDb, ids: number[]) {
  const rows = await db
    .select({ id: db.t.predictionLogBlocks.id, live: db.t.predictionLogBlocks.live, stale: db.t.predictionLogBlocks.stale })
    .from(db.t.predictionLogBlocks)
    .where(inArray(db.t.predictionLogBlocks.id, ids))
    .orderBy(asc(db.t.predictionLogBlocks.id));
  // SQLite's boolean mode and Postgres's boolean both read back as true/false.
  return rows.map((r) => ({ ...r, stale: Boolean(r.stale) }));
}

describeEachDatabase('prediction log blocks', (under) => {
  it('start live and fresh, and are untouched by rows outside them', async () => {
    const { db } = under;
    const { tag, blocks } = await seed(db);
    await db.delete(db.t.predictionLog).where(eq(db.t.predictionLog.id, `${tag}-loose`));
    expect(await blockStates(db, blocks)).toEqual([
      { id: blocks[0], live: 3, stale: false },
      { id: blocks[1], live: 3, stale: false },
    ]);
  });

  it('count deleted rows out and turn stale, in one statement or row by row, and go with their last row', async () => {
    const { db } = under;
    const { tag, blocks } = await seed(db);
    await db.delete(db.t.predictionLog).where(inArray(db.t.predictionLog.id, [`${tag}-0-0`, `${tag}-0-1`]));
    expect(await blockStates(db, blocks)).toEqual([
      { id: blocks[0], live: 1, stale: true },
      { id: blocks[1], live: 3, stale: false },
    ]);
    await db.delete(db.t.predictionLog).where(eq(db.t.predictionLog.id, `${tag}-0-2`));
    expect(await blockStates(db, blocks)).toEqual([{ id: blocks[1], live: 3, stale: false }]);
    // One statement that empties a block and thins another.
    await db.delete(db.t.predictionLog).where(eq(db.t.predictionLog.blockId, blocks[1]));
    expect(await blockStates(db, blocks)).toEqual([]);
  });

  it('turn stale when a logged column of one of their rows changes, old block and new', async () => {
    const { db } = under;
    const { tag, blocks } = await seed(db);
    await db.update(db.t.predictionLog).set({ inputs: { x: 99 } }).where(eq(db.t.predictionLog.id, `${tag}-0-0`));
    expect(await blockStates(db, blocks)).toEqual([
      { id: blocks[0], live: 3, stale: true },
      { id: blocks[1], live: 3, stale: false },
    ]);
    const other = await seed(db);
    await db.update(db.t.predictionLog).set({ blockId: other.blocks[1] }).where(eq(db.t.predictionLog.id, `${other.tag}-0-0`));
    expect(await blockStates(db, other.blocks)).toEqual([
      { id: other.blocks[0], live: 3, stale: true },
      { id: other.blocks[1], live: 3, stale: true },
    ]);
    // A column the block does not hold (the key) leaves it as it was.
    const third = await seed(db);
    await db.update(db.t.predictionLog).set({ keyId: 'k1' }).where(eq(db.t.predictionLog.id, `${third.tag}-0-0`));
    expect(await blockStates(db, third.blocks)).toEqual([
      { id: third.blocks[0], live: 3, stale: false },
      { id: third.blocks[1], live: 3, stale: false },
    ]);
  });

  it('go with their endpoint, rows and all', async () => {
    const { db } = under;
    const { tag, blocks } = await seed(db);
    await db.delete(db.t.endpoints).where(eq(db.t.endpoints.id, `e-${tag}`));
    expect(await blockStates(db, blocks)).toEqual([]);
    expect(await db.select({ id: db.t.predictionLog.id }).from(db.t.predictionLog).where(eq(db.t.predictionLog.endpointId, `e-${tag}`))).toEqual([]);
  });
});
