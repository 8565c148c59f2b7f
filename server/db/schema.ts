// The SQLite schema. Timestamps are integer epoch milliseconds; JSON columns are text.
// After any change here run `npm run db:generate -- --name <what>` and commit the migration.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ErrorCode } from '../../engine/errors';
import type { ArtifactRef, Plan } from '../../engine/plan';
import type { ModelLineage, ModelSignature } from '../registry/version-types';
import type { ReferenceProfile } from '../../nodes/monitor/drift/reference-types';
import { RUN_STATUSES, STEP_STATUSES } from '../../engine/plan';
import { ALERT_OPERATORS } from '../../engine/alert-operators';
import { ROLES } from '../auth/roles';
import { CACHE_POLICIES, RESULT_TRUST } from '../trust/result-trust';

export const RUN_TRIGGERS = ['manual', 'cli', 'schedule', 'api', 'dataset', 'alert'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
/** Who saved a pipeline version when no person did: the seeded samples, or `pipeworks run`. */
export const SYSTEM_AUTHORS = ['seed', 'cli'] as const;
export type SystemAuthor = (typeof SYSTEM_AUTHORS)[number];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Json = Record<string, unknown>;

/** One progress event that carried numbers: when (epoch ms), how far, and the numbers themselves. */
export type ProgressPoint = { t: number; fraction: number; data: Record<string, number> };

// Enum values are checked by TypeScript only, not by CHECK constraints: widening a CHECK in SQLite
// means recreating the table, and with foreign keys on that would cascade-delete child rows.

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Always stored lower-cased (see server/auth/users.ts). */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/** `id` is sha256(token) in hex: a leaked database does not yield usable sessions. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash_unique').on(t.keyHash), index('api_keys_user_id_idx').on(t.userId)],
);

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer('created_at').notNull(),
  /** Set while archived: hidden from the project list, still reachable by link; null when active. */
  archivedAt: integer('archived_at'),
  /** Which cached results this project's runs may reuse (server/trust/result-trust.ts); admins set it. */
  cachePolicy: text('cache_policy', { enum: CACHE_POLICIES }).notNull().default('verified'),
});

export const pipelines = sqliteTable(
  'pipelines',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('pipelines_project_id_idx').on(t.projectId)],
);

export const pipelineVersions = sqliteTable(
  'pipeline_versions',
  {
    id: text('id').primaryKey(),
    pipelineId: text('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The saved PipelineDoc; validated with zod in engine/document.ts when read back. */
    doc: text('doc', { mode: 'json' }).$type<Json>().notNull(),
    contentHash: text('content_hash').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when Pipeworks itself saved the version (the seeded samples, `pipeworks run`); author_id is then null. */
    authorSystem: text('author_system', { enum: SYSTEM_AUTHORS }),
    message: text('message'),
    /** The version the save started from; null for versions saved before saves carried one. */
    baseVersion: integer('base_version'),
    /** Set when the save was merged with versions others saved meanwhile: their authors' user ids. */
    mergedAuthorIds: text('merged_author_ids', { mode: 'json' }).$type<string[]>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('pipeline_versions_pipeline_version_unique').on(t.pipelineId, t.version)],
);

export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    pipelineId: text('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    pipelineVersionId: text('pipeline_version_id').references(() => pipelineVersions.id, {
      onDelete: 'set null',
    }),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    plan: text('plan', { mode: 'json' }).$type<Plan>().notNull(),
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    /** Run only up to this step (and what it needs), e.g. "run to here" on the canvas. */
    targetStep: text('target_step'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** `host:pid` of the process executing it, so a restarted server can tell orphaned runs apart. */
    owner: text('owner'),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    errorCode: text('error_code').$type<ErrorCode>(),
    errorMessage: text('error_message'),
    /** A hyperparameter-search trial is a child run of the run whose search step tried it. */
    parentRunId: text('parent_run_id').references((): AnySQLiteColumn => runs.id, { onDelete: 'cascade' }),
    parentStepId: text('parent_step_id'),
    /** Shown instead of the id where set, e.g. "Trial 3". */
    name: text('name'),
    /** "Reproduce this run": the run whose pipeline version and dataset versions this one re-ran. */
    reproducesRunId: text('reproduces_run_id').references((): AnySQLiteColumn => runs.id, { onDelete: 'set null' }),
    /** False when every step must execute again (a reproduction that checks artifact hashes). */
    useCache: integer('use_cache', { mode: 'boolean' }).notNull().default(true),
    /** True once its params, dataset versions and metrics are in their tables; older runs are filled in at start-up. */
    recordsIndexed: integer('records_indexed', { mode: 'boolean' }).notNull().default(false),
    /** Set when a step result of this run failed the server's verification: shown on the run, never cleared. */
    trustFlag: text('trust_flag'),
  },
  (t) => [
    index('runs_status_idx').on(t.status),
    index('runs_pipeline_id_idx').on(t.pipelineId),
    // A pipeline's runs newest first, search trials apart: the runs table's scope, count and default order.
    index('runs_pipeline_scope_idx').on(t.pipelineId, t.parentRunId, t.createdAt),
    index('runs_parent_run_id_idx').on(t.parentRunId),
    // Covers what a runs-table filter checks per candidate run, so it never reads the row (which holds the plan).
    index('runs_scope_idx').on(t.id, t.pipelineId, t.parentRunId, t.createdAt),
  ],
);

