import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pipelines, projects, runs } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
  t.db.insert(projects).values({ id: 'p', name: 'P', createdAt: 1 }).run();
  t.db.insert(pipelines).values({ id: 'pl', projectId: 'p', name: 'PL', createdAt: 1, updatedAt: 1 }).run();
});
afterEach(() => t.cleanup());

async function freshModule() {
  vi.resetModules();
  return import('./browser-runs');
}

function browserRun(id: string, owner: string) {
  t.db.insert(runs).values({ id, pipelineId: 'pl', status: 'running', plan: { pipelineId: 'pl', docHash: 'h', steps: [], warnings: [] }, trigger: 'manual', createdAt: 1, owner }).run();
}

const statusOf = (id: string) => t.db.select().from(runs).all().find((r) => r.id === id)?.status;

describe('sweeping browser-driven runs', () => {
  it('marks a run interrupted only once its tab has been quiet for the timeout', async () => {
    const m = await freshModule();
    browserRun('r1', m.browserOwner('token-1'));
    expect(await m.sweepBrowserRuns(t.anyDb, 3000, 10_000)).toEqual([]); // first sight: a full grace period
    m.touchBrowserRun('r1', 12_000);
    expect(await m.sweepBrowserRuns(t.anyDb, 3000, 14_000)).toEqual([]);
    expect(await m.sweepBrowserRuns(t.anyDb, 3000, 15_500)).toEqual(['r1']);
    expect(statusOf('r1')).toBe('interrupted');
  });

  // Next's server build can hold this module in several chunks: the route that hears the tab and
  // the run manager's sweeper must still share what they know (a fresh build once split them).
  it('hears a tab through another copy of the module', async () => {
    const route = await freshModule();
    const sweeper = await freshModule();
    expect(route).not.toBe(sweeper);
    browserRun('r2', route.browserOwner('token-2'));
    expect(await sweeper.sweepBrowserRuns(t.anyDb, 3000, 10_000)).toEqual([]);
    route.touchBrowserRun('r2', 12_500);
    expect(await sweeper.sweepBrowserRuns(t.anyDb, 3000, 14_000)).toEqual([]);
    expect(statusOf('r2')).toBe('running');
  });
});
