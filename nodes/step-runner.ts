// The one step runner: decode a step's inputs, build its node context, run the node, encode and
// store its outputs. Every runner calls this — the server's worker threads
// (server/runners/step-worker.ts), the browser's Web Worker (components/runner/browser-step.ts) and
// the queue worker — and differs only in the I/O and capabilities it passes in. Isomorphic: no
// Node-only module, no DOM, no timer other than setInterval.
import { NodeRunError, UserError, type ErrorCode } from '../engine/errors';
import type { StepHooks } from '../engine/execute-types';
import type { CodeSandbox } from '../engine/code-sandbox';
import type { MlRuntime, NodeRegistry, NodeRunContext, Placement } from '../engine/node-definition';
import type { ArtifactRef, PlanStep } from '../engine/plan';
import type { PortKind } from '../engine/port-kinds';
import { ARROW_FILE_MEDIA_TYPE, decodeValue, encodeValue } from './codec';
import type { PortValue } from './values';

/** Where a runner's bytes come from and go to: files, HTTP, IndexedDB — the runner does not care. */
export interface StepIo {
  /** The stored bytes of one input artifact; the runner decodes them by `ref.kind`. */
  readInput(ref: ArtifactRef): Promise<Uint8Array>;
  /**
   * Stores one encoded output and returns its content id (sha256 hex of `bytes`) and size. Called
   * once per output, only after the node succeeded; must be idempotent for bytes already stored.
   */
  writeOutput(bytes: Uint8Array, info: { kind: PortKind; mediaType: string }): Promise<{ id: string; size: number }>;
  /** A file bundled with the app (sample datasets) by its relative name: `NodeRunContext.readBundled`. */
  readBundled(relativePath: string): Promise<Uint8Array>;
  /** Any stored artifact by id, verified: `NodeRunContext.readArtifact` (e.g. a dataset version). */
  readArtifact(id: string): Promise<Uint8Array>;
}

/** What this runner offers the node beyond I/O. */
export interface StepCapabilities {
  /** Which side is running the node ('server' for thread pool and queue workers, 'browser'). */
  runtime: Placement;
  /** Runs user code; absent where no sandbox exists (code nodes then refuse to run). */
  sandbox?: CodeSandbox;
  /** TF.js backends to try, in order, and where their wasm files are. */
  ml: MlRuntime;
  /** Why `ml.backends` is in this order (the browser's fastest measured first), for the step log. */
  backendChoice?: string;
  /**
   * Bytes of memory in use now. When given, it is sampled every 25 ms while the step runs and once
   * after, and the maximum is returned as `peakMemoryBytes`; without it no peak is reported.
   */
  memoryInUse?(): number;
  /**
   * Where a backend may fail mid-step (a GPU device lost or out of memory), the step is re-run from
   * the start on the next backend in `ml.backends`, with a note saying why. Without it, never.
   */
  backendFallback?: BackendFallback;
}

export interface BackendFallback {
  /** Whether this error means the backend itself failed (so re-running on the next one may help). */
  isBackendFailure(error: unknown): boolean;
  /** Called when the node reports the backend it started on, e.g. to watch a GPU device for loss. */
  started?(backend: string): void;
  /** Why the device was lost since it started, or null. A result computed on a lost device is never kept. */
  lostReason?(): string | null;
  /** Called before the step is re-run on the next backend. */
  reset?(): void;
}

export interface RunStepArgs {
  step: PlanStep;
  registry: NodeRegistry;
  /** The step's input artifacts, by input port name. */
  inputs: Record<string, ArtifactRef>;
  io: StepIo;
  capabilities: StepCapabilities;
  /** Cancellation, logs and progress, as `engine/execute` hands them to a runner. */
  hooks: StepHooks;
  /** The message for a step whose node type this registry does not have (default "Unknown node type T@v"). */
  unknownNodeMessage?(type: string, version: number): string;
  /** Called with an error that is none of the typed ones (a bug, not bad input), before it becomes node_failed. */
  onUnexpectedError?(error: unknown): void;
}

/** A stored output: its artifact reference plus the media type its bytes are encoded in. */
export interface StoredOutput extends ArtifactRef {
  mediaType: string;
}

/**
 * Never thrown, always returned, so that it crosses a worker-thread or queue boundary as plain data.
 * Errors map as: UserError → invalid_input; NodeRunError keeps its code; anything else after the
 * step was cancelled → cancelled; anything else → node_failed with the error's message.
 */
export type StepOutcome =
  | { ok: true; outputs: Record<string, StoredOutput>; peakMemoryBytes?: number; backend?: string; backendNote?: string }
  | { ok: false; code: ErrorCode; message: string };

const SAMPLE_MS = 25;

