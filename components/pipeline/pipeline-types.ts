// What the pipeline page reads from the server, narrowed to the fields it shows.
// Server outputs are assigned to these types, so a change on the server shows up at compile time.

export interface PortInfo {
  name: string;
  kind: string;
  label?: string;
  optional?: boolean;
}

export interface NodeTypeInfo {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: readonly PortInfo[];
  outputs: readonly PortInfo[];
  /** Where this node can run; absent in older payloads (then both). */
  runsOn?: readonly ('browser' | 'server')[];
  /** The params as JSON Schema, for the inspector's generated form. */
  paramsSchema?: Record<string, unknown>;
  /** Every param with its default, or null when some param has none; a new node starts with these. */
  paramDefaults?: Record<string, unknown> | null;
  /** Params that hold user code (code nodes). */
  codeParams?: readonly string[];
  /** Why "Fork as code node" is not offered for this type, or null when it is. */
  forkRefusal?: string | null;
}

export interface IssueView {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
  /** For a loop: every node on it. */
  nodeIds?: string[];
}

export interface ArtifactRefView {
  id: string;
  kind: string;
  size: number;
}

export interface StepView {
  stepId: string;
  nodeType: string;
  label: string | null;
  status: string;
  progress: number | null;
  progressMessage: string | null;
  progressSeries?: { t: number; fraction: number; data: Record<string, number> }[] | null;
  startedAt: number | null;
  finishedAt: number | null;
  peakMemoryBytes: number | null;
  cachedFromRunId: string | null;
  runner: string | null;
  backend: string | null;
  backendNote?: string | null;
  /** Where the plan placed it; a queue worker runs a 'browser' step in its headless browser. Absent in older payloads. */
  placement?: 'browser' | 'server' | null;
  /** Why the step's key differs from its last run's ("code changed (Pipeworks upgraded)", …). */
  keyChanges?: string[] | null;
  outputs: Record<string, ArtifactRefView> | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** The params the step ran with, as compiled (defaults filled in); absent in older payloads. */
  params?: unknown;
  /** Provenance (issue 22): whose run computed the outputs, the build, and whether the server ran or verified them. */
  ranByName?: string | null;
  implementationHash?: string | null;
  trust?: string | null;
}

export interface RunView {
  id: string;
  status: string;
  trigger: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  steps: StepView[];
  /** The pipeline version it ran; null when that version was deleted. */
  version?: number | null;
  /** Why the person looking may not cancel it (the server's own rule, roles.ts), or null when they may. */
  cancelRefusal?: string | null;
}

export interface RunSummary {
  id: string;
  status: string;
  trigger: string;
  version?: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

// 'interrupted' is not live either: nothing moves until someone resumes it.
export const TERMINAL_RUN_STATES: readonly string[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export function isFinished(status: string | undefined): boolean {
  return status !== undefined && TERMINAL_RUN_STATES.includes(status);
}
