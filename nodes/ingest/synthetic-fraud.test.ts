import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { encodeValue } from '../codec';
import { isNight, MERCHANT_CATEGORIES } from './fraud-world';
import { fraudTable } from './fraud-table';
import { generateFraud, type FraudOptions } from './synthetic-fraud';

const START = Date.UTC(2026, 0, 1);
const options = (o: Partial<FraudOptions> = {}): FraudOptions => ({ rows: 5000, seed: 0, fraudRate: 0.02, drift: 0, startMs: START, days: 30, ...o });
const bytesOf = (o: Partial<FraudOptions>) => {
  const { table, columns } = fraudTable(generateFraud(options(o)), o.seed ?? 0);
  return encodeValue({ kind: 'table', table, columns }).bytes;
};
const meanOf = (values: ArrayLike<number>, f: (v: number) => number = (v) => v) => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += f(values[i]);
  return sum / values.length;
};
const median = (values: Float64Array) => Float64Array.from(values).sort()[values.length >> 1];

describe('generateFraud', () => {
  it('gives identical bytes for the same options, and different bytes for another seed or drift', () => {
    const a = bytesOf({ seed: 7 });
    expect(sha256Hex(bytesOf({ seed: 7 }))).toBe(sha256Hex(a));
    expect(sha256Hex(bytesOf({ seed: 8 }))).not.toBe(sha256Hex(a));
    expect(sha256Hex(bytesOf({ seed: 7, drift: 0.5 }))).not.toBe(sha256Hex(a));
  });

  it('realises the asked fraud rate, at any drift', () => {
    for (const [fraudRate, drift] of [[0.02, 0], [0.02, 1], [0.1, 0.5]]) {
      const data = generateFraud(options({ rows: 50_000, fraudRate, drift, seed: 3 }));
      expect(meanOf(data.probability)).toBeCloseTo(fraudRate, 9);
      // 5 binomial standard deviations around the asked rate
      expect(Math.abs(meanOf(data.isFraud) - fraudRate)).toBeLessThan(5 * Math.sqrt((fraudRate * (1 - fraudRate)) / 50_000));
    }
  });

  it('spreads rows over the days in time order, hour taken from the timestamp', () => {
    const data = generateFraud(options({ days: 3 }));
    expect(data.timestamp[0]).toBeGreaterThanOrEqual(START);
    expect(data.timestamp[data.rows - 1]).toBeLessThan(START + 3 * 86_400_000);
    for (let i = 0; i < data.rows; i++) {
      if (i > 0) expect(data.timestamp[i]).toBeGreaterThanOrEqual(data.timestamp[i - 1]);
      expect(data.hour[i]).toBe(new Date(data.timestamp[i]).getUTCHours());
    }
    const days = new Set(Array.from(data.timestamp, (t) => Math.floor((t - START) / 86_400_000)));
    expect(days).toEqual(new Set([0, 1, 2]));
  });

  it('draws amounts log-normally around each category median', () => {
    const data = generateFraud(options({ rows: 20_000 }));
    const ofCategory = (name: (typeof MERCHANT_CATEGORIES)[number]) =>
      Float64Array.from(Array.from(data.amount).filter((_, i) => data.category[i] === MERCHANT_CATEGORIES.indexOf(name)));
    expect(median(ofCategory('grocery'))).toBeGreaterThan(35);
    expect(median(ofCategory('grocery'))).toBeLessThan(45);
    expect(median(ofCategory('travel'))).toBeGreaterThan(250);
    expect(Math.min(...data.amount)).toBeGreaterThan(0);
    expect(data.amount.every((a) => Math.round(a * 100) / 100 === a)).toBe(true);
  });

  it('shifts amounts, foreign, online and night-time shares at drift 1, but not age', () => {
    const [d0, d1] = [0, 1].map((drift) => generateFraud(options({ rows: 20_000, drift, seed: 5 })));
    expect(median(d1.amount) / median(d0.amount)).toBeGreaterThan(1.4);
    const foreign = (d: typeof d0) => meanOf(d.country, (c) => (c > 0 ? 1 : 0));
    const night = (d: typeof d0) => meanOf(d.hour, (h) => (isNight(h) ? 1 : 0));
    const online = (d: typeof d0) => meanOf(d.cardPresent, (p) => 1 - p);
    expect(foreign(d1)).toBeGreaterThan(2 * foreign(d0));
    expect(night(d1)).toBeGreaterThan(2.5 * night(d0));
    expect(online(d1)).toBeGreaterThan(online(d0) + 0.15);
    expect(Math.abs(meanOf(d1.customerAge) - meanOf(d0.customerAge))).toBeLessThan(0.5);
  });

  it('ties fraud to the features it names: foreign, card-not-present and night rows are riskier', () => {
    const data = generateFraud(options({ rows: 50_000 }));
    const rate = (keep: (i: number) => boolean) => {
      let n = 0;
      let k = 0;
      for (let i = 0; i < data.rows; i++) {
        if (!keep(i)) continue;
        n++;
        k += data.isFraud[i];
      }
      return k / n;
    };
    expect(rate((i) => data.country[i] > 0)).toBeGreaterThan(3 * rate((i) => data.country[i] === 0));
    expect(rate((i) => data.cardPresent[i] === 0)).toBeGreaterThan(3 * rate((i) => data.cardPresent[i] === 1));
    expect(rate((i) => isNight(data.hour[i]))).toBeGreaterThan(2 * rate((i) => !isNight(data.hour[i])));
  });
});
