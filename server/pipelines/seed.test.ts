import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../db/test-db';
import { seedSampleProject } from './seed';

const t = openTestDb();
afterAll(() => t.cleanup());

describe('seedSampleProject', () => {
  it('records Pipeworks itself as the author of every sample version, and seeds once', async () => {
    const db = t.anyDb;
    await seedSampleProject(db);
    await seedSampleProject(db);
    const versions = await db.select({ authorId: db.t.pipelineVersions.authorId, authorSystem: db.t.pipelineVersions.authorSystem }).from(db.t.pipelineVersions);
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.authorId === null && v.authorSystem === 'seed')).toBe(true);
  });
});
