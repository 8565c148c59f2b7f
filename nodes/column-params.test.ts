// Which params name columns, as the inspector sees them in the params JSON Schema: pinned here so a
// column param that loses its mark (or names a port the node lacks) fails a test, not a picker.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../engine/columns';
import { createRegistry } from './registry';

type Json = Record<string, unknown>;

/** "path → port" for every marked schema: "features[]", "conditions[].column", "expectations[].column". */
function columnParams(schema: unknown, path = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Json;
  const found = typeof s[COLUMN_PARAM_KEY] === 'string' ? [`${path} → ${s[COLUMN_PARAM_KEY]}`] : [];
  const properties = (s.properties ?? {}) as Json;
  for (const [key, sub] of Object.entries(properties)) found.push(...columnParams(sub, path ? `${path}.${key}` : key));
  if (s.items) found.push(...columnParams(s.items, `${path}[]`));
  for (const variants of [s.anyOf, s.oneOf]) {
    if (Array.isArray(variants)) for (const v of variants) found.push(...columnParams(v, path));
  }
  return [...new Set(found)];
}

const EXPECTED: Record<string, string[]> = {
  'clean/select-columns': ['columns[] → table'],
  'clean/rename-columns': ['renames[].from → table'],
  'clean/cast-columns': ['casts[].column → table'],
  'clean/filter-rows': ['conditions[].column → table'],
  'clean/deduplicate': ['columns[] → table'],
  'clean/missing-values': ['columns[].column → table'],
  'clean/clip-outliers': ['columns[] → table'],
  'clean/set-roles': ['roles[].column → table'],
  'clean/validate': ['expectations[].column → table', 'expectations[].columns[].name → table'],
  'split/random': ['stratifyBy → table', 'groupBy → table'],
  'split/time': ['timeColumn → table'],
  'train/logistic-regression': ['target → train', 'features[] → train'],
  'train/linear-regression': ['target → train', 'features[] → train'],
  'train/random-forest': ['target → train', 'features[] → train'],
  'train/mlp': ['target → train', 'features[] → train'],
  'train/hyperparameter-search': ['target → train', 'features[] → train'],
  'evaluate/predictions': ['target → table', 'scoreColumns[] → table'],
  'monitor/drift': ['columns[] → reference'],
};

describe.each(createRegistry({ testNodes: true }).list())('column params of $type', (def) => {
  const schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' });

  it('are the ones expected, each marked for the inspector', () => {
    expect(columnParams(schema)).toEqual(EXPECTED[def.type] ?? []);
  });

  it('name a table input of this node', () => {
    const tables = def.inputs.filter((p) => p.kind === 'table').map((p) => p.name);
    for (const entry of columnParams(schema)) expect(tables).toContain(entry.split(' → ')[1]);
  });
});
