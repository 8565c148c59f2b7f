// Guesses the delimiter from the start of a file: the candidate that splits the first records
// into the same number (> 1) of fields most consistently, with more fields breaking ties.
export const CANDIDATES = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

const SAMPLE_RECORDS = 50;

export function sniffDelimiter(sample: Uint8Array, complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const counts = fieldCounts(sample, candidate.charCodeAt(0), complete);
    const score = consistency(counts);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Fields per record for the first records, quotes respected; a record cut off by the sample end is dropped. */
function fieldCounts(buf: Uint8Array, delimiter: number, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < buf.length && counts.length < SAMPLE_RECORDS; i++) {
    const c = buf[i];
    if (c === 34) inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (c === 10 || c === 13) {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else {
      if (c === delimiter) fields++;
      if (c !== 32) blank = false;
    }
  }
  if (complete && !blank && !inQuotes && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

/** 0 when the delimiter never splits a record; else the share of records with the modal count, plus a little per field. */
function consistency(counts: number[]): number {
  if (counts.length === 0) return 0;
  const frequency = new Map<number, number>();
  for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
  let mode = 0;
  let modeCount = 0;
  for (const [n, f] of frequency) if (f > modeCount || (f === modeCount && n > mode)) [mode, modeCount] = [n, f];
  if (mode <= 1) return 0;
  return modeCount / counts.length + Math.min(mode, 1000) / 1e6;
}
