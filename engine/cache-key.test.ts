import { describe, expect, it } from 'vitest';
import { docContentHash, explainCacheMiss, inputKey, stepCacheKey, type CacheKeyParts } from './cache-key';
import { canonicalJSON } from './canonical-json';
import type { PipelineDoc } from './document';
import { sha256Hex } from './hash';
import type { PlanStep } from './plan';

const parts: CacheKeyParts = {
  type: 'test/transform',
  version: 1,
  params: { factor: 2, mode: 'scale' },
  codeHash: 'builtin:test/transform@1',
  deterministic: true,
  inputKeys: { table: 'abc:table' },
};

describe('stepCacheKey', () => {
  it('is the sha256 of the canonical JSON of the behaviour', () => {
    const { type, version, params, codeHash, inputKeys } = parts;
    expect(stepCacheKey(parts)).toBe(sha256Hex(canonicalJSON({ type, version, params, codeHash, inputKeys })));
  });

  it('does not depend on key order in params', () => {
    expect(stepCacheKey({ ...parts, params: { mode: 'scale', factor: 2 } })).toBe(stepCacheKey(parts));
  });

  it.each<[string, Partial<CacheKeyParts>]>([
    ['type', { type: 'test/other' }],
    ['version', { version: 2 }],
    ['params', { params: { factor: 3, mode: 'scale' } }],
    ['code', { codeHash: 'custom:ff' }],
    ['an input', { inputKeys: { table: 'abd:table' } }],
    ['the output read upstream', { inputKeys: { table: 'abc:other' } }],
    ['the source', { sourceKey: 'data-1' }],
  ])('changes when %s changes', (_what, change) => {
    expect(stepCacheKey({ ...parts, ...change })).not.toBe(stepCacheKey(parts));
  });

  it('is null when the node is non-deterministic, its source is unknown, or an upstream key is', () => {
    expect(stepCacheKey({ ...parts, deterministic: false })).toBeNull();
    expect(stepCacheKey({ ...parts, sourceKey: null })).toBeNull();
    expect(stepCacheKey({ ...parts, inputKeys: { a: 'k:x', b: inputKey(null, 'table') } })).toBeNull();
  });

  it('builds input keys from the upstream key and the output name', () => {
    expect(inputKey('k1', 'model')).toBe('k1:model');
    expect(inputKey(null, 'model')).toBeNull();
  });
});

