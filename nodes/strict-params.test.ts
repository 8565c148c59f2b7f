// Every node type refuses a misspelt param and names the real one: table-driven over the registry,
// so a new node is covered without a new test. zod alone would strip the key and run the default.
import { describe, expect, it } from 'vitest';
import { compile } from '../engine/compile';
import type { PipelineDoc } from '../engine/document';
import { unknownKeys } from '../engine/unknown-keys';
import { createRegistry } from './registry';

const registry = createRegistry({ testNodes: true });

/** The param keys a node's schema names at the top (what the walker offers as suggestions). */
function paramKeys(def: { params: Parameters<typeof unknownKeys>[0] }): string[] {
  return unknownKeys(def.params, { '\u0000probe': 1 })[0]?.known ?? [];
}

/** A one-letter typo: the middle letter dropped, or a letter added to a short key. */
function misspell(key: string): string {
  if (key.length < 4) return `${key}x`;
  const i = Math.floor(key.length / 2);
  return key.slice(0, i) + key.slice(i + 1);
}

function docWith(type: string, version: number, params: Record<string, unknown>): PipelineDoc {
  return { schemaVersion: 1, id: 'p', name: 'p', nodes: [{ id: 'n', type, version, params, position: { x: 0, y: 0 } }], edges: [] };
}

function issuesOf(doc: PipelineDoc) {
  const result = compile(doc, registry);
  return result.ok ? result.value.warnings : result.error;
}

describe.each(registry.list().map((def) => ({ key: `${def.type}@${def.version}`, def })))('$key', ({ def }) => {
  const keys = paramKeys(def);

  // Defined only for nodes with params (one without has no key to misspell); the next test covers
  // every node, refusing a key it does not have.
  if (keys.length > 0) it('rejects each misspelt param and suggests the real key', () => {
    for (const key of keys) {
      const wrong = misspell(key);
      if (keys.includes(wrong)) continue;
      const unknown = issuesOf(docWith(def.type, def.version, { [wrong]: 1 })).filter((i) => i.code === 'unknown_param');
      expect(unknown, `${key} → ${wrong}`).toEqual([
        expect.objectContaining({ severity: 'error', nodeId: 'n', field: `params.${wrong}`, message: expect.stringContaining(`"${wrong}"`) }),
      ]);
      // The suggestion names the key that was misspelt, not merely some real key.
      const suggested = /Did you mean "([^"]+)"\?/.exec(unknown[0].message)?.[1];
      expect(suggested, `${key} → ${wrong}: ${unknown[0].message}`).toBe(key);
    }
  });

  it('rejects a key it does not have at all, listing the ones it has', () => {
    const unknown = issuesOf(docWith(def.type, def.version, { zzzzzzzzzzzz: 1 })).filter((i) => i.code === 'unknown_param');
    expect(unknown).toHaveLength(1);
    for (const key of keys) expect(unknown[0].message).toContain(`"${key}"`);
  });
});

describe('the issue 15 typos', () => {
  it('"treshold" on evaluate/predictions suggests "threshold"', () => {
    const [issue] = issuesOf(docWith('evaluate/predictions', 1, { treshold: 0.9 })).filter((i) => i.code === 'unknown_param');
    expect(issue.message).toMatch(/unknown param "treshold"\. Did you mean "threshold"\?/);
  });

  it('"nEstimator" on the random forest suggests "nEstimators"', () => {
    const [issue] = issuesOf(docWith('train/random-forest', 1, { nEstimator: 5 })).filter((i) => i.code === 'unknown_param');
    expect(issue.message).toMatch(/Did you mean "nEstimators"\?/);
  });
});

describe('nested params', () => {
  it('names the place of a misspelt key inside a list of objects', () => {
    const gates = [{ metric: 'accuracy', op: '>=', valeu: 0.9 }];
    const unknown = issuesOf(docWith('evaluate/model', 1, { gates })).filter((i) => i.code === 'unknown_param');
    expect(unknown).toEqual([expect.objectContaining({ field: 'params.gates.0.valeu', message: expect.stringContaining('Did you mean "value"?') })]);
  });
});
