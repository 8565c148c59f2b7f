// A compiled plan is plain data: it can be stored, diffed, sent to a worker or a browser.
import type { BuildInfo, Placement } from './node-definition';
import type { PlacementEstimate } from './placement';
import type { PortKind } from './port-kinds';

export interface StepInput {
  fromStep: string;
  output: string;
}

export interface PlanStep {
  id: string;
  type: string;
  version: number;
  label?: string;
  params: Record<string, unknown>;
  inputs: Record<string, StepInput>;
  outputs: Record<string, PortKind>;
  placement: Placement;
  /** The rule that chose the placement, in words, for the plan preview. */
  placementReason?: string;
  /** For a TF.js training: its expected time in the browser and on the server, as compared. */
  placementEstimate?: PlacementEstimate;
  /** Set where the asking browser has no measured training speed and measuring it could move this step. */
  placementBrowserUnmeasured?: true;
  deterministic: boolean;
  /** The hash of the node's code in the build that compiled the plan (what runs, whatever the key covers). */
  implementationHash?: string;
  /** Memory the step is expected to need (NodeDefinition.memoryNeed): queue mode routes by it. */
  memoryBytes?: number;
  /** Params holding user code (NodeDefinition.codeParams): keyed through codeHash, not as params. */
  codeParams?: string[];
  /** null when this node or anything upstream is non-deterministic or its source is unknown. */
  cacheKey: string | null;
  /** What cacheKey was computed from, kept so a plan preview can say why a step went stale. */
  fingerprint?: StepFingerprint;
}

export interface StepFingerprint {
  codeHash: string;
  /** For steps whose code is in their params: the node's own implementation hash (what runs the code). */
  runtimeHash?: string;
  /** Absent for nodes that read no outside source; null when the source's hash is unknown. */
  sourceKey?: string | null;
  /** Input port → `${upstreamCacheKey}:${outputName}`, or null when the upstream key is unknown. */
  inputKeys: Record<string, string | null>;
}

export interface Plan {
  pipelineId: string;
  /** Hash of the behaviour-relevant document content (positions excluded). */
  docHash: string;
  steps: PlanStep[];
  warnings: CompileIssue[];
  /** The build that compiled it; `upgradesCacheCompatible` when keys left the node code out. */
  build?: BuildInfo & { upgradesCacheCompatible?: true };
}

export type CompileIssueCode =
  | 'invalid_document'
  | 'duplicate_id'
  | 'unknown_node_type'
  | 'unknown_node_version'
  | 'invalid_params'
  | 'unknown_param'
  | 'unknown_field'
  | 'unknown_column'
  | 'unknown_port'
  | 'dangling_edge'
  | 'missing_input'
  | 'port_kind_mismatch'
  | 'multiple_edges_into_input'
  | 'cycle'
  | 'disconnected_node'
  | 'placement_unsupported'
  | 'empty_pipeline';

export interface CompileIssue {
  severity: 'error' | 'warning';
  code: CompileIssueCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Dotted path of the offending field, e.g. `params.fractions.train`. */
  field?: string;
  /** For cycles: the node ids on the cycle, in order. */
  nodeIds?: string[];
}

/** A stored output of a step: an artifact in the content-addressed store. */
export interface ArtifactRef {
  id: string;
  kind: PortKind;
  size: number;
  meta?: Record<string, unknown>;
}

export const STEP_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'cached'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
// 'interrupted': the browser running it went away (tab closed); it can be resumed from its last finished step.
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
