// The CSV benchmark's input: 1,000,000 rows × 20 columns, seeded. 18 decimal columns (six places;
// nine within ±1,000, nine within ±5,000), one integer column and one short categorical column:
// 225 MB, close to the 228 MB file of the baseline in ENVIRONMENT.md.
import { createWriteStream } from 'node:fs';

const CATEGORIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeBenchCsv(file: string, rows: number, seed = 20261126): Promise<number> {
  const random = prng(seed);
  const out = createWriteStream(file);
  const header = [...Array.from({ length: 18 }, (_, i) => `x${i}`), 'count', 'category'].join(',') + '\n';
  let bytes = header.length;
  out.write(header);
  let block = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < 18; c++) line += ((random() - 0.5) * (c < 9 ? 2000 : 10_000)).toFixed(6) + ',';
    line += Math.floor(random() * 100_000) + ',' + CATEGORIES[Math.floor(random() * CATEGORIES.length)] + '\n';
    block += line;
    if (block.length > 1 << 20) {
      bytes += block.length;
      if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', resolve));
      block = '';
    }
  }
  bytes += block.length;
  out.end(block);
  await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  return bytes;
}
