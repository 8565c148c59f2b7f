import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context';
import { tableFromColumns } from '../table/table-from-columns';
import type { ColumnInfo, TableValue } from '../values';
import { driftTablesNode } from './drift-tables.node.ts';
import type { DriftReport, NumericDrift } from './drift/drift-result';

function table(amounts: number[], cities: string[], extra?: string): TableValue {
  const columns: { info: ColumnInfo; values: (number | string)[] }[] = [
    { info: { name: 'amount', type: 'numeric', role: 'feature' }, values: amounts },
    { info: { name: extra ?? 'city', type: 'categorical', role: 'feature' }, values: cities },
    { info: { name: 'id', type: 'numeric', role: 'id' }, values: amounts.map((_, i) => i) },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

const n = 300;
const spread = (shift: number) => Array.from({ length: n }, (_, i) => ((i * 0.618034) % 1) * 100 + shift);
const cities = (newCity: boolean) => Array.from({ length: n }, (_, i) => (newCity && i % 5 === 0 ? 'Nice' : i % 2 ? 'Lyon' : 'Paris'));

async function run(current: TableValue, params: Record<string, unknown> = {}) {
  const out = await driftTablesNode.run({ inputs: { reference: table(spread(0), cities(false)), current }, params: driftTablesNode.params.parse(params), ctx: fakeContext() });
  return (out.report as unknown as { report: DriftReport & { type: string; title: string } }).report;
}

describe('monitor/drift', () => {
  it('compares every feature column, leaving ids out, and finds none drifted in like data', async () => {
    const report = await run(table(spread(0), cities(false)));
    expect(report.type).toBe('drift');
    expect(report.features.map((f) => f.name)).toEqual(['amount', 'city']);
    expect(report.drifted).toBe(false);
  });

  it('flags a shifted amount and a new city', async () => {
    const report = await run(table(spread(30), cities(true)));
    expect(report.driftedFeatures).toEqual(['amount', 'city']);
    expect((report.features[0] as NumericDrift).wasserstein).toBeCloseTo(30, 6);
    expect(report.title).toBe('Drift: 2 of 2 columns (300 current rows vs 300 reference rows)');
  });

  it('switches a p-value test off at 0', async () => {
    const report = await run(table(spread(3), cities(false)), { psi: 100, ksPValue: 0 });
    expect(report.drifted).toBe(false);
  });

  it('names a column the current table lacks, with the closest name', async () => {
    await expect(run(table(spread(0), cities(false), 'City'))).rejects.toThrow('Column "city" is in the reference table but not in the current one; did you mean "City"?');
    await expect(run(table(spread(0), cities(false)), { columns: ['amont'] })).rejects.toThrow(/Column "amont" is not in the table/);
  });
});
