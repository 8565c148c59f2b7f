// What a registered model version records besides its bytes: the signature serving checks rows
// against, and the lineage frozen at registration (it outlives the run it came from).
import type { ModelTask } from '../../nodes/models/model-artifact';
import type { ColumnInfo } from '../../nodes/values';
import type { ResultTrust } from '../trust/result-trust';

export interface ModelSignature {
  /** The raw input columns, as ingested: name, type and role. */
  inputs: ColumnInfo[];
  /** The column it predicts; null when unknown (an imported model without that information). */
  target: string | null;
  task: ModelTask | null;
  /** Class labels in the order of the model's outputs; empty for regression. */
  labels: string[];
}

/** One step of the run that produced the model: the train step or anything upstream of it. */
export interface LineageStep {
  id: string;
  type: string;
  version: number;
  label?: string;
  params: Record<string, unknown>;
  /**
   * What the cache key said about the code: the node's implementation hash; `builtin:<type>@<version>`
   * in lineage frozen before implementation hashes, or when upgrades were treated as cache-compatible.
   */
  codeHash: string;
  /** The hash of the node code that produced the outputs, and the Pipeworks version of that build (absent before #21). */
  implementationHash?: string | null;
  pipeworksVersion?: string | null;
  /** The key left the code out (the admin's "treat upgrades as cache-compatible" was on). */
  upgradesCacheCompatible?: true;
  cacheKey: string | null;
  /** The data hash an ingest step read (a dataset version's artifact, a bundled file's sha256). */
  sourceKey?: string | null;
  inputs: Record<string, { fromStep: string; output: string }>;
  outputs: Record<string, { id: string; kind: string; size: number }>;
  status: string;
  cachedFromRunId: string | null;
  /** Provenance at registration (absent before issue 22): where it ran, whose run, and whether the server ran or verified it. */
  runner?: string | null;
  backend?: string | null;
  ranBy?: string | null;
  trust?: ResultTrust | null;
}

/** Data that entered the run from outside, read by an ingest step. */
export type LineageSource =
  | {
      kind: 'dataset';
      stepId: string;
      datasetId: string;
      datasetVersionId: string;
      name: string;
      version: number;
      artifactId: string;
      sourceFilename: string;
      format: string;
      rows: number;
    }
  | { kind: 'sample'; stepId: string; name: string; artifactId: string };

export interface ModelLineage {
  run: { id: string; trigger: string; createdAt: number; createdBy: string | null } | null;
  pipeline: { id: string; name: string; version: number; versionId: string; contentHash: string } | null;
  /** The step and output the model came from. */
  stepId: string | null;
  output: string | null;
  /** The train step and every step upstream of it, in plan order. */
  steps: LineageStep[];
  sources: LineageSource[];
  /** The evaluate step whose metrics the version carries, when one evaluated it. */
  metricsFrom: { stepId: string; artifactId: string } | null;
}
