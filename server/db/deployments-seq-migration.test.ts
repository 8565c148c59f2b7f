// Migration 0024 on a database that already holds deployments: the table is rebuilt with `seq`, and
// the rows keep their insertion order (the old rowid), which ids and equal timestamps do not show.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { deployments } from './schema';
import { makeTempDir, MIGRATIONS_FOLDER } from './test-db';

const dir = makeTempDir();
const sqlite = new Database(path.join(dir, 'upgrade.db'));
afterAll(() => sqlite.close());

function migrationsBefore(tag: string): string {
  const folder = path.join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0024_deployments_seq on existing data', () => {
  it('numbers existing deployments in insertion order and new ones after them', () => {
    const db = drizzle({ client: sqlite });
    migrate(db, { migrationsFolder: migrationsBefore('0024_deployments_seq') });
    // With foreign keys off, the rows need no endpoint or version.
    sqlite.pragma('foreign_keys = OFF');
    const insert = sqlite.prepare("INSERT INTO deployments (id, endpoint_id, version_id, role, traffic_percent, reason, created_at) VALUES (?, 'ep', 'v', 'primary', 100, ?, 5)");
    for (const [id, reason] of [['c', 'deploy'], ['a', 'promote'], ['b', 'rollback']]) insert.run(id, reason);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    db.insert(deployments).values({ id: 'd', endpointId: 'ep', versionId: 'v', role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: 5 }).run();
    const rows = db.select({ id: deployments.id, seq: deployments.seq }).from(deployments).orderBy(asc(deployments.seq)).all();
    expect(rows).toEqual([
      { id: 'c', seq: 1 },
      { id: 'a', seq: 2 },
      { id: 'b', seq: 3 },
      { id: 'd', seq: 4 },
    ]);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'deployments' AND type = 'index' ORDER BY name").pluck().all()).toEqual([
      'deployments_endpoint_live_idx',
      'deployments_seq_unique',
      'deployments_version_id_idx',
      'sqlite_autoindex_deployments_1',
    ]);
  });
});
