// The cache-key promises the compiler makes: nothing cosmetic changes a key, and a change in
// behaviour changes the key of that step and of everything downstream, and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseDocument, type PipelineDoc } from './document';
import type { Plan } from './plan';
import { createTestRegistry, TEST_ENV, TEST_NODE_DEFINITIONS } from './test-registry';

function diamond(): PipelineDoc {
  const text = readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'pipelines', 'diamond.json'), 'utf8');
  const parsed = parseDocument(text);
  if (!parsed.ok) throw new Error('diamond fixture does not parse');
  return parsed.value;
}

function keys(doc: PipelineDoc, env = TEST_ENV): Record<string, string | null> & { docHash: string } {
  const result = compile(doc, createTestRegistry(), env);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const plan: Plan = result.value;
  return { docHash: plan.docHash, ...Object.fromEntries(plan.steps.map((s) => [s.id, s.cacheKey])) };
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]).sort();
}

describe('cache keys', () => {
  const base = keys(diamond());

  it('every step of the diamond has a key', () => {
    expect(Object.values(base).every((k) => typeof k === 'string' && k.length === 64)).toBe(true);
  });

  it('do not change when nodes move, labels change or the pipeline is renamed', () => {
    const doc = diamond();
    doc.name = 'Renamed';
    doc.description = 'Now described';
    doc.nodes.forEach((n, i) => {
      n.position = { x: n.position.x * 3 + 17, y: -n.position.y - i };
      n.label = `Label ${i}`;
    });
    expect(keys(doc)).toEqual(base);
  });

  it('change for the edited node and everything downstream of it, and nothing else', () => {
    const doc = diamond();
    doc.nodes.find((n) => n.id === 'right')!.params.factor = 4;
    expect(changedKeys(base, keys(doc))).toEqual(['docHash', 'join', 'out', 'right']);
  });

  it('do not change when a param is set to its default value explicitly', () => {
    const doc = diamond();
    doc.nodes.find((n) => n.id === 'left')!.params = { factor: 1, mode: 'scale' };
    expect(changedKeys(base, keys(doc))).toEqual(['docHash']);
  });

  it('follow the source data: a new dataset hash changes every step that reads it', () => {
    const env = { datasetHash: (name: string) => `v2-of-${name}` };
    expect(changedKeys(base, keys(diamond(), env))).toEqual(['join', 'left', 'out', 'right', 'src']);
  });

  it('do not depend on placement, so a browser run is a cache hit for the server', () => {
    const doc = diamond();
    doc.nodes.find((n) => n.id === 'left')!.placement = 'server';
    expect(changedKeys(base, keys(doc))).toEqual(['docHash']);
  });

  it('do not depend on which pipeline a step is in', () => {
    const doc = { ...diamond(), id: 'another-pipeline' };
    expect(keys(doc)).toEqual(base);
  });

  describe('with implementation hashes', () => {
    const withHash = (hashes: Record<string, string>) =>
      createTestRegistry(TEST_NODE_DEFINITIONS.map((d) => ({ ...d, implementationHash: hashes[d.type] ?? `impl-of-${d.type}@${d.version}` })));
    const hashedKeys = (registry: ReturnType<typeof createTestRegistry>, env = TEST_ENV) => {
      const result = compile(diamond(), registry, env);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };

    it('key each step by its code: a different join changes the join and what reads it, nothing else', () => {
      const before = hashedKeys(withHash({}));
      const after = hashedKeys(withHash({ 'test/join': 'a newer join' }));
      const byId = (plan: Plan) => Object.fromEntries(plan.steps.map((s) => [s.id, s.cacheKey]));
      expect(changedKeys(byId(before), byId(after))).toEqual(['join', 'out']);
      expect(after.steps.find((s) => s.id === 'join')).toMatchObject({ implementationHash: 'a newer join', fingerprint: { codeHash: 'a newer join' } });
    });

    it('leave the code out when upgrades are treated as cache-compatible, and the plan says so', () => {
      const registry = { ...withHash({ 'test/join': 'a newer join' }), build: { pipeworksVersion: '9.9.9', registryHash: 'r' } };
      const plan = hashedKeys(registry, { ...TEST_ENV, upgradesCacheCompatible: true });
      const join = plan.steps.find((s) => s.id === 'join')!;
      expect(join.fingerprint!.codeHash).toBe('builtin:test/join@1');
      expect(join.implementationHash).toBe('a newer join');
      expect(plan.build).toEqual({ pipeworksVersion: '9.9.9', registryHash: 'r', upgradesCacheCompatible: true });
      expect(join.cacheKey).toBe(keys(diamond()).join);
    });
  });
});

