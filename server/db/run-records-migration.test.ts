// Migration 0005 on a database that already holds runs: step runs get their params and code hash
// from the stored plan, and existing runs wait for their records to be filled in at start-up.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, MIGRATIONS_FOLDER } from './test-db';

const dir = makeTempDir();
const sqlite = new Database(path.join(dir, 'upgrade.db'));
afterAll(() => sqlite.close());

/** The migrations folder as it was before `tag` (a trimmed copy of the journal in a temp dir). */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0005_run_records on existing data', () => {
  it('backfills step params and code hashes and keeps old runs readable', () => {
    const db = drizzle({ client: sqlite });
    migrate(db, { migrationsFolder: migrationsBefore('0005_run_records') });
    const plan = {
      pipelineId: 'p',
      docHash: 'h',
      warnings: [],
      steps: [{ id: 'split', type: 'split/random', version: 1, params: { seed: 3, train: 0.8 }, inputs: {}, outputs: {}, placement: 'server', deterministic: true, cacheKey: 'k', fingerprint: { codeHash: 'builtin:split/random@1', inputKeys: {} } }],
    };
    sqlite.exec(`INSERT INTO projects (id, name, created_at) VALUES ('pr', 'P', 1);
      INSERT INTO pipelines (id, project_id, name, created_at, updated_at) VALUES ('p', 'pr', 'P', 1, 1);`);
    sqlite.prepare(`INSERT INTO runs (id, pipeline_id, status, plan, trigger, created_at) VALUES ('r1', 'p', 'succeeded', ?, 'manual', 1)`).run(JSON.stringify(plan));
    sqlite.exec(`INSERT INTO step_runs (id, run_id, step_id, node_type, node_version, status) VALUES ('s1', 'r1', 'split', 'split/random', 1, 'succeeded')`);

    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const step = sqlite.prepare(`SELECT params, code_hash FROM step_runs WHERE id = 's1'`).get() as { params: string; code_hash: string };
    expect(JSON.parse(step.params)).toEqual({ seed: 3, train: 0.8 });
    expect(step.code_hash).toBe('builtin:split/random@1');
    const run = sqlite.prepare(`SELECT records_indexed, use_cache, parent_run_id FROM runs WHERE id = 'r1'`).get();
    expect(run).toEqual({ records_indexed: 0, use_cache: 1, parent_run_id: null });
  });

  it('clusters run_params and run_metrics on (run_id, key) without a rowid (0006)', () => {
    for (const table of ['run_params', 'run_metrics']) {
      const created = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string;
      expect(created).toMatch(/WITHOUT ROWID\s*$/);
    }
  });

  it('keeps the params and metrics rows it rebuilds (0006 on data written under 0005)', () => {
    const dir2 = makeTempDir();
    const other = new Database(path.join(dir2, 'upgrade.db'));
    try {
      const db2 = drizzle({ client: other });
      migrate(db2, { migrationsFolder: migrationsBefore('0006_run_records_clustered') });
      other.exec(`INSERT INTO projects (id, name, created_at) VALUES ('pr', 'P', 1);
        INSERT INTO pipelines (id, project_id, name, created_at, updated_at) VALUES ('p', 'pr', 'P', 1, 1);
        INSERT INTO runs (id, pipeline_id, status, plan, trigger, created_at) VALUES ('r1', 'p', 'succeeded', '{}', 'manual', 1);
        INSERT INTO run_params (run_id, step_id, key, value, num) VALUES ('r1', 'split', 'split.seed', '3', 3);
        INSERT INTO run_metrics (run_id, step_id, key, value) VALUES ('r1', 'evaluate', 'evaluate.roc_auc', 0.9);`);
      migrate(db2, { migrationsFolder: MIGRATIONS_FOLDER });
      expect(other.prepare('SELECT run_id, step_id, key, value, num FROM run_params').all()).toEqual([{ run_id: 'r1', step_id: 'split', key: 'split.seed', value: '3', num: 3 }]);
      expect(other.prepare('SELECT run_id, step_id, key, value FROM run_metrics').all()).toEqual([{ run_id: 'r1', step_id: 'evaluate', key: 'evaluate.roc_auc', value: 0.9 }]);
    } finally {
      other.close();
    }
  });
});
