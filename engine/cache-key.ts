// Cache keys cover a step's behaviour (type, version, params, code, upstream keys, source data)
// and nothing cosmetic. If any part is unknown the key is unknown (null), never a guess.
import { canonicalJSON, compareCodeUnits } from './canonical-json';
import type { PipelineDoc } from './document';
import { sha256Hex } from './hash';
import type { PlanStep } from './plan';

export interface CacheKeyParts {
  type: string;
  version: number;
  params: Record<string, unknown>;
  codeHash: string;
  /** Set only for nodes whose code is in their params: the implementation that runs that code. */
  runtimeHash?: string;
  deterministic: boolean;
  /** Input port → inputKey(upstream key, output name). */
  inputKeys: Record<string, string | null>;
  /** undefined: the node reads no outside source. null: it does, and the source is unknown. */
  sourceKey?: string | null;
}

/** What a step reads on one input: which upstream result, and which of its outputs. */
export function inputKey(upstreamKey: string | null, output: string): string | null {
  return upstreamKey === null ? null : `${upstreamKey}:${output}`;
}

export function stepCacheKey(parts: CacheKeyParts): string | null {
  if (!parts.deterministic || parts.sourceKey === null) return null;
  if (Object.values(parts.inputKeys).some((key) => key === null)) return null;
  const { type, version, params, codeHash, runtimeHash, inputKeys, sourceKey } = parts;
  return sha256Hex(canonicalJSON({ type, version, params, codeHash, runtimeHash, inputKeys, sourceKey }));
}

/**
 * Hash of what a document does: node ids, types, versions, params and placements, the wiring,
 * settings and triggers. Positions, labels, name, description and the order of the arrays are
 * left out, and so are edge ids, which the canvas regenerates when a user reconnects a wire.
 */
export function docContentHash(doc: PipelineDoc): string {
  const nodes = doc.nodes
    .map(({ id, type, version, params, placement }) => ({ id, type, version, params, placement }))
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  const edges = doc.edges
    .map(({ source, sourceHandle, target, targetHandle }) => [source, sourceHandle, target, targetHandle])
    .sort(compareTuples);
  const settings = { placement: doc.settings?.placement ?? 'auto' };
  return sha256Hex(canonicalJSON({ nodes, edges, settings, triggers: doc.triggers ?? [] }));
}

function compareTuples(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareCodeUnits(a[i], b[i]);
    if (order !== 0) return order;
  }
  return 0;
}

export const CACHE_MISS_REASONS = [
  'not run before',
  'node type changed',
  'node version changed',
  'params changed',
  'code changed',
  'code changed (Pipeworks upgraded)',
  'source data changed',
  'upstream data changed',
  'not cacheable (non-deterministic)',
  'not cacheable (source data unknown)',
  'not cacheable (upstream not cacheable)',
  'not cacheable',
  'cache key changed',
] as const;
export type CacheMissReason = (typeof CACHE_MISS_REASONS)[number];

/**
 * Why `next` cannot reuse what `prev` produced; empty when the keys match. `prev` is the same
 * step in the plan of the run whose results are on hand, or undefined if it was not there.
 */
export function explainCacheMiss(prev: PlanStep | undefined, next: PlanStep): CacheMissReason[] {
  if (next.cacheKey === null) return notCacheable(next);
  if (!prev) return ['not run before'];
  if (prev.cacheKey === next.cacheKey) return [];
  const reasons: CacheMissReason[] = [];
  if (prev.type !== next.type) reasons.push('node type changed');
  if (prev.version !== next.version) reasons.push('node version changed');
  if (canonicalJSON(paramsOnly(prev)) !== canonicalJSON(paramsOnly(next))) reasons.push('params changed');
  const [was, now] = [prev.fingerprint, next.fingerprint];
  if (was && now) {
    if (was.codeHash !== now.codeHash) reasons.push(sameNodeAndParams(prev, next) ? 'code changed (Pipeworks upgraded)' : 'code changed');
    else if (was.runtimeHash !== now.runtimeHash) reasons.push('code changed (Pipeworks upgraded)');
    if (was.sourceKey !== now.sourceKey) reasons.push('source data changed');
    if (canonicalJSON(was.inputKeys) !== canonicalJSON(now.inputKeys)) reasons.push('upstream data changed');
  }
  // Plans stored before fingerprints existed, or a previous run that was not cacheable.
  return reasons.length > 0 ? reasons : ['cache key changed'];
}

function notCacheable(step: PlanStep): CacheMissReason[] {
  const reasons: CacheMissReason[] = [];
  if (!step.deterministic) reasons.push('not cacheable (non-deterministic)');
  if (step.fingerprint?.sourceKey === null) reasons.push('not cacheable (source data unknown)');
  if (Object.values(step.fingerprint?.inputKeys ?? {}).includes(null)) {
    reasons.push('not cacheable (upstream not cacheable)');
  }
  return reasons.length > 0 ? reasons : ['not cacheable'];
}

/** The params as the key sees them: code params are covered by codeHash instead. */
function paramsOnly(step: PlanStep): Record<string, unknown> {
  if (!step.codeParams?.length) return step.params;
  return Object.fromEntries(Object.entries(step.params).filter(([key]) => !step.codeParams!.includes(key)));
}

/** Same node, same version, same params, different code: only the build can have changed it. */
function sameNodeAndParams(prev: PlanStep, next: PlanStep): boolean {
  return prev.type === next.type && prev.version === next.version && canonicalJSON(prev.params) === canonicalJSON(next.params);
}
