import { describe, expect, it } from 'vitest';
import { inferredAndRun } from '../testing/output-columns-kit';
import { deduplicateNode } from './deduplicate.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('row', 'numeric', [1, 2, 3, 4, 5], 'id'),
  col('email', 'text', ['a@x', 'b@x', 'a@x', 'a@x', null]),
  col('plan', 'categorical', ['pro', 'free', 'pro', 'free', null]),
);

describe('clean/deduplicate', () => {
  it('compares all columns by default (here every row differs by its id)', async () => {
    const { outputs, messages } = await runNode(deduplicateNode, input, {});
    expect(asTable(outputs.table).table.numRows).toBe(5);
    expect(messages).toEqual(['Removed 0 duplicate rows of 5 (compared on all columns, kept the first)']);
  });

  it('compares the chosen columns and keeps the first or the last', async () => {
    const first = await runNode(deduplicateNode, input, { columns: ['email', 'plan'] });
    expect(cellsOf(first.outputs.table, 'row')).toEqual([1, 2, 4, 5]);
    expect(first.messages).toEqual(['Removed 1 duplicate rows of 5 (compared on "email", "plan", kept the first)']);
    const last = await runNode(deduplicateNode, input, { columns: ['email'], keep: 'last' });
    expect(cellsOf(last.outputs.table, 'row')).toEqual([2, 4, 5]);
    expect(asTable(last.outputs.table).columns).toEqual(input.columns);
  });

  it('names an unknown column', async () => {
    await expect(runNode(deduplicateNode, input, { columns: ['mail'] })).rejects.toMatchObject({
      details: { field: 'columns.0', column: 'mail' },
    });
  });
});

describe('clean/deduplicate columns before running', () => {
  it('match a run: rows go, columns stay', async () => {
    const { inferred, ran } = await inferredAndRun(deduplicateNode, { columns: ['id'] }, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
  });
});