export const stepRuns = sqliteTable(
  'step_runs',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    nodeType: text('node_type').notNull(),
    nodeVersion: integer('node_version').notNull(),
    label: text('label'),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    cacheKey: text('cache_key'),
    cachedFromRunId: text('cached_from_run_id').references(() => runs.id, { onDelete: 'set null' }),
    /** Where it ran, e.g. 'server:worker-thread', 'browser', 'queue:<worker id>'. */
    runner: text('runner'),
    /** The ML backend actually used, e.g. 'wasm', 'webgpu', 'onnxruntime-node'. */
    backend: text('backend'),
    /** Why earlier backends were passed over (failed to start, GPU device lost, out of memory). */
    backendNote: text('backend_note'),
    progress: real('progress'),
    progressMessage: text('progress_message'),
    /** Progress events that carried numbers (an epoch's loss, say), thinned to a bounded series. */
    progressSeries: text('progress_series', { mode: 'json' }).$type<ProgressPoint[]>(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    peakMemoryBytes: integer('peak_memory_bytes'),
    outputs: text('outputs', { mode: 'json' }).$type<Record<string, ArtifactRef>>(),
    errorCode: text('error_code').$type<ErrorCode>(),
    errorMessage: text('error_message'),
    /** The step's params as compiled (defaults filled in), and the code version its cache key covered. */
    params: text('params', { mode: 'json' }).$type<Json>(),
    codeHash: text('code_hash'),
    /**
     * The node code and Pipeworks version whose build produced the outputs: this run's for a step
     * it ran, the producing run's for a cached one (they differ only under upgrades-compatible keys).
     */
    implementationHash: text('implementation_hash'),
    pipeworksVersion: text('pipeworks_version'),
    /** Why the key differs from this step's in the pipeline's previous run that had it ("params changed", …). */
    keyChanges: text('key_changes', { mode: 'json' }).$type<string[]>(),
    /**
     * Provenance: the person whose run computed the outputs (the producer's, for a cached step).
     * No foreign key, as in the audit trail: who computed a result outlives their account.
     */
    ranBy: text('ran_by'),
    /** Whether the server computed or verified the outputs (server/trust/result-trust.ts). */
    trust: text('trust', { enum: RESULT_TRUST }),
  },
  (t) => [
    uniqueIndex('step_runs_run_step_unique').on(t.runId, t.stepId),
    // The cache lookup: a succeeded step with the same key.
    index('step_runs_cache_key_status_idx').on(t.cacheKey, t.status),
  ],
);

export const stepLogs = sqliteTable(
  'step_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    at: integer('at').notNull(),
    level: text('level', { enum: LOG_LEVELS }).notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('step_logs_run_id_idx').on(t.runId)],
);

// A run's params and metrics as rows, so run lists sort, filter and compare in SQL and never decode
// artifacts. Keys are `<step id>.<name>` (e.g. `train.learningRate`, `evaluate.roc_auc`): a pipeline
// can evaluate twice, and step ids stay put across versions. Written by server/runs/run-records.ts.
// Both tables are WITHOUT ROWID (migration 0006, by hand: Drizzle cannot declare it), clustered on
// (run_id, key): a page of runs reads its values in one B-tree search each, and the (key, value)
// indexes carry run_id, so a filter never touches the table. Keep that clause if a later migration
// rebuilds them.
export const runParams = sqliteTable(
  'run_params',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    stepId: text('step_id').notNull(),
    /** Strings as they are, anything else as canonical JSON; what equality filters compare. */
    value: text('value').notNull(),
    /** The number, for numeric params: what range filters and sorting use. */
    num: real('num'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.key] }),
    index('run_params_key_value_idx').on(t.key, t.value),
    index('run_params_key_num_idx').on(t.key, t.num),
  ],
);

export const runMetrics = sqliteTable(
  'run_metrics',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    stepId: text('step_id').notNull(),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.key] }), index('run_metrics_key_value_idx').on(t.key, t.value)],
);

/**
 * What each ingest step of a run read: its source key (a dataset version's hash, a bundled file's
 * hash), and the dataset version when it was one. Lineage runs forward from here.
 */
export const runDatasets = sqliteTable(
  'run_datasets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    nodeType: text('node_type').notNull(),
    sourceKey: text('source_key').notNull(),
    datasetVersionId: text('dataset_version_id').references(() => datasetVersions.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('run_datasets_run_step_unique').on(t.runId, t.stepId),
    index('run_datasets_dataset_version_idx').on(t.datasetVersionId),
    index('run_datasets_source_key_idx').on(t.sourceKey),
  ],
);

/** `id` is the sha256 of the bytes; the bytes live on disk (server/store/artifact-files.ts). */
export const artifacts = sqliteTable('artifacts', {
  id: text('id').primaryKey(),
  /** A PortKind for step outputs; other values (e.g. 'upload') for files that entered from outside. */
  kind: text('kind').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  meta: text('meta', { mode: 'json' }).$type<Json>().notNull(),
  createdAt: integer('created_at').notNull(),
  /** The first run that produced these bytes; later identical outputs dedupe onto this row. */
  createdByRunId: text('created_by_run_id').references(() => runs.id, { onDelete: 'set null' }),
  /** When a deletion let go of it (a run, pipeline version or model version): GC's grace period starts here. */
  releasedAt: integer('released_at'),
  /** What let go of it, for the storage page: "run 1a2b3c4d deleted", "churn v3 deleted". */
  releasedBy: text('released_by'),
  /** Set when a browser's result failed the server's verification: never reused, kept as evidence. */
  quarantinedAt: integer('quarantined_at'),
  quarantineReason: text('quarantine_reason'),
});

/** A named dataset; its content lives in its versions. Names are unique and case-sensitive. */
export const datasets = sqliteTable(
  'datasets',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('datasets_name_unique').on(t.name)],
);

