// Migrations that rewrite data are tested on a database holding rows from before them.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { MIGRATIONS_FOLDER, makeTempDir } from './test-db';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the migrations folder that stops just before the migration tagged `tag`. */
function migrationsBefore(tag: string): string {
  const dir = makeTempDir('pipeworks-migrations-');
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

describe('0004: system authors', () => {
  it('names Pipeworks as the author of the sample and `pipeworks run` versions saved before it', () => {
    const data = makeTempDir();
    dirs.push(data);
    const before = openDatabase(data, migrationsBefore('0004_project_archive_system_author'));
    const insert = before.sqlite.prepare(
      "INSERT INTO pipeline_versions (id, pipeline_id, version, doc, content_hash, author_id, message, created_at) VALUES (?, 'p', ?, '{}', 'h', ?, ?, 1)",
    );
    before.sqlite.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'a@example.com', 'A', 'admin', 'x', 1)").run();
    before.sqlite.prepare("INSERT INTO projects (id, name, created_at) VALUES ('sample', 'Sample project', 1)").run();
    before.sqlite.prepare("INSERT INTO pipelines (id, project_id, name, created_at, updated_at) VALUES ('p', 'sample', 'P', 1, 1)").run();
    insert.run('v1', 1, null, 'Sample pipeline');
    insert.run('v2', 2, null, 'pipeworks run');
    insert.run('v3', 3, 'u1', 'Sample pipeline');
    before.sqlite.close();

    const after = openDatabase(data, MIGRATIONS_FOLDER);
    const rows = after.sqlite.prepare('SELECT id, author_id, author_system FROM pipeline_versions ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'v1', author_id: null, author_system: 'seed' },
      { id: 'v2', author_id: null, author_system: 'cli' },
      { id: 'v3', author_id: 'u1', author_system: null },
    ]);
    expect(after.sqlite.prepare('SELECT archived_at FROM projects').get()).toEqual({ archived_at: null });
    after.sqlite.close();
  });
});

describe('0021: webhook delivery retries', () => {
  it('marks single-attempt deliveries from before it delivered or failed, never pending', () => {
    const data = makeTempDir();
    dirs.push(data);
    const before = openDatabase(data, migrationsBefore('0021_webhook_delivery_retries'));
    before.sqlite.prepare("INSERT INTO projects (id, name, created_at) VALUES ('p', 'P', 1)").run();
    before.sqlite.prepare("INSERT INTO webhooks (id, project_id, name, url, secret, created_at) VALUES ('w', 'p', 'W', 'https://x.example/h', 's', 1)").run();
    const insert = before.sqlite.prepare('INSERT INTO webhook_deliveries (id, webhook_id, alert_id, at, status, error) VALUES (?, ?, NULL, ?, ?, ?)');
    insert.run('ok', 'w', 100, 200, null);
    insert.run('bad', 'w', 200, 503, 'answered 503');
    before.sqlite.close();

    const after = openDatabase(data, MIGRATIONS_FOLDER);
    expect(after.sqlite.prepare('SELECT id, state, attempts, max_attempts, next_attempt_at, created_at, event FROM webhook_deliveries ORDER BY at').all()).toEqual([
      { id: 'ok', state: 'delivered', attempts: 1, max_attempts: 1, next_attempt_at: null, created_at: 100, event: '' },
      { id: 'bad', state: 'failed', attempts: 1, max_attempts: 1, next_attempt_at: null, created_at: 200, event: '' },
    ]);
    after.sqlite.close();
  });
});
