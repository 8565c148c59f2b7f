// Every node type describes itself from its one declaration: each param appears, and the example
// node is a valid node of that type (compile would accept its params).
import { describe, expect, it } from 'vitest';
import { describeNode } from './describe-node';
import { createRegistry } from './registry';

describe.each(createRegistry().list())('description of $type', (def) => {
  const d = describeNode(def);

  it('lists every top-level param and every port', () => {
    const shape = (def.params as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const names = new Set(d.params.map((p) => p.name));
    for (const key of Object.keys(shape)) expect(names).toContain(key);
    expect(d.inputs.map((p) => p.name)).toEqual(def.inputs.map((p) => p.name));
    expect(d.outputs.map((p) => p.name)).toEqual(def.outputs.map((p) => p.name));
  });

  it('gives an example whose params the node accepts', () => {
    expect(d.example).toMatchObject({ type: def.type, version: def.version });
    expect(def.params.safeParse(d.example.params).success).toBe(true);
  });
});

describe('describeNode', () => {
  it('shows types, defaults, allowed values, limits and column params', () => {
    const byType = new Map(createRegistry().list().map((def) => [def.type, describeNode(def)]));
    const evaluate = byType.get('evaluate/model')!.params;
    expect(evaluate.find((p) => p.name === 'threshold')).toMatchObject({ type: 'number', default: 0.5, limits: ['>= 0', '<= 1'], required: false });
    expect(evaluate.find((p) => p.name === 'gates[].op')).toMatchObject({ type: 'enum', default: '>=', allowed: ['>=', '>', '<=', '<'] });
    expect(evaluate.find((p) => p.name === 'gates[].value')).toMatchObject({ type: 'number', required: true });
    expect(byType.get('split/random')!.params.find((p) => p.name === 'stratifyBy')).toMatchObject({ type: 'string', columnsOf: 'table' });
  });
});
