// The `register` option says where a trained model goes, not how it is trained: it is validated
// like any param, but never changes the train step's cache key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { createRegistry } from '../registry';

function classifier(): PipelineDoc {
  const parsed = parseDocument(readFileSync(new URL('../../server/pipelines/samples/breast-cancer-classifier.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('sample does not parse');
  return parsed.value;
}

function compiled(doc: PipelineDoc) {
  return compile(doc, createRegistry(), {});
}

describe('the register option of train nodes', () => {
  it('leaves every cache key as it was, while the step keeps the param for the run to act on', () => {
    const before = compiled(classifier());
    const doc = classifier();
    doc.nodes.find((n) => n.id === 'logistic')!.params.register = 'cancer-screen';
    const after = compiled(doc);
    if (!before.ok || !after.ok) throw new Error('does not compile');
    expect(after.value.steps.map((s) => s.cacheKey)).toEqual(before.value.steps.map((s) => s.cacheKey));
    expect(after.value.steps.find((s) => s.id === 'logistic')!.params.register).toBe('cancer-screen');
  });

  it('refuses a name the registry would refuse, naming the field', () => {
    const doc = classifier();
    doc.nodes.find((n) => n.id === 'logistic')!.params.register = 'not a name!';
    const result = compiled(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContainEqual(expect.objectContaining({ nodeId: 'logistic', field: 'params.register', message: expect.stringMatching(/letters, digits/) }));
  });
});
