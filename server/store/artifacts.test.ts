import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteErrorCode } from '../db/errors';
import { pipelines, projects, runs } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { InvalidArtifactIdError } from './artifact-errors';
import { sha256Hex } from './artifact-files';
import { getArtifact, hasArtifact, recordArtifact } from './artifacts';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

const id = sha256Hex(new TextEncoder().encode('table bytes'));

function seedRun(runId: string): void {
  t.db.insert(projects).values({ id: 'p', name: 'P', createdAt: 1 }).onConflictDoNothing().run();
  t.db.insert(pipelines).values({ id: 'pl', projectId: 'p', name: 'PL', createdAt: 1, updatedAt: 1 }).onConflictDoNothing().run();
  const plan = { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] };
  t.db.insert(runs).values({ id: runId, pipelineId: 'pl', status: 'running', plan, trigger: 'manual', createdAt: 1 }).run();
}

describe('artifacts registry', () => {
  it('records once and keeps the first producing run', async () => {
    seedRun('r1');
    seedRun('r2');
    const meta = { rows: 10, columns: ['a', 'b'] };
    expect(await recordArtifact(t.anyDb, { id, kind: 'table', mediaType: 'application/vnd.apache.arrow.file', size: 99, meta, runId: 'r1' })).toBe(true);
    expect(await recordArtifact(t.anyDb, { id, kind: 'table', mediaType: 'x', size: 99, runId: 'r2' })).toBe(false);

    const row = await getArtifact(t.anyDb, id);
    expect(row).toMatchObject({ id, kind: 'table', size: 99, meta, createdByRunId: 'r1' });
    expect(await hasArtifact(t.anyDb, id)).toBe(true);
  });

  it('defaults meta to an empty object and allows no run', async () => {
    await recordArtifact(t.anyDb, { id, kind: 'upload', mediaType: 'text/csv', size: 3 });
    expect(await getArtifact(t.anyDb, id)).toMatchObject({ meta: {}, createdByRunId: null });
  });

  it('answers null / false for unknown or malformed ids', async () => {
    expect(await getArtifact(t.anyDb, id)).toBeNull();
    expect(await hasArtifact(t.anyDb, id)).toBe(false);
    expect(await hasArtifact(t.anyDb, "' OR 1=1 --")).toBe(false);
  });

  it('refuses to record a malformed id', async () => {
    await expect(recordArtifact(t.anyDb, { id: 'ABC', kind: 'table', mediaType: 'x', size: 1 })).rejects.toThrow(InvalidArtifactIdError);
  });

  it('rejects a run id that does not exist', async () => {
    let error: unknown;
    try {
      await recordArtifact(t.anyDb, { id, kind: 'table', mediaType: 'x', size: 1, runId: 'ghost' });
    } catch (caught) {
      error = caught;
    }
    expect(sqliteErrorCode(error)).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  });
});
