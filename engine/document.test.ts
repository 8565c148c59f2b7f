import { describe, expect, it } from 'vitest';
import { parseDocument } from './document';

const doc = (params: Record<string, unknown>) => ({
  schemaVersion: 1,
  id: 'p',
  name: 'P',
  nodes: [{ id: 'split', type: 'split/random', version: 1, params, position: { x: 0, y: 0 } }],
  edges: [],
});

describe('parseDocument', () => {
  it('accepts a document whose values are all JSON', () => {
    expect(parseDocument(doc({ train: 0.75 })).ok).toBe(true);
  });

  // Found by fuzzing pipeline.save: superjson carries NaN and Infinity, and hashing the document
  // then threw, answering 500.
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %s in params with the node and field named', (bad) => {
    const parsed = parseDocument(doc({ train: bad }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toEqual([
      expect.objectContaining({ code: 'invalid_document', nodeId: 'split', field: 'nodes[0].params.train', message: expect.stringMatching(/^Node "split": params\.train is not a JSON value/) }),
    ]);
  });
});

// zod strips keys it does not know, so a misspelt field would vanish on save without a word.
describe('unknown fields', () => {
  const base = () => ({
    ...doc({}),
    nodes: [{ id: 'a', type: 't', version: 1, params: {}, position: { x: 0, y: 0 } }],
    edges: [{ id: 'e', source: 'a', sourceHandle: 'out', target: 'a', targetHandle: 'in' }],
  });
  const issues = (value: unknown) => {
    const parsed = parseDocument(value);
    return parsed.ok ? [] : parsed.error;
  };

  it('refuses an unknown node field, naming the node and the closest field', () => {
    const d = base();
    d.nodes[0] = { ...d.nodes[0], lable: 'x' } as (typeof d.nodes)[0];
    expect(issues(d)).toEqual([
      { severity: 'error', code: 'unknown_field', nodeId: 'a', field: 'nodes[0].lable', message: 'Node "a": lable is not a known field. Did you mean "label"?' },
    ]);
  });

  it('refuses an unknown edge field, naming the edge and the closest field', () => {
    const d = base();
    d.edges[0] = { ...d.edges[0], targetHandel: 'in' } as (typeof d.edges)[0];
    expect(issues(d)).toEqual([
      expect.objectContaining({ code: 'unknown_field', edgeId: 'e', field: 'edges[0].targetHandel', message: 'Edge "e": targetHandel is not a known field. Did you mean "targetHandle"?' }),
    ]);
  });

  it('refuses an unknown document field and a nested one, listing the known fields when none is close', () => {
    const found = issues({ ...base(), colour: 'red', settings: { placment: 'server' } });
    expect(found.map((i) => i.message)).toEqual([
      expect.stringMatching(/^"colour" is not a known document field\. \(known fields: "schemaVersion", "id", "name"/),
      'settings.placment: is not a known field. Did you mean "placement"?',
    ]);
  });

  it('accepts "$schema", which points editors at the published JSON Schema, and does not keep it', () => {
    const parsed = parseDocument({ $schema: '../docs/pipeline.schema.json', ...base() });
    expect(parsed.ok && Object.keys(parsed.value)).not.toContain('$schema');
    expect(parsed.ok).toBe(true);
  });
});

describe('an empty key', () => {
  it('is still placed at a field (found by fuzzing pipeline.compile)', () => {
    const parsed = parseDocument({ ...doc({}), '': false });
    expect(parsed.ok ? [] : parsed.error).toEqual([expect.objectContaining({ code: 'unknown_field', field: '[""]' })]);
  });
});
