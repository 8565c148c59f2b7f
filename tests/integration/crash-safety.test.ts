// kill -9 the server at random moments while 20 runs are in flight, 10 times over one data
// directory (30 times in `npm run bench:reliability`): no run lost or stuck, the database
// intact, every artifact re-hashing to its name, and temp files of killed writes cleaned at start.
// Both passes: on Postgres the runs live in the test file's database, and only SQLite's
// integrity_check of its own file has no counterpart (the database server is not what is killed).
import { afterAll, expect, it } from 'vitest';
import { testDatabaseKind } from '../../server/db/test-db';
import { killCycles, type KillCycleReport } from './helpers/kill-cycles';
import { stopServer } from './helpers/server-process';

let report: KillCycleReport | undefined;
afterAll(async () => {
  for (const s of report?.servers ?? []) await stopServer(s, 'SIGKILL');
});

it('loses no run and no byte across 10 kill -9 cycles of 20 concurrent runs', async () => {
  report = await killCycles({ cycles: 10, concurrent: 20 });
  const { servers: _, ...summary } = report;
  console.log('[crash-safety]', JSON.stringify({ ...summary, stuck: summary.stuck.slice(0, 5) }));
  expect(report.runsStarted).toBe(200);
  expect(report.lost).toEqual([]);
  expect(report.stuck).toEqual([]);
  expect(report.succeeded).toBe(report.runsStarted);
  expect(report.integrity).toBe(testDatabaseKind() === 'sqlite' ? 'ok' : null);
  expect(report.badArtifacts).toEqual([]);
  expect(report.missingFiles).toEqual([]);
  expect(report.staleTemps).toEqual([]);
}, 1_200_000);
