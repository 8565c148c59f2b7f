// The drift benchmark's data: a 100,000-row training set and 1,000,000 logged rows × 20 numeric
// features (values to 2 decimals, so ties are common and the stored reference is exact), written
// as float64 files both sides read, plus the stored reference profile as JSON.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { referenceProfile } from '../nodes/monitor/drift/reference-profile';

export const FEATURES = 20;
export const REFERENCE_ROWS = 100_000;
export const CURRENT_ROWS = 1_000_000;

/** Mulberry32: small, fast and seeded, so both sides see the same numbers every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(n: number, random: () => number, mean: number, sd: number, missingShare: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (missingShare > 0 && random() < missingShare) {
      out[i] = Number.NaN;
      continue;
    }
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    out[i] = Math.round((mean + sd * z) * 100) / 100;
  }
  return out;
}

/** Features 0–4 shift by half a standard deviation, 5–9 widen by a fifth, 10–19 stay; 18–19 lose 2% of values. */
export function writeDriftData(dir: string): { referencePath: string; currentPath: string; profilePath: string } {
  const random = rng(16);
  const reference = new Float64Array(FEATURES * REFERENCE_ROWS);
  const current = new Float64Array(FEATURES * CURRENT_ROWS);
  const columns = [];
  for (let f = 0; f < FEATURES; f++) {
    const ref = normals(REFERENCE_ROWS, random, 10 * f, 5, 0);
    reference.set(ref, f * REFERENCE_ROWS);
    const mean = 10 * f + (f < 5 ? 2.5 : 0);
    const sd = f >= 5 && f < 10 ? 6 : 5;
    current.set(normals(CURRENT_ROWS, random, mean, sd, f >= 18 ? 0.02 : 0), f * CURRENT_ROWS);
    columns.push({ name: `f${f}`, type: 'numeric' as const, values: ref });
  }
  const files = {
    referencePath: path.join(dir, 'reference.f64'),
    currentPath: path.join(dir, 'current.f64'),
    profilePath: path.join(dir, 'profile.json'),
  };
  writeFileSync(files.referencePath, new Uint8Array(reference.buffer));
  writeFileSync(files.currentPath, new Uint8Array(current.buffer));
  writeFileSync(files.profilePath, JSON.stringify(referenceProfile(columns, null, REFERENCE_ROWS)));
  return files;
}