/** How a version came in: an uploaded file, or a pipeline step's table (`saveAs`, e.g. batch scoring). */
export const DATASET_FORMATS = ['csv', 'parquet', 'run'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/**
 * One import of a dataset. `artifactId` is the sha256 of the Arrow IPC table in the artifact store:
 * the version's identity and the ingest node's cache key. `sourceSize` is the uploaded file's size.
 */
export const datasetVersions = sqliteTable(
  'dataset_versions',
  {
    id: text('id').primaryKey(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    artifactId: text('artifact_id')
      .notNull()
      .references(() => artifacts.id),
    rows: integer('rows').notNull(),
    /** ColumnInfo[]: name, type and role per column. */
    columns: text('columns', { mode: 'json' }).$type<{ name: string; type: string; role: string }[]>().notNull(),
    format: text('format', { enum: DATASET_FORMATS }).notNull(),
    sourceFilename: text('source_filename').notNull(),
    sourceSize: integer('source_size').notNull(),
    /** The import options used (delimiter found, encoding, NA tokens, type overrides). */
    options: text('options', { mode: 'json' }).$type<Json>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('dataset_versions_dataset_version_unique').on(t.datasetId, t.version),
    index('dataset_versions_artifact_id_idx').on(t.artifactId),
  ],
);

/** No foreign key on user_id: the trail must outlive the user it mentions. */
/**
 * Failed sign-ins, one row per counted key ('account:<email>' or 'address:<ip>'), kept only for the
 * limits' window: in the database so a restart (or a second studio process) does not reset them.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).$type<Json>().notNull(),
  },
  // A thing's history (a model's alias moves), newest first.
  (t) => [index('audit_events_target_idx').on(t.targetType, t.targetId, t.id)],
);

// ── Model registry ───────────────────────────────────────────────────────────────────────────

/**
 * A named model in a project. Its versions are numbered 1, 2, … from `lastVersion`, which the
 * registering transaction bumps and reads in one UPDATE … RETURNING: numbers are never shared or reused.
 */
export const registeredModels = sqliteTable(
  'registered_models',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    lastVersion: integer('last_version').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('registered_models_project_name_unique').on(t.projectId, t.name), index('registered_models_updated_idx').on(t.updatedAt)],
);

/** Where a version came from: a train step of a run, or a file brought in from outside (ONNX import). */
export const MODEL_VERSION_SOURCES = ['run', 'import'] as const;
export type ModelVersionSource = (typeof MODEL_VERSION_SOURCES)[number];

/**
 * One registered version. `artifactId` is what serving loads: a ModelArtifact JSON whose `format`
 * names its predictor, or (format 'onnx') the ONNX bytes themselves. No foreign key on it: GC may
 * remove the bytes of a deleted version while the row stays as the record of what existed.
 */
export const modelVersions = sqliteTable(
  'model_versions',
  {
    id: text('id').primaryKey(),
    modelId: text('model_id')
      .notNull()
      .references(() => registeredModels.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    source: text('source', { enum: MODEL_VERSION_SOURCES }).notNull(),
    format: text('format').notNull(),
    artifactId: text('artifact_id').notNull(),
    signature: text('signature', { mode: 'json' }).$type<ModelSignature>().notNull(),
    /** Headline metrics from the evaluation of this model in its run (also in model_version_metrics). */
    metrics: text('metrics', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    runId: text('run_id').references(() => runs.id, { onDelete: 'set null' }),
    stepId: text('step_id'),
    pipelineId: text('pipeline_id').references(() => pipelines.id, { onDelete: 'set null' }),
    pipelineVersionId: text('pipeline_version_id').references(() => pipelineVersions.id, { onDelete: 'set null' }),
    /** What produced it, frozen at registration: upstream steps with params and code hashes, datasets. */
    lineage: text('lineage', { mode: 'json' }).$type<ModelLineage>().notNull(),
    description: text('description').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    deletedAt: integer('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('model_versions_model_version_unique').on(t.modelId, t.version),
    index('model_versions_run_id_idx').on(t.runId),
    index('model_versions_artifact_id_idx').on(t.artifactId),
    index('model_versions_created_idx').on(t.createdAt),
  ],
);

/** One row per finite metric of a version, so registry lists sort by a metric in SQL. */
export const modelVersionMetrics = sqliteTable(
  'model_version_metrics',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.name] }), index('model_version_metrics_name_value_idx').on(t.name, t.value)],
);

/** The train step's params, flattened to `key = text`, so registry lists filter by a param in SQL. */
export const modelVersionParams = sqliteTable(
  'model_version_params',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.key] }), index('model_version_params_key_value_idx').on(t.key, t.value, t.versionId)],
);

