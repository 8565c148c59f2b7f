// Child of bench/drift.bench.ts: seeds a data directory with a deployed version (its reference
// profile stored) and 1,000,000 predictions logged the way serving logs them (rows and columnar
// blocks), then times endpointDrift reading them from SQLite, in its own process so maxRSS is this
// path's peak.
// Usage: node --import tsx bench/drift-log-child.ts DATA_DIR PROFILE.json CURRENT.f64 ROWS [REPEATS]
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Predictions } from '../nodes/models/predict';
import { driftSettingsSchema } from '../nodes/monitor/drift/drift-thresholds';
import type { ReferenceProfile } from '../nodes/monitor/drift/reference-types';
import { openDatabase } from '../server/db/client';
import { deployments, endpoints, projects } from '../server/db/schema';
import { endpointDrift } from '../server/monitoring/endpoint-drift';
import { LogBatch } from '../server/serving/prediction-log-batch';
import { createLogWriter } from '../server/serving/prediction-log-writer.mjs';
import { registerModelVersion } from '../server/registry/register';
import { draft } from '../server/registry/test-kit';

const [dataDir, profilePath, currentPath, rowsArg, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const rows = Number(rowsArg);
const BATCH = 500;
const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as ReferenceProfile;
const bytes = readFileSync(currentPath);
const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const { db, sqlite, anyDb } = openDatabase(dataDir);
const now = Date.now();
db.insert(projects).values({ id: 'bench', name: 'Drift bench', createdAt: now }).run();
const version = await registerModelVersion(anyDb, { projectId: 'bench', modelName: 'drift-bench', draft: draft({ reference: { dataArtifactId: 'e'.repeat(64), profile } }), userId: null, via: 'manual' });
db.insert(endpoints).values({ id: 'ep', projectId: 'bench', name: 'drift-bench', modelId: version.modelId, createdAt: now, updatedAt: now }).run();
db.insert(deployments).values({ id: randomUUID(), endpointId: 'ep', versionId: version.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: now }).run();
// Logged as serving logs: LogBatch on the serving thread, FLUSH_ROWS (500) entries per batch, and
// the writer thread's createLogWriter (rows plus one columnar block per batch).
const write = createLogWriter(sqlite);
const seedStarted = performance.now();
const names = profile.features.map((f) => f.name);
const prediction: Predictions = { task: 'regression', labels: [], scores: new Float64Array([0]) };
const cells: unknown[][] = names.map(() => [null]);
let batch = new LogBatch();
for (let r = 0; r < rows; r++) {
  for (let f = 0; f < names.length; f++) {
    const v = all[f * rows + r];
    cells[f][0] = Number.isNaN(v) ? null : v;
  }
  batch.add({ id: `p${r}`.padStart(36, '0'), endpointId: 'ep', versionId: version.versionId, role: 'primary', shadowOf: null, keyId: null, createdAt: now - rows + r, latencyMs: 1 }, names, cells, 0, prediction);
  if (batch.count === BATCH || r === rows - 1) {
    write(batch.pack().batch);
    batch = new LogBatch();
  }
}
const seedSeconds = (performance.now() - seedStarted) / 1000;
const baselineRss = process.memoryUsage().rss;
// A first (cold) check, then `repeats` more, as the other rows and scipy time theirs after a warm-up.
const runs: { seconds: number; cpuSeconds: number }[] = [];
let report: Awaited<ReturnType<typeof endpointDrift>> | undefined;
for (let k = 0; k <= repeats; k++) {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  report = await endpointDrift(anyDb, 'ep', { lastN: rows }, { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' }, { dataDir, now });
  const seconds = (performance.now() - started) / 1000;
  // CPU time as well as wall time: on the shared machine the wall time is mostly waiting for a core.
  const cpu = process.cpuUsage(cpuStart);
  runs.push({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
}
sqlite.close();
const [cold, ...warm] = runs;
console.log(
  JSON.stringify({
    cold,
    seconds: warm.map((r) => r.seconds),
    cpuSeconds: warm.map((r) => r.cpuSeconds),
    seedSeconds,
    rows: report!.rows,
    baselineRssMb: baselineRss / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    driftedFeatures: report!.driftedFeatures,
  }),
);
