import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { inferredAndRun } from '../testing/output-columns-kit';
import { clipOutliersNode } from './clip-outliers.node';
import { cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const spread = Array.from({ length: 101 }, (_, i) => i); // 0..100: the 5% quantile is 5, the 95% is 95
const input = tableOf(
  col('x', 'numeric', spread),
  col('y', 'numeric', spread.map((v) => v * 10), 'target'),
  col('name', 'text', spread.map(String)),
);

describe('clean/clip-outliers', () => {
  it('clips every numeric feature to quantiles by default, leaving the target alone', async () => {
    const { outputs, messages } = await runNode(clipOutliersNode, input, { lower: 0.05, upper: 0.95 });
    const x = cellsOf(outputs.table, 'x') as number[];
    expect([Math.min(...x), Math.max(...x)]).toEqual([5, 95]);
    expect(cellsOf(outputs.table, 'y')).toEqual(spread.map((v) => v * 10));
    expect(messages).toEqual(['"x": clipped 5 values up to 5 and 5 down to 95']);
  });

  it('clips the chosen columns to fixed bounds, one side open', async () => {
    const { outputs } = await runNode(clipOutliersNode, input, { columns: ['y'], method: 'fixed', max: 500 });
    const y = cellsOf(outputs.table, 'y') as number[];
    expect([Math.min(...y), Math.max(...y)]).toEqual([0, 500]);
    expect(cellsOf(outputs.table, 'x')).toEqual(spread);
  });

  it('checks its params: fixed needs a bound, quantiles must be ordered', () => {
    expect(clipOutliersNode.params.safeParse({ method: 'fixed' }).error?.issues[0].path).toEqual(['min']);
    expect(clipOutliersNode.params.safeParse({ lower: 0.9, upper: 0.1 }).error?.issues[0].path).toEqual(['upper']);
    expect(clipOutliersNode.params.safeParse({ method: 'fixed', min: 3, max: 1 }).success).toBe(false);
  });

  it('refuses a column that is not numeric', async () => {
    const failure = runNode(clipOutliersNode, input, { columns: ['name'] });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow('Clipping needs a numeric column; "name" is text');
  });
});

describe('clean/clip-outliers columns before running', () => {
  it('match a run: values change, columns stay', async () => {
    const { inferred, ran } = await inferredAndRun(clipOutliersNode, { columns: ['amount'] }, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
  });
});
