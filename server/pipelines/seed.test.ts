import { afterAll, describe, expect, it } from 'vitest';
import { pipelineVersions } from '../db/schema';
import { openTestDb } from '../db/test-db';
import { seedSampleProject } from './seed';

const t = openTestDb();
afterAll(() => t.cleanup());

describe('seedSampleProject', () => {
  it('records Pipeworks itself as the author of every sample version, and seeds once', () => {
    seedSampleProject(t.db);
    seedSampleProject(t.db);
    const versions = t.db.select({ authorId: pipelineVersions.authorId, authorSystem: pipelineVersions.authorSystem }).from(pipelineVersions).all();
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.authorId === null && v.authorSystem === 'seed')).toBe(true);
  });
});
