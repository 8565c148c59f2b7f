import { describe, expect, it } from 'vitest';
import { MERCHANT_CATEGORIES } from '../../nodes/ingest/fraud-world';
import { driftRows } from './drift-rows';
import { describeScenario, driftScenarioSchema, NEW_MERCHANT_CATEGORIES } from './drift-scenario';

const scenario = (over: Record<string, unknown> = {}) => driftScenarioSchema.parse(over);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const amounts = (rows: ReturnType<typeof driftRows>) => rows.map((r) => r.values.amount as number);

describe('driftRows', () => {
  it('gives the same rows for the same seed, and other rows for another', () => {
    expect(driftRows(scenario({ seed: 7 }), 300)).toEqual(driftRows(scenario({ seed: 7 }), 300));
    expect(driftRows(scenario({ seed: 8 }), 300)).not.toEqual(driftRows(scenario({ seed: 7 }), 300));
  });

  it('makes the fraud table columns, with the generator labels 0 and 1', () => {
    const [row] = driftRows(scenario(), 1);
    expect(Object.keys(row.values)).toEqual(['transaction_id', 'timestamp', 'amount', 'merchant_category', 'hour', 'country', 'card_present', 'customer_age', 'distance_from_home_km']);
    expect(['0', '1']).toContain(row.label);
  });

  it('scales amounts and leaves the other columns as they were', () => {
    const plain = driftRows(scenario(), 500);
    const scaled = driftRows(scenario({ amountScale: 2 }), 500);
    expect(mean(amounts(scaled)) / mean(amounts(plain))).toBeCloseTo(2, 2);
    expect(scaled.map((r) => r.values.merchant_category)).toEqual(plain.map((r) => r.values.merchant_category));
  });

  it('moves about the asked share of rows to categories the generator never draws', () => {
    const rows = driftRows(scenario({ newCategoryShare: 0.3 }), 2000);
    const fresh = rows.filter((r) => (NEW_MERCHANT_CATEGORIES as readonly unknown[]).includes(r.values.merchant_category));
    expect(fresh.length / rows.length).toBeGreaterThan(0.26);
    expect(fresh.length / rows.length).toBeLessThan(0.34);
    expect(driftRows(scenario(), 2000).every((r) => (MERCHANT_CATEGORIES as readonly unknown[]).includes(r.values.merchant_category))).toBe(true);
  });

  it('follows the fraud rate and the generator drift knob', () => {
    const share = (rate: number) => driftRows(scenario({ fraudRate: rate }), 4000).filter((r) => r.label === '1').length / 4000;
    expect(share(0.02)).toBeLessThan(0.04);
    expect(share(0.2)).toBeGreaterThan(0.15);
    // At drift 1 the generator's amounts are about e^0.4 times larger.
    expect(mean(amounts(driftRows(scenario({ drift: 1 }), 4000))) / mean(amounts(driftRows(scenario(), 4000)))).toBeGreaterThan(1.3);
  });

  it('refuses an unknown scenario field and says the scenario in words', () => {
    expect(() => driftScenarioSchema.parse({ amountScal: 2 })).toThrow(/amountScal/);
    expect(describeScenario(scenario({ drift: 1, amountScale: 1.5, newCategoryShare: 0.2, fraudRate: 0.05 }))).toBe('drift 1, amounts ×1.5, 20% new merchant categories, fraud rate 5%, seed 1');
  });
});