export async function runStep(args: RunStepArgs): Promise<StepOutcome> {
  const { step, capabilities: caps, hooks } = args;
  const sample = caps.memoryInUse;
  let peak = sample ? sample() : 0;
  const sampler = sample ? setInterval(() => (peak = Math.max(peak, sample())), SAMPLE_MS) : undefined;
  try {
    const def = args.registry.get(step.type, step.version);
    if (!def) {
      const message = args.unknownNodeMessage?.(step.type, step.version) ?? `Unknown node type ${step.type}@${step.version}`;
      throw new NodeRunError(step.id, 'invalid_input', message);
    }
    const inputs: Record<string, PortValue> = {};
    const given = new Map<PortValue, GivenTable>();
    for (const [name, ref] of Object.entries(args.inputs)) {
      const bytes = await args.io.readInput(ref);
      const value = decodeValue(ref.kind, bytes);
      inputs[name] = value;
      if (value.kind === 'table') given.set(value, { id: ref.id, size: bytes.byteLength, table: value.table, columns: JSON.stringify(value.columns) });
    }

    const { produced, backend, backendNote } = await runWithFallback(args, (ctx) => def.run({ inputs, params: step.params, ctx }) as Promise<Record<string, PortValue>>);
    if (sample) peak = Math.max(peak, sample());
    const outputs: Record<string, StoredOutput> = {};
    for (const [name, value] of Object.entries(produced)) {
      const passed = passedThrough(value, given);
      if (passed) {
        outputs[name] = passed;
        continue;
      }
      const { bytes, mediaType, meta } = encodeValue(value);
      const { id, size } = await args.io.writeOutput(bytes, { kind: value.kind, mediaType });
      outputs[name] = { id, size, kind: value.kind, meta, mediaType };
    }
    return {
      ok: true,
      outputs,
      ...(sample && { peakMemoryBytes: peak }),
      ...(backend !== undefined && { backend }),
      ...(backendNote && { backendNote }),
    };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, code: 'invalid_input', message: error.message };
    if (error instanceof NodeRunError) return { ok: false, code: error.code, message: error.message };
    if (hooks.signal.aborted) return { ok: false, code: 'cancelled', message: 'Cancelled' };
    args.onUnexpectedError?.(error);
    return { ok: false, code: 'node_failed', message: error instanceof Error && error.message ? error.message : String(error) };
  } finally {
    clearInterval(sampler);
  }
}

/** A decoded input table as it was handed to the node, to know it again if the node returns it. */
interface GivenTable {
  id: string;
  size: number;
  table: unknown;
  columns: string;
}

/**
 * An output that is an input table handed back unchanged (a node that passes its table through)
 * keeps the input's artifact: stored tables are the one canonical encoding of their value (runners
 * store what encodeValue gives, uploads are checked by encodingProblems), so encoding it again
 * would only rebuild the same bytes, hash them to the same id and find them stored. Unchanged
 * means the same value object, still holding the same Arrow table and an equal column schema.
 */
function passedThrough(value: PortValue, given: Map<PortValue, GivenTable>): StoredOutput | undefined {
  const input = given.get(value);
  if (!input || value.kind !== 'table' || value.table !== input.table || JSON.stringify(value.columns) !== input.columns) return undefined;
  // As encodeValue gives a table's meta.
  const meta = { rows: value.table.numRows, columns: value.columns.map((c) => ({ ...c })) };
  return { id: input.id, size: input.size, kind: 'table', meta, mediaType: ARROW_FILE_MEDIA_TYPE };
}

interface Ran {
  produced: Record<string, PortValue>;
  backend?: string;
  backendNote?: string;
}

/** Runs the node once, or again on the next backend after a backend failure when fallback is allowed. */
async function runWithFallback(args: RunStepArgs, run: (ctx: NodeRunContext) => Promise<Record<string, PortValue>>): Promise<Ran> {
  const { step, io, capabilities: caps, hooks } = args;
  const fallback = caps.backendFallback;
  let backends = caps.ml.backends;
  const fallbacks: string[] = [];
  for (;;) {
    let backend: string | undefined;
    let initNote: string | undefined;
    const ctx: NodeRunContext = {
      signal: hooks.signal,
      runtime: caps.runtime,
      log: hooks.log,
      progress: hooks.progress,
      readBundled: (relative) => io.readBundled(relative),
      readArtifact: (id) => io.readArtifact(id),
      ...(caps.sandbox && { sandbox: caps.sandbox }),
      sourceKey: step.fingerprint?.sourceKey,
      ml: { ...caps.ml, backends },
      reportBackend: (name, note) => {
        backend = name;
        initNote = note;
        hooks.log('info', `Training on TF.js backend ${name}${caps.backendChoice ? `: ${caps.backendChoice}` : ''}`);
        if (note) hooks.log('warn', note);
        fallback?.started?.(name);
      },
    };
    try {
      const produced = await run(ctx);
      // A device lost mid-step may have let the last kernels return garbage: never keep that result.
      const lost = backend && fallback?.lostReason?.();
      if (lost) throw new Error(`GPU device was lost while the step ran (${lost})`);
      const backendNote = [...fallbacks, initNote].filter(Boolean).join('; ');
      return { produced, backend, ...(backendNote && { backendNote }) };
    } catch (error) {
      const at = backend ? backends.indexOf(backend) : -1;
      if (!fallback || hooks.signal.aborted || at < 0 || at === backends.length - 1 || !fallback.isBackendFailure(error)) throw error;
      const next = backends[at + 1];
      const message = `${backend} failed mid-step (${error instanceof Error ? error.message : String(error)}); re-ran the step on ${next}`;
      hooks.log('warn', message);
      fallbacks.push(message);
      backends = backends.slice(at + 1);
      fallback.reset?.();
    }
  }
}