describe('docContentHash', () => {
  const doc: PipelineDoc = {
    schemaVersion: 1,
    id: 'p',
    name: 'Pipeline',
    nodes: [
      { id: 'a', type: 't', version: 1, params: { x: 1 }, position: { x: 0, y: 0 }, label: 'A' },
      { id: 'b', type: 't', version: 1, params: {}, position: { x: 100, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' }],
  };
  const base = docContentHash(doc);

  it('ignores positions, labels, name, description, array order and edge ids', () => {
    const cosmetic: PipelineDoc = {
      ...doc,
      name: 'Renamed',
      description: 'Now with words',
      nodes: [{ ...doc.nodes[1], position: { x: 5, y: 5 } }, { ...doc.nodes[0], label: 'Other' }],
      edges: [{ ...doc.edges[0], id: 'xyflow__edge-a-b' }],
    };
    expect(docContentHash(cosmetic)).toBe(base);
  });

  it('treats absent settings and triggers as the defaults', () => {
    expect(docContentHash({ ...doc, settings: { placement: 'auto' }, triggers: [] })).toBe(base);
  });

  it.each<[string, PipelineDoc]>([
    ['a param', { ...doc, nodes: [{ ...doc.nodes[0], params: { x: 2 } }, doc.nodes[1]] }],
    ['a node placement', { ...doc, nodes: [{ ...doc.nodes[0], placement: 'browser' }, doc.nodes[1]] }],
    ['a node version', { ...doc, nodes: [{ ...doc.nodes[0], version: 2 }, doc.nodes[1]] }],
    ['the wiring', { ...doc, edges: [{ ...doc.edges[0], targetHandle: 'other' }] }],
    ['the settings', { ...doc, settings: { placement: 'server' } }],
    ['the triggers', { ...doc, triggers: [{ kind: 'schedule', cron: '0 * * * *' }] }],
  ])('changes when %s changes', (_what, changed) => {
    expect(docContentHash(changed)).not.toBe(base);
  });
});

describe('explainCacheMiss', () => {
  const step: PlanStep = {
    id: 's',
    type: 'test/source',
    version: 1,
    params: { dataset: 'iris' },
    inputs: {},
    outputs: { table: 'table' },
    placement: 'server',
    deterministic: true,
    cacheKey: 'k1',
    fingerprint: { codeHash: 'builtin:test/source@1', sourceKey: 'd1', inputKeys: {} },
  };

  it('finds nothing when the keys match', () => {
    expect(explainCacheMiss(step, { ...step })).toEqual([]);
  });

  it('says when the step was not in the earlier plan', () => {
    expect(explainCacheMiss(undefined, step)).toEqual(['not run before']);
  });

  it('names every part that changed', () => {
    const next: PlanStep = {
      ...step,
      version: 2,
      params: { dataset: 'wine' },
      cacheKey: 'k2',
      fingerprint: { codeHash: 'custom:1', sourceKey: 'd2', inputKeys: {} },
    };
    expect(explainCacheMiss(step, next)).toEqual([
      'node version changed',
      'params changed',
      'code changed',
      'source data changed',
    ]);
  });

  it('says the build changed the code when node, version and params are the same', () => {
    const next = { ...step, cacheKey: 'k2', fingerprint: { ...step.fingerprint!, codeHash: 'implementation-2' } };
    expect(explainCacheMiss(step, next)).toEqual(['code changed (Pipeworks upgraded)']);
  });

  it('says when upstream data changed', () => {
    const prev = { ...step, fingerprint: { codeHash: 'c', inputKeys: { table: 'u1:table' } } };
    const next = { ...prev, cacheKey: 'k2', fingerprint: { codeHash: 'c', inputKeys: { table: 'u2:table' } } };
    expect(explainCacheMiss(prev, next)).toEqual(['upstream data changed']);
  });

  it('explains why a step has no key at all', () => {
    expect(explainCacheMiss(step, { ...step, deterministic: false, cacheKey: null })).toEqual([
      'not cacheable (non-deterministic)',
    ]);
    const unknownSource = { ...step, cacheKey: null, fingerprint: { codeHash: 'c', sourceKey: null, inputKeys: {} } };
    expect(explainCacheMiss(step, unknownSource)).toEqual(['not cacheable (source data unknown)']);
    const upstream = { ...step, cacheKey: null, fingerprint: { codeHash: 'c', inputKeys: { table: null } } };
    expect(explainCacheMiss(step, upstream)).toEqual(['not cacheable (upstream not cacheable)']);
  });

  it('falls back to a plain reason when the earlier plan has no fingerprint', () => {
    const { fingerprint: _, ...old } = step;
    expect(explainCacheMiss(old, { ...step, cacheKey: 'k2' })).toEqual(['cache key changed']);
  });
});

describe('explainCacheMiss for code carried in params', () => {
  const step = (code: string, extra: Record<string, unknown> = {}): PlanStep => ({
    id: 'c', type: 'code/transform', version: 1, params: { code, ...extra }, inputs: {}, outputs: {}, placement: 'server',
    deterministic: true, codeParams: ['code'], cacheKey: `key-${code}-${JSON.stringify(extra)}`,
    fingerprint: { codeHash: `sha256:${code}`, runtimeHash: 'r1', inputKeys: {} },
  });

  it('says "code changed", not "params changed", when only the code differs', () => {
    expect(explainCacheMiss(step('a'), step('b'))).toEqual(['code changed']);
    expect(explainCacheMiss(step('a'), step('a', { timeLimitSeconds: 5 }))).toEqual(['params changed']);
    const upgraded = { ...step('a'), cacheKey: 'other', fingerprint: { codeHash: 'sha256:a', runtimeHash: 'r2', inputKeys: {} } };
    expect(explainCacheMiss(step('a'), upgraded)).toEqual(['code changed (Pipeworks upgraded)']);
  });
});
