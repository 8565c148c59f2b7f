// Which queue a step goes to, and which queues a worker serves: a step lands only on a worker that
// has what it needs. Plain data, shared by the server, `pipeworks worker` and the tests.
import type { PlanStep } from '../../engine/plan';

/**
 * Capabilities a step may require, each a yes or no:
 *   sandbox     isolated-vm loads: runs user code (code nodes)
 *   test-nodes  the worker registered the test-only nodes (PIPEWORKS_TEST_NODES=1)
 *   browser     the worker drives a headless browser (`pipeworks worker --browser`): takes the TF.js
 *               training steps that compile placed in a browser in a run no tab drives
 * Memory routes too, by tier (below). DuckDB and TF.js wasm are reported and shown, not routed: no
 * node runs DuckDB (the server reads uploaded Parquet with it, never a step), and every worker has
 * the wasm backend it trains on.
 */
export const ROUTED_CAPABILITIES = ['sandbox', 'test-nodes', 'browser'] as const;
export type RoutedCapability = (typeof ROUTED_CAPABILITIES)[number];

/**
 * The capabilities whose queues exist from the start (the server listens on every combination).
 * The browser's queues are made on first need, as memory tiers' are, and announced to workers:
 * few runs place a step there, and each base queue costs the server and every worker connections.
 */
const BASE_CAPABILITIES: readonly RoutedCapability[] = ['sandbox', 'test-nodes'];

const WORDS: Record<RoutedCapability, string> = {
  sandbox: 'the code sandbox (isolated-vm)',
  'test-nodes': 'the test-only nodes (PIPEWORKS_TEST_NODES=1)',
  browser: 'a headless browser (`pipeworks worker --browser`)',
};

export interface StepNeeds {
  capabilities: RoutedCapability[];
  /** Bytes of memory the step is expected to need (NodeDefinition.memoryNeed). */
  memoryBytes?: number;
}

/** What one worker has, as far as routing goes. */
export interface WorkerOffer {
  capabilities: readonly RoutedCapability[];
  memoryBytes: number;
}

const GIB = 2 ** 30;

/**
 * Memory is routed in power-of-two tiers of GiB, a queue per tier a step asked for: "steps+mem4g"
 * takes steps needing more than 2 and up to 4 GiB, served by workers with at least 4 GiB. Up to
 * 1 GiB nothing is routed: every machine that runs a worker has that.
 */
export function memoryTierGiB(bytes: number | undefined): number | undefined {
  if (bytes === undefined || bytes <= GIB) return undefined;
  return 2 ** Math.ceil(Math.log2(bytes / GIB));
}

export function stepNeeds(step: PlanStep): StepNeeds {
  const capabilities: RoutedCapability[] = [];
  if (step.codeParams && step.codeParams.length > 0) capabilities.push('sandbox');
  if (step.type.startsWith('testing/')) capabilities.push('test-nodes');
  // Only a run no tab drives hands its browser-placed steps to the server's runner, and compile
  // places a step there only for a queue worker's browser (engine/placement.ts).
  if (step.placement === 'browser') capabilities.push('browser');
  return { capabilities, ...(step.memoryBytes !== undefined && { memoryBytes: step.memoryBytes }) };
}

/** "steps", "steps+sandbox", "steps+sandbox+test-nodes+mem8g": capabilities in a fixed order, then the tier. */
export function queueName(needs: StepNeeds): string {
  const tier = memoryTierGiB(needs.memoryBytes);
  return ['steps', ...ROUTED_CAPABILITIES.filter((c) => needs.capabilities.includes(c)), ...(tier ? [`mem${tier}g`] : [])].join('+');
}

/** The needs a queue name stands for (the tier's upper bound as memory), or null for a name not made by queueName. */
export function parseQueueName(name: string): StepNeeds | null {
  const [head, ...parts] = name.split('+');
  if (head !== 'steps') return null;
  const capabilities: RoutedCapability[] = [];
  let memoryBytes: number | undefined;
  for (const part of parts) {
    const tier = /^mem(\d+)g$/.exec(part);
    if (tier) memoryBytes = Number(tier[1]) * GIB;
    else if ((ROUTED_CAPABILITIES as readonly string[]).includes(part)) capabilities.push(part as RoutedCapability);
    else return null;
  }
  return queueName({ capabilities, memoryBytes }) === name ? { capabilities, ...(memoryBytes !== undefined && { memoryBytes }) } : null;
}

/** What this worker lacks for these needs, in words; empty when it can run the step. */
export function missing(needs: StepNeeds, offer: WorkerOffer): string[] {
  const lacks = needs.capabilities.filter((c) => !offer.capabilities.includes(c)).map((c) => WORDS[c]);
  const tier = memoryTierGiB(needs.memoryBytes);
  if (tier && offer.memoryBytes < tier * GIB) lacks.push(`${tier} GiB of memory`);
  return lacks;
}

export function canServe(offer: WorkerOffer, queue: string): boolean {
  const needs = parseQueueName(queue);
  return needs !== null && missing(needs, offer).length === 0;
}

/**
 * The base queues (no memory tier, no browser) that a worker with these capabilities serves (2^n
 * for the n base capabilities it has); it serves the others as the server announces them.
 */
export function queuesServedBy(has: readonly RoutedCapability[]): string[] {
  const own = BASE_CAPABILITIES.filter((c) => has.includes(c));
  const names: string[] = [];
  for (let mask = 0; mask < 1 << own.length; mask++) names.push(queueName({ capabilities: own.filter((_, i) => mask & (1 << i)) }));
  return names;
}

/** The queues the server listens on from the start. */
export const BASE_QUEUES = queuesServedBy(BASE_CAPABILITIES);

/** A connected worker's routing offer, from the facts its heartbeat reported. */
export function offerOf(facts: Record<string, unknown>): WorkerOffer {
  return { capabilities: ROUTED_CAPABILITIES.filter((c) => facts[c] === true), memoryBytes: typeof facts.memoryBytes === 'number' ? facts.memoryBytes : 0 };
}

/**
 * Why a step waits, when no connected worker can take it: shown in the step's log and progress.
 * Null when some connected worker can (the step then only waits its turn).
 */
export function whyWaiting(needs: StepNeeds, workers: readonly { capabilities: Record<string, unknown> }[]): string | null {
  if (workers.length === 0) return 'Waiting for a queue worker: none is connected. Start one with `pipeworks worker` (see Admin → Workers)';
  const offers = workers.map((w) => offerOf(w.capabilities));
  if (offers.some((o) => missing(needs, o).length === 0)) return null;
  const wanted = missing(needs, { capabilities: [], memoryBytes: 0 });
  const largest = Math.max(...offers.map((o) => o.memoryBytes));
  const memoryNote = memoryTierGiB(needs.memoryBytes) ? `; it is expected to need ${gib(needs.memoryBytes!)}, and the largest worker has ${gib(largest)}` : '';
  const who = offers.length === 1 ? `the one connected worker lacks ${missing(needs, offers[0]).join(' and ')}` : `none of the ${offers.length} connected workers has all of it`;
  return `Waiting for a queue worker with ${wanted.join(' and ')}: ${who}${memoryNote}`;
}

const gib = (bytes: number) => `${(bytes / GIB).toFixed(1)} GiB`;