/** An alias names at most one version of a model (the primary key says so). */
export const modelAliases = sqliteTable(
  'model_aliases',
  {
    modelId: text('model_id')
      .notNull()
      .references(() => registeredModels.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    versionId: text('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    setBy: text('set_by').references(() => users.id, { onDelete: 'set null' }),
    setAt: integer('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.alias] }), index('model_aliases_version_id_idx').on(t.versionId)],
);

export const ALIAS_REQUEST_STATES = ['pending', 'approved', 'rejected', 'withdrawn', 'superseded'] as const;
export type AliasRequestState = (typeof ALIAS_REQUEST_STATES)[number];

/**
 * A move of an alias that waits for approval (production, where the project asks for it).
 * `versionId` null asks to remove the alias. `fromVersionId` is what it pointed at when asked.
 */
export const aliasRequests = sqliteTable(
  'alias_requests',
  {
    id: text('id').primaryKey(),
    modelId: text('model_id')
      .notNull()
      .references(() => registeredModels.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    versionId: text('version_id').references(() => modelVersions.id, { onDelete: 'cascade' }),
    fromVersionId: text('from_version_id').references(() => modelVersions.id, { onDelete: 'set null' }),
    state: text('state', { enum: ALIAS_REQUEST_STATES }).notNull(),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: integer('requested_at').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at'),
    decisionComment: text('decision_comment'),
  },
  (t) => [index('alias_requests_state_idx').on(t.state, t.requestedAt), index('alias_requests_model_id_idx').on(t.modelId)],
);

/** Per-project registry rules; a project without a row uses the defaults (no approval needed). */
export const registrySettings = sqliteTable('registry_settings', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  /** Moving or removing `production` waits for a viewer's (manager's) or an admin's approval. */
  productionApproval: integer('production_approval', { mode: 'boolean' }).notNull().default(false),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});

/** Settings of the whole installation: at most one row (id 1); without it, the defaults hold. */
export const instanceSettings = sqliteTable('instance_settings', {
  id: integer('id').primaryKey(),
  /** "Treat upgrades as cache-compatible": built-in steps keyed by type@version, not their code. */
  upgradesCacheCompatible: integer('upgrades_cache_compatible', { mode: 'boolean' }).notNull().default(false),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
export type Pipeline = typeof pipelines.$inferSelect;
export type NewPipeline = typeof pipelines.$inferInsert;
export type PipelineVersion = typeof pipelineVersions.$inferSelect;
export type NewPipelineVersion = typeof pipelineVersions.$inferInsert;
export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;
export type StepRun = typeof stepRuns.$inferSelect;
export type NewStepRun = typeof stepRuns.$inferInsert;
export type StepLog = typeof stepLogs.$inferSelect;
export type NewStepLog = typeof stepLogs.$inferInsert;
export type Artifact = typeof artifacts.$inferSelect;
export type NewArtifact = typeof artifacts.$inferInsert;
export type Dataset = typeof datasets.$inferSelect;
export type DatasetVersion = typeof datasetVersions.$inferSelect;
export type NewDatasetVersion = typeof datasetVersions.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type RunParam = typeof runParams.$inferSelect;
export type RunMetric = typeof runMetrics.$inferSelect;
export type RunDataset = typeof runDatasets.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type RegisteredModel = typeof registeredModels.$inferSelect;
export type ModelVersion = typeof modelVersions.$inferSelect;
export type NewModelVersion = typeof modelVersions.$inferInsert;
export type ModelAlias = typeof modelAliases.$inferSelect;
export type AliasRequest = typeof aliasRequests.$inferSelect;

// ---- Deploy and serve (issue 13) ----------------------------------------------------------------
// The studio writes these tables; the serving process (server/serving/) only reads endpoints,
// deployments and keys, and appends to the prediction log. It follows changes by polling
// `endpoints.revision`, which every write to an endpoint, its deployments or its keys increments.

/** What an endpoint does with a categorical value its model never saw in training. */
export const UNSEEN_CATEGORY_POLICIES = ['refuse', 'accept'] as const;
export type UnseenCategoryPolicy = (typeof UNSEEN_CATEGORY_POLICIES)[number];

/**
 * A named HTTP endpoint: `/v2/models/{name}/infer` and `/endpoints/{name}/invocations`. Names are
 * unique across the installation because they appear in URLs. `undeployedAt` set: it answers 404.
 */
export const endpoints = sqliteTable(
  'endpoints',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Lower-case letters, digits and dashes; what clients put in the URL. */
    name: text('name').notNull(),
    /** The registered model whose versions this endpoint serves. */
    modelId: text('model_id')
      .notNull()
      .references(() => registeredModels.id, { onDelete: 'cascade' }),
    description: text('description').notNull().default(''),
    /** Fraction of requests written to the prediction log, 0..1. */
    logSampleRate: real('log_sample_rate').notNull().default(1),
    /** Largest request body accepted, in bytes. */
    maxBodyBytes: integer('max_body_bytes').notNull().default(1_048_576),
    /** Default per-key rate limit (requests per minute) for keys that set none. */
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(6000),
    /** A categorical value the model never saw: 'refuse' answers 400 naming it; 'accept' scores it in the unseen bucket. */
    unseenCategories: text('unseen_categories', { enum: UNSEEN_CATEGORY_POLICIES }).notNull().default('refuse'),
    /** Incremented on every change to the endpoint, its deployments or its keys. */
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    undeployedAt: integer('undeployed_at'),
    undeployedBy: text('undeployed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('endpoints_name_unique').on(t.name), index('endpoints_project_id_idx').on(t.projectId), index('endpoints_revision_idx').on(t.revision)],
);

/**
 * What serves an endpoint. Rows with `retiredAt` null are live: exactly one `primary`, at most one
 * `canary` (it takes `trafficPercent` of requests, the primary the rest) and at most one `shadow`
 * (it scores every request silently; only its log entries show it). Retired rows are the history
 * that rollback reads: rolling back retires the live primary and adds a new primary row for the
 * version of the previous one.
 */
export const DEPLOYMENT_ROLES = ['primary', 'canary', 'shadow'] as const;
export type DeploymentRole = (typeof DEPLOYMENT_ROLES)[number];
export const DEPLOYMENT_REASONS = ['deploy', 'canary', 'shadow', 'promote', 'rollback', 'undeploy'] as const;
export type DeploymentReason = (typeof DEPLOYMENT_REASONS)[number];

export const deployments = sqliteTable(
  'deployments',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => modelVersions.id),
    role: text('role', { enum: DEPLOYMENT_ROLES }).notNull(),
    /** Canary: 1..99. Primary: 100 minus the live canary's share. Shadow: 0. */
    trafficPercent: integer('traffic_percent').notNull(),
    reason: text('reason', { enum: DEPLOYMENT_REASONS }).notNull(),
    /** The run and deploy step that made it; null when a person did it on the deployment page. */
    runId: text('run_id').references(() => runs.id, { onDelete: 'set null' }),
    stepId: text('step_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    retiredAt: integer('retired_at'),
    retiredBy: text('retired_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Insertion order, on both databases (Postgres has no rowid): rollback's stack of primaries and
     * the history's tie-break read it. Numbered by the insert itself, one row at a time: writers of
     * deployments run in a transaction, which serializes them (BEGIN IMMEDIATE; advisory lock on pg).
     */
    seq: integer('seq')
      .notNull()
      .$defaultFn(() => sql`(select coalesce(max("seq"), 0) + 1 from "deployments")`),
  },
  (t) => [
    index('deployments_endpoint_live_idx').on(t.endpointId, t.retiredAt),
    index('deployments_version_id_idx').on(t.versionId),
    uniqueIndex('deployments_seq_unique').on(t.seq),
  ],
);

/** What an endpoint key may do. `infer` calls the model, `feedback` posts ground truth. */
export const ENDPOINT_KEY_SCOPES = ['infer', 'feedback'] as const;
export type EndpointKeyScope = (typeof ENDPOINT_KEY_SCOPES)[number];

/** A key for one endpoint. Only the SHA-256 of the key is stored; the key is shown once. */
export const endpointKeys = sqliteTable(
  'endpoint_keys',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<EndpointKeyScope[]>().notNull(),
    /** Requests per minute for this key; null uses the endpoint's default. */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('endpoint_keys_key_hash_unique').on(t.keyHash), index('endpoint_keys_endpoint_id_idx').on(t.endpointId)],
);

/**
 * A sampled prediction, written by the serving process in batches. `id` is the prediction id
 * returned to the client (feedback refers to it); a shadow's entry has its own id and `shadowOf`
 * names the answered prediction. Inputs are the raw rows as sent; outputs as answered.
 */
export const predictionLog = sqliteTable(
  'prediction_log',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id').notNull(),
    role: text('role', { enum: DEPLOYMENT_ROLES }).notNull(),
    shadowOf: text('shadow_of'),
    keyId: text('key_id'),
    createdAt: integer('created_at').notNull(),
    latencyMs: real('latency_ms').notNull(),
    inputs: text('inputs', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    outputs: text('outputs', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /**
     * The columnar block (prediction_log_blocks) that also holds this entry's inputs and prediction,
     * or null: entries logged before blocks existed, written outside the serving writer, or with
     * input names a block does not encode. A drift check reads those rows one by one.
     */
    blockId: integer('block_id'),
  },
  (t) => [
    index('prediction_log_endpoint_created_idx').on(t.endpointId, t.createdAt),
    index('prediction_log_version_created_idx').on(t.versionId, t.createdAt),
    index('prediction_log_block_idx')
      .on(t.blockId)
      .where(sql`block_id IS NOT NULL`),
    // The entries a drift check must read row by row: few, once the serving writer logs blocks.
    index('prediction_log_loose_idx')
      .on(t.endpointId, t.createdAt)
      .where(sql`block_id IS NULL`),
  ],
);

/**
 * One writer batch's entries of one endpoint and version as columns (prediction-log-block.mjs):
 * their rowids, times, latencies, every input and the prediction, so a drift check over a million
 * predictions decodes a few thousand blobs instead of a million JSON rows. The rows themselves stay
 * in prediction_log (feedback, exports, the dashboards read them there). `live` counts the block's
 * rows still in prediction_log and `stale` turns on once one of them is deleted or changed
 * (triggers in migration 0023): a stale block is not read, its remaining rows are read one by one.
 */
export const predictionLogBlocks = sqliteTable(
  'prediction_log_blocks',
  {
    id: integer('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id').notNull(),
    firstCreatedAt: integer('first_created_at').notNull(),
    lastCreatedAt: integer('last_created_at').notNull(),
    rows: integer('rows').notNull(),
    live: integer('live').notNull(),
    stale: integer('stale', { mode: 'boolean' }).notNull().default(false),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('prediction_log_blocks_window_idx').on(t.endpointId, t.versionId, t.lastCreatedAt)],
);

/** Ground truth that arrived later, by prediction id; posting again for the same id replaces it. */
export const predictionFeedback = sqliteTable(
  'prediction_feedback',
  {
    predictionId: text('prediction_id')
      .primaryKey()
      .references(() => predictionLog.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    /** The true label (classification) or value (regression), as sent. */
    label: text('label', { mode: 'json' }).$type<string | number | boolean>().notNull(),
    keyId: text('key_id'),
    receivedAt: integer('received_at').notNull(),
  },
  // The received index lets the dashboards' consumer read only feedback newer than its watermark.
  (t) => [index('prediction_feedback_endpoint_received_idx').on(t.endpointId, t.receivedAt), index('prediction_feedback_received_idx').on(t.receivedAt, t.predictionId)],
);

/**
 * A deploy that waits for a manager's approval: in a project whose registry settings guard
 * `production`, a rollout that changes what answers clients (replace, canary, promote) is asked
 * for here and applied, in the approving transaction, by a viewer (manager) or an admin other
 * than the requester. Gates were checked when it was asked for; `gates` keeps their results.
 */
export const DEPLOY_REQUEST_MODES = ['replace', 'canary', 'promote'] as const;
export type DeployRequestMode = (typeof DEPLOY_REQUEST_MODES)[number];

export const deployRequests = sqliteTable(
  'deploy_requests',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: DEPLOY_REQUEST_MODES }).notNull(),
    /** The canary's share for mode canary; 0 otherwise. */
    trafficPercent: integer('traffic_percent').notNull().default(0),
    state: text('state', { enum: ALIAS_REQUEST_STATES }).notNull(),
    gates: text('gates', { mode: 'json' }).$type<Json[]>().notNull(),
    runId: text('run_id').references(() => runs.id, { onDelete: 'set null' }),
    stepId: text('step_id'),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: integer('requested_at').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at'),
    decisionComment: text('decision_comment'),
  },
  (t) => [index('deploy_requests_endpoint_state_idx').on(t.endpointId, t.state)],
);
export type Endpoint = typeof endpoints.$inferSelect;
export type Deployment = typeof deployments.$inferSelect;
export type EndpointKey = typeof endpointKeys.$inferSelect;
export type DeployRequest = typeof deployRequests.$inferSelect;

// ---- Monitoring (issue 16) ---------------------------------------------------------------------

/**
 * A model version's training-data statistics, computed once at registration so drift checks never
 * re-read the training data (nodes/monitor/drift/reference-types.ts). A table of its own so lists
 * of versions never load it. Absent for versions with no training data to read (imports).
 */
export const modelVersionReferences = sqliteTable('model_version_references', {
  versionId: text('version_id')
    .primaryKey()
    .references(() => modelVersions.id, { onDelete: 'cascade' }),
  /** The artifact of the table the model was trained on. */
  dataArtifactId: text('data_artifact_id').notNull(),
  profile: text('profile', { mode: 'json' }).$type<ReferenceProfile>().notNull(),
  createdAt: integer('created_at').notNull(),
});

// ---- Monitoring: checks, alerts, notifications, webhooks (issue 16) -----------------------------
// A check reads the endpoint's current window of the prediction log (and its feedback) once, and
// stores every figure it computed as a row of monitor_figures, so trends and alert rules read
// small indexed rows and never re-scan the log. Checks run on a schedule (monitor_settings) or on
// demand; alert rules judge each new check's figures.

export const MONITOR_WINDOW_KINDS = ['predictions', 'hours'] as const;
export type MonitorWindowKind = (typeof MONITOR_WINDOW_KINDS)[number];
export const PROMOTION_MODES = ['auto', 'approval'] as const;
export type PromotionMode = (typeof PROMOTION_MODES)[number];

/** Per-endpoint monitoring settings; an endpoint without a row is checked on demand only, with the defaults. */
export const monitorSettings = sqliteTable('monitor_settings', {
  endpointId: text('endpoint_id')
    .primaryKey()
    .references(() => endpoints.id, { onDelete: 'cascade' }),
  /** The current window: the last `windowSize` predictions, or those of the last `windowSize` hours. */
  windowKind: text('window_kind', { enum: MONITOR_WINDOW_KINDS }).notNull().default('predictions'),
  windowSize: integer('window_size').notNull().default(10_000),
  /** Minutes between scheduled checks; null: on demand only. */
  checkIntervalMinutes: integer('check_interval_minutes'),
  /** When the scheduler next runs a check (epoch ms); claimed by an UPDATE so no check runs twice. */
  nextCheckAt: integer('next_check_at'),
  /** Drift thresholds (DriftSettings of nodes/monitor/drift/drift-thresholds.ts) overriding the defaults. */
  thresholds: text('thresholds', { mode: 'json' }).$type<Json>().notNull(),
  /** The pipeline a retrain trigger runs for this endpoint (continuous training), if any. */
  retrainPipelineId: text('retrain_pipeline_id').references(() => pipelines.id, { onDelete: 'set null' }),
  /** A challenger that beats the champion: promoted at once ('auto'), or waits for a manager ('approval'). */
  promotionMode: text('promotion_mode', { enum: PROMOTION_MODES }).notNull().default('approval'),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});

export const MONITOR_CHECK_TRIGGERS = ['schedule', 'manual', 'api', 'node'] as const;
export type MonitorCheckTrigger = (typeof MONITOR_CHECK_TRIGGERS)[number];
export const MONITOR_CHECK_STATUSES = ['ok', 'drift', 'error'] as const;
export type MonitorCheckStatus = (typeof MONITOR_CHECK_STATUSES)[number];

/**
 * One check of one endpoint's current window against its live version's reference. `detail`
 * keeps what the page draws for this window and no trend needs: per feature the reference and
 * current histograms. `error` says why a check could not run (no traffic, no reference).
 */
export const monitorChecks = sqliteTable(
  'monitor_checks',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id').references(() => modelVersions.id, { onDelete: 'set null' }),
    trigger: text('trigger', { enum: MONITOR_CHECK_TRIGGERS }).notNull(),
    status: text('status', { enum: MONITOR_CHECK_STATUSES }).notNull(),
    /** Epoch ms of the first and last logged prediction in the window; null when it was empty. */
    windowFrom: integer('window_from'),
    windowTo: integer('window_to'),
    rows: integer('rows').notNull().default(0),
    /** Rows of the window that had feedback (labels) when the check ran. */
    labelledRows: integer('labelled_rows').notNull().default(0),
    detail: text('detail', { mode: 'json' }).$type<Json>().notNull(),
    error: text('error'),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('monitor_checks_endpoint_started_idx').on(t.endpointId, t.startedAt)],
);

/**
 * Every figure of a check, one row each: `metric` is a drift statistic (psi, ks, ks_p_value,
 * wasserstein, chi2, chi2_p_value, missing_rate, unseen_rate) of a `feature` (the prediction's
 * own figures use feature '__prediction__'), or a whole-model figure with feature '' (a decay
 * metric such as roc_auc, cost_per_1000, or serving health: latency_p50/p95/p99, throughput_rps,
 * error_rate, rss_mb, model_mb). `flagged` is the threshold's verdict where the metric has one.
 */
export const monitorFigures = sqliteTable(
  'monitor_figures',
  {
    checkId: text('check_id')
      .notNull()
      .references(() => monitorChecks.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id').notNull(),
    at: integer('at').notNull(),
    feature: text('feature').notNull(),
    metric: text('metric').notNull(),
    value: real('value').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.feature, t.metric] }), index('monitor_figures_series_idx').on(t.endpointId, t.metric, t.feature, t.at)],
);

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * `metric(feature) op threshold for N windows`, e.g. `psi(amount) > 0.2 for 2 windows` or
 * `roc_auc < 0.8` (feature ''). Judged on each new check of its endpoint: it opens an alert when
 * the last `forWindows` checks all broke it, and resolves the open one when a check no longer does.
 */
export const alertRules = sqliteTable(
  'alert_rules',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    feature: text('feature').notNull().default(''),
    operator: text('operator', { enum: ALERT_OPERATORS }).notNull(),
    threshold: real('threshold').notNull(),
    forWindows: integer('for_windows').notNull().default(1),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull().default('warning'),
    /** Where the alert is also posted; null: in-app notification only. */
    webhookId: text('webhook_id').references((): AnySQLiteColumn => webhooks.id, { onDelete: 'set null' }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('alert_rules_endpoint_idx').on(t.endpointId)],
);

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** An alert a rule opened. At most one not-resolved alert per rule (the partial unique index says so). */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id')
      .notNull()
      .references(() => alertRules.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ALERT_STATES }).notNull(),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull(),
    /** In words: "psi(amount) = 0.41 > 0.2 for 2 windows". */
    message: text('message').notNull(),
    /** The figure that opened it, and the check it came from. */
    value: real('value').notNull(),
    checkId: text('check_id').references(() => monitorChecks.id, { onDelete: 'set null' }),
    openedAt: integer('opened_at').notNull(),
    lastCheckId: text('last_check_id'),
    acknowledgedBy: text('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: integer('acknowledged_at'),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: integer('resolved_at'),
    /** 'recovered' when a check no longer broke the rule; otherwise the person's comment. */
    resolution: text('resolution'),
  },
  (t) => [
    index('alerts_endpoint_opened_idx').on(t.endpointId, t.openedAt),
    index('alerts_state_idx').on(t.state, t.openedAt),
    uniqueIndex('alerts_rule_unresolved_unique').on(t.ruleId).where(sql`state <> 'resolved'`),
  ],
);

