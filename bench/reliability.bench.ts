// `npm run bench:reliability`: the security and crash battery at soak size, with its figures.
// - 30 kill -9 cycles of 20 concurrent runs (npm test runs 10): runs lost, runs stuck.
// - 10,000 fast-check cases each against the CSV reader, the Parquet import, the PipelineDoc API
//   and the upload route (npm test runs 2,000 of the two slow ones): cases, crashes.
// - The path-traversal payloads against every id or file-name route: requests, escapes, 500s.
// - 200 torn artifact writes: partial files under a final name.
// Needs a production build (`npm run build`). Exit code 1 when any figure is not zero.
// Usage: npm run bench:reliability [-- kill fuzz traversal torn]   (default: all)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killCycles } from '../tests/integration/helpers/kill-cycles';
import { attack } from '../tests/integration/helpers/traversal-attack';
import { CANARY, traversalPayloads } from '../tests/integration/helpers/traversal-payloads';
import { HttpClient } from '../tests/integration/helpers/trpc-http';
import { startServer, stopServer } from '../tests/integration/helpers/server-process';

const KILL_CYCLES = Number(process.env.PIPEWORKS_KILL_CYCLES ?? 30);
const FUZZ_RUNS = Number(process.env.PIPEWORKS_FUZZ_RUNS ?? 10_000);

const FUZZ = [
  { name: 'CSV reader', project: 'unit', file: 'nodes/ingest/csv/read-csv.fuzz.test.ts' },
  { name: 'Parquet import', project: 'unit', file: 'server/datasets/read-parquet.fuzz.test.ts' },
  { name: 'PipelineDoc API', project: 'unit', file: 'server/api/routers/pipeline.fuzz.test.ts' },
  { name: 'upload route', project: 'integration', file: 'tests/integration/upload-fuzz.test.ts' },
];

interface Figure {
  what: string;
  value: string;
  ok: boolean;
}

const figures: Figure[] = [];
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** Runs one vitest file with `env`; passed, and the failure text when not. */
function vitest(project: string, file: string, env: Record<string, string>): { passed: boolean; detail: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-'));
  const out = path.join(dir, 'report.json');
  const res = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', project, file, '--reporter=json', `--outputFile=${out}`], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let passed = false;
  let detail = res.stderr.slice(-2000);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8')) as { success: boolean; testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[] };
    passed = report.success;
    detail = report.testResults.flatMap((t) => t.assertionResults.flatMap((a) => a.failureMessages)).join('\n').slice(0, 2000);
  } catch {
    // no report: the run itself failed; stderr says why
  }
  rmSync(dir, { recursive: true, force: true });
  return { passed, detail };
}

async function benchKill() {
  const started = Date.now();
  const report = await killCycles({ cycles: KILL_CYCLES, concurrent: 20, drainMs: 600_000 });
  for (const s of report.servers) await stopServer(s, 'SIGKILL');
  figures.push({ what: `kill -9 cycles (20 concurrent runs each; ${seconds(started)})`, value: String(report.cycles), ok: true });
  figures.push({ what: 'runs started', value: String(report.runsStarted), ok: report.runsStarted === KILL_CYCLES * 20 });
  figures.push({ what: 'runs lost', value: String(report.lost.length), ok: report.lost.length === 0 });
  figures.push({ what: 'runs stuck or not succeeded', value: String(report.stuck.length), ok: report.stuck.length === 0 });
  // null on Postgres, where the database server, not the killed studio, owns the files.
  if (report.integrity !== null) figures.push({ what: 'integrity_check', value: report.integrity, ok: report.integrity === 'ok' });
  figures.push({ what: 'artifacts not re-hashing to their name', value: String(report.badArtifacts.length), ok: report.badArtifacts.length === 0 });
  figures.push({ what: 'outputs named in the database without a file', value: String(report.missingFiles.length), ok: report.missingFiles.length === 0 });
  figures.push({ what: 'stale temp files left after restart', value: String(report.staleTemps.length), ok: report.staleTemps.length === 0 });
}

function benchFuzz() {
  for (const target of FUZZ) {
    const started = Date.now();
    const { passed, detail } = vitest(target.project, target.file, { PIPEWORKS_FUZZ_RUNS: String(FUZZ_RUNS) });
    figures.push({ what: `fuzz cases, ${target.name} (${seconds(started)})`, value: String(FUZZ_RUNS), ok: true });
    // fast-check stops at the first failing case and shrinks it, so a failure is "at least 1".
    figures.push({ what: `crashes, 500s or unplaced errors, ${target.name}`, value: passed ? '0' : '≥ 1', ok: passed });
    if (!passed) console.error(`[${target.name}]\n${detail}`);
  }
}

async function benchTraversal() {
  const started = Date.now();
  const server = await startServer();
  try {
    writeFileSync(path.join(server.dataDir, CANARY.name), CANARY.content);
    const admin = new HttpClient(server.url);
    HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
    const report = await attack(server.port, admin.cookie, traversalPayloads());
    figures.push({ what: `traversal payloads (${seconds(started)})`, value: String(report.payloads), ok: report.payloads >= 200 });
    figures.push({ what: `traversal requests over ${report.endpoints.length} endpoints`, value: String(report.requests), ok: true });
    figures.push({ what: 'escapes (a file from outside the store in a response)', value: String(report.escapes.length), ok: report.escapes.length === 0 });
    figures.push({ what: 'traversal responses of 500', value: String(report.errors.length), ok: report.errors.length === 0 });
    figures.push({ what: 'traversal requests answered by closing the connection', value: String(report.resets.length), ok: true });
    for (const e of [...report.escapes, ...report.errors].slice(0, 10)) console.error(`  ${e.endpoint} ${JSON.stringify(e.payload).slice(0, 80)} → ${e.status} ${e.leaked.join(',')}`);
  } finally {
    await stopServer(server);
  }
}

function benchTorn() {
  const started = Date.now();
  const { passed, detail } = vitest('integration', 'tests/integration/torn-writes.test.ts', { PIPEWORKS_TORN_WRITES: '200' });
  figures.push({ what: `torn-write crashes (${seconds(started)})`, value: '200', ok: true });
  figures.push({ what: 'partial files under a final name, or returned writes not whole', value: passed ? '0' : '≥ 1', ok: passed });
  if (!passed) console.error(detail);
}

async function main(args: string[]): Promise<number> {
  const wanted = (key: string) => args.length === 0 || args.includes(key);
  if (wanted('traversal')) await benchTraversal();
  if (wanted('fuzz')) benchFuzz();
  if (wanted('torn')) benchTorn();
  if (wanted('kill')) await benchKill();
  const width = Math.max(...figures.map((f) => f.what.length));
  console.log('\nReliability battery\n');
  for (const f of figures) console.log(`${f.ok ? 'ok  ' : 'FAIL'}  ${f.what.padEnd(width)}  ${f.value}`);
  return figures.every((f) => f.ok) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
