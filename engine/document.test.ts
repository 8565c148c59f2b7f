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