/** An in-app notification for one person; `link` is a studio path. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_user_created_idx').on(t.userId, t.readAt, t.createdAt)],
);

/**
 * A webhook target of a project. Its URL must match an entry of webhook_allowlist when posted;
 * loopback, link-local, private and metadata addresses are refused (after redirects and DNS
 * resolution too) unless that entry is marked `allowPrivate` by an admin.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** HMAC-SHA256 secret for the X-Pipeworks-Signature header; shown once. */
    secret: text('secret').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhooks_project_idx').on(t.projectId)],
);

/** Admin-set origins webhooks may reach, e.g. `https://hooks.slack.com`. */
export const webhookAllowlist = sqliteTable(
  'webhook_allowlist',
  {
    id: text('id').primaryKey(),
    /** scheme://host[:port], lower-case; a path prefix is not part of it. */
    origin: text('origin').notNull(),
    /** Lets this origin resolve to loopback, link-local or private addresses (never cloud metadata). */
    allowPrivate: integer('allow_private', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('webhook_allowlist_origin_unique_idx').on(t.origin)],
);

export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/**
 * One event posted to a webhook (an alert opened, acknowledged or resolved; a test ping), with its
 * attempts: `pending` until a 2xx answer (`delivered`) or until it gives up (`failed`: attempts
 * used up, or an answer that a retry cannot change). `payload` is the exact body, so a retry after a
 * restart sends what the first attempt did; `nextAttemptAt` is when a pending one is due (a claimed
 * attempt moves it on by a lease, so a process that died mid-attempt leaves it due again).
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    alertId: text('alert_id').references(() => alerts.id, { onDelete: 'set null' }),
    /** e.g. `alert.opened`, `alert.acknowledged`, `alert.resolved`, `ping`. */
    event: text('event').notNull().default(''),
    payload: text('payload').notNull().default(''),
    state: text('state', { enum: WEBHOOK_DELIVERY_STATES }).notNull().default('delivered'),
    attempts: integer('attempts').notNull().default(1),
    maxAttempts: integer('max_attempts').notNull().default(1),
    nextAttemptAt: integer('next_attempt_at'),
    createdAt: integer('created_at').notNull().default(0),
    /** When the last attempt ended. */
    at: integer('at').notNull(),
    /** HTTP status of the last attempt; null when refused or unreachable (then `error` says why). */
    status: integer('status'),
    error: text('error'),
  },
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.at), index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt)],
);

