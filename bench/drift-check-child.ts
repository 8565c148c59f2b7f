// Child of bench/drift.bench.ts: loads the stored reference profile and the logged columns, then
// times driftCheck alone; its own process, so maxRSS is the check's peak and nothing else's.
// Usage: node --import tsx bench/drift-check-child.ts PROFILE.json CURRENT.f64 ROWS REPEATS
import { readFileSync } from 'node:fs';
import type { CurrentColumn } from '../nodes/monitor/drift/current-window';
import { driftCheck } from '../nodes/monitor/drift/drift-check';
import { driftSettingsSchema } from '../nodes/monitor/drift/drift-thresholds';
import type { ReferenceProfile } from '../nodes/monitor/drift/reference-types';

const [profilePath, currentPath, rowsArg, repeatsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as ReferenceProfile;
const bytes = readFileSync(currentPath);
const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
const columns: CurrentColumn[] = profile.features.map((f, i) => ({ kind: 'numeric', name: f.name, values: all.subarray(i * rows, (i + 1) * rows), invalid: 0 }));
const settings = driftSettingsSchema.parse({});
const baselineRss = process.memoryUsage().rss;
const seconds: number[] = [];
let report = driftCheck(profile, { rows, columns, predictions: null }, settings);
for (let r = 0; r < Number(repeatsArg); r++) {
  const started = performance.now();
  report = driftCheck(profile, { rows, columns, predictions: null }, settings);
  seconds.push((performance.now() - started) / 1000);
}
const features = report.features.map((f) => (f.kind === 'numeric' ? { name: f.name, ks: f.ks, psi: f.psi } : null));
console.log(
  JSON.stringify({
    seconds,
    baselineRssMb: baselineRss / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    driftedFeatures: report.driftedFeatures,
    features,
  }),
);
