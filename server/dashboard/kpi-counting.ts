// How one logged prediction and one label count into the daily aggregates: pure, so the consumer
// and a recount share it. Deltas are kept per (endpoint, version, day) and written once per pass.
import { emptyLatency, latencyBucket } from './latency-buckets';
import { emptyBins, scoreBin } from './score-bins';

export const DAY_MS = 86_400_000;
export const dayOf = (epochMs: number): number => Math.floor(epochMs / DAY_MS);

/** What the counting needs to know about the model behind an endpoint's version. */
export interface CountingRule {
  /** Null when the version is not a binary classifier: labels are counted, not binned. */
  positiveLabel: string | null;
  negativeLabel: string | null;
  valueColumn: string | null;
}

export interface DayDelta {
  endpointId: string;
  versionId: string;
  day: number;
  predictions: number;
  latencyHist: number[];
  labelled: number;
  unusable: number;
  posHist: number[];
  negHist: number[];
  posValue: number[];
  negValue: number[];
}

/** A label as counted: where it went, so replacing feedback can take it back out. */
export interface CountedLabel {
  endpointId: string;
  versionId: string;
  day: number;
  bin: number | null;
  value: number | null;
  positive: boolean | null;
}

export class DayDeltas {
  readonly byKey = new Map<string, DayDelta>();

  at(endpointId: string, versionId: string, day: number): DayDelta {
    const key = `${endpointId}\u0000${versionId}\u0000${day}`;
    let d = this.byKey.get(key);
    if (!d) {
      d = { endpointId, versionId, day, predictions: 0, latencyHist: emptyLatency(), labelled: 0, unusable: 0, posHist: emptyBins(), negHist: emptyBins(), posValue: emptyBins(), negValue: emptyBins() };
      this.byKey.set(key, d);
    }
    return d;
  }

  prediction(endpointId: string, versionId: string, createdAt: number, latencyMs: number): void {
    const d = this.at(endpointId, versionId, dayOf(createdAt));
    d.predictions += 1;
    d.latencyHist[latencyBucket(latencyMs)] += 1;
  }

  /** Adds (sign 1) or takes back (sign -1) one counted label. */
  label(c: CountedLabel, sign: 1 | -1): void {
    const d = this.at(c.endpointId, c.versionId, c.day);
    d.labelled += sign;
    if (c.positive === null || c.bin === null) {
      d.unusable += sign;
      return;
    }
    (c.positive ? d.posHist : d.negHist)[c.bin] += sign;
    (c.positive ? d.posValue : d.negValue)[c.bin] += sign * (c.value ?? 0);
  }
}

/** Where a label counts, from the logged prediction it answers and the version's rule. */
export function countLabel(
  rule: CountingRule,
  row: { endpointId: string; versionId: string; createdAt: number; inputs: Record<string, unknown>; outputs: Record<string, unknown> },
  label: string | number | boolean,
): CountedLabel {
  const base = { endpointId: row.endpointId, versionId: row.versionId, day: dayOf(row.createdAt) };
  const unusable: CountedLabel = { ...base, bin: null, value: null, positive: null };
  if (rule.positiveLabel === null) return unusable;
  const text = String(label);
  const positive = text === rule.positiveLabel ? true : text === rule.negativeLabel ? false : null;
  if (positive === null) return unusable;
  const probabilities = row.outputs.probabilities as Record<string, unknown> | undefined;
  const score = probabilities?.[rule.positiveLabel];
  if (typeof score !== 'number' || !Number.isFinite(score)) return unusable;
  let value = 0;
  if (rule.valueColumn !== null) {
    const raw = row.inputs[rule.valueColumn];
    value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(value)) return unusable;
  }
  return { ...base, bin: scoreBin(score), value, positive };
}

export function sameCount(a: CountedLabel, b: CountedLabel): boolean {
  return a.endpointId === b.endpointId && a.versionId === b.versionId && a.day === b.day && a.bin === b.bin && a.value === b.value && a.positive === b.positive;
}