// ---- Continuous training (issue 16) --------------------------------------------------------------

export const TRAINING_TRIGGER_KINDS = ['cron', 'dataset', 'alert'] as const;
export type TrainingTriggerKind = (typeof TRAINING_TRIGGER_KINDS)[number];

/**
 * What starts a pipeline run by itself: a cron schedule, a new version of a dataset, or an alert
 * of a rule (or of any rule of an endpoint when `alertRuleId` is null). `nextFireAt` is the cron's
 * next time; the scheduler claims a fire by inserting its trigger_fires row (unique dedupe key),
 * so a restart or a second studio process never fires the same trigger twice.
 */
export const trainingTriggers = sqliteTable(
  'training_triggers',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    pipelineId: text('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    /** The endpoint whose champion a retrain challenges; null: the run just runs. */
    endpointId: text('endpoint_id').references(() => endpoints.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TRAINING_TRIGGER_KINDS }).notNull(),
    /** Five-field cron expression, UTC (kind cron). */
    cron: text('cron'),
    datasetId: text('dataset_id').references(() => datasets.id, { onDelete: 'cascade' }),
    alertRuleId: text('alert_rule_id').references(() => alertRules.id, { onDelete: 'cascade' }),
    /**
     * Before each fire, the endpoint's labelled traffic (logged rows with feedback) is saved as the
     * next version of this dataset, so a pipeline reading it retrains on the new data; null: not saved.
     */
    trafficDataset: text('traffic_dataset'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    nextFireAt: integer('next_fire_at'),
    lastFiredAt: integer('last_fired_at'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('training_triggers_kind_next_idx').on(t.kind, t.enabled, t.nextFireAt), index('training_triggers_pipeline_idx').on(t.pipelineId)],
);

/**
 * One firing of a trigger. `dedupeKey` is what it fired for: the cron's scheduled minute, the
 * dataset version id or the alert id; unique per trigger, so a second claim of it fails.
 */
export const triggerFires = sqliteTable(
  'trigger_fires',
  {
    id: text('id').primaryKey(),
    triggerId: text('trigger_id')
      .notNull()
      .references(() => trainingTriggers.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key').notNull(),
    firedAt: integer('fired_at').notNull(),
    runId: text('run_id').references(() => runs.id, { onDelete: 'set null' }),
    /** Why no run started, when none did. */
    error: text('error'),
  },
  (t) => [uniqueIndex('trigger_fires_dedupe_unique').on(t.triggerId, t.dedupeKey), index('trigger_fires_fired_idx').on(t.firedAt)],
);

export const CHALLENGE_DECISIONS = ['promoted', 'awaiting_approval', 'kept_champion', 'approved', 'rejected', 'failed'] as const;
export type ChallengeDecision = (typeof CHALLENGE_DECISIONS)[number];

/**
 * A retrained challenger judged against the endpoint's champion on the same fresh holdout:
 * `figures` holds both sides' metrics and business cost; `gates` each gate's result. When it
 * waits for a manager, `deployRequestId` is the deploy request to approve.
 */
export const challenges = sqliteTable(
  'challenges',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => runs.id, { onDelete: 'set null' }),
    triggerFireId: text('trigger_fire_id').references(() => triggerFires.id, { onDelete: 'set null' }),
    championVersionId: text('champion_version_id').references(() => modelVersions.id, { onDelete: 'set null' }),
    challengerVersionId: text('challenger_version_id').references(() => modelVersions.id, { onDelete: 'set null' }),
    /** The artifact of the fresh holdout both were scored on. */
    holdoutArtifactId: text('holdout_artifact_id'),
    figures: text('figures', { mode: 'json' }).$type<Json>().notNull(),
    gates: text('gates', { mode: 'json' }).$type<Json[]>().notNull(),
    decision: text('decision', { enum: CHALLENGE_DECISIONS }).notNull(),
    deployRequestId: text('deploy_request_id').references(() => deployRequests.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (t) => [index('challenges_endpoint_created_idx').on(t.endpointId, t.createdAt)],
);

export type MonitorSettings = typeof monitorSettings.$inferSelect;
export type MonitorCheck = typeof monitorChecks.$inferSelect;
export type MonitorFigure = typeof monitorFigures.$inferSelect;
export type AlertRule = typeof alertRules.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type TrainingTrigger = typeof trainingTriggers.$inferSelect;
export type TriggerFire = typeof triggerFires.$inferSelect;
export type Challenge = typeof challenges.$inferSelect;

// ---- Managers' dashboards (issue 19) -----------------------------------------------------------
// Business KPI settings per registered model, and daily aggregates of the prediction log and its
// feedback that a studio-side consumer (server/dashboard/kpi-consumer.ts) keeps up to date from a
// stored watermark, so the dashboards read a few small rows and never scan the log per request.

/**
 * What a binary classifier's outcomes are worth, per registered model. Each outcome is a fixed sum
 * or, `*Weighted` set, that sum times the prediction input's `valueColumn` (fraud caught is worth
 * the transaction's amount). `threshold` (a multiple of 0.01) is the positive-class score from
 * which a prediction counts as positive; `positiveLabel` is one of the model's class labels.
 */
export const businessKpiSettings = sqliteTable('business_kpi_settings', {
  modelId: text('model_id')
    .primaryKey()
    .references(() => registeredModels.id, { onDelete: 'cascade' }),
  positiveLabel: text('positive_label').notNull(),
  tpValue: real('tp_value').notNull(),
  tpWeighted: integer('tp_weighted', { mode: 'boolean' }).notNull().default(false),
  fpCost: real('fp_cost').notNull(),
  fpWeighted: integer('fp_weighted', { mode: 'boolean' }).notNull().default(false),
  fnCost: real('fn_cost').notNull(),
  fnWeighted: integer('fn_weighted', { mode: 'boolean' }).notNull().default(false),
  valueColumn: text('value_column'),
  threshold: real('threshold').notNull().default(0.5),
  currency: text('currency').notNull().default('USD'),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One UTC day of one endpoint's answered predictions (shadows excluded) by the version that
 * answered. `latencyHist` counts per bucket of server/dashboard/latency-buckets.ts. For binary
 * classifiers, labelled rows are counted by score bin b (0..100, the largest b with score ≥ b/100)
 * and true class: `posHist`/`negHist` counts, `posValue`/`negValue` sums of the value column —
 * enough to price any threshold and any costs without reading the log again.
 */
export const kpiDaily = sqliteTable(
  'kpi_daily',
  {
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: text('version_id').notNull(),
    /** Days since 1970-01-01, UTC. */
    day: integer('day').notNull(),
    predictions: integer('predictions').notNull().default(0),
    latencyHist: text('latency_hist', { mode: 'json' }).$type<number[]>().notNull(),
    labelled: integer('labelled').notNull().default(0),
    /** Feedback whose label is not one of the model's classes, or rows without a positive-class score. */
    unusable: integer('unusable').notNull().default(0),
    posHist: text('pos_hist', { mode: 'json' }).$type<number[]>().notNull(),
    negHist: text('neg_hist', { mode: 'json' }).$type<number[]>().notNull(),
    posValue: text('pos_value', { mode: 'json' }).$type<number[]>().notNull(),
    negValue: text('neg_value', { mode: 'json' }).$type<number[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpointId, t.versionId, t.day] }), index('kpi_daily_day_idx').on(t.day)],
);

/**
 * What the consumer counted for each labelled prediction, so feedback that replaces earlier
 * feedback takes the old count back out. `positive` null: counted as unusable.
 */
export const kpiCountedLabels = sqliteTable('kpi_counted_labels', {
  predictionId: text('prediction_id').primaryKey(),
  endpointId: text('endpoint_id').notNull(),
  versionId: text('version_id').notNull(),
  day: integer('day').notNull(),
  bin: integer('bin'),
  value: real('value'),
  positive: integer('positive', { mode: 'boolean' }),
});

/**
 * Where the consumer stopped: `predictions` at a prediction log rowid; `feedback` at a
 * (receivedAt, predictionId) pair, `tieBreak` being the prediction id.
 */
export const kpiWatermarks = sqliteTable('kpi_watermarks', {
  stream: text('stream').primaryKey(),
  position: integer('position').notNull(),
  tieBreak: text('tie_break').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
});

export type BusinessKpiSettings = typeof businessKpiSettings.$inferSelect;
export type KpiDaily = typeof kpiDaily.$inferSelect;

// ── Queue workers (server/queue/, docs/architecture.md "Queue mode") ─────────────────────────────

/**
 * Credentials of `pipeworks worker` processes: `pw_wk_` + 32 random bytes, shown once, stored as
 * sha256 like API keys. A worker token reaches only the worker API (artifacts, heartbeats), never tRPC.
 */
export const workerTokens = sqliteTable(
  'worker_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [uniqueIndex('worker_tokens_token_hash_unique').on(t.tokenHash)],
);

/** What each worker process last said about itself; a worker silent for long is no longer listed as connected. */
export const queueWorkers = sqliteTable(
  'queue_workers',
  {
    id: text('id').primaryKey(),
    tokenId: text('token_id')
      .notNull()
      .references(() => workerTokens.id, { onDelete: 'cascade' }),
    hostname: text('hostname').notNull(),
    capabilities: text('capabilities', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    concurrency: integer('concurrency').notNull(),
    /** Steps running on it at the last heartbeat. */
    active: integer('active').notNull(),
    /** The 1-minute load average of its machine at the last heartbeat. */
    loadAverage: real('load_average').notNull(),
    startedAt: integer('started_at').notNull(),
    lastHeartbeatAt: integer('last_heartbeat_at').notNull(),
  },
  (t) => [index('queue_workers_heartbeat_idx').on(t.lastHeartbeatAt)],
);

export type WorkerToken = typeof workerTokens.$inferSelect;
export type QueueWorker = typeof queueWorkers.$inferSelect;
