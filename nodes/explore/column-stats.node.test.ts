import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../codec';
import { sampleDatasetNode } from '../ingest/sample-dataset.node';
import { fakeContext } from '../testing/fake-context';
import { inferredAndRun } from '../testing/output-columns-kit';
import { columnStatsNode } from './column-stats.node';
import type { ColumnStatsReport } from './column-stats.node';

const readBundled = (path: string) => readFile(new URL(`../${path}`, import.meta.url)).then((b) => new Uint8Array(b));

async function irisReport(): Promise<ColumnStatsReport> {
  const ctx = fakeContext({ readBundled });
  const { table } = await sampleDatasetNode.run({ inputs: {}, params: { dataset: 'iris' }, ctx });
  const { report } = await columnStatsNode.run({ inputs: { table }, params: {}, ctx });
  if (report.kind !== 'report') throw new Error('expected a report');
  return report.report as ColumnStatsReport;
}

describe('explore/column-stats on iris', () => {
  it('agrees with pandas describe() for sepal length', async () => {
    const sepal = (await irisReport()).columns.find((c) => c.name === 'sepal_length_cm');
    if (sepal?.type !== 'numeric') throw new Error('expected numeric stats');
    // pandas: count 150, mean 5.843333, std 0.828066, min 4.3, 25% 5.1, 50% 5.8, 75% 6.4, max 7.9
    expect(sepal).toMatchObject({ count: 150, missing: 0, min: 4.3, max: 7.9, p25: 5.1, p50: 5.8, p75: 6.4 });
    expect(sepal.mean).toBeCloseTo(5.843333, 6);
    expect(sepal.std).toBeCloseTo(0.828066, 6);
  });

  it('lists the three species, 50 each, on the target', async () => {
    const species = (await irisReport()).columns.find((c) => c.name === 'species');
    expect(species).toMatchObject({ role: 'target', type: 'categorical', distinct: 3 });
    expect(species?.type !== 'numeric' && species?.type !== 'datetime' && species?.top.map((t) => t.count)).toEqual([50, 50, 50]);
  });

  it('makes a report that survives the codec unchanged', async () => {
    const report = await irisReport();
    expect(report).toMatchObject({ type: 'column-stats', rows: 150 });
    const decoded = decodeValue('report', encodeValue({ kind: 'report', report }).bytes);
    expect(decoded).toEqual({ kind: 'report', report });
  });
});

describe('explore/column-stats columns before running', () => {
  it('has no table output, so nothing to pick from downstream', async () => {
    const ctx = fakeContext({ readBundled });
    const { table } = await sampleDatasetNode.run({ inputs: {}, params: { dataset: 'iris' }, ctx });
    const { inferred, ran } = await inferredAndRun(columnStatsNode, {}, { table });
    expect(inferred).toEqual({ report: null });
    expect(ran).toEqual(inferred);
  });
});
