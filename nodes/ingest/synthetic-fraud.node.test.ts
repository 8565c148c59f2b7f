import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { encodeValue } from '../codec';
import type { ModelArtifact, ModelValue } from '../models/model-artifact';
import { predictTable } from '../models/predict';
import { readColumn } from '../table/read-column';
import { fakeContext } from '../testing/fake-context';
import { inferredAndRun } from '../testing/output-columns-kit';
import { logisticRegressionNode } from '../train/logistic-regression.node';
import { rankAuc } from '../train/rank-auc';
import type { TableValue } from '../values';
import { syntheticFraudNode } from './synthetic-fraud.node';

async function generate(params: object = {}) {
  const ctx = fakeContext();
  const out = await syntheticFraudNode.run({ inputs: {}, params: syntheticFraudNode.params.parse(params), ctx });
  return { value: out.table as TableValue, ctx };
}

async function fit(train: TableValue): Promise<ModelArtifact> {
  const params = logisticRegressionNode.params.parse({ classWeight: 'balanced' });
  const out = await logisticRegressionNode.run({ inputs: { train }, params, ctx: fakeContext() });
  return (out.model as ModelValue).model;
}

async function auc(model: ModelArtifact, test: TableValue): Promise<number> {
  const { scores } = await predictTable(model, test, fakeContext().ml);
  const truth = readColumn(test.table, 'is_fraud');
  return rankAuc(Array.from(truth, (_, i) => scores[i * 2 + 1]), truth.map((t) => t === '1'));
}

describe('ingest/synthetic-fraud', () => {
  it('has documented defaults and refuses out-of-range params', () => {
    expect(syntheticFraudNode.params.parse({})).toEqual({
      rows: 20_000, seed: 0, fraudRate: 0.02, drift: 0, startDate: '2026-01-01', days: 30,
    });
    for (const bad of [{ rows: 99 }, { rows: 2_000_001 }, { drift: 1.5 }, { fraudRate: 0 }, { startDate: '2026-02-30' }, { startDate: '1/1/2026' }, { days: 0 }]) {
      expect(syntheticFraudNode.params.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('outputs typed columns with id, time and target roles', async () => {
    const { value, ctx } = await generate({ rows: 1000, startDate: '2026-03-01', days: 2 });
    expect(value.columns.map((c) => [c.name, c.type, c.role])).toEqual([
      ['transaction_id', 'text', 'id'],
      ['timestamp', 'datetime', 'time'],
      ['amount', 'numeric', 'feature'],
      ['merchant_category', 'categorical', 'feature'],
      ['hour', 'numeric', 'feature'],
      ['country', 'categorical', 'feature'],
      ['card_present', 'boolean', 'feature'],
      ['customer_age', 'numeric', 'feature'],
      ['distance_from_home_km', 'numeric', 'feature'],
      ['is_fraud', 'categorical', 'target'],
    ]);
    expect(value.table.numRows).toBe(1000);
    expect(readColumn(value.table, 'transaction_id').slice(0, 2)).toEqual(['tx-0-0000001', 'tx-0-0000002']);
    const times = readColumn(value.table, 'timestamp') as number[];
    expect(times[0]).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 1));
    expect(times.at(-1)).toBeLessThan(Date.UTC(2026, 2, 3));
    expect(new Set(readColumn(value.table, 'is_fraud'))).toEqual(new Set(['0', '1']));
    expect(readColumn(value.table, 'country')).toContain('US');
    expect(ctx.logs.at(-1)?.message).toMatch(/^Generated 1000 transactions over 2 days .* fraud \(\d+\.\d\d%, asked 2\.00%\)$/);
  });

  it('encodes to the same bytes on every run (pinned hash)', async () => {
    // Artifact ids are these bytes' hash: a change in the generator must come with a new node version.
    const bytes = encodeValue((await generate({ rows: 2000, seed: 42, drift: 0.3 })).value).bytes;
    expect(sha256Hex(bytes)).toBe('60405e5a7d65e74bf5af285361ecede83dc6c714dea7cfff0cf80b5a9b21f9ff');
  });

  it('is learnable: a logistic regression fitted at drift 0 ranks held-out drift-0 fraud with AUC > 0.85', async () => {
    const model = await fit((await generate({ rows: 5000, seed: 1 })).value);
    const reference = await auc(model, (await generate({ rows: 5000, seed: 2 })).value);
    expect(reference).toBeGreaterThan(0.85);
    // The drift also changes how fraud depends on the features, so the same model ranks drift-1 fraud worse.
    const shifted = await auc(model, (await generate({ rows: 5000, seed: 2, drift: 1 })).value);
    expect(shifted).toBeLessThan(reference - 0.03);
  });
});

describe('ingest/synthetic-fraud columns before running', () => {
  it.each([{ rows: 100 }, { rows: 100, drift: 1, seed: 3 }])('match a run with %j', async (raw) => {
    const { inferred, ran } = await inferredAndRun(syntheticFraudNode, raw, {});
    expect(inferred).toEqual(ran);
    expect(inferred.table?.find((c) => c.role === 'target')?.name).toBe('is_fraud');
  });
});
