// The bundled sample pipeline compiled with the real node registry, checked in beside it.
// A change to a built-in node's params, defaults or cache-key inputs shows up in this diff;
// rewrite with UPDATE_GOLDEN=1 only when that change is intended (and bump the node's version).
// Node code is keyed by its implementation hash, which changes with every edit to a node's
// sources, so the golden plan is compiled with each hash replaced by `impl:<type>@<version>`; a
// second check holds the real plan to the same shape with the real hashes in their place.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { stepCacheKey } from '../../engine/cache-key';
import { compile } from '../../engine/compile';
import { parseDocument } from '../../engine/document';
import type { NodeRegistry } from '../../engine/node-definition';
import type { Plan } from '../../engine/plan';
import { createRegistry } from '../../nodes/registry';

const SAMPLE = path.join(process.cwd(), 'server/pipelines/samples/breast-cancer-explore.json');
const EXPECTED = path.join(process.cwd(), 'tests/fixtures/pipelines/breast-cancer-explore.expected.json');

function compileSample(registry: NodeRegistry): Plan {
  const parsed = parseDocument(readFileSync(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const result = compile(parsed.value, registry);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** The real registry with every implementation hash replaced by a name that never changes. */
function placeholderRegistry(real: NodeRegistry): NodeRegistry {
  const stand = (type: string, version?: number) => {
    const def = real.get(type, version);
    return def && { ...def, implementationHash: `impl:${def.type}@${def.version}` };
  };
  return { get: stand, latestVersion: real.latestVersion, list: () => real.list().map((d) => stand(d.type, d.version)!) };
}

it('compiles the sample pipeline to its checked-in plan', () => {
  const plan = compileSample(placeholderRegistry(createRegistry()));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(EXPECTED, `${JSON.stringify(plan, null, 2)}\n`);
  expect(plan).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
});

it('keys the real plan by each node\'s implementation hash, and otherwise matches the golden plan', () => {
  const registry = createRegistry();
  const real = compileSample(registry);
  const golden = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Plan;
  expect(real.build).toEqual(registry.build);
  expect(real.steps.map((s) => s.id)).toEqual(golden.steps.map((s) => s.id));
  const keys = new Map<string, string | null>();
  for (const [i, step] of real.steps.entries()) {
    const implementationHash = registry.get(step.type, step.version)!.implementationHash!;
    expect(implementationHash).toMatch(/^[0-9a-f]{64}$/);
    expect(step.implementationHash).toBe(implementationHash);
    expect(step.fingerprint!.codeHash).toBe(implementationHash);
    const inputKeys = Object.fromEntries(Object.entries(step.inputs).map(([port, from]) => [port, `${keys.get(from.fromStep)}:${from.output}`]));
    expect(step.fingerprint!.inputKeys).toEqual(inputKeys);
    const { sourceKey } = step.fingerprint!;
    const expectedKey = stepCacheKey({ type: step.type, version: step.version, params: step.params, codeHash: implementationHash, deterministic: step.deterministic, inputKeys, sourceKey });
    expect(step.cacheKey).toBe(expectedKey);
    keys.set(step.id, step.cacheKey);
    const strip = ({ cacheKey: _k, fingerprint: _f, implementationHash: _h, ...rest }: Plan['steps'][number]) => rest;
    expect(strip(step)).toEqual(strip(golden.steps[i]));
  }
});
