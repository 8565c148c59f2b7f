import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPortKind } from '../engine/port-kinds';
import { CATEGORY_ORDER, createRegistry } from './registry';

describe('createRegistry', () => {
  it('lists the built-in nodes in palette order', () => {
    expect(createRegistry().list().map((d) => d.type)).toEqual([
      'ingest/sample-dataset',
      'ingest/dataset',
      'ingest/synthetic-fraud',
      'clean/select-columns',
      'clean/rename-columns',
      'clean/cast-columns',
      'clean/filter-rows',
      'clean/deduplicate',
      'clean/missing-values',
      'clean/clip-outliers',
      'clean/set-roles',
      'clean/validate',
      'code/transform',
      'code/filter-rows',
      'code/metric',
      'split/random',
      'split/time',
      'explore/column-stats',
      'train/logistic-regression',
      'train/linear-regression',
      'train/random-forest',
      'train/mlp',
      'train/hyperparameter-search',
      'evaluate/model',
      'evaluate/predictions',
      'deploy/batch-score',
      'deploy/endpoint',
      'monitor/drift',
    ]);
  });

  it('adds the test-only nodes last, and only when asked', () => {
    expect(createRegistry().get('testing/sleep')).toBeUndefined();
    const withTests = createRegistry({ testNodes: true });
    expect(withTests.list().at(-1)?.type).toBe('testing/sleep');
    expect(withTests.get('testing/sleep', 1)?.version).toBe(1);
  });

  it('gives every node the implementation hash of its build, and the build a hash over all of them', () => {
    const registry = createRegistry({ testNodes: true });
    for (const def of registry.list()) expect(def.implementationHash, def.type).toMatch(/^[0-9a-f]{64}$/);
    expect(registry.build).toEqual({ pipeworksVersion: expect.any(String), registryHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('stands up another build when told other hashes, and refuses a node it does not have', () => {
    const built = createRegistry();
    const other = createRegistry({ implementationHashes: { 'split/random@1': 'other code' } });
    expect(other.get('split/random', 1)!.implementationHash).toBe('other code');
    expect(other.get('split/time', 1)!.implementationHash).toBe(built.get('split/time', 1)!.implementationHash);
    expect(other.build!.registryHash).not.toBe(built.build!.registryHash);
    expect(() => createRegistry({ implementationHashes: { 'split/randm@1': 'x' } })).toThrow(/No built-in node split\/randm@1/);
  });

  it('finds nodes by type and version', () => {
    const registry = createRegistry();
    expect(registry.get('split/random', 1)?.title).toBe('Random split');
    expect(registry.get('split/random')?.version).toBe(1);
    expect(registry.get('split/random', 2)).toBeUndefined();
    expect(registry.latestVersion('split/random')).toBe(1);
    expect(registry.latestVersion('nope/nothing')).toBeUndefined();
  });
});

describe.each(createRegistry({ testNodes: true }).list())('node $type', (def) => {
  it('is named after its category and sits in a palette category', () => {
    expect(def.type.split('/')[0]).toBe(def.category);
    expect(CATEGORY_ORDER).toContain(def.category);
  });

  it('has valid, uniquely named ports', () => {
    for (const ports of [def.inputs, def.outputs]) {
      expect(new Set(ports.map((p) => p.name)).size).toBe(ports.length);
      for (const port of ports) expect(isPortKind(port.kind)).toBe(true);
    }
  });

  it('parses empty params into JSON defaults', () => {
    const params = def.params.parse({});
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  });

  it('describes every param, so the inspector form has labels', () => {
    const schema = z.toJSONSchema(def.params, { io: 'input' }) as { properties?: Record<string, { description?: string }> };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      expect(property.description, `${def.type} param ${name}`).toBeTruthy();
    }
  });
});
