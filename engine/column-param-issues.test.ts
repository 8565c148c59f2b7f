import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inferColumns } from './column-flow';
import { columnParamIssues } from './column-param-issues';
import { COLUMN_PARAM_KEY } from './columns';
import type { NodeDefinition } from './node-definition';
import { createTestRegistry, TEST_NODE_DEFINITIONS } from './test-registry';
import { testDoc } from './test-doc';

const picker = z.string().meta({ [COLUMN_PARAM_KEY]: 'table' });
const base = { category: 'test', description: 'x', runsOn: ['server'], deterministic: true, version: 1, run: async () => ({}) } as const;
const source: NodeDefinition = {
  ...base,
  type: 'test/columns',
  title: 'Columns',
  inputs: [],
  outputs: [{ name: 'table', kind: 'table' }],
  params: z.object({}),
  outputColumns: () => ({ table: ['age', 'income', 'churned'].map((name) => ({ name, type: 'numeric', role: 'feature' })) }),
};
const reader: NodeDefinition = {
  ...base,
  type: 'test/reader',
  title: 'Reader',
  inputs: [{ name: 'table', kind: 'table' }],
  outputs: [],
  params: z.object({ target: picker.default(''), features: z.array(picker).default([]), rules: z.array(z.object({ column: picker })).default([]) }),
};
const registry = createTestRegistry([...TEST_NODE_DEFINITIONS, source, reader]);
const issuesOf = (params: Record<string, unknown>) => {
  const doc = testDoc([{ id: 'src', type: 'test/columns' }, { id: 'read', type: 'test/reader', params }], ['src.table>read.table']);
  return columnParamIssues(doc, registry, inferColumns(doc, registry));
};

describe('columnParamIssues', () => {
  it('reports a column the input does not have, with a guess and the columns there are', () => {
    expect(issuesOf({ target: 'churnd' })).toEqual([
      {
        severity: 'error',
        code: 'unknown_column',
        nodeId: 'read',
        field: 'params.target',
        message: 'Node "read" (Reader): params.target names column "churnd", which its table input does not have. Did you mean "churned"? Available columns: age, income, churned',
      },
    ]);
  });

  it('checks names in lists and in list rows, and passes the right ones and empty ones', () => {
    const issues = issuesOf({ target: '', features: ['age', 'incme'], rules: [{ column: 'age' }, { column: 'zip' }] });
    expect(issues.map((i) => i.field)).toEqual(['params.features.1', 'params.rules.1.column']);
    expect(issuesOf({ target: 'churned', features: ['age', 'income'] })).toEqual([]);
  });

  it('checks nothing where the input columns are not known before running', () => {
    const doc = testDoc([{ id: 'read', type: 'test/reader', params: { target: 'anything' } }]);
    expect(columnParamIssues(doc, registry, inferColumns(doc, registry))).toEqual([]);
  });
});
