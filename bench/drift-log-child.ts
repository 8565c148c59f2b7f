// Child of bench/drift.bench.ts: seeds a data directory with a deployed version (its reference
// profile stored) and 1,000,000 logged predictions, then times endpointDrift reading them from
// SQLite, in its own process so maxRSS is this path's peak.
// Usage: node --import tsx bench/drift-log-child.ts DATA_DIR PROFILE.json CURRENT.f64 ROWS
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { driftSettingsSchema } from '../nodes/monitor/drift/drift-thresholds';
import type { ReferenceProfile } from '../nodes/monitor/drift/reference-types';
import { openDatabase } from '../server/db/client';
import { deployments, endpoints, projects } from '../server/db/schema';
import { endpointDrift } from '../server/monitoring/endpoint-drift';
import { registerModelVersion } from '../server/registry/register';
import { draft } from '../server/registry/test-kit';

const [dataDir, profilePath, currentPath, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as ReferenceProfile;
const bytes = readFileSync(currentPath);
const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const { db, sqlite } = openDatabase(dataDir);
const now = Date.now();
db.insert(projects).values({ id: 'bench', name: 'Drift bench', createdAt: now }).run();
const version = registerModelVersion(db, { projectId: 'bench', modelName: 'drift-bench', draft: draft({ reference: { dataArtifactId: 'e'.repeat(64), profile } }), userId: null, via: 'manual' });
db.insert(endpoints).values({ id: 'ep', projectId: 'bench', name: 'drift-bench', modelId: version.modelId, createdAt: now, updatedAt: now }).run();
db.insert(deployments).values({ id: randomUUID(), endpointId: 'ep', versionId: version.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: now }).run();
const insert = sqlite.prepare(
  "INSERT INTO prediction_log (id, endpoint_id, version_id, role, created_at, latency_ms, inputs, outputs) VALUES (?, 'ep', ?, 'primary', ?, 1, ?, ?)",
);
const seedStarted = performance.now();
const names = profile.features.map((f) => f.name);
sqlite.transaction(() => {
  for (let r = 0; r < rows; r++) {
    const inputs: Record<string, number | null> = {};
    names.forEach((name, f) => {
      const v = all[f * rows + r];
      inputs[name] = Number.isNaN(v) ? null : v;
    });
    insert.run(`p${r}`, version.versionId, now - rows + r, JSON.stringify(inputs), '{"prediction":"no"}');
  }
})();
const seedSeconds = (performance.now() - seedStarted) / 1000;
const baselineRss = process.memoryUsage().rss;
const cpuStart = process.cpuUsage();
const started = performance.now();
const report = endpointDrift(db, 'ep', { lastN: rows }, { ...driftSettingsSchema.parse({}), predictionKey: 'prediction' }, { dataDir, now });
const seconds = (performance.now() - started) / 1000;
// CPU time as well as wall time: on the shared machine the wall time is mostly waiting for a core.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
sqlite.close();
console.log(JSON.stringify({ seconds, cpuSeconds, seedSeconds, rows: report.rows, baselineRssMb: baselineRss / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024, driftedFeatures: report.driftedFeatures }));
