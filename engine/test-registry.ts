// Fake node types for engine tests, golden fixtures and the compile bench. They cover what the
// compiler cares about (ports, kinds, params, runtimes, determinism, sources), not real work.
import { z } from 'zod';
import type { NodeDefinition, NodeRegistry, SourceKeyEnv } from './node-definition';
import type { CompileEnv } from './compile';

const table = { kind: 'table' } as const;

const base = {
  category: 'test',
  description: 'A fake node for engine tests',
  runsOn: ['browser', 'server'],
  deterministic: true,
  run: async () => ({}),
} satisfies Partial<NodeDefinition>;

export const TEST_NODE_DEFINITIONS: readonly NodeDefinition[] = [
  {
    ...base,
    type: 'test/source',
    version: 1,
    title: 'Test source',
    inputs: [],
    outputs: [{ name: 'table', ...table }],
    params: z.object({ dataset: z.string().min(1) }),
    sourceKey: (params: { dataset: string }, env: SourceKeyEnv) => env.datasetHash?.(params.dataset) ?? null,
  },
  ...[1, 2].map(
    (version): NodeDefinition => ({
      ...base,
      type: 'test/transform',
      version,
      title: 'Test transform',
      inputs: [{ name: 'table', ...table }],
      outputs: [{ name: 'table', ...table }],
      params: z.object({
        factor: z.number().min(0).default(1),
        mode: z.enum(['scale', 'shift']).default('scale'),
      }),
    }),
  ),
  {
    ...base,
    type: 'test/join',
    version: 1,
    title: 'Test join',
    inputs: [
      { name: 'left', ...table },
      { name: 'right', ...table, optional: true },
    ],
    outputs: [{ name: 'table', ...table }],
    params: z.object({ on: z.string().default('id') }),
  },
  {
    ...base,
    type: 'test/report',
    version: 1,
    title: 'Test report',
    runsOn: ['server'],
    inputs: [{ name: 'table', ...table }],
    outputs: [{ name: 'report', kind: 'report' }],
    params: z.object({}),
  },
  {
    ...base,
    type: 'test/random',
    version: 1,
    title: 'Test random sample',
    deterministic: false,
    inputs: [{ name: 'table', ...table }],
    outputs: [{ name: 'table', ...table }],
    params: z.object({ rows: z.number().int().positive().default(10) }),
  },
];

export function createTestRegistry(defs: readonly NodeDefinition[] = TEST_NODE_DEFINITIONS): NodeRegistry {
  const byKey = new Map(defs.map((d) => [`${d.type}@${d.version}`, d]));
  const latest = new Map<string, number>();
  for (const d of defs) latest.set(d.type, Math.max(latest.get(d.type) ?? 0, d.version));
  return {
    get: (type, version) => byKey.get(`${type}@${version ?? latest.get(type)}`),
    latestVersion: (type) => latest.get(type),
    list: () => defs,
  };
}

/** Dataset hashes the fixtures can rely on; 'unknown-data' has none, like a file not yet read. */
/** Compiles as a run started from a browser without a GPU would. */
export const TEST_ENV: CompileEnv = {
  datasetHash: (name) => (name === 'unknown-data' ? undefined : `sha256-of-${name}`),
  browser: { webgpu: 'none' },
};
