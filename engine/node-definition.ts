// What engine/ needs to know about a node type. Concrete value types live in nodes/;
// the engine treats port values as opaque and moves artifact references only.
import type { z } from 'zod';
import type { CodeSandbox } from './code-sandbox';
import type { ColumnsEnv, PortColumns } from './columns';
import type { PortKind } from './port-kinds';
import type { DataShape, TrainingWork } from './training-speed';

export type Placement = 'browser' | 'server';
export type PlacementSetting = 'auto' | Placement;

export interface PortSpec {
  name: string;
  kind: PortKind;
  label?: string;
  /** An optional input may stay unconnected; every input takes at most one edge. */
  optional?: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Runtime-specific capabilities handed to a node while it runs. */
export interface NodeRunContext {
  signal: AbortSignal;
  runtime: Placement;
  log(level: LogLevel, message: string): void;
  /** fraction in [0, 1]; data carries small structured progress (e.g. an epoch's loss). */
  progress(fraction: number, message?: string, data?: Record<string, unknown>): void;
  /** Reads a file bundled with the app (sample datasets) by its relative name. */
  readBundled(relativePath: string): Promise<Uint8Array>;
  /** Runs user code in this runner's sandbox; absent where no sandbox exists (code nodes then refuse to run). */
  sandbox?: CodeSandbox;
  /** Reads a stored artifact (e.g. a dataset version's Arrow table) by its sha256 id; the bytes are verified. */
  readArtifact(id: string): Promise<Uint8Array>;
  /**
   * The source key compile resolved for this step (an ingest node's data hash), so the node reads
   * exactly the data its cache key names even if a newer version appears meanwhile.
   */
  sourceKey?: string | null;
  /** What this runner offers for ML: TF.js backends to try in order, and where their wasm files are. */
  ml: MlRuntime;
  /** Records what really ran (e.g. the TF.js backend, and why an earlier one was passed over). */
  reportBackend(backend: string, note?: string): void;
}

export interface MlRuntime {
  /** e.g. ['wasm', 'cpu'] on the server; ['webgpu', 'webgl', 'wasm', 'cpu'] in a browser. */
  backends: readonly string[];
  /** A path (Node) or URL prefix (browser) holding the TF.js wasm binaries. */
  wasmPath?: string;
}

export interface NodeRunArgs<P, V> {
  inputs: Record<string, V>;
  params: P;
  ctx: NodeRunContext;
}

export interface SourceKeyEnv {
  /** Content hash of a named dataset, or undefined when it is not known. */
  datasetHash?(name: string): string | undefined;
  /** Stored size in bytes of a named dataset's version (latest, or the pinned hash), when known. */
  datasetBytes?(name: string, hash?: string): number | undefined;
  /** Rows and columns of a named dataset's version (latest, or the pinned hash), when known. */
  datasetShape?(name: string, hash?: string): DataShape | undefined;
  /** Artifact id of a registered model's version ("latest", a number or an alias) in the pipeline's project, when known. */
  modelVersionArtifact?(name: string, version: string): string | undefined;
}

export interface NodeDefinition<P = any, V = unknown> {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  params: z.ZodType<P>;
  runsOn: readonly Placement[];
  deterministic: boolean;
  /** Trains with TF.js, so placement 'auto' compares the measured speed of the browser and the server. */
  usesGpu?: boolean;
  /** An ingest node's data size in bytes before running, when known; placement 'auto' keeps big data on the server. */
  sourceBytes?(params: P, env: SourceKeyEnv): number | undefined;
  /** An ingest node's rows and columns before running, when known: what a training's work is estimated from. */
  sourceShape?(params: P, env: SourceKeyEnv): DataShape | undefined;
  /**
   * Bytes of memory a step of this node is expected to need, from the size of the data it depends
   * on (the largest source upstream, undefined where unknown before running). Queue mode sends the
   * step only to a worker with at least that much (server/queue/step-routing.ts).
   */
  memoryNeed?(params: P, dataBytes: number | undefined): number | undefined;
  /** A TF.js training's work on data of this shape (the largest source upstream), for placement's estimates. */
  trainingWork?(params: P, data: DataShape): TrainingWork | undefined;
  /**
   * Ingest nodes return the content hash of their source data so the cache key follows the data.
   * Returning null means the source is unknown, which makes the key unknown; undefined, that with
   * these params the node reads no outside source.
   */
  sourceKey?(params: P, env: SourceKeyEnv): string | null | undefined;
  /**
   * The columns of each table output, known from the params and the input tables' columns before
   * anything runs (null where they are not). Without it, every table output copies the first table
   * input's columns (right for nodes that only drop or reorder rows); an ingest node has no input,
   * so it declares this or its output stays unknown. Must never guess: a wrong schema misleads the
   * column pickers, null only makes them fall back to free text.
   */
  outputColumns?(params: P, inputs: PortColumns, env: ColumnsEnv): PortColumns;
  /**
   * Hash of the node's code as built: its module, every in-repo file it imports and the locked
   * versions of the packages it uses (the registry fills it in from bin/node-hashes.mjs).
   */
  implementationHash?: string;
  /** Identity of the node's code when params carry code of their own; otherwise implementationHash. */
  codeHash?(params: P): string;
  /**
   * Params that hold user code. They enter the cache key through codeHash rather than as params
   * (so an edit reads "code changed"), and only roles that may write code may add or change them.
   */
  codeParams?: readonly string[];
  /**
   * Params that say where a result goes once the run succeeds (a train node's `register`), not
   * how it is computed: left out of the cache key, so setting one never re-runs the step.
   */
  publishParams?: readonly string[];
  run(args: NodeRunArgs<P, V>): Promise<Record<string, V>>;
}

/** Which build of Pipeworks a registry's node code comes from. */
export interface BuildInfo {
  pipeworksVersion: string;
  /** Hash over every node's implementation hash: equal registry hashes run equal node code. */
  registryHash: string;
}

export interface NodeRegistry {
  /** Absent for registries put together by hand (tests); the built-in registry always has it. */
  build?: BuildInfo;
  get(type: string, version?: number): NodeDefinition | undefined;
  latestVersion(type: string): number | undefined;
  list(): readonly NodeDefinition[];
}
