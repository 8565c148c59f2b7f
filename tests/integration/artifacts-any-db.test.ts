// The artifact registry on SQLite and on Postgres: content-addressed, so the same bytes recorded
// again (by another run, a browser, concurrently) stay one row that keeps its first producer.
import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import { sha256Hex } from '../../server/store/artifact-files';
import { InvalidArtifactIdError } from '../../server/store/artifact-errors';
import { getArtifact, hasArtifact, recordArtifact } from '../../server/store/artifacts';
import { describeEachDatabase } from './helpers/each-database';

const plan = { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] } as unknown as Plan;
const id = sha256Hex(new TextEncoder().encode('table bytes'));

describeEachDatabase('artifact registry', (under) => {
  it('records once, keeping the first producing run and the meta as given', async () => {
    const { db } = under;
    await db.insert(db.t.projects).values({ id: 'p', name: 'P', createdAt: 1 });
    await db.insert(db.t.pipelines).values({ id: 'pl', projectId: 'p', name: 'PL', createdAt: 1, updatedAt: 1 });
    await db.insert(db.t.runs).values(['r1', 'r2'].map((r) => ({ id: r, pipelineId: 'pl', status: 'running' as const, plan, trigger: 'manual' as const, createdAt: 1 })));
    const meta = { rows: 10, columns: [{ name: 'b', type: 'int' }, { name: 'a', type: 'str' }] };
    const big = 5_000_000_000; // past 2^31: bigint in number mode on Postgres
    expect(await recordArtifact(db, { id, kind: 'table', mediaType: 'application/vnd.apache.arrow.file', size: big, meta, runId: 'r1' })).toBe(true);
    expect(await recordArtifact(db, { id, kind: 'table', mediaType: 'x', size: 1, runId: 'r2' })).toBe(false);
    expect(await getArtifact(db, id)).toMatchObject({ id, kind: 'table', size: big, meta, createdByRunId: 'r1', releasedAt: null });
    expect(await hasArtifact(db, id)).toBe(true);
  });

  it('stores one row when the same bytes are recorded concurrently', async () => {
    const { db } = under;
    const other = sha256Hex(new TextEncoder().encode('raced bytes'));
    const results = await Promise.all(Array.from({ length: 8 }, () => recordArtifact(db, { id: other, kind: 'upload', mediaType: 'text/csv', size: 3 })));
    expect(results.filter(Boolean)).toHaveLength(1);
    const [row] = await db.select({ n: count() }).from(db.t.artifacts).where(eq(db.t.artifacts.id, other));
    expect(Number(row.n)).toBe(1);
    expect(await getArtifact(db, other)).toMatchObject({ meta: {}, createdByRunId: null });
  });

  it('answers null and false for unknown or malformed ids, and refuses to record a malformed one', async () => {
    const { db } = under;
    const unknown = sha256Hex(new TextEncoder().encode('never stored'));
    expect(await getArtifact(db, unknown)).toBeNull();
    expect(await hasArtifact(db, unknown)).toBe(false);
    expect(await hasArtifact(db, "' OR 1=1 --")).toBe(false);
    await expect(recordArtifact(db, { id: 'ABC', kind: 'table', mediaType: 'x', size: 1 })).rejects.toThrow(InvalidArtifactIdError);
    await expect(recordArtifact(db, { id: unknown, kind: 'table', mediaType: 'x', size: 1, runId: 'ghost' })).rejects.toThrow();
    expect(await hasArtifact(db, unknown)).toBe(false);
  });
});
