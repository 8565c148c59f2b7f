// Compile, last pass (only for a graph without errors): the plan's steps in run order, each
// with its cache key built from the keys of the steps it reads, and where it runs and why.
import { inputKey, stepCacheKey } from './cache-key';
import type { CompileEnv } from './compile';
import type { CheckedNode } from './compile-nodes';
import type { EdgeInstance } from './document';
import type { NodeDefinition, PlacementSetting } from './node-definition';
import { decidePlacement } from './placement';
import type { PlanStep, StepInput } from './plan';
import type { PortKind } from './port-kinds';
import type { DataShape } from './training-speed';

export function buildSteps(
  order: readonly string[],
  nodes: Map<string, CheckedNode>,
  wired: Map<string, Map<string, EdgeInstance>>,
  env: CompileEnv,
  pipelinePlacement?: PlacementSetting,
): PlanStep[] {
  const keys = new Map<string, string | null>();
  // The largest source each step depends on, for the 'auto' rule that keeps big data on the server.
  const bytes = new Map<string, number | undefined>();
  // Likewise the largest source's rows and columns, which a training's work is estimated from.
  const shapes = new Map<string, DataShape | undefined>();
  return order.map((id) => {
    const { node, def, params, placement } = nodes.get(id)!;
    if (!def || !params || !placement) throw new Error(`buildSteps: node "${id}" was not checked`);
    const inputs: Record<string, StepInput> = {};
    const inputKeys: Record<string, string | null> = {};
    for (const port of def.inputs) {
      const edge = wired.get(id)?.get(port.name);
      if (!edge) continue;
      inputs[port.name] = { fromStep: edge.source, output: edge.sourceHandle };
      inputKeys[port.name] = inputKey(keys.get(edge.source)!, edge.sourceHandle);
    }
    const outputs: Record<string, PortKind> = {};
    for (const port of def.outputs) outputs[port.name] = port.kind;
    const codeHash = stepCodeHash(def, params, env);
    const runtimeHash = def.codeHash && def.implementationHash && !env.upgradesCacheCompatible ? def.implementationHash : undefined;
    const sourceKey = def.sourceKey?.(params, env);
    const { type, version, deterministic } = def;
    const keyParams = withoutKeys(params, [...(def.publishParams ?? []), ...(def.codeParams ?? [])]);
    const cacheKey = stepCacheKey({ type, version, params: keyParams, codeHash, runtimeHash, deterministic, inputKeys, sourceKey });
    keys.set(id, cacheKey);
    const dataBytes = largest([def.sourceBytes?.(params, env), ...Object.values(inputs).map((i) => bytes.get(i.fromStep))]);
    bytes.set(id, dataBytes);
    const shape = mostRows([def.sourceShape?.(params, env), ...Object.values(inputs).map((i) => shapes.get(i.fromStep))]);
    shapes.set(id, shape);
    const work = shape && def.trainingWork?.(params, shape);
    const setting = node.placement ?? pipelinePlacement ?? 'auto';
    const from = node.placement ? 'node' : pipelinePlacement ? 'pipeline' : 'default';
    const decided = decidePlacement({ setting, from, runsOn: def.runsOn, usesGpu: def.usesGpu, dataBytes, ...(work ? { work } : {}) }, env);
    const memoryBytes = def.memoryNeed?.(params, dataBytes);
    const fingerprint = { codeHash, ...(runtimeHash ? { runtimeHash } : {}), ...(sourceKey === undefined ? {} : { sourceKey }), inputKeys };
    const label = node.label?.trim() ? { label: node.label } : {};
    return {
      id, type, version, ...label, params, inputs, outputs,
      placement: decided.placement, placementReason: decided.reason,
      ...(decided.estimate ? { placementEstimate: decided.estimate } : {}),
      ...(decided.browserUnmeasured ? { placementBrowserUnmeasured: true as const } : {}),
      deterministic, cacheKey, fingerprint,
      ...(memoryBytes !== undefined ? { memoryBytes } : {}),
      ...(def.codeParams?.length ? { codeParams: [...def.codeParams] } : {}),
      ...(def.implementationHash ? { implementationHash: def.implementationHash } : {}),
    };
  });
}

/**
 * What the key says about the code: code carried in the params hashes itself; a built-in node is
 * its implementation hash (its source closure as built), unless the admin chose to treat upgrades
 * as cache-compatible. Hand-made definitions without a hash (engine tests) use type@version.
 */
function stepCodeHash(def: NodeDefinition, params: Record<string, unknown>, env: CompileEnv): string {
  const own = def.codeHash?.(params);
  if (own !== undefined) return own;
  if (def.implementationHash && !env.upgradesCacheCompatible) return def.implementationHash;
  return `builtin:${def.type}@${def.version}`;
}

function withoutKeys(params: Record<string, unknown>, keys: readonly string[] | undefined): Record<string, unknown> {
  if (!keys?.length) return params;
  return Object.fromEntries(Object.entries(params).filter(([key]) => !keys.includes(key)));
}

function largest(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? Math.max(...known) : undefined;
}

function mostRows(shapes: readonly (DataShape | undefined)[]): DataShape | undefined {
  return shapes.reduce<DataShape | undefined>((most, s) => (s && (!most || s.rows > most.rows) ? s : most), undefined);
}
