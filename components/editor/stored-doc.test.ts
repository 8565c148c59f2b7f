import { describe, expect, it } from 'vitest';
import { readStoredDoc } from './stored-doc';
import { sampleDoc } from './test-fixtures';

describe('readStoredDoc', () => {
  it('takes a stored document as it is', () => {
    const doc = sampleDoc();
    expect(readStoredDoc(doc)).toEqual({ ok: true, doc });
  });

  it('names what is malformed', () => {
    expect(readStoredDoc(null)).toEqual({ ok: false, problem: 'it is not a pipeline document' });
    expect(readStoredDoc({ ...sampleDoc(), edges: undefined })).toEqual({ ok: false, problem: 'it has no nodes or edges list' });
    const doc = sampleDoc() as unknown as { nodes: Record<string, unknown>[] };
    delete doc.nodes[1].position;
    expect(readStoredDoc(doc)).toEqual({ ok: false, problem: 'node #2 is malformed' });
  });
});
