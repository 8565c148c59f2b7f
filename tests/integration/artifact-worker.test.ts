// Issue 14, finding 3: decoding and profiling an artifact for a preview is seconds of synchronous
// work on a large table, so it must happen in a worker thread and never on the thread serving HTTP.
// Checked by where the work ran, not by timing (bench/artifact-lag.bench.ts measures the stall).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeValue } from '../../nodes/codec';
import { tableFromColumns } from '../../nodes/table/table-from-columns';
import type { ColumnInfo } from '../../nodes/values';
import { createUser, type PublicUser } from '../../server/auth/users';
import { openTestDb, makeTempDir, type TestDb } from '../../server/db/test-db';
import { resetEnvForTests } from '../../server/env';
import { appRouter } from '../../server/api/root';
import { testContext } from '../../server/api/test-context';
import { createCallerFactory } from '../../server/api/trpc';
import { exportTable } from '../../server/http/artifact-export';
import { artifactWorkCompleted, lastArtifactThreadId } from '../../server/store/artifact-pool';
import { getArtifact } from '../../server/store/artifacts';
import { artifactPath, writeArtifactBytes } from '../../server/store/artifact-files';
import { recordArtifact } from '../../server/store/artifacts';

let t: TestDb;
let dataDir: string;
let user: PublicUser;
let tableId: string;
const dataDirBefore = process.env.PIPEWORKS_DATA_DIR;

beforeAll(async () => {
  t = openTestDb();
  dataDir = makeTempDir('pipeworks-artifact-worker-');
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  user = await createUser(t.anyDb, { email: 'ana@example.com', name: 'Ana', role: 'analyst', password: 'a long enough password' });
  const columns: ColumnInfo[] = [
    { name: 'amount', type: 'numeric', role: 'feature' },
    { name: 'city', type: 'categorical', role: 'feature' },
  ];
  const table = tableFromColumns([
    { info: columns[0], values: [1, 2, 3, Number.NaN] },
    { info: columns[1], values: ['Oslo', 'Lima', 'Oslo', null] },
  ]);
  const encoded = encodeValue({ kind: 'table', table, columns });
  const written = await writeArtifactBytes(dataDir, encoded.bytes);
  tableId = written.id;
  await recordArtifact(t.anyDb, { id: tableId, kind: 'table', mediaType: encoded.mediaType, size: written.size, meta: encoded.meta });
});

afterAll(() => {
  t?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
  // Test files may share a process: leave the environment as it was found.
  if (dataDirBefore === undefined) delete process.env.PIPEWORKS_DATA_DIR;
  else process.env.PIPEWORKS_DATA_DIR = dataDirBefore;
  resetEnvForTests();
});

const caller = () => createCallerFactory(appRouter)(testContext(t, user));

describe('artifact previews and statistics run in a worker thread', () => {
  it('pages a table in a worker', async () => {
    const answer = await caller().artifact.preview({ id: tableId, limit: 2 });
    expect(answer.preview).toMatchObject({ kind: 'table', rowCount: 4, rows: [[1, 'Oslo'], [2, 'Lima']] });
    expect(lastArtifactThreadId()).not.toBeNull();
    expect(lastArtifactThreadId()).not.toBe(threadId);
  });

  it('profiles a table in a worker', async () => {
    const stats = await caller().artifact.tableStats({ id: tableId });
    expect(stats.rows).toBe(4);
    expect(stats.columns.map((c) => c.missing)).toEqual([1, 1]);
    expect(lastArtifactThreadId()).not.toBe(threadId);
  });

  it('writes a CSV export in a worker and streams it, leaving no temp file', async () => {
    const done = artifactWorkCompleted();
    const res = await exportTable((await getArtifact(t.anyDb, tableId))!, 'csv', 'cities');
    expect(artifactWorkCompleted()).toBe(done + 1);
    expect(res.headers.get('content-disposition')).toContain('cities.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark
    expect(bytes.subarray(3).toString('utf8')).toBe('amount,city\r\n1,Oslo\r\n2,Lima\r\n3,Oslo\r\n,\r\n');
    expect(lastArtifactThreadId()).not.toBe(threadId);
    // Removed once the stream closes, a moment after the last byte: waited for, not timed.
    await expect.poll(() => readdirSync(path.join(dataDir, 'tmp')).filter((n) => n.startsWith('export-')), { timeout: 10_000 }).toEqual([]);
  });

  it('says not found, not an internal error, when the stored file is gone', async () => {
    const columns: ColumnInfo[] = [{ name: 'x', type: 'numeric', role: 'feature' }];
    const encoded = encodeValue({ kind: 'table', table: tableFromColumns([{ info: columns[0], values: [7] }]), columns });
    const written = await writeArtifactBytes(dataDir, encoded.bytes);
    await recordArtifact(t.anyDb, { id: written.id, kind: 'table', mediaType: encoded.mediaType, size: written.size });
    rmSync(artifactPath(dataDir, written.id));
    await expect(caller().artifact.tableStats({ id: written.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/stored file of artifact .* was not found/) });
  });
});
